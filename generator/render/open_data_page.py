"""The page "Offene Daten": which files every build publishes under daten/, in which
format, under which licence, and whom to name as the source.

The files are made once, in German (``open_data.py``); the page comes in every language
and links to them in the German site's folder.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from babel.numbers import format_decimal

from ..geocode import POINT_SOURCES, other_licences, published_points
from ..settings import LICENCES, Settings, licence_link
from .environment import GeneratedPage
from .messages import N_

if TYPE_CHECKING:  # open_data uses the site map and message markers of this package
    from ..open_data import DataFile

TITLE = N_("Offene Daten")
# What each file of open_data.py holds.
CONTENTS = {
    "hsds.json": N_("Alle Träger und Angebote mit Orten, Kontakten, Sprechzeiten, Sprachen und Begriffen: je "
                    "HSDS-Objekt eine Liste, verknüpft über Kennungen."),
    "hsds-csv.zip": N_("Dieselben Tabellen als CSV-Dateien mit Beschreibung (datapackage.json)."),
    "angebote.geojson": N_("Die Angebote auf der Karte: je Angebot und Ort ein Punkt, mit Anschrift, Themen "
                           "und der Angabe, ob der Punkt genau oder ungefähr ist."),
    "termine.ics": N_("Alle Termine der Netzwerke, zum Abonnieren in Ihrem Kalender."),
}
NETWORK_CALENDAR = "termine-"  # and the network's id: its events only
NUMBER_LOCALES = {"de": "de_DE", "cs": "cs_CZ", "en": "en_GB"}


def size(byte_count: int, language: str) -> str:
    """A file's size as people read it: "12,4 KB", "3,1 MB"."""
    locale = NUMBER_LOCALES.get(language, "de_DE")
    if byte_count < 1024 * 1024:
        return f"{format_decimal(max(byte_count / 1024, 0.1), format='#,##0.#', locale=locale)} KB"
    return f"{format_decimal(byte_count / 1024 / 1024, format='#,##0.#', locale=locale)} MB"


def open_data_page(renderer, settings: Settings, files: tuple[DataFile, ...]) -> GeneratedPage:
    """The page in the renderer's language (``renderer``: a ``pages.PageRenderer``)."""
    site_map = renderer.site_map
    here = site_map.open_data()
    def listed(file: DataFile, title) -> dict:
        return {"link": site_map.link(here, site_map.data_file(file.name), "de"), "name": file.name,
                "format": file.format, "title": title, "size": size(len(file.content), renderer.language)}

    directory = renderer.directory
    # The network's name as a Text: the page marks it as German where it lacks a translation.
    # "network": the feed's network ("" for all events), for its whole address (feed_address).
    calendars = [{**listed(file, directory.network(network_id).name), "network": network_id}
                 for file in files if file.name.startswith(NETWORK_CALENDAR)
                 for network_id in [file.name[len(NETWORK_CALENDAR):-len(".ics")]]]
    calendars[:0] = [{**listed(file, None), "network": ""} for file in files if file.name == "termine.ics"]
    main = [listed(file, renderer.gettext(CONTENTS[file.name])) for file in files
            if not file.name.startswith(NETWORK_CALENDAR)]
    # Whom to name as the source: as the operator wants, else the operator, else the site.
    attribution = (settings.open_data.attribution or settings.operator.name
                   or " ".join(settings.site_name_in(renderer.language).split()))
    licence = settings.open_data
    # Only the sources the data hold, with how many points each: a credit for data that is
    # not there would be as wrong as a missing one.
    published = published_points(directory)
    points = {POINT_SOURCES[source].code: count for source, count in published.items()}
    sources = [POINT_SOURCES[source] for source in published]
    exceptions = [{"source": source.name, "licence": source.licence,
                   "link": licence_link(LICENCES[source.licence], renderer.language)}
                  for source in other_licences(published, licence.licence)]
    return renderer.render(
        "open_data.html", here, renderer.gettext(TITLE), in_nav=False, files=main, calendars=calendars,
        licence=licence.licence, licence_link=licence.link(renderer.language), attribution=attribution,
        points=points, exceptions=exceptions, share_alike=any(e["licence"] == "ODbL 1.0" for e in exceptions),
        third_party=any(source.licence for source in sources),
        licence_links={name: licence_link(LICENCES[name], renderer.language) for name in ("CC BY 4.0", "ODbL 1.0")})
