"""Hints for bilingual networks: offerings of their members without a text in a working language."""
from __future__ import annotations

from conftest import prepared

from generator.translation_hints import missing_translations


def bilingual(content, languages="[de, cs]"):
    network = content / "netzwerke" / "netzwerk-beispiel.yml"
    network.write_text(network.read_text(encoding="utf-8") + f"arbeitssprachen: {languages}\n", encoding="utf-8")
    return content


def test_a_network_without_working_languages_asks_for_no_translation():
    assert missing_translations(prepared().directory) == []


def test_each_current_offering_of_a_member_without_a_czech_text_gets_a_hint_at_its_line(site_copy):
    hints = missing_translations(prepared(bilingual(site_copy)).directory)
    by_offering = {hint.field: hint for hint in hints}
    # The Czech "poradna" has both texts; the ended group and ended offerings are left alone.
    assert "beratung-beispiel-poradna" not in by_offering
    assert "beratung-beispiel-alte-gruppe" not in by_offering
    hint = by_offering["beratung-beispiel-suchtberatung"]
    assert hint.path.endswith("traeger/beratung-beispiel.yml") and hint.line == 24
    assert "tschechische Text für „name“ und „beschreibung“" in hint.message
    assert "„Netzwerk Beispiel“ arbeitet auch auf Tschechisch" in hint.message
    assert "„cs: …“" in hint.message


def test_english_as_a_working_language_asks_for_english_texts(site_copy):
    hints = missing_translations(prepared(bilingual(site_copy, "[de, en]")).directory)
    assert hints and all("englische Text" in hint.message for hint in hints)
    assert "beratung-beispiel-poradna" in {hint.field for hint in hints}  # it has Czech, not English
