"""Open data: the files every build publishes under daten/, for other directories,
advice services and anyone who wants to reuse the entries.

They are made once per build from the located directory, in German (the pages come in
three languages, the data in one). The same records give the same bytes on the same day
(``limits.today``), so a rebuild changes no download that did not change. From one day to
the next a file changes without an edit only where something runs out: a closure that
has passed leaves hsds.json, a past event loses its registration and links to the archive
in the feeds, an offering past ``hide_after`` leaves angebote.geojson. The bytes also
depend on what writes them: zlib (the zip; Python's), icalendar and the time zone data of
the feeds' VTIMEZONE (zoneinfo reads the system's, else the tzdata package; requirements/
pins icalendar and tzdata). The page "Offene Daten" lists the files
with their licence (``render/open_data_page.py``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from . import calendar_export, geocode, geojson_export, hsds, hsds_tables
from .directory import Directory
from .freshness import Limits
from .render.urls import SiteMap
from .settings import LICENCE_IDS, LICENCES, Settings, licence_link
from .vocab import Vocabulary


@dataclass(frozen=True)
class DataFile:
    name: str  # below daten/
    format: str  # as the page names it; what it holds: render/open_data_page.py
    content: bytes


def _json(value) -> bytes:
    # Compact: the tables of a large directory are tens of megabytes even so.
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def package(settings: Settings, directory: Directory) -> dict:
    """The CSV files' datapackage.json, with the data's licence, the licences of the points
    that have another, and every source of points the data hold, as the Data Package
    specification has them (``licenses``, ``sources``)."""
    data = settings.open_data
    # The site's name (the product's only where settings were made without MkDocs), and whom to name.
    name = " ".join(settings.german_site_name.split()) or "Wegweiser"
    title = f"{name}: {data.attribution}" if data.attribution and data.attribution != name else name
    published = geocode.published_points(directory)
    points = {geocode.POINT_SOURCES[source]: count for source, count in published.items()}
    other_licences = geocode.other_licences(published, data.licence)
    licences = [hsds_tables.licence(data.licence, data.url, data.open_definition_id)]
    licences += [hsds_tables.licence(source.licence, licence_link(LICENCES[source.licence]),
                                     LICENCE_IDS[source.licence], f"{source.licence} (Koordinaten aus {source.name})")
                 for source in other_licences]
    # Only third parties are sources; a point typed into a record is part of the directory.
    sources = [{"title": source.credit, "path": source.url} for source in points if source.url]
    description = ["Die Einträge als Tabellen von HSDS 3.0 (Open Referral), je Objekt eine CSV-Datei; die Texte "
                   f"sind deutsch. Lizenz: {data.licence}."]
    if points:
        counted = "; ".join(f"{source.name}: {count}" for source, count in points.items())
        description.append(f"Herkunft der Punkte der Orte (latitude, longitude in locations.csv), mit der Zahl der "
                           f"Orte: {counted}. Welche Quelle für einen Ort gilt, sagt sein Merkmal der Taxonomie "
                           f"„{hsds.POINT_SOURCE}“ in attributes.csv, mit der Quellenangabe als value.")
    description += [f"Ausgenommen von der Lizenz {data.licence} sind die Koordinaten aus {source.name}: Sie stehen "
                    f"unter der Lizenz {source.licence}." for source in other_licences]
    return hsds_tables.datapackage(licences, title, sources, " ".join(description))


def data_files(directory: Directory, vocabularies: dict[str, Vocabulary], settings: Settings,
               limits: Limits) -> tuple[DataFile, ...]:
    """Every open data file of the directory: HSDS as JSON and CSV, the mapped offerings as
    GeoJSON, the events as iCalendar feeds (one of all, one per network)."""
    site_map = SiteMap(settings.use_directory_urls)
    tables = hsds.export(directory, vocabularies, site_url=settings.site_url, site_map=site_map, today=limits.today)
    points = geojson_export.files(directory, site_url=settings.site_url, site_map=site_map, limits=limits)
    calendars = calendar_export.feeds(directory, vocabularies=vocabularies, site_url=settings.site_url,
                                      site_map=site_map, today=limits.today, site_name=settings.german_site_name)
    return (
        DataFile("hsds.json", "HSDS 3.0 (JSON)", _json(tables)),
        DataFile("hsds-csv.zip", "HSDS 3.0 (CSV, Data Package)",
                 hsds_tables.zipped(tables, package(settings, directory))),
        *(DataFile(name, "GeoJSON (RFC 7946)", content) for name, content in points.items()),
        *(DataFile(name, "iCalendar (RFC 5545)", content) for name, content in calendars.items()),
    )
