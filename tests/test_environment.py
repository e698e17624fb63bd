"""The templates' helpers: plurals, links from the site map, front matter for MkDocs."""
from __future__ import annotations

import gettext
import re
from pathlib import Path

import jinja2
import pytest

from generator.render.environment import TEMPLATES, GeneratedPage, PageLinks
from generator.render.urls import SiteMap

OVERRIDES = Path(__file__).parents[1] / "overrides"


def visible_text(template: str) -> list[str]:
    """Text a template writes itself, outside tags, expressions, statements and comments."""
    attributes = re.findall(r'(?:aria-label|placeholder|title|alt)="([^"{]+)"', template)
    text = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}|<[^>]*>", "\n", template, flags=re.S)
    runs = [run.strip() for run in text.splitlines() + attributes]
    return [run for run in runs if re.search(r"[A-Za-zÄÖÜäöüß]{2,}", run)]


def test_no_template_writes_a_sentence_that_does_not_go_through_the_catalogue():
    # Ours, and the theme overrides, whose texts the plugin hands over from the catalogue.
    templates = [*TEMPLATES.glob("*.html"), *OVERRIDES.rglob("*.html")]
    untranslated = {path.name: visible_text(path.read_text(encoding="utf-8")) for path in templates}
    assert {name: runs for name, runs in untranslated.items() if runs} == {}


def test_messages_keep_their_markup_and_escape_the_values_put_in():
    env = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    env.install_gettext_translations(gettext.NullTranslations(), newstyle=True)
    template = env.from_string("""{{ _('<a href="%(link)s">%(name)s</a>', link=link, name=name) }}|"""
                               """{{ ngettext("%(num)s Angebot", "%(num)s Angebote", n) }}""")
    assert template.render(link="x?a=1&b=2", name="<b>", n=1) == '<a href="x?a=1&amp;b=2">&lt;b&gt;</a>|1 Angebot'
    assert template.render(link="", name="", n=3).endswith("|3 Angebote")


def test_page_links_come_from_the_site_map_relative_to_the_page():
    to = PageLinks(SiteMap(), "angebote/x.md")
    assert to.region("aue") == "../../regionen/aue/"
    assert to.file("karten/alle.html") == "../../karten/alle.html"
    assert PageLinks(SiteMap(use_directory_urls=False), "angebote/x.md").start() == "../index.html"


def test_page_data_holds_an_escaped_title_and_the_scripts_a_page_needs():
    page = GeneratedPage("suche.md", "Suche <b>&</b>\n---\ntitle: x", "<p>…</p>", scripts=("suche.js",))
    assert page.meta == {"title": "Suche &lt;b&gt;&amp;&lt;/b&gt;\n---\ntitle: x", "skripte": ["suche.js"]}


def test_a_record_text_comes_in_the_page_language_or_in_german_marked_as_german():
    from generator.records import Text
    from generator.render.environment import local_text_of

    local, markdown = local_text_of("cs", "Pouze v němčině.")
    assert local(Text("Suchtberatung", cs="Protidrogová poradna")) == "Protidrogová poradna"
    assert local(Text("Suchtberatung <Aue>")) == '<span lang="de">Suchtberatung &lt;Aue&gt;</span>'
    assert markdown(Text("**Hilfe**", cs="**Pomoc**")) == '<div class="ww-text"><p><strong>Pomoc</strong></p>\n</div>'
    # The note first: a screen reader says it before it reads the German text.
    assert markdown(Text("**Hilfe**")) == ('<p class="ww-nur-deutsch">Pouze v němčině.</p>\n'
                                           '<div class="ww-text" lang="de"><p><strong>Hilfe</strong></p>\n</div>')
    german_local, _ = local_text_of("de", "")
    assert german_local(Text("Suchtberatung", cs="Protidrogová poradna")) == "Suchtberatung"


def test_a_template_cannot_show_a_record_text_without_saying_in_which_language():
    from generator.records import Text

    env = jinja2.Environment(autoescape=True)
    with pytest.raises(TypeError, match="local"):
        env.from_string("{{ name }}").render(name=Text("Suchtberatung", cs="Protidrogová poradna"))


@pytest.mark.parametrize(("language", "expected"), [
    ("de", "1. März 2026"), ("cs", "1. března 2026"), ("en", "1 March 2026")])
def test_dates_are_written_as_the_page_language_writes_them(language, expected):
    import datetime as dt

    from generator.render.environment import local_date_of

    assert local_date_of(language)(dt.date(2026, 3, 1)) == expected


def test_the_way_there_goes_to_the_exact_point_or_searches_the_address_and_never_to_a_shelter():
    from generator.records import Address, Location, LocationSource, Precision
    from generator.render.environment import directions_href

    exact = Location(50.6012345, 12.7, LocationSource.CACHE, Precision.ADDRESS)
    office = Address("a", None, "Bahnhofstraße 1", "08280", "Aue-Bad Schlema", "DE", None, location=exact)
    assert directions_href(office) == "https://www.openstreetmap.org/directions?route=%3B50.60123%2C12.70000"
    town_only = Address("a", None, "Bahnhofstraße 1", "08280", "Aue-Bad Schlema", "DE", None,
                        location=Location(50.6, 12.7, LocationSource.GAZETTEER, Precision.TOWN))
    assert directions_href(town_only).startswith("https://www.openstreetmap.org/search?query=Bahnhofstra%C3%9Fe%201")
    shelter = Address("s", None, "", "", "Stollberg/Erzgeb.", "DE", None, confidential=True, location=exact)
    assert directions_href(shelter) is None
