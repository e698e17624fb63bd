"""What every command shares: settings from mkdocs.yml with flags on top, one set of exit codes."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from conftest import FIXTURE_SITE, REPO, SCHEMAS
from generator import commands


def arguments(**values):
    return SimpleNamespace(**{"config": str(REPO / "mkdocs.yml"), "content": None, "schemas": None, **values})


def test_mkdocs_yml_gives_the_folders_and_flags_override_them():
    assert Path(commands.settings_of(arguments()).content) == REPO / "content"
    chosen = commands.settings_of(arguments(content=str(FIXTURE_SITE), schemas=str(SCHEMAS)))
    assert Path(chosen.content) == FIXTURE_SITE and Path(chosen.schemas) == SCHEMAS


def test_the_geocache_follows_the_content_folder_unless_it_is_given():
    sources = commands.sources_of(arguments(content=str(FIXTURE_SITE)))
    assert sources.geocache == FIXTURE_SITE / "geocache.json"
    assert commands.sources_of(arguments(), geocache="anderswo.json").geocache == Path("anderswo.json")


def test_exit_codes_are_distinct():
    codes = (commands.OK, commands.PROBLEMS, commands.USAGE, commands.SERVICE, commands.INTERRUPTED)
    assert codes == (0, 1, 2, 3, 130)
