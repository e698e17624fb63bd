"""Synonyms for the search: the everyday words people type ("Hartz IV", "Spielsucht") and
what the records say instead ("Bürgergeld", "Glücksspiel", the topic "Sucht").

They are data (``schemas/vokabulare/synonyme.yml``), beside the vocabularies they point
to, so that coordinators extend them the way they extend a vocabulary: without code, and
checked with a file and line for every mistake. The file is optional; the search files
carry them to the browser (``render/search_synonyms.py``).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import schema, yamlsafe
from .problems import Problem
from .vocab import SYNONYMS, Vocabulary


@dataclass(frozen=True)
class Synonym:
    id: str
    words: tuple[str, ...]  # what people type: a word or a phrase each
    finds: tuple[str, ...] = ()  # words or phrases of the records, searched instead
    terms: tuple[tuple[str, str], ...] = ()  # (vocabulary, term id) whose offerings are found


def searchable(text: str) -> str:
    """The words of a text as the search compares them on every site (search_words.query_words):
    folded, without single letters and digits and without the stop words of any of the
    site's languages, so "Hilfe bei" is "hilfe" and claims the same as "Hilfe"."""
    from .render.search_words import OTHER_STOPWORDS, STOPWORDS, query_words  # noqa: PLC0415 (render imports us)

    return " ".join(query_words(text, STOPWORDS.union(*OTHER_STOPWORDS.values())))


def load_synonyms(folder: Path, schemas: schema.SchemaSet, vocabularies: dict[str, Vocabulary],
                  searched: frozenset[str]) -> tuple[tuple[Synonym, ...], list[Problem]]:
    """The synonyms of ``folder``/synonyme.yml (none if there is no such file), and every
    problem in it. ``searched``: the vocabularies the search filters by, the only ones
    whose terms a synonym can find."""
    path = folder / f"{SYNONYMS}.yml"
    if not path.is_file():
        return (), []
    document, problems = yamlsafe.load(path)
    if document is None:
        return (), problems
    problems = schema.validate(document, schemas.validator(SYNONYMS))
    if problems:
        return (), problems
    synonyms = tuple(Synonym(key, tuple(entry["woerter"]), tuple(entry.get("findet", ())),
                             tuple((vocabulary, term) for vocabulary, terms in entry.get("begriffe", {}).items()
                                   for term in terms))
                     for key, entry in document.data.items())
    problems = _check(synonyms, document, vocabularies, searched)
    return (() if problems else synonyms), problems


def _check(synonyms: tuple[Synonym, ...], document: yamlsafe.Document, vocabularies: dict[str, Vocabulary],
           searched: frozenset[str]) -> list[Problem]:
    """What the schema cannot say: an entry that finds nothing, an unknown vocabulary or
    term, a word that is no word for the search, and a word claimed by two entries."""
    known = ", ".join(f"„{name}“" for name in sorted(searched))
    problems, owner = [], {}
    for synonym in synonyms:
        if not synonym.finds and not synonym.terms:
            problems.append(document.problem((synonym.id,), (
                f"Hier fehlt, was „{synonym.id}“ finden soll: „findet“ (Wörter aus den Einträgen) oder "
                "„begriffe“ (Begriffe der Vokabulare)."), key=True))
        for field, texts in (("woerter", synonym.words), ("findet", synonym.finds)):
            problems += [document.problem((synonym.id, field, index), (
                f"„{text}“ enthält kein Wort, nach dem die Suche sucht: Sie übergeht einzelne Buchstaben "
                "und Ziffern und kleine Wörter wie „und“, „für“ oder „the“. Bitte schreiben Sie ein "
                "ganzes Wort."))
                for index, text in enumerate(texts) if not searchable(text)]
        for index, text in enumerate(synonym.words):
            words = searchable(text)
            if words and words in owner and owner[words] != synonym.id:
                problems.append(document.problem((synonym.id, "woerter", index), (
                    f"„{text}“ steht schon beim Eintrag „{owner[words]}“. Ein Wort darf nur in einem "
                    "Eintrag stehen, sonst ist unklar, was es finden soll.")))
            owner.setdefault(words, synonym.id)
        positions: dict[str, int] = {}
        for vocabulary, term in synonym.terms:
            index = positions[vocabulary] = positions.get(vocabulary, -1) + 1
            if vocabulary in searched and vocabulary not in vocabularies:
                continue  # a vocabulary that did not load has its own problem
            if vocabulary not in searched:
                if index == 0:
                    problems.append(document.problem((synonym.id, "begriffe", vocabulary), (
                        f"Nach Begriffen des Vokabulars „{vocabulary}“ kann die Suche nicht filtern. "
                        f"Möglich sind: {known}."), key=True))
            elif term not in vocabularies[vocabulary]:
                problems.append(document.problem((synonym.id, "begriffe", vocabulary, index), (
                    f"Im Vokabular „{vocabulary}“ gibt es den Begriff „{term}“ nicht. Bitte prüfen Sie die "
                    f"Schreibweise in schemas/vokabulare/{vocabulary}.yml.")))
    return problems
