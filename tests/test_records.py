"""Domain records built from validated files."""
from __future__ import annotations


from generator.records import Text, sort_key


def test_a_plain_string_is_german_text_and_translations_are_optional():
    assert Text.of("Beratung") == Text("Beratung")
    text = Text.of({"de": "Beratung", "cs": "Poradna"})
    assert (text.get("cs"), text.get("en")) == ("Poradna", "Beratung")


def test_german_sort_order_puts_umlauts_with_their_base_letter():
    names = ["Zentrum", "Ärztehaus", "Arbeit", "Übergang", "Straße", "Strand"]
    assert sorted(names, key=sort_key) == ["Arbeit", "Ärztehaus", "Strand", "Straße", "Übergang", "Zentrum"]
