"""Vocabularies are data files with labels in German, Czech and English."""
from __future__ import annotations

from pathlib import Path

from conftest import SCHEMAS
from generator import schema, vocab

FIXTURES = Path(__file__).parent / "fixtures" / "vokabulare"

EXPECTED = {"themen", "zielgruppen", "rechtsgrundlagen", "barrierefreiheit", "traegerarten",
            "zugangswege", "sprachen", "kosten", "status", "netzwerkarten", "regionsarten",
            "laender", "wochentage"}


def load(folder):
    return vocab.load_vocabularies(folder, schema.SchemaSet.load(SCHEMAS))


def test_the_shipped_vocabularies_load_with_three_languages_each():
    vocabularies, problems = load(SCHEMAS / "vokabulare")
    assert problems == []
    assert set(vocabularies) == EXPECTED
    for vocabulary in vocabularies.values():
        for term in vocabulary.terms.values():
            assert term.de and term.cs and term.en


def test_the_topics_named_in_the_foundation_issue_are_there():
    topics = load(SCHEMAS / "vokabulare")[0]["themen"]
    for term in ("arbeit", "gesundheit", "sucht", "schulden", "migration", "wohnen", "pflege",
                 "demenz", "gewaltschutz", "delinquenz", "familie"):
        assert term in topics


def test_sign_languages_are_iso_639_codes():
    languages = load(SCHEMAS / "vokabulare")[0]["sprachen"]
    assert languages.label("gsg") == "Deutsche Gebärdensprache (DGS)"
    assert languages.label("cse", "cs") == "Český znakový jazyk"


def test_a_term_without_czech_label_is_reported(tmp_path):
    (tmp_path / "themen.yml").write_text("sucht:\n  de: Sucht\n  en: Addiction\n", encoding="utf-8")
    vocabularies, problems = load(tmp_path)
    assert vocabularies == {}
    assert [(p.line, p.field) for p in problems] == [(2, "sucht")]
    assert "„cs“ (Tschechisch) fehlt" in problems[0].message


def test_ordered_keeps_the_vocabularys_own_order():
    topics = load(SCHEMAS / "vokabulare")[0]["themen"]
    assert [t.id for t in topics.ordered(["familie", "arbeit", "sucht"])] == ["arbeit", "sucht", "familie"]


class Offered:
    """What a vocabulary asks of an offering: its terms per vocabulary."""

    def __init__(self, **terms):
        self._terms = terms

    def terms(self, vocabulary):
        return tuple(self._terms.get(vocabulary, ()))


def test_an_offering_in_sign_language_belongs_to_deaf_people_without_naming_them():
    groups = load(FIXTURES / "verknuepft")[0]["zielgruppen"]
    assert groups.of(Offered(zielgruppen=["familien"], sprachen=["de", "gsg"])) == {"familien", "gehoerlose"}
    assert groups.of(Offered(zielgruppen=["familien"], sprachen=["de"])) == {"familien"}


def test_the_shipped_vocabularies_count_sign_language_for_deaf_people():
    vocabularies = load(SCHEMAS / "vokabulare")[0]
    in_dgs = Offered(sprachen=["de", "gsg"])
    assert "gehoerlose" in vocabularies["zielgruppen"].of(in_dgs)
    assert "gebaerdensprache" in vocabularies["barrierefreiheit"].of(in_dgs)
    assert "gehoerlose" in vocabularies["zielgruppen"].of(Offered(barrierefreiheit=["gebaerdensprache"]))
    assert "gehoerlose" not in vocabularies["zielgruppen"].of(Offered(barrierefreiheit=["induktive-hoeranlage"]))


def test_a_link_to_an_unknown_term_or_vocabulary_is_reported_where_it_is_written():
    vocabularies, problems = vocab.load_vocabularies(FIXTURES / "falsch-verknuepft", schema.SchemaSet.load(SCHEMAS),
                                                     offering_vocabularies=frozenset({"sprachen", "zielgruppen"}))
    assert sorted((p.line, p.field) for p in problems) == [(7, "gehoerlose › auch › sprachen, 2. Eintrag"),
                                                          (8, "gehoerlose › auch › sprache")]
    by_line = {p.line: p.message for p in problems}
    assert "den Begriff „dgs“ nicht" in by_line[7]
    assert "„sprache“" in by_line[8] and "„sprachen“" in by_line[8]
