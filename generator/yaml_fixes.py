"""For a text libyaml refused: the mistake a person most likely made, and the line as it
should be.

libyaml names where it stopped and what it expected ("could not find expected ':'"),
which is often a line after the mistake and never says how to fix it. Each function here
looks at the line libyaml named and, if it recognises a common slip, returns the message
with the corrected line as (message, line, column), 0-based; else None.
"""
from __future__ import annotations

import re

from .problems import shorten
from .yaml_rules import MAX_FIXED, Finding


KEY_WITHOUT_SPACE = re.compile(r"^(\s*(?:- )?[A-Za-z_][\w-]*):(\S.*)$")


def colon_without_space(text: str, line: int) -> Finding | None:
    """For a text libyaml refused at a missing ":" after a key it began at ``line``:
    ``name:Beratung`` is a key, a colon and a value without the space YAML needs."""
    lines = text.split("\n")
    found = KEY_WITHOUT_SPACE.match(lines[line]) if line < len(lines) else None
    if not found:
        return None
    key, value = found.groups()
    return (f"Nach dem Doppelpunkt hinter „{key.strip(' -')}“ fehlt ein Leerzeichen. Schreiben Sie: "
            f"{key.strip()}: {shorten(value.strip(), MAX_FIXED)}", line, len(key) + 1)


KEY_AND_VALUE = re.compile(r"^(\s*(?:- )*[^\s:#'\"\[\]{}-][^:#]*:[ ]+)([^\s\"'\[{|>#].*)$")


def colon_in_value(text: str, line: int, column: int) -> Finding | None:
    """For libyaml's "mapping values are not allowed" at ``column``: ``bezeichnung:
    Hauptsitz: Zwickau`` holds a second colon, which YAML takes for the start of a field."""
    lines = text.split("\n")
    found = KEY_AND_VALUE.match(lines[line]) if line < len(lines) else None
    if not found or column <= len(found.group(1)):
        return None
    key, value = found.group(1), found.group(2).strip()
    indent = len(key) - len(key.lstrip(" "))
    below = next((text for text in lines[line + 1:] if text.strip()), "")
    if len(below) - len(below.lstrip(" ")) > indent and not below.lstrip().startswith("#"):
        # "beschreibung: Unser Programm:" with the week's days below: a text over lines.
        name = key.strip().rstrip(":").lstrip("- ")
        return (f"Dieser Text geht über mehrere Zeilen und enthält Doppelpunkte, die YAML für neue Felder hält. "
                f"Schreiben Sie „{shorten(name, 40)}: |“ und darunter jede Zeile des Textes (auch diese) mit "
                f"{indent + 2} Leerzeichen davor.", line, column)
    quoted = "'" + value.replace("'", "''") + "'" if '"' in value else f'"{value}"'
    return ("In diesem Wert steht ein Doppelpunkt mit Leerzeichen (oder Zeilenende) danach; YAML hält das "
            "für den Beginn eines weiteren Feldes. Setzen Sie den ganzen Wert in Anführungszeichen"
            f": {key.strip()} {shorten(quoted, MAX_FIXED)}", line, column)


AFTER_CLOSING = re.compile(r"""^(\s*(?:- )?[\w-]+:[ ]+)("[^"]*"|'[^']*'|\[[^\]]*\]|\{[^}]*\})[ ]*([^\s#].*)$""")


def text_after_closing(text: str, line: int) -> Finding | None:
    """``kurzname: "Haus Sonnenschein" gGmbH``: a quoted text (or [list]) ends, and more
    text follows on the line, which libyaml reports as a matter of indentation."""
    lines = text.split("\n")
    found = AFTER_CLOSING.match(lines[line]) if line < len(lines) else None
    if not found:
        return None
    key, closed, _ = found.groups()
    whole = lines[line][len(key):].strip()  # as typed; quotes around all of it were meant as such
    if len(whole) > 1 and whole[0] == whole[-1] and whole[0] in "\"'":
        whole = whole[1:-1]
    quoted = "'" + whole.replace("'", "''") + "'" if '"' in whole else '"' + whole + '"'
    return ("Hinter dem schließenden Anführungszeichen (oder der Klammer) steht noch Text. Gehört er "
            f"zum Wert, setzen Sie den ganzen Wert in Anführungszeichen: {key.strip()} {shorten(quoted, MAX_FIXED)}",
            line, len(key) + len(closed))


def unclosed_flow(text: str, error) -> Finding | None:
    """For libyaml's "did not find expected ',' or ']'": the list began in the line of
    ``error.context_mark`` (``themen: [beratung, sucht``) and libyaml noticed only in a
    later line. Where the list stands alone in its line, the line with the bracket added."""
    closing = {"while parsing a flow sequence": "]", "while parsing a flow mapping": "}"}.get(error.context or "")
    if not closing or not error.context_mark:
        return None
    line, column = error.context_mark.line, error.context_mark.column
    typed = text.split("\n")[line]
    what = "Die Liste in eckigen Klammern" if closing == "]" else "Die Angabe in geschweiften Klammern"
    message = f"{what}, die hier beginnt, wird nicht geschlossen: Es fehlt „{closing}“ an ihrem Ende."
    if "#" not in typed and typed[column:].count(typed[column]) == 1 and closing not in typed[column:]:
        message += f" Schreiben Sie: {shorten(typed.strip() + closing, MAX_FIXED)}"
    return message, line, column
