"""The Jinja environment of the page templates: autoescape on, and the few helpers the
templates share. Record values reach HTML only through escaping; links only through the
site map (``to.region(id)`` in a template is the link from the current page).

Each language's pages have an environment of their own. A record's text is shown with
``local(text)`` (or ``markdown(text)``): in the page's language where the record has it,
else in German, marked ``lang="de"`` so that screen readers pronounce it as German.
"""
from __future__ import annotations

import functools
import gettext
import html
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import jinja2
from babel.dates import format_date
from markupsafe import Markup, escape

from .. import markup, material_parts
from ..freshness import Limits
from ..directory import Directory
from ..records import Text
from ..settings import MapSettings
from ..vocab import Vocabulary
from .languages import GERMAN
from .opening import browser_texts, views
from .urls import SiteMap

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # as MkDocs names it, e.g. "angebote/suchtberatung-aue.md"
    title: str
    body: str  # HTML
    in_nav: bool = True
    scripts: tuple[str, ...] = ()  # our scripts this page needs besides wegweiser.js
    alternates: dict[str, str] | None = None  # language -> the same page in it, as a link
    structured_data: str = ""  # schema.org JSON-LD for the <head>, safe in a script element (structured_data.py)

    @property
    def meta(self) -> dict:
        """What MkDocs would read from front matter, handed to it directly (the plugin's
        ``on_page_markdown``): writing and parsing YAML for every page of every language
        took a sixth of a language's build. The body never passes through Markdown (whose
        fenced-code step would rewrite ``` in record text); the plugin puts it in."""
        # Material writes meta titles into <title> and the header unescaped.
        meta = {"title": html.escape(self.title, quote=True)}
        if self.scripts:
            meta["skripte"] = list(self.scripts)
        if self.alternates:
            meta["sprachen"] = self.alternates
        if self.structured_data:
            meta["strukturierte_daten"] = self.structured_data
        return meta


class PageLinks:
    """The site map's pages as links from one page: ``to.offering(id)``, ``to.search()``."""

    def __init__(self, site_map: SiteMap, here: str):
        self._site_map, self._here = site_map, here

    def __getattr__(self, page: str):
        target = getattr(self._site_map, page)
        return lambda *args: self._site_map.link(self._here, target(*args))

    def file(self, path: str) -> str:
        return self._site_map.link(self._here, path)

    def calendar(self, network_id: str = "") -> str:
        """An events feed, in the German site's folder whatever the page's language."""
        return self._site_map.link(self._here, self._site_map.events_calendar(network_id), "de")


# Babel's English dates are American ("March 1, 2026"); Europe writes "1 March 2026".
DATE_LOCALES = {"en": "en_GB"}


def local_date_of(language: str):
    """``2026-03-01`` as the page's language writes it: ``1. März 2026``, ``1. března 2026``."""
    if language == GERMAN:
        return markup.german_date
    return functools.lru_cache(maxsize=4096)(
        lambda day: format_date(day, "long", locale=DATE_LOCALES.get(language, language)))


def local_text_of(language: str, only_german_note: str):
    """``local`` and ``markdown`` of the templates, for one language."""

    def local(text: Text | None) -> Markup:
        if text is None:
            return Markup("")
        if not text.lacks(language):
            return escape(text.get(language))
        return Markup('<span lang="de">{}</span>').format(text.de)

    def markdown(text: Text | None, level: int = 3) -> Markup:
        if not text:
            return Markup("")
        # "ww-text": running text, whose links stay in their sentences (no 44 px tap targets).
        if not text.lacks(language):
            return Markup('<div class="ww-text">{}</div>').format(
                Markup(markup.markdown_to_safe_html(text.get(language), level)))
        # The note first, so that a screen reader says it before the German text.
        return Markup('<p class="ww-nur-deutsch">{}</p>\n<div class="ww-text" lang="de">{}</div>').format(
            only_german_note, Markup(markup.markdown_to_safe_html(text.de, level)))

    return local, markdown


def directions_href(address) -> str | None:
    """A route to the address on OpenStreetMap (apps for maps on a phone open such links):
    to the point where it is known exactly, else a search for the written address. Never
    for a confidential address (a shelter)."""
    if address.confidential:
        return None
    if address.location and not address.location.approximate:
        return ("https://www.openstreetmap.org/directions?route="
                + quote(f";{address.location.latitude:.5f},{address.location.longitude:.5f}", safe=""))
    return "https://www.openstreetmap.org/search?query=" + quote(address.one_line, safe="")


class CompiledTemplates(jinja2.BytecodeCache):
    """The templates compiled once per process, by their source's checksum: every language
    of a build, and every rebuild of ``wegweiser serve``, makes an environment of its own
    (the directory is in its globals), and compiling the templates again cost seconds."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def environment(directory: Directory, vocabularies: dict[str, Vocabulary], limits: Limits,
                map_settings: MapSettings, translations=None, language: str = GERMAN) -> jinja2.Environment:
    translations = translations or gettext.NullTranslations()
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.do", "jinja2.ext.i18n"],
        bytecode_cache=COMPILED,
    )
    # Every sentence of the templates goes through the message catalogue: `_()` and
    # `ngettext()`. The messages are German; other languages get catalogues of their own.
    # New-style gettext escapes the values put into a message and keeps its markup.
    env.install_gettext_translations(translations, newstyle=True)

    def terms(ids, vocabulary: str, separator: str = ", ") -> str:
        """Labels of the given terms, in the vocabulary's order."""
        return separator.join(term.label(language) for term in vocabularies[vocabulary].ordered(ids))

    @jinja2.pass_context
    def term_links(context, ids, vocabulary: str) -> Markup:
        """Links to the listing page of each term, in the vocabulary's order."""
        to = context["to"]
        return Markup(", ").join(Markup('<a href="{}">{}</a>').format(to.term(vocabulary, term.id),
                                                                     term.label(language))
                                 for term in vocabularies[vocabulary].ordered(ids))

    @jinja2.pass_context
    def record_links(context, ids, kind: str) -> Markup:
        """Links to regions, networks or organisations, in the given order."""
        to = context["to"]
        name_of = {"region": directory.region, "network": directory.network, "organisation": directory.organisation}
        return Markup(", ").join(
            Markup('<a href="{}">{}</a>').format(getattr(to, kind)(i), local(name_of[kind](i).name)) for i in ids)

    # The German text where a record has none in the page's language, and the note
    # saying so; Babel extracts the message from here.
    local, markdown = local_text_of(language, translations.gettext("Nur auf Deutsch verfügbar."))
    env.filters.update(terms=terms, term_links=term_links, record_links=record_links, local=local,
                       country_label=lambda country: vocabularies["laender"].label(country, language))
    env.globals.update(
        label=lambda vocabulary, term_id: vocabularies[vocabulary].label(term_id, language),
        local=local, markdown=markdown, language=language,
        local_date=local_date_of(language), tel_href=markup.tel_href, mailto_href=markup.mailto_href,
        directions_href=directions_href, opening_hours=views(directory, limits.today),
        opening_texts=browser_texts(translations.gettext, DATE_LOCALES.get(language, language).replace("_", "-")),
        directory=directory, vocab=vocabularies, organisation=directory.organisation, icon=material_parts.icon,
        map_settings=map_settings, is_stale=limits.is_stale, stale_before=limits.stale_before,
        attributions=lambda addresses: sorted(
            {a.location.attribution for a in addresses if a.location and a.location.attribution}),
    )
    return env
