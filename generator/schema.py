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

from . import schema_hints as hints_
from .kinds import Kind
from .problems import ITEM_NOUNS, Problem, shorten
from .schema_hints import ANY_ITEM, Place, Terms, flow_list, keys_of, scalar

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
    synonyms: tuple = ()  # the search's everyday words (synonyms.Synonym): what a term is also called

    @classmethod
    def load(cls, folder: Path) -> "SchemaSet":
        registry = Registry()
        for path in sorted(folder.glob("*.schema.json")):
            contents = json.loads(path.read_text(encoding="utf-8"))
            registry = registry.with_resource(contents["$id"], Resource.from_contents(contents))
        return cls(registry.crawl(), {}, {})

    def with_context(self, vocabularies: Mapping[str, "Vocabulary"], known_ids: Mapping[str, frozenset[str]],
                     reserved_ids: frozenset[str] = frozenset(), synonyms: Iterable = ()) -> "SchemaSet":
        """The same schemas, checking terms and references against this directory."""
        return SchemaSet(self.registry, vocabularies, known_ids, reserved_ids, tuple(synonyms))

    def schema(self, name: str) -> dict:
        return self.registry.contents(URN + name)

    def validator(self, name: str) -> Draft202012Validator:
        known_ids, reserved_ids = self.known_ids, self.reserved_ids
        words = hints_.everyday_words(self.synonyms)
        terms = {name: Terms(vocabulary, words.get(name, {})) for name, vocabulary in self.vocabularies.items()}

        def vocabulary_term(validator, vocabulary_name, instance, schema):
            if not isinstance(instance, str):
                return
            vocabulary = terms.get(vocabulary_name)
            if vocabulary is None or instance in vocabulary:
                return
            yield ValidationError(_term_message(instance, vocabulary))

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
        # The messages ask the validator what they may offer: the terms, and the record's levels.
        cls.hints = Hints(terms, hints_.places(self.registry, URN + name))
        return cls(self.schema(name), registry=self.registry, format_checker=FORMAT_CHECKER)


@dataclass(frozen=True)
class Hints:
    """What messages about records of one schema can offer beyond the error itself."""

    terms: Mapping[str, Terms]  # by vocabulary
    shapes: Mapping[tuple[str, ...], Place]  # the levels of a record (schema_hints.places)

    def terms_of(self, field: Mapping) -> Terms | None:
        """The vocabulary of a field, or of the items of a list."""
        items = field.get("items")
        name = field.get("x-vokabular") or (items.get("x-vokabular") if isinstance(items, Mapping) else None)
        return self.terms.get(name) if name else None


def _term_message(value: str, terms: Terms) -> str:
    source = f"schemas/vokabulare/{terms.name}.yml"
    guess = terms.guess(value)
    if guess.sure:
        return (f"{_quote(value)} ist so nicht erlaubt. Schreiben Sie {terms.named(guess.terms[0])}: Hier steht die "
                f"Kennung des Begriffs, genau wie in {source}.")
    named = [terms.named(term) for term in guess.terms]
    suggestion = f" Meinten Sie {_one_of(named)}?" if named else ""
    allowed = ", ".join(f"{t.id} ({t.de})" for t in terms.vocabulary.terms.values())
    return (f"{_quote(value)} ist kein erlaubter Begriff.{suggestion} Erlaubt sind: {allowed}. "
            f"Die Liste steht in {source}.")


def _one_of(names: list[str], conjunction: str = "oder") -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {conjunction} {names[-1]}"


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
        problems.extend(_problems_for(error, document, validator))
    return problems


def _named_in(branches) -> list[str]:
    """The fields the branches of an anyOf or oneOf ask for, in their order."""
    return list(dict.fromkeys(name for branch in branches if isinstance(branch, Mapping)
                              for name in (*branch.get("required", ()), *branch.get("properties", {}))))


def _title(schema: Mapping, name: str) -> str:
    title = schema.get("properties", {}).get(name, {}).get("title")
    return f"„{name}“ ({title})" if title else f"„{name}“"


def _problems_for(error: ValidationError, document: "Document", validator: Draft202012Validator) -> list[Problem]:
    path = tuple(error.absolute_path)
    kind = error.validator
    schema, instance = error.schema, error.instance
    hints = getattr(validator, "hints", None)

    if kind == "required":
        name = error.message.split("'")[1]
        return [document.problem(path, f"Das Pflichtfeld {_title(schema, name)} fehlt. Bitte ergänzen Sie es.")]
    if kind == "additionalProperties" and isinstance(instance, dict):
        allowed = list(schema.get("properties", {}))
        return [
            document.problem(
                path + (name,),
                (hints and _elsewhere(name, path, instance, document, hints))
                or f"Das Feld „{shorten(name)}“ gibt es hier nicht.{suggestion(name, allowed)} "
                   f"Erlaubt sind: {', '.join(allowed)}.",
                key=True,
            )
            for name in instance if name not in schema.get("properties", {})
        ]
    if kind == "dependentRequired":
        missing, present = re.findall(r"'([^']*)'", error.message)[:2]
        # What the missing field is for says which value it needs ("ja", if the person agreed).
        about = schema.get("properties", {}).get(missing, {}).get("description", "")
        return [document.problem(path + (present,), (
            f"Wer „{present}“ angibt, muss auch „{missing}“ angeben." + (f" {about}" if about else "")), key=True)]
    if list(error.absolute_schema_path)[-2:-1] == ["propertyNames"] and isinstance(instance, str):
        return [document.problem(path + (instance,), _message(error), key=True)]  # where the name stands
    if kind in ("anyOf", "oneOf") and isinstance(instance, dict):
        # "orte: []" or "online: nein" is where the offering fails to say where it takes place.
        given = [name for name in _named_in(schema[kind]) if name in instance]
        if given:
            return [document.problem(path + (given[0],), _message(error), key=True)]
    return [document.problem(path, (hints and _hinted(error, document, validator, hints)) or _message(error))]


EMPTY = "Das Feld ist leer. Bitte tragen Sie {} ein oder löschen Sie die Zeile."
# How a level of a record is named after "bei": "bei einem Angebot".
WITH_ARTICLE = {"Angebot": "einem Angebot", "Adresse": "einer Adresse", "Kontakt": "einem Kontakt",
                "Sprechzeit": "einer Sprechzeit", "Schließzeit": "einer Schließzeit"}


def _hinted(error: ValidationError, document: "Document", validator: Draft202012Validator,
            hints: Hints) -> str | None:
    """A message that offers more than ``_message``: the line to write, or the term meant."""
    path, kind, schema, instance = tuple(error.absolute_path), error.validator, error.schema, error.instance
    if kind == "x-vokabular" and path and isinstance(path[-1], int) and isinstance(path[-2], str):
        return _several_terms(path, instance, document, hints.terms_of({"x-vokabular": schema["x-vokabular"]}))
    if kind == "type":
        expected = _types(schema)
        if instance is None:
            return _empty(path, hints, "einen Wert")
        if "array" in expected and isinstance(instance, str) and path and isinstance(path[-1], str):
            return _text_for_list(path, schema, instance, validator, hints)
        if expected == ["object"] and path:
            return _text_for_fields(path, instance, hints)
    if isinstance(instance, str) and not instance.strip() and (
            kind == "minLength" or (kind in ("pattern", "format") and not instance)):
        return _empty(path, hints, "einen Text" if kind == "minLength" else "einen Wert")
    return None


def _several_terms(path: tuple, instance: str, document: "Document", terms: Terms | None) -> str | None:
    """"- pflege, demenz" or "- Mo-Fr": several terms in one item of a list."""
    if terms is None:
        return None
    parts = hints_.split_terms(instance)
    expanded = terms.expand(instance) or []
    if len(parts) < 2 and len(expanded) < 2:  # noqa: PLR2004
        return None
    values, unknown = hints_.corrected_terms(_at(document.data, path[:-1]), terms)
    what = "sind mehrere Begriffe in einem Listenpunkt" if len(parts) > 1 else "steht für mehrere Begriffe"
    return (f"{_quote(instance)} {what}.{_unknown(unknown, terms)} Schreiben Sie jeden für sich, die ganze Liste "
            f"in einer Zeile: {path[-2]}: {flow_list(values)}")


def _unknown(values: list[str], terms: Terms) -> str:
    if not values:
        return ""
    return (f" Für {_one_of([_quote(v) for v in values])} gibt es keinen passenden Begriff; die Begriffe stehen "
            f"in schemas/vokabulare/{terms.name}.yml.")


def _at(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def _empty(path: tuple, hints: Hints, noun: str) -> str:
    """An empty field: one that may be left out is deleted, a required one is filled in."""
    name = path[-1] if path and isinstance(path[-1], str) else None
    place = hints.shapes.get(keys_of(path[:-1]))
    if name is None or place is None or name not in place.required:
        return EMPTY.format(noun)
    field = place.properties.get(name, {})
    terms = hints.terms_of(field)
    if terms is not None:
        noun = "mindestens einen Begriff" if field.get("type") == "array" else "einen Begriff"
    elif field.get("type") == "array":
        noun = "mindestens einen Eintrag"
    elif "object" in _types(field):
        noun = "einen Text"
    line = hints_.example(name, field, terms)
    source = f" (die Begriffe stehen in schemas/vokabulare/{terms.name}.yml)" if terms else ""
    return (f"Das Feld ist leer, „{name}“ ist aber ein Pflichtfeld. Bitte tragen Sie {noun} ein{source}"
            f"{f', z. B.: {line}' if line else '.'}")


def _types(schema: Mapping) -> list[str]:
    types = schema.get("type", [])
    return types if isinstance(types, list) else [types]


def _text_for_list(path: tuple, schema: Mapping, instance: str, validator: Draft202012Validator,
                   hints: Hints) -> str | None:
    """"themen: pflege, demenz", "orte: hauptsitz", "tage: Mo-Fr": the list to write instead."""
    key = path[-1]
    if keys_of(path) + (ANY_ITEM,) in hints.shapes:  # a list of items with fields, as "sprechzeiten"
        return _text_for_fields(path + (0,), instance, hints, whole=True)
    terms = hints.terms_of(schema)
    if terms is not None:
        values, unknown = hints_.corrected_terms([instance], terms)
        each = ", jeder Begriff für sich" if len(values) > 1 else ", auch für einen einzigen Begriff"
        return (f"Hier wird eine Liste erwartet{each}.{_unknown(unknown, terms)} Schreiben Sie: "
                f"{key}: {flow_list(values)}")
    parts = hints_.split_terms(instance)
    items = validator.evolve(schema=schema.get("items", {}))
    if not parts or not all(items.is_valid(part) for part in parts):
        return None
    each = ", jeder Eintrag für sich" if len(parts) > 1 else ", auch für einen einzigen Eintrag"
    return f"Hier wird eine Liste erwartet{each}. Schreiben Sie: {key}: {flow_list(parts)}"


def _text_for_fields(path: tuple, instance: Any, hints: Hints, *, whole: bool = False) -> str | None:
    """A text (or list) where fields are expected: the opening hours it describes, or the
    fields to write. ``whole``: the text stands for the whole list (``path`` is its first item)."""
    place = hints.shapes.get(keys_of(path))
    if place is None:
        return None
    listed = isinstance(path[-1], int)
    key = path[-2] if listed else path[-1]
    owner = hints.shapes.get(keys_of(path[:-2] if listed else path[:-1]))
    note = f"{key}_hinweis" if owner and f"{key}_hinweis" in owner.properties else None
    hours = _opening_hours(key, instance, place, hints, note, whole) if isinstance(instance, str) else None
    if hours:
        return hours
    fields = _one_of([f"„{name}“{' (Pflicht)' if name in place.required else ''}" for name in place.properties],
                     "und")
    required = [name for name in place.properties if name in place.required]
    shown = [hints_.example(name, place.properties[name], hints.terms_of(place.properties[name]))
             for name in required]
    block = f"{{{', '.join(shown)}}}" if required and all(shown) else ""
    if block and listed:
        block = f"{key}: [{block}]" if whole else f"- {block}"
    what = "eine Liste, je Eintrag mit Unterfeldern" if whole else "Unterfelder (eingerückt, je Zeile „feld: wert“)"
    return (f"Hier werden {what} erwartet: {fields}.{_note(note)}"
            f"{f' Zum Beispiel: {block}' if block else ''}")


def _note(note: str | None, rest: list[str] | None = None) -> str:
    if note is None:
        return ""
    if rest:
        return f" Den übrigen Text ({', '.join(_quote(r) for r in rest)}) schreiben Sie in das Feld „{note}“."
    return f" Hinweise wie „nach Vereinbarung“ gehören in das Feld „{note}“."


def _opening_hours(key: str, text: str, place: Place, hints: Hints, note: str | None, whole: bool) -> str | None:
    """"Mo-Fr 9-12 Uhr, Do 14-18 Uhr" -> the blocks of days and times to write instead."""
    if not {"tage", "von", "bis"} <= place.properties.keys():
        return None
    days = hints.terms_of(place.properties["tage"])
    blocks, rest = hints_.opening_hours(text, days) if days else ([], [])
    if not blocks:
        return None
    line = f"{key}: [{hints_.hours_line(blocks)}]" if whole else " und ".join(
        f"- {hints_.hours_line([block])}" for block in blocks)
    instead = "statt dieser Zeile" if whole or len(blocks) == 1 else "statt dieses Listenpunkts"
    return (f"„{key}“ steht nicht als Text, sondern als Liste: je Zeitraum ein Eintrag mit „tage“, „von“ und "
            f"„bis“.{_note(note, rest)} Schreiben Sie {instead}: {line}")


def _elsewhere(name: str, path: tuple, instance: Mapping, document: "Document", hints: Hints) -> str | None:
    """A field of another level of the record: where it belongs (``telefon`` of an offering
    is one of its contacts')."""
    here = keys_of(path)
    found = list(hints_.other_places(name, here, hints.shapes))
    if not found:
        return None
    place, value = found[0], instance.get(name)
    line = f"{name}: {scalar(str(value))}" if isinstance(value, (str, int, float)) else f"{name}: …"
    level = WITH_ARTICLE.get(ITEM_NOUNS.get(path[-2], "")) if len(path) > 1 and isinstance(path[-1], int) else None
    if place.keys[:len(here)] == here:  # below this level
        children = list(dict.fromkeys(p.keys[len(here)] for p in found if p.keys[:len(here)] == here))
        child = children[0]
        at = f"bei {level} " if level else ""
        start = f"„{name}“ gehört {at}unter {_one_of([f'„{c}:“' for c in children])}."
        existing = instance.get(child)
        if isinstance(existing, list) and existing and isinstance(existing[0], dict) and existing[0]:
            first = next(iter(existing[0]))
            line_no = document.position(path + (child, 0, first), key=True)[0]
            return (f"{start} Verschieben Sie die Zeile in den Eintrag darunter (Zeile {line_no}), so weit "
                    f"eingerückt wie dessen „{first}:“: {line}")
        if child in instance:
            return start
        below = hints.shapes.get(here + (child, ANY_ITEM))
        shown = [hints_.example(n, below.properties[n], hints.terms_of(below.properties[n]))
                 for n in below.required if n != name] if below else []
        if below is None or not all(shown):
            return start
        return f"{start} Schreiben Sie statt dieser Zeile: {child}: [{{{', '.join([*shown, line])}}}]"
    if here[:len(place.keys)] == place.keys:  # above this level
        owner = _at(document.data, path[:len(place.keys)])
        first = next(iter(owner))
        line_no = document.position(path[:len(place.keys)] + (first,), key=True)[0]
        return (f"Das Feld „{name}“ gehört nicht hierher, sondern eine Ebene höher: Rücken Sie die Zeile so weit "
                f"ein wie „{first}:“ in Zeile {line_no}.")
    where = " › ".join(key for key in place.keys if key != ANY_ITEM)
    there = f"unter „{where}“" if where else "auf der obersten Ebene (ohne Einrückung)"
    return f"Das Feld „{name}“ gibt es hier nicht, wohl aber {there}."


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
