"""An id used twice where it must be unique in the whole directory: a record's id (two
providers' files, two networks, two events) or an offering's id in two providers' files.
Reported in both files, and the newer use is told to change.

Blaming whichever file sorts later told an untouched provider to change its id, and
validating only the new file said it was fine. The use that came later is the one to
change: for an offering, the one whose id does not begin with its own provider's id (it
was copied); then, for both, the one in a file not named after its record (a copy,
"caritas - Kopie.yml"), else the file git added later or has not committed yet; if
nothing tells them apart, both are asked to agree.
"""
from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable

from .kinds import Kind
from .problems import Problem, display_path
from .yamlsafe import Document

ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # as schemas/common.schema.json#/$defs/kennung

Use = tuple[Document, tuple, str]  # the file, the id's path in it, the id


@dataclass(frozen=True)
class Wording:
    """How the messages name what has the id: „ein Angebot“, „ein Eintrag (Träger)“."""

    one: str  # "ein Angebot", "ein anderer Eintrag (Träger)"
    newer: str  # "ein neueres Angebot"
    which: str  # "welches Angebot"
    rule: str  # why one must change
    change: Callable[[Document], str]  # what the newer use is to do


def record_ids(docs: list[Document], kind: Kind) -> list[Problem]:
    """Two records of one kind with the same id (a copied file whose id was kept)."""
    uses: dict[str, list[Use]] = defaultdict(list)
    for doc in docs:
        if isinstance(doc.data.get("id"), str):
            uses[doc.data["id"]].append((doc, ("id",), doc.data["id"]))
    wording = Wording(f"ein anderer Eintrag ({kind.noun})", f"ein neuerer Eintrag ({kind.noun})", "welcher Eintrag",
                      "Zwei Einträge dürfen nicht dieselbe Kennung haben", lambda _: (
                          "Bitte geben Sie diesem Eintrag eine eigene Kennung und benennen Sie die Datei genauso."))
    return _clashes(uses, _record_age, wording)


def offering_ids(organisations: list[Document]) -> list[Problem]:
    uses: dict[str, list[Use]] = defaultdict(list)
    for doc in organisations:
        offerings = doc.data.get("angebote") if isinstance(doc.data.get("angebote"), list) else []
        for i, offering in enumerate(offerings):
            if isinstance(offering, dict) and isinstance(offering.get("id"), str):
                uses[offering["id"]].append((doc, ("angebote", i, "id"), offering["id"]))
    wording = Wording("ein Angebot", "ein neueres Angebot", "welches Angebot",
                      "Angebotskennungen müssen im ganzen Verzeichnis einmalig sein", lambda doc: (
                          "Bitte geben Sie Ihrem Angebot eine andere Kennung, am besten mit der Kennung Ihres "
                          f"Trägers davor, z. B. „{_own_id(doc)}-…“."))
    return _clashes(uses, _offering_age, wording)


def _clashes(uses: dict[str, list[Use]], age: Callable[[Use], tuple], wording: Wording) -> list[Problem]:
    problems = []
    for found in uses.values():
        if len(found) == 1:  # the common case: asking git for the age of every file took seconds
            continue
        first, *others = sorted(found, key=lambda use: (age(use), str(use[0].path), use[1]))
        for use in others:
            problems += _clash(first, use, age(first) < age(use), wording)
    return problems


def _own_id(doc: Document) -> str:
    """The provider's id as its file names it: a copied file still holds the original's id."""
    return doc.path.stem if ID.fullmatch(doc.path.stem) else str(doc.data.get("id") or "")


def _record_age(use: Use) -> tuple:
    """Older first: the file named after the id, then the file git added first."""
    doc, _, record_id = use
    return doc.path.stem != record_id, _added(doc.path.resolve())


def _offering_age(use: Use) -> tuple:
    """Older first: an id that begins with its provider's id, in a file named after that
    provider (a copy, "caritas - Kopie.yml", is not), then the file git added first."""
    doc, _, offering_id = use
    own = str(doc.data.get("id") or "")
    return not offering_id.startswith(own + "-"), doc.path.stem != own, _added(doc.path.resolve())


@lru_cache(maxsize=None)
def _added(path: Path) -> float:
    """When git first added the file; later than any commit if it is not committed (yet)."""
    try:
        # Without --follow: a file made from the template or copied is new where it was added.
        found = subprocess.run(["git", "log", "--diff-filter=A", "--format=%ct", "--", path.name],
                               cwd=path.parent, capture_output=True, text=True, timeout=20, check=False)
        times = found.stdout.split()
        return float(times[-1]) if found.returncode == 0 and times else float("inf")
    except (OSError, subprocess.SubprocessError):
        return float("inf")


def _where(use: Use) -> tuple[str, int]:
    doc, path, _ = use
    return display_path(doc.path), doc.position(path)[0]


def _clash(older: Use, newer: Use, settled: bool, wording: Wording) -> list[Problem]:
    (old_doc, old_path, given), (new_doc, new_path, _) = older, newer
    if old_doc is new_doc:  # one file: the second use is the slip
        return [new_doc.problem(new_path, (
            f"Die Kennung „{given}“ hat schon ein anderes Angebot in dieser Datei (Zeile "
            f"{_where(older)[1]}). Bitte geben Sie diesem Angebot eine eigene Kennung."))]
    old_file, old_line = _where(older)
    new_file, new_line = _where(newer)
    if not settled:
        return [doc.problem(path, (
            f"Die Kennung „{given}“ hat auch {wording.one} in {file}, Zeile {line}. {wording.rule}; "
            f"bitte einigen Sie sich, {wording.which} eine andere bekommt."))
            for (doc, path, _), (file, line) in ((older, (new_file, new_line)), (newer, (old_file, old_line)))]
    return [
        new_doc.problem(new_path, (
            f"Die Kennung „{given}“ hat schon {wording.one} in {old_file}, Zeile {old_line}. "
            f"{wording.rule}. {wording.change(new_doc)}")),
        old_doc.problem(old_path, (
            f"Diese Kennung hat jetzt auch {wording.newer} in {new_file}, Zeile {new_line}. Dort muss sie "
            "geändert werden; in dieser Datei ist nichts zu tun.")),
    ]
