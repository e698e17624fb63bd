"""Online geocoding against a local Nominatim-compatible server: answers, faults, review."""
from __future__ import annotations

import datetime as dt
import pytest

from generator import geocache, geocoder
from generator.gazetteer import Gazetteer, Town
from generator.records import Address
from generator.settings import PUBLIC_NOMINATIM, GeocoderSettings
from local_geocoder import LocalGeocoder, Reply, place

STOLLBERG = Address("", None, "Herrenstraße 25", "09366", "Stollberg/Erzgeb.", "DE", None)
AUE = Address("", None, "Musterstraße 1", "08280", "Aue-Bad Schlema", "DE", None)
USTI = Address("", None, "Bozděchova 99/6", "400 01", "Ústí nad Labem", "CZ", None)
TOWNS = Gazetteer([Town("Stollberg", "DE", 50.71, 12.78, 11127), Town("Aue", "DE", 50.59, 12.71, 18554),
                   Town("Ústí nad Labem", "CZ", 50.66, 14.03, 90378)])


class FakeClock:
    """Time that passes only when the code sleeps, so pacing is checked without waiting."""

    def __init__(self):
        self.now, self.sleeps = 0.0, []

    def sleep(self, seconds):
        self.sleeps.append(round(seconds, 3))
        self.now += seconds

    def __call__(self):
        return self.now


def run(server, addresses, cache=None, clock=None, **settings):
    options = dict(service="nominatim", domain=server.domain, scheme="http", user_agent="Wegweiser-Test",
                   contact="betrieb@beispiel.example", pause=0, timeout=2)
    options.update(settings)
    config = GeocoderSettings(**options)
    clock = clock or FakeClock()
    lookup = geocoder.Lookup(config, sleep=clock.sleep, clock=clock)
    return geocoder.refresh([("content/traeger/x.yml", a) for a in addresses], cache or {}, config,
                            gazetteer=lambda: TOWNS, lookup=lookup, today=dt.date(2026, 11, 22))


def test_a_structured_query_finds_the_house_and_the_answer_is_cached_with_its_source():
    with LocalGeocoder(lambda q: Reply(body=place(50.7099, 12.7795, name="Herrenstraße 25, Stollberg"))) as server:
        result = run(server, [STOLLBERG])
    [(key, entry)] = result.entries.items()
    assert key == "DE|09366|stollberg/erzgeb.|herrenstrasse 25"
    assert entry == geocache.CacheEntry(50.7099, 12.7795, "adresse", server.domain, "2026-11-22",
                                        "Herrenstraße 25, Stollberg", "strukturiert")
    [request] = server.requests
    assert (request["street"], request["postalcode"], request["countrycodes"]) == ("Herrenstraße 25", "09366", "de")
    assert request["_user_agent"] == "Wegweiser-Test (betrieb@beispiel.example)"


def test_free_text_then_postcode_and_town_are_tried_and_the_precision_says_so():
    def respond(q):
        return Reply(body=place(50.71, 12.78, rank=21, addresstype="postcode")) if q.get("q", "").startswith("09366") \
            else Reply(body=[])
    with LocalGeocoder(respond) as server:
        result = run(server, [STOLLBERG])
    assert [("street" in r, r.get("q", "")[:5]) for r in server.requests] == [
        (True, ""), (False, "Herre"), (False, "09366")]
    assert list(result.entries.values())[0].genauigkeit == "plz"
    assert (result.found, result.approximate) == (0, 1)


def test_a_rate_limit_answer_backs_off_and_retries():
    answers = iter([Reply(429, {"error": "slow down"}, headers={"Retry-After": "7"}), Reply(body=place(50.71, 12.78))])
    clock = FakeClock()
    with LocalGeocoder(lambda q: next(answers)) as server:
        result = run(server, [STOLLBERG], clock=clock)
    assert 7.0 in clock.sleeps
    assert len(result.entries) == 1 and result.stopped == ""


def test_a_rate_limit_that_persists_stops_the_run():
    with LocalGeocoder(lambda q: Reply(429, {"error": "slow down"})) as server:
        result = run(server, [STOLLBERG, AUE], retries=2)
    assert "HTTP 429" in result.stopped
    assert result.entries == {} and len(server.requests) == 3


def test_a_refusal_stops_the_run_at_once_with_a_hint_at_the_user_agent():
    with LocalGeocoder(lambda q: Reply(403, {"error": "blocked"})) as server:
        result = run(server, [STOLLBERG, AUE])
    assert "User-Agent" in result.stopped and len(server.requests) == 1


def test_server_errors_are_survived_until_three_in_a_row_stop_the_run():
    with LocalGeocoder(lambda q: Reply(503, {"error": "overloaded"})) as server:
        result = run(server, [STOLLBERG, AUE, USTI, STOLLBERG])
    assert len(result.failed) == 3 and "nicht erreichbar" in result.stopped


def test_a_malformed_answer_fails_one_address_and_the_next_is_still_asked():
    def respond(q):
        return Reply(body=b"<html>kaputt") if "Herrenstra" in (q.get("street", "") + q.get("q", "")) \
            else Reply(body=place(50.59, 12.71))
    with LocalGeocoder(respond) as server:
        result = run(server, [STOLLBERG, AUE])
    assert len(result.failed) == 1 and "Stollberg/Erzgeb.: unlesbare Antwort" in result.failed[0]
    assert list(result.entries) == ["DE|08280|aue-bad schlema|musterstrasse 1"]


def test_a_slow_answer_times_out_without_stopping_the_run():
    def respond(q):
        return Reply(body=place(50.71, 12.78), delay=1.5) if "Herrenstra" in q.get("street", "") \
            else Reply(body=place(50.59, 12.71))
    with LocalGeocoder(respond) as server:
        result = run(server, [STOLLBERG, AUE], timeout=0.5)
    assert "Herrenstraße 25" in result.failed[0] and "Wartezeit" in result.failed[0]
    assert len(result.entries) == 1 and result.stopped == ""


@pytest.mark.parametrize("answer, reason", [
    (place(52.23, 21.01, country="pl"), "liegt in PL, nicht in DE"),
    (place(48.14, 11.58), "km von Stollberg/Erzgeb. entfernt"),
])
def test_a_wrong_place_is_not_stored_but_reported_for_review(answer, reason):
    with LocalGeocoder(lambda q: Reply(body=answer)) as server:
        result = run(server, [STOLLBERG])
    assert result.entries == {}
    assert reason in result.review[0] and reason in result.not_found[0]


def test_addresses_with_coordinates_cache_entries_or_confidentiality_are_not_asked():
    known = Address("", None, "A 1", "09366", "Stollberg", "DE", None, coordinates=(50.7, 12.8))
    shelter = Address("", None, "", "09366", "Stollberg", "DE", None, confidential=True)
    cached = {geocache.address_key(AUE): geocache.CacheEntry(50.59, 12.71, "adresse", "x", "2026-01-01")}
    with LocalGeocoder(lambda q: Reply(body=place(50.66, 14.03, country="cz"))) as server:
        result = run(server, [known, shelter, AUE, USTI], cache=cached)
    assert result.asked == 1 and len(server.requests) == 1


def test_the_public_server_is_never_asked_more_than_once_a_second():
    settings = GeocoderSettings(domain=PUBLIC_NOMINATIM, pause=0)
    assert settings.min_pause == 1.0
    clock = FakeClock()
    with LocalGeocoder(lambda q: Reply(body=[])) as server:
        lookup = geocoder.Lookup(GeocoderSettings(domain=server.domain, scheme="http", pause=1.0),
                                 sleep=clock.sleep, clock=clock)
        for _ in range(3):
            lookup.ask("x", "DE")
    assert clock.sleeps == [1.0, 1.0]
