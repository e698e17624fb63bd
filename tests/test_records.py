"""Domain records built from validated files."""
from __future__ import annotations

from generator.records import Text


def test_a_plain_string_is_german_text_and_translations_are_optional():
    assert Text.of("Beratung") == Text("Beratung")
    text = Text.of({"de": "Beratung", "cs": "Poradna"})
    assert (text.get("cs"), text.get("en")) == ("Poradna", "Beratung")
