"""The render stage: everything a visitor receives, from a located directory.

``render_site`` computes the listings once and hands them to the renderers of maps,
pages and search files; the ``SiteMap`` (``urls.py``) alone knows where each of them lies.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..freshness import Limits
from ..geocode import search_places
from ..directory import Directory
from ..settings import Settings, SettingsError
from ..vocab import Vocabulary
from .environment import GeneratedPage
from .listings import Listings
from .maps import GeneratedMap, library_files, render_maps
from .pages import ContributionLinks, PageRenderer
from .search_files import search_files
from .search_index import build_index, vocabularies_needed
from .urls import TERM_FOLDERS, SiteMap

# Every vocabulary the site reads: the search's filters and words, the listing pages, and
# the labels the templates show (a test reads the templates to keep this list complete).
VOCABULARIES = frozenset(vocabularies_needed() | set(TERM_FOLDERS) | {
    "status", "kosten", "laender", "netzwerkarten", "regionsarten", "traegerarten", "wochentage",
    "zugangswege", "sprachen", "rechtsgrundlagen", "barrierefreiheit"})


@dataclass(frozen=True)
class Site:
    pages: tuple[GeneratedPage, ...]
    maps: tuple[GeneratedMap, ...]
    search_files: dict[str, str]  # site path -> JSON
    static_files: dict[str, Path]  # site path -> file on disk (Leaflet and our map script)
    site_map: SiteMap

    def check_static_files(self) -> None:
        """Before anything is written: every file to copy is there."""
        missing = [site for site, path in self.static_files.items() if not path.is_file()]
        if missing:
            raise SettingsError(
                f"Für die Karten fehlen {', '.join(missing)}. Bitte führen Sie „npm ci“ aus "
                "(oder „make serve“ bzw. „make test“, die das erledigen).")


def render_site(directory: Directory, vocabularies: dict[str, Vocabulary], settings: Settings, limits: Limits,
                provider_docs=(), links: ContributionLinks | None = None) -> Site:
    site_map = SiteMap(settings.use_directory_urls)
    static = library_files(settings.path(settings.node_modules), site_map)
    listings = Listings(directory, vocabularies, limits)
    maps = render_maps(listings, site_map, settings.maps)
    index = build_index(listings)
    pages = PageRenderer(listings, site_map, maps, settings.maps, [facet for facet, _ in index.facets],
                         provider_docs, links).pages()
    seen: set[str] = set()
    for page in pages:
        if page.src_uri in seen:  # rules.py reserves ids like "index"; this is the last guard
            raise ValueError(f"Zwei Seiten hätten dieselbe Adresse: {page.src_uri}")
        seen.add(page.src_uri)
    files = search_files(index, vocabularies["status"], search_places(directory), site_map)
    return Site(tuple(pages), tuple(maps.values()), files, static, site_map)
