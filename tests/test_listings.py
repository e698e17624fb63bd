"""What the site lists, computed once: listed offerings, terms, regions, towns."""
from __future__ import annotations

import datetime as dt

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


def _on(day):
    loaded = prepared()
    return Listings(loaded.directory, loaded.vocabularies, freshness.Limits(today=day))


def test_coming_events_come_soonest_first_by_day_and_hour_and_past_ones_newest_first():
    listings = _on(dt.date(2025, 1, 1))
    assert [e.id for e in listings.events()] == [
        "zukunftstag-2025-03-10", "workshop-2025-06-02", "werkstatt-2025-06-02"]  # 09:00 before 14:00
    assert [e.id for e in listings.past_events()] == ["treffen-2024-12-04"]


def test_an_event_of_several_days_is_coming_until_its_last_day_and_one_of_today_is_still_coming():
    listings = _on(dt.date(2025, 6, 3))
    assert [e.id for e in listings.events()] == ["werkstatt-2025-06-02"]  # until 4 June
    assert [e.id for e in listings.past_events()] == [
        "workshop-2025-06-02", "zukunftstag-2025-03-10", "treffen-2024-12-04"]
    assert [e.id for e in _on(dt.date(2025, 6, 4)).events()] == ["werkstatt-2025-06-02"]
    assert _on(dt.date(2025, 6, 5)).events() == []


def test_a_networks_events_are_split_the_same_way():
    listings = _on(dt.date(2025, 1, 1))
    network = listings.directory.network("netzwerk-beispiel")
    assert [e.id for e in listings.events_of(network)] == ["zukunftstag-2025-03-10", "werkstatt-2025-06-02"]
    assert [e.id for e in listings.past_events_of(network)] == ["treffen-2024-12-04"]
