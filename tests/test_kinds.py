"""The registry of record kinds: folders, schemas and nouns in one place."""
from __future__ import annotations

from conftest import SCHEMAS
from generator.kinds import Kind


def test_each_kind_has_its_folder_and_a_schema_file():
    for kind in Kind:
        assert Kind.of_folder(kind.folder) is kind
        assert (SCHEMAS / f"{kind.schema}.schema.json").is_file()
        assert kind.noun and kind.none_such.startswith("kein")


def test_an_unknown_folder_is_no_kind():
    assert Kind.of_folder("bilder") is None
