"""The page "Offene Daten": every file with its format, size and link, the licence and
whom to name, in every language, linking to the files of the German site."""
from __future__ import annotations

import dataclasses
import re

import conftest
from conftest import rendered
from generator import pipeline
from generator.render.open_data_page import size
from generator.settings import OpenDataSettings, OperatorSettings, Settings


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


def page_with_a_cached_point(language: str = "de", **settings) -> str:
    prepared = conftest.prepared()
    directory, _ = conftest.with_cached_point(prepared.directory)
    site = pipeline.build(dataclasses.replace(prepared, directory=directory), conftest.site_settings(**settings),
                          language)
    return next(p.body for p in site.pages if p.src_uri == "offene-daten.md")


def test_the_page_names_the_licence_and_whom_to_name_as_the_source():
    body = page(open_data=OpenDataSettings("dl-de/by-2-0", attribution="Landkreis Beispiel"))
    assert '<a href="https://www.govdata.de/dl-de/by-2-0">dl-de/by-2-0</a>' in body
    assert "Bitte nennen Sie als Quelle: „Landkreis Beispiel“" in body
    # GeoNames' town centres stand under CC BY, not under the data's licence.
    assert "Ausgenommen sind die Koordinaten aus GeoNames: Sie stehen unter der Lizenz" in body


def test_the_page_names_only_the_sources_of_points_the_data_hold_with_how_many():
    body = page()  # the fixture: two town centres and one point typed into its record
    assert "2 Orte: jeweils die Mitte des Ortes, aus <a href=\"https://www.geonames.org/\">GeoNames</a>" in body
    assert "1 Ort: vom Träger selbst in seinem Eintrag angegeben, aus keiner fremden Quelle." in body
    assert "OpenStreetMap" not in body and "ODbL" not in body and "Ausgenommen" not in body


def test_points_from_openstreetmap_are_named_as_an_exception_under_the_odbl():
    body = page_with_a_cached_point()
    assert ('Ausgenommen sind die Koordinaten aus OpenStreetMap: Sie stehen unter der Lizenz '
            '<a href="https://opendatacommons.org/licenses/odbl/1-0/">ODbL 1.0</a>.') in body
    assert "muss auch sie unter der ODbL stehen" in body
    assert "1 Ort: aus der Anschrift ermittelt, mit Daten von" in body and "© OpenStreetMap-Mitwirkende" in body
    assert "1 Ort: die Mitte des Ortes, aus" in body  # one town centre is left
    # Under the ODbL itself they are no exception.
    assert "Ausgenommen sind die Koordinaten aus OpenStreetMap" not in page_with_a_cached_point(
        open_data=OpenDataSettings("ODbL 1.0"))


def test_the_licence_links_to_its_summary_in_the_page_s_language():
    assert '<a href="https://creativecommons.org/licenses/by/4.0/deed.de">CC BY 4.0</a>' in page()
    czech = page("cs")
    assert '<a href="https://creativecommons.org/licenses/by/4.0/deed.cs">CC BY 4.0</a>' in czech
    assert "deed.de" not in czech
    assert '<a href="https://creativecommons.org/licenses/by/4.0/deed.en">CC BY 4.0</a>' in page("en")


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


def test_with_the_site_s_address_the_feeds_are_offered_whole_and_as_webcal_for_calendar_apps():
    pages = {p.src_uri: p.body for p in rendered(site_url="https://wegweiser.example/verzeichnis/").pages}
    feed = "wegweiser.example/verzeichnis/daten/termine.ics"
    events = pages["termine/index.md"]
    assert f'<a href="webcal://{feed}" hreflang="de">Alle Termine in Ihrem Kalender abonnieren</a>' in events
    assert f'<a href="https://{feed}" hreflang="de">https://{feed}</a>' in events
    assert 'href="../daten/termine.ics"' not in events  # a relative link no calendar app can subscribe to
    network = conftest.prepared().directory.networks[0]
    body = pages[f"netzwerke/{network.id}.md"]
    assert f'href="webcal://wegweiser.example/verzeichnis/daten/termine-{network.id}.ics"' in body
    assert f'>https://wegweiser.example/verzeichnis/daten/termine-{network.id}.ics</a>' in body
    czech = {p.src_uri: p.body for p in rendered(language="cs", site_url="https://wegweiser.example/").pages}
    assert 'href="webcal://wegweiser.example/daten/termine.ics"' in czech["termine/index.md"]  # the German files


def test_with_the_site_s_address_the_page_offers_every_feed_to_subscribe_by_webcal_and_its_https_address():
    body = page(site_url="https://wegweiser.example/verzeichnis/")
    section = body[body.index('<h2 id="termine">'):body.index('<h2 id="lizenz">')]
    feed = "wegweiser.example/verzeichnis/daten/termine.ics"
    # A click subscribes (webcal opens the calendar app); no "download", which would import a copy once.
    assert (f'<li><a href="webcal://{feed}" hreflang="de">Alle Termine</a> (termine.ics, ' in section)
    assert f'<a href="https://{feed}" hreflang="de">https://{feed}</a>' in section
    for network in conftest.prepared().directory.networks:
        address = f"wegweiser.example/verzeichnis/daten/termine-{network.id}.ics"
        assert f'<a href="webcal://{address}" hreflang="de">{network.name.de}</a>' in section
        assert f'>https://{address}</a>' in section
    assert "download" not in section and 'href="../daten/' not in section
    assert "Klicken Sie auf den Namen eines Kalenders, um ihn zu abonnieren" in section
    # Without it, the files' links as before, to copy the address from.
    plain = page()
    assert '<li><a href="../daten/termine.ics" hreflang="de" download>Alle Termine</a>' in plain
    assert "webcal:" not in plain


def test_without_an_attribution_or_operator_the_page_names_the_site_as_the_source():
    site_names = {"german_site_name": "Wegweiser Erzgebirge",
                  "site_name": dataclasses.replace(Settings().site_name, cs="Průvodce Krušnohoří")}
    assert "Bitte nennen Sie als Quelle: „Wegweiser Erzgebirge“, mit einem Link auf diese Seite." in page(
        **site_names)
    assert "„Průvodce Krušnohoří“" in page("cs", **site_names)  # the name the Czech site shows
    assert "“Wegweiser Erzgebirge”" in page("en", **site_names)  # no English name: the German one
    operator = page(operator=OperatorSettings(name="Landratsamt Beispiel"), **site_names)
    assert "Bitte nennen Sie als Quelle: „Landratsamt Beispiel“" in operator


def test_the_page_says_how_to_open_the_csv_files_and_that_descriptions_are_markdown():
    body = page()
    assert "für Tabellenkalkulationen" not in body
    assert ("Öffnen Sie sie in Excel nicht mit einem Doppelklick, sondern über „Daten“, „Aus Text/CSV“, und wählen "
            "Sie dort als Dateiursprung „Unicode (UTF-8)“ und als Trennzeichen „Komma“.") in body
    assert "LibreOffice Calc fragt beim Öffnen selbst nach Zeichensatz und Trennzeichen" in body
    assert "Markdown-Text, so wie die Träger sie geschrieben haben: mit ihren Zeilenumbrüchen" in body
    assert "“From Text/CSV”" in page("en") and "„Z textu/CSV“" in page("cs")


def test_the_site_map_names_the_feeds_the_calendar_export_writes():
    from generator import calendar_export
    from generator.render.urls import SiteMap

    assert SiteMap().events_calendar() == "daten/" + calendar_export.file_name()
    assert SiteMap().events_calendar("x") == "daten/" + calendar_export.file_name("x")
