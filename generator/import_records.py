"""Provider records from an import (``wegweiser import``), checked like every record.

An importer (``import_hsds``, ``import_table``) hands over ``Imported`` records: the data of
one provider file (German field names, as in the YAML) and, for each part of it, where it
came from (a row of a table, an object of a document), so that every problem is named there.

- **Checked before anything is written.** The new files are checked together with the
  records already in the content folder, exactly as ``wegweiser validate`` would check them
  once written (``pipeline.problems_with``). An offering with a problem is left out, and
  the rest of its provider is written; a problem of the provider itself leaves it out whole.

Writing them is ``import_files``'s: in the house style, never over a hand-written file.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlsafe
from .problems import Problem
from .vocab import Vocabulary
from .import_files import render
from .yaml_roundtrip import NotWritten

MAX_ID = 60  # as template.MAX_ID_LENGTH: an offering's id starts with its provider's
SPELLED = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}


class BadInput(Exception):
    """The input cannot be read at all (``wegweiser import`` says so and exits with 2)."""


def text(value: object) -> str:
    """A text as a file keeps it: trimmed; over several lines, ending in a line break (|)."""
    found = str(value).strip() if value is not None else ""
    return f"{found}\n" if "\n" in found else found


def shortened(value: str, limit: int = 80) -> str:
    """A long text of the data quoted in a message: its beginning, cut at a word."""
    found = " ".join(value.split())
    return found if len(found) <= limit else found[:limit].rsplit(" ", 1)[0] + " …"


def term_id(vocabulary: Vocabulary, value: str) -> str | None:
    """The term a value names: its id, or its German, Czech or English label, in any case."""
    wanted = value.strip().casefold()
    for term in vocabulary.terms.values():
        if wanted in (term.id.casefold(), term.de.casefold(), term.cs.casefold(), term.en.casefold()):
            return term.id
    return None


@dataclass
class Imported:
    """One provider file to be written: ``data`` as in the YAML, and where its parts came
    from: ``origin`` for the provider, ``offerings`` and ``addresses`` per list item."""

    data: dict
    origin: str
    offerings: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.data["id"]


@dataclass(frozen=True, order=True)
class Finding:
    """Something an import could not take over, said where it came from."""

    where: str  # "partner.csv, Zeile 7" or "services.csv, Zeile 3 („Suchtberatung“)"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def in_order(findings: list[Finding]) -> list[Finding]:
    """Each finding once, in the order of the source: "Zeile 2" before "Zeile 10"."""
    def key(finding: Finding) -> tuple:
        return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                     for part in re.split(r"(\d+)", f"{finding.where}\0{finding.message}"))
    return sorted(set(findings), key=key)


# --- ids ----------------------------------------------------------------------------------

def slug(text: str, limit: int = MAX_ID) -> str:
    """An id from a name: „Caritas Aue e. V.“ → ``caritas-aue-e-v``, at most ``limit`` long."""
    spelled = "".join(SPELLED.get(c, c) for c in text)
    ascii_text = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    while len(words) > limit:
        words = words.rpartition("-")[0] if "-" in words[:limit + 1] else words[:limit]
    return words or "eintrag"


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``, … if taken; the result is taken from then on."""
    found, n = base, 1
    while found in taken:
        n += 1
        found = f"{base}-{n}"
    taken.add(found)
    return found


# --- checking ------------------------------------------------------------------------------

def _where(record: Imported, document: yamlsafe.Document, line: int) -> tuple[str, tuple[str, int] | None]:
    """The origin of the part of a rendered file at ``line``: an offering's or address's own
    (and which it is), else the provider's."""
    keys = list(document.data)
    for name, origins in (("angebote", record.offerings), ("adressen", record.addresses)):
        items = document.data.get(name) or []
        if not items:
            continue
        starts = [document.position((name, i))[0] for i in range(len(items))]
        later = keys[keys.index(name) + 1:]
        bounds = [*starts[1:], document.position((later[0],), key=True)[0] if later else 10 ** 9]
        for i, (start, stop) in enumerate(zip(starts, bounds, strict=True)):
            if start <= line < stop:
                return (origins[i] if i < len(origins) else record.origin), (name, i)
    return record.origin, None


def documents_of(records: list[Imported], folder: Path, source: str) -> tuple[
        dict[Path, tuple[Imported, yamlsafe.Document, str]], list[Finding]]:
    """Each record rendered and read back, by the path it is to be written to."""
    rendered, findings = {}, []
    for record in records:
        path = folder / f"{record.id}.yml"
        try:
            text = render(record.data, source, path)
        except NotWritten as error:
            findings.append(Finding(record.origin, f"Der Eintrag lässt sich nicht als YAML schreiben: {error}"))
            continue
        rendered[path] = (record, yamlsafe.parse(text, path), text)
    return rendered, findings


def sort_out(records: list[Imported], problems: list[Problem],
             rendered: dict[Path, tuple[Imported, yamlsafe.Document, str]]) -> tuple[list[Imported], list[Finding]]:
    """The records without the offerings (or whole providers) that ``problems`` name, and
    each problem said where its part came from."""
    by_path = {path.resolve(): (record, document) for path, (record, document, _) in rendered.items()}
    findings: list[Finding] = []
    dropped: dict[str, set] = {}
    for problem in problems:
        hit = by_path.get(Path(problem.path).resolve())
        if hit is None:
            message = f"{problem.field}: {problem.message}" if problem.field else problem.message
            findings.append(Finding(f"{problem.path}:{problem.line}", message))
            continue
        record, document = hit
        where, part = _where(record, document, problem.line)
        field_name = re.sub(r"^\d+\. (Angebot|Adresse)( › |$)", "", problem.field)
        findings.append(Finding(where, f"{field_name}: {problem.message}" if field_name else problem.message))
        dropped.setdefault(record.id, set()).add(part if part and part[0] == "angebote" else None)
    kept = []
    for record in records:
        parts = dropped.get(record.id, set())
        name = record.data.get("name") or record.id
        if None in parts:
            findings.append(Finding(record.origin, f"Der Träger „{name}“ wurde deshalb nicht übernommen (keine Datei "
                                                   "geschrieben)."))
            continue
        gone = {i for _, i in parts}
        offerings = [o for i, o in enumerate(record.data["angebote"]) if i not in gone]
        findings += [Finding(record.offerings[i] if i < len(record.offerings) else record.origin,
                             f"Das Angebot „{offering.get('name', '')}“ wurde deshalb nicht übernommen.")
                     for i, offering in enumerate(record.data["angebote"]) if i in gone]
        if not offerings:
            findings.append(Finding(record.origin, f"Der Träger „{name}“ wurde nicht übernommen: Keines seiner "
                                                   "Angebote ließ sich übernehmen (keine Datei geschrieben)."))
            continue
        data = {**record.data, "angebote": offerings}
        kept.append(Imported(data, record.origin, [o for i, o in enumerate(record.offerings) if i not in gone],
                             record.addresses))
    return kept, in_order(findings)
