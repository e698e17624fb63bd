"""End to end: the repository's own example directory builds into a complete site."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from conftest import REPO, crawl, linked_on_purpose, prepared, resolve

SEED_MOBILE_NUMBERS = ("0162 9049611", "01629049611", "0174 9678496", "0173 5243610")


@pytest.fixture(scope="module")
def loaded():
    return prepared(REPO / "content")  # raises InvalidContent if any record has a problem


@pytest.fixture(scope="module")
def site(example_site):
    return example_site


def test_the_example_directory_is_realistically_large(loaded):
    directory = loaded.directory
    assert len(directory.organisations) >= 40
    assert len(directory.offerings) >= 80
    assert len(directory.events) >= 8


def test_the_networks_of_the_seed_texts_are_in_it(loaded):
    networks = {n.id for n in loaded.directory.networks}
    for network in ("netz-werk-statt-annaberg", "netz-werk-statt-aue-schwarzenberg", "myknetz",
                    "euroregion-elbe-labe-soziale-ausgrenzung"):
        assert network in networks
    regions = {r.id for r in loaded.directory.regions}
    for region in ("versorgungsregion-annaberg", "versorgungsregion-aue-schwarzenberg", "ustecky-kraj",
                   "landkreis-mayen-koblenz", "hochtaunuskreis", "rheinisch-bergischer-kreis",
                   "staedteregion-aachen"):
        assert region in regions


def test_czech_partners_have_czech_addresses(loaded):
    czech = [a for o in loaded.directory.organisations for a in o.addresses if a.country == "CZ"]
    assert len(czech) >= 4
    assert all(re.fullmatch(r"\d{3} ?\d{2}", a.postcode) for a in czech)


def test_no_private_mobile_number_of_a_named_person_is_published():
    for path in (REPO / "content").rglob("*.yml"):
        text = path.read_text(encoding="utf-8")
        for number in SEED_MOBILE_NUMBERS:
            assert number not in text, path


def test_every_page_is_reachable_from_the_start_page_without_broken_links(site):
    reachable, broken = crawl(site)
    assert broken == []
    every = {p.resolve() for p in site.rglob("index.html")}
    pages = linked_on_purpose(every)
    assert pages - reachable == set()
    # A topic or target group without offerings is text in every list, never a link.
    empty = every - pages
    assert empty and empty & reachable == set()


def test_every_offering_page_shows_when_it_was_last_checked_and_the_demo_notice(site, loaded):
    for offering in loaded.directory.offerings:
        page = (site / "angebote" / offering.id / "index.html").read_text(encoding="utf-8")
        assert "Zuletzt geprüft am <time datetime=" in page
        assert "Beispielverzeichnis:</strong>" in page


def test_every_address_of_the_example_gets_coordinates_without_any_network(loaded):
    directory, report = loaded.directory, loaded.located
    assert report.missing == []
    assert all(p.location.source in ("eintrag", "cache", "ortsverzeichnis") for p in report.places)
    for offering in directory.offerings:
        for place in offering.places:
            assert place.location is not None


@pytest.mark.slow
def test_the_example_site_without_directory_urls_has_no_broken_link(tmp_path):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site = tmp_path / "ohne-verzeichnis-urls"
    mkdocs_build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site), use_directory_urls=False, strict=True))
    reachable, broken = crawl(site)
    assert broken == []
    pages = linked_on_purpose(p for p in site.rglob("*.html") if "karten" not in p.parts and p.name != "404.html")
    assert pages - reachable == set()


def language_of(site, path) -> str:
    """Which language's site a file belongs to, by its folder (German at the root)."""
    first = path.relative_to(site).parts[0]
    return first if first in ("cs", "en") else "de"


class _Anchors(HTMLParser):
    def __init__(self):
        super().__init__()
        self.anchors: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.anchors.append(dict(attrs))


def test_every_page_of_the_three_sites_is_in_its_language(site):
    pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert {language_of(site, p) for p in pages} == {"de", "cs", "en"}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert re.search(r'<html lang="([a-z]+)"', html).group(1) == language_of(site, page), page


def test_every_link_stays_in_its_language_unless_it_names_the_other_one(site):
    """The language switch and the note on machine translations lead to another language;
    they say so with hreflang. Every other link stays on the visitor's site."""
    crossing = []
    for page in (p for p in site.rglob("*.html") if p.name != "404.html" and "karten" not in p.parts):
        parser = _Anchors()
        parser.feed(page.read_text(encoding="utf-8"))
        for anchor in parser.anchors:
            target = resolve(site, page, anchor["href"])
            if target is None or not target.is_relative_to(site.resolve()):
                continue
            there = language_of(site.resolve(), target)
            if there != language_of(site, page) and anchor.get("hreflang") != there:
                crossing.append(f"{page.relative_to(site)} -> {anchor['href']}")
    assert crossing == []


def test_the_language_switch_leads_to_the_same_page_in_each_language(site):
    offering = "angebote/clovek-v-tisni-dluhove-poradenstvi/"
    html = (site / "cs" / offering / "index.html").read_text(encoding="utf-8")
    switch = html.split('<nav class="ww-sprachen"', 1)[1].split("</nav>", 1)[0]
    assert f'<a href="../../../{offering}" hreflang="de" lang="de">Deutsch</a>' in switch
    assert 'hreflang="cs" lang="cs" aria-current="page">Čeština</a>' in switch
    assert f'<a href="../../../en/{offering}" hreflang="en" lang="en">English</a>' in switch
    assert f'<link rel=" alternate" hreflang="en" href="../../../en/{offering}">' in html
    assert "Dluhové poradenství" in html and "Vyhledat" not in switch


def test_every_euroregion_offering_has_a_czech_text_and_at_least_20_have_english(loaded):
    directory = loaded.directory
    euroregion = directory.within("euroregion-elbe-labe")
    near_the_border = [o for o in directory.offerings if euroregion & set(o.regions) and not o.ended]
    assert near_the_border and all(o.name.cs and o.description.cs for o in near_the_border)
    assert sum(1 for o in directory.offerings if o.name.en and o.description.en) >= 20
    # Texts a machine translated are marked, so that the page can say the German one counts.
    assert any("cs" in o.machine_translated for o in directory.offerings)


class _Policy(HTMLParser):
    """The policy of a document, what comes before it, and the text of its inline scripts."""

    def __init__(self):
        super().__init__()
        self.policies, self.scripts_before, self.inline, self._in_script = [], 0, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(attrs["content"])
        if tag == "script":
            self.scripts_before += not self.policies
            runs = "src" not in attrs and (attrs.get("type") or "text/javascript") in ("text/javascript", "module")
            self._in_script = runs
            if runs:
                self.inline.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.inline[-1] += data


def test_every_document_carries_its_policy_before_any_script(site):
    from generator.render.content_policy import source_hash

    documents = sorted(site.rglob("*.html"))
    assert any(d.parent.name == "karten" for d in documents) and (site / "en" / "404.html").exists()
    for document in documents:
        found = _Policy()
        found.feed(document.read_text(encoding="utf-8"))
        where = document.relative_to(site)
        assert len(found.policies) == 1 and found.scripts_before == 0, where
        policy = found.policies[0]
        assert policy.startswith("default-src 'self';") and "'unsafe-inline'" not in policy, where
        assert found.inline and all(source_hash(text) in policy for text in found.inline), where
        if document.parent.name == "karten":
            assert "img-src 'self' data: https://tile.openstreetmap.org" in policy, where
