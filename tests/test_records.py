"""Domain records built from validated files."""
from __future__ import annotations

from pathlib import Path

from generator import records
from generator.records import Text, sort_key


def test_a_plain_string_is_german_text_and_translations_are_optional():
    assert Text.of("Beratung") == Text("Beratung")
    text = Text.of({"de": "Beratung", "cs": "Poradna"})
    assert (text.get("cs"), text.get("en")) == ("Poradna", "Beratung")


def test_a_named_persons_direct_line_is_kept_only_when_publishing_was_agreed():
    base = {"rolle": "Leitung", "ansprechperson": "Erika Beispiel", "durchwahl": "03733 000002"}
    assert records.contact({**base, "durchwahl_veroeffentlichen": "nein"}).direct_line == ""
    assert records.contact({**base, "durchwahl_veroeffentlichen": "ja"}).direct_line == "03733 000002"


def test_addresses_default_to_germany():
    address = records.address({"plz": "01067", "ort": "Dresden", "strasse": "Dürerstraße 25"})
    assert (address.country, address.one_line) == ("DE", "Dürerstraße 25, 01067 Dresden")


def test_german_sort_order_puts_umlauts_with_their_base_letter():
    names = ["Zentrum", "Ärztehaus", "Arbeit", "Übergang", "Straße", "Strand"]
    assert sorted(names, key=sort_key) == ["Arbeit", "Ärztehaus", "Strand", "Straße", "Übergang", "Zentrum"]


def test_dates_and_yes_no_values_are_typed_after_validation():
    region = records.event({"id": "t", "titel": "T", "datum": "2026-03-01", "online": "true"},
                           records.Source(Path("t.yml")))
    assert (region.date.isoformat(), region.online) == ("2026-03-01", True)
