"""The languages of the site: German first, then a site each for Czech and English.

German is the language of the records, the vocabularies' first labels and the messages
in the code; Czech and English come from the records' ``cs:``/``en:`` texts, the
vocabularies' labels and the catalogues in ``locales/``.
"""
from __future__ import annotations

GERMAN = "de"
LANGUAGES = ("de", "cs", "en")  # the order of the language switch

# How each language calls itself, for the language switch: a visitor looks for the name
# they can read, so these are the same on every site and need no translation.
OWN_NAMES = {"de": "Deutsch", "cs": "Čeština", "en": "English"}
