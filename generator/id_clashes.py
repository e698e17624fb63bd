"""An offering id used in two providers' files: reported in both, and the newer use is
told to change.

Blaming whichever file sorts later told an untouched provider to rename its offering,
and validating only the new file said it was fine. The use that came later is the one to
change: the one whose id does not begin with its own provider's id (it was copied), else
the one in a file not named after its provider (a copy), else the file git added later or
has not committed yet; if nothing tells them apart, both are asked to agree.
"""
from __future__ import annotations

import subprocess
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from .problems import Problem, display_path
from .yamlsafe import Document

Use = tuple[Document, tuple, str]  # the file, the id's path in it, the offering id


def offering_ids(organisations: list[Document]) -> list[Problem]:
    uses: dict[str, list[Use]] = defaultdict(list)
    for doc in organisations:
        offerings = doc.data.get("angebote") if isinstance(doc.data.get("angebote"), list) else []
        for i, offering in enumerate(offerings):
            if isinstance(offering, dict) and isinstance(offering.get("id"), str):
                uses[offering["id"]].append((doc, ("angebote", i, "id"), offering["id"]))
    problems = []
    for found in uses.values():
        first, *others = sorted(found, key=_age)
        for use in others:
            problems += _clash(first, use, settled=_age(first)[:3] < _age(use)[:3])
    return problems


def _age(use: Use) -> tuple:
    """Older first: an id that begins with its provider's id, in a file named after that
    provider (a copy, "caritas - Kopie.yml", is not), then the file git added first."""
    doc, path, offering_id = use
    own = str(doc.data.get("id") or "")
    return (not offering_id.startswith(own + "-"), doc.path.stem != own, _added(doc.path.resolve()),
            str(doc.path), path)


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


def _clash(older: Use, newer: Use, settled: bool) -> list[Problem]:
    (old_doc, old_path, offering_id), (new_doc, new_path, _) = older, newer
    if old_doc is new_doc:  # one file: the second use is the slip
        return [new_doc.problem(new_path, (
            f"Die Kennung „{offering_id}“ hat schon ein anderes Angebot in dieser Datei (Zeile "
            f"{_where(older)[1]}). Bitte geben Sie diesem Angebot eine eigene Kennung."))]
    old_file, old_line = _where(older)
    new_file, new_line = _where(newer)
    own = str(new_doc.data.get("id") or "")
    change = (f"Bitte geben Sie Ihrem Angebot eine andere Kennung, am besten mit der Kennung Ihres Trägers davor, "
              f"z. B. „{own}-…“.")
    if not settled:
        return [doc.problem(path, (
            f"Die Kennung „{offering_id}“ hat auch ein Angebot in {file}, Zeile {line}. Kennungen müssen im "
            "ganzen Verzeichnis einmalig sein; bitte einigen Sie sich, welches Angebot eine andere bekommt."))
            for (doc, path, _), (file, line) in ((older, (new_file, new_line)), (newer, (old_file, old_line)))]
    return [
        new_doc.problem(new_path, (
            f"Die Kennung „{offering_id}“ hat schon ein Angebot in {old_file}, Zeile {old_line}. Angebotskennungen "
            f"müssen im ganzen Verzeichnis einmalig sein. {change}")),
        old_doc.problem(old_path, (
            f"Diese Kennung hat jetzt auch ein neueres Angebot in {new_file}, Zeile {new_line}. Dort muss sie "
            "geändert werden; in dieser Datei ist nichts zu tun.")),
    ]
