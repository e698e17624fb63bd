"""Controlled vocabularies: topics, target groups, legal bases and the like.

Each vocabulary is a data file (``schemas/vokabulare/<name>.yml``) with a label per term
in German, Czech and English, so that networks can extend them without touching code.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from . import schema, yamlsafe
from .problems import Problem, display_path

# The search's synonyms (synonyme.yml) lie beside the vocabularies, where coordinators
# extend them, but are no vocabulary of terms: generator/synonyms.py reads them.
SYNONYMS = "synonyme"


@dataclass(frozen=True)
class Term:
    id: str
    de: str
    cs: str
    en: str
    explanation: str = ""
    # Terms of other vocabularies whose offerings belong here too, as (vocabulary, term)
    # pairs: an offering in German Sign Language serves deaf people even where its
    # provider did not name them as a target group.
    also: tuple[tuple[str, str], ...] = ()
    # Other words providers write for the term ("kostenfrei" for "kostenlos"): the check of
    # the records suggests the term for them.
    also_called: tuple[str, ...] = ()

    def label(self, language: str = "de") -> str:
        return getattr(self, language, self.de)


@dataclass(frozen=True)
class Vocabulary:
    name: str
    terms: dict[str, Term]

    def __contains__(self, term_id: object) -> bool:
        return term_id in self.terms

    def label(self, term_id: str, language: str = "de") -> str:
        return self.terms[term_id].label(language)

    def of(self, offering) -> set[str]:
        """The terms an offering belongs to: its own, and those it belongs to through
        another vocabulary's term (``auch`` in the vocabulary file; only the offering's own
        terms are followed, not further links). Counts, listings, the offering page and
        the search all ask this, so that they agree."""
        own = set(offering.terms(self.name))
        return own | {term.id for term in self.linked
                      if any(term_id in offering.terms(other) for other, term_id in term.also)}

    @functools.cached_property
    def linked(self) -> list[Term]:
        return [term for term in self.terms.values() if term.also]

    def ordered(self, term_ids) -> list[Term]:
        """The given terms in the vocabulary's own order (as written in its file)."""
        wanted = set(term_ids)
        return [term for term in self.terms.values() if term.id in wanted]


def load_vocabularies(folder: Path, schemas: schema.SchemaSet, reserved_ids: frozenset[str] = frozenset(),
                      offering_vocabularies: frozenset[str] | None = None
                      ) -> tuple[dict[str, Vocabulary], list[Problem]]:
    """``reserved_ids``: term ids that would take the address of a page of the site;
    ``offering_vocabularies``: those whose terms offerings carry, the only ones a term's
    ``auch`` may name (without them: any)."""
    vocabularies: dict[str, Vocabulary] = {}
    documents = {}
    problems: list[Problem] = []
    files = sorted(path for path in folder.glob("*.yml") if path.stem != SYNONYMS)
    if not files:
        problems.append(Problem(display_path(folder), 1, 1, "", "Hier liegen keine Vokabulare (*.yml)."))
    validator = schemas.validator("vokabular")
    for path in files:
        document, load_problems = yamlsafe.load(path)
        problems += load_problems
        if document is None:
            continue
        found = schema.validate(document, validator)
        found += [document.problem((term_id,), (
            f"Die Kennung „{term_id}“ ist für Seiten des Verzeichnisses reserviert. Bitte wählen Sie "
            f"eine längere, z. B. „{term_id}-{path.stem}“."), key=True)
            for term_id in document.data if term_id in reserved_ids] if isinstance(document.data, dict) else []
        problems += found
        if found:
            continue
        terms = {
            term_id: Term(term_id, entry["de"], entry["cs"], entry["en"], entry.get("erklaerung", ""),
                          tuple((other, linked) for other, ids in entry.get("auch", {}).items() for linked in ids),
                          tuple(entry.get("auch_genannt", ())))
            for term_id, entry in document.data.items()
        }
        vocabularies[path.stem] = Vocabulary(path.stem, terms)
        documents[path.stem] = document
    linkable = frozenset(vocabularies) if offering_vocabularies is None else offering_vocabularies
    problems += [problem for name, vocabulary in vocabularies.items()
                 for problem in _unknown_links(vocabulary, documents[name], vocabularies, linkable)]
    return vocabularies, problems


def _unknown_links(vocabulary: Vocabulary, document, vocabularies: dict[str, Vocabulary],
                   offering_vocabularies: frozenset[str]) -> list[Problem]:
    """Links (``auch``) to a vocabulary offerings do not use, or to a term it lacks."""
    known = ", ".join(f"„{name}“" for name in sorted(offering_vocabularies & vocabularies.keys()))
    problems = []
    for term in vocabulary.linked:
        linked: dict[str, list[str]] = {}
        for other, term_id in term.also:
            linked.setdefault(other, []).append(term_id)
        for other, term_ids in linked.items():
            if other not in offering_vocabularies or other not in vocabularies:
                problems.append(document.problem((term.id, "auch", other), (
                    f"Ein Vokabular „{other}“, dessen Begriffe Angebote tragen, gibt es nicht. "
                    f"Möglich sind: {known}."), key=True))
                continue
            problems += [document.problem((term.id, "auch", other, index), (
                f"Im Vokabular „{other}“ gibt es den Begriff „{term_id}“ nicht. Bitte prüfen Sie die "
                f"Schreibweise in schemas/vokabulare/{other}.yml."))
                for index, term_id in enumerate(term_ids) if term_id not in vocabularies[other]]
    return problems
