"""The search index: which offerings words and filter values lead to."""
from __future__ import annotations

import dataclasses

import pytest

from conftest import prepared
from generator import freshness
from generator.records import Text
from generator.render.listings import Listings
from generator.render.search_index import VOCABULARY_FACETS, build_index, facet_keys, vocabularies_needed
from generator.synonyms import Synonym
from generator.render.search_words import BASE_PARTS, MAX_WORD_LENGTH


@pytest.fixture(scope="module")
def listings():
    directory = prepared()
    return Listings(directory.directory, directory.vocabularies, freshness.Limits())


def number_of(index, offering_id):
    return [o.id for o in index.offerings].index(offering_id)


def test_a_compound_in_a_title_is_also_found_by_its_last_part(listings):
    index = build_index(listings)
    assert number_of(index, "beratung-beispiel-suchtberatung") in index.postings["beratung"]["merkmal"]
    assert "beratung" in index.tails


def test_an_offering_for_a_town_is_also_found_under_its_district(listings):
    index = build_index(listings)
    members = {facet.key: values for facet, values in index.facets}["region"]
    number = number_of(index, "beratung-beispiel-suchtberatung")
    assert number in members["beispielstadt"] and number in members["landkreis-beispiel"]


def test_a_district_wide_offering_is_found_under_the_districts_towns_too(listings):
    index = build_index(listings)
    regions = {facet.key: values for facet, values in index.facets}["region"]
    assert all(number_of(index, "feindliche-werte-angebot") not in ids for ids in regions.values())
    shelter = number_of(index, "beratung-beispiel-schutzwohnung")  # for the whole district
    assert shelter in regions["landkreis-beispiel"] and shelter in regions["beispielstadt"]


def test_vocabulary_facets_are_data_and_take_new_terms_without_code(listings):
    vocabularies = dict(listings.vocabularies)
    topics = vocabularies["themen"]
    new_term = dataclasses.replace(next(iter(topics.terms.values())), id="ganz-neu", de="Ganz neu")
    vocabularies["themen"] = dataclasses.replace(topics, terms={**topics.terms, "ganz-neu": new_term})
    index = build_index(Listings(listings.directory, vocabularies, freshness.Limits()))
    topic_facet = next(facet for facet, _ in index.facets if facet.key == "thema")
    assert ("ganz-neu", "Ganz neu") in topic_facet.values
    assert {f.vocabulary for f in VOCABULARY_FACETS} <= vocabularies_needed()


def test_the_target_group_filter_finds_what_the_target_group_page_lists(listings):
    index = build_index(listings)
    groups = {facet.key: values for facet, values in index.facets}["zielgruppe"]
    listed = {number_of(index, o.id) for o in listings.with_term("zielgruppen", "gehoerlose")}
    assert listed  # the fixture's offering in sign language, which names no such group
    assert groups["gehoerlose"] == listed


def test_one_record_cannot_blow_up_the_index_or_push_real_word_ends_out(listings):
    before = build_index(listings)
    invented = " ".join(f"wort{i:05d}beratungsstelle x{i}stelle" for i in range(3000))
    hostile = dataclasses.replace(listings.listed[0], description=Text("a" * 20000 + " " + invented))
    flooded = Listings(listings.directory, listings.vocabularies, freshness.Limits())
    flooded.listed = [hostile] + listings.listed[1:]
    after = build_index(flooded)
    # One record alone adds no invented word ends, only the known ones it uses.
    assert set(after.tails) - set(before.tails) <= BASE_PARTS
    assert max(map(len, after.postings)) <= MAX_WORD_LENGTH
    assert len(after.postings) - len(before.postings) < 3 * 1000


def test_a_synonym_finds_the_terms_of_a_vocabulary_through_that_vocabularys_filter(listings):
    gambling = Synonym("spielsucht", ("Spielsucht", "Hilfe bei Spielsucht"), ("Glücksspiel",), (("themen", "sucht"),))
    index = build_index(listings, synonyms=(gambling,))
    assert index.synonyms == ([["spielsucht", "hilfe spielsucht"], ["gluecksspiel"], ["thema=sucht"]],)
    filters = {facet.key: values for facet, values in index.facets}
    assert set(facet_keys().values()) <= set(filters)
    assert filters["thema"]["sucht"]  # the value the synonym names leads to offerings
