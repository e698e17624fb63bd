"""Text analysis for the search: indexed words and compound parts."""
from __future__ import annotations

from generator.render import search_words


def test_words_drop_stopwords_and_punctuation():
    assert search_words.words("Hilfe bei Schulden – für Familien!") == ["hilfe", "schulden", "familien"]


def test_compounds_are_split_at_known_word_ends():
    known = {"beratung", "stelle", "beratungsstelle"}
    assert search_words.compound_parts("suchtberatungsstelle", known) == ["beratungsstelle", "stelle"]
    assert search_words.compound_parts("beratung", known) == []


def test_words_are_distinct_cut_to_length_and_counted_per_field():
    assert search_words.words("Hilfe hilfe HILFE") == ["hilfe"]
    assert search_words.words("x" * 100) == ["x" * search_words.MAX_WORD_LENGTH]
    many = " ".join(f"w{i}" for i in range(5000))
    assert len(search_words.words(many)) == search_words.MAX_WORDS_PER_FIELD


def test_a_query_keeps_its_words_in_order_without_stop_words_and_single_letters():
    stop = search_words.stopwords("de")
    assert search_words.query_words("Hilfe bei Spielsucht – Hartz 4 für Ältere!", stop) == [
        "hilfe", "spielsucht", "hartz", "aeltere"]
    assert search_words.query_words("Hartz IV", stop) == ["hartz", "iv"]
    assert search_words.query_words("y" * 100, stop) == ["y" * search_words.MAX_WORD_LENGTH]
    assert search_words.query_words("the help", search_words.stopwords("en")) == ["help"]


def test_spellings_keep_how_words_with_umlauts_and_accents_are_written():
    assert search_words.spellings("Glücksspiel, Spielhalle; závislost – Straße") == {
        "gluecksspiel": "glücksspiel", "zavislost": "závislost", "strasse": "straße"}
    assert search_words.spellings("Beratung ohne Umlaut") == {}
