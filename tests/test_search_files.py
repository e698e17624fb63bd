"""The search index as small files in a versioned format for suche.js."""
from __future__ import annotations

import json

import pytest

from conftest import decode_ids, rendered
from generator.render.search_files import DOCS_PER_FILE, FORMAT_VERSION, encode_ids


@pytest.fixture(scope="module")
def site():
    return rendered()


def test_document_numbers_are_stored_as_base36_gaps():
    assert encode_ids([40, 3, 8, 7]) == "3,4,1,w"
    assert encode_ids([]) == ""
    assert decode_ids(encode_ids([40, 3, 8, 7])) == [3, 7, 8, 40]


def test_the_manifest_has_a_format_version_and_names_facets_word_files_and_compound_ends(site):
    files = site.search_files
    manifest = json.loads(files["suche/manifest.json"])
    assert manifest["version"] == FORMAT_VERSION
    assert {f["key"] for f in manifest["facets"]} == {
        "region", "thema", "zielgruppe", "recht", "sprache", "barrierefrei", "kosten", "zugang", "status"}
    assert all(f"suche/w-{shard}.json" in files for shard in manifest["shards"])
    assert "beratung" in manifest["tails"]


def test_word_files_hold_ids_per_field_in_the_manifest_order(site):
    manifest = json.loads(site.search_files["suche/manifest.json"])
    words = json.loads(site.search_files["suche/w-be.json"])
    assert len(words["beratung"]) == len(manifest["fields"]) == 3


def test_result_files_hold_what_a_result_line_shows(site):
    manifest = json.loads(site.search_files["suche/manifest.json"])
    first = json.loads(site.search_files["suche/d-0.json"])
    assert len(first) == min(manifest["docs"], DOCS_PER_FILE)
    name, offering_id, organisation, towns, status = first[0]
    assert offering_id and name and organisation


def test_places_for_near_me_include_postcodes_of_addresses_and_nearby_towns(site):
    postcodes = [entry[0] for entry in json.loads(site.search_files["suche/o-p.json"])]
    assert "01067" in postcodes and "40001" in postcodes
    assert any(entry[0] == "Dresden" for entry in json.loads(site.search_files["suche/o-d.json"]))


def test_building_twice_gives_the_same_files(site):
    assert rendered().search_files == site.search_files
