"""Problems found in records, reported to people as ``path:line:column: field: message``.

Problems are collected, never raised: every stage returns them so that one run shows
everything that is wrong in every file (as mkdocs' config validation does).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.field or 'Datei'}: {self.message}"


def display_path(path: Path | str) -> str:
    """The path as a provider sees it in the repository: relative where possible."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def field_name(path: Sequence[str | int]) -> str:
    """``("angebote", 0, "themen", 1)`` -> ``angebote[0].themen[1]``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def summary(problems: Iterable[Problem]) -> str:
    problems = list(problems)
    files = len({p.path for p in problems})
    if len(problems) == 1:
        return "1 Problem gefunden."
    return f"{len(problems)} Probleme in {files} Datei{'en' if files != 1 else ''} gefunden."


def report(problems: Iterable[Problem]) -> str:
    """All problems, sorted by file and line, one per line."""
    return "\n".join(str(p) for p in sorted(problems))
