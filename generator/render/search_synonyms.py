"""The search's synonyms (generator/synonyms.py) as suchwoerter.js reads them from the
manifest: one row per entry, ``[everyday phrases, phrases found, filter values]`` and, where
folding hides how an everyday phrase is written, ``{phrase: as written}`` ("hazardni hry":
"hazardní hry"), for the suggestions of an empty result.

Phrases are the query words they stand for, joined by a space, taken apart the way the
browser takes a query apart (``search_words.query_words``: folded, without the site's stop
words), so "Hartz IV" is "hartz iv" and "Grundsicherung für Arbeitsuchende" is
"grundsicherung arbeitsuchende". A filter value is ``key=value`` of a facet, as suche.js
names its filter sets ("thema=sucht"). The whole list is a few kilobytes and sits in the
manifest: every query may need it, and it would not pay to load it in pieces.
"""
from __future__ import annotations

import re
import unicodedata

from ..synonyms import Synonym
from ..text import fold
from .search_words import query_words


def synonym_rows(synonyms: tuple[Synonym, ...], stop: frozenset[str], keys: dict[str, str]) -> list[list[list[str]]]:
    """``keys``: the filter of each vocabulary (search_index.facet_keys)."""
    rows = []
    for synonym in synonyms:
        typed = _phrases(synonym.words, stop)
        found = _phrases(synonym.finds, stop)
        values = [f"{keys[vocabulary]}={term}" for vocabulary, term in synonym.terms]
        if typed and (found or values):  # a phrase of stop words only says nothing on this site
            written = _written(synonym.words, typed, stop)
            rows.append([typed, found, values, *([written] if written else [])])
    return rows


def _written(texts: tuple[str, ...], phrases: list[str], stop: frozenset[str]) -> dict[str, str]:
    """The words of each phrase as written, where that differs from the phrase: taken apart
    like a query, but not folded ("Hilfe für Spieler" -> "hilfe spieler")."""
    found = {}
    for text in texts:
        kept = [word for word in re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).lower())
                if len(fold(word)) > 1 and fold(word) not in stop]
        phrase = " ".join(query_words(text, stop))
        if phrase in phrases and " ".join(fold(word) for word in kept) == phrase != " ".join(kept):
            found.setdefault(phrase, " ".join(kept))
    return found


def _phrases(texts: tuple[str, ...], stop: frozenset[str]) -> list[str]:
    return list(dict.fromkeys(phrase for phrase in (" ".join(query_words(t, stop)) for t in texts) if phrase))
