"""The messages that carry a correction: the line to write instead, the term that was meant,
where a misplaced field belongs.

``schema.py`` asks here first and falls back on the plain wording of ``schema_messages.py``.
What a correction may offer comes from ``schema_hints.py``: the vocabularies' terms and the
levels of a record, which ``Hints`` carries from the validator to these messages.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

from . import schema_hints as hints_
from .problems import ITEM_NOUNS
from .schema_hints import ANY_ITEM, Place, Terms, flow_list, keys_of, scalar
from .schema_messages import one_of, quote

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator, ValidationError

    from .yamlsafe import Document


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


EMPTY = "Das Feld ist leer. Bitte tragen Sie {} ein oder löschen Sie die Zeile."
# How a level of a record is named after "bei": "bei einem Angebot".
WITH_ARTICLE = {"Angebot": "einem Angebot", "Adresse": "einer Adresse", "Kontakt": "einem Kontakt",
                "Sprechzeit": "einer Sprechzeit", "Schließzeit": "einer Schließzeit"}


def hinted(error: ValidationError, document: "Document", validator: Draft202012Validator,
           hints: Hints) -> str | None:
    """A message that offers more than ``message``: the line to write, or the term meant."""
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
    return (f"{quote(instance)} {what}.{_unknown(unknown, terms)} Schreiben Sie jeden für sich, die ganze Liste "
            f"in einer Zeile: {path[-2]}: {flow_list(values)}")


def _unknown(values: list[str], terms: Terms) -> str:
    if not values:
        return ""
    return (f" Für {one_of([quote(v) for v in values])} gibt es keinen passenden Begriff; die Begriffe stehen "
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
    fields = one_of([f"„{name}“{' (Pflicht)' if name in place.required else ''}" for name in place.properties],
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
        return f" Den übrigen Text ({', '.join(quote(r) for r in rest)}) schreiben Sie in das Feld „{note}“."
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


def elsewhere(name: str, path: tuple, instance: Mapping, document: "Document", hints: Hints) -> str | None:
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
        start = f"„{name}“ gehört {at}unter {one_of([f'„{c}:“' for c in children])}."
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
