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

from . import calendar_export, geojson_export, hsds, hsds_tables
from .directory import Directory
from .freshness import Limits
from .render.urls import SiteMap
from .settings import Settings
from .vocab import Vocabulary


@dataclass(frozen=True)
class DataFile:
    name: str  # below daten/
    format: str  # as the page names it; what it holds: render/open_data_page.py
    content: bytes


def _json(value) -> bytes:
    # Compact: the tables of a large directory are tens of megabytes even so.
    return (json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def data_files(directory: Directory, vocabularies: dict[str, Vocabulary], settings: Settings,
               limits: Limits) -> tuple[DataFile, ...]:
    """Every open data file of the directory: HSDS as JSON and CSV, the mapped offerings as
    GeoJSON, the events as iCalendar feeds (one of all, one per network)."""
    site_map = SiteMap(settings.use_directory_urls)
    tables = hsds.export(directory, vocabularies, site_url=settings.site_url, site_map=site_map, today=limits.today)
    title = f"Wegweiser: {settings.open_data.attribution}" if settings.open_data.attribution else "Wegweiser"
    package = hsds_tables.datapackage(settings.open_data.licence, settings.open_data.url, title)
    points = geojson_export.files(directory, site_url=settings.site_url, site_map=site_map, limits=limits)
    calendars = calendar_export.feeds(directory, vocabularies=vocabularies, site_url=settings.site_url,
                                      site_map=site_map, today=limits.today)
    return (
        DataFile("hsds.json", "HSDS 3.0 (JSON)", _json(tables)),
        DataFile("hsds-csv.zip", "HSDS 3.0 (CSV, Data Package)", hsds_tables.zipped(tables, package)),
        *(DataFile(name, "GeoJSON (RFC 7946)", content) for name, content in points.items()),
        *(DataFile(name, "iCalendar (RFC 5545)", content) for name, content in calendars.items()),
    )
