"""Finding the record files in the content folder, by kind, and nothing else.

Each kind has a folder: ``traeger/`` (organisations with their offerings), ``netzwerke/``,
``regionen/`` and ``termine/`` (events); beside them may lie the geocode cache. Everything
in ``content/`` is checked before it can reach the site, so any other file (a page, a
script, an image) is a problem rather than something published unchecked, and a symbolic
link is reported and never followed: it could pull in files from outside the repository
or make the walk loop forever.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from .kinds import Kind
from .problems import Problem, display_path

RECORD_SUFFIXES = (".yml", ".yaml")
GEOCACHE_NAME = "geocache.json"  # the geocode cache, kept beside the records it belongs to
# Git keeps no empty folders; an empty placeholder file is harmless and never published.
PLACEHOLDERS = frozenset({".gitkeep"})

SYMLINK = ("Das ist eine Verknüpfung (symbolischer Link). Verknüpfungen werden aus "
           "Sicherheitsgründen nicht gelesen, weil sie auf Dateien außerhalb des Verzeichnisses "
           "zeigen können. Bitte legen Sie die Datei selbst hier ab.")
FOREIGN = ("Diese Datei gehört nicht in content/: Hier liegen nur Einträge als YAML-Dateien in "
           "traeger/, netzwerke/, regionen/ und termine/ sowie der Geocode-Cache. Seiten, Bilder "
           "und andere Dateien werden nicht veröffentlicht. Bitte entfernen Sie die Datei.")
MISPLACED = ("Diese Datei liegt in keinem Ordner für Einträge. Legen Sie Träger in "
             "content/traeger/, Netzwerke in content/netzwerke/, Regionen in "
             "content/regionen/ und Termine in content/termine/ ab.")


def is_record_path(relative: str) -> bool:
    parts = Path(relative).parts
    folder_and_file = 2  # content/<kind>/<id>.yml, nothing deeper
    return (len(parts) == folder_and_file and Kind.of_folder(parts[0]) is not None
            and Path(relative).suffix in RECORD_SUFFIXES)


def _problem(path: Path, message: str) -> Problem:
    return Problem(display_path(path), 1, 1, "", message)


def symlinks_under(folder: Path) -> list[Problem]:
    """A problem for the folder itself or anything below it that is a symbolic link."""
    if folder.is_symlink():
        return [_problem(folder, SYMLINK)]
    problems = []
    for root, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted(dirs + files):
            if (Path(root) / name).is_symlink():
                problems.append(_problem(Path(root) / name, SYMLINK))
    return problems


def _foreign_file(path: Path, relative: str) -> str:
    """Why a file that is not a record may not stay, in words that say what to do."""
    suffix = path.suffix
    if suffix in RECORD_SUFFIXES:
        return MISPLACED
    if suffix.lower() in RECORD_SUFFIXES:
        return (f"Die Dateiendung muss kleingeschrieben sein. Bitte benennen Sie die Datei in "
                f"„{path.stem}{suffix.lower()}“ um.")
    # Notepad's habit ("neu.yml.txt"), a backup ("neu.yml~", "neu.yml.bak"): a record under a
    # second ending, to be renamed, not removed.
    for ending in RECORD_SUFFIXES:
        at = path.name.lower().find(ending + ".") if ending + "." in path.name.lower() else \
            path.name.lower().find(ending + "~")
        if at > 0:
            return (f"Diese Datei wird nicht gelesen, weil ihr Name nicht auf {ending} endet. Ist sie ein "
                    f"Eintrag, benennen Sie sie in „{path.name[:at]}{ending}“ um; ist sie eine "
                    "Sicherungskopie, löschen Sie sie.")
    return FOREIGN


def record_files(content_dir: Path, geocache: Path | None = None
                 ) -> tuple[dict[Kind, list[Path]], list[Problem]]:
    """Record files by kind, sorted, and a problem for every other file and every link.

    ``geocache``: the cache file, allowed inside the content folder wherever it is configured.
    """
    found: dict[Kind, list[Path]] = {kind: [] for kind in Kind}
    if content_dir.is_symlink():
        return found, [_problem(content_dir, SYMLINK)]
    if not content_dir.is_dir():
        return found, [_problem(content_dir, "Der Ordner mit den Einträgen fehlt.")]
    allowed = {os.path.abspath(geocache or content_dir / GEOCACHE_NAME)}
    problems = []
    for root, dirs, files in os.walk(content_dir, followlinks=False):
        dirs.sort()
        here = Path(root)
        for name in list(dirs):
            if (here / name).is_symlink():
                problems.append(_problem(here / name, SYMLINK))
                dirs.remove(name)  # os.walk would not follow it, but say so and skip it
        for name in sorted(files):
            path = here / name
            relative = path.relative_to(content_dir).as_posix()
            mode = os.lstat(path).st_mode
            if stat.S_ISLNK(mode):
                problems.append(_problem(path, SYMLINK))
            elif not stat.S_ISREG(mode):
                problems.append(_problem(path, FOREIGN))
            elif is_record_path(relative):
                found[Kind.of_folder(path.parent.name)].append(path)
            elif os.path.abspath(path) in allowed or name in PLACEHOLDERS and os.lstat(path).st_size == 0:
                continue
            else:
                problems.append(_problem(path, _foreign_file(path, relative)))
    for paths in found.values():
        paths.sort()
    return found, problems
