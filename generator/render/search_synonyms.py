"""The search's synonyms (generator/synonyms.py) as suchwoerter.js reads them from the
manifest: one row per entry, ``[everyday phrases, phrases found, filter values]``.

Phrases are the query words they stand for, joined by a space, taken apart the way the
browser takes a query apart (``search_words.query_words``: folded, without the site's stop
words), so "Hartz IV" is "hartz iv" and "Grundsicherung für Arbeitsuchende" is
"grundsicherung arbeitsuchende". A filter value is ``key=value`` of a facet, as suche.js
names its filter sets ("thema=sucht"). The whole list is a few kilobytes and sits in the
manifest: every query may need it, and it would not pay to load it in pieces.
"""
from __future__ import annotations

from ..synonyms import Synonym
from .search_words import query_words


def synonym_rows(synonyms: tuple[Synonym, ...], stop: frozenset[str], keys: dict[str, str]) -> list[list[list[str]]]:
    """``keys``: the filter of each vocabulary (search_index.facet_keys)."""
    rows = []
    for synonym in synonyms:
        typed = _phrases(synonym.words, stop)
        found = _phrases(synonym.finds, stop)
        values = [f"{keys[vocabulary]}={term}" for vocabulary, term in synonym.terms]
        if typed and (found or values):  # a phrase of stop words only says nothing on this site
            rows.append([typed, found, values])
    return rows


def _phrases(texts: tuple[str, ...], stop: frozenset[str]) -> list[str]:
    return list(dict.fromkeys(phrase for phrase in (" ".join(query_words(t, stop)) for t in texts) if phrase))
