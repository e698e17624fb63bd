"""``wegweiser formular``: a submitted "Neues Angebot eintragen" issue form becomes a
provider file, or an answer that says, in plain German, what is missing.

The result is checked by the same pipeline as every pull request, in a copy of the
content folder, so nothing is written unless the whole directory stays valid. The answer
is posted as a comment; whatever in it may come from the submitted text is inline code, so
it can mention, reference or link no one.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import commands, content, freshness, pipeline, yamlsafe
from .issue_forms import CONSENT, answers, new_offering_fields, ticked
from .kinds import Kind
from .markup import code_span
from .records import Status
from .text import slug

LABELS = {f.id: f.label for f in new_offering_fields()}
# Where a problem in the written file came from in the form.
FIELD_LABELS = {"name": "angebot_name", "beschreibung": "beschreibung", "leichte_sprache": "leichte_sprache",
                "themen": "themen", "zielgruppen": "zielgruppen", "strasse": "strasse", "plz": "plz", "ort": "ort",
                "kosten": "kosten", "zugang": "zugang", "sprachen": "sprachen", "barrierefreiheit": "barrierefreiheit",
                "telefon": "telefon", "email": "email", "webseite": "webseite", "rolle": "kontakt_rolle",
                "sprechzeiten_hinweis": "sprechzeiten", "art": "traeger_art"}


@dataclass
class FormResult:
    path: Path | None = None  # the provider file, relative to the content folder
    text: str = ""
    offering_id: str = ""
    new_organisation: bool = False
    missing: list[str] = field(default_factory=list)


def _ids(answer: str, vocabulary) -> list[str]:
    by_label = {t.de: t.id for t in vocabulary.terms.values()}
    return [by_label[label] for label in ticked(answer) if label in by_label]


def _choice(answer: str, vocabulary) -> str:
    return next((t.id for t in vocabulary.terms.values() if t.de == answer.strip()), "")


@dataclass(frozen=True)
class Form:
    """The answers of one submitted form, by field id, and the ticks under „Wo“."""

    value: dict[str, str]
    consent: bool
    outreach: bool
    online: bool
    confidential: bool

    @property
    def has_address(self) -> bool:
        # A shelter names its town only; every other address needs its postcode.
        return bool(self.value["ort"] and (self.value["plz"] or self.confidential))


def read_form(body: str) -> Form:
    given = answers(body)
    where = ticked(given.get(LABELS["wo"], ""))
    outreach, online, confidential = (any(w.startswith(p) for w in where)
                                      for p in ("Die Mitarbeitenden", "Auch online", "Die Anschrift ist vertraulich"))
    return Form({field_id: given.get(label, "") for field_id, label in LABELS.items()},
                CONSENT in ticked(given.get("Veröffentlichung", "")), outreach, online, confidential)


def missing_answers(form: Form, organisations: set[str]) -> list[str]:
    """What a person must add before the form can become an entry, in the form's words."""
    value, missing = form.value, []
    if not form.consent:
        missing.append("Bitte bestätigen Sie unter „Veröffentlichung“, dass alle Angaben öffentlich sein dürfen.")
    missing += [f"Bitte füllen Sie „{LABELS[name]}“ aus."
                for name in ("angebot_name", "beschreibung", "kontakt_rolle") if not value[name]]
    missing += [f"Bitte kreuzen Sie bei „{LABELS[name]}“ mindestens eine Antwort an."
                for name in ("themen", "zielgruppen", "zugang") if not ticked(value[name])]
    if not (form.has_address or form.outreach or form.online):
        missing.append("Bitte geben Sie Postleitzahl und Ort an, oder kreuzen Sie „aufsuchend“ oder „online“ an.")
    if not (value["telefon"] or value["email"]):
        missing.append("Bitte geben Sie eine Telefonnummer oder eine E-Mail-Adresse an.")
    existing_id = slug(value["traeger_kennung"]) if value["traeger_kennung"] else ""
    if existing_id and existing_id not in organisations:
        missing.append(f"Einen Träger mit der Kennung {code_span(value['traeger_kennung'], 60)} gibt es nicht. "
                       "Lassen Sie das Feld leer, wenn Ihre Organisation neu ist.")
    if not existing_id and not (value["traeger_name"] and value["traeger_art"]):
        missing.append("Bitte geben Sie „Name der Organisation“ und „Art der Organisation“ an "
                       "(oder die Kennung, wenn Ihr Träger schon im Verzeichnis steht).")
    return missing


def _provider_record(form: Form, prepared: pipeline.Prepared, content_dir: Path) -> tuple[dict, str, Path, bool]:
    """The provider file's data to add to (an existing one, or a new one), its id, its path
    in the content folder, and whether it is new."""
    folder = Path(Kind.ORGANISATIONS.folder)
    if form.value["traeger_kennung"]:
        existing_id = slug(form.value["traeger_kennung"])
        existing = next(o for o in prepared.directory.organisations if o.id == existing_id)
        document, _ = yamlsafe.load(existing.source.path)  # .yml or .yaml, as the provider named it
        return document.data, existing_id, folder / existing.source.path.name, False
    organisation_id = slug(form.value["traeger_name"])
    while any((content_dir / folder / f"{organisation_id}{suffix}").exists() for suffix in content.RECORD_SUFFIXES):
        organisation_id += "-neu"
    kind = _choice(form.value["traeger_art"], prepared.vocabularies["traegerarten"])
    record = {"id": organisation_id, "name": form.value["traeger_name"], "art": kind}
    return record, organisation_id, folder / f"{organisation_id}{content.RECORD_SUFFIXES[0]}", True


def _place_id(form: Form, record: dict) -> str:
    """The id of the address the offering takes place at: an equal one, or a new one."""
    value = form.value
    if form.confidential:  # town only, whatever else was typed into the form
        address = {"ort": value["ort"]}
    else:
        address = {"strasse": value["strasse"]} if value["strasse"] else {}
        address.update(plz=value["plz"], ort=value["ort"])
    if value["land"] == "Tschechien":
        address["land"] = "CZ"
    if form.confidential:
        address["vertraulich"] = "ja"
    addresses = record.setdefault("adressen", [])

    def same(a: dict) -> bool:
        defaults = {"land": "DE"}
        return all(a.get(k, defaults.get(k, "")) == address.get(k, defaults.get(k, ""))
                   for k in ("strasse", "plz", "ort", "land", "vertraulich"))

    existing = next((a for a in addresses if same(a)), None)
    if existing is not None:
        return existing["id"]
    addresses.append({"id": slug(f"{value['ort']}-{len(addresses) + 1}"), **address})
    return addresses[-1]["id"]


def _offering(form: Form, vocab: dict, offering_id: str, place_id: str, today: dt.date) -> dict:
    value = form.value
    offering: dict = {"id": offering_id, "name": value["angebot_name"], "beschreibung": value["beschreibung"]}
    if value["leichte_sprache"]:
        offering["leichte_sprache"] = value["leichte_sprache"]
    offering["themen"] = _ids(value["themen"], vocab["themen"])
    offering["zielgruppen"] = _ids(value["zielgruppen"], vocab["zielgruppen"])
    if place_id:
        offering["orte"] = [place_id]
    if form.outreach:
        offering["aufsuchend"] = "ja"
    if form.online:
        offering["online"] = "ja"
    if value["sprechzeiten"]:
        offering["sprechzeiten_hinweis"] = " ".join(value["sprechzeiten"].split())
    if value["kosten"]:
        offering["kosten"] = _choice(value["kosten"], vocab["kosten"])
    offering["zugang"] = _ids(value["zugang"], vocab["zugangswege"])
    for name in ("sprachen", "barrierefreiheit"):
        if ticked(value[name]):
            offering[name] = _ids(value[name], vocab[name])
    offering["kontakt"] = [{"rolle": value["kontakt_rolle"],
                            **{name: value[name] for name in ("telefon", "email") if value[name]}}]
    if value["webseite"]:
        offering["webseite"] = value["webseite"]
    offering["status"] = Status.ACTIVE.value
    offering["zuletzt_geprueft"] = today.isoformat()
    return offering


def build(body: str, prepared: pipeline.Prepared, content_dir: Path, today: dt.date) -> FormResult:
    form = read_form(body)
    result = FormResult(missing=missing_answers(form, {o.id for o in prepared.directory.organisations}))
    if result.missing:
        return result
    record, organisation_id, result.path, result.new_organisation = _provider_record(form, prepared, content_dir)
    offering_id = f"{organisation_id[:40].strip('-')}-{slug(form.value['angebot_name'])}"[:76].strip("-")
    taken = {o.id for o in prepared.directory.offerings}
    while offering_id in taken:
        offering_id += "-2"
    place_id = _place_id(form, record) if form.has_address else ""
    record.setdefault("angebote", []).append(_offering(form, prepared.vocabularies, offering_id, place_id, today))

    result.offering_id = offering_id
    header = "# Aus dem Formular „Neues Angebot eintragen“ erzeugt.\n" if result.new_organisation else ""
    result.text = header + yaml.dump(record, Dumper=ReadableDumper, allow_unicode=True, sort_keys=False, width=100)
    return result


class ReadableDumper(yaml.SafeDumper):
    """Multi-line texts as indented blocks (|), as a person would write them."""


ReadableDumper.add_representer(str, lambda dumper, text: dumper.represent_scalar(
    "tag:yaml.org,2002:str", text, style="|" if "\n" in text else None))


def problems_in_copy(result: FormResult, content_dir: Path, schema_dir: Path) -> list[str]:
    """Validate the directory as it would be with the new file; messages by form label."""
    with tempfile.TemporaryDirectory() as temporary:
        copy = Path(temporary) / "content"
        shutil.copytree(content_dir, copy)
        (copy / result.path).write_text(result.text, encoding="utf-8")
        try:
            pipeline.prepare(pipeline.Sources(copy, schema_dir))
            return []
        except pipeline.InvalidContent as error:
            problems = error.problems
        messages = []
        for problem in problems:
            last = [part for part in problem.field.replace("]", "").replace("[", ".").split(".")
                    if part and not part.isdigit()]
            label = LABELS.get(FIELD_LABELS.get(last[-1] if last else "", ""))
            where = f"„{label}“" if label else code_span(problem.field) if problem.field else "Eintrag"
            # The pipeline's messages quote the submitted values, so each is shown as code as a whole.
            messages.append(f"{where}: {code_span(problem.message)}")
        return messages


def run(args) -> int:
    sources = commands.sources_of(args)
    content_dir, schema_dir = sources.content_dir, sources.schema_dir
    body = Path(args.body_file).read_text(encoding="utf-8")
    prepared = pipeline.prepare(sources)
    today = dt.date.fromisoformat(args.today) if args.today else freshness.today()
    result = build(body, prepared, content_dir, today)
    missing = result.missing or problems_in_copy(result, content_dir, schema_dir)
    if missing:
        comment = ("Vielen Dank für Ihren Eintrag! Bevor wir ihn aufnehmen können, fehlt noch etwas:\n\n"
                   + "\n".join(f"- {m}" for m in missing)
                   + "\n\nBitte bearbeiten Sie Ihr Formular oben (⋯ → „Edit“); danach prüfen wir es automatisch neu.\n")
        Path(args.comment_file).write_text(comment, encoding="utf-8") if args.comment_file else print(comment)
        return commands.PROBLEMS
    (content_dir / result.path).write_text(result.text, encoding="utf-8")
    print(json.dumps({"datei": str(content_dir / result.path), "angebot": result.offering_id,
                      "neuer_traeger": result.new_organisation}, ensure_ascii=False))
    return commands.OK


def add_parser(commands) -> None:
    parser = commands.add_parser("formular", help="ein ausgefülltes Formular „Neues Angebot“ in eine Datei umwandeln")
    parser.add_argument("body_file", metavar="TEXTDATEI", help="der Text des Issues (Markdown)")
    parser.add_argument("--kommentar", dest="comment_file", help="fehlende Angaben in diese Datei schreiben")
    parser.add_argument("--heute", dest="today", help="Datum für „zuletzt_geprueft“ (JJJJ-MM-TT)")
    parser.set_defaults(run=run)
