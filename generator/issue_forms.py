"""GitHub issue forms for people who do not write YAML, generated from the vocabularies,
and the turning of a submitted "Neues Angebot eintragen" form into a provider file.

GitHub renders a submitted form as Markdown: a "### <label>" heading per field, then the
answer ("_No response_" when empty, "- [X] <option>" for ticked checkboxes). We read that
back by our own labels, build the record, and run the real validator over it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from .vocab import Vocabulary

NEW_OFFERING = "neues-angebot.yml"
CORRECTION = "eintrag-korrigieren.yml"
BUG = "fehler-melden.yml"
NO_RESPONSE = "_No response_"


@dataclass(frozen=True)
class Field:
    id: str
    label: str
    kind: str  # input, textarea, dropdown, checkboxes
    description: str = ""
    required: bool = False
    vocabulary: str = ""  # options from this vocabulary (labels in German)
    options: tuple[str, ...] = ()


def new_offering_fields() -> list[Field]:
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
        Field("land", "Land", "dropdown", options=("Deutschland", "Tschechien")),
        Field("wo", "Wo findet das Angebot außerdem statt?", "checkboxes",
              options=("Die Mitarbeitenden kommen zu den Menschen (aufsuchend)",
                       "Auch online oder am Telefon",
                       "Die Anschrift ist vertraulich (Schutzeinrichtung)")),
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


def forms(vocabularies: dict[str, Vocabulary]) -> dict[str, str]:
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
        "body": [intro] + [_element(f, vocabularies) for f in new_offering_fields()] + [consent],
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


def answers(body: str) -> dict[str, str]:
    """A submitted form's answers by label: "### Label" followed by the answer text."""
    found, label, lines = {}, None, []
    for line in body.replace("\r\n", "\n").split("\n"):
        if line.startswith("### "):
            if label is not None:
                found[label] = "\n".join(lines).strip()
            label, lines = line[4:].strip(), []
        elif label is not None:
            lines.append(line)
    if label is not None:
        found[label] = "\n".join(lines).strip()
    return {k: ("" if v == NO_RESPONSE else v) for k, v in found.items()}


def ticked(answer: str) -> list[str]:
    return [m.group(1).strip() for m in re.finditer(r"^- \[[xX]\] (.+)$", answer, re.MULTILINE)]

