"""Invisible characters in the values of a record, named with their code and place.

A right-to-left override (U+202E) makes "Beratung" appear as something else on the page; a
zero-width space in an id makes it a different id that looks the same; a line separator
written as an escape ("C:\\Pfad" in double quotes is "C:" and U+2029) breaks a line where
none is seen. None of them has a use in a directory entry, so each is refused where it
stands. Typographic ones that do have a use in text (no-break space in "e. V.", soft
hyphen, zero-width joiner) are refused only in values that are ids, references, e-mail or
web addresses apart from them.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Any, Iterator

from .problems import Problem
from .yamlsafe import Document

NAMES = {
    "\u061c": "arabisches Schreibrichtungszeichen", "\u200b": "Leerzeichen ohne Breite",
    "\u200e": "Schreibrichtungszeichen links-nach-rechts", "\u200f": "Schreibrichtungszeichen rechts-nach-links",
    "\u2028": "Zeilentrenner", "\u2029": "Absatztrenner", "\u2060": "Wortverbinder",
    "\ufeff": "Byte-Order-Mark", "\u00a0": "geschütztes Leerzeichen", "\u00ad": "weiches Trennzeichen",
    "\u200c": "Bindungsverhinderer", "\u200d": "Verbinder ohne Breite", "\u2007": "Ziffernleerzeichen",
    "\u202f": "schmales geschütztes Leerzeichen",
}
NEVER = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff]")
NOT_IN_IDS = re.compile("[\u00a0\u00ad\u200c\u200d\u2007\u202f]")
# Values that are names for machines: ids and references, e-mail and web addresses.
ID_LIKE = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*|[\w.%+-]+@[\w-]+(\.[\w-]+)*\.[a-z]{2,}|https://[\w.-]+\.[a-z]{2,}(/\S*)?")


def name(character: str) -> str:
    if character in NAMES:
        return NAMES[character]
    if "\u202a" <= character <= "\u202e" or "\u2066" <= character <= "\u2069":
        return "Steuerzeichen für die Schreibrichtung"
    return "Steuerzeichen" if unicodedata.category(character) == "Cc" else unicodedata.name(character, "Zeichen")


def problems(document: Document) -> list[Problem]:
    """One problem per value (or field name) that holds such a character, at its first one."""
    found = []
    for path, text, is_key in _strings(document.data, ()):
        hidden = NEVER.search(text)
        if hidden is None and ID_LIKE.fullmatch(NOT_IN_IDS.sub("", text)):
            hidden = NOT_IN_IDS.search(text)
        if hidden is None:
            continue
        character, at = hidden.group(), hidden.start()
        before = text[:at].rsplit("\n", 1)[-1][-20:]  # of its own line
        where = f"nach „{before}“" if before else "am Anfang einer Zeile" if at else "am Anfang"
        what = "Feldnamen" if is_key else "Wert"
        found.append(document.problem(path, (
            f"Im {what} steht ein unsichtbares Zeichen: U+{ord(character):04X} ({name(character)}), "
            f"das {at + 1}. Zeichen, {where}. Es lässt den Text anders aussehen, als er ist. Bitte "
            "löschen Sie es; am einfachsten tippen Sie den Wert neu."), key=is_key))
    return found


def _strings(value: Any, path: tuple) -> Iterator[tuple[tuple, str, bool]]:
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield path + (key,), str(key), True
            yield from _strings(item, path + (key,))
