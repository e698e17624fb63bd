"""The schemas: documented in German, what they accept, and where a problem is reported."""
from __future__ import annotations

import json
import re

import pytest

from conftest import SCHEMAS
from schema_checks import OFFERING, REGION, check

SCHEMA_FILES = sorted(SCHEMAS.glob("*.schema.json"))


def walk_properties(node, path=""):
    """Every named property in a schema, with its definition."""
    if isinstance(node, dict):
        for name, definition in node.get("properties", {}).items():
            yield f"{path}.{name}", definition
        for key, value in node.items():
            yield from walk_properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from walk_properties(item, path)


@pytest.mark.parametrize("schema_file", SCHEMA_FILES, ids=lambda p: p.name)
def test_every_field_has_a_german_title_and_description(schema_file):
    contents = json.loads(schema_file.read_text(encoding="utf-8"))
    assert contents["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    missing = [
        path for path, definition in walk_properties(contents)
        # The branches of if/then/else and anyOf only narrow a field documented above them.
        if not re.search(r"/(if|then|else|dependentSchemas|anyOf|oneOf)[./]", path)
        and not (definition.get("title") and definition.get("description"))
    ]
    assert missing == []


def test_a_valid_region_has_no_problems(tmp_path):
    assert check(tmp_path, REGION, "region") == []


@pytest.mark.parametrize("phone", ["03733 565729", "03733 / 565729", "+49 3733 565729", "0162 9049611",
                                   "030 12345678", "+420 475 123 456", "+420475123456", "0800 111 0 111"])
def test_german_and_czech_phone_numbers_are_accepted(tmp_path, phone):
    network = (f"id: n\nname: Netz\nart: netzwerk\nbeschreibung: x\nregionen: [r]\n"
               f"zuletzt_geprueft: 2026-01-01\nkoordination:\n  - rolle: Koordination\n    telefon: {phone}\n")
    assert check(tmp_path, network, "netzwerk") == []


@pytest.mark.parametrize("phone", ["565729", "+48 123 456 789", "+420 12 34", "03733 565729 ; drop", "tel:03733"])
def test_other_phone_numbers_are_refused_with_examples(tmp_path, phone):
    network = (f"id: n\nname: Netz\nart: netzwerk\nbeschreibung: x\nregionen: [r]\n"
               f"zuletzt_geprueft: 2026-01-01\nkoordination:\n  - rolle: Koordination\n    telefon: \"{phone}\"\n")
    [message] = check(tmp_path, network, "netzwerk")
    assert "„03733 565729“" in message and "„+420 475 123 456“" in message


@pytest.mark.parametrize("address, ok", [
    ("plz: '01067'\n    ort: Dresden", True),
    ("plz: '1067'\n    ort: Dresden", False),
    ("plz: 400 01\n    ort: Ústí\n    land: CZ", True),
    ("plz: '40001'\n    ort: Ústí\n    land: CZ", True),
    ("plz: '01067'\n    ort: Ústí\n    land: CZ", False),
])
def test_postcodes_follow_the_country_of_the_address(tmp_path, address, ok):
    event = f"id: t\ntitel: Treffen\ndatum: 2026-01-01\nort:\n    {address}\n"
    assert (check(tmp_path, event, "termin") == []) is ok


@pytest.mark.parametrize("url, ok", [
    ("https://www.beispiel.example/pfad?x=1", True),
    ("http://www.beispiel.example", False),
    ("javascript:alert(1)", False),
    ("https://beispiel.example/<script>", False),
    ("https://", False),
    ("https://www.müller-beratung.de/kontakt", True),  # a domain with umlauts is a domain
    ("https://www.dvořák.cz", True),
])
def test_websites_must_be_https(tmp_path, url, ok):
    network = (f"id: n\nname: Netz\nart: netzwerk\nbeschreibung: x\nregionen: [r]\n"
               f"zuletzt_geprueft: 2026-01-01\nwebseite: \"{url}\"\n")
    assert (check(tmp_path, network, "netzwerk") == []) is ok


@pytest.mark.parametrize(("email", "ok"), [
    ("beratung@beispiel.example", True), ("info@müller-beratung.de", True), ("mailto:info@x.de", False),
    ("info@x", False),
])
def test_e_mail_addresses_may_have_domains_with_umlauts(tmp_path, email, ok):
    found = check(tmp_path, f"id: t\nname: Träger\nemail: \"{email}\"\n")  # other fields are missing
    assert (not [line for line in found if line.startswith("3:email:")]) is ok


def test_a_text_may_carry_czech_and_english_but_needs_german(tmp_path):
    assert check(tmp_path, REGION.replace("name: Region", "name: {de: Region, cs: Oblast, en: Area}"), "region") == []
    [message] = check(tmp_path, REGION.replace("name: Region", "name: {cs: Oblast}"), "region")
    assert "Pflichtfeld „de“ (Deutsch)" in message


def test_a_value_of_the_wrong_form_is_not_also_told_it_is_too_long(tmp_path):
    text = "id: t\nname: Träger\nart: verein\ntelefon: \"03733 <script>alert(1)</script>\"\n"
    [message] = [found for found in check(tmp_path, text) if found.startswith("4:")]
    assert message.startswith("4:telefon: Bitte geben Sie eine Telefonnummer mit Vorwahl an")


def test_a_name_of_the_wrong_form_is_reported_where_it_stands(tmp_path):
    [message] = check(tmp_path, "sucht:\n  de: Sucht\n  cs: Závislost\n  en: Addiction\n"
                                "Spiel Sucht:\n  de: Spielsucht\n  cs: Gamblerství\n  en: Gambling\n", "vokabular")
    assert message.startswith("5:Spiel Sucht: ")
WHERE = ("5:1. Angebot: Bitte geben Sie an, wo das Angebot stattfindet: „orte“ (Adressen des Trägers), "
         "„aufsuchend: ja“ oder „online: ja“.")


ALL_WHERE = WHERE.split(": ", 1)[1]


@pytest.mark.parametrize("place, found", [
    ("", [WHERE]), ("    orte: []\n", [f"16:1. Angebot › orte: {ALL_WHERE}"]),
    ("    aufsuchend: nein\n", [f"16:1. Angebot › aufsuchend: {ALL_WHERE}"]),
    ("    orte: []\n    online: nein\n", [f"16:1. Angebot › orte: {ALL_WHERE}"]),
    ("    orte: [haus]\n", []), ("    aufsuchend: ja\n", []), ("    online: \"true\"\n", []),
])
def test_an_offering_says_where_it_takes_place(tmp_path, place, found):
    """The rule of at least one place is in the schema, where the documentation reads it. A
    field that is there but says nothing ("orte: []") is where the message points."""
    assert check(tmp_path, OFFERING + place) == found


REACH = ("Bitte geben Sie an, wie man diesen Kontakt erreicht: „telefon“ (eine allgemeine Nummer) oder „email“ "
         "(eine Funktionsadresse), gern beides. Eine persönliche „durchwahl“ zählt nur, wenn sie veröffentlicht "
         "werden darf.")


@pytest.mark.parametrize("ways, found", [
    ("", [f"12:1. Angebot › 1. Kontakt: {REACH}"]),
    ("        ansprechperson: Erika Beispiel\n", [f"12:1. Angebot › 1. Kontakt: {REACH}"]),
    ("        email: info@beispiel.example\n", []),
    ("        ansprechperson: Erika Beispiel\n        durchwahl: 03733 000002\n"
     "        durchwahl_veroeffentlichen: ja\n", []),
])
def test_a_contact_says_how_to_reach_it_not_only_what_it_is_for(tmp_path, ways, found):
    offering = OFFERING.replace("        telefon: 03733 000009\n", ways) + "    online: ja\n"
    assert check(tmp_path, offering) == found


def test_a_network_coordination_and_an_event_registration_need_a_way_to_reach_them_too(tmp_path):
    network = ("id: n\nname: Netz\nart: netzwerk\nbeschreibung: x\nzuletzt_geprueft: 2026-01-01\nregionen: [r]\n"
               "koordination:\n  - rolle: Koordination\n")
    assert check(tmp_path, network, "netzwerk") == [f"8:koordination, 1. Eintrag: {REACH}"]
    event = "id: e\ntitel: Treffen\ndatum: 2026-01-01\nonline: ja\nanmeldung:\n  rolle: Anmeldung\n"
    assert check(tmp_path, event, "termin") == [f"6:anmeldung: {REACH}"]


def test_a_closure_says_when(tmp_path):
    closure = "    online: ja\n    schliesszeiten:\n      - hinweis: Umzug\n"
    assert check(tmp_path, OFFERING + closure) == [
        "18:1. Angebot › 1. Schließzeit: Bitte geben Sie an, wann geschlossen ist: „datum“ für einen Tag, "
        "„von“ und „bis“ für einen Zeitraum oder nur „bis“ für „geschlossen bis einschließlich“."]


def test_an_event_has_a_place_or_is_online(tmp_path):
    event = "id: e\ntitel: Treffen\ndatum: 2026-01-01\n"
    assert check(tmp_path, event, "termin") == ["1:: Bitte geben Sie einen „ort“ an oder „online: ja“."]
    assert check(tmp_path, event + "online: ja\n", "termin") == []


def test_a_reference_never_suggests_an_id_the_validator_refuses(tmp_path):
    network = ("id: n\nname: Netz\nart: netzwerk\nbeschreibung: x\nregionen: [r]\nzuletzt_geprueft: 2026-01-01\n"
               "mitglieder: [acord-cz]\n")
    [message] = check(tmp_path, network, "netzwerk",
                      known_ids={"traeger": frozenset({"-acord-cz", "Acord CZ", "suche", "caritas"})},
                      reserved_ids=frozenset({"suche"}))
    assert message == ("7:mitglieder, 1. Eintrag: Es gibt keinen Träger mit der Kennung „acord-cz“. Vorhanden sind: "
                       "caritas. Die Kennungen sind die Dateinamen in content/traeger/.")
    [message] = check(tmp_path, network.replace("acord-cz", "such"), "netzwerk",
                      known_ids={"traeger": frozenset({"suche"})}, reserved_ids=frozenset({"suche"}))
    assert "Meinten Sie" not in message and "Vorhanden" not in message


def test_an_unquoted_time_is_text_and_accepted(tmp_path):
    hours = "    online: ja\n    sprechzeiten:\n      - tage: [mo]\n        von: 22:00\n        bis: 01:00\n"
    assert check(tmp_path, OFFERING + hours) == []


def test_an_address_without_its_town_is_told_so_once(tmp_path):
    text = "id: t\nname: Träger\nart: verein\nadressen:\n  - id: sitz\n    strasse: Markt 1\n    plz: \"09456\"\n"
    found = [message for message in check(tmp_path, text) if "„ort“" in message]
    assert len(found) == 1 and "Das Pflichtfeld „ort“ (Ort) fehlt" in found[0]
