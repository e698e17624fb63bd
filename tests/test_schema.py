"""The schemas: documented in German, and turned into plain German messages."""
from __future__ import annotations

import functools
import json
import re

import pytest

from conftest import SCHEMAS
from generator import schema, synonyms, vocab, yamlsafe
from generator.render.search_index import facet_keys
from generator.vocab import Term, Vocabulary

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


def check(tmp_path, text: str, name="traeger", **context) -> list[str]:
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    document, problems = yamlsafe.load(path)
    assert problems == []
    schemas = schema.SchemaSet.load(SCHEMAS).with_context(
        context.get("vocabularies", {}), context.get("known_ids", {}), context.get("reserved_ids", frozenset()))
    return [f"{p.line}:{p.field}: {p.message}" for p in schema.validate(document, schemas.validator(name))]


REGION = "id: r\nname: Region\nart: landkreis\nlaender: [DE]\n"


def test_a_valid_region_has_no_problems(tmp_path):
    assert check(tmp_path, REGION, "region") == []


def test_a_missing_required_field_names_the_field_and_its_title(tmp_path):
    assert check(tmp_path, "id: r\nname: Region\nart: landkreis\n", "region") == [
        "1:: Das Pflichtfeld „laender“ (Länder) fehlt. Bitte ergänzen Sie es."]


def test_an_unknown_field_points_at_its_key_and_suggests_the_right_one(tmp_path):
    [message] = check(tmp_path, REGION + "gemeinde: [Aue]\n", "region")
    assert message.startswith("5:gemeinde: Das Feld „gemeinde“ gibt es hier nicht. Meinten Sie „gemeinden“?")


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


def test_an_unknown_term_lists_the_allowed_terms_and_suggests_one(tmp_path):
    vocabularies = {"regionsarten": Vocabulary("regionsarten", {
        "landkreis": Term("landkreis", "Landkreis", "Okres", "District"),
        "stadt": Term("stadt", "Stadt", "Město", "Town")})}
    [message] = check(tmp_path, REGION.replace("art: landkreis", "art: Landkreise"), "region",
                      vocabularies=vocabularies)
    assert message == ("3:art: „Landkreise“ ist kein erlaubter Begriff. Meinten Sie „landkreis“? "
                       "Erlaubt sind: landkreis (Landkreis), stadt (Stadt). "
                       "Die Liste steht in schemas/vokabulare/regionsarten.yml.")


def test_an_unknown_reference_names_the_folder_of_the_ids(tmp_path):
    [message] = check(tmp_path, REGION + "teil_von: sachsn\n", "region",
                      known_ids={"regionen": frozenset({"r", "sachsen"})})
    assert "„sachsn“" in message and "Meinten Sie „sachsen“?" in message and "content/regionen/" in message


def test_a_text_may_carry_czech_and_english_but_needs_german(tmp_path):
    assert check(tmp_path, REGION.replace("name: Region", "name: {de: Region, cs: Oblast, en: Area}"), "region") == []
    [message] = check(tmp_path, REGION.replace("name: Region", "name: {cs: Oblast}"), "region")
    assert "Pflichtfeld „de“ (Deutsch)" in message


def test_a_too_long_text_says_how_long_it_may_be(tmp_path):
    [message] = check(tmp_path, REGION.replace("name: Region", "name: " + "x" * 201), "region")
    assert "201 Zeichen lang; erlaubt sind höchstens 200" in message


def test_a_value_of_the_wrong_form_is_not_also_told_it_is_too_long(tmp_path):
    text = "id: t\nname: Träger\nart: verein\ntelefon: \"03733 <script>alert(1)</script>\"\n"
    [message] = [found for found in check(tmp_path, text) if found.startswith("4:")]
    assert message.startswith("4:telefon: Bitte geben Sie eine Telefonnummer mit Vorwahl an")


def test_a_name_of_the_wrong_form_is_reported_where_it_stands(tmp_path):
    [message] = check(tmp_path, "sucht:\n  de: Sucht\n  cs: Závislost\n  en: Addiction\n"
                                "Spiel Sucht:\n  de: Spielsucht\n  cs: Gamblerství\n  en: Gambling\n", "vokabular")
    assert message.startswith("5:Spiel Sucht: ")


OFFERING = ("id: t\nname: Träger\nart: verein\nangebote:\n  - id: t-a\n    name: Beratung\n    beschreibung: x\n"
            "    themen: [sucht]\n    zielgruppen: [alle]\n    zugang: [termin]\n    kontakt:\n"
            "      - rolle: Sekretariat\n        telefon: 03733 000009\n    status: aktiv\n"
            "    zuletzt_geprueft: 2026-01-01\n")
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


def test_a_german_date_is_answered_with_the_same_day_only_if_there_is_such_a_day(tmp_path):
    closure = "    online: ja\n    schliesszeiten:\n      - datum: {}\n"
    [message] = check(tmp_path, OFFERING + closure.format("24.12.2026"))
    assert message.endswith("Meinten Sie „2026-12-24“?")
    [message] = check(tmp_path, OFFERING + closure.format("31.02.2026"))
    assert "Gefunden: „31.02.2026“." in message and "Meinten Sie" not in message


@pytest.mark.parametrize("written, hint", [
    ("9:00", " Meinten Sie „09:00“?"), ("\"12.30\"", " Meinten Sie „12:30“?"), ("9 Uhr", " Meinten Sie „09:00“?"),
    ("\"24:00\"", " Als Ende um Mitternacht schreiben Sie „00:00“."), ("\"25:00\"", ""), ("abends", ""),
])
def test_a_time_of_another_form_is_answered_with_the_form_the_schema_accepts(tmp_path, written, hint):
    hours = f"    online: ja\n    sprechzeiten:\n      - tage: [mo]\n        von: \"18:00\"\n        bis: {written}\n"
    [message] = check(tmp_path, OFFERING + hours)
    assert message.endswith(f"Gefunden: „{written.strip(chr(34))}“.{hint}")


def test_an_unquoted_time_is_text_and_accepted(tmp_path):
    hours = "    online: ja\n    sprechzeiten:\n      - tage: [mo]\n        von: 22:00\n        bis: 01:00\n"
    assert check(tmp_path, OFFERING + hours) == []


@functools.cache
def directory_words():
    """The repository's vocabularies and the search's everyday words, as the pipeline loads them."""
    schemas = schema.SchemaSet.load(SCHEMAS)
    vocabularies, problems = vocab.load_vocabularies(SCHEMAS / "vokabulare", schemas)
    found, synonym_problems = synonyms.load_synonyms(SCHEMAS / "vokabulare", schemas, vocabularies,
                                                     frozenset(facet_keys()))
    assert problems == synonym_problems == []
    return {"vocabularies": vocabularies, "synonyms": found}


RECORD = """id: t
name: Träger
art: verein
adressen:
  - id: hauptsitz
    plz: "08280"
    ort: Aue
angebote:
  - id: t-beratung
    name: Beratung
    beschreibung: Wir beraten.
    themen: [sucht]
    zielgruppen: [alle]
    zugang: [termin]
    online: ja
    kontakt:
      - rolle: Beratung
        telefon: 03733 123456
    status: aktiv
    zuletzt_geprueft: "2026-01-15"
"""


def check_record(tmp_path, old: str, new: str) -> list[str]:
    assert old in RECORD
    path = tmp_path / "x.yml"
    path.write_text(RECORD.replace(old, new), encoding="utf-8")
    document, problems = yamlsafe.load(path)
    assert problems == []
    words = directory_words()
    schemas = schema.SchemaSet.load(SCHEMAS).with_context(words["vocabularies"], {}, synonyms=words["synonyms"])
    return [f"{p.field}: {p.message}" for p in schema.validate(document, schemas.validator("traeger"))]


def test_a_term_is_suggested_by_its_meaning_before_its_spelling(tmp_path):
    # "kostenfrei" is spelled like the id "kostentraeger", but means "kostenlos".
    [message] = check_record(tmp_path, "    status: aktiv\n", "    status: aktiv\n    kosten: kostenfrei\n")
    assert "Schreiben Sie „kostenlos“" in message
    assert "kostentraeger“?" not in message


def test_a_term_written_with_a_capital_letter_is_named_for_sure(tmp_path):
    assert check_record(tmp_path, "themen: [sucht]", "themen: [Schulden]") == [
        "1. Angebot › themen, 1. Eintrag: „Schulden“ ist so nicht erlaubt. Schreiben Sie „schulden“: Hier steht "
        "die Kennung des Begriffs, genau wie in schemas/vokabulare/themen.yml."]


@pytest.mark.parametrize(("old", "new", "meant"), [
    ("    online: ja\n", "    online: ja\n    sprachen: [cz]\n", "„cs“ (Tschechisch)"),
    ("    ort: Aue\n", "    ort: Aue\n    land: Tschechien\n", "„CZ“ (Tschechien)"),
    ("    ort: Aue\n", "    ort: Aue\n    land: CZE\n", "„CZ“ (Tschechien)"),
    ("    online: ja\n", "    online: ja\n    sprachen: [deutsch]\n", "„de“ (Deutsch)"),
    ("themen: [sucht]", "themen: [Schuldnerberatung]", "„schulden“"),  # a word of the search's synonyms
    ("zugang: [termin]", "zugang: [telefonisch]", "„online“ (Online oder am Telefon)"),
] + [("    online: ja\n", f"    online: ja\n    sprechzeiten:\n      - tage: [{day}]\n        von: \"09:00\"\n"
      "        bis: \"12:00\"\n", "„mo“ (Montag)") for day in ("Mo", "Montag", "monday", "mon", "po", "Pondělí")])
def test_labels_and_abbreviations_in_any_language_find_the_term(tmp_path, old, new, meant):
    [message] = check_record(tmp_path, old, new)
    assert f"Schreiben Sie {meant}" in message or f"Meinten Sie {meant}?" in message


def test_several_terms_in_one_item_get_the_list_to_write(tmp_path):
    [message] = check_record(tmp_path, "themen: [sucht]", "themen:\n      - sucht\n      - Pflege, demenz")
    assert message == ("1. Angebot › themen, 2. Eintrag: „Pflege, demenz“ sind mehrere Begriffe in einem "
                       "Listenpunkt. Schreiben Sie jeden für sich, die ganze Liste in einer Zeile: "
                       "themen: [sucht, pflege, demenz]")


@pytest.mark.parametrize(("old", "new", "line"), [
    ("themen: [sucht]", "themen: pflege, demenz", "themen: [pflege, demenz]"),
    ("themen: [sucht]", "themen: Pflege", "themen: [pflege]"),
    ("    online: ja\n", "    online: ja\n    orte: hauptsitz\n", "orte: [hauptsitz]"),
] + [("    online: ja\n", f"    online: ja\n    sprechzeiten:\n      - tage: {days}\n        von: \"09:00\"\n"
      "        bis: \"12:00\"\n", "tage: [mo, di, mi, do, fr]") for days in ("Mo-Fr", "Mo–Fr", "Montag bis Freitag")])
def test_a_text_where_a_list_is_expected_gets_the_list_to_write(tmp_path, old, new, line):
    [message] = check_record(tmp_path, old, new)
    assert message.startswith(f"1. Angebot › {line.split(':')[0]}".replace("1. Angebot › tage",
                                                                             "1. Angebot › 1. Sprechzeit › tage"))
    assert message.endswith(f"Schreiben Sie: {line}")


def test_an_unknown_term_in_a_text_for_a_list_is_named_beside_the_list(tmp_path):
    [message] = check_record(tmp_path, "themen: [sucht]", "themen: pflege, xyzzy")
    assert "Für „xyzzy“ gibt es keinen passenden Begriff" in message
    assert message.endswith("Schreiben Sie: themen: [pflege, xyzzy]")


def test_a_field_of_another_level_says_where_it_belongs(tmp_path):
    problems = check_record(tmp_path, "    kontakt:\n      - rolle: Beratung\n        telefon: 03733 123456\n", (
        "    telefon: 03733 999999\n    kontakt:\n      - rolle: Sekretariat\n"
        "        webseite: https://www.verein-aue.de\n"))
    assert ("1. Angebot › telefon: „telefon“ gehört bei einem Angebot unter „kontakt:“. Verschieben Sie die Zeile "
            "in den Eintrag darunter (Zeile 18), so weit eingerückt wie dessen „rolle:“: telefon: 03733 999999"
            ) in problems
    assert ("1. Angebot › 1. Kontakt › webseite: Das Feld „webseite“ gehört nicht hierher, sondern eine Ebene "
            "höher: Rücken Sie die Zeile so weit ein wie „id:“ in Zeile 9.") in problems


def test_a_field_at_a_level_without_its_list_gets_the_block_to_write(tmp_path):
    problems = check_record(tmp_path, "    kontakt:\n      - rolle: Beratung\n        telefon: 03733 123456\n",
                              "    email: beratung@verein-aue.de\n")
    assert ("1. Angebot › email: „email“ gehört bei einem Angebot unter „kontakt:“. Schreiben Sie statt dieser "
            "Zeile: kontakt: [{rolle: Terminvereinbarung, email: beratung@verein-aue.de}]") in problems


def test_an_empty_required_field_gets_an_example_and_no_advice_to_delete_it(tmp_path):
    assert check_record(tmp_path, "zielgruppen: [alle]", "zielgruppen:") == [
        "1. Angebot › zielgruppen: Das Feld ist leer, „zielgruppen“ ist aber ein Pflichtfeld. Bitte tragen Sie "
        "mindestens einen Begriff ein (die Begriffe stehen in schemas/vokabulare/zielgruppen.yml), z. B.: "
        "zielgruppen: [alle]"]
    [message] = check_record(tmp_path, 'zuletzt_geprueft: "2026-01-15"', 'zuletzt_geprueft: ""')
    assert message.endswith('Pflichtfeld. Bitte tragen Sie einen Wert ein, z. B.: zuletzt_geprueft: "2026-03-15"')
    [message] = check_record(tmp_path, "name: Beratung", "name:")
    assert message.endswith("z. B.: name: Suchtberatung Aue") and "löschen" not in message


def test_an_empty_optional_field_may_be_deleted_and_an_empty_email_is_called_empty(tmp_path):
    assert sorted(check_record(tmp_path, "art: verein\n", 'art: verein\nemail: ""\nwebseite:\n')) == [
        "email: Das Feld ist leer. Bitte tragen Sie einen Wert ein oder löschen Sie die Zeile.",
        "webseite: Das Feld ist leer. Bitte tragen Sie einen Wert ein oder löschen Sie die Zeile."]


def test_opening_hours_typed_as_text_get_the_blocks_to_write(tmp_path):
    assert check_record(tmp_path, "    online: ja\n", (
        "    online: ja\n    sprechzeiten: Mo-Fr 9-12 Uhr, Do 14.30 bis 18 Uhr, nach Vereinbarung\n")) == [
        "1. Angebot › sprechzeiten: „sprechzeiten“ steht nicht als Text, sondern als Liste: je Zeitraum ein "
        "Eintrag mit „tage“, „von“ und „bis“. Den übrigen Text („nach Vereinbarung“) schreiben Sie in das Feld "
        "„sprechzeiten_hinweis“. Schreiben Sie statt dieser Zeile: sprechzeiten: [{tage: [mo, di, mi, do, fr], "
        'von: "09:00", bis: "12:00"}, {tage: [do], von: "14:30", bis: "18:00"}]']


def test_an_item_of_opening_hours_typed_as_text_gets_its_block(tmp_path):
    assert check_record(tmp_path, "    online: ja\n", (
        "    online: ja\n    sprechzeiten:\n      - Mo, Mi 9:00 - 12:00 und 13-15 Uhr\n")) == [
        "1. Angebot › 1. Sprechzeit: „sprechzeiten“ steht nicht als Text, sondern als Liste: je Zeitraum ein "
        "Eintrag mit „tage“, „von“ und „bis“. Hinweise wie „nach Vereinbarung“ gehören in das Feld "
        "„sprechzeiten_hinweis“. Schreiben Sie statt dieses Listenpunkts: "
        '- {tage: [mo, mi], von: "09:00", bis: "12:00"} und - {tage: [mo, mi], von: "13:00", bis: "15:00"}']


def test_where_fields_are_expected_they_are_named(tmp_path):
    [message] = check_record(tmp_path, "    ort: Aue\n", "    ort: Aue\n    koordinaten: 50.71, 12.78\n")
    assert message == ("1. Adresse › koordinaten: Hier werden Unterfelder (eingerückt, je Zeile „feld: wert“) "
                       "erwartet: „breite“ (Pflicht) und „laenge“ (Pflicht).")


@pytest.mark.parametrize(("old", "new"), [
    ("    online: ja\n", "    online: ja\n    sprechzeiten: Mo-Fr 9-12 Uhr, Do 14-18 Uhr\n"),
    ("themen: [sucht]", "themen: Pflege, Demenz"),
    ("    kontakt:\n      - rolle: Beratung\n        telefon: 03733 123456\n", "    email: beratung@verein-aue.de\n"),
])
def test_the_line_a_message_offers_is_valid_where_it_replaces_the_wrong_one(tmp_path, old, new):
    [message] = [m for m in check_record(tmp_path, old, new) if "Schreiben Sie statt dieser Zeile: " in m
                 or "Schreiben Sie: " in m]
    line = message.split("Schreiben Sie statt dieser Zeile: " if "statt" in message else "Schreiben Sie: ")[1]
    wrong = new.strip().splitlines()[-1].strip()
    assert check_record(tmp_path, old, new.replace(wrong, line)) == []


def test_an_address_without_its_town_is_told_so_once(tmp_path):
    text = "id: t\nname: Träger\nart: verein\nadressen:\n  - id: sitz\n    strasse: Markt 1\n    plz: \"09456\"\n"
    found = [message for message in check(tmp_path, text) if "„ort“" in message]
    assert len(found) == 1 and "Das Pflichtfeld „ort“ (Ort) fehlt" in found[0]
