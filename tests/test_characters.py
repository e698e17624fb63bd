"""Invisible characters in record values are refused where they stand, named with their
code and place; typographic ones are allowed in text but not in ids."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import characters, yamlsafe


def found(text: str) -> list[str]:
    return [f"{p.field}: {p.message}" for p in characters.problems(yamlsafe.parse(text, Path("x.yml")))]


@pytest.mark.parametrize(("value", "code", "name"), [
    ('"Beratung \\u202Eetsoh"', "U+202E", "Schreibrichtung"),
    ('"Sucht\\u200Bberatung"', "U+200B", "Leerzeichen ohne Breite"),
    ('"C:\\Pfad"', "U+2029", "Absatztrenner"),  # "\P" in double quotes is a paragraph separator
    ('"Glocke\\a"', "U+0007", "Steuerzeichen"),
])
def test_an_invisible_character_in_a_value_is_named_with_its_code_and_place(value, code, name):
    [problem] = found(f"name: {value}\n")
    assert problem.startswith("name: Im Wert steht ein unsichtbares Zeichen: " + code) and name in problem
    assert "Zeichen, nach „" in problem


def test_typographic_spaces_and_hyphens_stay_in_text_but_not_in_ids():
    assert found('name: "Verein e.\\u00A0V., Bera\\u00ADtung"\n') == []
    [problem] = found('id: "caritas\\u00ADaue"\n')
    assert problem.startswith("id: Im Wert steht ein unsichtbares Zeichen: U+00AD (weiches Trennzeichen), das 8.")


def test_a_field_name_with_an_invisible_character_is_named_too():
    [problem] = found('"na\\u200Bme": x\n')
    assert "Im Feldnamen steht ein unsichtbares Zeichen: U+200B" in problem


def test_a_line_break_in_a_block_text_is_no_problem():
    assert found("beschreibung: |\n  Zeile eins\n  Zeile zwei\n") == []


@pytest.mark.parametrize("value", ['"bera\\u00ADtung@caritas.example"', '"https://www.cari\\u00ADtas.example"'])
def test_a_soft_hyphen_in_an_e_mail_or_web_address_is_named(value):
    [problem] = found(f"email: {value}\n")
    assert "U+00AD (weiches Trennzeichen)" in problem
