"""Rendering pages from a directory: links, escaping, listings."""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit


import conftest
from conftest import site_settings
from generator import render
from generator.render.environment import GeneratedPage


@functools.cache
def _rendered(changes: tuple) -> dict[str, GeneratedPage]:
    return {page.src_uri: page for page in conftest.rendered(**dict(changes)).pages}


def rendered(**changes) -> dict[str, GeneratedPage]:
    """The fixture site's pages, rendered once per set of settings (they are frozen values)."""
    return _rendered(tuple(sorted(changes.items())))


@functools.cache
def rendered_on(day: dt.date, language: str = "de") -> dict[str, GeneratedPage]:
    """The fixture site's pages as a build on the given day makes them (coming and past events)."""
    from generator import freshness

    prepared = conftest.prepared()
    site = render.render_site(prepared.directory, prepared.vocabularies, site_settings(),
                              freshness.Limits(today=day), language=language)
    return {page.src_uri: page for page in site.pages}


def test_every_kind_of_page_is_generated():
    pages = rendered()
    for src in ("index.md", "a-z.md", "traeger/index.md", "termine/index.md", "themen/index.md",
                "themen/sucht.md", "zielgruppen/alle.md", "regionen/index.md", "regionen/beispielstadt.md",
                "netzwerke/index.md", "netzwerke/netzwerk-beispiel.md", "traeger/beratung-beispiel.md",
                "angebote/beratung-beispiel-suchtberatung.md"):
        assert src in pages


def test_only_overview_pages_are_in_the_navigation():
    in_nav = sorted(src for src, page in rendered().items() if page.in_nav)
    assert in_nav == ["a-z.md", "index.md", "karte.md", "merkliste.md", "mitmachen.md", "netzwerke/index.md",
                      "regionen/index.md", "suche.md",
                      "termine/index.md", "themen/index.md", "traeger/index.md", "zielgruppen/index.md"]


class Elements(HTMLParser):
    """Every element and attribute of a page, except the site's own icon set (the one
    ``<template id="ww-symbole">`` of the search page, drawn from Material's icons, never
    from record text)."""

    def __init__(self):
        super().__init__()
        self.found: list[tuple[str, str, str]] = []
        self.in_icon_set = False

    def handle_starttag(self, tag, attrs):
        if tag == "template" and ("id", "ww-symbole") in attrs:
            self.in_icon_set = True
        elif not self.in_icon_set:
            self.found += [(tag, name, value or "") for name, value in attrs] or [(tag, "", "")]

    def handle_endtag(self, tag):
        if tag == "template":
            self.in_icon_set = False


def test_hostile_values_appear_only_as_text_never_as_elements_or_attributes():
    for page in rendered().values():
        parser = Elements()
        parser.feed(page.body)
        for tag, name, value in parser.found:
            assert tag not in ("script", "img", "svg", "iframe", "marquee", "i", "b"), page.src_uri
            assert not name.startswith("on"), page.src_uri
            assert not value.strip().lower().startswith(("javascript:", "data:")), page.src_uri
    body = rendered()["angebote/feindliche-werte-angebot.md"].body
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in body
    assert "${alert(1)} {{ 7*7 }}" in body


def test_a_title_cannot_add_page_data_or_break_out_of_the_title_tag():
    meta = rendered()["angebote/feindliche-werte-angebot.md"].meta
    assert meta["title"] == "---\ntitle: gekapert\n--- &lt;script&gt;alert(2)&lt;/script&gt;"
    assert set(meta) == {"title", "sprachen", "strukturierte_daten"}
    # The JSON-LD carries the name whole, with nothing that could end its script element.
    assert not set(meta["strukturierte_daten"]) & set("<>&")
    assert json.loads(meta["strukturierte_daten"])["name"] == "---\ntitle: gekapert\n--- <script>alert(2)</script>"


def test_ended_offerings_keep_their_page_but_leave_the_listings():
    pages = rendered()
    assert "angebote/beratung-beispiel-alte-gruppe.md" in pages
    assert "Frühere Gesprächsgruppe" not in pages["a-z.md"].body
    assert "Frühere Gesprächsgruppe" not in pages["themen/selbsthilfe.md"].body
    organisation = pages["traeger/beratung-beispiel.md"].body
    assert organisation.index("Beendete Angebote") < organisation.index("Frühere Gesprächsgruppe")
    assert "Dieses Angebot gibt es nicht mehr" in pages["angebote/beratung-beispiel-alte-gruppe.md"].body


def test_an_offering_page_shows_its_facts_and_last_checked_date():
    body = rendered()["angebote/beratung-beispiel-suchtberatung.md"].body
    assert 'Zuletzt geprüft am <time datetime="2026-03-01">1. März 2026</time>' in body
    assert '<a href="../../themen/sucht/">Sucht</a>' in body
    assert "Deutsche Gebärdensprache (DGS)" in body
    assert '<a href="tel:+49373300000' in body
    assert "Sie trinken zu viel Alkohol?" in body  # Leichte Sprache
    # A row per day, in week order (generator/opening_hours.py).
    assert ('<th scope="row">Dienstag</th><td>09:00 bis 12:00 Uhr</td>' in body
            and '<th scope="row">Donnerstag</th><td>09:00 bis 12:00 Uhr</td>' in body)


def test_an_offering_page_starts_with_what_one_does_call_write_find_the_way_keep_share_print():
    body = rendered()["angebote/beratung-beispiel-suchtberatung.md"].body
    actions = body[body.index('<ul class="ww-aktionen">'):body.index("</ul>", body.index('<ul class="ww-aktionen">'))]
    assert body.index("ww-aktionen") < body.index("Beschreibung")
    assert actions.index("Anrufen: 03733 000001") < actions.index("mailto:sucht@beispiel.example")
    assert "https://www.openstreetmap.org/" in actions and "Weg dorthin" in actions
    assert 'data-merken="beratung-beispiel-suchtberatung"' in actions
    assert "ww-teilen" in actions and "ww-drucken" in actions


def test_a_confidential_address_gets_no_way_there():
    body = rendered()["angebote/beratung-beispiel-schutzwohnung.md"].body
    assert "openstreetmap.org" not in body and "Weg dorthin" not in body


def test_a_direct_line_is_shown_when_publishing_was_agreed():
    pages = rendered()
    assert "+420 475 000 002" in pages["angebote/beratung-beispiel-poradna.md"].body


def test_a_temporarily_closed_offering_says_so_at_the_top():
    body = rendered()["angebote/beratung-beispiel-poradna.md"].body
    assert body.index("Vorübergehend geschlossen") < body.index("Beschreibung")


def test_a_region_lists_offerings_of_its_subregions_and_those_for_the_whole_district():
    pages = rendered()
    district = pages["regionen/landkreis-beispiel.md"].body
    town = pages["regionen/beispielstadt.md"].body
    assert "Suchtberatung Beispielstadt" in district  # offered in the sub-region
    assert "Suchtberatung Beispielstadt" in town
    assert "Teilregionen" in district and "Beispielstadt" in district


def test_a_network_page_lists_members_parts_and_coming_events_and_links_to_the_archive():
    pages = rendered_on(dt.date(2025, 1, 1))
    body = pages["netzwerke/netzwerk-beispiel.md"].body
    assert "Beratung Beispiel e. V." in body
    assert "Arbeitskreis Sucht" in body
    assert body.index("Zukunftstag") < body.index("Werkstatt Übergänge")  # the soonest first
    assert "Netzwerktreffen Dezember" not in body  # past: in the archive
    assert '<a href="../../termine/archiv/">Vergangene Termine</a> stehen im Archiv.' in body
    assert "<h2>Termine</h2>" not in pages["netzwerke/arbeitskreis-sucht.md"].body  # it has none


def test_a_confidential_address_shows_the_town_but_never_a_street_or_postcode():
    body = rendered()["angebote/beratung-beispiel-schutzwohnung.md"].body
    assert "wird zum Schutz der Menschen, die hier wohnen, nicht veröffentlicht" in body
    assert "Stollberg/Erzgeb." in body and "09366" not in body
    assert "Rund um die Uhr erreichbar" in body


def test_old_entries_are_marked_and_very_old_ones_leave_the_listings():
    import datetime as dt

    from generator import freshness

    prepared = conftest.prepared()
    limits = freshness.Limits.from_config("12m", "30m", dt.date(2026, 11, 22))
    site = render.render_site(prepared.directory, prepared.vocabularies, site_settings(), limits)
    pages = {p.src_uri: p for p in site.pages}
    assert "Bitte vorher nachfragen" in pages["angebote/beratung-beispiel-poradna.md"].body
    assert "Angaben seit 15. Januar 2025 nicht geprüft" in pages["a-z.md"].body
    assert "Bitte vorher nachfragen" not in pages["angebote/beratung-beispiel-suchtberatung.md"].body
    hidden = render.render_site(prepared.directory, prepared.vocabularies, site_settings(),
                                freshness.Limits.from_config(None, "12m", dt.date(2026, 11, 22)))
    listing = {p.src_uri: p for p in hidden.pages}["a-z.md"].body
    assert "Beratung für Familien in Ústí" not in listing
    assert "angebote/beratung-beispiel-poradna.md" in {p.src_uri for p in hidden.pages}


def test_each_offering_page_links_to_the_correction_form_with_its_id():
    body = rendered(repository="beispiel/wegweiser")["angebote/beratung-beispiel-suchtberatung.md"].body
    assert ("https://github.com/beispiel/wegweiser/issues/new?template=eintrag-korrigieren.yml&amp;"
            "eintrag=beratung-beispiel-suchtberatung&amp;title=Korrektur%3A+beratung-beispiel-suchtberatung") in body
    assert "Fehler melden / Eintrag ändern" in body


def test_counts_are_of_the_offerings_the_lists_show():
    pages = rendered()
    assert "Es gibt 4 Angebote von 2 Trägern." in pages["index.md"].body
    overview = pages["traeger/index.md"].body
    assert "· 3 Angebote</span>" in overview and "· 1 Angebot</span>" in overview


def test_a_provider_without_contact_details_has_no_empty_contact_section():
    assert "<h2>Kontakt</h2>" not in rendered()["traeger/feindliche-werte.md"].body
    assert "<h2>Kontakt</h2>" in rendered()["traeger/beratung-beispiel.md"].body


def test_the_search_script_gets_its_sentences_in_the_pages_language_with_all_plural_forms():
    from generator import freshness
    from generator.render import catalogue
    from generator.render.listings import Listings
    from generator.render.pages import PageRenderer
    from generator.render.urls import SiteMap
    from generator.settings import MapSettings

    prepared = conftest.prepared()
    listings = Listings(prepared.directory, prepared.vocabularies, freshness.Limits())
    czech = PageRenderer(listings, SiteMap(), {}, MapSettings(), [], translations=catalogue.translations("cs"))
    found = czech.search_messages()["found"]
    assert found == {"one": "Nalezena %(num)s nabídka", "few": "Nalezeny %(num)s nabídky",
                     "many": "Nalezeno %(num)s nabídek"}
    assert "%(num)s Angebot gefunden" in rendered()["suche.md"].body  # in data-meldungen, for suche.js


class _TextOutsideGerman(HTMLParser):
    """The text of a page that is not inside an element marked lang="de"."""

    VOID = {"br", "img", "input", "meta", "link", "hr", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack: list[bool] = []  # per open element: inside German?
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            inside = (self.stack[-1] if self.stack else False) or dict(attrs).get("lang") == "de"
            self.stack.append(inside)

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.text.append(data)


def outside_german(body: str) -> str:
    parser = _TextOutsideGerman()
    parser.feed(body)
    return " ".join(parser.text)


def test_on_the_czech_site_record_texts_are_czech_or_marked_as_german_with_a_note():
    pages = rendered(language="cs")
    german_only = ("Suchtberatung Beispielstadt", "Beratung Beispiel e. V.", "Netzwerk Beispiel")
    for src, page in pages.items():
        visible = outside_german(page.body)
        assert not [name for name in german_only if name in visible], src
        # The German text of a record that has a Czech one is not shown at all.
        assert "Beratung für Familien in Ústí" not in page.body, src
    poradna = pages["angebote/beratung-beispiel-poradna.md"]
    assert "<h1>Poradna pro rodiny v Ústí</h1>" in poradna.body and "Pouze v němčině" not in poradna.body
    addiction = pages["angebote/beratung-beispiel-suchtberatung.md"]
    assert '<h1><span lang="de">Suchtberatung Beispielstadt</span></h1>' in addiction.body
    assert '<p class="ww-nur-deutsch">Pouze v němčině.</p>' in addiction.body
    assert "Závislosti" in addiction.body  # the vocabulary's Czech label of "sucht"


def test_every_page_names_itself_in_each_language_for_the_switch():
    page = rendered(language="en")["angebote/beratung-beispiel-poradna.md"]
    assert page.alternates == {"de": "../../../angebote/beratung-beispiel-poradna/", "cs":
                               "../../../cs/angebote/beratung-beispiel-poradna/", "en": "./"}
    assert page.meta["sprachen"] == page.alternates
    assert rendered(languages=())["index.md"].alternates is None  # German only: no switch


def test_the_events_page_lists_coming_events_and_leads_to_the_archive_of_past_ones_newest_first():
    pages = rendered_on(dt.date(2025, 6, 3))
    events = pages["termine/index.md"].body
    assert "Werkstatt Übergänge" in events  # from 2 to 4 June: still under way
    assert "Netzwerktreffen Dezember" not in events and "Workshop am Vormittag" not in events
    assert '<a href="archiv/">Vergangene Termine</a> stehen im Archiv.' in events
    archive = pages["termine/archiv.md"]
    assert archive.title == "Vergangene Termine" and not archive.in_nav
    body = archive.body
    assert body.index("Workshop am Vormittag") < body.index("Zukunftstag") < body.index("Netzwerktreffen Dezember")
    assert "Werkstatt Übergänge" not in body
    assert '<a href="../">Kommende Termine</a>' in body
    assert 'id="treffen-2024-12-04"' in body and "Stollberg" in body


def test_without_coming_events_the_events_page_says_so_and_the_archive_without_past_ones_too():
    later = rendered_on(dt.date(2026, 1, 1))
    assert "Zurzeit sind keine kommenden Termine eingetragen." in later["termine/index.md"].body
    early = rendered_on(dt.date(2024, 1, 1))
    assert "Es sind noch keine vergangenen Termine eingetragen." in early["termine/archiv.md"].body
    assert "Netzwerktreffen Dezember" in early["termine/index.md"].body


def test_the_archive_is_a_page_of_every_language():
    for language, title in (("cs", "Minulé termíny"), ("en", "Past events")):
        archive = rendered_on(dt.date(2025, 6, 3), language)["termine/archiv.md"]
        assert archive.title == title
        assert archive.alternates["de"] == "../../../termine/archiv/" and archive.alternates[language] == "./"


def mail_to_editors(body: str) -> dict[str, str]:
    """The address, subject and text of the e-mail a page offers to the editorial team."""
    [href] = re.findall(r'href="(mailto:redaktion@[^"]*)"', body)
    parts = urlsplit(href.replace("&amp;", "&"))
    return {"to": parts.path, **{name: values[0] for name, values in parse_qs(parts.query).items()}}


def test_offering_and_provider_pages_offer_an_email_to_the_editors_also_without_github():
    pages = rendered(editorial_email="redaktion@beispiel.example", site_url="https://wegweiser.example/")
    offering = pages["angebote/beratung-beispiel-suchtberatung.md"].body
    assert "github.com" not in offering and "Fehler per E-Mail melden" in offering
    mail = mail_to_editors(offering)
    assert mail["to"] == "redaktion@beispiel.example"
    assert mail["subject"] == "Korrektur: Suchtberatung Beispielstadt"
    assert mail["body"].startswith(
        "Seite: https://wegweiser.example/angebote/beratung-beispiel-suchtberatung/\r\n\r\nBitte beschreiben Sie hier")
    organisation = mail_to_editors(pages["traeger/beratung-beispiel.md"].body)
    assert organisation["subject"] == "Korrektur: Beratung Beispiel e. V."
    assert "https://wegweiser.example/traeger/beratung-beispiel/" in organisation["body"]


def test_the_email_is_written_in_the_pages_language_and_without_site_url_names_the_page_from_the_root():
    pages = rendered(editorial_email="redaktion@beispiel.example", repository="beispiel/wegweiser", language="en")
    body = pages["angebote/beratung-beispiel-poradna.md"].body
    assert "github.com/beispiel/wegweiser" in body  # both ways
    mail = mail_to_editors(body)
    assert mail["subject"] == "Correction: Beratung für Familien in Ústí"  # no English name: the German
    assert mail["body"].startswith("Page: /en/angebote/beratung-beispiel-poradna/\r\n")


def test_the_contribute_page_offers_the_email_too():
    body = rendered(editorial_email="redaktion@beispiel.example")["mitmachen.md"].body
    assert '<h2 id="e-mail">Ohne Konto: per E-Mail</h2>' in body
    assert mail_to_editors(body)["subject"] == "Eintrag im Verzeichnis"
    assert ">redaktion@beispiel.example</a>" in body


def test_without_an_editorial_address_no_page_offers_an_email_to_it():
    for src, page in rendered().items():
        assert "E-Mail melden" not in page.body and 'id="e-mail"' not in page.body, src


@functools.cache
def example_pages() -> dict[str, GeneratedPage]:
    return {page.src_uri: page for page in conftest.rendered(conftest.REPO / "content").pages}


def test_a_long_listing_is_cut_into_pages_of_fifty_that_link_each_other():
    pages = example_pages()
    a_z = sorted(src for src in pages if src == "a-z.md" or src.startswith("a-z/seite/"))
    assert len(a_z) >= 2  # noqa: PLR2004 (the example lists more than 50 offerings)
    for src in a_z:
        assert pages[src].body.count('class="ww-eintrag"') <= 50  # noqa: PLR2004
    first, second = pages["a-z.md"], pages["a-z/seite/2.md"]
    assert first.in_nav and not second.in_nav
    assert second.title == "Alle Angebote von A bis Z – Seite 2"
    assert 'rel="next" href="seite/2/"' in first.body and 'rel="prev" href="../../"' in second.body
    assert 'href="../../" aria-current' not in second.body and 'href="./" aria-current="page"' in second.body
    assert "Seite 2 von " in second.body and "Einträge 51 bis 100 von " in second.body
    # every letter links to the page it begins on
    letters = re.findall(r'<li><a href="([^"]*#buchstabe-[a-z]+)">', first.body)
    assert any(link.startswith("seite/") for link in letters) and any(link.startswith("./#") for link in letters)
