"""The search's synonyms are data beside the vocabularies (schemas/vokabulare/synonyme.yml):
coordinators extend them without code, and every mistake is reported with file, line and
a hint in German."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import SCHEMAS
from generator import schema, synonyms, vocab
from generator.render.search_index import facet_keys

FIXTURES = Path(__file__).parent / "fixtures" / "synonyme"
SEARCHED = frozenset(facet_keys())


@pytest.fixture(scope="module")
def schemas():
    return schema.SchemaSet.load(SCHEMAS)


@pytest.fixture(scope="module")
def vocabularies(schemas):
    found, problems = vocab.load_vocabularies(SCHEMAS / "vokabulare", schemas)
    assert problems == []
    return found


def load(folder: Path, schemas, vocabularies):
    return synonyms.load_synonyms(folder, schemas, vocabularies, SEARCHED)


def test_the_shipped_synonyms_load_and_know_the_words_of_the_issue(schemas, vocabularies):
    found, problems = load(SCHEMAS / "vokabulare", schemas, vocabularies)
    assert problems == []
    typed = {word for synonym in found for word in synonym.words}
    assert {"Spielsucht", "Hartz IV", "Depression", "Rollstuhl"} <= typed


def test_an_entry_says_what_is_typed_which_words_it_finds_and_which_terms(schemas, vocabularies):
    found, problems = load(FIXTURES / "gueltig", schemas, vocabularies)
    assert problems == []
    by_id = {synonym.id: synonym for synonym in found}
    assert by_id["hartz-iv"].words == ("Hartz IV", "ALG II")
    assert by_id["hartz-iv"].finds == ("Bürgergeld",)
    assert by_id["hartz-iv"].terms == (("rechtsgrundlagen", "sgb-ii"),)
    assert by_id["depression"].finds == ()
    assert by_id["depression"].terms == (("themen", "psychische-gesundheit"),
                                         ("zielgruppen", "menschen-mit-psychischer-erkrankung"))


def test_without_a_synonyms_file_the_search_simply_has_none(schemas, vocabularies):
    folder = Path(__file__).parent / "fixtures" / "vokabulare" / "verknuepft"
    assert not (folder / "synonyme.yml").exists()
    assert load(folder, schemas, vocabularies) == ((), [])


def test_the_synonyms_file_is_no_vocabulary_of_terms(schemas):
    found, _ = vocab.load_vocabularies(SCHEMAS / "vokabulare", schemas)
    assert vocab.SYNONYMS not in found


@pytest.mark.parametrize(("case", "line", "field", "hint"), [
    ("unbekanntes-vokabular", 5, "spielsucht › begriffe › orte",
     "Nach Begriffen des Vokabulars „orte“ kann die Suche nicht filtern. Möglich sind:"),
    ("unbekannter-begriff", 4, "spielsucht › begriffe › themen, 2. Eintrag",
     "Im Vokabular „themen“ gibt es den Begriff „gluecksspiel“ nicht."),
    ("findet-nichts", 4, "zocken", "Hier fehlt, was „zocken“ finden soll: „findet“"),
    ("doppeltes-wort", 5, "wetten › woerter, 2. Eintrag", "„zocken“ steht schon beim Eintrag „spielsucht“."),
    ("ein-buchstabe", 2, "hartz-iv › woerter, 2. Eintrag", "Der Text „4“ ist zu kurz (mindestens 2 Zeichen)."),
    ("einzelne-zeichen", 3, "hartz-iv › findet, 2. Eintrag", "„B 2“ enthält kein Wort, nach dem die Suche sucht"),
    ("nur-fuellwoerter", 2, "spielsucht › woerter, 2. Eintrag",
     "„für die“ enthält kein Wort, nach dem die Suche sucht"),
    ("falscher-typ", 2, "spielsucht › woerter",
     "Hier wird eine Liste erwartet, auch für einen einzigen Eintrag. Schreiben Sie: woerter: [Spielsucht]"),
    ("unbekanntes-feld", 3, "spielsucht › finden", "Das Feld „finden“ gibt es hier nicht. Meinten Sie „findet“?"),
    ("falsche-kennung", 4, "Hartz IV", "Eine Kennung besteht aus kleinen Buchstaben"),
])
def test_each_mistake_is_one_problem_with_file_line_and_a_hint(schemas, vocabularies, case, line, field, hint):
    found, problems = load(FIXTURES / case, schemas, vocabularies)
    assert found == ()
    assert len(problems) == 1, problems
    problem = problems[0]
    assert Path(problem.path).resolve() == (FIXTURES / case / "synonyme.yml").resolve()
    assert (problem.line, problem.field) == (line, field)
    assert hint in problem.message


def test_a_searched_vocabulary_that_did_not_load_is_not_blamed_on_the_synonyms(schemas, vocabularies):
    without_topics = {name: v for name, v in vocabularies.items() if name != "themen"}
    found, problems = load(FIXTURES / "gueltig", schemas, without_topics)
    assert problems == [] and found


def test_a_word_with_a_stop_word_claims_the_same_as_the_word_alone():
    assert synonyms.searchable("Hilfe bei Spielsucht") == synonyms.searchable("hilfe SPIELSUCHT") == "hilfe spielsucht"
    assert synonyms.searchable("Hartz 4") == "hartz"
    assert synonyms.searchable("für die") == ""
