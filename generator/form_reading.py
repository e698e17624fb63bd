"""A submitted "Neues Angebot eintragen" form read back (issue_forms.read) and turned into
a proposal: the provider file with the new offering, and everything that did not go in
as the person gave it, in the form's words."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import content, pipeline, yaml_roundtrip, yamlsafe
from .issue_forms import (CONFIDENTIAL, CONSENT, CONSENT_FIELD, COUNTRIES, ONLINE, OUTREACH, new_offering_fields,
                          read)
from .kinds import Kind
from .markup import code_span
from .region_towns import regions_of_town
from .records import Region, Status
from .text import slug

FIELDS = {f.id: f for f in [*new_offering_fields(), CONSENT_FIELD]}
LABELS = {field_id: f.label for field_id, f in FIELDS.items()}
# Where each field of the written file comes from in the form, by the section of the file
# ("" for the provider itself): the form field, and for a value the form writes, the answer
# that writes it and the word a sentence names it by.
FROM_FORM = {
    "angebote": {"name": "angebot_name", "beschreibung": "beschreibung", "leichte_sprache": "leichte_sprache",
                 "themen": "themen", "zielgruppen": "zielgruppen", "kosten": "kosten", "zugang": "zugang",
                 "sprachen": "sprachen", "barrierefreiheit": "barrierefreiheit", "telefon": "telefon",
                 "email": "email", "webseite": "webseite", "rolle": "kontakt_rolle", "regionen": "regionen",
                 "sprechzeiten_hinweis": "sprechzeiten", "orte": "ort", "online": "wo", "aufsuchend": "wo"},
    "adressen": {"strasse": "strasse", "plz": "plz", "ort": "ort", "land": "land", "vertraulich": "wo"},
    "": {"name": "traeger_name", "art": "traeger_art"},
}
ANSWERS = {("angebote", "aufsuchend", "ja"): (OUTREACH, "aufsuchend"),
           ("angebote", "online", "ja"): (ONLINE, "online"),
           ("adressen", "vertraulich", "ja"): (CONFIDENTIAL, "vertraulich"),
           **{("adressen", "land", code): (answer, answer) for answer, code in COUNTRIES.items()}}
NEW_FILE_HEADER = "# Aus dem Formular „Neues Angebot eintragen“ erzeugt.\n"
PLACEHOLDER_ORGANISATION = "formular-platzhalter"


@dataclass(frozen=True)
class Form:
    """The answers of one submitted form by field id, the ticked options of its checkboxes,
    and what could not be taken as given: problems (by field id) and notes."""

    value: dict[str, str]
    ticks: dict[str, list[str]]
    problems: list[tuple[str, str]]
    notes: list[str]
    absent: tuple[str, ...] = ()  # fields the form gained after this issue was filed

    def ticked(self, field_id: str, option: str) -> bool:
        return option in self.ticks.get(field_id, [])

    @property
    def consent(self) -> bool:
        return CONSENT in self.ticks.get("einverstaendnis", [])

    @property
    def outreach(self) -> bool:
        return self.ticked("wo", OUTREACH)

    @property
    def online(self) -> bool:
        return self.ticked("wo", ONLINE)

    @property
    def confidential(self) -> bool:
        return self.ticked("wo", CONFIDENTIAL)

    @property
    def has_address(self) -> bool:
        # A shelter names its town only; every other address needs its postcode.
        return bool(self.value["ort"] and (self.value["plz"] or self.confidential))

    @property
    def country(self) -> str:
        return COUNTRIES.get(self.value["land"], "DE")


def _missing(form: Form, organisations: set[str]) -> list[tuple[str, str]]:
    """What a person must add before the form can become an entry, in the form's words."""
    value, missing = form.value, []
    if not form.consent:
        missing.append(("einverstaendnis", "Bitte bestätigen Sie unter „Veröffentlichung“, dass alle Angaben "
                                           "öffentlich sein dürfen."))
    missing += [(name, f"Bitte füllen Sie „{LABELS[name]}“ aus.")
                for name in ("angebot_name", "beschreibung", "kontakt_rolle") if not value[name]]
    missing += [(name, f"Bitte kreuzen Sie bei „{LABELS[name]}“ mindestens eine Antwort an.")
                for name in ("themen", "zielgruppen", "zugang") if not form.ticks.get(name)]
    typed = [name for name in ("strasse", "plz", "ort") if value[name]]
    if typed and not value["ort"]:
        missing.append(("ort", "Zur Anschrift fehlt der Ort. Bitte ergänzen Sie „Ort“, oder löschen Sie Straße "
                               "und Postleitzahl, wenn das Angebot keine feste Anschrift hat."))
    elif typed and not form.has_address:
        missing.append(("plz", "Zur Anschrift fehlt die Postleitzahl. Bitte ergänzen Sie „Postleitzahl“ (bei "
                               "einer Schutzeinrichtung kreuzen Sie stattdessen „vertraulich“ an)."))
    elif not (form.has_address or form.outreach or form.online):
        missing.append(("ort", "Bitte geben Sie Postleitzahl und Ort an, oder kreuzen Sie „aufsuchend“ oder "
                               "„online“ an."))
    if not (value["telefon"] or value["email"]):
        missing.append(("telefon", "Bitte geben Sie eine Telefonnummer oder eine E-Mail-Adresse an."))
    existing_id = slug(value["traeger_kennung"]) if value["traeger_kennung"] else ""
    if existing_id and existing_id not in organisations:
        missing.append(("traeger_kennung", f"Einen Träger mit der Kennung {code_span(value['traeger_kennung'], 60)} "
                                           "gibt es nicht. Lassen Sie das Feld leer, wenn Ihre Organisation neu ist."))
    if not existing_id and not (value["traeger_name"] and value["traeger_art"]):
        missing.append(("traeger_name", "Bitte geben Sie „Name der Organisation“ und „Art der Organisation“ an "
                                        "(oder die Kennung, wenn Ihr Träger schon im Verzeichnis steht)."))
    return missing


def _dropped(form: Form, organisations: set[str]) -> list[str]:
    """Answers that are not taken over as given, each said once."""
    value, notes = form.value, []
    if form.confidential and form.has_address and (value["strasse"] or value["plz"]):
        notes.append("Die Anschrift ist vertraulich: Im Wegweiser steht nur der Ort, Straße und Postleitzahl "
                     "wurden nicht übernommen.")
    if value["land"] and not any(value[name] for name in ("strasse", "plz", "ort")):
        notes.append("„Land“ wurde nicht übernommen, weil das Angebot keine Anschrift hat.")
    known = bool(value["traeger_kennung"]) and slug(value["traeger_kennung"]) in organisations
    if known and (value["traeger_name"] or value["traeger_art"]):
        notes.append("„Name der Organisation“ und „Art der Organisation“ wurden nicht übernommen, weil Ihr Träger "
                     "schon im Verzeichnis steht. Änderungen am Träger schicken Sie bitte mit „Eintrag korrigieren“.")
    return notes


def _tidy(answer: str) -> str:
    """Whitespace a YAML file cannot hold as typed: spaces at line ends (invisible in the
    form, they would keep a text from being a block), tabs before a line's text (YAML
    indents with spaces only) and the Unicode line separators."""
    lines = answer.replace("\u2028", "\n").replace("\u2029", "\n").split("\n")
    return "\n".join(re.sub(r"^[ \t]+", lambda m: m.group().expandtabs(4), line).rstrip() for line in lines)


def read_form(body: str, prepared: pipeline.Prepared) -> Form:
    fields = [*new_offering_fields(prepared.directory.regions), CONSENT_FIELD]
    reading = read(body, fields, prepared.vocabularies)
    value = {key: _tidy(answer) for key, answer in reading.answers.items()}
    form = Form(value, reading.ticks, list(reading.problems), list(reading.notes), tuple(reading.absent))
    organisations = {o.id for o in prepared.directory.organisations}
    form.problems.extend(_missing(form, organisations))
    form.notes.extend(_dropped(form, organisations))
    return form


@dataclass
class Proposal:
    """The provider file with the new offering, and what it adds, for the pull request."""

    path: Path  # relative to the content folder
    organisation_id: str
    new_organisation: bool
    placeholder_organisation: bool = False
    text: str = ""
    offering_id: str = ""
    address: dict | None = None
    address_new: bool = False
    regions: list[Region] = field(default_factory=list)
    regions_derived: bool = False
    regions_field: bool = True  # the person's form has „Zuständig für (Regionen)“ to tick
    notes: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _ids(form: Form, field_id: str, vocabulary) -> list[str]:
    by_label = {t.de: t.id for t in vocabulary.terms.values()}
    return [by_label[label] for label in form.ticks.get(field_id, []) if label in by_label]


def _choice(answer: str, vocabulary) -> str:
    return next((t.id for t in vocabulary.terms.values() if t.de == answer.strip()), "")


def _place(form: Form, addresses: list[dict], proposal: Proposal) -> str:
    """The id of the address the offering takes place at: an equal one, or a new one."""
    value = form.value
    if form.confidential:  # town only; the note says so
        address = {"ort": value["ort"], "vertraulich": "ja"}
    else:
        address = {"strasse": value["strasse"]} if value["strasse"] else {}
        address.update(plz=value["plz"], ort=value["ort"])
    if form.country == "CZ":
        address["land"] = "CZ"

    def same(a: dict) -> bool:
        defaults = {"land": "DE"}
        return all(a.get(k, defaults.get(k, "")) == address.get(k, defaults.get(k, ""))
                   for k in ("strasse", "plz", "ort", "land", "vertraulich"))

    existing = next((a for a in addresses if same(a)), None)
    if existing is not None:
        proposal.address = existing
        return existing["id"]
    taken = {a.get("id") for a in addresses}
    place_id = slug(f"{value['ort']}-{len(addresses) + 1}")
    while place_id in taken:
        place_id += "-2"
    proposal.address, proposal.address_new = {"id": place_id, **address}, True
    return place_id


def _completed(form: Form) -> Form:
    """A partly typed address with placeholders for what the person is asked to add, so
    that the parts typed are checked in the same round."""
    if form.has_address:
        return form
    value = {**form.value, "ort": form.value["ort"] or "Ort"}
    value["plz"] = value["plz"] or ("" if form.confidential else "01067")
    return dataclasses.replace(form, value=value)


REGIONS_BY_COMMENT = "Schreiben Sie uns bitte in einem Kommentar, für welche Regionen das Angebot zuständig ist."


def _regions(form: Form, prepared: pipeline.Prepared, proposal: Proposal) -> list[str]:
    """The regions the offering is responsible for: as ticked, or those the town lies in
    (also when the form is older than the field)."""
    regions = prepared.directory.regions
    by_name = {str(region.name.get("de")): region for region in regions}  # as region_options offers them
    chosen = [by_name[name] for name in form.ticks.get("regionen", []) if name in by_name]
    proposal.regions_field = "regionen" not in form.absent
    if not proposal.regions_field:
        then = ("Wir haben die Regionen darum aus dem Ort abgeleitet." if form.has_address
                else f"Das Angebot ist darum keiner Region zugeordnet. {REGIONS_BY_COMMENT}")
        proposal.notes.append("Ihr Formular hat noch kein Feld „Zuständig für (Regionen)“ (es kam später dazu). "
                              + then)
    if not chosen and form.has_address:
        chosen, proposal.regions_derived = regions_of_town(regions, form.value["ort"], form.country), True
        if not chosen:
            how = ("Unter „Zuständig für (Regionen)“ können Sie Regionen ankreuzen." if proposal.regions_field
                   else REGIONS_BY_COMMENT)
            proposal.notes.append(f"Der Ort {code_span(form.value['ort'], 60)} liegt in keiner Region des "
                                  f"Wegweisers; das Angebot ist darum keiner Region zugeordnet. {how}")
    proposal.regions = chosen
    return [region.id for region in chosen]


def _offering(form: Form, vocab: dict, offering_id: str, place_id: str, region_ids: list[str],
              today: dt.date) -> dict:
    value = form.value
    offering: dict = {"id": offering_id, "name": value["angebot_name"] or "Angebot",
                      "beschreibung": value["beschreibung"] or "Beschreibung folgt."}
    if value["leichte_sprache"]:
        offering["leichte_sprache"] = value["leichte_sprache"]
    # Placeholders for what the person is asked to tick: the other answers are checked all the same.
    for name, vocabulary in (("themen", "themen"), ("zielgruppen", "zielgruppen")):
        offering[name] = _ids(form, name, vocab[vocabulary]) or [next(iter(vocab[vocabulary].terms))]
    if region_ids:
        offering["regionen"] = region_ids
    if place_id:
        offering["orte"] = [place_id]
    if form.outreach or not (place_id or form.online):
        offering["aufsuchend"] = "ja"
    if form.online:
        offering["online"] = "ja"
    if value["sprechzeiten"]:
        offering["sprechzeiten_hinweis"] = value["sprechzeiten"]  # its line breaks are the person's layout
    if value["kosten"]:
        offering["kosten"] = _choice(value["kosten"], vocab["kosten"])
    offering["zugang"] = _ids(form, "zugang", vocab["zugangswege"]) or [next(iter(vocab["zugangswege"].terms))]
    for name in ("sprachen", "barrierefreiheit"):
        if form.ticks.get(name):
            offering[name] = _ids(form, name, vocab[name])
    contact = {name: value[name] for name in ("telefon", "email") if value[name]}
    offering["kontakt"] = [{"rolle": value["kontakt_rolle"] or "Kontakt", **(contact or {"telefon": "03733 000000"})}]
    if value["webseite"]:
        offering["webseite"] = value["webseite"]
    offering["status"] = Status.ACTIVE.value
    offering["zuletzt_geprueft"] = today.isoformat()
    return offering


def _provider(form: Form, prepared: pipeline.Prepared, content_dir: Path) -> tuple[Proposal, dict, str]:
    """The proposal for the provider file to add to, its data as it stands, and its text
    ("" for a new file)."""
    folder = Path(Kind.ORGANISATIONS.folder)
    existing_id = slug(form.value["traeger_kennung"]) if form.value["traeger_kennung"] else ""
    existing = next((o for o in prepared.directory.organisations if o.id == existing_id), None)
    if existing is not None:
        document, _ = yamlsafe.load(existing.source.path)  # .yml or .yaml, as the provider named it
        text = existing.source.path.read_text(encoding="utf-8-sig")
        return Proposal(folder / existing.source.path.name, existing_id, False), document.data, text
    kinds = prepared.vocabularies["traegerarten"]
    placeholder = not (form.value["traeger_name"] and _choice(form.value["traeger_art"], kinds)) or bool(existing_id)
    name = PLACEHOLDER_ORGANISATION if placeholder else form.value["traeger_name"]
    organisation_id = slug(name)
    while any((content_dir / folder / f"{organisation_id}{suffix}").exists() for suffix in content.RECORD_SUFFIXES):
        organisation_id += "-neu"
    kind = _choice(form.value["traeger_art"], kinds) or next(iter(kinds.terms))
    record = {"id": organisation_id, "name": name if not placeholder else "Platzhalter", "art": kind}
    path = folder / f"{organisation_id}{content.RECORD_SUFFIXES[0]}"
    return Proposal(path, organisation_id, True, placeholder), record, ""


def propose(form: Form, prepared: pipeline.Prepared, content_dir: Path, today: dt.date) -> Proposal:
    proposal, record, text = _provider(form, prepared, content_dir)
    name = form.value["angebot_name"] or "angebot"
    offering_id = f"{proposal.organisation_id[:40].strip('-')}-{slug(name)}"[:76].strip("-")
    taken = {o.id for o in prepared.directory.offerings}
    while offering_id in taken:
        offering_id += "-2"
    proposal.offering_id = offering_id
    typed = any(form.value[name] for name in ("strasse", "plz", "ort"))
    place_id = _place(_completed(form), list(record.get("adressen", [])), proposal) if typed else ""
    offering = _offering(form, prepared.vocabularies, offering_id, place_id, _regions(form, prepared, proposal),
                         today)
    new_addresses = [proposal.address] if proposal.address_new else []
    try:
        if text:
            proposal.text = yaml_roundtrip.add_to(text, {"adressen": new_addresses, "angebote": [offering]},
                                                  proposal.path, before="angebote")
        else:
            record = {**record, "adressen": new_addresses, "angebote": [offering]}
            if not new_addresses:
                del record["adressen"]
            proposal.text = yaml_roundtrip.new_file(record, NEW_FILE_HEADER, proposal.path)
    except yaml_roundtrip.NotWritten as error:
        proposal.problems.append("Das Angebot ließ sich nicht in die Datei des Trägers schreiben, ohne sie sonst zu "
                                 f"verändern ({code_span(str(error), 200)}). Wir sehen uns das an.")
    return proposal
