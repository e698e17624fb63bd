"""The site map: every page's place, and links between them in both URL styles of MkDocs."""
from __future__ import annotations

import pytest

from generator.render.urls import RESERVED_IDS, SiteMap

DIRECTORIES, FILES = SiteMap(use_directory_urls=True), SiteMap(use_directory_urls=False)


def test_pages_get_directory_urls_like_mkdocs_gives_them():
    assert DIRECTORIES.url("index.md") == ""
    assert DIRECTORIES.url(DIRECTORIES.terms("themen")) == "themen/"
    assert DIRECTORIES.url(DIRECTORIES.offering("x")) == "angebote/x/"


def test_without_directory_urls_pages_are_html_files():
    assert FILES.url("index.md") == "index.html"
    assert FILES.url(FILES.terms("themen")) == "themen/index.html"
    assert FILES.url(FILES.offering("x")) == "angebote/x.html"


def test_links_are_relative_to_the_page_they_stand_on():
    assert DIRECTORIES.link("angebote/x.md", "traeger/y.md") == "../../traeger/y/"
    assert DIRECTORIES.link("index.md", "themen/sucht.md") == "themen/sucht/"
    assert DIRECTORIES.link("themen/index.md", "themen/index.md") == "./"
    assert DIRECTORIES.link("angebote/x.md", "index.md") == "../../"
    assert FILES.link("angebote/x.md", "traeger/y.md") == "../traeger/y.html"
    assert FILES.link("index.md", "themen/sucht.md") == "themen/sucht.html"
    assert FILES.link("themen/index.md", "themen/index.md") == "index.html"
    assert FILES.link("angebote/x.md", "index.md") == "../index.html"


def test_files_and_anchors_keep_their_names():
    for site in (DIRECTORIES, FILES):
        assert site.link(site.overview_map_document(), site.map_asset("leaflet.js")) == "assets/leaflet.js"
        assert site.link(site.region_map_document("r"), site.offering("{id}")).startswith("../angebote/{id}")
    assert DIRECTORIES.link("netzwerke/n.md", DIRECTORIES.event("treffen")) == "../../termine/#treffen"
    assert FILES.link("netzwerke/n.md", FILES.event("treffen")) == "../termine/index.html#treffen"
    assert DIRECTORIES.link("suche.md", DIRECTORIES.search_file("")) == "./"
    assert FILES.link("suche.md", FILES.search_file("")) == "suche/"


def test_past_events_have_an_archive_page_beside_the_events_in_every_language():
    assert DIRECTORIES.url(DIRECTORIES.events_archive()) == "termine/archiv/"
    assert FILES.url(FILES.events_archive()) == "termine/archiv.html"
    assert DIRECTORIES.link(DIRECTORIES.events(), DIRECTORIES.events_archive()) == "archiv/"
    assert DIRECTORIES.link(DIRECTORIES.events_archive(), DIRECTORIES.events()) == "../"
    assert SiteMap(language="cs").alternates("termine/archiv.md") == {
        "de": "../../../termine/archiv/", "cs": "./", "en": "../../../en/termine/archiv/"}


def test_the_navigation_lists_the_overview_pages_only():
    titles = [next(iter(entry)) for entry in DIRECTORIES.nav()]
    assert titles[0] == "Start" and "Suche" in titles and "Mitmachen" in titles
    assert all(src.endswith(".md") and not src.startswith("angebote/") for e in DIRECTORIES.nav() for src in e.values())


def test_ids_that_would_take_a_page_address_are_reserved():
    assert {"index", "suche", "karte", "orte", "a-z", "mitmachen", "karten", "assets"} <= RESERVED_IDS


@pytest.mark.parametrize("directory_urls", [True, False])
def test_each_language_is_a_site_under_its_folder_and_links_inside_it_stay_there(directory_urls):
    german, czech = SiteMap(directory_urls), SiteMap(directory_urls, "cs")
    assert (german.prefix, czech.prefix, czech.in_language("en").prefix) == ("", "cs/", "en/")
    # Within one language the links are the same as ever: each site is built on its own.
    here, there = czech.offering("suchtberatung-aue"), czech.region("erzgebirgskreis")
    assert czech.link(here, there) == german.link(here, there)


def test_the_same_page_in_another_language_is_the_switch_and_the_hreflang_target():
    czech = SiteMap(True, "cs")
    page = czech.offering("suchtberatung-aue")
    assert czech.alternates(page) == {"de": "../../../angebote/suchtberatung-aue/", "cs": "./",
                                      "en": "../../../en/angebote/suchtberatung-aue/"}
    assert SiteMap(True).alternates("index.md") == {"de": "./", "cs": "cs/", "en": "en/"}
    assert SiteMap(False, "en").alternates("traeger/index.md") == {
        "de": "../../traeger/index.html", "cs": "../../cs/traeger/index.html", "en": "index.html"}
    assert SiteMap(True, "de", ("de",)).alternates("index.md") == {"de": "./"}


def test_the_legal_pages_have_addresses_of_their_own_and_reserve_no_id():
    assert DIRECTORIES.url(DIRECTORIES.legal("imprint")) == "impressum/"
    assert FILES.url(FILES.legal("easy_language")) == "leichte-sprache.html"
    # Records and terms live in folders: one with the id "impressum" or the term
    # "leichte-sprache" takes an address of its own, never a legal page's.
    for site_map in (DIRECTORIES, FILES):
        legal = {site_map.url(site_map.legal(name)) for name in ("imprint", "privacy", "accessibility",
                                                                 "easy_language", "sign_language")}
        for same_id in ("impressum", "datenschutz", "barrierefreiheit", "leichte-sprache", "gebaerdensprache"):
            taken = {site_map.url(src) for src in (
                site_map.offering(same_id), site_map.organisation(same_id), site_map.region(same_id),
                site_map.network(same_id), site_map.term("themen", same_id), site_map.term("zielgruppen", same_id))}
            assert taken.isdisjoint(legal), same_id


def test_the_footer_lists_the_legal_pages_and_the_open_data_from_the_root_of_the_language_site():
    footer = SiteMap(True, "cs").footer(lambda title: title.upper())
    assert footer[0] == {"title": "IMPRESSUM", "url": "impressum/"}
    assert [link["url"] for link in FILES.footer()][-2:] == ["gebaerdensprache.html", "offene-daten.html"]


def test_open_data_files_lie_once_in_the_german_site_and_every_language_links_there():
    czech = SiteMap(True, "cs")
    assert czech.data_file("hsds-csv.zip") == "daten/hsds-csv.zip"
    assert czech.link(czech.open_data(), czech.data_file("hsds-csv.zip"), "de") == "../../daten/hsds-csv.zip"
    assert FILES.link(FILES.open_data(), FILES.data_file("x.json")) == "daten/x.json"


@pytest.mark.parametrize(("src", "second"), [
    ("a-z.md", "a-z/seite/2.md"), ("traeger/index.md", "traeger/seite/2.md"),
    ("themen/sucht.md", "themen/sucht/seite/2.md"),
    ("regionen/erzgebirgskreis.md", "regionen/erzgebirgskreis/seite/2.md"),
])
def test_the_pages_of_a_listing_lie_below_its_first_page_where_no_record_can(src, second):
    site_map = SiteMap()
    assert site_map.listing_page(src, 1) == src
    assert site_map.listing_page(src, 2) == second
    # an organisation with the id "seite" keeps its own address
    assert site_map.url(site_map.organisation("seite")) != site_map.url(site_map.listing_page("traeger/index.md", 2))
