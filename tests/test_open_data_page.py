"""The page "Offene Daten": every file with its format, size and link, the licence and
whom to name, in every language, linking to the files of the German site."""
from __future__ import annotations

import re

import conftest
from conftest import rendered
from generator.render.open_data_page import size
from generator.settings import OpenDataSettings


def page(language: str = "de", **settings) -> str:
    site = rendered(language=language, **settings)
    return next(p.body for p in site.pages if p.src_uri == "offene-daten.md")


def test_the_page_lists_every_file_with_its_link_format_and_size():
    body = page()
    assert re.search(r'<a href="\.\./daten/hsds\.json" hreflang="de" download>hsds\.json</a></td>'
                     r'<td>HSDS 3\.0 \(JSON\)', body)
    assert '<a href="../daten/angebote.geojson" hreflang="de" download>' in body
    assert '<a href="../daten/termine.ics" hreflang="de" download>' in body
    assert '<a href="../daten/hsds-csv.zip" hreflang="de" download>' in body
    assert re.search(r"<td>\d+(,\d)? (KB|MB)</td>", body)


def test_the_page_names_the_licence_and_the_sources_of_the_points():
    body = page(open_data=OpenDataSettings("dl-de/by-2-0", attribution="Landkreis Beispiel"))
    assert '<a href="https://www.govdata.de/dl-de/by-2-0">dl-de/by-2-0</a>' in body
    assert "Bitte nennen Sie als Quelle: „Landkreis Beispiel“" in body
    assert "GeoNames" in body and "OpenStreetMap" in body and "ODbL" in body


def test_a_czech_page_links_to_the_files_of_the_german_site():
    body = page("cs")
    assert '<a href="../../daten/hsds.json" hreflang="de" download>' in body
    assert "Otevřená data" in body


def test_sizes_are_written_as_people_read_them():
    assert size(12_700, "de") == "12,4 KB"
    assert size(3_300_000, "en") == "3.1 MB"


def test_every_network_calendar_is_listed_by_the_network_s_name():
    site = rendered()
    body = next(p.body for p in site.pages if p.src_uri == "offene-daten.md")
    for network in conftest.prepared().directory.networks:
        assert (f'<a href="../daten/termine-{network.id}.ics" hreflang="de" download>{network.name.de}</a>'
                in body)


def test_the_events_and_each_network_page_link_their_calendar_feed():
    pages = {p.src_uri: p.body for p in rendered().pages}
    assert '<a href="../daten/termine.ics" hreflang="de">Alle Termine abonnieren</a>' in pages["termine/index.md"]
    network = conftest.prepared().directory.networks[0]
    assert (f'<a href="../../daten/termine-{network.id}.ics" hreflang="de">Termine dieses Netzwerks abonnieren</a>'
            in pages[f"netzwerke/{network.id}.md"])


def test_the_site_map_names_the_feeds_the_calendar_export_writes():
    from generator import calendar_export
    from generator.render.urls import SiteMap

    assert SiteMap().events_calendar() == "daten/" + calendar_export.file_name()
    assert SiteMap().events_calendar("x") == "daten/" + calendar_export.file_name("x")
