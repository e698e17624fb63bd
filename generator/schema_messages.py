"""The German wording of each kind of schema problem: what a provider reads when a value
does not match its schema.

``schema.py`` validates a record and says where each problem stands; a message that can
offer the line to write instead comes from ``schema_corrections.py``, every other one from
here. A schema may carry ``x-fehlermeldung``: the sentence shown when a value does not
match its pattern or format.
"""
from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from .kinds import Kind
from .problems import shorten

if TYPE_CHECKING:
    from jsonschema import ValidationError

    from .schema_hints import Terms

MIN_PART_MATCH = 3  # letters a typed value has at least before "Meinten Sie" looks inside words
MAX_QUOTE = 60  # characters of a value quoted back in a message
MAX_LISTED = 25  # existing ids named in a message; more would bury it


def suggestion(value: str, candidates: Iterable[str]) -> str:
    """" Meinten Sie „…“?" with the closest candidate, or nothing. Pass only values the
    validator accepts: a suggestion is followed as it stands."""
    candidates = list(candidates)
    lowered = {c.lower(): c for c in candidates}
    close = difflib.get_close_matches(value.lower(), list(lowered), n=1, cutoff=0.6)
    close = close or sorted(c for c in lowered if len(value) >= MIN_PART_MATCH and value.lower() in c)[:1]
    return f" Meinten Sie „{lowered[close[0]]}“?" if close else ""


def quote(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return f"„{text[:MAX_QUOTE]}{'…' if len(text) > MAX_QUOTE else ''}“"


def missing_field(schema: Mapping, name: str) -> str:
    # x-wenn-fehlend: when a field is missing for a reason of its own (an address kept
    # secret has no postcode), the schema says what to write instead.
    instead = schema.get("properties", {}).get(name, {}).get("x-wenn-fehlend")
    return f"Das Pflichtfeld {_title(schema, name)} fehlt. Bitte ergänzen Sie es." + (f" {instead}" if instead else "")


def _title(schema: Mapping, name: str) -> str:
    title = schema.get("properties", {}).get(name, {}).get("title")
    return f"„{name}“ ({title})" if title else f"„{name}“"


def unknown_field(name: str, schema: Mapping) -> str:
    allowed = list(schema.get("properties", {}))
    return (f"Das Feld „{shorten(name)}“ gibt es hier nicht.{suggestion(name, allowed)} "
            f"Erlaubt sind: {', '.join(allowed)}.")


def also_needed(schema: Mapping, missing: str, present: str) -> str:
    # What the missing field is for says which value it needs ("ja", if the person agreed).
    about = schema.get("properties", {}).get(missing, {}).get("description", "")
    return f"Wer „{present}“ angibt, muss auch „{missing}“ angeben." + (f" {about}" if about else "")


def unknown_reference(value: str, ids: set[str], kind: str) -> str:
    """No record in the folder ``kind`` has this id; ``ids`` are the ones that may be named."""
    noun, folder = Kind.of_folder(kind).none_such, f"content/{kind}/"
    listing = f" Vorhanden sind: {', '.join(sorted(ids))}." if 0 < len(ids) <= MAX_LISTED else ""
    return (f"Es gibt {noun} mit der Kennung {quote(value)}.{suggestion(value, ids)}"
            f"{listing} Die Kennungen sind die Dateinamen in {folder}.")


def term_message(value: str, terms: Terms) -> str:
    source = f"schemas/vokabulare/{terms.name}.yml"
    guess = terms.guess(value)
    if guess.sure:
        return (f"{quote(value)} ist so nicht erlaubt. Schreiben Sie {terms.named(guess.terms[0])}: Hier steht die "
                f"Kennung des Begriffs, genau wie in {source}.")
    named = [terms.named(term) for term in guess.terms]
    suggestion = f" Meinten Sie {one_of(named)}?" if named else ""
    allowed = ", ".join(f"{t.id} ({t.de})" for t in terms.vocabulary.terms.values())
    return (f"{quote(value)} ist kein erlaubter Begriff.{suggestion} Erlaubt sind: {allowed}. "
            f"Die Liste steht in {source}.")


def one_of(names: list[str], conjunction: str = "oder") -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


def message(error: ValidationError) -> str:
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
        return f"{quote(instance)} ist kein gültiges Datum: Diesen Tag gibt es nicht im Kalender."
    if kind in ("pattern", "format", "enum", "const") and custom:
        return f"{custom} Gefunden: {quote(instance)}.{_german_date_hint(instance)}{_time_hint(instance, schema)}"
    if kind in ("anyOf", "oneOf") and custom:  # a rule over several fields says itself what is missing
        return custom
    if kind == "enum":
        return f"{quote(instance)} ist nicht erlaubt. Erlaubt sind: {', '.join(schema['enum'])}."
    if kind == "minLength":
        if instance == "" or instance.strip() == "":
            return "Das Feld ist leer. Bitte tragen Sie einen Text ein oder löschen Sie die Zeile."
        return f"Der Text {quote(instance)} ist zu kurz (mindestens {schema['minLength']} Zeichen)."
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
        return f"{', '.join(quote(x) for x in twice)} steht mehrfach in der Liste. Bitte nur einmal angeben."
    if kind == "minProperties":
        return "Hier fehlen die Einträge."
    return f"Der Wert {quote(instance)} passt nicht: {error.message}"


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
