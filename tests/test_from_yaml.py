"""Records built from validated YAML data."""
from __future__ import annotations

from pathlib import Path

from generator import from_yaml
from generator.records import Source


def test_a_named_persons_direct_line_is_kept_only_when_publishing_was_agreed():
    base = {"rolle": "Leitung", "ansprechperson": "Erika Beispiel", "durchwahl": "03733 000002"}
    assert from_yaml.contact({**base, "durchwahl_veroeffentlichen": "nein"}).direct_line == ""
    assert from_yaml.contact({**base, "durchwahl_veroeffentlichen": "ja"}).direct_line == "03733 000002"


def test_addresses_default_to_germany():
    address = from_yaml.address({"plz": "01067", "ort": "Dresden", "strasse": "Dürerstraße 25"})
    assert (address.country, address.one_line) == ("DE", "Dürerstraße 25, 01067 Dresden")


def test_dates_and_yes_no_values_are_typed_after_validation():
    region = from_yaml.event({"id": "t", "titel": "T", "datum": "2026-03-01", "online": "true"},
                           Source(Path("t.yml")))
    assert (region.date.isoformat(), region.online) == ("2026-03-01", True)


def test_a_confidential_address_keeps_only_its_town_from_the_door_on():
    shelter = from_yaml.address({"vertraulich": "ja", "plz": "09366", "ort": "Stollberg", "land": "DE"})
    assert (shelter.street, shelter.postcode, shelter.coordinates) == ("", "", None)
    assert (shelter.town, shelter.one_line, shelter.confidential) == ("Stollberg", "Stollberg", True)
