"""Which regions a town lies in by name (generator/region_towns.py), over the real regions
of content/regionen: the most specific ones, following teil_von."""
from __future__ import annotations

import pytest

from conftest import REPO, prepared
from generator.region_towns import regions_of_town


@pytest.fixture(scope="module")
def regions():
    return prepared(REPO / "content").directory.regions


@pytest.mark.parametrize(("town", "country", "expected"), [
    ("Stollberg/Erzgeb.", "DE", ["versorgungsregion-aue-schwarzenberg"]),  # not also the Erzgebirgskreis
    ("Stollberg", "DE", ["versorgungsregion-aue-schwarzenberg"]),
    ("Aue", "DE", ["versorgungsregion-aue-schwarzenberg"]),  # "Aue-Bad Schlema" by its first part
    ("Annaberg-Buchholz", "DE", ["versorgungsregion-annaberg"]),
    ("Bergisch Gladbach", "DE", ["rheinisch-bergischer-kreis"]),
    ("Ústí nad Labem", "CZ", ["usti-nad-labem"]),
    ("usti nad labem", "CZ", ["usti-nad-labem"]),
    ("Ústí nad Labem", "DE", []),  # a region lies in its own countries only
    ("Chemnitz", "DE", []),
])
def test_a_town_lies_in_the_most_specific_regions_naming_it(regions, town, country, expected):
    assert [region.id for region in regions_of_town(regions, town, country)] == expected
