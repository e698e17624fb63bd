"""JSON Schema validation of records, with problems in plain German.

The schemas in ``schemas/`` describe every field (German ``title``/``description``), and
two keywords of our own tie records to the rest of the directory:
``x-vokabular`` (the value must be a term of that vocabulary) and ``x-verweis`` (the value
must be the id of a record of that kind). A schema may carry ``x-fehlermeldung``: the
sentence shown when a value does not match its pattern or format.
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from .kinds import Kind
from .problems import Problem, shorten

if TYPE_CHECKING:
    from .vocab import Vocabulary
    from .yamlsafe import Document

URN = "urn:wegweiser:schema:"
MIN_PART_MATCH = 3  # letters a typed value has at least before "Meinten Sie" looks inside words
MAX_QUOTE = 60  # characters of a value quoted back in a message
MAX_LISTED = 25  # existing ids named in a message; more would bury it
FORMAT_CHECKER = Draft202012Validator.FORMAT_CHECKER



def suggestion(value: str, candidates: Iterable[str]) -> str:
    """" Meinten Sie „…“?" with the closest candidate, or nothing. Pass only values the
    validator accepts: a suggestion is followed as it stands."""
    candidates = list(candidates)
    lowered = {c.lower(): c for c in candidates}
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    close = close or sorted(c for c in lowered if len(value) >= MIN_PART_MATCH and value.lower() in c)[:1]
    return f" Meinten Sie „{lowered[close[0]]}“?" if close else ""


def _quote(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"„{text[:MAX_QUOTE]}{'…' if len(text) > MAX_QUOTE else ''}“"


@dataclass(frozen=True)
class SchemaSet:
    """All schema files of a folder, resolvable by their ``urn:wegweiser:schema:`` ids."""

    registry: Registry
    vocabularies: Mapping[str, "Vocabulary"]
    known_ids: Mapping[str, frozenset[str]]
    reserved_ids: frozenset[str] = frozenset()  # refused as a record's id: never suggested

    @classmethod
    def load(cls, folder: Path) -> "SchemaSet":
        registry = Registry()
        for path in sorted(folder.glob("*.schema.json")):
            contents = json.loads(path.read_text(encoding="utf-8"))
            registry = registry.with_resource(contents["$id"], Resource.from_contents(contents))
        return cls(registry.crawl(), {}, {})

    def with_context(self, vocabularies: Mapping[str, "Vocabulary"], known_ids: Mapping[str, frozenset[str]],
                     reserved_ids: frozenset[str] = frozenset()) -> "SchemaSet":
        """The same schemas, checking terms and references against this directory."""
        return SchemaSet(self.registry, vocabularies, known_ids, reserved_ids)

    def schema(self, name: str) -> dict:
        return self.registry.contents(URN + name)

    def validator(self, name: str) -> Draft202012Validator:
        vocabularies, known_ids, reserved_ids = self.vocabularies, self.known_ids, self.reserved_ids

        def vocabulary_term(validator, vocabulary_name, instance, schema):
            if not isinstance(instance, str):
                return
            vocabulary = vocabularies.get(vocabulary_name)
            if vocabulary is None or instance in vocabulary:
                return
            allowed = ", ".join(f"{t.id} ({t.de})" for t in vocabulary.terms.values())
            yield ValidationError(
                f"{_quote(instance)} ist kein erlaubter Begriff."
                f"{suggestion(instance, vocabulary.terms)} Erlaubt sind: {allowed}."
                f" Die Liste steht in schemas/vokabulare/{vocabulary_name}.yml.")

        is_id = Draft202012Validator(self.schema("common")["$defs"]["kennung"]).is_valid

        def record_reference(validator, kind, instance, schema):
            if not isinstance(instance, str) or kind not in known_ids:
                return
            if instance in known_ids[kind]:
                return
            # A record whose id is refused ("-acord-cz", "suche") is named neither as a
            # suggestion nor as existing: its own file is told to change the id.
            ids = {i for i in known_ids[kind] if is_id(i) and i not in reserved_ids}
            noun, folder = Kind.of_folder(kind).none_such, f"content/{kind}/"
            listing = f" Vorhanden sind: {', '.join(sorted(ids))}." if 0 < len(ids) <= MAX_LISTED else ""
            yield ValidationError(
                f"Es gibt {noun} mit der Kennung {_quote(instance)}.{suggestion(instance, ids)}"
                f"{listing} Die Kennungen sind die Dateinamen in {folder}.")

        cls = validators.extend(
            Draft202012Validator,
            {"x-vokabular": vocabulary_term, "x-verweis": record_reference},
        )
        return cls(self.schema(name), registry=self.registry, format_checker=FORMAT_CHECKER)


def validate(document: "Document", validator: Draft202012Validator) -> list[Problem]:
    errors = list(validator.iter_errors(document.data))
    # A value of the wrong form also fails its format or length check: one message is enough.
    malformed = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    wrong = {tuple(e.absolute_path) for e in errors}
    problems = []
    for error in errors:
        if error.validator in ("format", "maxLength", "minLength") and tuple(error.absolute_path) in malformed:
            continue
        if error.validator in ("anyOf", "oneOf") and any(
                tuple(error.absolute_path) + (name,) in wrong for name in _named_in(error.schema[error.validator])):
            continue  # "online: yes" is one mistake: its own message says it, not also "say where"
        problems.extend(_problems_for(error, document))
    return problems


def _named_in(branches) -> list[str]:
    """The fields the branches of an anyOf or oneOf ask for, in their order."""
    return list(dict.fromkeys(name for branch in branches if isinstance(branch, Mapping)
                              for name in (*branch.get("required", ()), *branch.get("properties", {}))))


def _title(schema: Mapping, name: str) -> str:
    title = schema.get("properties", {}).get(name, {}).get("title")
    return f"„{name}“ ({title})" if title else f"„{name}“"


def _problems_for(error: ValidationError, document: "Document") -> list[Problem]:
    path = tuple(error.absolute_path)
    kind = error.validator
    schema, instance = error.schema, error.instance

    if kind == "required":
        name = error.message.split("'")[1]
        return [document.problem(path, f"Das Pflichtfeld {_title(schema, name)} fehlt. Bitte ergänzen Sie es.")]
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = list(schema.get("properties", {}))
        return [
            document.problem(
                path + (name,),
                f"Das Feld „{shorten(name)}“ gibt es hier nicht.{suggestion(name, allowed)} "
                f"Erlaubt sind: {', '.join(allowed)}.",
                key=True,
            )
            for name in instance if name not in schema.get("properties", {})
        ]
    if kind == "dependentRequired":
        missing, present = re.findall(r"'([^']*)'", error.message)[:2]
        return [document.problem(path + (present,), (
            f"Wer „{present}“ angibt, muss auch „{missing}“ angeben."), key=True)]
    if list(error.absolute_schema_path)[-2:-1] == ["propertyNames"] and isinstance(instance, str):
        return [document.problem(path + (instance,), _message(error), key=True)]  # where the name stands
    if kind in ("anyOf", "oneOf") and isinstance(instance, dict):
        # "orte: []" or "online: nein" is where the offering fails to say where it takes place.
        given = [name for name in _named_in(schema[kind]) if name in instance]
        if given:
            return [document.problem(path + (given[0],), _message(error), key=True)]
    return [document.problem(path, _message(error))]


def _message(error: ValidationError) -> str:
    kind, schema, instance = error.validator, error.schema, error.instance
    custom = schema.get("x-fehlermeldung")
    if kind in ("x-vokabular", "x-verweis"):
        return error.message
    if kind == "type":
        expected = schema["type"]
        expected = expected if isinstance(expected, list) else [expected]
        if instance is None:
            return "Das Feld ist leer. Bitte tragen Sie einen Wert ein oder löschen Sie die Zeile."
        if "array" in expected:
            return ("Hier wird eine Liste erwartet. Schreiben Sie jeden Eintrag in eine eigene "
                    "Zeile mit „- “ davor.")
        if expected == ["object"] and not error.absolute_path:
            return ("Die Datei muss aus Feldern wie „id: …“ und „name: …“ bestehen, "
                    "jedes am Zeilenanfang.")
        if expected == ["object"]:
            return "Hier werden Unterfelder erwartet (eingerückt, je Zeile „feld: wert“)."
        if "object" in expected:
            return ("Hier wird ein Text erwartet, oder Übersetzungen als Unterfelder "
                    "„de:“, „cs:“ und „en:“.")
        if isinstance(instance, list):
            return "Hier wird ein einzelner Wert erwartet, keine Liste."
        return "Hier wird ein einzelner Wert erwartet, keine Unterfelder."
    if kind == "format" and schema.get("format") == "date":
        return f"{_quote(instance)} ist kein gültiges Datum: Diesen Tag gibt es nicht im Kalender."
    if kind in ("pattern", "format", "enum", "const") and custom:
        return f"{custom} Gefunden: {_quote(instance)}.{_german_date_hint(instance)}{_time_hint(instance, schema)}"
    if kind in ("anyOf", "oneOf") and custom:  # a rule over several fields says itself what is missing
        return custom
    if kind == "enum":
        return f"{_quote(instance)} ist nicht erlaubt. Erlaubt sind: {', '.join(schema['enum'])}."
    if kind == "minLength":
        if instance == "" or instance.strip() == "":
            return "Das Feld ist leer. Bitte tragen Sie einen Text ein oder löschen Sie die Zeile."
        return f"Der Text {_quote(instance)} ist zu kurz (mindestens {schema['minLength']} Zeichen)."
    if kind == "maxLength":
        return (f"Der Text ist {len(instance)} Zeichen lang; erlaubt sind höchstens "
                f"{schema['maxLength']}. Bitte kürzen Sie ihn.")
    if kind == "minItems":
        return "Die Liste ist leer. Bitte geben Sie mindestens einen Eintrag an."
    if kind == "uniqueItems":
        seen, twice = set(), []
        for item in instance:
            key = json.dumps(item, sort_keys=True)
            if key in seen:
                twice.append(item)
            seen.add(key)
        return f"{', '.join(_quote(x) for x in twice)} steht mehrfach in der Liste. Bitte nur einmal angeben."
    if kind == "minProperties":
        return "Hier fehlen die Einträge."
    return f"Der Wert {_quote(instance)} passt nicht: {error.message}"


def _german_date_hint(value: Any) -> str:
    match = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", value) if isinstance(value, str) else None
    if not match:
        return ""
    day, month, year = match.groups()
    try:  # "31.02.2026" is no day: no suggestion the validator would refuse in turn
        return f" Meinten Sie „{dt.date(int(year), int(month), int(day)).isoformat()}“?"
    except ValueError:
        return ""


def _time_hint(value: Any, schema: Mapping) -> str:
    """"9:00", "9.00", "9 Uhr" -> „09:00“; "24:00" -> „00:00“ (the end of a day). Only a
    suggestion the same pattern accepts is made."""
    if not isinstance(value, str) or "pattern" not in schema:
        return ""
    if value.strip() in ("24:00", "24.00", "24 Uhr"):
        suggestion, note = "00:00", " Als Ende um Mitternacht schreiben Sie „00:00“."
    else:
        match = re.fullmatch(r"(\d{1,2})(?:[:.](\d{2}))?(?: ?Uhr)?", value.strip())
        if not match or not (match[2] or "Uhr" in value):
            return ""
        suggestion, note = f"{int(match[1]):02d}:{match[2] or '00'}", ""
    if suggestion == value or not re.search(schema["pattern"], suggestion):
        return ""
    return note or f" Meinten Sie „{suggestion}“?"
