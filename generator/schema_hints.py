"""What a message about a record can offer beyond "this is wrong": the term that was meant,
the line to write instead, and where a misplaced field belongs.

``schema_corrections.py`` turns a validation error into a sentence that offers them; the
pieces here know the vocabularies (their labels in every language and the search's everyday
words), the shape of the schemas (which fields each level of a record has) and how people
write lists and opening hours as plain text ("Mo-Fr 9-12 Uhr").
"""
from __future__ import annotations

import difflib
import json
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Mapping

from referencing import Registry

if TYPE_CHECKING:
    from .vocab import Vocabulary

MIN_PREFIX = 2  # letters of an abbreviation ("Mo", "cz") compared with the start of a label
MIN_STEM = 4  # letters of a term a longer word has to begin with ("sucht" in "suchtberatung")
CUTOFF = 0.6  # how alike two spellings are before one is suggested for the other
ANY_ITEM = "*"  # an item of a list in a place's keys: ("angebote", "*", "kontakt", "*")
RANGE = re.compile(r"^(.+?)\s*(?:-|–|—|\bbis\b)\s*(.+)$")
TIMES = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?\s*(?:uhr\s*)?(?:-|–|—|\bbis\b)\s*(\d{1,2})(?:[:.](\d{2}))?\s*(?:uhr\b)?",
                   re.IGNORECASE)
FILLER = re.compile(r"\b(?:und|sowie|jeweils|uhr)\b|[&+]", re.IGNORECASE)
EXAMPLE = re.compile(r"z\. ?B\. (?:„([^“]+)“|(\[[^\]]+\]))")
PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\s,\[\]{}]*(?: [^\s,\[\]{}#][^\s,\[\]{}]*)*")
NUMBERLIKE = re.compile(r"[+-]?[\d.:_-]+")


def fold(text: str) -> str:
    """How a typed word compares with a term: case, umlauts, accents and the gaps between
    words do not count (``"Psychische Gesundheit"`` and ``"psychische-gesundheit"`` agree)."""
    text = text.strip().lower()
    for umlaut, spelled in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        text = text.replace(umlaut, spelled)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[\s_]+", "-", text)


def scalar(value: str) -> str:
    """A value as it can stand in a YAML line, in quotes where it would otherwise be read
    as something else (a time, a date, a number, or a text with a colon)."""
    if PLAIN.fullmatch(value) and ": " not in value and not value.endswith(":") and not NUMBERLIKE.fullmatch(
            value) and value.lower() not in (
            "ja", "nein", "true", "false", "yes", "no", "null", "on", "off"):
        return value
    return json.dumps(value, ensure_ascii=False)


def flow_list(values: Iterable[str]) -> str:
    return f"[{', '.join(scalar(v) for v in values)}]"


@dataclass(frozen=True)
class Guess:
    """The terms a typed value may mean; ``sure`` when it names one of them exactly (by its
    id in another spelling, a label in any language or an everyday word)."""

    terms: tuple[str, ...] = ()
    sure: bool = False


class Terms:
    """One vocabulary, searched the way a provider names its terms."""

    def __init__(self, vocabulary: "Vocabulary", words: Mapping[str, tuple[str, ...]]):
        self.vocabulary = vocabulary
        self.ids = list(vocabulary.terms)
        self.labels = {term.id: [fold(label) for label in (term.de, term.cs, term.en)]
                       for term in vocabulary.terms.values()}
        # folded everyday word -> the terms it stands for: the search's, and the vocabulary's own
        self.words = {**words, **{fold(word): (term.id,) for term in vocabulary.terms.values()
                                  for word in term.also_called}}

    @property
    def name(self) -> str:
        return self.vocabulary.name

    def __contains__(self, value: object) -> bool:
        return value in self.vocabulary

    def label(self, term_id: str) -> str:
        return self.vocabulary.label(term_id)

    def named(self, term_id: str) -> str:
        """„kostenlos“ (Kostenlos), or only „sucht“ where the label says no more than the id."""
        label = self.label(term_id)
        return f"„{term_id}“" if fold(label) == fold(term_id) else f"„{term_id}“ ({label})"

    def guess(self, value: str) -> Guess:
        typed = fold(value)
        if not typed:
            return Guess()
        exact = [t for t in self.ids if typed == fold(t) or typed in self.labels[t]]
        if exact:
            return Guess((exact[0],), True)
        if typed in self.words:
            found = tuple(t for t in self.words[typed] if t in self.vocabulary)
            if found:
                return Guess(found, len(found) == 1)
        for found in (self._abbreviated(typed), self._begun(typed)):
            if found:
                return Guess(found)
        return Guess(self._alike(typed))

    def _abbreviated(self, typed: str) -> tuple[str, ...]:
        """"Mo", "thu", "po", "cz": the start of one term's label in some language."""
        if len(typed) < MIN_PREFIX:
            return ()
        found = sorted((len(label), t) for t in self.ids for label in self.labels[t] if label.startswith(typed))
        # "cz" is "Czech" (cs) rather than "Czech Sign Language" (cse): the shortest such label
        shortest = {t for length, t in found if length == found[0][0]} if found else set()
        return tuple(shortest) if len(shortest) == 1 else ()

    def _begun(self, typed: str) -> tuple[str, ...]:
        """"suchtberatung": a longer word that begins with a term."""
        found = sorted(((len(stem), t) for t in self.ids for stem in {fold(t), *self.labels[t]}
                        if len(stem) >= MIN_STEM and typed.startswith(stem)), reverse=True)
        return (found[0][1],) if found else ()

    def _alike(self, typed: str) -> tuple[str, ...]:
        """By spelling: the labels and everyday words first, so that "kostenfrei" is
        „kostenlos“ and not the id that looks more like it („kostentraeger“)."""
        by_meaning = {label: t for t in self.ids for label in self.labels[t]}
        by_meaning |= {word: terms[0] for word, terms in self.words.items()
                       if len(terms) == 1 and terms[0] in self.vocabulary}
        for names in (by_meaning, {fold(t): t for t in self.ids}):
            close = difflib.get_close_matches(typed, list(names), n=1, cutoff=CUTOFF)
            if close:
                return (names[close[0]],)
        inside = sorted(t for t in self.ids if len(typed) >= MIN_STEM - 1 and typed in fold(t))
        return tuple(inside[:1])

    def expand(self, value: str) -> list[str] | None:
        """The terms a text stands for, if it names them for sure: one term ("Montag"), or
        a range in the vocabulary's order ("Mo-Fr", "Montag bis Freitag")."""
        guess = self.guess(value)
        if guess.sure:
            return list(guess.terms)
        match = RANGE.match(value.strip())
        if not match:
            return None
        first, last = (self.guess(end) for end in match.groups())
        if len(first.terms) != 1 or len(last.terms) != 1:
            return None
        start, end = self.ids.index(first.terms[0]), self.ids.index(last.terms[0])
        return self.ids[start:end + 1] if start < end else None


def everyday_words(synonyms: Iterable[Any]) -> dict[str, dict[str, tuple[str, ...]]]:
    """Vocabulary -> folded word -> terms, from the search's synonyms: what people type
    (``woerter``) and the words of the records (``findet``) stand for the entry's terms."""
    found: dict[str, dict[str, list[str]]] = {}
    for synonym in synonyms:
        for vocabulary, term in synonym.terms:
            for word in (*synonym.words, *synonym.finds):
                terms = found.setdefault(vocabulary, {}).setdefault(fold(word), [])
                if term not in terms:
                    terms.append(term)
    return {name: {word: tuple(terms) for word, terms in words.items()} for name, words in found.items()}


def split_terms(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]


def corrected_terms(values: Iterable[Any], terms: Terms) -> tuple[list[str], list[str]]:
    """The list as it should stand: each text split at its commas, ranges spelled out, every
    term as its id (or the suggestion, if there is one); and what matched no term."""
    result: list[str] = []
    unknown: list[str] = []
    for value in values:
        for part in split_terms(value) if isinstance(value, str) else [json.dumps(value)]:
            meant = [part] if part in terms else terms.expand(part) or list(terms.guess(part).terms[:1])
            if not meant:
                unknown.append(part)
                meant = [part]
            result += [term for term in meant if term not in result]
    return result, unknown


# Opening hours typed as a text: "Mo-Fr 9-12 Uhr, Do 14-18 Uhr".

def _time(hours: str, minutes: str | None) -> str | None:
    hour, minute = int(hours), int(minutes or 0)
    if hour == 24 and minute == 0:  # noqa: PLR2004 (the end of a day)
        return "00:00"
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else None  # noqa: PLR2004


def opening_hours(text: str, days: Terms) -> tuple[list[tuple[list[str], str, str]], list[str]]:
    """The blocks (days, from, to) a text of opening hours describes, and its parts that
    are no days and times (a note such as "nach Vereinbarung")."""
    blocks: list[tuple[list[str], str, str]] = []
    pending: list[str] = []
    rest: list[str] = []
    for segment in (s.strip() for s in re.split(r"[,;/]", text)):
        times = list(TIMES.finditer(segment))
        words = FILLER.sub(" ", TIMES.sub(" ", segment))
        words = re.sub(r"\s*(?:-|–|—|\bbis\b)\s*", "-", words.strip())
        named = [days.expand(word) for word in words.split()]
        if not segment or any(found is None for found in named):
            if segment:
                rest.append(segment)
            continue
        pending += [day for found in named for day in found if day not in pending]
        spans = [(_time(m[1], m[2]), _time(m[3], m[4])) for m in times]
        if not times or any(None in span for span in spans):
            if times:
                rest.append(segment)
            continue
        tage = pending or (blocks[-1][0] if blocks else [])
        if not tage:
            rest.append(segment)
            continue
        blocks += [(tage, begin, end) for begin, end in spans]
        pending = []
    return blocks, rest


def hours_line(blocks: list[tuple[list[str], str, str]]) -> str:
    return ", ".join(f"{{tage: {flow_list(tage)}, von: \"{begin}\", bis: \"{end}\"}}" for tage, begin, end in blocks)


# The shape of a record: which fields each of its levels has.

@dataclass(frozen=True)
class Place:
    keys: tuple[str, ...]  # from the record's top, ANY_ITEM for an item of a list
    properties: Mapping[str, Mapping]  # each field's schema, references followed
    required: frozenset[str]


def _resolved(node: Mapping, resolver) -> tuple[dict, Any]:
    """A schema with its ``$ref`` followed (the keywords beside it kept), and the resolver
    for the references inside it."""
    node = dict(node)
    while "$ref" in node:
        found = resolver.lookup(node.pop("$ref"))
        required = set(node.get("required", ())) | set(found.contents.get("required", ()))
        node = {**found.contents, **node, "required": sorted(required)}
        resolver = found.resolver
    return node, resolver


def places(registry: Registry, uri: str) -> dict[tuple[str, ...], Place]:
    """Every level of a record that has fields of its own: the top, an offering, an
    offering's contact, an address and so on (not the translations of a text)."""
    found: dict[tuple[str, ...], Place] = {}

    def walk(node: Mapping, resolver, keys: tuple[str, ...]) -> None:
        node, resolver = _resolved(node, resolver)
        types = node.get("type")
        if types == "array" and isinstance(node.get("items"), Mapping):
            walk(node["items"], resolver, keys + (ANY_ITEM,))
            return
        if types != "object" or keys in found:
            return
        properties = {name: _resolved(value, resolver) for name, value in node.get("properties", {}).items()}
        found[keys] = Place(keys, {name: schema for name, (schema, _) in properties.items()},
                            frozenset(node.get("required", ())))
        for name, (schema, inner) in properties.items():
            walk(schema, inner, keys + (name,))

    walk(registry.contents(uri), registry.resolver(base_uri=uri), ())
    return found


def keys_of(path: Iterable[Any]) -> tuple[str, ...]:
    return tuple(ANY_ITEM if isinstance(part, int) else part for part in path)


def other_places(name: str, here: tuple[str, ...], shapes: Mapping[tuple[str, ...], Place]) -> Iterator[Place]:
    """The levels of the record, other than ``here``, that have a field ``name``: those
    below ``here`` first, then those above it, then the rest."""
    having = [place for keys, place in shapes.items() if name in place.properties and keys != here]

    def order(place: Place) -> tuple[int, int]:
        if place.keys[:len(here)] == here:
            return 0, len(place.keys)
        if here[:len(place.keys)] == place.keys:
            return 1, -len(place.keys)  # the nearest level above first
        return 2, len(place.keys)

    yield from sorted(having, key=order)


def example(name: str, schema: Mapping, terms: Terms | None) -> str | None:
    """A value for the field, as a line "name: value": from the field's description ("z. B.
    „Suchtberatung Aue“"), the schema's ``examples`` or the vocabulary's first term."""
    if terms is not None:
        first = terms.ids[0]
        return f"{name}: {flow_list([first]) if schema.get('type') == 'array' else scalar(first)}"
    described = EXAMPLE.search(schema.get("description", ""))
    if described:
        return f"{name}: {described[1] and scalar(described[1]) or described[2]}"
    examples = schema.get("examples")
    if examples and isinstance(examples[0], str):
        return f"{name}: {scalar(examples[0])}"
    if examples and isinstance(examples[0], list):
        return f"{name}: {flow_list(str(v) for v in examples[0])}"
    return None
