"""GitHub issue forms for people who do not write YAML, generated from the vocabularies,
and the turning of a submitted "Neues Angebot eintragen" form into a provider file.

GitHub renders a submitted form as Markdown: a "### <label>" heading per field, then the
answer ("_No response_" when empty, "- [X] <option>" for ticked checkboxes). We read that
back by the form's own labels in the form's order; any other line, "### " or not, is
answer text, so an answer cannot start a field of its own. A field the form gained later
(``added_later``) has no section in issues filed before; edited, they still read, with
that answer empty.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Sequence

import yaml

from .markup import code_span
from .records import Region
from .vocab import Vocabulary

NEW_OFFERING = "neues-angebot.yml"
CORRECTION = "eintrag-korrigieren.yml"
BUG = "fehler-melden.yml"
NO_RESPONSE = "_No response_"
# The answers of „Wo findet das Angebot außerdem statt?“ and the field of the file each sets.
OUTREACH = "Die Mitarbeitenden kommen zu den Menschen (aufsuchend)"
ONLINE = "Auch online oder am Telefon"
CONFIDENTIAL = "Die Anschrift ist vertraulich (Schutzeinrichtung)"
COUNTRIES = {"Deutschland": "DE", "Tschechien": "CZ"}  # the answers of „Land“ and the value each writes


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    kind: str  # input, textarea, dropdown, checkboxes
    description: str = ""
    required: bool = False
    vocabulary: str = ""  # options from this vocabulary (labels in German)
    options: tuple[str, ...] = ()
    added_later: bool = False  # issues filed with the form before have no section for it


def region_options(regions: Sequence[Region]) -> tuple[str, ...]:
    """The regions' German names, as the form offers them (and reads them back)."""
    return tuple(sorted(str(region.name.get("de")) for region in regions))


def new_offering_fields(regions: Sequence[Region] = ()) -> list[Field]:
    return [
        Field("traeger_kennung", "Kennung Ihres Trägers (falls schon im Verzeichnis)", "input",
              "Steht Ihre Organisation schon im Wegweiser? Dann die Kennung aus der Adresse ihrer Seite, "
              "z. B. „diakonie-erzgebirge“. Sonst leer lassen und die nächsten Felder ausfüllen."),
        Field("traeger_name", "Name der Organisation", "input",
              "Nur für neue Träger, z. B. „Beratungsstelle Beispiel e. V.“."),
        Field("traeger_art", "Art der Organisation", "dropdown", "Nur für neue Träger.", vocabulary="traegerarten"),
        Field("angebot_name", "Name des Angebots", "input", "z. B. „Suchtberatung Aue“.", required=True),
        Field("beschreibung", "Beschreibung", "textarea",
              "Was bietet das Angebot, für wen ist es da, wie läuft es ab? Zwei bis fünf Sätze.", required=True),
        Field("leichte_sprache", "In Leichter Sprache (freiwillig)", "textarea",
              "Kurze Sätze, einfache Wörter, z. B. „Sie haben Sorgen? Wir helfen Ihnen.“"),
        Field("themen", "Themen", "checkboxes", "Mindestens ein Thema.", required=True, vocabulary="themen"),
        Field("zielgruppen", "Zielgruppen", "checkboxes", "Für wen ist das Angebot da? Mindestens eine.",
              required=True, vocabulary="zielgruppen"),
        Field("strasse", "Straße und Hausnummer", "input",
              "Leer lassen bei einer Schutzeinrichtung mit vertraulicher Anschrift."),
        Field("plz", "Postleitzahl", "input", "Deutschland: fünf Ziffern. Tschechien: z. B. 400 01. "
              "Leer lassen bei einer Schutzeinrichtung mit vertraulicher Anschrift."),
        Field("ort", "Ort", "input", "z. B. Annaberg-Buchholz"),
        Field("land", "Land", "dropdown", options=tuple(COUNTRIES)),
        Field("wo", "Wo findet das Angebot außerdem statt?", "checkboxes", options=(OUTREACH, ONLINE, CONFIDENTIAL)),
        Field("regionen", "Zuständig für (Regionen)", "checkboxes",
              "Für welche Gebiete ist das Angebot zuständig? Wenn Sie nichts ankreuzen, nehmen wir das "
              "kleinste Gebiet, in dem der Ort liegt.", options=region_options(regions), added_later=True),
        Field("sprechzeiten", "Sprechzeiten", "textarea", "z. B. „Di und Do 9 bis 12 Uhr, sonst nach Vereinbarung“."),
        Field("kosten", "Kosten", "dropdown", vocabulary="kosten"),
        Field("zugang", "Zugang", "checkboxes", "Wie bekommt man das Angebot? Mindestens eine Antwort.",
              required=True, vocabulary="zugangswege"),
        Field("sprachen", "Sprachen der Beratung", "checkboxes", vocabulary="sprachen"),
        Field("barrierefreiheit", "Barrierefreiheit", "checkboxes", vocabulary="barrierefreiheit"),
        Field("kontakt_rolle", "Kontakt: wofür", "input",
              "Eine Aufgabe statt einer Person, z. B. „Terminvereinbarung“ oder „Sekretariat“.", required=True),
        Field("telefon", "Telefon", "input", "Mit Vorwahl, z. B. 03733 565729 oder +420 475 123 456."),
        Field("email", "E-Mail", "input", "Am besten eine Funktionsadresse, z. B. beratung@beispiel.de."),
        Field("webseite", "Internetseite des Angebots", "input", "Mit https://, z. B. https://www.beispiel.de/beratung"),
    ]


CONSENT = ("Ich weiß, dass alles in diesem Formular sofort öffentlich ist, und habe nur Angaben eingetragen, "
           "die veröffentlicht werden dürfen (keine privaten Telefonnummern ohne Einverständnis).")
CONSENT_FIELD = Field("einverstaendnis", "Veröffentlichung", "checkboxes", required=True, options=(CONSENT,))


def _options(field: Field, vocabularies: dict[str, Vocabulary]) -> list[str]:
    if field.vocabulary:
        return [t.de for t in vocabularies[field.vocabulary].terms.values()]
    return list(field.options)


def _element(field: Field, vocabularies: dict[str, Vocabulary]) -> dict:
    attributes: dict = {"label": field.label}
    if field.description:
        attributes["description"] = field.description
    if field.kind == "checkboxes":
        attributes["options"] = [{"label": option} for option in _options(field, vocabularies)]
    elif field.kind == "dropdown":
        attributes["options"] = _options(field, vocabularies)
    element = {"type": field.kind, "id": field.id, "attributes": attributes}
    if field.required and field.kind != "checkboxes":
        element["validations"] = {"required": True}
    return element


def forms(vocabularies: dict[str, Vocabulary], regions: Sequence[Region] = ()) -> dict[str, str]:
    """The files of .github/ISSUE_TEMPLATE/, as YAML text."""
    intro = {"type": "markdown", "attributes": {"value": (
        "Danke, dass Sie den Wegweiser aktuell halten. **Bitte beachten Sie:** Alles, was Sie hier "
        "eintragen, ist sofort öffentlich sichtbar.")}}
    consent = {"type": "checkboxes", "id": "einverstaendnis", "attributes": {
        "label": "Veröffentlichung", "options": [{"label": CONSENT, "required": True}]}}
    new = {
        "name": "Neues Angebot eintragen",
        "description": "Ein Angebot in den Wegweiser aufnehmen, ohne eine Datei zu schreiben.",
        "title": "Neues Angebot: ",
        "labels": ["neues-angebot"],
        "body": [intro] + [_element(f, vocabularies) for f in new_offering_fields(regions)] + [consent],
    }
    correction = {
        "name": "Eintrag korrigieren",
        "description": "Angaben zu einem Angebot stimmen nicht mehr.",
        "title": "Korrektur: ",
        "labels": ["korrektur"],
        "body": [intro,
                 {"type": "input", "id": "eintrag", "attributes": {
                     "label": "Kennung des Eintrags",
                     "description": "Steht schon da, wenn Sie über „Fehler melden / Eintrag ändern“ gekommen sind."},
                  "validations": {"required": True}},
                 {"type": "textarea", "id": "was_ist_falsch", "attributes": {
                     "label": "Was stimmt nicht?", "description": "z. B. „Die Sprechzeit am Dienstag entfällt.“"},
                  "validations": {"required": True}},
                 {"type": "textarea", "id": "richtig", "attributes": {
                     "label": "Wie ist es richtig?", "description": "Die neuen Angaben, so genau wie möglich."}},
                 consent],
    }
    bug = {
        "name": "Fehler melden",
        "description": "Etwas auf der Internetseite funktioniert nicht oder ist schwer zu benutzen.",
        "title": "Fehler: ",
        "labels": ["fehler"],
        "body": [{"type": "textarea", "id": "was", "attributes": {
                     "label": "Was ist passiert?",
                     "description": "Was wollten Sie tun, und was ist stattdessen geschehen?"},
                  "validations": {"required": True}},
                 {"type": "input", "id": "seite", "attributes": {
                     "label": "Auf welcher Seite?", "description": "Die Adresse der Seite, wenn Sie sie haben."}},
                 {"type": "textarea", "id": "geraet", "attributes": {
                     "label": "Gerät und Hilfsmittel (freiwillig)",
                     "description": "z. B. Handy, Bildschirmleser, Vergrößerung. "
                                    "Das hilft uns, Barrieren zu finden."}}],
    }
    config = {"blank_issues_enabled": False}

    def dump(data) -> str:
        header = "# Generated by `wegweiser formulare` from the vocabularies; do not edit by hand.\n"
        return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=120)

    return {NEW_OFFERING: dump(new), CORRECTION: dump(correction), BUG: dump(bug), "config.yml": dump(config)}


@dataclass
class Reading:
    """A submitted form read back: the answer of each field (by id, "" when empty), the
    options ticked in its checkboxes, and what did not fit the form, in the form's words."""

    answers: dict[str, str] = field(default_factory=dict)
    ticks: dict[str, list[str]] = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # field id, message
    notes: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)  # fields added later, without a section in this body


def _headings(lines: list[str], labels: list[str], backwards: bool = False) -> dict[str, int]:
    """Where each label's heading stands when every heading is taken as early (or as late)
    as the order of the form allows; labels without a heading in place are left out."""
    found: dict[str, int] = {}
    order = range(len(labels) - 1, -1, -1) if backwards else range(len(labels))
    bound = len(lines) if backwards else -1
    for n in order:
        heading = f"### {labels[n]}"
        span = range(bound - 1, -1, -1) if backwards else range(bound + 1, len(lines))
        at = next((i for i in span if lines[i].rstrip() == heading), None)
        if at is not None:
            found[labels[n]] = bound = at
    return found


def _placed(lines: list[str], fields: Sequence[Field]) -> tuple[dict[str, int], dict[str, int]]:
    """The headings placed as early and as late as the form's order allows. A field added
    later is placed only between the headings around it, so that a body without its
    section reads as before and an answer cannot move the sections it lies between."""
    labels = [f.label for f in fields if not f.added_later]
    first, last = _headings(lines, labels), _headings(lines, labels, backwards=True)
    for n, item in enumerate(fields):
        if not item.added_later:
            continue
        before = [f.label for f in fields[:n] if not f.added_later]
        after = [f.label for f in fields[n + 1:] if not f.added_later]
        for placed, backwards in ((first, False), (last, True)):
            low = max((placed[label] for label in before if label in placed), default=-1)
            high = min((placed[label] for label in after if label in placed), default=len(lines))
            span = range(high - 1, low, -1) if backwards else range(low + 1, high)
            at = next((i for i in span if lines[i].rstrip() == f"### {item.label}"), None)
            if at is not None:
                placed[item.label] = at
    return first, last


def read(body: str, fields: Sequence[Field], vocabularies: dict[str, Vocabulary] | None = None) -> Reading:
    """Read a submitted body by the form's fields, exactly and in their order.

    The earliest and the latest way to place the headings agree unless an answer holds a
    line that is exactly a heading of the form; then it cannot be told which is which,
    and the person is asked to change that line."""
    lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    first, last = _placed(lines, fields)
    reading = Reading()
    for item in fields:
        label = item.label
        if item.added_later and label not in first and label not in last and \
                not any(line.rstrip() == f"### {label}" for line in lines):
            reading.absent.append(item.id)  # a form from before the field: an empty answer
        elif label not in first:
            reading.problems.append((item.id, f"Die Überschrift „### {label}“ fehlt oder steht an anderer Stelle. "
                                    "Bitte nutzen Sie das Formular, wie es ist, und ändern Sie nur Ihre Antworten."))
        elif first[label] != last.get(label):
            reading.problems.append((item.id, f"Die Zeile „### {label}“ steht mehr als einmal im Text. Wenn sie "
                                    "in einer Ihrer Antworten steht, ändern Sie sie bitte (zum Beispiel ohne „###“)."))
    starts = sorted(first.values())
    if any(line.strip() for line in lines[: starts[0] if starts else len(lines)]):
        reading.notes.append("Der Text vor der ersten Überschrift des Formulars wurde nicht übernommen.")
    for item in fields:
        if item.label not in first:
            reading.answers[item.id] = ""
            continue
        start = first[item.label]
        end = min((s for s in starts if s > start), default=len(lines))
        # GitHub's placeholder for an empty answer is no answer, also where an answer runs on
        # over a following section (a heading of the form inside it, or a heading missing).
        answer = "\n".join(line for line in lines[start + 1: end] if line.strip() != NO_RESPONSE).strip()
        reading.answers[item.id] = answer
        options = _options(item, vocabularies or {}) if item.vocabulary else list(item.options)
        if first[item.label] == last.get(item.label):
            _check_shape(item, reading, options)
        else:  # already refused: what runs on into the next section is not also named line by line
            shape = Reading(answers={item.id: answer})
            _check_shape(item, shape, options)
            reading.ticks.update(shape.ticks)
    return reading


def _check_shape(item: Field, reading: Reading, options: list[str]) -> None:
    answer = reading.answers[item.id]
    if item.kind in ("input", "dropdown") and "\n" in answer:
        reading.problems.append((item.id, f"Unter „{item.label}“ steht mehr als eine Zeile; das Feld hat nur "
                                 "eine. Bitte lassen Sie dort nur Ihre Antwort stehen."))
    elif item.kind == "dropdown" and answer and answer not in options:
        reading.problems.append((item.id, f"Unter „{item.label}“ steht {code_span(answer, 60)}; das bietet das "
                                 "Formular nicht an. Bitte wählen Sie eine Antwort aus der Liste."))
    elif item.kind == "checkboxes":
        reading.ticks[item.id] = []
        for line in answer.split("\n"):
            box = re.fullmatch(r"- \[([ xX])\] (.+)", line.strip())
            if box and box.group(2).strip() in options:
                if box.group(1) != " ":
                    reading.ticks[item.id].append(box.group(2).strip())
            elif box and box.group(1) != " ":
                reading.notes.append(f"Unter „{item.label}“ ist {code_span(box.group(2).strip(), 60)} angekreuzt; "
                                     "das bietet das Formular nicht an, es wurde nicht übernommen.")
            elif line.strip() and not box:
                reading.notes.append(f"Unter „{item.label}“ steht Text, der nicht übernommen wurde: "
                                     f"{code_span(line.strip(), 60)}")
