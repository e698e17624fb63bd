"""Text analysis for the search: which words of a text are indexed, and which word ends
of German compounds are worth splitting off ("Suchtberatung" is also found as
"beratung"). Folding (umlauts, accents, case) is ``text.fold``, shared with the rest of
the code and with suche.js."""
from __future__ import annotations

import re

from ..text import fold

STOPWORDS = frozenset("""
aber alle als am an auch auf aus bei beim bis da das dass dem den der des die dies diese
dieser durch ein eine einem einen einer eines es fuer gibt hat haben ich ihr ihre im in
ist ja kann koennen man mit nach nicht noch nur oder ohne sich sie sind so ueber um und
uns unter vom von vor was wer wie wir wird zu zum zur
""".split())  # noqa: SIM905 (a word list reads better as text)
# Word parts that compounds in social services end with, known even if no record
# uses them on their own.
BASE_PARTS = frozenset("""
beratung hilfe hilfen dienst dienste stelle stellen gruppe gruppen angebot angebote
arbeit betreuung begleitung pflege wohnen schutz haus zentrum netz netzwerk kreis
sprache kurs kurse training therapie klinik ambulanz schule treff ort projekt helfer
""".split())  # noqa: SIM905 (a word list reads better as text)
# Bounds on what one record can put into the index, so no text (a 20,000-character run
# of one letter, thousands of invented words) can blow up the files or push real words
# out: longer words are cut (suche.js cuts the query the same way, from the manifest),
# and each field of an offering counts at most so many different words.
MAX_WORD_LENGTH = 40
MAX_WORDS_PER_FIELD = 1000
MIN_PART = 3  # letters a compound part and the rest in front of it have at least


def words(text: str) -> list[str]:
    """The different words of a text, in order of appearance, within the bounds above."""
    found = dict.fromkeys(w[:MAX_WORD_LENGTH] for w in re.findall(r"[a-z0-9]+", fold(text))
                          if len(w) > 1 and w not in STOPWORDS)
    return list(found)[:MAX_WORDS_PER_FIELD]


def compound_parts(word: str, known: frozenset[str] | set[str]) -> list[str]:
    """Known words a compound ends with: "suchtberatungsstelle" -> beratungsstelle, stelle."""
    return [word[i:] for i in range(MIN_PART, len(word) - MIN_PART) if word[i:] in known]
