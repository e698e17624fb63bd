"""The search index as small files in a versioned format for suche.js."""
from __future__ import annotations

import json
import shutil

import pytest

from conftest import FIXTURE_SITE, FIXTURES, REPO, decode_ids, prepared, rendered
from generator.render.search_files import DOCS_PER_FILE, FORMAT_VERSION, encode_ids
from generator.render.search_index import facet_keys
from generator.render.search_synonyms import synonym_rows
from generator.render.search_words import TYPOS, stopwords


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


def test_the_manifest_carries_the_typo_limits_and_the_synonyms_of_the_sites_language(site):
    manifest = json.loads(site.search_files["suche/manifest.json"])
    assert manifest["typos"] == list(TYPOS)
    shipped = prepared().synonyms
    assert manifest["synonyms"] == synonym_rows(shipped, stopwords("de"), facet_keys())
    assert any("hartz iv" in typed and "buergergeld" in found for typed, found, *_ in manifest["synonyms"])
    keys = {facet["key"] for facet in manifest["facets"]}
    assert {value.split("=")[0] for _, _, values, *_ in manifest["synonyms"] for value in values} <= keys
    czech = json.loads(rendered(language="cs").search_files["suche/manifest.json"])  # below cs/ on the site
    assert czech["synonyms"] == synonym_rows(shipped, stopwords("cs"), facet_keys())


def test_word_files_hold_ids_per_field_in_the_manifest_order(site):
    manifest = json.loads(site.search_files["suche/manifest.json"])
    words = json.loads(site.search_files["suche/w-be.json"])
    assert len(words["beratung"]) == len(manifest["fields"]) == 3


def test_spelling_files_say_how_the_folded_words_of_their_word_file_are_written(site):
    manifest = json.loads(site.search_files["suche/manifest.json"])
    for shard in manifest["shards"]:
        written = json.loads(site.search_files[f"suche/s-{shard}.json"])
        assert set(written) <= set(json.loads(site.search_files[f"suche/w-{shard}.json"]))
    assert json.loads(site.search_files["suche/s-ge.json"])["gebaerdensprache"] == "gebärdensprache"


def test_result_files_hold_what_a_result_line_shows(site):
    manifest = json.loads(site.search_files["suche/manifest.json"])
    first = json.loads(site.search_files["suche/d-0.json"])
    assert len(first) == min(manifest["docs"], DOCS_PER_FILE)
    name, offering_id, organisation, towns, status, details = first[0]
    assert offering_id and name and organisation and isinstance(details, dict)


def test_hours_of_every_offering_and_the_holidays_they_name_are_files_of_their_own(site):
    manifest = json.loads(site.search_files["suche/manifest.json"])
    hours = json.loads(site.search_files["suche/h.json"])
    holidays = json.loads(site.search_files["suche/f.json"])
    assert len(hours) == manifest["docs"]
    named = {entry[2] for entry in hours if isinstance(entry, list) and entry[2]}
    assert named and named == set(holidays)


def test_places_for_near_me_include_postcodes_of_addresses_and_nearby_towns(site):
    postcodes = [entry[0] for entry in json.loads(site.search_files["suche/o-p.json"])]
    assert "01067" in postcodes and "40001" in postcodes
    assert any(entry[0] == "Dresden" for entry in json.loads(site.search_files["suche/o-d.json"]))


def test_the_points_file_marks_an_offering_without_any_address_so_it_is_near_everywhere():
    files = rendered(REPO / "content").search_files  # the example has an online-only offering
    by_id = dict(zip(_in_order(files), json.loads(files["suche/k.json"]), strict=True))
    assert by_id["caritas-rhein-berg-online-suchtberatung"] is None
    assert by_id["caritas-rhein-berg-suchtberatung"] and all(len(point) == 2 for point in by_id[
        "caritas-rhein-berg-suchtberatung"])


def _in_order(files: dict[str, str]) -> list[str]:
    """The offering ids in document order (d-0.json, d-1.json, …)."""
    count = sum(1 for name in files if name.startswith("suche/d-"))
    return [row[1] for n in range(count) for row in json.loads(files[f"suche/d-{n}.json"])]


@pytest.fixture(scope="module")
def with_city(tmp_path_factory):
    """The fixture site with a region the gazetteer can place: Dresden, inside "grenzraum"."""
    content = tmp_path_factory.mktemp("mit-stadt") / "content"
    shutil.copytree(FIXTURE_SITE, content)
    shutil.copy(FIXTURES / "search_areas" / "stadt-dresden.yml", content / "regionen")
    return rendered(content).search_files


def test_regions_file_names_each_region_its_parent_and_the_offerings_responsible_for_it(with_city):
    regions = json.loads(with_city["suche/z.json"])
    number = {row[0]: n for n, row in enumerate(regions)}
    offering_ids = [row[1] for row in json.loads(with_city["suche/d-0.json"])]
    city, border, town = (regions[number[name]] for name in ("Stadt Dresden", "Grenzraum Beispiel", "Beispielstadt"))
    assert city[1] == number["Grenzraum Beispiel"] and border[1] == -1 and town[1] == number["Landkreis Beispiel"]
    assert [offering_ids[n] for n in decode_ids(border[2])] == ["beratung-beispiel-poradna"]
    assert city[2] == ""


def test_places_and_postcodes_carry_the_numbers_of_the_regions_they_lie_in(with_city):
    number = {row[0]: n for n, row in enumerate(json.loads(with_city["suche/z.json"]))}
    by_name = {entry[0]: entry for key in ("d", "p") for entry in json.loads(with_city[f"suche/o-{key}.json"])}
    assert by_name["Dresden"][3] == [number["Stadt Dresden"]]
    assert by_name["01067"][3] == [number["Stadt Dresden"]]  # an address in Dresden
    assert len(by_name["Pirna"]) == 3  # in no region: no fourth entry


def test_building_twice_gives_the_same_files(site):
    assert rendered().search_files == site.search_files
