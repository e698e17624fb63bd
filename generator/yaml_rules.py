"""What libyaml lets through but a provider's file must not hold.

libyaml accepts a few texts the YAML specification rejects, and some valid YAML loses part
of a value without a word: ``strasse: Beispielweg 3 #Hinterhaus`` is "Beispielweg 3", and
``name: "Beratung`` without its closing quote swallows the next line (``kurzname``
disappears into the name). The official yaml-test-suite showed which
(``benchmarks/yaml_test_suite.py`` runs it); the rules below refuse them all, each with what
happened and what to do. They are stricter than YAML where our files never need more: no
tab before the text of a line, no quoted text or [list] running on at the start of a line,
no ``#`` straight after a value, no ``?`` keys, no ``%`` directives, no empty ``|`` texts.

``problem(text, events)`` runs on a text libyaml parsed (``events``), and returns the
first rule broken as (message, line, column), 0-based like libyaml's marks, or None.
"""
from __future__ import annotations

import re

import yaml

from .problems import shorten

TAB_BEFORE_TEXT = re.compile(r"^[ \t]*\t", re.MULTILINE)
# Characters libyaml takes for line breaks (U+0085, U+2028, U+2029) or that stand invisibly
# mid-file (a byte order mark): the next line's problem would be reported instead.
ODD_BREAKS = re.compile("[\u0085\u2028\u2029\ufeff]")
# A space that looks like a space but is none, where YAML needs a real one: after the colon
# of a field name, or in the indentation. Word processors and web pages put them there.
ODD_SPACE = re.compile(r"^[ ]*(?:- )*(?:[^\s:#'\"][^:#]*:)?([\u00a0\u2007\u202f\u3000])", re.MULTILINE)
# A whole value in a word processor's quotation marks: YAML does not know them as quotes, so
# they would be published, and a colon inside still breaks the line.
CURLY_QUOTED = re.compile(r"^[ ]*(?:- )*([A-Za-z_][\w-]*:[ ]+)([„“”‚‘’«»])([^„“”‚‘’«»\n]*)([“”‘’«»])[ ]*$",
                          re.MULTILINE)
SPACE_NAMES = {"\u00a0": "geschütztes Leerzeichen", "\u2007": "Ziffernleerzeichen",
               "\u202f": "schmales geschütztes Leerzeichen", "\u3000": "breites Leerzeichen"}
BREAK_NAMES = {"\u0085": "Zeilenende-Zeichen", "\u2028": "Zeilentrenner", "\u2029": "Absatztrenner",
               "\ufeff": "Byte-Order-Mark"}
BLOCK_HEADER = re.compile(r"[|>]([1-9][+-]?|[+-][1-9]?)?([ \t]+#.*|[ \t]*)$")
INDICATORS = ("-", "?", ":")
# A "#" line in a "|" text is text (a Markdown heading), but one with a note to the editor in
# it was meant as a comment and must not be published.
NOTE_TO_SELF = re.compile(r"^\s*#+\s*(TODO|FIXME|XXX|TBD|ToDo|Todo|intern\b|Notiz\b|Kommentar\b|"
                          r"nicht veröffentlich|noch (?:prüfen|klären|ergänzen))", re.IGNORECASE)

# What was found, and where: message, line and column (0-based), and where the text it is
# about began if that is an earlier line.
Finding = tuple[str, int, int] | tuple[str, int, int, int]
# How long a corrected line in a message may be: cut short, it would lose text when pasted.
MAX_FIXED = 400
DIRECTIVE = "Zeilen, die mit % beginnen"


def in_the_text(text: str) -> Finding | None:
    """What must be found before libyaml reads the text, which would misread it: a tab in
    the indentation (some libyaml reads as indentation, some not), an invisible line break,
    a space that is no space where YAML needs one."""
    findings = []
    if tab := TAB_BEFORE_TEXT.search(text):
        findings.append((tab.end() - 1, "Vor dem Text dieser Zeile steht ein Tabulatorzeichen. Bitte "
                                        "rücken Sie nur mit Leerzeichen ein."))
    if odd := ODD_BREAKS.search(text):
        findings.append((odd.start(), f"Hier steht ein unsichtbares Zeichen (U+{ord(odd.group()):04X}, "
                                      f"{BREAK_NAMES[odd.group()]}), das YAML als Zeilenumbruch liest. "
                                      "Bitte löschen Sie es; am einfachsten tippen Sie die Zeile neu."))
    if space := ODD_SPACE.search(text):
        character = space.group(1)
        findings.append((space.start(1), f"Hier steht ein {SPACE_NAMES[character]} (U+{ord(character):04X}) "
                                         "statt eines normalen Leerzeichens; YAML erkennt es nicht. Bitte "
                                         "löschen Sie es und tippen Sie ein normales Leerzeichen."))
    if dash := _dash_without_space(text):
        findings.append(dash)
    if curly := CURLY_QUOTED.search(text):
        key, inner = curly.group(1).strip(), curly.group(3)
        straight = f"'{inner}'" if '"' in inner else f'"{inner}"'
        findings.append((curly.start(2), f"Der Wert steht in typografischen Anführungszeichen ({curly.group(2)}…"
                                         f"{curly.group(4)}) aus der Textverarbeitung. YAML kennt nur gerade "
                                         "Anführungszeichen; diese würden mitveröffentlicht. Schreiben Sie: "
                                         f"{key} {shorten(straight, MAX_FIXED)}"))
    if not findings:
        return None
    at, message = min(findings)
    line = text.count("\n", 0, at)
    return message, line, at - (text.rfind("\n", 0, at) + 1)


# A list item's dash as a word processor corrects it: "– id: hauptsitz".
TYPOGRAPHIC_DASH = re.compile(r"^( *)([\u2010-\u2015\u2212]) +(\S.*)$")
DASH_NAMES = {"\u2013": "Gedankenstrich", "\u2014": "langer Gedankenstrich", "\u2212": "Minuszeichen"}
DASH_NAMES.update({c: "typografischer Strich" for c in "\u2010\u2011\u2012\u2015"})
DASH_WITHOUT_SPACE = re.compile(r"^( *)-([A-Za-z_][\w-]*:(?: .*)?)$")
BLOCK_TEXT_START = re.compile(r"^( *)(?:- )*[^#\s][^:#]*:[ ]+[|>][-+0-9]*[ ]*(?:#.*)?$")


def _dash_without_space(text: str) -> tuple[int, str] | None:
    """``-id: hauptsitz`` is a field named "-id", not a list item: "- id: hauptsitz"; nor is
    ``– id: hauptsitz``, with a dash a word processor put in."""
    text_deeper_than = None  # inside a "|" text, where a line may be anything
    at = 0
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if text_deeper_than is not None and (not line.strip() or indent > text_deeper_than):
            at += len(line) + 1
            continue
        text_deeper_than = None
        if block := BLOCK_TEXT_START.match(line):
            text_deeper_than = len(block.group(1))
        elif typographic := TYPOGRAPHIC_DASH.match(line):
            character = typographic.group(2)
            return at + len(typographic.group(1)), (
                f"Hier steht ein {DASH_NAMES[character]} „{character}“ (U+{ord(character):04X}) statt des "
                "Bindestrichs „-“, an dem YAML einen Listenpunkt erkennt; Textverarbeitungen setzen ihn von "
                "selbst. Schreiben Sie: - " + shorten(typographic.group(3).strip(), MAX_FIXED))
        elif dash := DASH_WITHOUT_SPACE.match(line):
            return at + len(dash.group(1)) + 1, (
                "Nach dem Strich „-“ fehlt ein Leerzeichen; ohne es ist „-" + shorten(dash.group(2).split(":")[0], 40)
                + "“ ein Feldname und kein Listenpunkt. Schreiben Sie: - " + shorten(dash.group(2).strip(), MAX_FIXED))
        at += len(line) + 1
    return None


def problem(text: str, events: list) -> Finding | None:
    lines = text.split("\n")
    return _events(lines, events) or _comments(lines, events)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _runs_on(lines: list[str], start, end) -> int | None:
    """The first line after ``start``'s that is not indented deeper than it, up to ``end``."""
    return next((n for n in range(start.line + 1, min(end.line, len(lines) - 1) + 1)
                 if lines[n].strip() and _indent(lines[n]) <= _indent(lines[start.line])), None)


def _events(lines: list[str], events: list) -> Finding | None:
    open_collections = []
    for event in events:
        if isinstance(event, yaml.DocumentStartEvent) and (event.version or event.tags):
            return (f"{DIRECTIVE} (YAML-Direktiven), sind in Einträgen nicht erlaubt. "
                    "Bitte löschen Sie die Zeile.", event.start_mark.line, 0)
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            open_collections.append(event)
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            start = open_collections.pop()
            if start.flow_style and (line := _runs_on(lines, start.start_mark, event.end_mark)) is not None:
                return (f"Die Liste in Klammern, die in Zeile {start.start_mark.line + 1} beginnt, geht "
                        "hier weiter, ohne eingerückt zu sein. Bitte schreiben Sie sie in eine Zeile, "
                        "oder fehlt eine schließende Klammer?", line, _indent(lines[line]), start.start_mark.line)
        if isinstance(event, (yaml.ScalarEvent, yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            mark = event.start_mark
            if lines[mark.line][:mark.column].rstrip().endswith("?") or (
                    isinstance(event, yaml.MappingStartEvent) and lines[mark.line][mark.column:].startswith("?")):
                return ("Ein Fragezeichen vor einem Feld ist in Einträgen nicht erlaubt. Gehört es zum "
                        "Text, setzen Sie den Text in Anführungszeichen.", mark.line, mark.column)
        if isinstance(event, yaml.ScalarEvent) and (found := _scalar(lines, event)):
            return found
    return None


def quote_running_on(text: str, parser) -> Finding | None:
    """For a text libyaml refused: a quoted text before the place it stopped that ran on
    into following lines. An unclosed quote is the mistake there, not what libyaml found
    many lines below, where a later quote happened to close it."""
    lines = text.split("\n")
    try:
        for token in yaml.scan(text, Loader=parser):
            if isinstance(token, yaml.ScalarToken) and (found := _quoted(lines, token)):
                return found
    except yaml.YAMLError:
        pass
    return None


def _quoted(lines: list[str], scalar) -> Finding | None:
    start, end = scalar.start_mark, scalar.end_mark
    if scalar.style not in ('"', "'") or (line := _runs_on(lines, start, end)) is None:
        return None
    return (f"Der Text in Anführungszeichen, der in Zeile {start.line + 1} beginnt, geht bis Zeile "
            f"{end.line + 1} weiter; dabei ist diese Zeile Teil des Textes geworden: "
            f"„{shorten(lines[line].strip())}“. Fehlt in Zeile {start.line + 1} das schließende "
            "Anführungszeichen?", start.line, start.column)


def _scalar(lines: list[str], event) -> Finding | None:
    start, end = event.start_mark, event.end_mark
    if event.style in ('"', "'"):
        return _quoted(lines, event)
    elif event.style in ("|", ">"):
        if not BLOCK_HEADER.match(lines[start.line][start.column:]):
            return ("Nach „|“ oder „>“ darf in derselben Zeile nur ein Kommentar mit Leerzeichen "
                    "davor stehen. Bitte schreiben Sie den Text in die folgenden Zeilen.",
                    start.line, start.column)
        if not event.value.strip():
            return ("Nach „|“ oder „>“ folgt kein Text. Bitte schreiben Sie den Text eingerückt in die "
                    "folgenden Zeilen, oder löschen Sie das Feld.", start.line, start.column)
        for n in range(start.line + 1, min(end.line + 1, len(lines))):
            if NOTE_TO_SELF.match(lines[n]):
                return ("Diese Zeile sieht aus wie ein Kommentar, gehört aber zum Text darüber und würde "
                        "veröffentlicht: Innerhalb eines Textes nach „|“ oder „>“ ist „#“ kein Kommentar. "
                        "Schreiben Sie Notizen in eine eigene Zeile über dem Feld, oder löschen Sie die Zeile.",
                        n, _indent(lines[n]))
    elif start.line < end.line and (bullet := next((n for n in range(start.line + 1, min(end.line + 1, len(lines)))
                                                    if lines[n].lstrip().startswith(BULLETS)), None)):
        return _joined_bullet(lines, start, bullet, event.value)
    elif not event.value and event.implicit[0] and lines[start.line][start.column:].lstrip().startswith("#"):
        # "kurzname: # BTZ" is an empty field and a comment; the schema would only say "empty".
        before, comment = lines[start.line][:start.column].strip(), lines[start.line][start.column:].strip()
        quoted = "'" + comment.replace("'", "''") + "'" if '"' in comment else f'"{comment}"'
        return (f"Hinter „{shorten(before, 40)}“ steht nur ein Kommentar („{shorten(comment)}“), denn mit „ #“ "
                "beginnt in YAML ein Kommentar; das Feld ist also leer. Gehört der Text zum Wert, setzen Sie "
                f"ihn in Anführungszeichen: {shorten(before, 40)} {shorten(quoted, 80)}. Sonst löschen Sie die "
                "Zeile.", start.line, start.column + len(lines[start.line][start.column:]) -
                len(lines[start.line][start.column:].lstrip()))
    elif event.value in INDICATORS:
        return (f"Hier steht „{event.value}“ allein als Wert. Ist das gemeint, setzen Sie es in "
                f"Anführungszeichen: \"{event.value}\".", start.line, start.column)
    elif event.value and end.line < len(lines) and lines[end.line][end.column:].lstrip().startswith("#"):
        line = lines[end.line]
        cut = line[end.column:].strip()
        fixed = line[:start.column] + '"' + line[start.column:].rstrip().replace('"', '\\"') + '"' \
            if start.line == end.line else None
        return (f"Der Wert endet vor „{shorten(cut)}“: In YAML beginnt mit „ #“ ein Kommentar, der "
                "nicht übernommen wird. Gehört der Text zum Wert, setzen Sie den ganzen Wert in "
                "Anführungszeichen" + (f": {fixed.strip()}" if fixed else "") + ". Ein Kommentar gehört in "
                "eine eigene Zeile.", end.line, end.column + len(line[end.column:]) - len(line[end.column:].lstrip()))
    return None


BULLETS = ("- ", "• ", "* ", "– ", "· ")
KEY_BEFORE = re.compile(r"([^\s:#'\"-][^:#]*):\s*$")


def _joined_bullet(lines: list[str], start, n: int, value: str) -> Finding:
    """A text without "|" runs on over deeper lines, joined into one: a bulleted list in it
    loses its lines, and a list item indented deeper than the one before becomes its text."""
    before = lines[start.line][:start.column]
    if before.rstrip().endswith("-"):
        dash = before.rstrip().rfind("-")
        return (f"Diese Zeile ist tiefer eingerückt als der Listenpunkt in Zeile {start.line + 1} und wird darum an "
                f"dessen Text angehängt („{shorten(value)}“). Ist sie ein eigener Listenpunkt, beginnen Sie sie "
                f"genau unter dessen Strich, also mit {dash} Leerzeichen davor.", n, _indent(lines[n]), start.line)
    key = KEY_BEFORE.search(before)
    name = key.group(1).strip() if key else "…"
    return (f"Diese Aufzählung wird an den Text in Zeile {start.line + 1} angehängt und verliert ihre Zeilen "
            f"(„{shorten(value)}“). Für einen Text über mehrere Zeilen schreiben Sie „{shorten(name, 40)}: |“ und "
            f"darunter jede Zeile des Textes mit {_indent(lines[start.line]) + 2} Leerzeichen davor.",
            n, _indent(lines[n]), start.line)


def _comments(lines: list[str], events: list) -> Finding | None:
    """A ``#`` outside every value that follows a character: libyaml takes it as a comment
    (``"Beratung"# Sucht``), the specification does not."""
    values: dict[int, list[tuple[int, float]]] = {}
    for event in events:
        if isinstance(event, yaml.ScalarEvent):
            start, end = event.start_mark, event.end_mark
            for n in range(start.line, end.line + 1):
                values.setdefault(n, []).append((start.column if n == start.line else 0,
                                                 end.column if n == end.line else float("inf")))
    for n, line in enumerate(lines):
        for sign in re.finditer("#", line):
            column = sign.start()
            if any(a <= column < b for a, b in values.get(n, ())):
                continue  # a "#" inside a value
            if column and line[column - 1] not in " \t":
                return ("Direkt vor dem Zeichen # fehlt ein Leerzeichen. Soll hier ein Kommentar "
                        "beginnen, setzen Sie ein Leerzeichen davor; gehört das # zum Text, setzen "
                        "Sie den ganzen Text in Anführungszeichen.", n, column)
            break  # the rest of the line is a comment
    return None
