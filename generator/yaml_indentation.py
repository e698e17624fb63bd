"""Which line's indentation fits none of the levels above it, and where it belongs.

libyaml reports one space too many or too few as a colon "where none may stand" or a list
"whose indentation is wrong", without saying which field is out of line or by how much.
Fields that belong together start in the same column; a line's field may start in the
column of any field that is still open above it, or deeper, below a field that ends in
a colon. A line that does neither is out of line, and the nearest open column is
almost always what was meant.

This reads lines, not YAML: it is asked only for a text libyaml refused, about the line
libyaml stopped at, so its guesses never refuse a file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .problems import shorten
from .yaml_rules import MAX_FIXED

# A line that begins a field ("name:"), a list item ("- ", "- name:"), or both.
STRUCTURE = re.compile(r"^(?P<indent> *)(?P<dashes>(?:-(?: +|$))*)(?P<key>[^\s#'\"\[\]{}|>&*!%@`-][^:#]*?:(?= |$))?"
                       r"(?P<rest>.*)$")
FIELD_NAME_FIRST = re.compile(r"[a-z_][a-z0-9_]*( |$)")
FIELD_NAME = re.compile(r"[a-z_][a-z0-9_]*")  # as our fields are named; "Montag" is a text's word
BLOCK_TEXT = re.compile(r"[|>][0-9+-]*\s*(#.*)?$")

Finding = tuple[str, int, int]


@dataclass
class _Level:
    column: int
    line: int  # 0-based line where this column was first used
    name: str  # the field's name, or "-" for a list item


def out_of_line(text: str, near: set[int]) -> Finding | None:
    """The first line in ``near`` (0-based line numbers) whose field or list item starts
    in no open column, as (message, line, column), 0-based; else None."""
    lines = text.split("\n")
    open_levels: list[_Level] = []
    opens_block = True  # the line before ended in "name:" or "-": a deeper column may start
    deeper: tuple[int, bool] | None = None  # a value that may go on in deeper lines: (column, is "|" text)
    text_field: _Level | None = None  # the line before holds "name: a text" (no "|"): lines may belong to it
    for n, line in enumerate(lines):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith(("---", "...")) or line.lstrip().startswith(("? ", ": ", "&", "!", "*", "%")):
            return None  # a second document, a "? key", an anchor or tag: not a matter of indentation
        indent = len(line) - len(line.lstrip(" "))
        found = STRUCTURE.match(line)
        if deeper and indent > deeper[0]:
            if n in near and not deeper[1] and found and text_field and (found.group("dashes") or (
                    found.group("key") and not FIELD_NAME.fullmatch(found.group("key")[:-1].strip()))):
                # A bulleted list, or "Montag: 9 bis 12 Uhr", under "name: a text": text, not fields.
                return _text_over_lines(lines, n, text_field)
            # "strasse: x" and, one space deeper, "plz: 1" reads as the text "x plz" and a colon
            if n in near and not deeper[1] and found and found.group("key"):
                return _finding(lines, n, _columns(found)[0], open_levels)
            continue
        deeper = None
        if not found or not (found.group("dashes") or found.group("key")):
            # The text's next line, at the start of the line; "kurzname BTZ" lacks its colon instead.
            if n in near and text_field and not FIELD_NAME_FIRST.match(line.strip()):
                return _text_over_lines(lines, n, text_field)
            if n in near or not opens_block:
                return None  # a value running on over lines: nothing to judge
            deeper = (indent - 1, False)
            continue
        columns = _columns(found)
        column, name = columns[0]
        if not (opens_block and column > (open_levels[-1].column if open_levels else -1)
                or opens_block and name == "-" and open_levels and column == open_levels[-1].column
                or any(level.column == column and (level.name == "-") == (name == "-") for level in open_levels)):
            if n in near and text_field and name == "-" and column >= text_field.column:
                return _text_over_lines(lines, n, text_field)
            return _finding(lines, n, columns[0], open_levels) if n in near else None
        while open_levels and open_levels[-1].column >= column and not (
                open_levels[-1].column == column and name == "-" and open_levels[-1].name != "-"):
            open_levels.pop()
        open_levels += [_Level(at, n, named) for at, named in columns]
        rest = found.group("rest").strip()
        opens_block = not rest or rest.startswith(("#", "&", "!"))
        text_field = None
        if not opens_block:
            # Deeper lines go on with the value; in a "|" text or an open [list] they may hold anything.
            deeper = (columns[-1][0], bool(BLOCK_TEXT.match(rest)) or _open_bracket(rest))
            if found.group("key") and not deeper[1] and not rest.startswith(("[", "{")):
                text_field = open_levels[-1]
    return None


def _text_over_lines(lines: list[str], n: int, field: _Level) -> Finding:
    """A text typed over several lines without "|": the next line at the start of the
    line, or a bulleted list below it, which YAML reads as fields or list items."""
    return (f"Diese Zeile gehört wohl zum Text von „{shorten(field.name, 40)}“ in Zeile {field.line + 1}. Für einen "
            f"Text über mehrere Zeilen schreiben Sie „{shorten(field.name, 40)}: |“ (ohne Anführungszeichen) und "
            f"darunter jede Zeile des Textes mit {field.column + 2} Leerzeichen davor.", n,
            len(lines[n]) - len(lines[n].lstrip(" ")))


def _open_bracket(value: str) -> bool:
    return value.startswith(("[", "{")) and value.count(value[0]) > value.count("]" if value[0] == "[" else "}")


def _columns(found: re.Match) -> list[tuple[int, str]]:
    """Where each dash and the field name of a line start: "  - name:" -> (2, "-"), (4, "name")."""
    column = len(found.group("indent"))
    columns = []
    for dash in re.finditer(r"-( +|$)", found.group("dashes")):
        columns.append((column + dash.start(), "-"))
    if found.group("key"):
        columns.append((column + len(found.group("dashes")), found.group("key")[:-1].strip()))
    return columns


def _finding(lines: list[str], n: int, first: tuple[int, str], open_levels: list[_Level]) -> Finding | None:
    column, name = first
    same_kind = [level for level in open_levels if (level.name == "-") == (name == "-")]
    if not same_kind:
        return None
    target = min(reversed(same_kind), key=lambda level: abs(level.column - column))
    shift = column - target.column
    spaces = f"{abs(shift)} Leerzeichen" if abs(shift) != 1 else "ein Leerzeichen"
    what = "Der Listenpunkt („- “)" if name == "-" else f"Das Feld „{shorten(name, 40)}“"
    below = "dem „-“" if target.name == "-" else f"„{shorten(target.name, 40)}“"
    spaces_before = f"mit {target.column} Leerzeichen davor" if target.column else "ganz am Zeilenanfang"
    return (f"{what} ist um {spaces} zu {'weit' if shift > 0 else 'wenig'} eingerückt. Die Zeile muss genau "
            f"unter {below} in Zeile {target.line + 1} beginnen, also {spaces_before}: "
            f"{shorten(lines[n].strip(), MAX_FIXED)}", n, column)
