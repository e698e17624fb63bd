"""The synonyms as the browser reads them from the manifest: phrases taken apart like a
query, and terms as the filter values suche.js knows."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SCHEMAS
from generator import schema, synonyms, vocab
from generator.render.search_index import facet_keys
from generator.render.search_synonyms import synonym_rows
from generator.render.search_words import stopwords

FIXTURE = Path(__file__).parent / "fixtures" / "synonyme" / "gueltig"


@pytest.fixture(scope="module")
def entries():
    schemas = schema.SchemaSet.load(SCHEMAS)
    vocabularies, _ = vocab.load_vocabularies(SCHEMAS / "vokabulare", schemas)
    found, problems = synonyms.load_synonyms(FIXTURE, schemas, vocabularies, frozenset(facet_keys()))
    assert problems == []
    return found


def rows_by_first_phrase(entries, language="de"):
    return {row[0][0]: row for row in synonym_rows(entries, stopwords(language), facet_keys())}


def test_phrases_are_folded_and_lose_their_stop_words_like_a_query(entries):
    rows = rows_by_first_phrase(entries)
    assert rows["hartz iv"][0] == ["hartz iv", "alg ii"]
    assert rows["hartz iv"][1] == ["buergergeld"]
    assert rows["spielsucht"][0] == ["spielsucht", "hilfe spieler"]  # "SPIELSUCHT" is the same phrase
    assert rows["spielsucht"][1] == ["gluecksspiel", "sucht spiel"]


def test_a_phrase_whose_folding_hides_how_it_is_written_keeps_its_spelling_for_suggestions(entries):
    rows = rows_by_first_phrase(entries)
    assert rows["depression"][0] == ["depression", "uzkost", "hilfe aengstliche"]
    assert rows["depression"][3] == {"uzkost": "úzkost", "hilfe aengstliche": "hilfe ängstliche"}
    assert len(rows["hartz iv"]) == 3  # "Hartz IV" is written as folded, but for the capitals


def test_terms_become_the_filter_values_suche_js_knows(entries):
    rows = rows_by_first_phrase(entries)
    assert rows["hartz iv"][2] == ["recht=sgb-ii"]
    assert rows["depression"][2] == ["thema=psychische-gesundheit",
                                     "zielgruppe=menschen-mit-psychischer-erkrankung"]
    assert rows["depression"][1] == [] and rows["spielsucht"][2] == []


def test_an_entry_whose_words_are_all_stop_words_of_a_site_is_left_out_there(entries):
    # as if a site's language skipped them
    stop = stopwords("de") | {"depression", "uzkost", "aengstliche", "hilfe", "alg"}
    rows = {row[0][0]: row for row in synonym_rows(entries, stop, facet_keys())}
    assert set(rows) == {"hartz iv", "spielsucht"}
    assert rows["hartz iv"][0] == ["hartz iv", "ii"]
