"""Additions to provider files that keep the rest as the provider wrote it
(generator/yaml_roundtrip.py): the diff shows added lines only, and what is written reads
back with the strict loader as exactly the old data plus the additions."""
from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO
from generator import yaml_roundtrip, yamlsafe

OFFERING = {"id": "neu", "name": "Neues Angebot", "beschreibung": "Zeile eins\nZeile zwei",
            "themen": ["schulden"], "kontakt": [{"rolle": "Beratung", "telefon": "03733 000001"}],
            "zuletzt_geprueft": "2026-11-22"}
ADDRESS = {"id": "aue-9", "plz": "08280", "ort": "Aue-Bad Schlema"}


def removed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line.startswith("-") and not line.startswith("---")]


@pytest.mark.parametrize("path", sorted((REPO / "content" / "traeger").glob("*.y*ml")), ids=lambda p: p.name)
def test_adding_to_any_provider_file_only_adds_lines(path):
    before = path.read_text(encoding="utf-8")
    after = yaml_roundtrip.add_to(before, {"adressen": [ADDRESS], "angebote": [OFFERING]}, path, before="angebote")
    assert removed_lines(before, after) == []
    data = yamlsafe.parse(after, path).data
    assert data["angebote"][-1] == OFFERING and data["adressen"][-1] == ADDRESS


def test_comments_indentation_and_quotes_of_the_file_are_kept():
    path = FIXTURES / "formulare" / "eingerueckt.yml"
    before = path.read_text(encoding="utf-8")
    after = yaml_roundtrip.add_to(before, {"adressen": [ADDRESS], "angebote": [OFFERING]}, path, before="angebote")
    assert removed_lines(before, after) == []
    # A list the file lacks comes before "angebote", in the file's own indentation.
    assert "art: verein\n\nadressen:\n    -   id: aue-9\n        plz: '08280'\n" in after
    assert "    -   id: neu\n        name: Neues Angebot\n        beschreibung: |-\n            Zeile eins\n" in after
    assert "        ort: Aue-Bad Schlema\n\n# Die Angebote, neueste zuletzt.\nangebote:\n" in after
    assert after.endswith("        zuletzt_geprueft: '2026-11-22'\n\n# Ende der Datei.\n")


@pytest.mark.parametrize("text", [
    "id: x\nangebote: []\n",
    "id: x\nangebote:\n  - id: a\n    beschreibung: |\n      Text\n      # kein Kommentar\n",
])
def test_a_layout_the_line_wise_insertion_does_not_know_is_written_by_ruamel_yaml(text):
    after = yaml_roundtrip.add_to(text, {"angebote": [OFFERING]}, Path("x.yml"))
    assert yamlsafe.parse(after, Path("x.yml")).data["angebote"][-1] == OFFERING
    assert removed_lines(text, after) == [] or text.startswith("id: x\nangebote: []")


def test_a_new_file_has_the_layout_of_the_example_files():
    text = yaml_roundtrip.new_file({"id": "x", "name": "X", "angebote": [OFFERING]}, "# Kopf\n", Path("x.yml"))
    assert text.startswith("# Kopf\nid: x\nname: X\nangebote:\n  - id: neu\n    name: Neues Angebot\n")
    assert "    themen:\n      - schulden\n" in text


@pytest.mark.parametrize("value", ["09366", "2026-11-22", "no", "ja", "null", "~", "1e3", "0x1F", ".inf",
                                   "# kein Kommentar", "x #y", "a: b", "- x", "'quoted'", "\"dq\"", "@at", "`tick",
                                   "*alias", "&anchor", "!tag", "{a: 1}", "[x]", "|", ">", "trailing space ",
                                   "  eingerückt\nzweite", "ends with newline\n", "line1\n\n\nline4", "😀"])
def test_every_value_reads_back_as_the_same_text(value):
    record = {"id": "x", "name": value, "beschreibung": value}
    text = yaml_roundtrip.new_file(record, "", Path("x.yml"))
    assert yamlsafe.parse(text, Path("x.yml")).data == record


def test_a_value_the_strict_loader_would_read_otherwise_is_refused_not_written():
    with pytest.raises(yaml_roundtrip.NotWritten):
        yaml_roundtrip.new_file({"id": "x", "name": "a\tb\n\tc"}, "", Path("x.yml"))
