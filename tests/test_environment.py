"""The templates' helpers: plurals, links from the site map, front matter for MkDocs."""
from __future__ import annotations

import gettext
import re

import jinja2
import yaml

from generator.render.environment import TEMPLATES, GeneratedPage, PageLinks
from generator.render.urls import SiteMap


def visible_text(template: str) -> list[str]:
    """Text a template writes itself, outside tags, expressions, statements and comments."""
    attributes = re.findall(r'(?:aria-label|placeholder|title|alt)="([^"{]+)"', template)
    text = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}|<[^>]*>", "\n", template, flags=re.S)
    runs = [run.strip() for run in text.splitlines() + attributes]
    return [run for run in runs if re.search(r"[A-Za-zÄÖÜäöüß]{2,}", run)]


def test_no_template_writes_a_sentence_that_does_not_go_through_the_catalogue():
    untranslated = {path.name: visible_text(path.read_text(encoding="utf-8")) for path in TEMPLATES.glob("*.html")}
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


def test_front_matter_holds_an_escaped_title_and_the_scripts_a_page_needs():
    page = GeneratedPage("suche.md", "Suche <b>&</b>\n---\ntitle: x", "<p>…</p>", scripts=("suche.js",))
    assert page.markdown.startswith("---\n") and page.markdown.endswith("\n---\n")
    front = yaml.safe_load(page.markdown[len("---\n"):-len("---\n")])
    assert front == {"title": "Suche &lt;b&gt;&amp;&lt;/b&gt;\n---\ntitle: x", "skripte": ["suche.js"]}
