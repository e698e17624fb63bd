"""The offline geocode stage: record > cache > gazetteer, and what it reports."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from generator import from_yaml, geocode
from generator.gazetteer import Gazetteer, Town
from generator.geocache import CacheEntry, address_key
from generator.directory import Directory
from generator.records import Address, Organisation, Source, Text

TOWNS = Gazetteer([Town("Stollberg", "DE", 50.71, 12.78, 11127),
                   Town("Stolberg", "DE", 50.77, 6.23, 57684), Town("Stolberg", "DE", 51.57, 10.96, 1401)])


def address(**changes) -> Address:
    values = dict(id="a", label=None, street="Herrenstraße 25", postcode="09366", town="Stollberg/Erzgeb.",
                  country="DE", note=None)
    values.update(changes)
    return Address(**values)


def place(a: Address, cache=None):
    return geocode.place(a, cache or {}, lambda: TOWNS)


def test_coordinates_written_in_the_record_come_first():
    a = address(coordinates=(50.7101, 12.7799))
    cache = {address_key(a): CacheEntry(1.0, 2.0, "adresse", "d", "2026-01-01")}
    location, _ = place(a, cache)
    found = (location.latitude, location.longitude, location.source, location.approximate)
    assert found == (50.7101, 12.7799, "eintrag", False)


def test_a_cached_answer_comes_before_the_gazetteer_and_credits_openstreetmap():
    a = address()
    location, _ = place(a, {address_key(a): CacheEntry(50.7099, 12.7795, "strasse", "d", "2026-01-01")})
    assert (location.source, location.precision, location.approximate) == ("cache", "strasse", False)
    assert "OpenStreetMap" in location.attribution


def test_without_cache_the_town_centre_is_used_and_marked_approximate():
    location, note = place(address())
    found = (location.latitude, location.source, location.precision, location.approximate)
    assert found == (50.71, "ortsverzeichnis", "ort", True)
    assert "GeoNames" in location.attribution and note == ""


def test_an_ambiguous_town_takes_the_largest_and_asks_for_a_look():
    location, note = place(address(town="Stolberg", postcode="52222"))
    assert location.longitude == 6.23
    assert "2 Orte namens „Stolberg“" in note


def test_an_unknown_town_has_no_coordinates_and_says_why():
    location, note = place(address(town="Nirgendwo"))
    assert location is None and "„Nirgendwo“ kennt das Ortsverzeichnis nicht" in note


def test_a_confidential_address_is_only_ever_placed_at_its_town_centre():
    a = address(street="", confidential=True)
    location, _ = place(a, {address_key(a): CacheEntry(50.7, 12.7, "adresse", "d", "2026-01-01")})
    assert (location.source, location.precision) == ("ortsverzeichnis", "ort")


def test_locate_puts_the_same_location_on_an_address_and_on_the_offerings_that_use_it():
    a = address()
    offering = from_yaml.offering(
        {"id": "o", "name": "O", "beschreibung": "B", "themen": ["sucht"], "zielgruppen": ["alle"],
         "zugang": ["termin"], "kontakt": [{"rolle": "R"}], "status": "aktiv", "zuletzt_geprueft": "2026-01-01",
         "orte": ["a"]}, "org", {"a": a}, Source(Path("x.yml")))
    organisation = Organisation("org", Text("Org"), "", "verein", None, "", "", "", (a,), (), (offering,),
                                Source(Path("content/traeger/org.yml")))
    stale = {"DE|0|alt|alt": CacheEntry(1.0, 1.0, "adresse", "d", "2026-01-01")}

    directory, report = geocode.locate(Directory(organisations=(organisation,)), stale, lambda: TOWNS)

    located = directory.organisations[0]
    assert located.addresses[0].location == located.offerings[0].places[0].location
    assert located.addresses[0].location.source == "ortsverzeichnis"
    assert report.stale_keys == ("DE|0|alt|alt",)
    assert [p.owner for p in report.approximate] == ["content/traeger/org.yml"]
    assert organisation.addresses[0].location is None  # the input is left as it was


def test_describe_says_how_exact_and_where_from():
    location, _ = place(address())
    assert geocode.describe(location) == "ungefähr (Ortsmitte), aus dem Ortsverzeichnis"
    assert geocode.describe(None) == "ohne Koordinaten"


def test_a_confidential_address_gives_search_no_postcode():
    shelter = address(street="", postcode="", confidential=True, location=None)
    office = address(id="b", postcode="09111", town="Stollberg")
    organisation = Organisation("org", Text("Org"), "", "verein", None, "", "", "", (shelter, office), (), (),
                                Source(Path("content/traeger/org.yml")))
    directory, _ = geocode.locate(Directory(organisations=(organisation,)), {}, lambda: TOWNS)
    names = [name for name, _, _ in geocode.search_places(directory, lambda: TOWNS)]
    assert "09111" in names and "" not in names


def test_stale_cache_entries_in_the_town_of_a_confidential_address_are_named_for_removal():
    shelter = from_yaml.address({"id": "s", "vertraulich": "ja", "plz": "09366", "ort": "Stollberg/Erzgeb."})
    organisation = Organisation("org", Text("Org"), "", "verein", None, "", "", "", (shelter,), (), (),
                                Source(Path("content/traeger/org.yml")))
    entry = CacheEntry(50.7, 12.7, "adresse", "d", "2026-01-01")
    old_street = address_key(address())  # the shelter before it was marked confidential
    cache = {old_street: entry, "DE|01067|dresden|dürerstrasse 25": entry}
    _, report = geocode.locate(Directory(organisations=(organisation,)), cache, lambda: TOWNS)
    assert report.confidential_keys == (old_street,)
    assert set(report.stale_keys) == set(cache)


def test_an_old_entry_under_another_spelling_of_the_shelters_town_is_found_too():
    shelter = from_yaml.address({"id": "s", "vertraulich": "ja", "ort": "Stollberg"})
    organisation = Organisation("org", Text("Org"), "", "verein", None, "", "", "", (shelter,), (), (),
                                Source(Path("content/traeger/org.yml")))
    entry = CacheEntry(50.7, 12.7, "adresse", "d", "2026-01-01")
    old = "DE|09366|stollberg/erzgeb.|herrenstrasse 25"
    _, report = geocode.locate(Directory(organisations=(organisation,)), {old: entry}, lambda: TOWNS)
    assert report.confidential_keys == (old,)


def test_a_record_located_before_is_taken_over_while_the_cache_answers_the_same():
    a = address()
    organisation = Organisation("org", Text("Org"), "", "verein", None, "", "", "", (a,), (), (),
                                Source(Path("content/traeger/org.yml")))
    directory = Directory(organisations=(organisation,))
    cache = {address_key(a): CacheEntry(50.7, 12.7, "adresse", "d", "2026-01-01")}
    first, report = geocode.locate(directory, cache, lambda: TOWNS)
    earlier = {id(r.record): r for r in report.records}

    again, again_report = geocode.locate(directory, dict(cache), lambda: TOWNS, earlier)
    moved, _ = geocode.locate(directory, {address_key(a): CacheEntry(50.8, 12.7, "adresse", "d", "2026-02-01")},
                              lambda: TOWNS, earlier)
    copied, _ = geocode.locate(Directory(organisations=(dataclasses.replace(organisation),)), cache,
                               lambda: TOWNS, earlier)

    assert again.organisations[0] is first.organisations[0] and again_report == report
    assert moved.organisations[0].addresses[0].location.latitude == 50.8
    assert copied.organisations[0] == first.organisations[0] and copied.organisations[0] is not first.organisations[0]


def test_a_cache_entry_a_record_does_not_look_up_never_locates_it_again():
    pinned = address(coordinates=(50.7101, 12.7799))  # written in the record: the cache is not asked
    organisation = Organisation("org", Text("Org"), "", "verein", None, "", "", "", (pinned,), (), (),
                                Source(Path("content/traeger/org.yml")))
    directory = Directory(organisations=(organisation,))
    first, report = geocode.locate(directory, {}, lambda: TOWNS)

    again, _ = geocode.locate(directory, {address_key(pinned): CacheEntry(1.0, 2.0, "adresse", "d", "2026-01-01")},
                              lambda: TOWNS, {id(r.record): r for r in report.records})

    assert again.organisations[0] is first.organisations[0]
