"""The HSDS 3.0 export: stable UUIDs, shelters' towns only, every vocabulary as a taxonomy,
German texts, and every exported object valid under the official schemas made strict."""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json

import pytest

from conftest import FIXTURE_SITE, REPO, prepared, with_cached_point
from generator import hsds, hsds_ids, hsds_schedules
from generator.hsds_nested import Documents
from generator.records import Closure, Location, LocationSource, Precision, Text
from hsds_schemas import compiled_validator, errors, object_validator

SITE_URL = "https://wegweiser.example/verzeichnis/"
SHELTER = "beratung-beispiel-schutzwohnung"  # the fixture's offering at a confidential address


@functools.cache
def example():
    return prepared(REPO / "content")


@functools.cache
def example_export():
    return hsds.export(example().directory, example().vocabularies, site_url=SITE_URL)


@functools.cache
def fixture():
    return prepared(FIXTURE_SITE)


def fixture_export(directory=None, **options):
    return hsds.export(directory or fixture().directory, fixture().vocabularies, **options)


def row(tables, table, **fields):
    return next(r for r in tables[table] if all(r.get(k) == v for k, v in fields.items()))


def test_an_offering_keeps_its_uuid_across_builds():
    first = hsds.export(prepared(FIXTURE_SITE).directory, fixture().vocabularies, site_url=SITE_URL)
    second = hsds.export(prepared(FIXTURE_SITE).directory, fixture().vocabularies, site_url=SITE_URL)
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)
    # Fixed for good: a changed namespace or name would give every published object a new identity.
    assert hsds_ids.offering("caritas-aue-schuldnerberatung") == "e02fdeae-ab26-5a11-a363-b55ee5e38c9a"
    assert row(first, "service", name="Suchtberatung Beispielstadt")["id"] == hsds_ids.offering(
        "beratung-beispiel-suchtberatung")


def test_the_same_id_of_different_kinds_gives_different_uuids():
    kinds = ("organisation", "offering", "location", "address", "vocabulary", "term")
    assert len({hsds_ids.uuid_of(kind, "beispiel") for kind in kinds}) == len(kinds)
    ids = [r["id"] for rows in example_export().values() for r in rows]
    assert len(ids) == len(set(ids))


def test_every_reference_leads_to_an_exported_object():
    tables = example_export()
    known = {name: {r["id"] for r in rows} for name, rows in tables.items()}
    targets = {"taxonomy_term_id": "taxonomy_term", "link_id": None}
    for name, rows in tables.items():
        for r in rows:
            for field, value in r.items():
                if field == "resource_id":
                    assert value in known[r["resource_type"]], r
                elif field.endswith("_id") and field != "link_id":
                    assert value in known[targets.get(field) or field[: -len("_id")]], (name, field, r)
                if field == "link_id":
                    assert value in known[r["link_entity"]], r


def test_a_confidential_address_exports_its_town_only():
    # As if a later change let the shelter's street and point through to the record.
    directory = fixture().directory
    organisation = directory.organisation("beratung-beispiel")
    leaked = [dataclasses.replace(place, street="Geheimweg 7", postcode="09366", label=Text("Schutzwohnung Nord"),
                                  note=Text("Hintereingang"),
                                  location=Location(50.7012345, 12.7712345, LocationSource.CACHE, Precision.ADDRESS))
              if place.confidential else place for place in organisation.addresses]
    assert any(place.confidential for place in leaked)
    offerings = [dataclasses.replace(o, places=tuple(p for p in leaked if p.id in {q.id for q in o.places}))
                 for o in organisation.offerings]
    changed = dataclasses.replace(organisation, addresses=tuple(leaked), offerings=tuple(offerings))
    tables = fixture_export(dataclasses.replace(
        directory, organisations=tuple(changed if o.id == organisation.id else o for o in directory.organisations)))
    text = json.dumps(tables, ensure_ascii=False)
    for secret in ("Geheimweg", "09366", "Schutzwohnung Nord", "Hintereingang", "50.70", "12.77"):
        assert secret not in text
    location_id = hsds_ids.location("beratung-beispiel", "schutzwohnung")
    assert row(tables, "address", location_id=location_id) == {
        "id": hsds_ids.address("beratung-beispiel", "schutzwohnung"), "location_id": location_id,
        "address_1": "", "city": "Stollberg/Erzgeb.", "state_province": "Sachsen", "postal_code": "",
        "country": "DE", "address_type": "physical"}
    assert row(tables, "location", id=location_id) == {
        "id": location_id, "location_type": "physical", "organization_id": hsds_ids.organisation("beratung-beispiel")}
    shelter = row(tables, "service_at_location", service_id=hsds_ids.offering(SHELTER))
    assert shelter["location_id"] == location_id  # the offering is still at its town


def test_every_vocabulary_an_attribute_links_to_is_a_taxonomy_with_every_term():
    tables = example_export()
    taxonomies = {r["name"]: r["id"] for r in tables["taxonomy"]}
    terms = {(r["taxonomy"], r["code"]): r for r in tables["taxonomy_term"]}
    linked = {a["link_type"] for a in tables["attribute"]}
    assert linked <= set(taxonomies)
    for name, vocabulary in example().vocabularies.items():
        if name not in linked:
            continue
        for term in vocabulary.terms.values():
            exported = terms[(name, term.id)]
            assert exported["id"] == hsds_ids.term(name, term.id)
            assert exported["taxonomy_id"] == taxonomies[name]
            assert exported["name"] == term.de and exported["description"] == (term.explanation or term.de)
    assert terms[("themen", "sucht")]["term_uri"] == SITE_URL + "themen/sucht/"


def test_a_vocabulary_no_attribute_links_to_is_not_exported_and_each_taxonomy_says_what_it_is():
    tables = example_export()
    names = {r["name"] for r in tables["taxonomy"]}
    assert not names & {"laender", "netzwerkarten", "regionsarten", "wochentage"}
    assert {r["taxonomy"] for r in tables["taxonomy_term"]} == names
    descriptions = [r["description"] for r in tables["taxonomy"]]
    assert len(set(descriptions)) == len(descriptions) and not any("Vokabular" in d for d in descriptions)


def test_an_offering_links_its_terms_through_attributes():
    tables = fixture_export()
    service_id = hsds_ids.offering("beratung-beispiel-suchtberatung")
    linked = {(a["link_type"], next(t["code"] for t in tables["taxonomy_term"] if t["id"] == a["taxonomy_term_id"]))
              for a in tables["attribute"] if a["link_id"] == service_id}
    assert linked == {("themen", "sucht"), ("themen", "gesundheit"), ("zielgruppen", "menschen-mit-suchterkrankung"),
                      ("zielgruppen", "angehoerige"), ("rechtsgrundlagen", "sgb-xii"), ("sprachen", "de"),
                      ("sprachen", "gsg"), ("barrierefreiheit", "stufenlos"), ("barrierefreiheit", "gebaerdensprache"),
                      ("zugangswege", "offene-sprechstunde"), ("zugangswege", "termin"), ("kosten", "kostenlos"),
                      ("status", "aktiv")}
    assert all(a["link_entity"] == "service" for a in tables["attribute"] if a["link_id"] == service_id)


def test_german_text_is_exported():
    tables = example_export()
    shelter = row(tables, "service", id=hsds_ids.offering("frauenhaus-interventionsstelle-myk-frauenhaus"))
    assert shelter["name"] == "Frauenhaus – Schutz rund um die Uhr"
    assert shelter["description"].startswith("Sichere Unterkunft für Frauen")
    assert shelter["fees_description"].startswith("Teilweise kostenpflichtig. Die Unterkunftskosten")
    text = json.dumps(tables, ensure_ascii=False)
    assert "Women's shelter" not in text and "Poradna pro rodiny" not in json.dumps(fixture_export(),
                                                                                      ensure_ascii=False)
    assert row(tables, "language", code="tr")["name"] == "Türkisch"


def test_opening_hours_become_weekly_schedules_in_local_time():
    tables = fixture_export()
    service_id = hsds_ids.offering("beratung-beispiel-suchtberatung")
    schedules = [s for s in tables["schedule"] if s["service_id"] == service_id]
    assert [{k: s.get(k) for k in ("freq", "byday", "opens_at", "closes_at", "notes", "description")}
            for s in schedules] == [
        {"freq": "WEEKLY", "byday": "TU,TH", "opens_at": "09:00", "closes_at": "12:00", "notes": "Offene Sprechstunde",
         "description": "Di, Do 09:00–12:00 Uhr (deutsche Zeit)"},
        {"freq": None, "byday": None, "opens_at": None, "closes_at": None, "notes": None,
         "description": "In den Schulferien nur donnerstags."}]
    shelter = row(tables, "schedule", service_id=hsds_ids.offering(SHELTER))
    assert (shelter["byday"], shelter["opens_at"], shelter["closes_at"]) == ("MO,TU,WE,TH,FR,SA,SU", "00:00", "23:59")


def test_the_hours_of_a_czech_place_are_in_czech_time_and_the_others_in_german_time():
    offerings = [o for o in example().directory.offerings if o.hours and o.places]
    czech = next(o for o in offerings if {p.country for p in o.places} == {"CZ"})
    german = next(o for o in offerings if {p.country for p in o.places} == {"DE"})
    tables = example_export()

    def zones(offering) -> set[str]:
        return {s["description"].rpartition("(")[2] for s in tables["schedule"]
                if s["service_id"] == hsds_ids.offering(offering.id) and s.get("freq")}

    assert zones(czech) == {"tschechische Zeit)"}
    assert zones(german) == {"deutsche Zeit)"}
    assert "Europe/" not in json.dumps(tables["schedule"])


def test_closures_are_gaps_between_the_periods_of_the_schedules():
    day = dt.date
    closures = [Closure(day(2027, 1, 8)), Closure(day(2027, 8, 6), day(2027, 7, 26)),
                Closure(day(2026, 12, 31), day(2026, 12, 31))]
    assert hsds_schedules.valid_periods(closures) == [(day(2027, 1, 9), day(2027, 7, 25)), (day(2027, 8, 7), None)]
    assert hsds_schedules.valid_periods([Closure(day(2027, 8, 6), day(2027, 7, 26))]) == [
        (None, day(2027, 7, 25)), (day(2027, 8, 7), None)]
    assert hsds_schedules.alert(closures) == ("Geschlossen bis einschließlich 08.01.2027. Geschlossen am 31.12.2026. "
                                              "Geschlossen vom 26.07.2027 bis 06.08.2027.")
    aue = next(o for o in example().directory.offerings if o.closures)
    tables = hsds.export(example().directory, example().vocabularies, today=day(2100, 1, 1))
    service = row(tables, "service", id=hsds_ids.offering(aue.id))
    assert "alert" not in service  # every closure is over by then
    assert all("valid_from" not in s for s in tables["schedule"] if s["service_id"] == service["id"])


def test_a_point_says_how_exact_it_is():
    tables = example_export()
    location = tables["location"][0]
    attribute = row(tables, "attribute", link_id=location["id"])
    term = row(tables, "taxonomy_term", id=attribute["taxonomy_term_id"])
    assert (attribute["link_entity"], term["taxonomy"], term["code"]) == ("location", "genauigkeit", "ort")
    assert term["name"] == "ungefähr (Ortsmitte)"


def test_each_point_says_whose_data_it_is_with_the_credit_to_give():
    directory, cached = with_cached_point(fixture().directory)
    places = {(o.id, a.id): a for o in directory.organisations for a in o.addresses}
    tables = fixture_export(directory)
    terms = {t["id"]: t for t in tables["taxonomy_term"]}

    def source_of(organisation: str, place: str) -> tuple[str, str]:
        attribute = row(tables, "attribute", link_id=hsds_ids.location(organisation, place),
                        link_type="koordinatenquelle")
        return terms[attribute["taxonomy_term_id"]]["code"], attribute.get("value", "")

    assert source_of(*cached) == ("openstreetmap", "Geodaten © OpenStreetMap-Mitwirkende (ODbL)")
    by_town = next(key for key, a in places.items() if a.location and a.location.source == LocationSource.GAZETTEER)
    assert source_of(*by_town) == ("geonames", "Ortsdaten: GeoNames (CC BY 4.0)")
    by_hand = next(key for key, a in places.items() if a.location and a.location.source == LocationSource.RECORD)
    assert source_of(*by_hand) == ("eintrag", "")  # the provider's own point: no third party to name
    osm = row(tables, "taxonomy_term", taxonomy="koordinatenquelle", code="openstreetmap")
    assert osm["name"] == "OpenStreetMap" and "ODbL 1.0" in osm["description"]
    shelter = hsds_ids.location("beratung-beispiel", "schutzwohnung")
    assert not [a for a in tables["attribute"] if a["link_id"] == shelter]  # no point, so no source either


@pytest.mark.parametrize("content", ["example", "fixture"])  # the fixture has hostile values
def test_every_exported_object_validates_against_its_hsds_schema(content):
    tables = example_export() if content == "example" else fixture_export(site_url=SITE_URL)
    assert set(tables) == set(hsds.TABLE_FILES)
    assert all(tables[name] for name in ("organization", "service", "service_at_location", "location", "address",
                                         "contact", "phone", "schedule", "language", "accessibility", "taxonomy",
                                         "taxonomy_term", "attribute", "service_area", "cost_option", "metadata"))
    found = {f"{name} {r['id']}: {error}" for name, rows in tables.items() for r in rows
             for error in errors(object_validator(name), r)}
    assert not found, sorted(found)[:20]


@pytest.mark.parametrize("shape", ["service", "organization", "service_at_location"])
def test_the_nested_documents_of_the_example_validate_against_the_compiled_schemas(shape):
    documents = Documents(example_export())
    build = {"service": documents.service, "organization": documents.organization,
             "service_at_location": documents.service_at_location}[shape]
    nested = [build(r["id"]) for r in example_export()[shape]]
    found = {f"{document['id']}: {error}" for document in nested
             for error in errors(compiled_validator(shape), document)}
    assert not found, sorted(found)[:20]
    if shape == "service":  # the documents hold what the tables hold
        shelter = next(d for d in nested if d["name"].startswith("Frauenhaus –"))
        assert shelter["service_at_locations"][0]["location"]["addresses"][0]["city"] == "Andernach"
        assert shelter["contacts"][0]["phones"][0]["number"] == "02632 000700"
        assert shelter["attributes"][0]["taxonomy_term"]["taxonomy_detail"]["name"] == "themen"
        assert shelter["organization"]["name"] == "Frauenhaus und Interventionsstelle Mayen-Koblenz"


def test_the_strict_schemas_refuse_what_hsds_does_not_know():
    service = {"id": hsds_ids.offering("x"), "name": "Beratung", "status": "active"}
    assert errors(object_validator("service"), service) == []
    assert errors(object_validator("service"), {**service, "webseite": "https://beispiel.example"})
    assert errors(object_validator("service"), {**service, "status": "aktiv"})
    assert errors(object_validator("service"), {**service, "id": "beratung"})  # no UUID
    assert errors(object_validator("service"), {**service, "url": "www.beispiel.example"})  # no absolute URI
    schedule = {"id": hsds_ids.uuid_of("schedule", "x"), "freq": "WEEKLY", "tage": ["mo"]}
    assert errors(object_validator("service"), {**service, "schedules": [schedule]})  # through the $ref
    assert errors(compiled_validator("service"), {**service, "schedules": [schedule]})
    location = {"id": hsds_ids.location("o", "a"), "location_type": "physical", "strasse": "Musterstraße 1"}
    place = {"id": hsds_ids.uuid_of("p", "x"), "location": location}
    assert errors(compiled_validator("service"), {**service, "service_at_locations": [place]})


def test_our_keys_stand_beside_the_uuids_in_metadata():
    tables = fixture_export()
    keys = {(m["resource_type"], m["previous_value"]): m for m in tables["metadata"]}
    service = keys[("service", "beratung-beispiel-suchtberatung")]
    uuid = hsds_ids.offering("beratung-beispiel-suchtberatung")
    assert service["resource_id"] == service["replacement_value"] == uuid
    assert service["field_name"] == "id"
    assert keys[("organization", "beratung-beispiel")]["resource_id"] == hsds_ids.organisation("beratung-beispiel")
    assert keys[("location", "beratung-beispiel/schutzwohnung")]["resource_id"] == hsds_ids.location(
        "beratung-beispiel", "schutzwohnung")
    assert len(keys) == len(tables["organization"]) + len(tables["service"]) + len(tables["location"])
