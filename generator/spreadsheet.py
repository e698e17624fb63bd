"""Reading a spreadsheet (``wegweiser import TABELLE``): its rows, as the sheet counts them.

CSV (UTF-8, Windows-1252 as Excel writes it, or Excel's "Unicode-Text"; separated by
semicolons, commas or tabs, whichever the heading row uses) and XLSX (through openpyxl,
merged cells read as belonging to every row they cover). The headings may stand below a
title line; empty rows are passed over but counted, so that every message names the row
the person sees in Excel. What the columns mean is the mapping's (``import_table``).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .import_records import BadInput
from .schema_messages import suggestion

if TYPE_CHECKING:
    from .import_table import Mapping

SEPARATORS = (";", ",", "\t")
HEADING_SEARCH = 10  # rows in which the headings are looked for


@dataclass(frozen=True)
class Row:
    number: int  # as the spreadsheet counts: the heading is row 1
    cells: dict[str, str]  # field: the cell's text (the mapped fields only)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _csv_rows(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        # Excel's "Unicode-Text" is UTF-16 with its byte order mark, tab-separated.
        content = raw.decode("utf-16") if raw.startswith((b"\xff\xfe", b"\xfe\xff")) else raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="strict") if _is_cp1252(raw) else None
        if content is None:
            raise BadInput(f"{path}: Die Zeichenkodierung ist weder UTF-8 noch Windows-1252 (Excel). Bitte speichern "
                           "Sie die Tabelle als „CSV UTF-8“.") from None
    first_lines = content.split("\n", HEADING_SEARCH)[:HEADING_SEARCH]  # the headings may follow a title line
    separator = max(SEPARATORS, key=lambda sep: max(line.count(sep) for line in first_lines))
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=separator, strict=True)
    try:
        return [[cell.strip() for cell in row] for row in reader]
    except csv.Error:
        raise BadInput(f"{path}, Zeile {reader.line_num}: Die CSV-Datei ist fehlerhaft. Oft ist es ein "
                       "Anführungszeichen, das nicht geschlossen wird.") from None


def _is_cp1252(raw: bytes) -> bool:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _xlsx_rows(path: Path, sheet: str) -> list[list[str]]:
    import openpyxl  # noqa: PLC0415 (only a spreadsheet import needs it)
    from openpyxl.utils.exceptions import InvalidFileException  # noqa: PLC0415

    try:
        # Not read-only: only so does openpyxl know the merged cells.
        book = openpyxl.load_workbook(path, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError):
        raise BadInput(f"{path}: Die Datei lässt sich nicht als Excel-Tabelle (.xlsx) lesen. Ist es eine ältere "
                       ".xls-Datei oder eine andere Datei mit der Endung .xlsx? Speichern Sie die Tabelle in Excel "
                       "bitte als „Excel-Arbeitsmappe (.xlsx)“ oder als „CSV UTF-8“.") from None
    try:
        if sheet and sheet not in book.sheetnames:
            raise BadInput(f"{path}: Ein Blatt „{sheet}“ gibt es nicht.{suggestion(sheet, book.sheetnames)} "
                           f"Vorhanden: {', '.join(book.sheetnames)}.")
        table = book[sheet] if sheet else book.worksheets[0]
        rows = [[_cell(value) for value in row] for row in table.iter_rows(values_only=True)]
        # A cell merged over several rows (often the Träger of a provider's offerings)
        # holds its value in its first cell only; every row it covers means it. Merged over
        # columns, it is one wide cell of its first column (a description is no theme).
        for merged in table.merged_cells.ranges:
            value = rows[merged.min_row - 1][merged.min_col - 1]
            for row in rows[merged.min_row - 1:merged.max_row]:
                row[merged.min_col - 1] = value
        return rows
    finally:
        book.close()


def _heading_row(rows: list[tuple[int, list[str]]], mapping: Mapping) -> int:
    """Where the headings stand: of the first rows, the one with the most headings of the
    mapping (a list often has a title line or two above them, and some headings renamed)."""
    known = set(mapping.columns) | set(mapping.ignored)
    counts = [sum(cell in known for cell in row) for _, row in rows[:HEADING_SEARCH]]
    return counts.index(max(counts)) if max(counts) else 0


def _headings(path: Path, number: int, row: list[str], mapping: Mapping) -> list[str]:
    """The headings of a table, every heading the mapping does not know and every one it
    misses said at once."""
    headings = list(row)
    while headings and not headings[-1]:
        headings.pop()
    known = set(mapping.columns) | set(mapping.ignored)
    problems = []
    for column, heading in enumerate(headings, 1):
        if not heading:
            continue  # a column without heading (a table that starts in column B) holds nothing
        if heading not in known:
            problems.append(f"{path}, Zeile {number}, Spalte {column} („{heading}“): Diese Spalte steht nicht in der "
                            f"Zuordnung {mapping.path.name}.{suggestion(heading, mapping.columns)} Tragen Sie sie "
                            "unter „spalten“ ein, oder unter „ignorieren“, wenn sie nicht übernommen werden soll.")
        elif headings.count(heading) > 1 and headings.index(heading) < column - 1:
            problems.append(f"{path}, Zeile {number}, Spalte {column}: Die Überschrift „{heading}“ steht zweimal da.")
    problems += [f"{path}, Zeile {number}: Die Spalte „{heading}“ der Zuordnung fehlt in der Tabelle. Vorhanden "
                 f"sind: {', '.join(headings)}." for heading in mapping.columns if heading not in headings]
    if problems:
        raise BadInput("\n".join(problems))
    return headings


def read(path: Path, mapping: Mapping) -> list[Row]:
    """The rows of a table, each with the mapped fields' cells and its number as the
    spreadsheet counts (empty rows count, title rows above the headings are passed over);
    a heading that is neither mapped nor ignored, or a mapped heading the table lacks, is a
    ``BadInput``."""
    rows = _xlsx_rows(path, mapping.sheet) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    numbered = [(number, row) for number, row in enumerate(rows, 1) if any(row)]
    if not numbered:
        raise BadInput(f"{path}: Die Tabelle ist leer.")
    start = _heading_row(numbered, mapping)
    headings = _headings(path, numbered[start][0], numbered[start][1], mapping)
    found = []
    for number, row in numbered[start + 1:]:
        if len(row) > len(headings) and any(row[len(headings):]):
            raise BadInput(f"{path}, Zeile {number}, Spalte {len(headings) + 1}: Die Zeile hat mehr Zellen als die "
                           "Überschrift Spalten. Steht ein Trennzeichen zu viel in einer Zelle?")
        cells: dict[str, str] = {}
        for column, (heading, value) in enumerate(zip(headings, row, strict=False), 1):
            if value and not heading:
                raise BadInput(f"{path}, Zeile {number}, Spalte {column}: Hier steht „{value}“, aber die Spalte hat "
                               "keine Überschrift. Geben Sie ihr eine, und tragen Sie sie in die Zuordnung ein.")
            for name in mapping.columns.get(heading, ()):
                if value and not cells.get(name):
                    cells[name] = value
        found.append(Row(number, cells))
    return found
