"""The further languages' builds: beside the German one in child processes, or after it."""
from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from conftest import REPO
from generator.language_builds import FurtherLanguages, can_build_beside


def writes_a_page(language: str, site_dir: Path) -> None:
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / "index.html").write_text(f"<html lang={language}>", encoding="utf-8")


def staging_left(site: Path) -> list[str]:
    """Anything of the builds left outside the languages' folders, in or beside the site."""
    inside = [p.name for p in site.glob(".wegweiser-*")] if site.exists() else []
    return inside + [p.name for p in site.parent.iterdir() if p != site]


@pytest.mark.parametrize("beside", [True, False], ids=["beside", "after"])
def test_every_language_ends_up_in_its_folder_of_the_site(tmp_path, beside):
    site = tmp_path / "site"
    builds = FurtherLanguages(writes_a_page, ("cs", "en"), site, beside=beside)
    builds.start()
    site.mkdir(exist_ok=True)  # what the German build does meanwhile
    builds.finish()
    assert (site / "cs" / "index.html").read_text(encoding="utf-8") == "<html lang=cs>"
    assert (site / "en" / "index.html").read_text(encoding="utf-8") == "<html lang=en>"
    assert staging_left(site) == []


def test_the_languages_are_built_at_the_same_time(tmp_path):
    site, meeting = tmp_path / "site", tmp_path / "treffpunkt"
    meeting.mkdir()

    def waits_for_the_other(language, site_dir):
        (meeting / language).touch()
        other = meeting / ("en" if language == "cs" else "cs")
        deadline = time.monotonic() + 60
        while not other.exists():  # built one after the other, this would wait in vain
            if time.monotonic() > deadline:
                raise TimeoutError(f"{language}: the other language never started")
            time.sleep(0.01)
        writes_a_page(language, site_dir)

    builds = FurtherLanguages(waits_for_the_other, ("cs", "en"), site, beside=True)
    builds.start()
    builds.finish()
    assert sorted(p.name for p in site.iterdir()) == ["cs", "en"]


@pytest.mark.parametrize("failing, message", [
    (("cs",), "Die Seite in der Sprache cs ließ sich nicht bauen (die Gründe stehen oben)"),
    (("cs", "en"), "Die Seiten in den Sprachen cs, en ließen sich nicht bauen (die Gründe stehen oben)"),
])
def test_a_failed_language_is_named_and_no_language_is_published(tmp_path, failing, message):
    site = tmp_path / "site"

    def fails(language, site_dir):
        writes_a_page(language, site_dir)
        if language in failing:
            raise ValueError("Vorlage kaputt")

    builds = FurtherLanguages(fails, ("cs", "en"), site, beside=True)
    builds.start()
    with pytest.raises(PluginError) as raised:
        builds.finish()
    assert message in str(raised.value)
    assert not site.exists() and staging_left(site) == []


def test_cancelling_stops_the_children_and_leaves_no_trace(tmp_path):
    site = tmp_path / "site"

    def never_done(language, site_dir):
        writes_a_page(language, site_dir)
        time.sleep(60)

    builds = FurtherLanguages(never_done, ("cs", "en"), site, beside=True)
    started = time.perf_counter()
    builds.start()
    builds.cancel()
    assert time.perf_counter() - started < 30
    assert not site.exists() and staging_left(site) == []


def test_a_build_replaces_the_folders_of_an_earlier_build_and_what_an_interrupted_one_left(tmp_path):
    site = tmp_path / "site"
    (site / "cs").mkdir(parents=True)
    (site / "cs" / "alt.html").write_text("alt", encoding="utf-8")
    (site / ".wegweiser-en-abgebrochen").mkdir()
    builds = FurtherLanguages(writes_a_page, ("cs",), site, beside=True)
    builds.start()
    builds.finish()
    assert sorted(p.name for p in (site / "cs").iterdir()) == ["index.html"]
    assert sorted(p.name for p in site.iterdir()) == ["cs"]


@pytest.mark.skipif(sys.platform != "linux" or len(os.sched_getaffinity(0)) < 2, reason="Linux with two cores")
def test_a_build_from_a_single_thread_on_linux_with_two_cores_runs_beside():
    # A fresh interpreter: this one may hold a thread of an earlier test (Playwright's waitpid).
    verdict = subprocess.run([sys.executable, "-c", "from generator.language_builds import can_build_beside; "
                              "print(can_build_beside())"], cwd=REPO, capture_output=True, text=True, check=True)
    assert verdict.stdout.strip() == "True"


def test_a_build_from_another_thread_builds_one_language_after_the_other():
    verdicts = []
    thread = threading.Thread(target=lambda: verdicts.append(can_build_beside()))
    thread.start()
    thread.join()
    assert verdicts == [False]
