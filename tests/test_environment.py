"""The templates' helpers: plurals, links from the site map, front matter for MkDocs."""
from __future__ import annotations

import yaml

from generator.render.environment import GeneratedPage, PageLinks, plural
from generator.render.urls import SiteMap


def test_plurals_say_one_or_many():
    assert plural(1, "Angebot", "Angebote") == "1 Angebot"
    assert plural(0, "Angebot", "Angebote") == "0 Angebote"
    assert plural(3, "Träger", "Trägern") == "3 Trägern"


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
