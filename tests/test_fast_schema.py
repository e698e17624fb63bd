"""The quick check (jsonschema-rs) never passes what the full check refuses, and passes
what it accepts; a record it does not pass gets exactly the full check's problems."""
from __future__ import annotations

import datetime
import functools
import json
import re
import string
from pathlib import Path

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURE_SITE, FIXTURES, REPO, SCHEMAS
from generator import schema, yamlsafe
from generator.fast_schema import PYTHON_WHITESPACE, QuickCheck, rust_pattern
from generator.kinds import Kind
from generator.render.urls import RESERVED_IDS
from schema_checks import directory_words

EVERY_CHARACTER = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)  # no lone surrogates
PYTHON_SPACES = "".join(re.findall(r"\s", EVERY_CHARACTER))
NOT_SPACES = "".join(re.findall(r"\S", EVERY_CHARACTER))
FOLDERS = [FIXTURES / "invalid", *(FIXTURES / "hostile").iterdir(), FIXTURE_SITE, REPO / "content"]
# Every record file of the tests and of the repository that can be read (the others stop at their YAML).
RECORDS = {path: document for path in sorted(path for folder in FOLDERS if folder.is_dir() for kind in Kind
                                             for path in (folder / kind.folder).glob("*.yml"))
           if (document := yamlsafe.load(path)[0]) is not None}


def _patterns(node) -> set[str]:
    """Every pattern in a schema."""
    if isinstance(node, dict):
        own = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return own.union(*map(_patterns, node.values()))
    if isinstance(node, list):
        return set().union(*map(_patterns, node))
    return set()


SCHEMA_PATTERNS = sorted(set().union(*(_patterns(json.loads(path.read_text(encoding="utf-8")))
                                       for path in SCHEMAS.glob("*.schema.json"))))


def rust_matches(pattern: str, text: str) -> bool:
    return _rust_validator(pattern).is_valid(text)


@functools.cache
def _rust_validator(pattern: str):
    return jsonschema_rs.Draft202012Validator({"pattern": pattern})


def quick_check(schema_: dict) -> QuickCheck | None:
    return QuickCheck.of({"urn:test": schema_}, "urn:test", {}, {}, schema.FORMAT_CHECKER)


@functools.cache
def checking() -> schema.SchemaSet:
    """The repository's schemas and vocabularies, with the ids of every record in the test folders."""
    known: dict[str, set[str]] = {kind.folder: set() for kind in Kind}
    for path, document in RECORDS.items():
        if isinstance(document.data, dict) and isinstance(document.data.get("id"), str):
            known[path.parent.name].add(document.data["id"])
    words = directory_words()
    return schema.SchemaSet.load(SCHEMAS).with_context(
        words["vocabularies"], {kind: frozenset(ids) for kind, ids in known.items()}, RESERVED_IDS, words["synonyms"])


@functools.cache
def validators(kind: Kind):
    """The check with the quick look first, and the full check alone."""
    return checking().validator(kind.schema), checking().validator(kind.schema, quick=False)


def test_the_spelled_out_whitespace_is_what_python_calls_whitespace():
    assert "".join(re.findall(f"[{PYTHON_WHITESPACE}]", EVERY_CHARACTER)) == PYTHON_SPACES
    assert "".join(c for c in EVERY_CHARACTER if c.isspace()) == PYTHON_SPACES


@pytest.mark.parametrize("pattern, spaces_match, others_match", [
    (r"\s", True, False), (r"\S", False, True), ("[a\\s]", True, False), ("[^<\\s>]", False, True)])
def test_jsonschema_rs_reads_whitespace_classes_as_python_does_for_every_character(pattern, spaces_match, others_match):
    translated = rust_pattern(pattern)
    others = NOT_SPACES.replace("a", "").replace("<", "").replace(">", "")
    for text, matches in ((PYTHON_SPACES, spaces_match), (others, others_match)):
        # Every character of the text matches, or none does.
        assert rust_matches(f"^{translated}*$", text) is matches
        assert rust_matches(translated, text) is matches
        assert "".join(re.findall(pattern, text)) == (text if matches else "")


@pytest.mark.parametrize("pattern", SCHEMA_PATTERNS)
def test_every_schema_pattern_runs_natively_in_jsonschema_rs(pattern):
    assert rust_pattern(pattern) is not None


@pytest.mark.parametrize("pattern", SCHEMA_PATTERNS)
@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_jsonschema_rs_matches_a_schema_pattern_where_python_does(pattern, data):
    alphabet = sorted(set(pattern + string.ascii_letters + string.digits + " .-/@+:_\n\t\x1c\x85\u2003\u3000äÀɐ"))
    text = data.draw(st.one_of(st.from_regex(pattern), st.text(st.sampled_from(alphabet), max_size=30)))
    python, rust = bool(re.search(pattern, text)), rust_matches(rust_pattern(pattern), text)
    assert python or not rust  # never passes more than Python
    assert python == rust or text.endswith("\n")  # Python's "$" also matches before a last line break


@pytest.mark.parametrize("pattern, translated", [
    ("^[a-z]+$", "^[a-z]+$"),
    ("^\\+49 ?[0-9]{2,}\\.x$", "^\\+49 ?[0-9]{2,}\\.x$"),
    ("\\S", f"[^{PYTHON_WHITESPACE}]"),
    ("/[^\\s<>]*", f"/[^{PYTHON_WHITESPACE}<>]*"),
])
def test_a_pattern_is_given_to_jsonschema_rs_with_pythons_whitespace(pattern, translated):
    assert rust_pattern(pattern) == translated


@pytest.mark.parametrize("pattern", [
    r"^\d{5}$", r"\w", r"\bx", r"a.b", r"(?i)abc", r"(?:ab)", r"a{,3}", r"a{x", r"a++", r"a{2}+",
    r"[]a]", r"[^]a]", r"[a[b]", r"[a--b]", r"[a&&b]", r"[\S]", r"\<", "[a-z", "a\\"])
def test_a_pattern_the_engines_might_read_differently_is_not_translated(pattern):
    assert rust_pattern(pattern) is None


def test_such_a_pattern_is_searched_with_pythons_re():
    quick = quick_check({"type": "string", "pattern": r"^\d{5}$"})
    assert quick.passes("01067") and quick.passes("٠١٠٦٧")  # Python's \d: every decimal digit
    assert not quick.passes("0106")


@pytest.mark.parametrize("schema_", [
    {"patternProperties": {"^x": {"type": "string"}}},
    {"multipleOf": 0.1},
    {"$defs": {"a": {"type": "string"}}, "properties": {"b": {"$ref": "#/examples/0"}}, "examples": [{}]},
    {"$dynamicRef": "#a"},
])
def test_a_schema_with_what_is_not_spelled_out_gets_no_quick_check(schema_):
    assert quick_check(schema_) is None


def test_a_reference_into_definitions_and_properties_gets_a_quick_check():
    quick = quick_check({"$defs": {"id": {"pattern": "^[a-z]+$"}},
                         "properties": {"a": {"$ref": "#/$defs/id"}, "b": {"$ref": "urn:test#/properties/a"}}})
    assert quick.passes({"a": "abc", "b": "abc"}) and not quick.passes({"b": "ABC"})


def test_terms_and_references_are_those_of_the_directory():
    schemas = {"urn:test": {"properties": {
        "thema": {"x-vokabular": "themen"}, "netz": {"x-verweis": "netzwerke"},
        "frei": {"x-vokabular": "unbekannt"}, "traeger": {"x-verweis": "traeger"}}}}
    quick = QuickCheck.of(schemas, "urn:test", {"themen": {"sucht": None}}, {"netzwerke": {"netz-a"}},
                          schema.FORMAT_CHECKER)
    assert quick.passes({"thema": "sucht", "netz": "netz-a", "frei": "alles", "traeger": "irgendwer"})
    assert quick.passes({"thema": 5})  # the full check looks at texts only
    assert not quick.passes({"thema": "Sucht"})
    assert not quick.passes({"netz": "netz-b"})


@pytest.mark.parametrize("value, passes", [("2026-02-28", True), ("2026-02-30", False), ("28.02.2026", False)])
def test_formats_are_checked_by_python_jsonschema(value, passes):
    quick = quick_check({"properties": {"datum": {"format": "date"}, "seite": {"format": "uri"}}})
    assert quick.passes({"datum": value}) is passes
    # python-jsonschema checks "uri" only with a package this project does not install
    assert quick.passes({"seite": "keine Adresse"}) is schema.FORMAT_CHECKER.conforms("keine Adresse", "uri")


@pytest.mark.parametrize("path", RECORDS, ids=lambda p: str(p.relative_to(REPO)))
def test_a_record_file_gets_the_full_checks_problems_and_passes_quickly_exactly_when_it_has_none(path):
    document = RECORDS[path]
    quick, full = validators(Kind.of_folder(path.parent.name))
    expected = schema.validate(document, full)

    assert schema.validate(document, quick) == expected
    assert quick.quick.passes(document.data) is (expected == [])


def test_a_value_ending_in_a_line_break_gets_the_full_check_which_accepts_it(tmp_path):
    path = tmp_path / "r.yml"
    path.write_text('id: "r\\n"\nname: Region\nart: landkreis\nlaender: [DE]\n', encoding="utf-8")
    document, _ = yamlsafe.load(path)
    quick, full = validators(Kind.REGIONS)

    assert not quick.quick.passes(document.data)  # jsonschema-rs's "$" is the end of the text
    assert schema.validate(document, quick) == schema.validate(document, full) == []  # Python's: or a line break


def test_a_value_json_has_no_type_for_gets_the_full_check(tmp_path):
    path = tmp_path / "r.yml"
    path.write_text("id: r\nname: Region\nart: landkreis\nlaender: [DE]\n", encoding="utf-8")
    loaded, _ = yamlsafe.load(path)
    document = yamlsafe.Document(path, {**loaded.data, "name": datetime.date(2026, 1, 1)}, loaded.positions)
    quick, full = validators(Kind.REGIONS)

    assert not quick.quick.passes(document.data)
    found = schema.validate(document, quick)
    assert found == schema.validate(document, full) and [p.field for p in found] == ["name"]


def _valid_records() -> list[tuple[Kind, dict]]:
    return [(Kind.of_folder(path.parent.name), yamlsafe.load(path)[0].data)
            for path in sorted(FIXTURE_SITE.glob("*/*.yml"))]


VALUES = st.recursive(
    st.one_of(st.sampled_from(["sucht", "alle", "ja", "nein", "DE", "CZ", "01067", "400 01", "2026-01-01",
                               "08:00", "https://beispiel.example", "a@b.de", "landkreis-beispiel", "", " ",
                               "x\n", "\u3000", "03733 123456"]), st.text(max_size=8)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=6)


def _replaced(data, steps: list[int], value):
    """The data with the value at the place the steps choose replaced (or added to a mapping)."""
    if not steps or not isinstance(data, (dict, list)) or not data:
        return value
    if isinstance(data, dict):
        keys = list(data)
        key = keys[steps[0] % len(keys)]
        return {**data, key: _replaced(data[key], steps[1:], value)}
    index = steps[0] % len(data)
    return [*data[:index], _replaced(data[index], steps[1:], value), *data[index + 1:]]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record=st.sampled_from(_valid_records()), steps=st.lists(st.integers(0, 50), min_size=1, max_size=6),
       value=VALUES)
def test_a_changed_record_passes_quickly_only_where_the_full_check_finds_nothing(record, steps, value):
    kind, data = record
    changed = _replaced(data, steps, value)
    quick, full = validators(kind)
    document = yamlsafe.Document(Path("x.yml"), changed, {})

    expected = schema.validate(document, full)
    passes = quick.quick.passes(changed)
    assert not (passes and expected)
    assert passes or expected or any(text.endswith("\n") for text in _texts(changed))


def _texts(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        yield from data
        for value in data.values():
            yield from _texts(value)
    elif isinstance(data, list):
        for value in data:
            yield from _texts(value)
