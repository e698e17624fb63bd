"""What a search result shows, so that offers can be compared without opening each."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from conftest import prepared
from generator.render.search_rows import ResultRows

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def ready():
    return prepared()


@pytest.fixture
def rows(ready):
    def of_language(language="de"):
        return (ResultRows(ready.directory, ready.vocabularies, language, TODAY), ready.directory,
                ready.vocabularies)
    return of_language


def offering(directory, offering_id):
    return next(o for org in directory.organisations for o in org.offerings if o.id == offering_id)


def test_a_result_names_phone_address_mail_cost_access_languages_and_accessibility(rows):
    result_rows, directory, _ = rows()
    details = result_rows.details(offering(directory, "beratung-beispiel-suchtberatung"))
    assert details["t"] == ["03733 000001", "tel:+493733000001"]
    assert details["a"] == ["Musterstraße 1, 01067 Dresden"]
    assert details["m"] == "sucht@beispiel.example"
    assert details["k"] == "Kostenlos"
    assert details["g"] == ["Offene Sprechstunde ohne Termin", "Mit Termin"]
    assert "Deutsche Gebärdensprache" in " ".join(details["s"]) and details["b"]


def test_a_result_carries_its_week_and_the_holiday_area_of_its_land(rows):
    result_rows, directory, _ = rows()
    week, closures, area = result_rows.details(offering(directory, "beratung-beispiel-suchtberatung"))["h"]
    assert week[0][0] == 2 and area == "DE-SN"  # Tuesday first; Dresden is in Saxony
    holidays = result_rows.holidays_file(directory.offerings)
    assert "2026-12-25" in holidays["DE-SN"] and all(day >= TODAY.isoformat() for day in holidays["DE-SN"])


def test_the_holidays_file_names_the_areas_of_the_offerings_it_is_given_whatever_was_asked_before(ready):
    fresh = ResultRows(ready.directory, ready.vocabularies, "de", TODAY)
    assert list(fresh.holidays_file(ready.directory.offerings)) == ["DE-SN"]
    assert fresh.holidays_file([]) == {}


def test_for_paper_a_result_carries_its_week_and_notes_written_out_and_the_day_of_its_last_check(ready):
    result_rows = ResultRows(ready.directory, ready.vocabularies, "de", TODAY,
                             local_date=lambda day: f"{day.day}.{day.month}.{day.year}")
    details = result_rows.details(offering(ready.directory, "beratung-beispiel-suchtberatung"))
    assert details["w"] == ["Dienstag 09:00 bis 12:00 Uhr (Offene Sprechstunde)",
                            "Donnerstag 09:00 bis 12:00 Uhr (Offene Sprechstunde)",
                            "In den Schulferien nur donnerstags."]
    assert details["c"] == "1.3.2026"


def test_without_a_web_page_of_its_own_a_result_names_the_providers(rows):
    result_rows, directory, _ = rows()
    assert not offering(directory, "beratung-beispiel-suchtberatung").website
    assert result_rows.details(offering(directory, "beratung-beispiel-suchtberatung"))["u"] == (
        "https://www.beispiel.example")


def test_a_confidential_address_shows_its_town_only_and_around_the_clock_is_said(rows):
    result_rows, directory, _ = rows()
    details = result_rows.details(offering(directory, "beratung-beispiel-schutzwohnung"))
    assert details["a"] == ["Stollberg/Erzgeb."]
    assert details["r"] == 1 and "h" not in details


def test_around_the_clock_is_not_said_of_an_offering_that_is_paused(rows):
    result_rows, directory, _ = rows()
    shelter = offering(directory, "beratung-beispiel-schutzwohnung")
    paused = dataclasses.replace(shelter, status="voruebergehend-geschlossen")
    assert not paused.active and "r" not in result_rows.details(paused)


def test_an_ended_offering_shows_no_way_to_reach_it(rows):
    result_rows, directory, _ = rows()
    assert result_rows.details(offering(directory, "beratung-beispiel-alte-gruppe")) == {}


def test_labels_are_in_the_page_language_and_names_not_translated_are_marked_german(rows):
    result_rows, directory, vocabularies = rows("cs")
    poradna = offering(directory, "beratung-beispiel-poradna")
    assert result_rows.details(poradna)["g"] == ["Po objednání", "Online nebo po telefonu"]
    row = result_rows.row(offering(directory, "beratung-beispiel-suchtberatung"),
                          directory.organisation("beratung-beispiel").name)
    assert row[6] == "de"
