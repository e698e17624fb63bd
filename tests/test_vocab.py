"""Vocabularies are data files with labels in German, Czech and English."""
from __future__ import annotations

from conftest import SCHEMAS
from generator import schema, vocab

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
