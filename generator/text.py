"""Text normalised for comparing, sorting, searching and naming: one place for all of it.

German and Czech text arrives in many spellings of the same thing: "Schlüssel" and
"Schluessel", "Ústí" and "Usti", an ü typed as u plus a combining mark, "Straße" and
"Strasse". Each purpose below needs its own folding, and each is defined once, here.
``fold`` must stay equal to ``fold`` in overrides/assets/javascripts/suchwoerter.js (a browser
test compares the two).
"""
from __future__ import annotations

import re
import functools
import unicodedata
from typing import Any

UMLAUTS = (("ß", "ss"), ("ä", "ae"), ("ö", "oe"), ("ü", "ue"))


def _without_marks(text: str) -> str:
    if text.isascii():  # most folded text by far, and nothing to decompose
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))


@functools.lru_cache(maxsize=1 << 14)  # the same names and terms are folded for every page that lists them
def fold(text: str) -> str:
    """For search: lower case, umlauts transliterated (ü -> ue, ß -> ss), so "Schlüssel"
    and "Schluessel" are one word; other accents dropped (Ústí -> usti)."""
    # NFC first, so an ü typed as u + combining diaeresis is an ü too.
    text = unicodedata.normalize("NFC", text).lower()
    for letter, spelled in UMLAUTS:
        text = text.replace(letter, spelled)
    return _without_marks(text)


def sort_key(text: Any) -> str:
    """German dictionary order (DIN 5007-1): umlauts sort with their base letter, case is
    ignored, ß is ss."""
    return _without_marks(str(text).replace("ß", "ss")).casefold()


def collapse_spaces(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def slug(text: str, max_length: int = 50) -> str:
    """A lower-case id from a name: "Caritas Aue-Schwarzenberg" -> "caritas-aue-schwarzenberg"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:max_length].strip("-") or "eintrag"
