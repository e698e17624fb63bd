"""What the site lists, computed once: listed offerings, terms, regions, towns."""
from __future__ import annotations

import pytest

from conftest import prepared
from generator import freshness
from generator.render.listings import Listings, by_town


@pytest.fixture(scope="module")
def listings():
    directory = prepared()
    return Listings(directory.directory, directory.vocabularies, freshness.Limits())


def test_ended_offerings_are_not_listed_and_the_rest_is_in_german_order(listings):
    assert all(not o.ended for o in listings.listed)
    assert any(o.ended for o in listings.directory.offerings)
    names = [str(o.name).casefold() for o in listings.listed]
    assert names == sorted(names)


def test_a_region_lists_its_own_offerings_and_those_of_its_sub_regions(listings):
    town = {o.id for o in listings.in_region("beispielstadt")}
    district = {o.id for o in listings.in_region("landkreis-beispiel")}
    assert town and town <= district


def test_offerings_for_the_whole_district_show_under_its_towns_as_wider(listings):
    wider = {o.id for o in listings.for_wider_region("beispielstadt")}
    assert "beratung-beispiel-schutzwohnung" in wider  # offered for the district as a whole
    assert wider.isdisjoint({o.id for o in listings.in_region("beispielstadt")})


def test_term_counts_cover_every_term_in_the_vocabularys_order(listings):
    counts = listings.term_counts("themen")
    assert [term.id for term, _ in counts] == list(listings.vocabularies["themen"].terms)
    assert sum(n for _, n in counts) == sum(len(o.topics) for o in listings.listed)


def test_places_group_by_town_in_german_order(listings):
    towns = [town for town, _ in by_town(listings.listed)]
    assert towns == sorted(towns, key=str.casefold)
    assert all(entries for _, entries in by_town(listings.listed))


def test_an_offering_in_sign_language_is_counted_and_listed_for_deaf_people(listings):
    in_dgs = {o.id for o in listings.listed if "gsg" in o.languages and "gehoerlose" not in o.target_groups}
    assert in_dgs  # the fixture has one that does not name the group itself
    counts = dict((term.id, n) for term, n in listings.term_counts("zielgruppen"))
    listed = {o.id for o in listings.with_term("zielgruppen", "gehoerlose")}
    assert in_dgs <= listed
    assert counts["gehoerlose"] == len(listed)
