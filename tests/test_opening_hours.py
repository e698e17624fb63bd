"""Opening hours that answer "is it open?": the days in week order, closures in the records
(one day, a range, "closed until"), the public holidays of the offering's Land or of
Czechia, and the data an offering page hands sprechzeiten.js."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import REPO, SCHEMAS, prepared
from generator import freshness, from_yaml, opening_hours, public_holidays, rules, yamlsafe
from generator.gazetteer import Gazetteer, Town
from generator.records import (Address, Closure, Location, LocationSource, OpeningHours, Precision, Status,
                               Text)
from generator.render import catalogue
from generator.render.listings import Listings
from generator.render.pages import PageRenderer
from generator.render.urls import SiteMap
from generator.settings import MapSettings

BUILD_DAY = dt.date(2026, 12, 1)  # a Tuesday
AUE = "diakonie-erzgebirge-suchtberatung-aue"  # Aue, Saxony: Mo, We, Th 8-16, Tu 14-17 (the file lists Tu first)
MAYEN = "drogenberatung-andernach-beratung"  # Andernach and Mayen, Rhineland-Palatinate
USTI = "clovek-v-tisni-dluhove-poradenstvi"  # Ústí nad Labem, Czechia


def offering(example, offering_id):
    return next(o for o in example.directory.offerings if o.id == offering_id)


@functools.cache
def example_directory():
    return prepared(REPO / "content")


@pytest.fixture(scope="module")
def example():
    return example_directory()


def page(offering_id: str, language: str = "de"):
    """An offering's page of the example directory, as a build on BUILD_DAY makes it."""
    example = example_directory()
    translations = catalogue.translations(language) if language != "de" else None
    renderer = PageRenderer(Listings(example.directory, example.vocabularies, freshness.Limits(today=BUILD_DAY),
                                     language), SiteMap(True, language, ("de", "cs", "en")), {}, MapSettings(), [],
                            translations=translations)
    return renderer.offering_page(offering(example, offering_id))


def data_of(body: str) -> dict:
    found = re.search(r"data-sprechzeiten='([^']*)'", body)
    return json.loads(found.group(1)) if found else None


# --- records, schema and rules -------------------------------------------------------------------

def test_a_closure_is_one_day_a_range_or_closed_until():
    assert from_yaml.closure({"datum": "2026-12-24"}) == Closure(dt.date(2026, 12, 24), dt.date(2026, 12, 24))
    assert from_yaml.closure({"von": "2027-07-26", "bis": "2027-08-06", "hinweis": "Sommerpause"}) == Closure(
        dt.date(2027, 8, 6), dt.date(2027, 7, 26), Text("Sommerpause"))
    assert from_yaml.closure({"bis": "2027-01-08"}) == Closure(dt.date(2027, 1, 8))


def test_the_example_records_carry_their_closures(example):
    closures = offering(example, AUE).closures
    assert closures[0] == Closure(dt.date(2026, 12, 31), dt.date(2026, 12, 31), Text("Silvester", en="New Year's Eve"))
    assert (closures[1].start, closures[1].end) == (dt.date(2027, 7, 26), dt.date(2027, 8, 6))
    assert offering(example, USTI).closures[0].start is None  # "geschlossen bis"


def closure_problems(tmp_path: Path, closures: str) -> list[str]:
    path = tmp_path / "t.yml"
    path.write_text("id: t\nangebote:\n  - id: t-a\n    online: ja\n    schliesszeiten:\n" + closures, encoding="utf-8")
    document, problems = yamlsafe.load(path)
    assert problems == []
    return [f"{p.line}:{p.column}: {p.field}: {p.message}" for p in rules.closures(document)]


def test_a_range_that_ends_before_it_begins_is_named_with_its_line_and_field(tmp_path):
    assert closure_problems(tmp_path, '      - von: "2027-08-20"\n        bis: "2027-08-07"\n') == [
        "7:14: 1. Angebot › 1. Schließzeit › bis: „bis“ (2027-08-07) liegt vor „von“ (2027-08-20). "
        "„bis“ ist der letzte geschlossene Tag; bitte prüfen Sie beide Daten."]


def test_a_closure_is_either_a_day_or_a_range(tmp_path):
    # That a closure says when at all is the schema's (schliesszeit's anyOf), so the
    # contribution page states it too: tests/test_field_docs.py.
    found = closure_problems(tmp_path, '      - datum: "2027-12-24"\n        bis: "2027-12-31"\n')
    assert [line.split(": ", 2)[1] for line in found] == ["1. Angebot › 1. Schließzeit › datum"]
    assert "entweder ein Tag" in found[0]


def test_valid_closures_pass_the_rules(tmp_path):
    assert closure_problems(tmp_path, '      - datum: "2027-12-24"\n'
                                      '      - von: "2027-08-01"\n        bis: "2027-08-01"\n'
                                      '      - bis: "2027-01-08"\n') == []


def test_the_schema_documents_closures_for_providers():
    from generator.schema import SchemaSet

    schemas = SchemaSet.load(SCHEMAS)
    closure = schemas.schema("common")["$defs"]["schliesszeit"]
    assert set(closure["properties"]) == {"datum", "von", "bis", "hinweis"}
    assert closure["dependentRequired"] == {"von": ["bis"]}
    offering_fields = schemas.schema("traeger")["$defs"]["angebot"]["properties"]
    assert offering_fields["schliesszeiten"]["items"]["$ref"].endswith("/$defs/schliesszeit")


# --- the week ------------------------------------------------------------------------------------------

def test_the_weekday_vocabulary_is_the_week_the_browser_counts():
    vocabulary = yaml.safe_load((SCHEMAS / "vokabulare" / "wochentage.yml").read_text(encoding="utf-8"))
    assert tuple(vocabulary) == opening_hours.WEEKDAYS


def test_rows_come_monday_first_whatever_order_the_file_has(example):
    rows = opening_hours.by_day(offering(example, AUE).hours)
    assert [(day, span.start) for day, span in rows] == [("mo", "08:00"), ("di", "14:00"), ("mi", "08:00"),
                                                        ("do", "08:00")]


def test_a_span_past_midnight_runs_into_the_next_day():
    night = OpeningHours(("so", "mi"), "18:00", "08:00")
    assert opening_hours.week([night, OpeningHours(("mo",), "09:00", "12:00")]) == [
        [1, "00:00", "08:00"], [1, "09:00", "12:00"], [3, "18:00", "24:00"], [4, "00:00", "08:00"],
        [7, "18:00", "24:00"]]


# --- public holidays -----------------------------------------------------------------------------------

def test_a_saxon_offering_keeps_the_saxon_holidays_and_a_czech_one_the_czech(example):
    years = public_holidays.window(BUILD_DAY)
    assert years == (2026, 2027)
    saxon = public_holidays.holidays_of(offering(example, AUE), example.directory, BUILD_DAY)
    palatine = public_holidays.holidays_of(offering(example, MAYEN), example.directory, BUILD_DAY)
    czech = public_holidays.holidays_of(offering(example, USTI), example.directory, BUILD_DAY)
    assert dt.date(2027, 11, 17) in saxon and dt.date(2027, 11, 17) not in palatine  # Buß- und Bettag
    assert dt.date(2027, 11, 1) in palatine and dt.date(2027, 11, 1) not in saxon  # Allerheiligen
    assert {dt.date(2027, 10, 3), dt.date(2027, 12, 25)} <= set(saxon) & set(palatine)
    assert {dt.date(2027, 7, 6), dt.date(2027, 9, 28), dt.date(2026, 12, 24)} <= set(czech)  # Jan Hus, St Wenceslas
    assert dt.date(2027, 10, 3) not in czech
    assert all(day.year in years for day in saxon + czech)


def test_every_example_offering_finds_its_land_or_country(example):
    areas = {public_holidays.area(o, example.directory) for o in example.directory.offerings}
    assert areas == {"DE-SN", "DE-RP", "DE-NW", "DE-HE", "CZ"}


# Two towns of one name in two Länder (North Rhine-Westphalia, Saxony-Anhalt), Aue in Saxony.
TOWNS = Gazetteer([Town("Stolberg", "DE", 50.77, 6.23, 57684, "07"), Town("Stolberg", "DE", 51.57, 10.96, 1401, "14"),
                   Town("Aue", "DE", 50.59, 12.71, 18554, "13"),
                   Town("Ústí nad Labem", "CZ", 50.66, 14.03, 90378, "89")])


def place(town: str, point=None, country: str = "DE") -> Address:
    location = Location(*point, LocationSource.CACHE, Precision.ADDRESS) if point else None
    return Address("a", None, "Musterstraße 1", "00000", town, country, None, location=location)


def test_the_land_of_an_ambiguous_town_is_that_of_the_one_nearest_the_address():
    assert public_holidays.address_area(place("Stolberg", (51.56, 10.95)), lambda: TOWNS) == "DE-ST"
    assert public_holidays.address_area(place("Stolberg", (50.78, 6.22)), lambda: TOWNS) == "DE-NW"
    assert public_holidays.address_area(place("Stolberg"), lambda: TOWNS) == "DE"  # which one? no claim


def test_a_village_takes_the_land_of_the_nearest_town_and_czechia_needs_no_land():
    assert public_holidays.address_area(place("Lößnitz", (50.62, 12.73)), lambda: TOWNS) == "DE-SN"
    assert public_holidays.address_area(place("Nirgendwo", (54.0, 8.0)), lambda: TOWNS) == "DE"
    assert public_holidays.address_area(place("Ústí nad Labem", None, "CZ"), lambda: TOWNS) == "CZ"


def test_places_in_two_laender_share_the_national_holidays_and_two_countries_none(example):
    aue = offering(example, AUE)
    both = dataclasses.replace(aue, places=(place("Aue", (50.59, 12.71)), place("Stolberg", (50.78, 6.22))))
    assert public_holidays.area(both, example.directory, lambda: TOWNS) == "DE"
    across = dataclasses.replace(aue, places=(place("Aue", (50.59, 12.71)), place("Ústí nad Labem", None, "CZ")))
    assert public_holidays.area(across, example.directory, lambda: TOWNS) is None
    assert public_holidays.holidays_of(across, example.directory, BUILD_DAY, lambda: TOWNS) == ()


def test_an_offering_without_an_address_takes_the_land_above_its_regions(example):
    online = dataclasses.replace(offering(example, AUE), places=(), regions=("hochtaunuskreis",))
    assert public_holidays.area(online, example.directory) == "DE-HE"
    czech = dataclasses.replace(online, regions=("usti-nad-labem",))
    assert public_holidays.area(czech, example.directory) == "CZ"
    border = dataclasses.replace(online, regions=("euroregion-elbe-labe",))
    assert public_holidays.area(border, example.directory) is None


def test_an_offering_without_address_or_region_keeps_the_holidays_where_its_provider_works(example):
    anywhere = dataclasses.replace(offering(example, AUE), places=(), regions=())  # Diakonie Erzgebirge
    assert public_holidays.area(anywhere, example.directory) == "DE-SN"


# --- what the page hands the browser ---------------------------------------------------------------

def test_the_browser_gets_the_week_the_coming_closures_and_the_holidays_from_the_build_day(example):
    aue = offering(example, AUE)
    holidays = public_holidays.holidays_of(aue, example.directory, BUILD_DAY)
    data = opening_hours.browser_data(aue, BUILD_DAY, holidays)
    assert data["w"] == [[1, "08:00", "16:00"], [2, "14:00", "17:00"], [3, "08:00", "16:00"], [4, "08:00", "16:00"]]
    assert data["z"] == [["2026-12-31", "2026-12-31"], ["2027-07-26", "2027-08-06"]]
    assert "2026-11-18" not in data["f"] and "2027-11-17" in data["f"] and data["f"][0] == "2026-12-25"
    later = opening_hours.browser_data(aue, dt.date(2027, 1, 1), holidays)
    assert later["z"] == [["2027-07-26", "2027-08-06"]]  # past closures are no news
    assert opening_hours.browser_data(offering(example, USTI), BUILD_DAY, ())["z"][0] == ["", "2027-01-08"]


def test_no_data_where_the_page_already_says_closed_and_no_holidays_around_the_clock(example):
    aue = offering(example, AUE)
    holidays = (dt.date(2026, 12, 25),)
    assert opening_hours.browser_data(dataclasses.replace(aue, status=Status.TEMPORARILY_CLOSED), BUILD_DAY,
                                      holidays) is None
    assert opening_hours.browser_data(dataclasses.replace(aue, hours=()), BUILD_DAY, holidays) is None
    assert opening_hours.browser_data(dataclasses.replace(aue, around_the_clock=True), BUILD_DAY, holidays)["f"] == []


def test_the_offering_page_carries_the_data_the_table_in_week_order_and_the_closures_as_text():
    aue = page(AUE)
    assert aue.scripts == ("sprechzeiten.js",)
    body = aue.body
    data = data_of(body)
    assert data["w"][0] == [1, "08:00", "16:00"] and "2027-10-31" in data["f"]
    texts = json.loads(re.search(r"data-texte='([^']*)'", body).group(1))
    assert texts["zone"] == "Europe/Berlin" and texts["holiday"] == "Heute geschlossen (Feiertag)."
    assert re.search(r'<p class="ww-jetzt" hidden ', body)  # said by the script, or not at all
    days = re.findall(r'<th scope="row">(\w+)</th>', body)
    assert days == ["Montag", "Dienstag", "Mittwoch", "Donnerstag"]
    assert "An gesetzlichen Feiertagen geschlossen." in body
    assert ('<li><time datetime="2027-07-26">26. Juli 2027</time> bis <time datetime="2027-08-06">6. August 2027'
            "</time>: Sommerpause.") in body
    usti = page(USTI).body
    assert 'bis einschließlich <time datetime="2027-01-08">8. Januar 2027</time>: Umzug in neue Räume' in usti


def test_the_czech_page_says_it_in_czech():
    body = page(USTI, "cs").body
    texts = json.loads(re.search(r"data-texte='([^']*)'", body).group(1))
    assert texts["holiday"] == "Dnes zavřeno (státní svátek)." and texts["days"][2] == "ve středu"
    assert texts["locale"] == "cs" and page(USTI, "en").body.count('"locale": "en-GB"') == 1
    assert 'do <time datetime="2027-01-08">8. ledna 2027</time> včetně' in body


def test_an_offering_without_hours_has_no_hours_section_and_no_data(example):
    without = [o for o in example.directory.offerings if not o.hours and not o.hours_note and not o.closures]
    assert without
    body = page(without[0].id).body
    assert 'id="sprechzeiten"' not in body and "data-sprechzeiten" not in body


def test_the_built_site_loads_the_script_where_the_page_has_something_to_say(example_site, example):
    script = '<script src="../../assets/javascripts/sprechzeiten.js"></script>'
    for language in ("", "cs/", "en/"):
        assert (example_site / f"{language}assets/javascripts/sprechzeiten.js").is_file()
        html = (example_site / f"{language}angebote/{USTI}/index.html").read_text(encoding="utf-8")
        assert script in html and data_of(html)["z"][0][0] == ""
    without = next(o for o in example.directory.offerings if not o.hours)
    html = (example_site / "angebote" / without.id / "index.html").read_text(encoding="utf-8")
    assert "sprechzeiten.js" not in html and "data-sprechzeiten" not in html
    # results on the search page say whether each offer is open now, with the same script
    assert '<script src="../assets/javascripts/sprechzeiten.js"></script>' in (
        example_site / "suche" / "index.html"
    ).read_text(encoding="utf-8")
    assert "sprechzeiten.js" not in (example_site / "index.html").read_text(encoding="utf-8")
