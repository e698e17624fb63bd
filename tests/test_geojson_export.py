"""The GeoJSON export: valid under geojson.org's schema and RFC 7946's rules, longitude
first, the maps' markers and no more (no shelter, nothing ended), the same bytes twice."""
from __future__ import annotations

import dataclasses
import datetime as dt
import json

import jsonschema

import conftest
from conftest import FIXTURE_SITE, FIXTURES, REPO, prepared, prepared_once
from generator import geojson_export, hsds
from generator.freshness import Limits
from generator.records import Location, LocationSource, Precision, Text
from generator.render.urls import SiteMap

SITE_URL = "https://wegweiser.example/verzeichnis/"
SHELTER = "beratung-beispiel-schutzwohnung"  # the fixture's offering at a confidential address
SCHEMA = FIXTURES / "geojson-schema" / "FeatureCollection.json"
# RFC 7946 section 7.1: these keep their GeoJSON meaning only on the objects they belong to;
# "crs" (section 4) and "geometries" or "coordinates" elsewhere would be read wrongly.
MEMBERS = {"FeatureCollection": {"type", "features", "bbox"}, "Feature": {"type", "id", "geometry", "properties",
                                                                         "bbox"}, "Point": {"type", "coordinates"}}


def example():
    return prepared_once(REPO / "content")


def fixture():
    return prepared_once(FIXTURE_SITE)


def parsed(directory, **options) -> dict:
    files = geojson_export.files(directory, **options)
    assert list(files) == [geojson_export.FILE_NAME]
    return json.loads(files[geojson_export.FILE_NAME].decode("utf-8"))


def rfc7946_problems(document: dict) -> list[str]:
    """What RFC 7946 forbids that a JSON schema does not see."""
    problems = []
    for member in set(document) - MEMBERS["FeatureCollection"]:
        problems.append(f"foreign member {member!r} on the collection")
    positions = []
    for feature in document["features"]:
        problems += [f"foreign member {m!r} on {feature.get('id')}" for m in set(feature) - MEMBERS["Feature"]]
        geometry = feature["geometry"]
        problems += [f"foreign member {m!r} on a point" for m in set(geometry) - MEMBERS["Point"]]
        longitude, latitude = geometry["coordinates"]
        if not (-180 <= longitude <= 180 and -90 <= latitude <= 90):
            problems.append(f"{feature['id']}: {longitude}, {latitude} is no WGS 84 position")
        positions.append((longitude, latitude))
    if "bbox" in document and positions:
        west, south, east, north = document["bbox"]
        if not all(west <= x <= east and south <= y <= north for x, y in positions):
            problems.append("a point lies outside the bbox")
        if [west, south, east, north] != [min(x for x, _ in positions), min(y for _, y in positions),
                                          max(x for x, _ in positions), max(y for _, y in positions)]:
            problems.append("the bbox is not the points' extent")
    return problems


def schema_errors(document: dict) -> list[str]:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(document)]


def test_the_example_export_is_valid_geojson():
    document = parsed(example().directory, site_url=SITE_URL)
    assert len(document["features"]) > 100
    assert schema_errors(document) == []
    assert rfc7946_problems(document) == []


def test_the_fixture_export_with_hostile_values_is_valid_geojson():
    document = parsed(fixture().directory, site_url=SITE_URL)
    assert document["features"]
    assert schema_errors(document) == []
    assert rfc7946_problems(document) == []
    names = {f["properties"]["traeger_name"] for f in document["features"]}
    assert "</script><img src=x onerror=alert(1)> ${alert(1)} {{ 7*7 }}" in names  # as written, JSON does the rest


def test_the_checks_themselves_see_a_broken_document():
    document = parsed(fixture().directory)
    first = document["features"][0]
    assert schema_errors({**document, "features": [{**first, "geometry": {"type": "Point", "coordinates": [13.7]}}]})
    broken = {**document, "crs": {"type": "name"}, "bbox": [0, 0, 1, 1],
              "features": [{**first, "geometry": {"type": "Point", "coordinates": [13.7, 95.0]}}]}
    problems = rfc7946_problems(broken)
    assert [any(word in problem for problem in problems) for word in ("crs", "bbox", "WGS 84")] == [True] * 3


def test_coordinates_are_longitude_then_latitude():
    place = next(p for o in fixture().directory.offerings if o.id == "beratung-beispiel-suchtberatung"
                 for p in o.places)
    feature = next(f for f in parsed(fixture().directory)["features"]
                   if f["id"] == "beratung-beispiel-suchtberatung/hauptsitz")
    assert feature["geometry"]["coordinates"] == [round(place.location.longitude, 5),
                                                  round(place.location.latitude, 5)]
    # Germany and Czechia lie east of 5° and north of 47°, so every point has x < y there.
    for feature in parsed(example().directory)["features"]:
        longitude, latitude = feature["geometry"]["coordinates"]
        assert 5 < longitude < 19 and 47 < latitude < 56, feature["id"]


def test_one_feature_per_offering_and_place_in_the_order_of_their_ids():
    directory = example().directory
    document = parsed(directory)
    ids = [f["id"] for f in document["features"]]
    assert ids == sorted(ids, key=lambda i: tuple(i.split("/")))
    assert len(ids) == len(set(ids))
    several = next(o for o in directory.offerings
                   if not o.ended and sum(p.location is not None and not p.confidential for p in o.places) > 1)
    assert sum(i.startswith(f"{several.id}/") for i in ids) == len(
        [p for p in several.places if p.location is not None and not p.confidential])


def test_the_properties_of_an_offering_and_its_place():
    properties = next(f["properties"] for f in parsed(fixture().directory, site_url=SITE_URL)["features"]
                      if f["id"] == "beratung-beispiel-poradna/usti")
    assert properties == {
        "angebot": "beratung-beispiel-poradna", "name": "Beratung für Familien in Ústí",
        "name_cs": "Poradna pro rodiny v Ústí", "traeger": "beratung-beispiel",
        "traeger_name": "Beratung Beispiel e. V.", "adresse": "usti", "strasse": "Bozděchova 99/6",
        "plz": "400 01", "ort": "Ústí nad Labem", "land": "CZ", "genauigkeit": "ungefähr",
        "genauigkeit_stufe": "ort", "koordinaten_quelle": "geonames",
        "koordinaten_nachweis": "Ortsdaten: GeoNames (CC BY 4.0)",
        "themen": ["familie"], "zielgruppen": ["familien", "alleinerziehende"],
        "status": "voruebergehend-geschlossen",
        "seite": "https://wegweiser.example/verzeichnis/angebote/beratung-beispiel-poradna/",
        "zuletzt_geprueft": "2025-01-15"}


def test_an_exact_point_says_so_and_pages_follow_the_url_style():
    features = parsed(fixture().directory, site_url="https://wegweiser.example",
                      site_map=SiteMap(use_directory_urls=False))["features"]
    exact = next(f["properties"] for f in features if f["id"] == "feindliche-werte-angebot/ort")
    assert exact["genauigkeit"] == "exakt" and exact["genauigkeit_stufe"] == "adresse"
    assert exact["seite"] == "https://wegweiser.example/angebote/feindliche-werte-angebot.html"
    assert all("seite" not in f["properties"] for f in parsed(fixture().directory)["features"])


def test_every_point_names_its_source_as_hsds_does_and_a_third_party_s_its_credit():
    features = {f["id"]: f["properties"] for f in parsed(fixture().directory)["features"]}
    typed = features["feindliche-werte-angebot/ort"]  # a point typed into its record
    assert typed["koordinaten_quelle"] == "eintrag" and "koordinaten_nachweis" not in typed
    assert {p["koordinaten_quelle"] for p in features.values()} == {"eintrag", "geonames"}
    directory, (organisation_id, place_id) = conftest.with_cached_point(fixture().directory)
    cached = next(f["properties"] for f in parsed(directory)["features"]
                  if f["properties"]["traeger"] == organisation_id and f["properties"]["adresse"] == place_id)
    assert cached["koordinaten_quelle"] == "openstreetmap"
    assert cached["koordinaten_nachweis"] == "Geodaten © OpenStreetMap-Mitwirkende (ODbL)"
    # The same words as the HSDS export's taxonomy of point sources.
    assert {"eintrag", "geonames", "openstreetmap"} == set(hsds.POINT_SOURCE_TERMS)


def test_a_shelter_is_left_out_even_if_its_street_and_point_leaked():
    directory = fixture().directory
    assert not any(f["properties"]["angebot"] == SHELTER for f in parsed(directory)["features"])
    # As if a later change let the shelter's street and an exact point through to the record.
    organisation = directory.organisation("beratung-beispiel")
    exact = Location(50.7, 12.8, LocationSource.RECORD, Precision.ADDRESS)
    leaked = tuple(dataclasses.replace(o, places=tuple(
        dataclasses.replace(p, street="Geheimweg 7", postcode="09366", label=Text("Schutzwohnung Nord"),
                            location=exact) for p in o.places)) if o.id == SHELTER else o
        for o in organisation.offerings)
    changed = dataclasses.replace(directory, organisations=tuple(
        dataclasses.replace(org, offerings=leaked) if org.id == organisation.id else org
        for org in directory.organisations))
    text = geojson_export.files(changed)[geojson_export.FILE_NAME].decode("utf-8")
    assert SHELTER not in text and "Geheimweg" not in text and "12.8," not in text


def test_ended_and_hidden_offerings_are_left_out_as_on_the_maps():
    directory = fixture().directory
    ids = {f["properties"]["angebot"] for f in parsed(directory)["features"]}
    assert "beratung-beispiel-poradna" in ids  # temporarily closed: still on the map, with its status
    ended = dataclasses.replace(directory, organisations=tuple(
        dataclasses.replace(org, offerings=tuple(dataclasses.replace(o, status="beendet") for o in org.offerings))
        for org in directory.organisations))
    assert parsed(ended)["features"] == []
    assert "bbox" not in parsed(ended)
    hide_before = dt.date(2026, 1, 1)  # the Ústí offering was last checked on 2025-01-15
    hidden = {f["properties"]["angebot"] for f in parsed(directory, limits=Limits(hide_before=hide_before))["features"]}
    assert "beratung-beispiel-poradna" not in hidden and "beratung-beispiel-suchtberatung" in hidden


def test_two_builds_give_the_same_bytes():
    first = geojson_export.files(prepared(REPO / "content").directory, site_url=SITE_URL)
    second = geojson_export.files(prepared(REPO / "content").directory, site_url=SITE_URL)
    assert first == second
    assert first[geojson_export.FILE_NAME].endswith(b"}\n")
