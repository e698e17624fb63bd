"""The render stage: everything a visitor receives, from a located directory.

``render_site`` computes the listings once and hands them to the renderers of maps,
pages and search files; the ``SiteMap`` (``urls.py``) alone knows where each of them lies.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import gettext
from dataclasses import dataclass, field
from pathlib import Path

from ..freshness import Limits
from ..geocode import search_places
from ..directory import Directory
from ..settings import Settings, SettingsError
from ..synonyms import Synonym
from ..vocab import Vocabulary
from .. import legal
from . import catalogue
from .environment import GeneratedPage, local_date_of
from .languages import GERMAN
from .legal_pages import legal_pages
from .open_data_page import open_data_page
from .listings import Listings
from .maps import GeneratedMap, library_files, render_maps
from .pages import ContributionLinks, PageRenderer, interface_texts
from .reuse import Reuses
from .search_areas import place_areas
from .search_files import search_files
from .search_rows import ResultRows
from .search_index import build_index, vocabularies_needed
from .messages import N_
from .urls import TERM_FOLDERS, SiteMap

if TYPE_CHECKING:  # open_data uses the site map and message markers of this package
    from ..open_data import DataFile

# Every vocabulary the site reads: the search's filters and words, the listing pages, and
# the labels the templates show (a test reads the templates to keep this list complete).
VOCABULARIES = frozenset(vocabularies_needed() | set(TERM_FOLDERS) | {
    "status", "kosten", "laender", "netzwerkarten", "regionsarten", "traegerarten", "wochentage",
    "zugangswege", "sprachen", "rechtsgrundlagen", "barrierefreiheit"})


FOOTER_LABEL = N_("Über diese Seite")  # the footer's links: Impressum, Datenschutz, …


@dataclass(frozen=True)
class Site:
    pages: tuple[GeneratedPage, ...]
    maps: tuple[GeneratedMap, ...]
    search_files: dict[str, str]  # site path -> JSON
    static_files: dict[str, Path]  # site path -> file on disk (Leaflet and our map script)
    site_map: SiteMap
    interface: dict[str, str] = field(default_factory=dict)  # overrides/main.html's texts
    nav: list[dict[str, str]] = field(default_factory=list)  # MkDocs' navigation, in the language
    # Every page's footer (overrides/partials/copyright.html): its name and its links.
    footer: dict = field(default_factory=dict)
    data_files: dict[str, bytes] = field(default_factory=dict)  # site path -> open data file (German site only)


def check_static_files(settings: Settings) -> None:
    """Before anything is rendered or written: every front-end file to copy is there."""
    files = library_files(settings.path(settings.node_modules), SiteMap(settings.use_directory_urls))
    missing = [site for site, path in files.items() if not path.is_file()]
    if missing:
        raise SettingsError(
            f"Für die Karten fehlen {', '.join(missing)}. Bitte führen Sie „npm ci“ aus "
            "(oder „make serve“ bzw. „make test“, die das erledigen).")


@dataclass(frozen=True)
class Additions:
    """What a site holds besides the directory's own pages: the providers' documentation
    (field_docs.py), where to report errors, the search's everyday words (synonyms.py) and
    the open data files (open_data.py, written with the German site only)."""

    provider_docs: tuple = ()
    links: ContributionLinks | None = None
    synonyms: tuple[Synonym, ...] = ()
    data_files: tuple[DataFile, ...] = ()


def render_site(directory: Directory, vocabularies: dict[str, Vocabulary], settings: Settings, limits: Limits,
                language: str = GERMAN, additions: Additions = Additions(), reuse: Reuses | None = None) -> Site:
    """The site in one language (its own MkDocs build, under its own folder); with ``reuse``
    (while serving), what did not change since the last build of this language is taken from it."""
    provider_docs, links, synonyms, data_files = (additions.provider_docs, additions.links, additions.synonyms,
                                                  additions.data_files)
    site_map = SiteMap(settings.use_directory_urls, language, (GERMAN, *settings.languages))
    translations = gettext.NullTranslations() if language == GERMAN else catalogue.translations(language)
    static = library_files(settings.path(settings.node_modules), site_map)
    listings = Listings(directory, vocabularies, limits, language)
    maps = render_maps(listings, site_map, settings.maps, translations)
    index = build_index(listings, translations.gettext, synonyms)
    facets = [facet for facet, _ in index.facets]
    renderer = PageRenderer(listings, site_map, maps, settings.maps, facets, provider_docs, links, translations)
    if reuse is not None:  # what every page depends on besides its own context (reuse.py)
        renderer.reuse = reuse.of("pages")
        renderer.reuse.start((language, settings, limits, vocabularies, directory.regions, directory.networks,
                              directory.events, site_map, facets, links))
    pages = renderer.pages() + legal_pages(renderer, settings, legal.own_texts(settings)) + [
        open_data_page(renderer, settings, data_files)]
    seen: set[str] = set()
    for page in pages:
        if page.src_uri in seen:  # rules.py reserves ids like "index"; this is the last guard
            raise ValueError(f"Zwei Seiten hätten dieselbe Adresse: {page.src_uri}")
        seen.add(page.src_uri)
    rows = ResultRows(directory, vocabularies, language, limits.today, translations.gettext,
                      local_date_of(language))
    places = search_places(directory)
    files = search_files(index, rows, places, site_map, place_areas(directory, places))
    return Site(tuple(pages), tuple(maps.values()), files, static, site_map,
                interface_texts(translations.gettext, language), site_map.nav(translations.gettext),
                {"label": translations.gettext(FOOTER_LABEL), "links": site_map.footer(translations.gettext)},
                {site_map.data_file(file.name): file.content for file in data_files} if language == GERMAN else {})
