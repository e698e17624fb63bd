"""Finding the record files in the content folder, by kind.

Each kind has a folder: ``traeger/`` (organisations with their offerings), ``netzwerke/``,
``regionen/`` and ``termine/`` (events). Other files (pages, images) are left to MkDocs.
"""
from __future__ import annotations

from pathlib import Path

from .problems import Problem, display_path

# Folder name -> schema name; the folder names are also the kinds x-verweis points to.
KINDS = {"regionen": "region", "netzwerke": "netzwerk", "traeger": "traeger", "termine": "termin"}
RECORD_SUFFIXES = (".yml", ".yaml")
GEOCACHE_NAME = "geocache.json"  # the geocode cache, kept beside the records it belongs to


def is_record_path(relative: str) -> bool:
    parts = Path(relative).parts
    return len(parts) == 2 and parts[0] in KINDS and Path(relative).suffix in RECORD_SUFFIXES


def record_files(content_dir: Path) -> tuple[dict[str, list[Path]], list[Problem]]:
    """Record files by kind, sorted, and a problem for each YAML file in the wrong place."""
    found: dict[str, list[Path]] = {kind: [] for kind in KINDS}
    problems = []
    if not content_dir.is_dir():
        return found, [Problem(display_path(content_dir), 1, 1, "", "Der Ordner mit den Einträgen fehlt.")]
    for path in sorted(content_dir.rglob("*")):
        if path.suffix not in RECORD_SUFFIXES or not path.is_file():
            continue
        relative = path.relative_to(content_dir).as_posix()
        if is_record_path(relative):
            found[path.parent.name].append(path)
        else:
            problems.append(Problem(display_path(path), 1, 1, "", (
                "Diese Datei liegt in keinem Ordner für Einträge. Legen Sie Träger in "
                "content/traeger/, Netzwerke in content/netzwerke/, Regionen in "
                "content/regionen/ und Termine in content/termine/ ab.")))
    return found, problems
