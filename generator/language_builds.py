"""The sites in the further languages: each a MkDocs build of its own, run beside the German one.

Each language needs a whole MkDocs build (its own navigation, Material's interface and
search strings in that language), and the builds share nothing once the directory is
loaded and checked. So where it is safe, each runs in a child process started by
``fork``: the child inherits the checked directory instead of reading it again and builds
into a hidden folder inside the site (``.wegweiser-cs-…``; MkDocs leaves dot folders alone
when it empties the site). When the German build has finished, every folder is renamed
into its place, or, if one language failed, none is. On two cores, three languages then
take less than twice the time of German alone.

Where forking is not safe or gains nothing (``forked.can_fork``: ``mkdocs serve``, macOS,
Windows, a single core), the languages are built one after the other, straight into
``site/<language>/``; a language that fails then leaves those before it in place.
"""
from __future__ import annotations

import atexit
import gc
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Callable

from mkdocs.exceptions import Abort, BuildError, PluginError

from .forked import can_fork

log = logging.getLogger("mkdocs.plugins.wegweiser")

BuildLanguage = Callable[[str, Path], None]  # (language, site folder): one whole MkDocs build
STAGING = ".wegweiser-"


def can_build_beside() -> bool:
    """Whether the further languages may be built in child processes now."""
    return can_fork()


class FurtherLanguages:
    """The builds of the languages besides German, from start to their place in the site."""

    def __init__(self, build_language: BuildLanguage, languages: tuple[str, ...], site_dir: Path, beside: bool):
        self._build_language = build_language
        self._languages = languages
        self._site_dir = site_dir
        self._beside = beside and bool(languages)
        self._children: dict[str, tuple[multiprocessing.Process | None, Path]] = {}
        self._made_site_dir = False

    def start(self) -> None:
        """Starts the builds that run beside the German one (none when they run after it)."""
        if not self._beside:
            return
        self._made_site_dir = not self._site_dir.exists()
        self._site_dir.mkdir(parents=True, exist_ok=True)
        for stale in self._site_dir.glob(f"{STAGING}*"):  # from a build that was interrupted
            shutil.rmtree(stale, ignore_errors=True)
        atexit.register(self.cancel)  # Ctrl-C: MkDocs calls no plugin, but the folders must go
        fork = multiprocessing.get_context("fork")
        gc.freeze()  # the collector would write into every inherited object, copying its memory page
        try:
            for language in self._languages:
                folder = Path(tempfile.mkdtemp(prefix=f"{STAGING}{language}-", dir=self._site_dir))
                self._children[language] = (None, folder)
                child = fork.Process(target=self._build_in_child, args=(language, folder),
                                     name=f"wegweiser-{language}", daemon=True)
                child.start()
                self._children[language] = (child, folder)
        finally:
            gc.unfreeze()

    def finish(self) -> None:
        """After the German build: every further language in its place, or an error."""
        if not self._beside:
            for language in self._languages:
                self._build_language(language, self._site_dir / language)
            return
        for child, _ in self._children.values():
            child.join()
        failed = [language for language, (child, _) in self._children.items() if child.exitcode != 0]
        if failed:
            self.cancel()
            which = (f"Die Seite in der Sprache {failed[0]} ließ sich" if len(failed) == 1 else
                     f"Die Seiten in den Sprachen {', '.join(failed)} ließen sich")
            raise PluginError(f"{which} nicht bauen (die Gründe stehen oben). Keine weitere Sprache "
                              "wurde veröffentlicht.")
        for language, (_, folder) in self._children.items():
            target = self._site_dir / language
            if target.exists():  # left by an earlier build into the same folder (mkdocs build --dirty)
                shutil.rmtree(target)
            os.replace(folder, target)  # one folder, one file system: a rename, done at once
        self._children.clear()
        atexit.unregister(self.cancel)

    def cancel(self) -> None:
        """Stops the children and removes what they wrote (the German build failed)."""
        for child, folder in self._children.values():
            if child is not None:
                if child.is_alive():
                    child.terminate()
                child.join()
            shutil.rmtree(folder, ignore_errors=True)
        self._children.clear()
        if self._made_site_dir and self._site_dir.is_dir() and not any(self._site_dir.iterdir()):
            self._site_dir.rmdir()  # no trace of a build that did not happen
        atexit.unregister(self.cancel)

    def _build_in_child(self, language: str, folder: Path) -> None:
        try:
            self._build_language(language, folder)
        except Exception as error:  # the child's only way to report is the log and its exit code
            # MkDocs' own errors say what is wrong; anything else is a fault in Wegweiser.
            log.error(f"Sprache {language}: {error}", exc_info=not isinstance(error, (BuildError, Abort)))
            sys.exit(1)
