"""The further languages' builds: beside the German one in child processes, or after it."""
from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from generator.language_builds import FurtherLanguages, can_build_beside


def writes_a_page(language: str, site_dir: Path) -> None:
    site_dir.mkdir(parents=True, exist_ok=True)
    (site_dir / "index.html").write_text(f"<html lang={language}>", encoding="utf-8")


def beside_the_site(site: Path) -> list[str]:
    return sorted(p.name for p in site.parent.iterdir() if p != site)


@pytest.mark.parametrize("beside", [True, False], ids=["beside", "after"])
def test_every_language_ends_up_in_its_folder_of_the_site(tmp_path, beside):
    site = tmp_path / "site"
    builds = FurtherLanguages(writes_a_page, ("cs", "en"), site, beside=beside)
    builds.start()
    site.mkdir()  # what the German build does meanwhile
    builds.finish()
    assert (site / "cs" / "index.html").read_text(encoding="utf-8") == "<html lang=cs>"
    assert (site / "en" / "index.html").read_text(encoding="utf-8") == "<html lang=en>"
    assert beside_the_site(site) == []


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


def test_a_failed_language_is_named_and_no_language_is_published(tmp_path):
    site = tmp_path / "site"

    def fails_in_czech(language, site_dir):
        writes_a_page(language, site_dir)
        if language == "cs":
            raise ValueError("Vorlage kaputt")

    builds = FurtherLanguages(fails_in_czech, ("cs", "en"), site, beside=True)
    builds.start()
    site.mkdir()
    with pytest.raises(PluginError, match="Sprache cs ließ sich nicht bauen"):
        builds.finish()
    assert list(site.iterdir()) == []
    assert beside_the_site(site) == []


def test_cancelling_stops_the_children_and_removes_what_they_wrote(tmp_path):
    site = tmp_path / "site"

    def never_done(language, site_dir):
        writes_a_page(language, site_dir)
        time.sleep(60)

    builds = FurtherLanguages(never_done, ("cs", "en"), site, beside=True)
    started = time.perf_counter()
    builds.start()
    builds.cancel()
    assert time.perf_counter() - started < 30
    assert beside_the_site(site) == []


def test_a_build_after_the_german_one_replaces_the_folder_of_an_earlier_build(tmp_path):
    site = tmp_path / "site"
    (site / "cs").mkdir(parents=True)
    (site / "cs" / "alt.html").write_text("alt", encoding="utf-8")
    builds = FurtherLanguages(writes_a_page, ("cs",), site, beside=True)
    builds.start()
    builds.finish()
    assert sorted(p.name for p in (site / "cs").iterdir()) == ["index.html"]


def test_serve_and_other_threads_build_one_language_after_the_other():
    assert not can_build_beside("serve")
    verdicts = []
    thread = threading.Thread(target=lambda: verdicts.append(can_build_beside("build")))
    thread.start()
    thread.join()
    assert verdicts == [False]
