"""The legal and explanatory pages: Impressum, Datenschutz, Barrierefreiheit, Leichte
Sprache, Gebärdensprache, in every language, filled with the operator's values or
replaced by own texts, and linked from the footer of every page."""
from __future__ import annotations

import functools
import re
from html.parser import HTMLParser

import pytest
import yaml

import conftest
from conftest import FIXTURES, build, mkdocs_config, resolve
from generator.settings import AccessibilitySettings, MapSettings, OperatorSettings
from generator.render.urls import LEGAL_PAGES

OPERATOR = yaml.safe_load((FIXTURES / "rechtliches" / "betreiber.yml").read_text(encoding="utf-8"))
FILLED = {"operator": OperatorSettings(**OPERATOR["operator"]),
          "accessibility": AccessibilitySettings(**OPERATOR["accessibility"])}
OWN_TEXTS = str(FIXTURES / "rechtliches" / "eigene-texte")
TEMPLATE_NOTE = {"de": "<strong>Vorlage:</strong>", "cs": "<strong>Šablona:</strong>",
                 "en": "<strong>Template:</strong>"}


@functools.cache
def _site(language: str, changes: tuple):
    return conftest.rendered(language=language, **dict(changes))


def pages(language: str = "de", **changes) -> dict[str, str]:
    """The bodies of the legal pages, by page name (``imprint`` …), rendered once per settings."""
    site = _site(language, tuple(sorted(changes.items())))
    by_src = {page.src_uri: page for page in site.pages}
    return {name: by_src[src].body for name, src in LEGAL_PAGES.items()}


def test_every_language_has_the_five_pages_out_of_the_navigation():
    titles = {"de": "Impressum", "cs": "Tiráž", "en": "Legal notice"}
    for language, title in titles.items():
        site = _site(language, ())
        legal = [page for page in site.pages if page.src_uri in LEGAL_PAGES.values()]
        assert len(legal) == len(LEGAL_PAGES)
        assert not any(page.in_nav for page in legal)
        assert f"<h1>{title}</h1>" in pages(language)["imprint"]


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_without_operator_values_every_page_says_it_is_a_template_and_shows_the_gaps(language):
    for name, body in pages(language).items():
        assert TEMPLATE_NOTE[language] in body, name
        assert 'class="ww-luecke"' in body, name


def test_the_template_note_names_what_is_missing_and_where_the_operator_fills_it_in():
    body = pages()["imprint"]
    assert "Es fehlen: Name des Betreibers, Anschrift, E-Mail-Adresse." in body
    assert "mkdocs.yml unter „operator“" in body and "„legal_pages“" in body
    assert '<span class="ww-luecke">[Name des Betreibers]</span>' in body


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_with_the_operator_values_filled_in_the_note_and_the_gaps_disappear(language):
    for name, body in pages(language, **FILLED).items():
        assert TEMPLATE_NOTE[language] not in body, name
        assert "ww-luecke" not in body, name


def test_operator_values_appear_as_text_never_as_markup():
    imprint, privacy = pages(**FILLED)["imprint"], pages(**FILLED)["privacy"]
    assert "Hilfe &lt;im&gt; Erzgebirge &amp; Co. e. V." in imprint
    assert "Musterstraße 1<br>09456 &lt;b&gt;Annaberg&lt;/b&gt;-Buchholz" in imprint
    assert '<a href="mailto:wegweiser@hilfe-erzgebirge.example">' in imprint
    assert '<a href="tel:+493733000000">03733 000000</a>' in imprint
    assert "Vereinsregister Amtsgericht Chemnitz, VR 1234" in imprint and "Vorstand Erika Mustermann" in imprint
    assert "GitHub Pages &lt;script&gt;alert(1)&lt;/script&gt;" in privacy
    assert "<script" not in imprint + privacy and "<b>" not in imprint


def test_on_czech_and_english_pages_the_operators_german_values_are_marked_german():
    body = pages("cs", **FILLED)["imprint"]
    assert '<span lang="de">Hilfe &lt;im&gt; Erzgebirge &amp; Co. e. V.</span>' in body
    assert '<span lang="de">Hilfe' not in pages("de", **FILLED)["imprint"]


def test_own_texts_replace_the_template_in_their_language_and_german_stands_in_for_the_others():
    german, czech, english = (pages(language, legal_pages=OWN_TEXTS) for language in ("de", "cs", "en"))
    imprint = german["imprint"]
    assert "Eigenes Impressum des Vereins Hilfe im Erzgebirge e. V." in imprint
    assert '<h2>Angaben nach § 5 DDG</h2>' in imprint  # below the page's own h1
    assert '<a href="https://verein.example/kontakt" rel="noopener noreferrer nofollow">per Formular</a>' in imprint
    assert "&lt;script&gt;" in imprint and "<script" not in imprint  # raw HTML stays text
    assert "Vorlage" not in imprint and "Anbieter dieser Internetseite" not in imprint
    assert "Vlastní tiráž spolku." in czech["imprint"] and "Šablona" not in czech["imprint"]
    assert '<div class="ww-text" lang="de"><h2>Angaben nach § 5 DDG</h2>' in english["imprint"]
    assert 'class="ww-nur-deutsch"' in english["imprint"]
    assert "Eigene Datenschutzerklärung des Vereins." in german["privacy"]
    assert TEMPLATE_NOTE["de"] in german["accessibility"]  # no own text: still the template


def test_the_privacy_statement_names_the_configured_tile_server_and_what_the_site_keeps():
    maps = MapSettings(tiles="https://kacheln.beispiel.example/{z}/{x}/{y}.png", tile_server_name="Kachel <GmbH>")
    body = pages(maps=maps)["privacy"]
    assert "vom Server von Kachel &lt;GmbH&gt; (kacheln.beispiel.example)" in body
    assert "Diese Seite setzt keine Cookies." in body
    assert "bis Sie das Fenster oder den Tab schließen" in body  # the map choice, in sessionStorage
    assert "Karte laden" in body and "Suchwörter" in body


def test_the_accessibility_statement_has_the_parts_bitv_asks_for():
    body = pages(**FILLED)["accessibility"]
    for heading in ("Stand der Vereinbarkeit mit den Anforderungen", "Nicht barrierefreie Inhalte",
                    "Erstellung dieser Erklärung", "Feedback und Kontakt", "Durchsetzungsverfahren"):
        assert f"<h2>{heading}</h2>" in body
    assert "mit den Anforderungen der BITV 2.0 teilweise vereinbar" in body
    assert "Diese Erklärung wurde am 15. Januar 2026 erstellt." in body and "Grundlage ist: Selbstbewertung." in body
    assert ('<a href="https://www.schlichtungsstelle-bgg.de" rel="noopener noreferrer">'
            'www.schlichtungsstelle-bgg.de</a>') in body
    assert "Gebärdensprache: Ein Video" not in body  # there is one


def test_the_statement_date_is_written_as_the_page_language_writes_dates():
    assert "dne 15. ledna 2026." in pages("cs", **FILLED)["accessibility"]
    assert "on 15 January 2026." in pages("en", **FILLED)["accessibility"]


def test_without_an_enforcement_body_the_statement_says_which_one_applies_to_whom():
    body = pages()["accessibility"]
    assert "[Durchsetzungsstelle]" in body and "Schlichtungsstelle nach § 16 Behindertengleichstellungsgesetz" in body
    assert "Ein Video in Deutscher Gebärdensprache, das diese Internetseite erklärt, gibt es noch nicht." in body


def test_the_sign_language_page_links_the_video_or_says_plainly_that_there_is_none_yet():
    without = pages()["sign_language"]
    assert "gibt es noch nicht" in without and "Wir antworten Ihnen schriftlich." in without
    assert 'href="../zielgruppen/gehoerlose/"' in without
    with_video = pages(**FILLED)["sign_language"]
    assert '<a class="md-button" href="https://video.example/dgs?a=1&amp;b=2" rel="noopener noreferrer">' in with_video
    assert "Das Video liegt bei video.example." in with_video and "gibt es noch nicht" not in with_video
    assert '<a href="mailto:wegweiser@hilfe-erzgebirge.example">' in with_video


def test_the_easy_language_page_uses_no_abbreviations_and_leads_to_the_lists():
    body = pages(**FILLED)["easy_language"]
    text = re.sub(r"<[^>]+>", " ", body)
    assert not re.search(r"\b(z\. ?B|d\. ?h|bzw|usw|ca)\.", text)
    for link in ('href="../suche/"', 'href="../themen/"', 'href="../orte/"', 'href="../a-z/"', 'href="tel:112"'):
        assert link in body
    assert "Diese Internet-Seite macht: Hilfe &lt;im&gt; Erzgebirge &amp; Co. e. V.<" in body


@pytest.mark.parametrize(("language", "label", "first"), [
    ("de", "Über diese Seite", "Impressum"), ("cs", "O tomto webu", "Tiráž"),
    ("en", "About this site", "Legal notice")])
def test_the_footer_links_the_five_pages_and_the_open_data_in_the_page_language(language, label, first):
    footer = _site(language, ()).footer
    assert footer["label"] == label
    assert [link["url"] for link in footer["links"]] == [
        "impressum/", "datenschutz/", "barrierefreiheit/", "leichte-sprache/", "gebaerdensprache/", "offene-daten/"]
    assert footer["links"][0]["title"] == first


# --- whole sites: every page's footer ----------------------------------------------


class _Footer(HTMLParser):
    """The footer navigation of a page: its label and its links."""

    def __init__(self):
        super().__init__()
        self.label, self.links, self._inside = None, [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and "ww-fusszeile" in (attrs.get("class") or ""):
            self.label, self._inside = attrs.get("aria-label"), True
        elif tag == "a" and self._inside:
            self.links.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "nav":
            self._inside = False


def footer_of(page):
    parser = _Footer()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


LABELS = {"de": "Über diese Seite", "cs": "O tomto webu", "en": "About this site"}


def test_every_page_of_the_example_in_every_language_and_the_not_found_page_link_the_legal_pages_and_open_data(
        example_site):
    pages_checked = 0
    for page in (p for p in example_site.rglob("*.html") if "karten" not in p.relative_to(example_site).parts):
        first = page.relative_to(example_site).parts[0]
        language = first if first in ("cs", "en") else "de"
        footer = footer_of(page)
        assert footer.label == LABELS[language], page
        assert len(footer.links) == len(LEGAL_PAGES) + 1, page  # and "Offene Daten"
        if page.name == "404.html":  # from the server's root, into the page's language
            prefix = "/" if language == "de" else f"/{language}/"
            assert footer.links[0] == f"{prefix}impressum/", page
            continue
        for link in footer.links:
            target = resolve(example_site, page, link)
            assert target.exists() and target.parent.parent == example_site / ("" if language == "de" else language), (
                page, link)
        pages_checked += 1
    assert pages_checked > 100


@pytest.mark.slow  # a whole MkDocs build
def test_a_site_with_the_operator_block_and_own_texts_builds_strictly(site_copy, tmp_path):
    site = tmp_path / "site"
    config = mkdocs_config(site_copy, site)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["plugins"][0]["wegweiser"].update(OPERATOR, legal_pages=OWN_TEXTS)
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    build(config)
    imprint = (site / "impressum" / "index.html").read_text(encoding="utf-8")
    assert "Eigenes Impressum des Vereins" in imprint and 'aria-current="page">Impressum</a>' in imprint
    privacy = (site / "en" / "datenschutz" / "index.html").read_text(encoding="utf-8")
    assert "Eigene Datenschutzerklärung des Vereins." in privacy
    statement = (site / "cs" / "barrierefreiheit" / "index.html").read_text(encoding="utf-8")
    assert "Hilfe &lt;im&gt; Erzgebirge &amp; Co. e. V." in statement and "Šablona" not in statement
    assert footer_of(site / "404.html").links[0] == "/impressum/"
