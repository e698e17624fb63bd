"""Problems found in records, reported to people as ``path:line:column: field: message``.

Problems are collected, never raised: every stage returns them so that one run shows
everything that is wrong in every file (as mkdocs' config validation does).
"""
from __future__ import annotations

import json
import os
import re
import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence


# Characters that would act on a terminal or a log instead of being shown: control
# characters (an escape sequence can clear or recolour the screen, a line break could
# forge a problem line), bidirectional overrides, zero-width and line-separator marks.
HIDDEN = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
MAX_NAME = 60  # characters of a field name repeated in a message


def visible(text: str) -> str:
    """Text for a report: every hidden character written as its code, e.g. ``\\u001b``."""
    return HIDDEN.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def shorten(text: str, limit: int = MAX_NAME) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    field: str
    message: str
    # A mistake that kept the file from being read (its YAML): nothing else in it was checked.
    blocks_checks: bool = dataclasses.field(default=False, compare=False)

    def __post_init__(self) -> None:
        # Whatever a record contains reaches a report only as visible characters.
        for name in ("path", "field", "message"):
            object.__setattr__(self, name, visible(getattr(self, name)))

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.field or 'Datei'}: {self.message}"


def display_path(path: Path | str) -> str:
    """The path as a provider sees it in the repository: relative where possible."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


# How an item of a list of sections is called in a message, counted from 1 as people count:
# ("angebote", 1) is "2. Angebot". Items of other lists are "themen, 2. Eintrag".
ITEM_NOUNS = {"angebote": "Angebot", "adressen": "Adresse", "kontakt": "Kontakt", "sprechzeiten": "Sprechzeit",
              "schliesszeiten": "Schließzeit"}
SEPARATOR = " › "


def field_name(path: Sequence[str | int]) -> str:
    """``("angebote", 1, "kontakt", 0, "telefon")`` -> ``2. Angebot › 1. Kontakt › telefon``;
    ``("angebote", 0, "themen", 1)`` -> ``1. Angebot › themen, 2. Eintrag``."""
    parts: list[str] = []
    for index, part in enumerate(path):
        if not isinstance(part, int):
            parts.append(shorten(str(part)))
        elif index and path[index - 1] in ITEM_NOUNS:
            parts[-1] = f"{part + 1}. {ITEM_NOUNS[path[index - 1]]}"
        elif parts:
            parts[-1] += f", {part + 1}. Eintrag"
        else:
            parts.append(f"{part + 1}. Eintrag")
    return SEPARATOR.join(parts)


def field_keys(name: str) -> list[str]:
    """The keys of a field as ``field_name`` wrote it: ``2. Angebot › 1. Kontakt › telefon``
    -> ``["angebote", "kontakt", "telefon"]``."""
    lists = {noun: key for key, noun in ITEM_NOUNS.items()}
    keys = []
    for part in name.split(SEPARATOR) if name else ():
        key = part.split(", ")[0]  # "themen, 2. Eintrag" is a place in the list "themen"
        number, _, noun = key.partition(". ")
        keys.append(lists.get(noun, key) if number.isdigit() else key)
    return keys


def summary(problems: Iterable[Problem]) -> str:
    problems = list(problems)
    files = len({p.path for p in problems})
    blocked = any(p.blocks_checks for p in problems)
    later = " Weitere Prüfungen folgen, wenn diese Fehler behoben sind." if blocked else ""
    if len(problems) == 1:
        return f"1 Problem gefunden.{later}"
    return f"{len(problems)} Probleme in {files} Datei{'en' if files != 1 else ''} gefunden.{later}"


def report(problems: Iterable[Problem]) -> str:
    """All problems, sorted by file and line, one per line."""
    return "\n".join(str(p) for p in sorted(problems))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(problems: Iterable[Problem], level: str = "error") -> str:
    """GitHub Actions workflow commands: one annotation (error or warning) at each file and line."""
    return "\n".join(
        f"::{level} file={_escape_property(p.path)},line={p.line},col={p.column},"
        f"title={_escape_property(p.field or 'Datei')}::{_escape_data(p.message)}"
        for p in sorted(problems)
    )


def markdown_summary(problems: Iterable[Problem]) -> str:
    """The complete report for the job summary (GitHub shows only 10 annotations per step)."""
    problems = sorted(problems)
    if not problems:
        return "## Prüfung der Einträge\n\nAlle Einträge sind in Ordnung.\n"
    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")
    rows = "\n".join(f"| `{cell(p.path)}` | {p.line} | `{cell(p.field or 'Datei')}` | {cell(p.message)} |"
                     for p in problems)
    return (f"## Prüfung der Einträge\n\n{summary(problems)} Bitte korrigieren Sie die Dateien.\n\n"
            f"| Datei | Zeile | Feld | Problem |\n| --- | --- | --- | --- |\n{rows}\n")


def json_report(problems: Iterable[Problem]) -> str:
    items = [{"datei": p.path, "zeile": p.line, "spalte": p.column, "feld": p.field, "meldung": p.message}
             for p in sorted(problems)]
    return json.dumps({"anzahl": len(items), "probleme": items}, ensure_ascii=False, indent=2)
