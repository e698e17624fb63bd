"""Text folded for search, sorted the German way, turned into ids."""
from __future__ import annotations

from generator import text


def test_umlauts_and_their_transliterations_fold_to_one_word():
    assert text.fold("Schlüssel") == text.fold("Schluessel") == "schluessel"
    assert text.fold("Straße") == text.fold("Strasse") == "strasse"
    assert text.fold("Ústí nad Labem") == "usti nad labem"
    assert text.fold("Aue") == "aue"


def test_a_decomposed_umlaut_folds_like_a_composed_one():
    assert text.fold("Schlu\u0308ssel") == text.fold("Schlüssel") == "schluessel"


def test_german_sort_order_puts_umlauts_with_their_base_letter():
    names = ["Zentrum", "Ärztehaus", "Arbeit", "Übergang", "Straße", "Strand"]
    assert sorted(names, key=text.sort_key) == ["Arbeit", "Ärztehaus", "Strand", "Straße", "Übergang", "Zentrum"]


def test_slugs_are_ids():
    assert text.slug("Beratungsstelle Sonnenschein e. V.") == "beratungsstelle-sonnenschein-e-v"
    assert text.slug("Azylový dům Ústí") == "azylovy-dum-usti"
    assert text.slug("</script>") == "script"
    assert text.slug("!!!") == "eintrag"


def test_spaces_collapse_to_one():
    assert text.collapse_spaces("  Praha \t 4 \n") == "Praha 4"
