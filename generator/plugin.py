"""The MkDocs adapter: runs the pipeline and hands its pages and files to MkDocs.

Records are loaded and checked in ``on_config``, before MkDocs cleans or writes the site
directory, so a broken record leaves no output at all; the German pages are rendered
there too. MkDocs then builds the German site into ``site_dir``; each further language is
a build of its own into ``site_dir/<language>/``, with its own navigation and Material's
interface in that language, run beside the German one where that is safe
(``language_builds.py``).
"""
from __future__ import annotations

import logging
import posixpath
from contextlib import contextmanager
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.utils import is_error_template

from . import legal, material_parts, pipeline, preview, shards
from .config import WegweiserConfig
from .language_builds import FurtherLanguages, can_build_beside
from .open_data import DataFile
from .render import Site, check_static_files
from .render.environment import COMPILED
from .render.content_policy import (ScriptInContent, allow_live_reload, refuse_markup_in_data_block,
                                    refuse_scripts_in, with_policy)
from .render.languages import GERMAN, OWN_NAMES
from .settings import Settings, SettingsError

log = logging.getLogger("mkdocs.plugins.wegweiser")


class WegweiserPlugin(BasePlugin[WegweiserConfig]):
    language = GERMAN  # of the build under way
    further: FurtherLanguages | None = None
    building_further = False  # within the build of a further language (its events are not the first build's)

    def on_config(self, config):
        if self.language == GERMAN:  # the German build starts: prepare everything, render German
            self.operator_nav = config.nav  # a navigation written in mkdocs.yml wins
            self._prepare(config)
            further = self.settings.languages
            if self.shard:  # this build makes one language's site only (shards.py)
                log.info(f"Nur die Seite in der Sprache {self.shard} wird gebaut ({shards.VARIABLE}); die anderen "
                         "Sprachen fehlen in diesem Teil.")
                further = ()
                if self.shard != GERMAN:
                    self._switch_to(config, self.shard, Path(config.site_dir) / self.shard)
            self.further = FurtherLanguages(
                lambda language, site_dir: self._build_language(config, language, site_dir),
                # a preview keeps every language's pages in this process for the next build
                further, Path(config.site_dir), beside=can_build_beside() and not self.preview)
            self.further.start()  # before German is rendered, so that no core waits
        site = self.site
        site_map = site.site_map
        config.nav = self.operator_nav or site.nav
        config.extra["wegweiser_demo"] = self.settings.demo_notice
        config.extra["wegweiser_suche"] = site_map.url(site_map.search())  # the search box on every page
        config.extra["wegweiser_texte"] = site.interface
        config.extra["wegweiser_sprachen"] = OWN_NAMES
        config.extra["wegweiser_fusszeile"] = site.footer  # Impressum, Datenschutz, … (partials/copyright.html)
        return config

    def _prepare(self, config) -> None:
        try:
            self.preview = preview.preview()  # wegweiser serve: only what changed is made again
            self.settings = Settings.from_plugin(self.config, config)
            self.shard = shards.shard_language(self.settings.languages, GERMAN)  # before a long prepare
            self.prepared = pipeline.prepare(pipeline.Sources.of(self.settings))
            pipeline.check_buildable(self.prepared, self.settings)
            check_static_files(self.settings)
            self.sites: dict[str, Site] = {}
            # Made once, before the further languages' builds fork: the open data files are the
            # same in every language (German publishes them, the others' pages name their
            # sizes), and no language's process need serialize the whole directory again.
            self.data_files: tuple[DataFile, ...] = pipeline.open_data_files(self.prepared, self.settings)
        except pipeline.InvalidContent as error:
            for problem in error.problems:
                log.error(str(problem))
            raise PluginError(f"{error} Die Seite wurde nicht erstellt.") from error
        except (SettingsError, shards.UnknownLanguage) as error:
            raise PluginError(str(error)) from error
        located = self.prepared.located
        if located.missing or located.approximate:
            log.info(f"Verortung: {len(located.approximate)} Adressen nur ungefähr, {len(located.missing)} ohne "
                     "Koordinaten. Einzelheiten: wegweiser geocode --check")
        unfilled = legal.unfilled_imprint(self.settings)
        if unfilled:  # a hint, not a warning: strict builds of a preview or the example go on
            log.info(f"Impressum: noch eine Vorlage, in mkdocs.yml fehlt {', '.join(unfilled)}. "
                     "Einzelheiten: wegweiser validate")

    @property
    def site(self) -> Site:
        """The site in the language of the build under way, rendered when it starts."""
        if self.language not in self.sites:
            reuse = self.preview.of_language(self.language) if self.preview else None
            self.sites[self.language] = pipeline.build(self.prepared, self.settings, self.language, self.data_files,
                                                       reuse)
        return self.sites[self.language]

    def on_files(self, files: Files, config) -> Files:
        # Records become pages; nothing from the content folder is published as it is
        # (on_config has already refused any file there that is not a record or the cache).
        content_dir = Path(config.docs_dir).resolve()
        for file in list(files):
            if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(content_dir):
                files.remove(file)
        site = self.site
        self.bodies = {page.src_uri: page.body for page in site.pages}
        self.metas = {page.src_uri: page.meta for page in site.pages}
        self.frame = preview.frame_of(config) if self.preview else None
        self.made: dict[str, object] = {}  # site file -> its page (None for other files), for the preview
        for page in site.pages:
            inclusion = InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV
            file = File.generated(config, page.src_uri, content="", inclusion=inclusion)
            if self.preview and self.preview.unchanged(config.site_dir, self.frame, file, page):
                file = preview.UnchangedPage.generated(config, page.src_uri, content="", inclusion=inclusion)
            files.append(file)
            self.made[file.abs_dest_path] = page
        generated = [File.generated(config, site_path, content=text) for site_path, text in (
            *((m.src_uri, m.html) for m in site.maps), *((m.marker_file, m.marker_data) for m in site.maps),
            *site.search_files.items(), *site.data_files.items())]
        generated += [File.generated(config, site_path, abs_src_path=str(disk_path))
                      for site_path, disk_path in site.static_files.items()]
        for file in generated:
            files.append(file)
            self.made[file.abs_dest_path] = None
        return files

    def on_env(self, env, config, files):
        # Material's templates compiled once per process, not again for every language and rebuild
        env.bytecode_cache = COMPILED
        material_parts.install(env)
        env.filters["von_ueberall"] = whole_address
        return env

    def on_template_context(self, context, template_name, config):
        # Without site_url MkDocs links an error page from the server's root, which is the
        # German site; a Czech or English one must lead into its own language.
        if self.language != GERMAN and not config.site_url and is_error_template(template_name):
            context["base_url"] = f"/{self.language}/"
        return context

    @event_priority(100)  # the page data is there before other plugins look at it
    def on_page_markdown(self, markdown, page, config, files):
        page.meta = self.metas.get(page.file.src_uri, page.meta)
        return markdown

    def on_page_content(self, html, page, config, files):
        # Our pages are finished HTML: they replace what MkDocs made of the empty Markdown.
        return self.bodies.get(page.file.src_uri, html)

    @event_priority(-100)  # last: the policy's hashes are of the page exactly as it is written
    def on_post_page(self, output, page, config):
        try:
            refuse_scripts_in(page.content or "", page.file.src_uri)
            refuse_markup_in_data_block((page.meta or {}).get("strukturierte_daten", ""), page.file.src_uri)
        except ScriptInContent as error:
            raise PluginError(str(error)) from error
        return with_policy(material_parts.valid_html(output))

    @event_priority(-100)
    def on_post_template(self, output_content, template_name, config):
        # The error page (404.html) is a template of the theme, not a page; sitemap.xml is not HTML.
        if not template_name.endswith(".html"):
            return output_content
        return with_policy(material_parts.valid_html(output_content))

    @event_priority(-100)  # after every other plugin has finished the German site
    def on_post_build(self, config):
        if self.preview:
            gone = self.preview.finish(config.site_dir, self.frame, self.made)
            reused = self.preview.of_language(self.language).of("pages").reused
            log.info(f"Vorschau ({self.language}): {reused} Seiten unverändert übernommen, "
                     f"{gone} nicht mehr vorhandene Dateien entfernt.")
        if self.further and not self.building_further:  # the first build (German, or a shard's language)
            self.further.finish()

    def on_build_error(self, error):
        if self.further and not self.building_further:
            self.further.cancel()

    def _build_language(self, config, language: str, site_dir: Path) -> None:
        with self._building(config, language, site_dir):
            mkdocs_build(config, dirty=self.preview is not None)  # the preview keeps unchanged files

    @contextmanager
    def _building(self, config, language: str, site_dir: Path):
        """The configuration of one further language's build, restored afterwards."""
        restore = self._switch_to(config, language, site_dir)
        self.building_further = True
        try:
            yield
        finally:
            self.building_further = False
            restore()

    def _switch_to(self, config, language: str, site_dir: Path) -> Callable[[], None]:
        """Configures the build for one further language; returns what restores German."""
        saved = {key: config[key] for key in ("site_dir", "site_url", "site_name", "site_description", "nav")}
        saved_extra = dict(config.extra)
        saved_language = config.theme["language"]
        config.site_dir = str(site_dir)
        if saved["site_url"]:
            config.site_url = posixpath.join(saved["site_url"], f"{language}/")
        config.site_name = getattr(self.settings.site_name, language) or saved["site_name"]
        config.site_description = getattr(self.settings.site_description, language) or saved["site_description"]
        config.theme["language"] = language
        self.language = language

        def restore() -> None:
            self.language = GERMAN
            config.theme["language"] = saved_language
            for key, value in saved.items():
                config[key] = value
            config.extra.clear()
            config.extra.update(saved_extra)
        return restore

    def on_serve(self, server, config, builder):
        server.watch(self.settings.schemas)  # vocabularies and schemas change the pages too
        allow_live_reload(server)  # the preview's reloading script, under each page's policy
        return server


def whole_address(link: str, page) -> str:
    """A link relative to the page as a whole address, where site_url makes one known."""
    return urljoin(page.canonical_url, link) if page is not None and page.canonical_url else link
