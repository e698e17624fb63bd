"""The sites in the further languages: each a MkDocs build of its own, run beside the German one.

Each language needs a whole MkDocs build (its own navigation, Material's interface and
search strings in that language), and the builds share nothing once the directory is
loaded and checked. So where it is safe, each runs in a child process started by
``fork``: the child inherits the checked directory instead of reading it again, builds into
a folder of its own beside the site, and the German build, when it has finished, moves
every folder into place, or none if one language failed. On a machine with two cores the
three languages then take little more time than German alone.

Where forking is not safe (``mkdocs serve`` rebuilds in a thread of its own, macOS and
Windows do not fork well, a single core gains nothing) the languages are built one after
the other, straight into ``site/<language>/``.
"""
from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
from pathlib import Path
from typing import Callable

from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.plugins.wegweiser")

BuildLanguage = Callable[[str, Path], None]  # (language, site folder): one whole MkDocs build


def can_build_beside(command: str) -> bool:
    """Whether the further languages may be built in child processes now."""
    return (command != "serve" and sys.platform == "linux"
            and threading.current_thread() is threading.main_thread()
            and len(os.sched_getaffinity(0)) > 1)


class FurtherLanguages:
    """The builds of the languages besides German, from start to their place in the site."""

    def __init__(self, build_language: BuildLanguage, languages: tuple[str, ...], site_dir: Path, beside: bool):
        self._build_language = build_language
        self._languages = languages
        self._site_dir = site_dir
        self._beside = beside
        self._children: dict[str, tuple[multiprocessing.Process, Path]] = {}

    def start(self) -> None:
        """Starts the builds that run beside the German one (none when they run after it)."""
        if not self._beside or not self._languages:
            return
        fork = multiprocessing.get_context("fork")
        self._site_dir.parent.mkdir(parents=True, exist_ok=True)
        gc.freeze()  # the collector would write into every inherited object, copying its memory page
        for language in self._languages:
            # Beside the site, not in it: the German build empties the site folder first.
            folder = Path(tempfile.mkdtemp(prefix=f".wegweiser-{language}-", dir=self._site_dir.parent))
            child = fork.Process(target=self._build_in_child, args=(language, folder), name=f"wegweiser-{language}")
            child.start()
            self._children[language] = (child, folder)
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
            raise PluginError(f"Die Seite in der Sprache {', '.join(failed)} ließ sich nicht bauen (die Gründe "
                              "stehen oben). Die Sprachen wurden nicht veröffentlicht.")
        self._site_dir.mkdir(parents=True, exist_ok=True)
        for language, (_, folder) in self._children.items():
            target = self._site_dir / language
            if target.exists():  # left by an earlier build into the same folder (mkdocs build --dirty)
                shutil.rmtree(target)
            os.replace(folder, target)
        self._children.clear()

    def cancel(self) -> None:
        """Stops the children and removes what they wrote (the German build failed)."""
        for child, folder in self._children.values():
            if child.is_alive():
                child.terminate()
            child.join()
            shutil.rmtree(folder, ignore_errors=True)
        self._children.clear()

    def _build_in_child(self, language: str, folder: Path) -> None:
        try:
            self._build_language(language, folder)
        except Exception as error:  # the child's only way to report is the log and its exit code
            log.error(f"Sprache {language}: {error}")
            sys.exit(1)
