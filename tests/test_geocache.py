"""The geocode cache file: keys, stable output, atomic writes, damaged files."""
from __future__ import annotations

import json

from conftest import SCHEMAS
from generator import geocache, schema
from generator.geocache import CacheEntry, address_key
from generator.records import Address


def address(street="Herrenstraße 25", postcode="09366", town="Stollberg/Erzgeb.", country="DE"):
    return Address("", None, street, postcode, town, country, None)


def test_the_key_ignores_case_spacing_and_the_spelling_of_strasse():
    assert address_key(address()) == "DE|09366|stollberg/erzgeb.|herrenstrasse 25"
    assert address_key(address(street="Herrenstr.  25")) == address_key(address(street="herrenstraße 25"))
    assert address_key(address(postcode="400 01", country="CZ")).startswith("CZ|40001|")


def test_an_edited_address_gets_a_new_key():
    assert address_key(address(street="Herrenstraße 26")) != address_key(address())


def test_saving_is_sorted_stable_and_round_trips(tmp_path):
    path = tmp_path / "geocache.json"
    entries = {"DE|b": CacheEntry(50.1, 12.1, "adresse", "d", "2026-01-02", "B"),
               "DE|a": CacheEntry(50.0, 12.0, "ort", "d", "2026-01-01")}
    geocache.save(path, entries)
    first = path.read_text(encoding="utf-8")
    geocache.save(path, dict(reversed(list(entries.items()))))
    assert path.read_text(encoding="utf-8") == first
    assert list(json.loads(first)["eintraege"]) == ["DE|a", "DE|b"]
    loaded, problems = geocache.load(path, schema.SchemaSet.load(SCHEMAS))
    assert problems == [] and loaded == entries


def test_a_missing_cache_is_simply_empty(tmp_path):
    assert geocache.load(tmp_path / "fehlt.json", schema.SchemaSet.load(SCHEMAS)) == ({}, [])
