"""What libyaml lets through but a provider's file must not hold: each refused with what
happened and what to do; what our files do need stays allowed (benchmarks/yaml_test_suite.py
runs the official suite)."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import yamlsafe


def mistake(text: str) -> yamlsafe.DocumentError:
    with pytest.raises(yamlsafe.DocumentError) as caught:
        yamlsafe.parse(text, Path("eintrag.yml"))
    return caught.value


def refused(text: str) -> str:
    return mistake(text).message


@pytest.mark.parametrize(("text", "said"), [
    ("a: [x,\nb]\n", "Die Liste in Klammern, die in Zeile 1 beginnt"),  # suite 9C9N
    ('a: "x"# Kommentar\n', "Direkt vor dem Zeichen # fehlt ein Leerzeichen"),  # SU5Z
    ("a: [x, y]#c\n", "Direkt vor dem Zeichen # fehlt ein Leerzeichen"),  # 9JBA
    ("a: |#c\n  x\n", "Nach „|“ oder „>“ darf in derselben Zeile nur ein Kommentar"),  # X4QW
    ("a: |\n  \n", "Nach „|“ oder „>“ folgt kein Text"),  # S98Z, JEF9
    ("%YAML 1.1\n---\na: b\n", "YAML-Direktiven"),  # MUS6
    ("? a\n: b\n", "Fragezeichen"),  # 652Z, explicit keys
    ("a: [-]\n", "„-“ allein als Wert"),  # G5U8, YJV2
    ("a:\n  - x\n\t- y\n", "Tabulatorzeichen"),  # DK95, Y79Y
    ('a: "eins\nb: zwei"\n', "Fehlt in Zeile 1 das schließende Anführungszeichen?"),  # QB6E
])
def test_what_the_specification_or_our_files_forbid_is_refused_in_german(text, said):
    assert said in refused(text)


def test_a_comment_that_cuts_a_value_is_refused_with_the_corrected_line():
    message = refused("strasse: Beispielweg 3 #Hinterhaus\n")
    assert "Der Wert endet vor „#Hinterhaus“" in message
    assert 'strasse: "Beispielweg 3 #Hinterhaus"' in message


def test_an_unclosed_quote_is_found_where_it_opens_not_where_a_later_quote_closes_it():
    text = 'id: x\nname: "Beratung\nkurzname: B\nwebseite: https://x.example\nort: "Aue"\n'
    with pytest.raises(yamlsafe.DocumentError) as caught:
        yamlsafe.parse(text, Path("eintrag.yml"))
    assert caught.value.mark.line == 1  # line 2, where the quote opens
    assert "Fehlt in Zeile 2 das schließende Anführungszeichen?" in caught.value.message


@pytest.mark.parametrize(("text", "value"), [
    ('a: "x" # ein Kommentar\n', {"a": "x"}),
    ("# Kommentar\na: b\n  # eingerückt\n", {"a": "b"}),
    ('a: "Text mit # darin"\n', {"a": "Text mit # darin"}),
    ("a: Raum#2\n", {"a": "Raum#2"}),  # a "#" after a letter belongs to the value
    ('a: "eins\n  zwei"\n', {"a": "eins zwei"}),
    ("a: [x,\n  y]\n", {"a": ["x", "y"]}),
    ("a: |\n  Zeile\n  # kein Kommentar\n", {"a": "Zeile\n# kein Kommentar\n"}),
    ("a: b", {"a": "b"}),  # no line break at the end
])
def test_what_our_files_use_stays_allowed(text, value):
    assert yamlsafe.parse(text, Path("eintrag.yml")).data == value


@pytest.mark.parametrize(("text", "line", "said"), [
    ("id: x\nkurzname:\u00a0Caritas\n", 2, "geschütztes Leerzeichen (U+00A0) statt eines normalen"),
    ("a: b\n\u00a0 c: d\n", 2, "geschütztes Leerzeichen (U+00A0)"),
    ("id: x\nname: a\u2028b\n", 2, "U+2028, Zeilentrenner"),
    ("id: x\nname: a\u0085b\n", 2, "U+0085"),
    ("id: x\n\ufeffname: a\n", 2, "U+FEFF, Byte-Order-Mark"),
])
def test_a_character_yaml_would_misread_is_named_on_its_own_line(text, line, said):
    found = mistake(text)
    assert found.mark.line + 1 == line and said in found.message


def test_windows_line_ends_are_line_ends():
    text = "id: x\r\nbeschreibung: |\r\n  Zeile eins\r\n  Zeile zwei\r\nname: \"a\"\r\n"
    assert yamlsafe.parse(text, Path("eintrag.yml")).data == {
        "id": "x", "beschreibung": "Zeile eins\nZeile zwei\n", "name": "a"}


@pytest.mark.parametrize(("text", "fix"), [
    ("id: x\nkurzname: „BTZ: Neuwied“\n", 'kurzname: "BTZ: Neuwied"'),
    ("id: x\nadressen:\n  - plz: “09366”\n", 'plz: "09366"'),
])
def test_a_value_in_a_word_processors_quotation_marks_is_named_with_straight_ones(text, fix):
    with pytest.raises(yamlsafe.DocumentError) as caught:
        yamlsafe.parse(text, Path("eintrag.yml"))
    assert "typografischen Anführungszeichen" in caught.value.message and caught.value.message.endswith(fix)


@pytest.mark.parametrize("value", ["„Haus Sonnenschein“ gGmbH", "Verein „Miteinander“", "„A“ und „B“"])
def test_quotation_marks_inside_a_text_are_text(value):
    assert yamlsafe.parse(f"name: {value}\n", Path("eintrag.yml")).data == {"name": value}


@pytest.mark.parametrize(("text", "fix"), [
    ("id: a\nkurzname: # BTZ\n", 'kurzname: "# BTZ"'),
    ("id: a\nthemen:\n  - #sucht\n", '- "#sucht"'),
])
def test_a_field_holding_only_a_comment_says_the_comment_is_not_its_value(text, fix):
    message = refused(text)
    assert "steht nur ein Kommentar" in message and fix in message


def test_a_comment_after_a_field_that_opens_a_list_or_text_stays_allowed():
    document = yamlsafe.parse("kontakt: # wer antwortet\n  - rolle: x\ntext: |  # frei\n  y\n", Path("e.yml"))
    assert document.data == {"kontakt": [{"rolle": "x"}], "text": "y\n"}


@pytest.mark.parametrize("note", ["# TODO Telefonnummer prüfen", "#FIXME", "## intern: Chefin fragen",
                                  "# noch klären, ob samstags"])
def test_a_note_to_self_inside_a_text_is_refused_before_it_is_published(note):
    found = mistake(f"beschreibung: |\n  Wir beraten Sie.\n  {note}\nname: x\n")
    assert found.mark.line + 1 == 3 and "würde veröffentlicht" in found.message


def test_a_heading_inside_a_text_stays_text():
    text = "beschreibung: |\n  # Unser Angebot\n  Wir beraten Sie.\n"
    assert yamlsafe.parse(text, Path("e.yml")).data == {"beschreibung": "# Unser Angebot\nWir beraten Sie.\n"}


@pytest.mark.parametrize(("text", "line", "fix"), [
    ("adressen:\n  -id: hauptsitz\n   strasse: Markt 1\n", 2, "Schreiben Sie: - id: hauptsitz"),
    ("zeiten:\n  - tage: [mo]\n    von: x\n  -tage: [do]\n    von: y\n", 4, "Schreiben Sie: - tage: [do]"),
])
def test_a_dash_without_its_space_is_named_as_a_list_item_with_the_fixed_line(text, line, fix):
    found = mistake(text)
    assert found.mark.line + 1 == line and "Nach dem Strich „-“ fehlt ein Leerzeichen" in found.message
    assert found.message.endswith(fix)


def test_a_dash_inside_a_text_stays_text():
    assert yamlsafe.parse("b: |\n  -id: frei\nc: 1\n", Path("e.yml")).data == {"b": "-id: frei\n", "c": "1"}


@pytest.mark.parametrize(("text", "said"), [
    ("themen:\n  - pflege\n    - demenz\n", "tiefer eingerückt als der Listenpunkt in Zeile 2"),
    ("beschreibung: Wir bieten\n  • Hilfe\n  • Rat\n", "Diese Aufzählung wird an den Text in Zeile 1 angehängt"),
    ("beschreibung: Wir bieten\n  - Hilfe\n", "„beschreibung: |“"),
])
def test_bullets_that_yaml_would_join_into_one_line_are_refused(text, said):
    found = mistake(text)
    assert found.mark.line + 1 == 2 or found.mark.line + 1 == 3
    assert said in found.message


def test_a_word_processors_dash_before_a_list_item_is_named_with_the_fixed_line():
    found = mistake("adressen:\n  \u2013 id: hauptsitz\n    ort: Aue\n")
    assert found.mark.line + 1 == 2 and "Gedankenstrich „\u2013“ (U+2013)" in found.message
    assert found.message.endswith("Schreiben Sie: - id: hauptsitz")
