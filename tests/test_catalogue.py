"""The message catalogue: every sentence of the templates, listed for translators."""
from __future__ import annotations

import re

import pytest

from generator.directory import Directory
from generator.freshness import Limits
from generator.render import catalogue, environment
from generator.settings import MapSettings
from generator.vocab import Term, Vocabulary


def test_the_committed_catalogue_template_is_the_one_the_templates_give():
    # After changing a template's sentences: python -m generator.render.catalogue
    assert catalogue.TEMPLATE_FILE.read_text(encoding="utf-8") == catalogue.template_text()


def test_the_catalogue_holds_the_sentences_of_every_kind_of_page():
    ids = {message.id if isinstance(message.id, str) else message.id[0] for message in catalogue.messages()
           if message.id}  # the first entry is the header
    for sentence in ("Karte laden", "Wonach suchen Sie?", "Beschreibung", "Alle Felder", "In einer akuten Notlage",
                     "Die Lage ist nur ungefähr bekannt (Ortsmitte).", "%(num)s Angebot"):
        assert sentence in ids


def _placeholders(text) -> list[str]:
    return sorted(re.findall(r"%\(\w+\)s", text))


@pytest.mark.parametrize("language", catalogue.LANGUAGES)
def test_every_message_is_translated_with_the_same_placeholders_and_all_plural_forms(language):
    wanted = {message.id: message for message in catalogue.messages() if message.id}
    translated = catalogue.read(language)
    missing, wrong = [], []
    for message_id, message in wanted.items():
        found = translated.get(message_id)
        strings = found.string if found else None
        if not strings or found.fuzzy or (isinstance(strings, tuple) and not all(strings)):
            missing.append(message_id)
            continue
        forms = strings if isinstance(strings, tuple) else (strings,)
        if message.pluralizable and len(forms) != translated.num_plurals:
            wrong.append((message_id, "Pluralformen"))
        original = message_id[0] if isinstance(message_id, tuple) else message_id
        wrong += [(message_id, form) for form in forms if _placeholders(form) != _placeholders(original)]
    assert missing == [] and wrong == []
    def singular(message_id):
        return message_id[0] if isinstance(message_id, tuple) else message_id

    unused = {singular(m.id) for m in translated if m.id} - {singular(message_id) for message_id in wanted}
    assert unused == set(), "messages no template uses any more"


def test_a_page_in_czech_takes_its_sentences_from_the_czech_catalogue():
    countries = Vocabulary("laender", {"CZ": Term("CZ", "Tschechien", "Česko", "Czechia")})
    env = environment.environment(Directory(), {"laender": countries}, Limits(), MapSettings(),
                                  catalogue.translations("cs"))
    template = env.from_string('{{ _("Beschreibung") }} · {{ ngettext("%(num)s Angebot", "%(num)s Angebote", 3) }}')
    assert template.render() == "Popis · 3 nabídky"
