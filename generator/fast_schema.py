"""A quick first look at each file: which records certainly pass their schema.

python-jsonschema finds the errors that ``schema.py`` words in German, but checking every
record with it took most of a large directory's checks. jsonschema-rs checks records
fifty times faster (0.2 s instead of 10 s for 10,000 offerings) and says only whether each
passes; so it looks first, and a record it does not pass is checked again in full, which
finds and words the problems. That is only right if it never passes a record the full
check refuses, so it gets the same schemas, spelled out so that both read them alike:

- ``x-vokabular`` and ``x-verweis`` become the lists of the terms and ids they accept;
- every ``format`` is asked of python-jsonschema's own format checker;
- a ``pattern``'s ``\\s`` becomes the characters Python counts as whitespace (jsonschema-rs
  counts others: not U+001C, U+0085, U+2000 ...), and a pattern with any other part the
  two engines might read differently is searched with Python's ``re`` itself.

Where they still differ, jsonschema-rs is the stricter (``$`` does not match before a
last line break; a value it cannot convert, such as a date, fails): that costs only a
full check. Schemas using what is not spelled out here get no quick check at all.
"""
from __future__ import annotations

import re
from functools import partial
from typing import Any, Collection, Iterable, Mapping

import jsonschema_rs
from jsonschema import FormatChecker

# What Python's ``\s`` matches in a text (str.isspace): tests/test_fast_schema.py checks
# every character.
PYTHON_WHITESPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Signs that stand for themselves after a backslash in both engines (Rust reads \< as the
# start of a word, Python as "<").
_LITERAL_AFTER_BACKSLASH = frozenset(".^$|?*+()[]{}\\/-")
_QUANTIFIER = re.compile(r"\{[0-9]+(,[0-9]*)?\}")
# The keywords whose value is a schema, a list of schemas or schemas by name: every place
# where python-jsonschema applies a schema, other than through a reference.
_ONE = ("additionalProperties", "propertyNames", "items", "contains", "not", "if", "then", "else",
        "unevaluatedItems", "unevaluatedProperties")
_MANY = ("allOf", "anyOf", "oneOf", "prefixItems")
_NAMED = ("properties", "$defs", "dependentSchemas")
# A reference to such a place: jsonschema-rs would not see our keywords anywhere else.
_REACHED = re.compile("(?:/(?:{})/[^/]+|/(?:{})|/(?:{})/[0-9]+)*".format(
    "|".join(map(re.escape, _NAMED)), "|".join(_ONE), "|".join(_MANY)))
# Read differently by the two: regular expressions as names, and sums of fractions.
_NOT_SPELLED_OUT = ("patternProperties", "multipleOf", "$dynamicRef")
PYTHON_PATTERN = "x-python-pattern"


class QuickCheck:
    """jsonschema-rs's validator of one schema, in the context the full check has."""

    def __init__(self, rust_validator):
        self._validator = rust_validator

    @classmethod
    def of(cls, schemas: Mapping[str, Any], uri: str, terms: Mapping[str, Collection[str]],
           known_ids: Mapping[str, Collection[str]], format_checker: FormatChecker) -> "QuickCheck | None":
        """The check of the schema ``uri`` (one of ``schemas``, by their ids), with each
        vocabulary's terms and each kind's ids; None where it could not be exact."""
        for contents in schemas.values():
            if any(next(_values_of(contents, keyword), None) is not None for keyword in _NOT_SPELLED_OUT):
                return None
            if not all(isinstance(ref, str) and _REACHED.fullmatch(ref.partition("#")[2])
                       for ref in _values_of(contents, "$ref")):
                return None
        formats = {name for contents in schemas.values() for name in _values_of(contents, "format")
                   if isinstance(name, str)}
        exact = {name: _exact(contents, terms, known_ids) for name, contents in schemas.items()}
        try:
            return cls(jsonschema_rs.Draft202012Validator(
                exact[uri], registry=jsonschema_rs.Registry(list(exact.items()), draft=jsonschema_rs.Draft202012),
                offline=True, validate_formats=True, ignore_unknown_formats=True,
                formats={name: partial(format_checker.conforms, format=name) for name in formats},
                keywords={PYTHON_PATTERN: _PythonPattern}))
        except ValueError:  # a schema jsonschema-rs cannot read: the full check says what is wrong
            return None

    def passes(self, data: Any) -> bool:
        """Whether the data certainly passes the full check."""
        try:
            return self._validator.is_valid(data)
        except Exception:  # noqa: BLE001 -- a value JSON has no type for, or anything else: not certain
            return False


def _values_of(node: Any, keyword: str) -> Iterable[Any]:
    """The keyword's values in the schema and in every schema within it."""
    if isinstance(node, dict):
        if keyword in node:
            yield node[keyword]
        for key in _ONE:
            if key in node:
                yield from _values_of(node[key], keyword)
        for key in _MANY:
            for sub in node.get(key, ()):
                yield from _values_of(sub, keyword)
        for key in _NAMED:
            for sub in node.get(key, {}).values():
                yield from _values_of(sub, keyword)


def _exact(node: Any, terms: Mapping[str, Collection[str]], known_ids: Mapping[str, Collection[str]]) -> Any:
    """The schema with our own keywords spelled out and its patterns read as Python does."""
    if not isinstance(node, dict):
        return node
    result = {}
    also = []  # what our own keywords ask, as schemas
    for key, value in node.items():
        if key in _ONE:
            result[key] = _exact(value, terms, known_ids)
        elif key in _MANY:
            result[key] = [_exact(sub, terms, known_ids) for sub in value]
        elif key in _NAMED:
            result[key] = {name: _exact(sub, terms, known_ids) for name, sub in value.items()}
        elif key == "pattern" and isinstance(value, str):
            native = rust_pattern(value)
            result.update({"pattern": native} if native is not None else {PYTHON_PATTERN: value})
        elif key == "x-vokabular":
            if isinstance(value, str) and value in terms:  # an unknown vocabulary accepts every value
                also.append(_texts_among(terms[value]))
        elif key == "x-verweis":
            if isinstance(value, str) and value in known_ids:  # so does a kind of record not loaded
                also.append(_texts_among(known_ids[value]))
        else:
            result[key] = value
    if also:
        result["allOf"] = [*result.get("allOf", ()), *also]
    return result


def _texts_among(accepted: Collection[str]) -> dict:
    """Anything but a text, or one of these texts (the full check looks only at texts)."""
    return {"if": {"type": "string"}, "then": {"enum": sorted(accepted)}}


def rust_pattern(pattern: str) -> str | None:
    """The pattern for jsonschema-rs, matching what Python's ``re`` matches; None where it
    has a part the two engines might read differently."""
    out = []
    in_class = False
    index = 0
    while index < len(pattern):
        char, following = pattern[index], pattern[index + 1:index + 2]
        if char == "\\":
            if following in ("s", "S") and not (in_class and following == "S"):
                out.append(PYTHON_WHITESPACE if in_class else f"[{'^' if following == 'S' else ''}{PYTHON_WHITESPACE}]")
            elif following and following in _LITERAL_AFTER_BACKSLASH:
                out.append(char + following)
            else:
                return None  # \d, \w, \b, \u ... mean other things in each engine
            index += 2
            continue
        if in_class:
            if char == "[" or pattern[index:index + 2] in ("&&", "--", "~~"):
                return None  # nested classes and their set operations are Rust's alone
            in_class = char != "]"
        elif char == "[":
            if following == "]" or pattern[index + 1:index + 3] == "^]":
                return None  # a leading "]" is a sign in Python only
            in_class = True
        elif char == "{":
            quantifier = _QUANTIFIER.match(pattern, index)
            if not quantifier or pattern[quantifier.end():quantifier.end() + 1] == "+":
                return None  # Python reads a loose brace as a sign, and "+" after it as possessive
            out.append(quantifier.group())
            index = quantifier.end()
            continue
        elif char == "." or (char == "(" and following == "?") or (char in "*+?" and following == "+"):
            return None  # "." may leave out other line breaks; groups with options; possessive repeats
        out.append(char)
        index += 1
    return None if in_class else "".join(out)


class _PythonPattern:
    """``pattern`` as python-jsonschema checks it: ``re.search`` on texts, nothing else."""

    def __init__(self, _parent_schema: dict, value: str, _schema_path: list):
        self.search = re.compile(value).search

    def validate(self, instance: Any) -> None:
        if isinstance(instance, str) and not self.search(instance):
            raise ValueError("does not match")
