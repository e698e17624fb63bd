"""Messages that offer the correction: the list or block to write, where a field belongs."""
from __future__ import annotations

import pytest

from schema_checks import check_record


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
