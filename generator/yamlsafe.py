"""A strict YAML loader for provider files.

YAML 1.1 turns ``plz: 01067`` into 567, ``land: NO`` into False and ``10:30`` into 630,
keeps the last of two equal keys without a word and expands a few hundred bytes of
aliases into millions of nodes. So this loader keeps every scalar a string (the schema
types values later), rejects duplicate keys, anchors, aliases and tags, and caps size and
depth. It builds values straight from parser events, remembering where each value stood,
so that every later problem can name its line and column.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from . import yaml_fixes, yaml_indentation, yaml_messages, yaml_rules
from .problems import Problem, display_path, field_name, shorten

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 12
CACHED_LEVELS = 2  # the positions a cached copy keeps: a record's fields and its offerings

# One parser on every machine: PyYAML's own Python parser gives other verdicts on 25 of the
# yaml-test-suite's 402 cases, so the same file could pass here and fail there. PyYAML's
# wheels bring libyaml; yaml_rules refuses what libyaml lets through.
Parser = getattr(yaml, "CSafeLoader", None)
WITHOUT_LIBYAML = ("Diese Installation von PyYAML bringt libyaml nicht mit, ohne das Wegweiser keine Datei "
                   "liest (sonst könnte dieselbe Datei hier anders beurteilt werden als anderswo). Bitte "
                   "installieren Sie neu: make install (oder pip install --force-reinstall pyyaml).")


class DocumentError(Exception):
    def __init__(self, message: str, mark: Any = None, path: tuple = (), *, from_line: int | None = None,
                 with_siblings: bool = False, last: bool = False):
        super().__init__(message)
        self.message = message
        self.mark = mark
        self.path = path
        # For reading on after it: the line (0-based) where what it is about began, whether it
        # repeats in the lines after it, or whether nothing after it can be read as meant.
        self.from_line = mark.line if from_line is None and mark else from_line
        self.with_siblings = with_siblings
        self.last = last
        self.more: list[DocumentError] = []  # the mistakes after this one


@dataclass(frozen=True)
class Document:
    """One loaded file: its data (strings, lists, dicts) and where each value stood."""

    path: Path
    data: Any
    positions: dict[tuple, tuple[int, int]] = field(repr=False, compare=False)
    key_positions: dict[tuple, tuple[int, int]] = field(repr=False, compare=False, default_factory=dict)
    # A file from the build's cache (checked_files) keeps only the positions of its first two
    # levels (an offering's line); a problem deeper down, which is rare, reads the file again.
    shallow: bool = field(repr=False, compare=False, default=False)

    def position(self, path: tuple, *, key: bool = False) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``path``, or of its nearest parent."""
        path = tuple(path)
        if self.shallow and path not in (self.key_positions if key else self.positions):
            self._read_positions()
        if key and path in self.key_positions:
            return self.key_positions[path]
        while path not in self.positions and path:
            path = path[:-1]
        return self.positions.get(path, (1, 1))

    def _read_positions(self) -> None:
        try:
            again = parse(self.path.read_text(encoding="utf-8-sig"), self.path)
        except (OSError, UnicodeDecodeError, DocumentError):
            again = None
        if again is not None and again.data == self.data:  # else changed since: the shallow line, not a wrong one
            object.__setattr__(self, "positions", again.positions)
            object.__setattr__(self, "key_positions", again.key_positions)
        object.__setattr__(self, "shallow", False)

    def first_levels(self) -> tuple[dict, dict]:
        """The positions a cached copy keeps (see ``shallow``)."""
        return ({path: at for path, at in self.positions.items() if len(path) <= CACHED_LEVELS},
                {path: at for path, at in self.key_positions.items() if len(path) <= CACHED_LEVELS})

    def problem(self, path: tuple, message: str, *, key: bool = False) -> Problem:
        line, column = self.position(path, key=key)
        return Problem(display_path(self.path), line, column, field_name(path), message)


def _position(mark: Any) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1)


class _EventReader:
    def __init__(self, events):
        self.events = iter(events)
        self.positions: dict[tuple, tuple[int, int]] = {}
        self.key_positions: dict[tuple, tuple[int, int]] = {}

    def next(self):
        return next(self.events)

    def value(self, event, path: tuple) -> Any:
        if len(path) > MAX_DEPTH:
            raise DocumentError(
                f"Die Daten sind tiefer als {MAX_DEPTH} Ebenen verschachtelt. "
                "Bitte prüfen Sie die Einrückung.", event.start_mark, path, last=True)
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise DocumentError(
                "Anker und Verweise (& und *) sind in Einträgen nicht erlaubt. "
                "Bitte schreiben Sie den Wert aus.", event.start_mark, path)
        if getattr(event, "tag", None) is not None:
            raise DocumentError(
                f"Typangaben wie „{event.tag}“ sind nicht erlaubt. Bitte entfernen Sie sie.",
                event.start_mark, path)
        self.positions[path] = _position(event.start_mark)
        if isinstance(event, yaml.ScalarEvent):
            if event.value == "" and event.implicit[0]:
                return None  # an empty field: the schema reports it as empty
            return event.value
        if isinstance(event, yaml.SequenceStartEvent):
            items = []
            while not isinstance(child := self.next(), yaml.SequenceEndEvent):
                items.append(self.value(child, path + (len(items),)))
            return items
        if isinstance(event, yaml.MappingStartEvent):
            mapping: dict[str, Any] = {}
            while not isinstance(key_event := self.next(), yaml.MappingEndEvent):
                if not isinstance(key_event, yaml.ScalarEvent) or key_event.anchor or key_event.tag:
                    raise DocumentError(
                        "Ein Feldname muss ein einfacher Text sein.", key_event.start_mark, path)
                key = key_event.value
                if key in mapping:
                    first = self.key_positions[path + (key,)][0]
                    raise DocumentError(
                        f"Das Feld „{shorten(key)}“ steht hier zum zweiten Mal (zuerst in Zeile {first}). "
                        f"{_repeated(key, mapping, path, first)}", key_event.start_mark, path + (key,),
                        with_siblings=True)
                self.key_positions[path + (key,)] = _position(key_event.start_mark)
                mapping[key] = self.value(self.next(), path + (key,))
            return mapping
        raise DocumentError("Unerwarteter Inhalt.", event.start_mark, path)


# Fields a contact may need twice: a second number is a second contact, not a mistake.
CONTACT_WAYS = ("telefon", "email", "durchwahl")


def _repeated(key: str, mapping: dict, path: tuple, first: int) -> str:
    """What to do about a field that comes twice. Deleting one of them is the advice only
    where nothing is lost by it: a second id is usually a missing "- " (deleting it would
    lose an offering), a second list is to be joined with the first, a second phone number
    wants a contact of its own, and a file's first field again means the entry was pasted twice."""
    if not path and key == next(iter(mapping)):
        return (f"Ab hier steht der ganze Eintrag wohl ein zweites Mal (eingefügt oder kopiert). Bitte "
                f"vergleichen Sie ihn mit dem ersten ab Zeile {first}: Übernehmen Sie, was dort fehlt (ein "
                "Angebot gehört unter das erste „angebote:“, eine Adresse unter das erste „adressen:“), und "
                "löschen Sie dann den zweiten Teil.")
    if path and isinstance(path[-1], int) and key == next(iter(mapping)):
        return ("Beginnt hier ein neuer Listenpunkt, etwa ein weiteres Angebot oder eine weitere Adresse? Dann "
                "fehlt vor seinem ersten Feld „- “. Sonst vergleichen Sie beide Angaben und löschen Sie die "
                "überflüssige.")
    if isinstance(mapping[key], (list, dict)):
        return (f"Setzen Sie, was darunter steht, unter das erste „{shorten(key)}:“ in Zeile {first} (gleich weit "
                "eingerückt wie die Einträge dort) und löschen Sie dann diese Zeile. So geht nichts verloren.")
    if key in CONTACT_WAYS:
        return ("Ist es dieselbe Angabe, löschen Sie eine. Sind es zwei verschiedene (etwa Festnetz und Handy), "
                "legen Sie für die zweite einen eigenen Kontakt an: ein weiterer Listenpunkt unter „kontakt:“ "
                "mit „- rolle: …“ und der Angabe.")
    return "Bitte vergleichen Sie beide Angaben und löschen Sie die überflüssige."


def _mark(line: int, column: int) -> yaml.error.Mark:
    return yaml.error.Mark("", 0, line, column, None, None)


def _mistake(found: yaml_rules.Finding) -> DocumentError:
    message, line, column, *began = found
    return DocumentError(message, _mark(line, column), from_line=began[0] if began else None,
                         last=message.startswith(yaml_rules.DIRECTIVE))


# How many mistakes one file reports at most: enough for a first entry typed by hand.
MAX_MISTAKES = 10


def parse(text: str, path: Path) -> Document:
    """Parse one YAML text; raises DocumentError with a German message for the first
    mistake, and ``more`` for the ones after it."""
    if Parser is None:
        raise DocumentError(WITHOUT_LIBYAML)
    # Windows line ends are line ends: the rules below look at lines.
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.endswith("\n"):
        text += "\n"  # libyaml reads a last line without its line break differently
    mistakes: list[DocumentError] = []
    # libyaml stops at the first mistake. With that line (and what belongs to it) left out,
    # the rest is read again, so a provider learns of every independent mistake in one run;
    # a mistake in a line already named is a consequence of leaving out, and ends the search.
    named_lines: set[int] = set()
    while len(mistakes) < MAX_MISTAKES:
        try:
            document = _parse(text, path)
        except DocumentError as error:
            if mistakes and (error.mark is None or error.mark.line in named_lines):
                break
            named_lines.add(error.mark.line if error.mark else -1)
            # The same words about the same earlier line (a text's every line): once.
            if not (re.search(r"Zeile \d", error.message) and error.message in {m.message for m in mistakes}):
                mistakes.append(error)
            if error.mark is None or error.last:
                break
            text = _leave_out(text, error.from_line, error.mark.line, siblings=error.with_siblings)
        else:
            if not mistakes:
                return document
            break
    first, *more = sorted(mistakes, key=lambda mistake: _position(mistake.mark) if mistake.mark else (0, 0))
    first.more = more
    raise first


def _leave_out(text: str, first: int, line: int, *, siblings: bool) -> str:
    """The text with the lines ``first`` to ``line`` blank, and the lines that belong to
    them: the deeper ones after it, a ": value" for a "? key", and its siblings, for a
    field that came twice (a missing "- " repeats them all)."""
    lines = text.split("\n")
    first = min(first, line)
    if line >= len(lines):
        return text  # past the end: the same mistake comes again and ends the search
    # A list item's dash: the whole item; a tab: as deep as it looks, at most.
    indent = len(lines[first].expandtabs(8)) - len(lines[first].expandtabs(8).lstrip(" "))
    end = line + 1
    while end < len(lines) and (not lines[end].strip() or lines[end].lstrip().startswith(":") or
                                len(lines[end]) - len(lines[end].lstrip(" ")) + (0 if siblings else -1) >= indent):
        end += 1
    return "\n".join(lines[:first] + [""] * (end - first) + lines[end:])


def _parse(text: str, path: Path) -> Document:
    if found := yaml_rules.in_the_text(text):
        raise _mistake(found)
    try:
        events = list(yaml.parse(text, Loader=Parser))
    except yaml.MarkedYAMLError as error:
        missing_colon = bool(error.context_mark) and (error.problem or "").startswith("could not find expected ':'")
        near = {mark.line for mark in (error.problem_mark, error.context_mark) if mark}
        found = yaml_rules.quote_running_on(text, Parser) or (
            yaml_fixes.colon_without_space(text, error.context_mark.line) if missing_colon else None) or (
            yaml_fixes.text_after_closing(text, error.problem_mark.line) if error.problem_mark else None) or (
            yaml_fixes.colon_in_value(text, error.problem_mark.line, error.problem_mark.column)
            if (error.problem or "").startswith("mapping values are not allowed") else None) or (
            yaml_fixes.unclosed_flow(text, error)) or yaml_indentation.out_of_line(text, near)
        if found:
            raise _mistake(found) from None
        message, at_context = yaml_messages.german(error.problem, error.context)
        at_context = at_context or missing_colon  # the line of the key that lacks it, not the next
        raise DocumentError(message, error.context_mark if at_context else
                            error.problem_mark or error.context_mark) from None
    except yaml.reader.ReaderError as error:  # a character YAML does not allow, unmarked
        # libyaml counts bytes of UTF-8.
        before = text.encode("utf-8")[: error.position].decode("utf-8", "ignore")
        code = error.character if isinstance(error.character, int) else ord(str(error.character)[:1] or " ")
        raise DocumentError(
            f"Hier steht ein unsichtbares Steuerzeichen (U+{code:04X}), das in der Datei nicht "
            "erlaubt ist. Bitte löschen Sie es; am einfachsten tippen Sie die Zeile neu.",
            _mark(before.count("\n"), len(before) - (before.rfind("\n") + 1))) from None
    if found := yaml_rules.problem(text, events):
        raise _mistake(found)
    reader = _EventReader(events)
    try:
        reader.next()  # StreamStart
        event = reader.next()
        if isinstance(event, yaml.StreamEndEvent):
            raise DocumentError("Die Datei ist leer. Eine Vorlage mit Erklärungen schreibt „wegweiser new "
                                "ihre-kennung“; die Beispiele stehen auf der Seite „Mitmachen“. Oder löschen "
                                "Sie die Datei.")
        data = reader.value(reader.next(), ())
        reader.next()  # DocumentEnd
        event = reader.next()
        if not isinstance(event, yaml.StreamEndEvent):
            raise DocumentError(
                "Die Datei enthält mehr als ein Dokument (eine Zeile „---“ mitten in der "
                "Datei). Bitte legen Sie für jeden Eintrag eine eigene Datei an.",
                event.start_mark, last=True)
    except StopIteration:  # pragma: no cover - libyaml always ends a stream it accepted
        raise DocumentError("Die Datei ist unvollständig.") from None
    return Document(path, data, reader.positions, reader.key_positions)


def read(path: Path) -> tuple[bytes | None, list[Problem]]:
    """A file's bytes, or why they cannot be read."""
    try:
        return path.read_bytes(), []
    except OSError as error:
        return None, [Problem(display_path(path), 1, 1, "", f"Die Datei kann nicht gelesen werden ({error.strerror}).")]


def load(path: Path, raw: bytes | None = None) -> tuple[Document | None, list[Problem]]:
    """Load one provider file (from ``raw``, its bytes, where they were read already), or
    say in German why it cannot be read."""
    where = display_path(path)
    if raw is None:
        raw, problems = read(path)
        if raw is None:
            return None, problems
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(where, 1, 1, "", (
            f"Die Datei ist {len(raw) // 1024} KB groß; erlaubt sind höchstens "
            f"{MAX_FILE_BYTES // 1024} KB. Bitte kürzen Sie die Beschreibungen."))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [Problem(where, line, 1, "", (
            "Die Datei ist nicht in UTF-8 gespeichert. Bitte speichern Sie sie in Ihrem "
            "Editor mit der Kodierung „UTF-8“."))]
    if "\x00" in text:
        return None, [Problem(where, 1, 1, "", "Die Datei enthält Binärdaten und ist keine Textdatei.")]
    try:
        return parse(text, path), []
    except DocumentError as error:
        last = max(1, len(text.splitlines()))
        return None, [_problem(where, text, last, mistake) for mistake in [error, *error.more]]


def _problem(where: str, text: str, last: int, error: DocumentError) -> Problem:
    line, column = _position(error.mark) if error.mark else (1, 1)
    # The parser may point past the last line (a file without its final line break).
    line, column = (line, column) if line <= last else (last, len(text.splitlines()[-1] or " "))
    return Problem(where, line, column, field_name(error.path), error.message)
