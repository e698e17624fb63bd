"""Text analysis for the search: which words of a text are indexed, which word ends
of German compounds are worth splitting off ("Suchtberatung" is also found as
"beratung"), and which endings a query word loses in each language. Folding (umlauts,
accents, case) is ``text.fold``, shared with the rest of the code and with suche.js."""
from __future__ import annotations

import re
import unicodedata

from ..text import fold

STOPWORDS = frozenset("""
aber alle als am an auch auf aus bei beim bis da das dass dem den der des die dies diese
dieser durch ein eine einem einen einer eines es fuer gibt hat haben ich ihr ihre im in
ist ja kann koennen man mit nach nicht noch nur oder ohne sich sie sind so ueber um und
uns unter vom von vor was wer wie wir wird zu zum zur
""".split())  # noqa: SIM905 (a word list reads better as text)
# The Czech and English sites index their own texts and the German ones (their fall back),
# so their stop words are added to the German ones. Folded, like every indexed word.
OTHER_STOPWORDS = {
    "cs": frozenset("""
a aby ale ani ano by byl byla bylo co do i jak jako je jeho jej jeji jsem jsme jsou k kde
kdo ke ktera ktere ktery na nad nebo neni o od po pod pro proto s se si sve ta tak take
te tedy ten to tu u v ve z za ze
""".split()),  # noqa: SIM905
    "en": frozenset("""
a an and are as at be by can do for from has have how i if in is it its me my no not of
on or our so than that the their there they this to us was we what when where who will
with you your
""".split()),  # noqa: SIM905
}
# Word endings the browser takes off a query word before it looks for index words that
# begin with the rest ("drogy" -> drog finds "drogová", "Schulden" -> schuld finds
# "Schuldnerberatung"), longest first; the rest keeps at least MIN_STEM letters. Czech
# bends nouns and adjectives by case: these are the case endings of the light Czech
# stemmer of Dolamic and Savoy (2009), folded, and a few endings that make nouns of the
# same root ("poradna", "poradenství"; "závislost", "závislý").
ENDINGS = {
    "de": ("ern", "em", "en", "er", "es", "e", "n", "s"),
    "cs": ("atech", "etem", "atum", "osti", "ach", "ata", "aty", "ech", "eho", "emi", "emu", "ete", "eti",
           "ich", "iho", "imi", "imu", "ama", "ami", "ost", "ove", "ovi", "ych", "ymi", "am", "at",
           "em", "es", "im", "mi", "na", "os", "ou", "um", "us", "ym", "a", "e", "i", "o", "u", "y"),
    "en": ("ies", "ing", "es", "ed", "s"),
}
# Czech roots are short ("romové" -> rom); a stem of three letters finds only words at
# most SHORT_STEM_REACH letters longer (suche.js), so "rom" is not "Romantik".
MIN_STEM = {"de": 4, "cs": 3, "en": 4}
SHORT_STEM_REACH = 3
# Words that say what kind of help is wanted, not what it is about ("help with debts",
# "pomoc s dluhy"): an offering need not contain them to be found, they only rank. German
# has none here: its records use "Hilfe" and "Beratung" everywhere. Folded.
WEAK_WORDS = {
    "de": (),
    "cs": ("pomoc", "pomoci", "sluzba", "sluzby", "sluzeb", "podpora", "podpory", "problem", "problemy",
           "poradna", "poradny", "poradenstvi", "informace"),
    "en": ("help", "advice", "support", "service", "services", "problem", "problems", "counselling",
           "counseling", "information", "office"),
}
# The words of social services that German names are made of, and what a Czech or English
# reader types for them: an untranslated "Suchtberatung Aue" is found as "závislost" and
# "addiction counselling" too. Keys are folded German word parts; one entry per meaning.
GLOSSARY = {
    "beratung": {"cs": "poradna poradenství", "en": "counselling advice"},
    "jobcenter": {"cs": "úřad práce jobcentrum", "en": "job centre jobcentre"},
    "sucht": {"cs": "závislost", "en": "addiction"},
    "drogen": {"cs": "drogy", "en": "drugs"},
    "alkohol": {"cs": "alkohol", "en": "alcohol"},
    "schuld": {"cs": "dluhy", "en": "debt debts"},
    "wohnungslos": {"cs": "bezdomovci bez domova", "en": "homeless homelessness"},
    "wohnungsnot": {"cs": "bezdomovci bytová nouze azylový dům", "en": "homeless"},
    "notunterkunft": {"cs": "azylový dům noclehárna", "en": "shelter"},
    "obdachlos": {"cs": "bezdomovci bez domova", "en": "homeless"},
    "fluecht": {"cs": "uprchlíci cizinci", "en": "refugees"},
    "migra": {"cs": "migranti cizinci", "en": "migrants migration foreigners"},
    "frauenhaus": {"cs": "azylový dům pro ženy", "en": "women's shelter refuge"},
    "gewalt": {"cs": "násilí", "en": "violence"},
    "behinderung": {"cs": "postižení", "en": "disability disabled"},
    "pflege": {"cs": "péče", "en": "care"},
    "familie": {"cs": "rodina rodiny", "en": "family families"},
    "kinder": {"cs": "děti", "en": "children"},
    "jugend": {"cs": "mládež", "en": "youth young people"},
    "sprach": {"cs": "jazyk", "en": "language"},
    "grundsicherung": {"cs": "základní zabezpečení", "en": "basic income support"},
    "buergergeld": {"cs": "dávky", "en": "benefits"},
}
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
# Typo tolerance in suchwoerter.js (from the manifest): a query word of TYPOS[0] letters or
# more that finds nothing as typed also finds index words one edit away (a letter missing,
# added, changed, or two neighbours swapped), from TYPOS[1] letters on two edits away.
TYPOS = (5, 9)


def stopwords(language: str) -> frozenset[str]:
    return STOPWORDS | OTHER_STOPWORDS.get(language, frozenset())


def stem(word: str, language: str) -> str:
    """What the browser looks up for a query word (suche.js does the same, from the manifest)."""
    for ending in ENDINGS[language]:
        if len(word) - len(ending) >= MIN_STEM[language] and word.endswith(ending):
            return word[: -len(ending)]
    return word


def glossary_words(text: str, language: str) -> str:
    """What a reader of ``language`` types for the German words of ``text`` (GLOSSARY)."""
    found = fold(text)
    return " ".join(words[language] for part, words in GLOSSARY.items() if part in found)


def words(text: str, stop: frozenset[str] = STOPWORDS) -> list[str]:
    """The different words of a text, in order of appearance, within the bounds above."""
    found = dict.fromkeys(w[:MAX_WORD_LENGTH] for w in re.findall(r"[a-z0-9]+", fold(text))
                          if len(w) > 1 and w not in stop)
    return list(found)[:MAX_WORDS_PER_FIELD]


def spellings(text: str) -> dict[str, str]:
    """Index words whose folded form hides how they are written ("gluecksspiel" ->
    "glücksspiel", "zavislost" -> "závislost"): what "Meinten Sie …?" shows."""
    found = {}
    for written in re.findall(r"[^\W_]+", unicodedata.normalize("NFC", text).lower()):
        folded = fold(written)
        if folded != written and re.fullmatch(r"[a-z0-9]+", folded) and len(folded) <= MAX_WORD_LENGTH:
            found.setdefault(folded, written)
    return found


def query_words(text: str, stop: frozenset[str]) -> list[str]:
    """The words of a query as suche.js takes them (queryWords in suchwoerter.js): every
    word of two letters or more that is not a stop word, in order, cut like the index's."""
    return [w[:MAX_WORD_LENGTH] for w in re.findall(r"[a-z0-9]+", fold(text)) if len(w) > 1 and w not in stop]


def compound_parts(word: str, known: frozenset[str] | set[str]) -> list[str]:
    """Known words a compound ends with: "suchtberatungsstelle" -> beratungsstelle, stelle."""
    return [word[i:] for i in range(MIN_PART, len(word) - MIN_PART) if word[i:] in known]
