"""The site map: the one place that knows where every page and file of the site lies.

Pages are named by their MkDocs source path (``angebote/suchtberatung-aue.md``); what
URL that becomes depends on ``use_directory_urls`` (``angebote/suchtberatung-aue/`` or
``angebote/suchtberatung-aue.html``), and MkDocs does not rewrite links inside our HTML,
so every link is made here, relative to the page it stands on. Templates, maps, the search
index and the scripts (through data attributes and JSON) get their links from here and
never spell a path. A new kind of page is a change here.

Each language is a site of its own, built by MkDocs into its own folder: German at the
root, the others under ``cs/`` and ``en/`` (``prefix``). Page paths are the same in every
language, so the same page in another language is ``link(here, here, language)``.
"""
from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass

from .languages import GERMAN, LANGUAGES
from .messages import N_

MAPS_FOLDER = "karten"
DATA_FOLDER = "daten"  # the open data files, once for all languages
SEARCH_FOLDER = "suche"
ASSETS_FOLDER = "assets"
ID_PLACEHOLDER = "{id}"  # scripts put an offering's id here (encodeURIComponent)

# Pages at the top of the site, and folders of files; a record id equal to one of their
# names would take its address, so these ids are reserved (rules.py reports them).
TOP_PAGES = {"start": "index.md", "a_to_z": "a-z.md", "search": "suche.md", "overview_map": "karte.md",
             "places": "orte.md", "contribute": "mitmachen.md", "saved_list": "merkliste.md",
             "open_data": "offene-daten.md"}
RESERVED_IDS = frozenset({"index"} | {src[: -len(".md")] for src in TOP_PAGES.values()}
                         | {MAPS_FOLDER, ASSETS_FOLDER, SEARCH_FOLDER, DATA_FOLDER})

# The legal and explanatory pages, in the order of every page's footer, with their titles
# there. Entry and term pages live in folders, so no id can take these addresses.
LEGAL_PAGES = {"imprint": "impressum.md", "privacy": "datenschutz.md", "accessibility": "barrierefreiheit.md",
               "easy_language": "leichte-sprache.md", "sign_language": "gebaerdensprache.md"}
FOOTER_TITLES = {"imprint": N_("Impressum"), "privacy": N_("Datenschutz"), "accessibility": N_("Barrierefreiheit"),
                 "easy_language": N_("Leichte Sprache"), "sign_language": N_("Gebärdensprache")}

# Listing pages of offerings by a vocabulary: URL folder = vocabulary name, and the title.
TERM_FOLDERS = {"themen": N_("Themen"), "zielgruppen": N_("Zielgruppen")}


@dataclass(frozen=True)
class SiteMap:
    use_directory_urls: bool = True
    language: str = GERMAN
    languages: tuple[str, ...] = LANGUAGES  # the sites that are built, German first

    @property
    def prefix(self) -> str:
        """The language's folder below the site's root."""
        return "" if self.language == GERMAN else f"{self.language}/"

    def in_language(self, language: str) -> "SiteMap":
        return SiteMap(self.use_directory_urls, language, self.languages)

    # --- pages, by their MkDocs source path ----------------------------------------

    def start(self) -> str:
        return TOP_PAGES["start"]

    def a_to_z(self) -> str:
        return TOP_PAGES["a_to_z"]

    def search(self) -> str:
        return TOP_PAGES["search"]

    def overview_map(self) -> str:
        return TOP_PAGES["overview_map"]

    def places(self) -> str:
        return TOP_PAGES["places"]

    def contribute(self) -> str:
        return TOP_PAGES["contribute"]

    def open_data(self) -> str:
        return TOP_PAGES["open_data"]

    def data_file(self, name: str) -> str:
        """An open data file: in the German site's folder, which every language links to."""
        return f"{DATA_FOLDER}/{name}"

    def events_calendar(self, network_id: str = "") -> str:
        """The iCalendar feed of every event, or of one network's (calendar_export.py)."""
        return self.data_file(f"termine-{network_id}.ics" if network_id else "termine.ics")

    def saved_list(self) -> str:
        return TOP_PAGES["saved_list"]

    def organisations(self) -> str:
        return "traeger/index.md"

    def organisation(self, organisation_id: str) -> str:
        return f"traeger/{organisation_id}.md"

    def offering(self, offering_id: str) -> str:
        return f"angebote/{offering_id}.md"

    def networks(self) -> str:
        return "netzwerke/index.md"

    def network(self, network_id: str) -> str:
        return f"netzwerke/{network_id}.md"

    def regions(self) -> str:
        return "regionen/index.md"

    def region(self, region_id: str) -> str:
        return f"regionen/{region_id}.md"

    def events(self) -> str:
        return "termine/index.md"

    def event(self, event_id: str) -> str:
        """A coming event; past ones are on the archive page."""
        return f"{self.events()}#{event_id}"

    def events_archive(self) -> str:
        """Past events, linked from the events page and from networks' pages."""
        return "termine/archiv.md"

    def terms(self, vocabulary: str) -> str:
        return f"{vocabulary}/index.md"

    def term(self, vocabulary: str, term_id: str) -> str:
        return f"{vocabulary}/{term_id}.md"

    def listing_page(self, src: str, number: int) -> str:
        """Page ``number`` of a listing whose first page is ``src``: ``a-z.md`` → ``a-z/seite/2.md``,
        ``traeger/index.md`` → ``traeger/seite/2.md``. No record's page can lie there: a
        record's id names one file, never a folder with ``seite/`` in it."""
        if number == 1:
            return src
        folder = src[: -len("index.md")] if src == "index.md" or src.endswith("/index.md") else src[: -len(".md")] + "/"
        return f"{folder}seite/{number}.md"

    def nav(self, gettext=lambda title: title) -> list[dict[str, str]]:
        """MkDocs' navigation: the listings only; entry pages stay out (thousands of them)."""
        return [{gettext(title): src} for title, src in (
            (N_("Start"), self.start()), (N_("Themen"), self.terms("themen")),
            (N_("Zielgruppen"), self.terms("zielgruppen")), (N_("Regionen"), self.regions()),
            (N_("Karte"), self.overview_map()), (N_("A–Z"), self.a_to_z()), (N_("Suche"), self.search()),
            (N_("Merkliste"), self.saved_list()), (N_("Träger"), self.organisations()),
            (N_("Netzwerke"), self.networks()),
            (N_("Termine"), self.events()), (N_("Mitmachen"), self.contribute()),
        )]

    def legal(self, page: str) -> str:
        """A legal or explanatory page: ``imprint``, ``privacy``, ``accessibility``,
        ``easy_language``, ``sign_language``."""
        return LEGAL_PAGES[page]

    def footer(self, gettext=lambda title: title) -> list[dict[str, str]]:
        """The links of every page's footer, from the site's root (overrides/main.html makes
        them relative to the page, the not-found page too)."""
        return [{"title": gettext(FOOTER_TITLES[page]), "url": self.url(src)} for page, src in LEGAL_PAGES.items()] + [
            {"title": gettext(N_("Offene Daten")), "url": self.url(self.open_data())}]

    # --- files beside the pages ----------------------------------------------------

    def overview_map_document(self) -> str:
        return f"{MAPS_FOLDER}/alle.html"

    def region_map_document(self, region_id: str) -> str:
        return f"{MAPS_FOLDER}/region-{region_id}.html"

    def map_markers(self, map_document: str) -> str:
        """The markers of a map document, in a JSON file beside it (``karten/alle.json``)."""
        return map_document.removesuffix(".html") + ".json"

    def map_asset(self, name: str) -> str:
        return f"{MAPS_FOLDER}/{ASSETS_FOLDER}/{name}"

    def search_file(self, name: str) -> str:
        return f"{SEARCH_FOLDER}/{name}"

    # --- URLs and links --------------------------------------------------------------

    def url(self, src: str) -> str:
        """Where a page or file is, from the site's root, as MkDocs will write it."""
        if not src.endswith(".md"):
            return src
        stem = src[: -len(".md")]
        if not self.use_directory_urls:
            return stem + ".html"
        if stem == "index" or stem.endswith("/index"):
            return stem[: -len("index")]
        return stem + "/"

    def _folder(self, src: str) -> str:
        """The folder, from the site's root, a relative link from this page or file starts in."""
        url = self.prefix + self.url(src)
        return url if url == "" or url.endswith("/") else posixpath.dirname(url)

    def link(self, here: str, target: str, language: str | None = None) -> str:
        """A relative link from page or file ``here`` to ``target`` (``#anchor`` kept), in
        this site's language or in ``language``."""
        target, hash_, anchor = target.partition("#")
        there = self.in_language(language) if language else self
        url = there.prefix + there.url(target)
        relative = _relative(url or ".", self._folder(here) or ".")
        if relative == ".":
            relative = "./"
        elif url.endswith("/") or url == "":
            relative += "/"
        return relative + hash_ + anchor

    def alternates(self, here: str) -> dict[str, str]:
        """The same page in every language of the site, as links from the page."""
        return {language: self.link(here, here, language) for language in self.languages}


@functools.lru_cache(maxsize=1 << 16)
def _relative(url: str, folder: str) -> str:
    # The same few thousand pairs on every page; relpath asks the file system for the working folder each time.
    return posixpath.relpath(url, folder)
