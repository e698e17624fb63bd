"""schema.org JSON-LD on the offering and organisation pages (render/structured_data.py):
one block per page, in the <head>, within what schema.org defines for its types
(tests/fixtures/schema-org/), and no more of an address than the page shows."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from conftest import FIXTURES, REPO, prepared_once
from generator.records import Closure, Location, LocationSource, Precision, Text
from generator.render.pages import ContributionLinks
from generator.render.structured_data import StructuredData, serialized
from generator.render.urls import SiteMap

SCHEMA = json.loads((FIXTURES / "schema-org" / "json-ld.schema.json").read_text(encoding="utf-8"))
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)
EXAMPLE = REPO / "content"
LANGUAGES = {"de": "", "cs": "cs", "en": "en"}
WEEKDAYS = "https://schema.org/"


def json_ld_of(page: Path) -> list[str]:
    return BLOCK.findall(page.read_text(encoding="utf-8"))


def record_pages(site: Path, language: str = "de") -> dict[str, Path]:
    """Every offering and organisation page of one language's site, by "angebote/<id>"."""
    root = site / LANGUAGES[language]
    return {f"{folder}/{page.parent.name}": page for folder in ("angebote", "traeger")
            for page in sorted((root / folder).glob("*/index.html"))}


def document(site: Path, page: str, language: str = "de") -> dict:
    (block,) = json_ld_of(record_pages(site, language)[page])
    return json.loads(block)


# --- the example site -------------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_every_offering_and_organisation_page_carries_exactly_one_json_ld_block_in_its_head(example_site, language):
    directory = prepared_once(EXAMPLE).directory
    pages = record_pages(example_site, language)
    assert len(pages) == len(directory.offerings) + len(directory.organisations)
    for name, page in pages.items():
        text = page.read_text(encoding="utf-8")
        blocks = json_ld_of(page)
        assert len(blocks) == 1, name
        assert text.index("application/ld+json") < text.index("</head>"), name
        assert isinstance(json.loads(blocks[0]), dict), name


def test_other_pages_carry_no_json_ld(example_site):
    for page in ("index.html", "a-z/index.html", "traeger/index.html", "themen/index.html", "suche/index.html"):
        assert json_ld_of(example_site / page) == [], page


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_json_ld_uses_only_properties_schema_org_defines_on_its_types(example_site, language):
    validator = Draft202012Validator(SCHEMA)
    failures = [f"{name}: {error.json_path}: {error.message}"
                for name, page in record_pages(example_site, language).items()
                for error in validator.iter_errors(json.loads(json_ld_of(page)[0]))]
    assert failures == []


def test_an_offering_of_a_jobcenter_is_a_government_service_and_a_club_s_a_service(example_site):
    buergergeld = document(example_site, "angebote/jobcenter-erzgebirgskreis-buergergeld")
    assert buergergeld["@type"] == "GovernmentService"
    assert buergergeld["provider"]["@type"] == "GovernmentOrganization"
    assert buergergeld["provider"]["name"] == "Jobcenter Erzgebirgskreis"
    assert document(example_site, "traeger/jobcenter-erzgebirgskreis")["@type"] == "GovernmentOrganization"
    assert document(example_site, "angebote/frauenschutz-erzgebirge-schutzhaus")["@type"] == "Service"
    assert document(example_site, "traeger/frauenschutz-erzgebirge")["@type"] == "Organization"


def test_opening_hours_name_schema_org_days_and_times(example_site):
    hours = document(example_site, "angebote/jobcenter-erzgebirgskreis-buergergeld")["hoursAvailable"]
    days = [WEEKDAYS + day for day in ("Monday", "Tuesday", "Wednesday", "Friday")]
    assert hours == [
        {"@type": "OpeningHoursSpecification", "dayOfWeek": days, "opens": "08:00", "closes": "12:00"},
        {"@type": "OpeningHoursSpecification", "dayOfWeek": [WEEKDAYS + "Thursday"], "opens": "08:00",
         "closes": "18:00"},
    ]


def test_around_the_clock_is_every_day_from_midnight_to_23_59(example_site):
    (hours,) = document(example_site, "angebote/frauenschutz-erzgebirge-schutzhaus")["hoursAvailable"]
    assert len(hours["dayOfWeek"]) == 7 and (hours["opens"], hours["closes"]) == ("00:00", "23:59")


def test_a_confidential_address_gives_its_town_only(example_site):
    directory = prepared_once(EXAMPLE).directory
    checked = 0
    for organisation in directory.organisations:
        for place, data in zip(organisation.addresses,
                               document(example_site, f"traeger/{organisation.id}")["location"], strict=True):
            if place.confidential:
                assert data == {"@type": "Place", "address": {"@type": "PostalAddress",
                                                              "addressLocality": place.town}}
                checked += 1
        for offering in (o for o in organisation.offerings if not o.ended):  # an ended one has no ways in
            data = document(example_site, f"angebote/{offering.id}")
            shelters = [p for p in offering.places if p.confidential]
            channels = [c["serviceLocation"] for c in data.get("availableChannel", []) if "serviceLocation" in c]
            for place, location in zip(offering.places, channels, strict=True):
                if place.confidential:
                    assert location == {"@type": "Place", "address": {"@type": "PostalAddress",
                                                                      "addressLocality": place.town}}
            checked += len(shelters)
    assert checked >= 3  # two shelters in the example, and the offerings there


def test_an_approximate_point_gives_no_geo_coordinates(example_site):
    """The example's points are town centres or postcode areas, not doors: none is given."""
    directory = prepared_once(EXAMPLE).directory
    approximate = 0
    for organisation in directory.organisations:
        locations = document(example_site, f"traeger/{organisation.id}")["location"]
        for place, data in zip(organisation.addresses, locations, strict=True):
            assert "geo" not in data or (place.location and not place.location.approximate), organisation.id
            approximate += bool(place.location and place.location.approximate)
    assert approximate >= 10


def test_the_czech_page_s_json_ld_is_czech_where_the_record_is_translated(example_site):
    translated = document(example_site, "angebote/mesto-dubi-socialni-prace", "cs")
    assert translated["mainEntityOfPage"]["inLanguage"] == "cs"
    assert translated["name"] == "Sociální práce obce"
    assert translated["description"].startswith("Sociální pracovnice města pomáhají obyvatelům v nouzi:")
    assert "Bydlení" in translated["serviceType"]
    assert translated["provider"]["name"] == "Město Dubí"
    # Only in German and English: German on the Czech page, English on the English one.
    german = document(example_site, "angebote/jobcenter-erzgebirgskreis-buergergeld", "cs")
    assert german["mainEntityOfPage"]["inLanguage"] == "de"
    assert german["name"] == "Bürgergeld – Antrag und Leistungen"
    english = document(example_site, "angebote/jobcenter-erzgebirgskreis-buergergeld", "en")
    assert english["mainEntityOfPage"]["inLanguage"] == "en"
    assert english["name"].startswith("Bürgergeld (basic income support)")


def test_without_site_url_there_is_no_url_or_id_that_is_not_a_whole_address(example_site):
    data = document(example_site, "angebote/jobcenter-erzgebirgskreis-buergergeld")
    assert "@id" not in data and "url" not in data and "@id" not in data["mainEntityOfPage"]
    assert data["provider"]["url"] == "https://www.beispiel.example/jobcenter-erzgebirgskreis"  # its own site


# --- in-process, on the small fixture site ----------------------------------------------------

def structured_data(language: str = "de", site_url: str | None = None, today=dt.date(2026, 3, 1)) -> StructuredData:
    fixture = prepared_once()
    return StructuredData(fixture.directory, fixture.vocabularies, today, SiteMap(language=language),
                          ContributionLinks(site_url=site_url))


def offering(offering_id: str):
    return next(o for o in prepared_once().directory.offerings if o.id == offering_id)


def test_with_site_url_the_records_are_named_by_their_pages_whole_addresses():
    data = json.loads(structured_data("cs", "https://wegweiser.example/").offering(
        offering("beratung-beispiel-suchtberatung")))
    page = "https://wegweiser.example/cs/angebote/beratung-beispiel-suchtberatung/"
    assert (data["url"], data["@id"], data["mainEntityOfPage"]["@id"]) == (page, page + "#angebot", page)
    assert data["provider"]["@id"] == "https://wegweiser.example/cs/traeger/beratung-beispiel/#traeger"
    organisation = json.loads(structured_data("de", "https://wegweiser.example").organisation(
        prepared_once().directory.organisation("beratung-beispiel")))
    assert organisation["@id"] == "https://wegweiser.example/traeger/beratung-beispiel/#traeger"
    assert not Draft202012Validator(SCHEMA).is_valid(data | {"inLanguage": "cs"})  # not on a Service


def test_closures_to_come_are_days_closed_all_day_from_and_through_their_dates():
    closed = dataclasses.replace(offering("beratung-beispiel-suchtberatung"), closures=(
        Closure(dt.date(2026, 2, 1), dt.date(2026, 1, 20)),  # over by the build day: left out
        Closure(dt.date(2026, 3, 20), None, Text("Umzug", cs="Stěhování")),  # "closed until"
        Closure(dt.date(2026, 12, 31), dt.date(2026, 12, 24), Text("Weihnachten"))))
    hours = json.loads(structured_data().offering(closed))["hoursAvailable"]
    closures = [h for h in hours if "validThrough" in h]
    assert closures == [
        {"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00", "validFrom": "2026-03-01",
         "validThrough": "2026-03-20", "description": "Umzug"},
        {"@type": "OpeningHoursSpecification", "opens": "00:00", "closes": "00:00", "validFrom": "2026-12-24",
         "validThrough": "2026-12-31", "description": "Weihnachten"},
    ]
    assert Draft202012Validator(SCHEMA).is_valid(json.loads(structured_data().offering(closed)))


def test_only_an_exact_point_that_is_not_confidential_gives_geo_coordinates():
    organisation = prepared_once().directory.organisation("beratung-beispiel")
    door = Location(50.72, 12.9, LocationSource.CACHE, Precision.ADDRESS)
    town = Location(50.77, 12.5, LocationSource.GAZETTEER, Precision.TOWN)
    exact, approximate, shelter = (dataclasses.replace(place, location=point) for place, point in
                                   zip(organisation.addresses, (door, town, door), strict=True))
    assert shelter.confidential
    located = dataclasses.replace(organisation, addresses=(exact, approximate, shelter))
    places = json.loads(structured_data().organisation(located))["location"]
    assert places[0]["geo"] == {"@type": "GeoCoordinates", "latitude": 50.72, "longitude": 12.9}
    assert "geo" not in places[1] and "geo" not in places[2]
    assert places[2]["address"] == {"@type": "PostalAddress", "addressLocality": "Stollberg/Erzgeb."}


def test_an_ended_offering_offers_no_ways_in_and_a_closed_one_no_hours():
    ended = json.loads(structured_data().offering(offering("beratung-beispiel-alte-gruppe")))
    assert "availableChannel" not in ended and "hoursAvailable" not in ended
    closed = json.loads(structured_data().offering(offering("beratung-beispiel-poradna")))
    assert "hoursAvailable" not in closed and closed["availableChannel"]


@pytest.mark.parametrize("text", ["</script><script>alert(1)</script>", "<!--<script>", "a & b > c",
                                  "line\u2028separator\u2029", "</SCRIPT >"])
def test_serialized_json_cannot_end_its_script_element_or_open_a_comment(text):
    written = serialized({"name": text})
    assert not set(written) & set("<>&\u2028\u2029")
    assert json.loads(written) == {"name": text}
