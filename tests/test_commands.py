"""What every command shares: settings from mkdocs.yml with flags on top, one set of exit codes."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import FIXTURE_SITE, REPO, SCHEMAS, mkdocs_config
from generator import cli, commands


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


@pytest.mark.parametrize("mkdocs_yml, command, code", [
    ("plugins: [\n", ["validate"], commands.USAGE),
    ("plugins: [\n", ["build"], commands.USAGE),
    ("site_name: T\nplugins:\n  - wegweiser:\n      stale_after: bald\n", ["validate"], commands.USAGE),
    (None, ["--config", "gibt-es-nicht.yml", "validate"], commands.USAGE),
    (None, ["--content", "anderswo", "build"], commands.USAGE),
    (None, ["--schemas", "gibt-es-nicht", "validate"], commands.USAGE),
    (None, ["stale", "--older-than", "bald"], commands.USAGE),
    (None, ["validate"], commands.OK),
])
def test_every_command_keeps_the_one_exit_code_policy(tmp_path, monkeypatch, capsys, mkdocs_yml, command, code):
    shutil.copytree(FIXTURE_SITE, tmp_path / "content")
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    (tmp_path / "docs").mkdir()
    if mkdocs_yml:
        (tmp_path / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert cli.main(command) == code
    if code == commands.USAGE:
        assert capsys.readouterr().err.strip()  # and it says why


@pytest.mark.parametrize("command", [["validate"], ["build"], ["geocode", "--check"], ["geocode", "--aufraeumen"],
                                     ["geocode"], ["stale"]])
def test_no_command_shows_a_traceback_for_broken_records_only_located_problems(tmp_path, monkeypatch, capfd, command):
    # Every refused hostile record at once: broken YAML, control characters, wrong types.
    shutil.copytree(FIXTURE_SITE, tmp_path / "content")
    for case in (REPO / "tests" / "fixtures" / "hostile" / "abgelehnt" / "traeger").glob("*.yml"):
        shutil.copyfile(case, tmp_path / "content" / "traeger" / case.name)
    mkdocs_config(tmp_path / "content", tmp_path / "site")
    monkeypatch.chdir(tmp_path)
    assert cli.main(command) == commands.PROBLEMS  # before any network is asked
    out, err = capfd.readouterr()  # mkdocs runs as a process of its own
    assert "Traceback" not in out + err
    assert re.search(r"(^|\s)content/traeger/[\w-]+\.yml:\d+:\d+: ", out + err, re.MULTILINE)  # file:line:column
    assert not (tmp_path / "site").exists()


def test_outside_any_directory_the_command_says_where_to_run_it(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml here or above
    assert cli.main(["validate"]) == commands.USAGE
    assert "im Ordner des Verzeichnisses auf (dort, wo mkdocs.yml liegt)" in capsys.readouterr().err
