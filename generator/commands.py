"""What every ``wegweiser`` command shares: where its settings and records come from, and
one policy for exit codes and for reporting problems (``cli.main`` applies it).

Exit codes, the same for every command:

- 0: done, nothing wrong;
- 1: the content has problems (records, geocode cache), or a check found something to do;
- 2: wrong use: an unknown option, a file that is not there, a broken mkdocs.yml;
- 3: an outside service could not be used (``geocode``); what was found is kept;
- 130: interrupted with Ctrl-C; what was found is kept.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from . import pipeline
from .settings import Settings, SettingsError, from_mkdocs_yml

OK, PROBLEMS, USAGE, SERVICE, INTERRUPTED = 0, 1, 2, 3, 130


def default_config() -> Path:
    """The mkdocs.yml of the repository one works in: here or in a folder above, so that
    ``wegweiser validate`` works from content/traeger/ as well; else ./mkdocs.yml."""
    here = Path.cwd()
    return next((folder / "mkdocs.yml" for folder in (here, *here.parents) if (folder / "mkdocs.yml").is_file()),
                Path("mkdocs.yml"))


def config_of(args) -> Path:
    return Path(args.config) if args.config else default_config()


def settings_of(args) -> Settings:
    """mkdocs.yml's settings (``--config``), with ``--content`` and ``--schemas`` on top.
    Without ``--config``, a missing mkdocs.yml means the defaults; a named one must exist."""
    if args.config and not Path(args.config).is_file():
        raise SettingsError(f"{args.config}: Diese Einstellungsdatei gibt es nicht.")
    settings = from_mkdocs_yml(config_of(args))
    changes = {name: str(Path(value).resolve()) for name, value in
               (("content", args.content), ("schemas", args.schemas)) if value}
    return dataclasses.replace(settings, **changes)


def sources_of(args, geocache: str | None = None) -> pipeline.Sources:
    sources = pipeline.Sources.of(settings_of(args))
    return dataclasses.replace(sources, geocache_file=Path(geocache)) if geocache else sources


def prepared(args, geocache: str | None = None) -> pipeline.Prepared:
    """The checked and located directory; ``InvalidContent`` is reported by ``cli.main``."""
    return pipeline.prepare(sources_of(args, geocache))
