"""A prepare in the same process (mkdocs serve's rebuild) takes over the records of files
whose bytes did not change, the very same objects, and never a problem."""
from __future__ import annotations

import dataclasses
import datetime as dt
import gc
import weakref

import pytest

from conftest import SCHEMAS
from generator import checked_files, geocache, pipeline, prepared_before
from generator.geocache import CacheEntry
from generator.records import Address, Text

PROVIDER = "traeger/beratung-beispiel.yml"
EVENT = "termine/treffen-2024-12-04.yml"
HEADQUARTERS = "DE|01067|dresden|musterstrasse 1"  # the provider's first address, as the geocode cache keys it


def epoch(day: dt.date) -> str:
    return str(int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc).timestamp()))


@pytest.fixture(autouse=True)
def first_prepare_of_a_process(monkeypatch, tmp_path):
    """Nothing kept from an earlier test, an empty build cache, and a fixed day after every
    last check of the fixture (2026-03-01 is the latest)."""
    monkeypatch.setattr(pipeline, "EARLIER", prepared_before.PreparedBefore())
    monkeypatch.setattr(checked_files.CheckedFiles, "_in_memory", {})
    monkeypatch.setenv("WEGWEISER_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(dt.date(2026, 6, 1)))


def prepare(content):
    return pipeline.prepare(pipeline.Sources(content, SCHEMAS))


def problems(content):
    with pytest.raises(pipeline.InvalidContent) as raised:
        prepare(content)
    return raised.value.problems


def by_file(prepared, content) -> dict[str, object]:
    directory = prepared.directory
    return {record.source.path.relative_to(content).as_posix(): record
            for record in (*directory.regions, *directory.networks, *directory.organisations, *directory.events)}


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def cached_point(latitude: float) -> CacheEntry:
    return CacheEntry(latitude, 13.74, "adresse", "nominatim.openstreetmap.org", "2026-01-01")


def headquarters(organisation) -> Address:
    return next(a for a in organisation.addresses if a.id == "hauptsitz")


def test_unchanged_files_give_the_very_same_records_and_a_changed_file_a_new_correct_one(site_copy, monkeypatch):
    first = by_file(prepare(site_copy), site_copy)
    edit(site_copy / PROVIDER, "name: Beratung Beispiel e. V.", "name: Beratung Beispiel gGmbH")

    second = by_file(prepare(site_copy), site_copy)

    assert second.keys() == first.keys()
    assert [name for name in first if second[name] is not first[name]] == [PROVIDER]
    assert second[PROVIDER] == dataclasses.replace(first[PROVIDER], name=Text("Beratung Beispiel gGmbH"))
    monkeypatch.setattr(pipeline, "EARLIER", prepared_before.PreparedBefore())  # as a new process prepares it
    assert by_file(prepare(site_copy), site_copy) == second


def test_a_changed_cache_entry_locates_its_record_again_and_no_other(site_copy):
    cache_file = site_copy / "geocache.json"
    geocache.save(cache_file, {HEADQUARTERS: cached_point(51.05)})
    first = by_file(prepare(site_copy), site_copy)
    geocache.save(cache_file, {HEADQUARTERS: cached_point(51.06)})

    second = by_file(prepare(site_copy), site_copy)

    assert [name for name in first if second[name] is not first[name]] == [PROVIDER]
    assert headquarters(first[PROVIDER]).location.latitude == 51.05
    assert headquarters(second[PROVIDER]).location.latitude == 51.06
    assert second[PROVIDER].offerings[0].places[0] == headquarters(second[PROVIDER])


def test_an_entry_no_address_uses_locates_nothing_again(site_copy):
    cache_file = site_copy / "geocache.json"
    geocache.save(cache_file, {HEADQUARTERS: cached_point(51.05)})
    first = prepare(site_copy)
    geocache.save(cache_file, {HEADQUARTERS: cached_point(51.05), "DE|09111|chemnitz|markt 1": cached_point(50.8)})

    second = prepare(site_copy)

    assert all(a is b for a, b in zip(second.directory.organisations, first.directory.organisations, strict=True))
    assert second.located.stale_keys == ("DE|09111|chemnitz|markt 1",)


def test_a_changed_day_measures_the_dates_of_the_last_check_again(site_copy, monkeypatch):
    prepare(site_copy)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(dt.date(2026, 1, 1)))  # before the provider's last check

    assert any(p.path.endswith(PROVIDER) and "in der Zukunft" in p.message for p in problems(site_copy))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(dt.date(2026, 6, 1)))
    prepare(site_copy)


def test_a_removed_record_is_gone_and_not_kept(site_copy):
    first = prepare(site_copy)
    event = next(r for r in first.located.records if r.located is by_file(first, site_copy)[EVENT])
    removed = [weakref.ref(event.record), weakref.ref(event.located)]  # as read, and as located
    (site_copy / EVENT).unlink()

    second = prepare(site_copy)

    assert EVENT not in by_file(second, site_copy)
    del first, event
    gc.collect()
    assert [record() for record in removed] == [None, None]


def test_problems_found_the_first_time_are_found_every_time(site_copy):
    edit(site_copy / PROVIDER, "zuletzt_geprueft: 2026-03-01", "zuletzt_geprueft: 2099-03-01")
    (site_copy / "geocache.json").write_text('{"eintraege": {"DE|x|y|z": {"breite": "Norden"}}}', encoding="utf-8")

    found = problems(site_copy)

    assert {p.path.rpartition("content/")[2] for p in found} == {PROVIDER, "geocache.json"}
    assert problems(site_copy) == found
    assert problems(site_copy) == found
