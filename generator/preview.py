"""The preview of ``wegweiser serve``: after a saved change, only what changed is made again.

MkDocs' own ``serve`` empties the site and builds every page after each change: a minute
at 10,000 offerings, for one changed provider file. ``wegweiser serve`` runs it with
``--dirty`` and sets ``VARIABLE``; then, in this process,

- the render stage takes every page whose context did not change from the last build
  (``render/reuse.py``), and
- a page outside the navigation that is the same as last time, around the same theme,
  configuration and navigation, is not handed to the theme again: MkDocs keeps last
  time's file (``UnchangedPage``). Pages in the navigation are few and always written,
  because their menu entries are drawn from each other.

Files the last build wrote and this one no longer makes (a removed offering) are deleted,
so the preview shows what a clean build would. Plain ``mkdocs serve`` builds everything, as
before.
"""
from __future__ import annotations

import functools
import logging
import os
from pathlib import Path

from mkdocs.structure.files import File

from .render.environment import GeneratedPage
from .render.reuse import Reuses

VARIABLE = "WEGWEISER_VORSCHAU"
# What MkDocs warns of in a dirty build, inaccurate menus, cannot happen here (see above);
# in a strict build its warning would stop the preview.
DIRTY_WARNING = "A 'dirty' build is being performed"
# What of mkdocs.yml reaches the frame around every page.
FRAME_SETTINGS = ("nav", "extra", "site_name", "site_url", "site_description", "site_author", "copyright",
                  "repo_url", "repo_name", "edit_uri", "extra_css", "extra_javascript", "use_directory_urls")


def active() -> bool:
    return os.environ.get(VARIABLE) == "1"


class UnchangedPage(File):
    """A page the last build wrote exactly as this one would: MkDocs' dirty build skips it."""

    def is_modified(self) -> bool:
        return False


class _WithoutDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(DIRTY_WARNING)


class Preview:
    """What the last build of each language made, kept for the next one in this process."""

    def __init__(self) -> None:
        self.reuse: dict[str, Reuses] = {}  # language -> what its last build made
        self._written: dict[str, tuple[object, dict[str, GeneratedPage | None]]] = {}  # site dir -> frame, files
        logging.getLogger("mkdocs.commands.build").addFilter(_WithoutDirtyWarning())

    def of_language(self, language: str) -> Reuses:
        return self.reuse.setdefault(language, Reuses())

    def unchanged(self, site_dir: str, frame: object, file: File, page: GeneratedPage) -> bool:
        """Whether ``page`` stands in its file as the last build wrote it."""
        last_frame, written = self._written.get(site_dir, (None, {}))
        before = written.get(file.abs_dest_path)
        return (not page.in_nav and before is not None and last_frame == frame and (before is page or before == page)
                and os.path.isfile(file.abs_dest_path))

    def finish(self, site_dir: str, frame: object, made: dict[str, GeneratedPage | None]) -> int:
        """After a build: remember what it made (site file -> page, None for other files) and
        delete what the last build made and this one did not. Returns how many were deleted."""
        _, before = self._written.get(site_dir, (None, {}))
        gone = [path for path in before if path not in made]
        for path in gone:
            Path(path).unlink(missing_ok=True)
            folder = Path(path).parent
            if folder != Path(site_dir) and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()  # an offering's folder (use_directory_urls)
        self._written[site_dir] = (frame, made)
        return len(gone)


def frame_of(config) -> tuple:
    """Everything around a page's own content: the settings drawn into every page and the
    state of the theme's own templates (an edited override in ``custom_dir`` changes every
    page; the installed theme does not change while serving)."""
    custom = config.theme.custom_dir
    overrides = tuple(sorted((str(path), path.stat().st_mtime_ns) for path in Path(custom).rglob("*")
                             if path.is_file())) if custom else ()
    return tuple(repr(config.get(key)) for key in FRAME_SETTINGS), repr(dict(config.theme.items())), overrides


def preview() -> Preview | None:
    """The process's preview while ``wegweiser serve`` runs, else None."""
    return _of_this_process() if active() else None


@functools.cache
def _of_this_process() -> Preview:
    return Preview()
