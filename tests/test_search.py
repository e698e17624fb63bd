"""The search index: folding, compounds, compact encoding, facets, small files."""
from __future__ import annotations

import dataclasses
import json

import pytest

from conftest import FIXTURE_SITE, SCHEMAS
from generator import geocode, pipeline, search
from generator.records import Text


@pytest.fixture(scope="module")
def index():
    loaded = pipeline.load_and_validate(pipeline.Sources(FIXTURE_SITE, SCHEMAS))
    directory, _ = pipeline.locate(loaded)
    listed = [o for o in directory.offerings if o.status != "beendet"]
    files = search.build_index(directory, loaded.vocabularies, listed, geocode.search_places(directory))
    return listed, files


def test_words_drop_stopwords_and_punctuation():
    assert search.words("Hilfe bei Schulden – für Familien!") == ["hilfe", "schulden", "familien"]


def test_compounds_are_split_at_known_word_ends():
    known = {"beratung", "stelle", "beratungsstelle"}
    assert search.compound_parts("suchtberatungsstelle", known) == ["beratungsstelle", "stelle"]
    assert search.compound_parts("beratung", known) == []


def test_document_numbers_are_stored_as_base36_gaps():
    assert search.encode_ids([40, 3, 8, 7]) == "3,4,1,w"
    assert search.encode_ids([]) == ""


def test_a_compound_in_a_title_is_also_found_by_its_last_part(index):
    listed, files = index
    number = [o.id for o in listed].index("beratung-beispiel-suchtberatung")
    words = json.loads(files["suche/w-be.json"])
    assert "beratung" in words
    merkmal = words["beratung"][1]
    assert number in _decode(merkmal)


def test_the_manifest_names_facets_word_files_and_compound_ends(index):
    listed, files = index
    manifest = json.loads(files["suche/manifest.json"])
    assert manifest["docs"] == len(listed)
    assert {f["key"] for f in manifest["facets"]} == {
        "region", "thema", "zielgruppe", "recht", "sprache", "barrierefrei", "kosten", "zugang", "status"}
    assert all(f"suche/w-{shard}.json" in files for shard in manifest["shards"])
    assert "beratung" in manifest["tails"]


def test_an_offering_for_a_town_is_also_found_under_its_district(index):
    listed, files = index
    manifest = json.loads(files["suche/manifest.json"])
    regions = {v[0]: _decode(v[2]) for f in manifest["facets"] if f["key"] == "region" for v in f["values"]}
    number = [o.id for o in listed].index("beratung-beispiel-suchtberatung")
    assert number in regions["beispielstadt"] and number in regions["landkreis-beispiel"]


def test_result_files_hold_what_a_result_line_shows(index):
    listed, files = index
    first = json.loads(files["suche/d-0.json"])
    assert len(first) == min(len(listed), search.DOCS_PER_FILE)
    name, slug, organisation, towns, status = first[0]
    assert slug == listed[0].id and name == str(listed[0].name)


def test_places_for_near_me_include_postcodes_of_addresses_and_nearby_towns(index):
    _, files = index
    postcodes = [entry[0] for entry in json.loads(files["suche/o-p.json"])]
    assert "01067" in postcodes and "40001" in postcodes
    assert any(entry[0] == "Dresden" for entry in json.loads(files["suche/o-d.json"]))


def test_building_twice_gives_the_same_files(index):
    loaded = pipeline.load_and_validate(pipeline.Sources(FIXTURE_SITE, SCHEMAS))
    directory, _ = pipeline.locate(loaded)
    listed = [o for o in directory.offerings if o.status != "beendet"]
    again = search.build_index(directory, loaded.vocabularies, listed, geocode.search_places(directory))
    assert again == index[1]


def _decode(text: str) -> list[int]:
    ids, previous = [], 0
    for gap in filter(None, text.split(",")):
        previous += int(gap, 36)
        ids.append(previous)
    return ids


def test_a_district_wide_offering_is_found_under_the_districts_towns_too(index):
    listed, files = index
    manifest = json.loads(files["suche/manifest.json"])
    regions = {v[0]: _decode(v[2]) for f in manifest["facets"] if f["key"] == "region" for v in f["values"]}
    feindlich = [o.id for o in listed].index("feindliche-werte-angebot")  # no region: not in any
    assert all(feindlich not in ids for ids in regions.values())
    shelter = [o.id for o in listed].index("beratung-beispiel-schutzwohnung")  # for the whole district
    assert shelter in regions["landkreis-beispiel"] and shelter in regions["beispielstadt"]


def test_one_record_cannot_blow_up_the_index_or_push_real_word_ends_out():
    loaded = pipeline.load_and_validate(pipeline.Sources(FIXTURE_SITE, SCHEMAS))
    directory, _ = pipeline.locate(loaded)
    listed = [o for o in directory.offerings if o.status != "beendet"]
    places = geocode.search_places(directory)
    before = search.build_index(directory, loaded.vocabularies, listed, places)
    invented = " ".join(f"wort{i:05d}beratungsstelle x{i}stelle" for i in range(3000))
    hostile = dataclasses.replace(listed[0], description=Text("a" * 20000 + " " + invented))
    after = search.build_index(directory, loaded.vocabularies, [hostile] + listed[1:], places)

    manifest, manifest_before = json.loads(after["suche/manifest.json"]), json.loads(before["suche/manifest.json"])
    # One record alone adds no invented word ends, only the known ones it uses.
    assert set(manifest["tails"]) - set(manifest_before["tails"]) <= search.BASE_PARTS
    assert manifest["maxWord"] == search.MAX_WORD_LENGTH
    tokens = [t for name, text in after.items() if "/w-" in name for t in json.loads(text)]
    assert max(map(len, tokens)) <= search.MAX_WORD_LENGTH
    assert len(tokens) - len([t for n, x in before.items() if "/w-" in n for t in json.loads(x)]) < 3 * 1000
    assert sum(map(len, after.values())) < sum(map(len, before.values())) + 150_000


def test_words_are_distinct_cut_to_length_and_counted_per_field():
    assert search.words("Hilfe hilfe HILFE") == ["hilfe"]
    assert search.words("x" * 100) == ["x" * search.MAX_WORD_LENGTH]
    assert len(search.words(" ".join(f"w{i}" for i in range(5000)))) == search.MAX_WORDS_PER_FIELD
