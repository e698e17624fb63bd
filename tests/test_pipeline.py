"""The pipeline as a whole: a valid directory loads; each broken record yields exactly
the expected German problems (``tests/fixtures/invalid/<kind>/<case>.expected``)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import FIXTURES, REPO, SCHEMAS, site_settings
from generator import pipeline
from generator.settings import SettingsError

INVALID = FIXTURES / "invalid"
CASES = sorted(p for p in INVALID.glob("*/*.yml"))
# Set WEGWEISER_UPDATE_EXPECTED=1 to rewrite the .expected files after a wording change;
# then read the diff before committing it.
UPDATE = os.environ.get("WEGWEISER_UPDATE_EXPECTED") == "1"


def problems(content: Path):
    with pytest.raises(pipeline.InvalidContent) as raised:
        pipeline.prepare(pipeline.Sources(content, SCHEMAS))
    return raised.value.problems


def test_the_fixture_site_loads_without_problems_and_every_address_is_located(site_copy):
    prepared = pipeline.prepare(pipeline.Sources(site_copy, SCHEMAS))
    assert len(prepared.directory.organisations) == 2
    assert len(prepared.directory.offerings) == 5
    assert prepared.located.missing == []


def test_build_renders_pages_maps_and_search_files(site_copy):
    prepared = pipeline.prepare(pipeline.Sources(site_copy, SCHEMAS))
    site = pipeline.build(prepared, site_settings())
    assert {"index.md", "suche.md", "angebote/beratung-beispiel-suchtberatung.md"} <= {p.src_uri for p in site.pages}
    assert site.maps and "suche/manifest.json" in site.search_files
    assert all(path.is_file() for path in site.static_files.values())


def test_a_wrong_freshness_setting_is_a_settings_error(site_copy):
    prepared = pipeline.prepare(pipeline.Sources(site_copy, SCHEMAS))
    with pytest.raises(SettingsError, match="stale_after"):
        pipeline.build(prepared, site_settings(stale_after="bald"))


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_each_broken_record_yields_exactly_the_expected_problems(case, site_copy, monkeypatch):
    target = site_copy / case.parent.name / case.name
    shutil.copyfile(case, target)
    monkeypatch.chdir(site_copy)

    found_problems = problems(site_copy)

    own = f"{case.parent.name}/{case.name}"
    assert own in {p.path for p in found_problems}
    # Another file is named only where it is part of the problem (an id both use).
    found = [f"{'' if p.path == own else p.path + ':'}{p.line}:{p.column}: {p.field or 'Datei'}: {p.message}"
             for p in found_problems]
    expected_file = case.with_suffix(".expected")
    if UPDATE:
        expected_file.write_text("\n".join(found) + "\n", encoding="utf-8")
    assert found == expected_file.read_text(encoding="utf-8").splitlines()


def test_problems_of_all_files_come_in_one_run_sorted_by_file_and_line(site_copy, monkeypatch):
    for name in ("unbekanntes-thema", "falsche-plz", "doppelter-schluessel"):
        shutil.copyfile(INVALID / "traeger" / f"{name}.yml", site_copy / "traeger" / f"{name}.yml")
    monkeypatch.chdir(site_copy)

    found = problems(site_copy)

    assert {p.path for p in found} == {
        "traeger/unbekanntes-thema.yml", "traeger/falsche-plz.yml", "traeger/doppelter-schluessel.yml"}
    assert list(found) == sorted(found)


def test_the_summary_says_more_checks_follow_only_when_a_file_could_not_be_read(site_copy, monkeypatch):
    monkeypatch.chdir(site_copy)
    shutil.copyfile(INVALID / "traeger" / "unbekanntes-thema.yml", site_copy / "traeger" / "unbekanntes-thema.yml")
    with pytest.raises(pipeline.InvalidContent) as content_only:
        pipeline.prepare(pipeline.Sources(site_copy, SCHEMAS))
    shutil.copyfile(INVALID / "traeger" / "tabulator.yml", site_copy / "traeger" / "tabulator.yml")
    with pytest.raises(pipeline.InvalidContent) as unreadable:
        pipeline.prepare(pipeline.Sources(site_copy, SCHEMAS))

    assert str(content_only.value) == "1 Problem gefunden."
    assert str(unreadable.value) == ("2 Probleme in 2 Dateien gefunden. "
                                     "Weitere Prüfungen folgen, wenn diese Fehler behoben sind.")
    assert [p.path for p in unreadable.value.problems if p.blocks_checks] == ["traeger/tabulator.yml"]


def test_a_yaml_file_outside_the_record_folders_is_reported(site_copy, monkeypatch):
    (site_copy / "verirrt.yml").write_text("id: verirrt\n", encoding="utf-8")
    monkeypatch.chdir(site_copy)

    found = problems(site_copy)

    assert [(p.path, p.line) for p in found] == [("verirrt.yml", 1)]
    assert "content/traeger/" in found[0].message


def test_references_resolve_into_records(site_copy):
    directory = pipeline.prepare(pipeline.Sources(site_copy, SCHEMAS)).directory
    network = directory.network("arbeitskreis-sucht")
    organisation = directory.organisation("beratung-beispiel")

    assert network.part_of == "netzwerk-beispiel"
    assert [n.id for n in directory.networks_of(organisation)] == ["netzwerk-beispiel"]
    assert directory.region("beispielstadt").part_of == "landkreis-beispiel"
    assert organisation.offerings[0].places[0].postcode == "01067"


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="sharing work needs two cores")
def test_a_large_directory_checked_on_every_core_reports_the_same_as_one_core(site_copy, tmp_path, monkeypatch):
    from generator import checked_files, forked

    monkeypatch.chdir(site_copy)
    provider = (site_copy / "traeger" / "beratung-beispiel.yml").read_text(encoding="utf-8")
    for number in range(forked.WORTH_SHARING + 20):  # copies, each with its own ids
        (site_copy / "traeger" / f"kopie-{number}.yml").write_text(
            provider.replace("beratung-beispiel", f"kopie-{number}"), encoding="utf-8")
    (site_copy / "traeger" / "kopie-7.yml").write_text(provider.replace("beratung-beispiel", "kopie-7")
                                                      .replace("art: beratungsstelle", "art: irgendwas"))
    (site_copy / "traeger" / "kopie-9.yml").write_text("id: kopie-9\nname: [\n", encoding="utf-8")
    # Shared out in a fresh process (here, threads of earlier tests forbid forking), each with
    # an empty cache of its own, so that every file is read and checked.
    script = ("import json; from generator import forked, pipeline; from conftest import SCHEMAS\n"
              "assert forked.can_fork()\n"
              "try: pipeline.prepare(pipeline.Sources(pipeline.Path('.'), SCHEMAS))\n"
              "except pipeline.InvalidContent as error: print(json.dumps([[p.path, p.line, p.column, p.field, "
              "p.message] for p in error.problems]))")
    shared = subprocess.run([sys.executable, "-c", script], cwd=site_copy, capture_output=True, text=True,
                            check=True, env={**os.environ, "WEGWEISER_CACHE": str(tmp_path / "eins"),
                                             "PYTHONPATH": f"{REPO}{os.pathsep}{REPO / 'tests'}"}).stdout
    monkeypatch.setenv("WEGWEISER_CACHE", str(tmp_path / "zwei"))
    monkeypatch.setattr(checked_files.CheckedFiles, "_in_memory", {})
    monkeypatch.setattr(forked, "WORTH_SHARING", 10**9)
    alone = problems(pipeline.Path("."))

    assert json.loads(shared) == [[p.path, p.line, p.column, p.field, p.message] for p in alone]
    assert {p.path for p in alone} == {"traeger/kopie-7.yml", "traeger/kopie-9.yml"}
