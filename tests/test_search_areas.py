"""Which regions a searchable place lies in, and which offerings are responsible for each
region (generator/render/search_areas.py), over tests/fixtures/search_areas: its own
small gazetteer (orte.csv) and regions, see its README."""
from __future__ import annotations

import csv

import pytest

from conftest import FIXTURES, prepared
from generator.directory import Directory
from generator.gazetteer import Gazetteer, Town
from generator.geocode import search_places
from generator.render.search_areas import place_areas

HERE = FIXTURES / "search_areas"


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    with (HERE / "orte.csv").open(encoding="utf-8", newline="") as file:
        return Gazetteer([Town(row["name"], row["country"], float(row["latitude"]), float(row["longitude"]),
                               int(row["population"])) for row in csv.DictReader(file)])


@pytest.fixture(scope="module")
def directory() -> Directory:
    return prepared(HERE / "content").directory


@pytest.fixture(scope="module")
def areas(directory, gazetteer):
    # Every town of the gazetteer is searchable, besides the places around the addresses.
    towns = {(t.name, t.latitude, t.longitude) for t in gazetteer.within(-90, 90, -180, 180)}
    return place_areas(directory, sorted(set(search_places(directory, lambda: gazetteer)) | towns), lambda: gazetteer)


def regions_of(areas, name: str, latitude: float | None = None) -> set[str]:
    """The ids of the regions the place of that name (at that latitude) lies in directly."""
    places = [p for p in areas.of_place if p[0] == name and (latitude is None or round(p[1], 4) == latitude)]
    assert len(places) <= 1, places
    return {areas.regions[n].id for place in places for n in areas.of_place[place]}


def test_a_place_lies_in_every_region_whose_municipalities_name_it(areas):
    assert regions_of(areas, "Stollberg") == {"landkreis-erzgebirge", "versorgungsregion-west"}
    assert regions_of(areas, "Lößnitz") == {"landkreis-erzgebirge"}
    assert regions_of(areas, "Chemnitz") == set()  # searchable, but no region names it


def test_of_a_name_many_towns_share_only_the_town_among_the_other_municipalities_lies_in_the_region(areas):
    assert regions_of(areas, "Aue", 50.5903) == {"landkreis-erzgebirge", "versorgungsregion-west"}
    assert regions_of(areas, "Aue", 51.25) == set()
    assert regions_of(areas, "Neukirchen", 50.7796) == {"landkreis-erzgebirge"}
    assert regions_of(areas, "Neukirchen", 50.88) == set()  # 35 km away: nearer to the others, but not the nearest
    assert regions_of(areas, "Oelsnitz", 50.7258) == {"landkreis-erzgebirge"}
    assert regions_of(areas, "Oelsnitz", 50.4148) == set()
    assert regions_of(areas, "Auerbach", 50.6833) == {"landkreis-erzgebirge"}
    assert regions_of(areas, "Auerbach", 50.5103) == set()


def test_a_region_of_only_shared_names_has_nothing_to_settle_them_by_and_no_places(areas):
    assert all(areas.regions[n].id != "nur-namensvettern" for numbers in areas.of_place.values() for n in numbers)


def test_a_municipality_the_gazetteer_lacks_brings_in_no_namesake_far_away(areas):
    assert regions_of(areas, "Tannenberg") == set()


def test_the_later_parts_of_a_merged_municipality_lie_in_its_regions_but_not_a_town_beside_one_known_whole(areas):
    assert regions_of(areas, "Bad Schlema") == {"landkreis-erzgebirge", "versorgungsregion-west"}  # Aue-Bad Schlema
    assert regions_of(areas, "Neu-Ulm") == {"landkreis-neu-ulm"}
    assert regions_of(areas, "Ulm") == set()


def test_regions_without_municipalities_or_with_unknown_ones_hold_no_places_directly(areas):
    named = {areas.regions[n].id for numbers in areas.of_place.values() for n in numbers}
    assert "freistaat" not in named and "geisterland" not in named
    assert "landkreis-erzgebirge" in named


def test_a_postcode_lies_where_the_town_of_its_addresses_lies(areas):
    assert regions_of(areas, "09366") == {"landkreis-erzgebirge", "versorgungsregion-west"}  # Stollberg/Erzgeb.
    assert regions_of(areas, "13597") == {"grossstadt"}  # Berlin-Spandau, 14 km from the centre of Berlin
    assert regions_of(areas, "08209") == set()  # Auerbach/Vogtl., not the Auerbach of the Landkreis


def test_a_postcode_of_a_municipality_the_gazetteer_lacks_lies_in_the_region_that_names_it(areas):
    assert regions_of(areas, "09399") == {"landkreis-erzgebirge"}  # Niederwürschnitz


def test_without_any_municipalities_the_gazetteer_is_not_even_loaded(directory):
    def no_gazetteer():
        raise AssertionError("loaded")

    without = Directory(regions=tuple(r for r in directory.regions if not r.municipalities))
    areas = place_areas(without, [("Stollberg", 50.71, 12.7803)], no_gazetteer)
    assert [r.id for r in areas.regions] == ["freistaat"] and areas.of_place == {}


def test_rows_give_each_region_its_name_the_region_it_is_part_of_and_the_offerings_responsible_for_it(areas, directory):
    offerings = list(directory.offerings)
    document = {offering.id: n for n, offering in enumerate(offerings)}
    number = {region.id: n for n, region in enumerate(areas.regions)}
    rows = {region.id: row for region, row in zip(areas.regions, areas.rows(offerings, "de"), strict=True)}
    assert rows["freistaat"] == ("Freistaat Beispiel", -1, [document["beratung-erzgebirge-landesweit"]])
    assert rows["landkreis-erzgebirge"] == ("Landkreis Erzgebirge", number["freistaat"],
                                            [document["beratung-erzgebirge-kreisweit"]])
    assert rows["versorgungsregion-west"] == ("Versorgungsregion West", number["landkreis-erzgebirge"],
                                              [document["beratung-erzgebirge-landesweit"]])
    assert rows["geisterland"] == ("Geisterland", -1, [])
    assert all(document["beratung-erzgebirge-ohne-gebiet"] not in row[2] for row in rows.values())
