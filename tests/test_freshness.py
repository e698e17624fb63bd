"""How current entries are: limits, overdue entries by network and organisation."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import FIXTURE_SITE, prepared
from generator import freshness


@pytest.mark.parametrize("spec, expected", [
    ("12m", dt.date(2025, 11, 22)), ("1j", dt.date(2025, 11, 22)), ("90d", dt.date(2026, 8, 24)),
    ("3m", dt.date(2026, 8, 22)),
])
def test_age_limits_count_back_from_today(spec, expected):
    assert freshness.cutoff(spec, dt.date(2026, 11, 22)) == expected


def test_a_month_back_from_the_31st_lands_on_the_last_day_of_a_shorter_month():
    assert freshness.cutoff("1m", dt.date(2026, 3, 31)) == dt.date(2026, 2, 28)


def test_a_wrong_age_says_how_to_write_one():
    with pytest.raises(ValueError, match="12m"):
        freshness.parse_age("ein Jahr")


def test_source_date_epoch_fixes_today_for_reproducible_builds(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert freshness.today() == dt.date(2026, 1, 1)


def test_the_limits_carry_the_build_day_which_source_date_epoch_fixes_too(monkeypatch):
    assert freshness.Limits.from_config("12m", None, dt.date(2026, 11, 22)).today == dt.date(2026, 11, 22)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
    assert freshness.Limits().today == dt.date(2026, 1, 1)
    assert freshness.Limits.from_config(None, None).today == dt.date(2026, 1, 1)


@pytest.fixture(scope="module")
def directory():
    return prepared(FIXTURE_SITE).directory


def test_overdue_lists_organisations_with_offerings_checked_before_the_cutoff(directory):
    [entry] = freshness.overdue(directory, dt.date(2025, 6, 1))
    assert entry.organisation.id == "beratung-beispiel"
    assert [o.id for o in entry.offerings] == ["beratung-beispiel-poradna"]  # the ended one is not due


def test_overdue_organisations_are_grouped_by_network_then_without(directory):
    entries = freshness.overdue(directory, dt.date(2026, 12, 31))
    groups = freshness.by_network(directory, entries)
    assert [name for name, _ in groups] == ["Netzwerk Beispiel", "Ohne Netzwerk"]
    assert [e.organisation.id for e in groups[1][1]] == ["feindliche-werte"]


def test_limits_mark_and_hide_by_the_last_checked_date(directory):
    limits = freshness.Limits.from_config("12m", "24m", dt.date(2026, 11, 22))
    offerings = {o.id: o for o in directory.offerings}
    assert limits.is_stale(offerings["beratung-beispiel-poradna"])  # 2025-01-15
    assert not limits.is_hidden(offerings["beratung-beispiel-poradna"])
    assert limits.is_hidden(offerings["beratung-beispiel-alte-gruppe"])  # 2024-01-15
    assert not limits.is_stale(offerings["beratung-beispiel-suchtberatung"])
