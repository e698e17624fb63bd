"""Controlled vocabularies: topics, target groups, legal bases and the like.

Each vocabulary is a data file (``schemas/vokabulare/<name>.yml``) with a label per term
in German, Czech and English, so that networks can extend them without touching code.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import schema, yamlsafe
from .problems import Problem, display_path

@dataclass(frozen=True)
class Term:
    id: str
    de: str
    cs: str
    en: str
    explanation: str = ""

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

    def ordered(self, term_ids) -> list[Term]:
        """The given terms in the vocabulary's own order (as written in its file)."""
        wanted = set(term_ids)
        return [term for term in self.terms.values() if term.id in wanted]


def load_vocabularies(folder: Path, schemas: schema.SchemaSet, reserved_ids: frozenset[str] = frozenset()
                      ) -> tuple[dict[str, Vocabulary], list[Problem]]:
    """``reserved_ids``: term ids that would take the address of a page of the site."""
    vocabularies: dict[str, Vocabulary] = {}
    problems: list[Problem] = []
    files = sorted(folder.glob("*.yml"))
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
            term_id: Term(term_id, entry["de"], entry["cs"], entry["en"], entry.get("erklaerung", ""))
            for term_id, entry in document.data.items()
        }
        vocabularies[path.stem] = Vocabulary(path.stem, terms)
    return vocabularies, problems
