"""The message catalogue: every sentence of the templates, listed for translators."""
from __future__ import annotations

from generator.render import catalogue


def test_the_committed_catalogue_template_is_the_one_the_templates_give():
    # After changing a template's sentences: python -m generator.render.catalogue
    assert catalogue.TEMPLATE_FILE.read_text(encoding="utf-8") == catalogue.template_text()


def test_the_catalogue_holds_the_sentences_of_every_kind_of_page():
    ids = {message.id if isinstance(message.id, str) else message.id[0] for message in catalogue.messages()
           if message.id}  # the first entry is the header
    for sentence in ("Karte laden", "Wonach suchen Sie?", "Beschreibung", "Alle Felder", "In einer akuten Notlage",
                     "Die Lage ist nur ungefähr bekannt (Ortsmitte).", "%(num)s Angebot"):
        assert sentence in ids
