"""A site built in parts: one language's site per build (a shard), put together afterwards.

A nationwide directory builds its languages in parallel CI jobs (``wegweiser build
--sprache cs``; see the README). Each language's site is complete in itself under its own
folder (German at the root, Czech under ``cs/``), so the parts never share a file and
putting them together is copying: the result is the same, byte for byte, as one build of
all languages (with the same ``SOURCE_DATE_EPOCH``; MkDocs dates the site map by it).
Because the parts share no file, the merge cannot tell parts of different commits apart:
build them in one workflow run, from one commit.

Sharding by region instead would split what every page shares (the A–Z list, the search,
the open data) and need a merge of those; by language nothing is split.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

VARIABLE = "WEGWEISER_SPRACHE"  # the language a build makes alone; set by `wegweiser build --sprache`


class MergeError(Exception):
    """The parts do not make one site: two disagree about a file, one is missing or absent."""


class UnknownLanguage(ValueError):
    """A part was asked for in a language the directory has no site in."""


def shard_language(languages: tuple[str, ...], german: str) -> str | None:
    """The one language this build is to make (None: every language), as the environment says."""
    wanted = os.environ.get(VARIABLE, "").strip()
    if not wanted:
        return None
    if wanted not in (german, *languages):
        known = ", ".join((german, *languages))
        raise UnknownLanguage(f"Das Verzeichnis hat keine Seite in der Sprache „{wanted}“ (--sprache, {VARIABLE}). "
                              f"Möglich sind: {known} (weitere Sprachen stehen unter „languages“ in mkdocs.yml). "
                              "Bitte wählen Sie eine davon.")
    return wanted


def files_of(part: Path) -> dict[str, Path]:
    """Every file of one built part, by its path in the site."""
    return {path.relative_to(part).as_posix(): path for path in sorted(part.rglob("*")) if path.is_file()}


def merge(parts: list[Path], target: Path, languages: tuple[str, ...] = ()) -> int:
    """Puts the parts together into ``target`` (replaced as a whole, only once every part
    fits); returns how many files it holds. Raises MergeError and changes nothing when two
    parts disagree about a file, or the site of German (at the root) or of one of the
    further ``languages`` is missing."""
    chosen: dict[str, Path] = {}
    conflicts = []
    for part in parts:
        if not part.is_dir():
            raise MergeError(f"{part}: Diesen Ordner gibt es nicht. Bitte geben Sie die Ordner der gebauten "
                                "Teile an (z. B. den site/-Ordner jedes Baus).")
        for name, path in files_of(part).items():
            if name in chosen and chosen[name].read_bytes() != path.read_bytes():
                conflicts.append(f"{name} ({chosen[name].parent} und {path.parent})")
            chosen.setdefault(name, path)
    if conflicts:
        raise MergeError(
            f"{len(conflicts)} Datei(en) stehen in zwei Teilen mit verschiedenem Inhalt, zuerst {conflicts[0]}. "
            "Die Teile gehören nicht zu einem Bau (anderer Stand des Repositorys oder andere Einstellungen). "
            f"Bitte bauen Sie alle Teile aus demselben Stand neu. {target} wurde nicht verändert.")
    missing = [language for language, start in (("de", "index.html"), *((x, f"{x}/index.html") for x in languages))
               if start not in chosen]
    if missing:
        raise MergeError(f"Es fehlt der Teil in der Sprache {', '.join(missing)} (seine Startseite ist in keinem "
                         f"Teil). Bitte bauen Sie ihn mit „wegweiser build --sprache {missing[0]}“ und geben Sie "
                         f"seinen Ordner mit an. {target} wurde nicht verändert.")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    old = target.with_name(f".{target.name}-alt")
    try:
        for name, path in chosen.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, staging / name)
        shutil.rmtree(old, ignore_errors=True)
        if target.exists():
            os.replace(target, old)
        os.replace(staging, target)
    except BaseException:
        if old.exists() and not target.exists():
            os.replace(old, target)  # the site as it was
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return len(chosen)
