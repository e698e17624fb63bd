"""The plain German wording of each kind of schema problem, and the values it suggests."""
from __future__ import annotations

import pytest

from generator.vocab import Term, Vocabulary
from schema_checks import OFFERING, REGION, check, check_record


def test_a_missing_required_field_names_the_field_and_its_title(tmp_path):
    assert check(tmp_path, "id: r\nname: Region\nart: landkreis\n", "region") == [
        "1:: Das Pflichtfeld „laender“ (Länder) fehlt. Bitte ergänzen Sie es."]


def test_a_missing_postcode_says_what_a_shelter_writes_instead(tmp_path):
    text = OFFERING.replace("art: verein\n", "art: verein\nadressen:\n  - id: haus\n    ort: Mayen\n")
    messages = [m for m in check(tmp_path, text) if "plz" in m]
    assert len(messages) == 1
    assert messages[0].endswith(
        "Das Pflichtfeld „plz“ (Postleitzahl) fehlt. Bitte ergänzen Sie es. Ist es eine Schutzeinrichtung wie ein "
        "Frauenhaus, deren Anschrift nicht öffentlich sein darf, schreiben Sie statt Straße und Postleitzahl "
        "„vertraulich: ja“.")


def test_an_unknown_field_points_at_its_key_and_suggests_the_right_one(tmp_path):
    [message] = check(tmp_path, REGION + "gemeinde: [Aue]\n", "region")
    assert message.startswith("5:gemeinde: Das Feld „gemeinde“ gibt es hier nicht. Meinten Sie „gemeinden“?")


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


def test_a_too_long_text_says_how_long_it_may_be(tmp_path):
    [message] = check(tmp_path, REGION.replace("name: Region", "name: " + "x" * 201), "region")
    assert "201 Zeichen lang; erlaubt sind höchstens 200" in message


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
