"""The MkDocs adapter: runs the pipeline and hands its pages to MkDocs.

Records are loaded and checked in ``on_config``, before MkDocs cleans or writes the site
directory, so a broken record leaves no output at all.
"""
from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import freshness, maps, pipeline
from .config import WegweiserConfig
from .pages import ContributionLinks
from .problems import summary

log = logging.getLogger("mkdocs.plugins.wegweiser")

NAV = [
    {"Start": "index.md"},
    {"Themen": "themen/index.md"},
    {"Zielgruppen": "zielgruppen/index.md"},
    {"Regionen": "regionen/index.md"},
    {"Karte": "karte.md"},
    {"A–Z": "a-z.md"},
    {"Suche": "suche.md"},
    {"Träger": "traeger/index.md"},
    {"Netzwerke": "netzwerke/index.md"},
    {"Termine": "termine/index.md"},
    {"Mitmachen": "mitmachen.md"},
]


class WegweiserPlugin(BasePlugin[WegweiserConfig]):
    def on_config(self, config):
        sources = pipeline.Sources(Path(config.docs_dir), Path(self.config.schemas),
                                   Path(self.config.geocache) if self.config.geocache else None)
        loaded = pipeline.load_and_validate(sources)
        if not loaded.ok:
            for problem in loaded.problems:
                log.error(str(problem))
            raise PluginError(summary(loaded.problems) + " Die Seite wurde nicht erstellt.")
        directory, located = pipeline.locate(loaded)
        if located.confidential_keys:
            # Never used for the site, but the street may still stand in the repository.
            log.warning(
                f"Der Geocode-Cache enthält {len(located.confidential_keys)} veraltete Einträge am Ort "
                "einer vertraulichen Anschrift. Bitte entfernen Sie sie: wegweiser geocode --aufraeumen")
        if located.missing or located.approximate:
            log.info(
                f"Verortung: {len(located.approximate)} Adressen nur ungefähr, "
                f"{len(located.missing)} ohne Koordinaten. Einzelheiten: wegweiser geocode --check")
        self.node_modules = Path(config.config_file_path or ".").parent / self.config.node_modules
        missing = maps.missing_libraries(self.node_modules)
        if missing:
            raise PluginError(
                f"Für die Karten fehlen {', '.join(missing)}. Bitte führen Sie „npm ci“ aus "
                "(oder „make serve“ bzw. „make test“, die das erledigen).")
        try:
            limits = freshness.Limits.from_config(self.config.stale_after, self.config.hide_after)
        except ValueError as error:
            raise PluginError(f"wegweiser: stale_after/hide_after: {error}") from error
        try:
            self.site = pipeline.render(loaded, directory, maps.MapSettings(**self.config.maps), limits,
                                        ContributionLinks(self.config.repository))
        except ValueError as error:
            raise PluginError(str(error)) from error
        if not config.nav:
            config.nav = NAV
        config.extra["wegweiser_demo"] = self.config.demo_notice
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
                inclusion=InclusionLevel.INCLUDED if page.in_nav else InclusionLevel.NOT_IN_NAV,
            ))
        for generated in self.site.maps:
            files.append(File.generated(config, generated.src_uri, content=generated.html))
        for site_path, text in self.site.search_files.items():
            files.append(File.generated(config, site_path, content=text))
        for site_path, disk_path in maps.library_files(self.node_modules).items():
            files.append(File.generated(config, site_path, abs_src_path=str(disk_path)))
        return files

    def on_page_content(self, html, page, config, files):
        # Our pages are finished HTML: they replace what MkDocs made of the front matter.
        return self.bodies.get(page.file.src_uri, html)

    def on_serve(self, server, config, builder):
        server.watch(self.config.schemas)  # vocabularies and schemas change the pages too
        return server
