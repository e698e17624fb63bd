"""The MkDocs adapter: runs the pipeline and hands its pages and files to MkDocs.

Records are loaded, checked and rendered in ``on_config``, before MkDocs cleans or writes
the site directory, so a broken record leaves no output at all.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import pipeline
from .config import WegweiserConfig
from .settings import Settings, SettingsError

log = logging.getLogger("mkdocs.plugins.wegweiser")


class WegweiserPlugin(BasePlugin[WegweiserConfig]):
    def on_config(self, config):
        try:
            self.settings = Settings.from_plugin(self.config, config)
            prepared = pipeline.prepare(pipeline.Sources.of(self.settings))
            self.site = pipeline.build(prepared, self.settings)
            self.site.check_static_files()
        except pipeline.InvalidContent as error:
            for problem in error.problems:
                log.error(str(problem))
            raise PluginError(f"{error} Die Seite wurde nicht erstellt.") from error
        except SettingsError as error:
            raise PluginError(str(error)) from error
        located = prepared.located
        if located.missing or located.approximate:
            log.info(f"Verortung: {len(located.approximate)} Adressen nur ungefähr, {len(located.missing)} ohne "
                     "Koordinaten. Einzelheiten: wegweiser geocode --check")
        site_map = self.site.site_map
        config.nav = config.nav or site_map.nav()
        config.extra["wegweiser_demo"] = self.settings.demo_notice
        config.extra["wegweiser_suche"] = site_map.url(site_map.search())  # the search box on every page
        return config

    def on_files(self, files: Files, config) -> Files:
        # Records become pages; nothing from the content folder is published as it is
        # (on_config has already refused any file there that is not a record or the cache).
        content_dir = Path(config.docs_dir).resolve()
        for file in list(files):
            if file.abs_src_path and Path(file.abs_src_path).resolve().is_relative_to(content_dir):
                files.remove(file)
        self.bodies = {page.src_uri: page.body for page in self.site.pages}
        for page in self.site.pages:
            files.append(File.generated(
                config, page.src_uri, content=page.markdown,
                inclusion=InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV))
        for generated in self.site.maps:
            files.append(File.generated(config, generated.src_uri, content=generated.html))
        for site_path, text in self.site.search_files.items():
            files.append(File.generated(config, site_path, content=text))
        for site_path, disk_path in self.site.static_files.items():
            files.append(File.generated(config, site_path, abs_src_path=str(disk_path)))
        return files

    def on_page_content(self, html, page, config, files):
        # Our pages are finished HTML: they replace what MkDocs made of the front matter.
        return self.bodies.get(page.file.src_uri, html)

    def on_serve(self, server, config, builder):
        server.watch(self.settings.schemas)  # vocabularies and schemas change the pages too
        return server
