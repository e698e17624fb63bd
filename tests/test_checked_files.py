"""Files read and checked once are not read or checked again, and no problem is ever lost."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import problems_of, prepared
from generator import build_cache, checked_files, yamlsafe

PROVIDER = "traeger/beratung-beispiel.yml"


@pytest.fixture
def cache(tmp_path, monkeypatch, site_copy):
    """An empty cache of the build's own; problems name files from the content folder."""
    monkeypatch.chdir(site_copy)
    folder = tmp_path / "cache"
    monkeypatch.setenv("WEGWEISER_CACHE", str(folder))
    monkeypatch.setattr(checked_files.CheckedFiles, "_in_memory", {})
    return folder


@pytest.fixture
def files_read(monkeypatch) -> list[str]:
    """The names of the files the strict reader parses."""
    read: list[str] = []
    real = yamlsafe.load

    def counting(path, raw=None):
        read.append(path.name)
        return real(path, raw)
    monkeypatch.setattr(yamlsafe, "load", counting)
    return read


def test_a_second_build_reads_no_file_that_passed_and_gives_the_same_directory(site_copy, cache, files_read):
    first = prepared(site_copy)
    assert "beratung-beispiel.yml" in files_read
    files_read.clear()

    second = prepared(site_copy)

    assert files_read == []
    assert second.directory == first.directory


def test_the_cache_on_disk_serves_a_new_process_as_well(site_copy, cache, files_read, monkeypatch):
    first = prepared(site_copy)
    monkeypatch.setattr(checked_files.CheckedFiles, "_in_memory", {})  # as in the next build's process
    files_read.clear()

    assert prepared(site_copy).directory == first.directory
    assert files_read == []


def test_a_changed_file_is_read_and_checked_again(site_copy, cache, files_read):
    prepared(site_copy)
    files_read.clear()
    path = site_copy / PROVIDER
    path.write_text(path.read_text(encoding="utf-8").replace("art: beratungsstelle", "art: irgendwas"),
                    encoding="utf-8")

    found = problems_of(site_copy)

    assert files_read == ["beratung-beispiel.yml"]
    assert [(p.path, p.line, p.field) for p in found] == [(PROVIDER, 4, "art")]


def test_a_file_that_passed_is_checked_again_when_the_ids_it_may_name_change(site_copy, cache):
    prepared(site_copy)
    (site_copy / PROVIDER).unlink()  # the network still names it as a member

    found = problems_of(site_copy)

    assert "netzwerke/netzwerk-beispiel.yml" in {p.path for p in found}


def test_a_problem_deep_in_a_cached_file_names_the_same_line_as_without_the_cache(site_copy, cache, monkeypatch):
    prepared(site_copy)
    text = (site_copy / PROVIDER).read_text(encoding="utf-8")
    copy = text.replace("id: beratung-beispiel\n", "id: beratung-kopie\n", 1)  # its offerings' ids clash
    (site_copy / "traeger" / "beratung-kopie.yml").write_text(copy, encoding="utf-8")

    with_cache = problems_of(site_copy)
    monkeypatch.setenv("WEGWEISER_CACHE", str(cache.parent / "empty"))
    monkeypatch.setattr(checked_files.CheckedFiles, "_in_memory", {})
    without = problems_of(site_copy)

    line = text.splitlines().index("  - id: beratung-beispiel-suchtberatung") + 1
    assert (PROVIDER, line, "1. Angebot › id") in {(p.path, p.line, p.field) for p in with_cache}
    assert with_cache == without


def test_nothing_is_kept_while_any_file_has_a_problem(site_copy, cache):
    (site_copy / "traeger" / "kaputt.yml").write_text("id: kaputt\nname: [\n", encoding="utf-8")

    assert problems_of(site_copy)
    assert not cache.exists() or not list(cache.glob("geprueft-*"))


def test_a_broken_cache_costs_time_not_a_wrong_result(site_copy, cache, files_read, monkeypatch):
    first = prepared(site_copy)
    for kept in cache.glob("*.marshal"):
        kept.write_bytes(b"\x00not marshal")
    monkeypatch.setattr(checked_files.CheckedFiles, "_in_memory", {})
    files_read.clear()

    assert prepared(site_copy).directory == first.directory
    assert "beratung-beispiel.yml" in files_read


def test_the_cache_is_named_after_the_code_and_the_schemas(site_copy, cache):
    prepared(site_copy)
    names = sorted(p.name for p in cache.glob("*.marshal"))
    code = checked_files.code_state()
    documents = [name for name in names if name.startswith("dokumente-")]
    assert documents and all(re.fullmatch(f"dokumente-{code}-[0-9a-f].marshal", name) for name in documents)
    assert [name for name in names if name not in documents][0].startswith(f"geprueft-{code}-")
    assert all(build_cache.read(name) for name in names)


def test_a_changed_file_rewrites_only_the_cache_files_of_its_old_and_new_bytes(site_copy, cache, monkeypatch):
    prepared(site_copy)
    path = site_copy / PROVIDER
    before = checked_files.content_key(path.read_bytes())
    path.write_text(path.read_text(encoding="utf-8").replace("Beratung", "Die Beratung", 1), encoding="utf-8")
    after = checked_files.content_key(path.read_bytes())
    written: list[str] = []
    monkeypatch.setattr(build_cache, "write", lambda name, data: written.append(name))

    prepared(site_copy)

    code = checked_files.code_state()
    assert sorted(name for name in written if name.startswith("dokumente-")) == sorted(
        {f"dokumente-{code}-{before[0]}.marshal", f"dokumente-{code}-{after[0]}.marshal"})


def test_a_changed_vocabulary_checks_every_file_again(site_copy, cache, tmp_path):
    from conftest import SCHEMAS
    from generator import pipeline

    schemas = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, schemas)
    pipeline.prepare(pipeline.Sources(site_copy, schemas))
    topics = schemas / "vokabulare" / "themen.yml"
    text = topics.read_text(encoding="utf-8")
    topics.write_text(text.replace("\nsucht:", "\nabhaengigkeit:", 1), encoding="utf-8")  # a term renamed

    with pytest.raises(pipeline.InvalidContent) as raised:
        pipeline.prepare(pipeline.Sources(site_copy, schemas))

    assert PROVIDER in {p.path for p in raised.value.problems}


def test_the_date_of_the_last_check_is_measured_against_today_on_every_build(site_copy, cache, monkeypatch):
    prepared(site_copy)  # the provider's last check (2026-03-01) is in the past
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01: the same file, a day before it

    found = problems_of(site_copy)

    assert any(p.path == PROVIDER and "in der Zukunft" in p.message for p in found)


def test_after_a_failed_build_the_mended_file_is_read_again_and_the_others_not(site_copy, cache, files_read):
    prepared(site_copy)
    path = site_copy / PROVIDER
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("art: beratungsstelle", "art: [kaputt"), encoding="utf-8")
    assert problems_of(site_copy)
    path.write_text(good, encoding="utf-8")
    files_read.clear()

    assert problems_of(site_copy) == ()
    assert files_read == []  # its bytes are those that passed before
