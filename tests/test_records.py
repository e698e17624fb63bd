"""Domain records built from validated files."""
from __future__ import annotations

from generator.records import Precision, Text


def test_a_plain_string_is_german_text_and_translations_are_optional():
    assert Text.of("Beratung") == Text("Beratung")
    text = Text.of({"de": "Beratung", "cs": "Poradna"})
    assert (text.get("cs"), text.get("en")) == ("Poradna", "Beratung")


def test_precision_says_which_points_are_only_approximate():
    assert [p for p in Precision if p.approximate] == [Precision.POSTCODE, Precision.TOWN]
