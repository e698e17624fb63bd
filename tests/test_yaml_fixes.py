"""For a text libyaml refused: the slip named on its own line, with the corrected line."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import yamlsafe


def mistake(text: str) -> yamlsafe.DocumentError:
    with pytest.raises(yamlsafe.DocumentError) as caught:
        yamlsafe.parse(text, Path("eintrag.yml"))
    return caught.value


def test_a_key_and_value_without_the_space_after_the_colon_is_named_on_its_line_with_the_fix():
    with pytest.raises(yamlsafe.DocumentError) as caught:
        yamlsafe.parse("id: x\n  # Name\nname:Beratung Aue\nkurzname: B\n", Path("eintrag.yml"))
    assert caught.value.mark.line == 2
    assert caught.value.message == ("Nach dem Doppelpunkt hinter „name“ fehlt ein Leerzeichen. "
                                    "Schreiben Sie: name: Beratung Aue")


@pytest.mark.parametrize(("line", "fix"), [
    ('kurzname: "Haus Sonnenschein" gGmbH', "kurzname: '\"Haus Sonnenschein\" gGmbH'"),
    ("kurzname: 'BTZ's Neuwied'", 'kurzname: "BTZ\'s Neuwied"'),
    ('kurzname: "BTZ "Mitte" Neuwied"', "kurzname: 'BTZ \"Mitte\" Neuwied'"),
])
def test_text_after_a_closing_quote_is_named_with_the_whole_value_quoted(line, fix):
    with pytest.raises(yamlsafe.DocumentError) as caught:
        yamlsafe.parse(f"id: x\n{line}\nname: y\n", Path("eintrag.yml"))
    assert caught.value.mark.line == 1 and caught.value.message.endswith(fix)
    assert "Hinter dem schließenden Anführungszeichen" in caught.value.message


def test_a_missing_colon_is_reported_on_the_line_of_its_key():
    with pytest.raises(yamlsafe.DocumentError) as caught:
        yamlsafe.parse("id: x\nkurzname BTZ Neuwied\nname: y\n", Path("eintrag.yml"))
    assert caught.value.mark.line == 1 and "Doppelpunkt" in caught.value.message


@pytest.mark.parametrize(("text", "line", "fix"), [
    ("id: a\nthemen: [sucht, schulden\nkurzname: b\n", 2, "themen: [sucht, schulden]"),
    ("id: a\nthemen: [sucht, schulden\n\nangebote:\n  - id: b\n", 2, "themen: [sucht, schulden]"),
    ("id: a\nort: {de: Aue\nkurzname: b\n", 2, "ort: {de: Aue}"),
])
def test_an_unclosed_bracket_is_named_where_it_opens_with_the_closed_line(text, line, fix):
    found = mistake(text)
    assert found.mark.line + 1 == line
    assert "die hier beginnt, wird nicht geschlossen" in found.message
    assert found.message.endswith(f"Schreiben Sie: {fix}")


def test_a_second_colon_in_a_value_gets_the_value_quoted():
    found = mistake("adressen:\n  - id: a\n    bezeichnung: Hauptsitz: Zwickau\n")
    assert found.mark.line + 1 == 3
    assert found.message.endswith('Setzen Sie den ganzen Wert in Anführungszeichen: bezeichnung: "Hauptsitz: Zwickau"')


def test_a_colon_ending_a_line_with_text_below_asks_for_a_text_over_lines():
    found = mistake("angebote:\n  - id: a\n    beschreibung: Unser Angebot:\n      Montag: Beratung\n    name: b\n")
    assert found.mark.line + 1 == 3
    assert "Schreiben Sie „beschreibung: |“ und darunter jede Zeile des Textes (auch diese) mit 6" in found.message


def test_a_corrected_line_is_given_whole_however_long():
    value = "Wir beraten: " + "sehr " * 60 + "gern"
    found = mistake(f"beschreibung: {value}\n")
    assert found.message.endswith(f'beschreibung: "{value}"')
