"""The strict loader keeps every scalar a string and refuses YAML's traps."""
from __future__ import annotations

import pytest

from generator import yamlsafe


def load_text(tmp_path, text: str | bytes):
    path = tmp_path / "eintrag.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return yamlsafe.load(path)


@pytest.mark.parametrize("raw, kept", [
    ("01067", "01067"), ("NO", "NO"), ("10:30", "10:30"), ("yes", "yes"), ("true", "true"),
    ("1e3", "1e3"), ("0x1F", "0x1F"), ("~", "~"), ("null", "null"), ("2026-03-01", "2026-03-01"),
    ("'quoted'", "quoted"), ('""', ""),
])
def test_every_scalar_stays_the_string_the_provider_wrote(tmp_path, raw, kept):
    document, problems = load_text(tmp_path, f"wert: {raw}\n")
    assert problems == []
    assert document.data == {"wert": kept}


def test_an_empty_field_is_none_so_the_schema_can_call_it_empty(tmp_path):
    document, _ = load_text(tmp_path, "beschreibung:\n")
    assert document.data == {"beschreibung": None}


def test_positions_of_values_and_keys_are_remembered(tmp_path):
    document, _ = load_text(tmp_path, "a:\n  - x\n  - b: c\n")
    assert document.position(("a", 1, "b")) == (3, 8)
    assert document.position(("a", 1, "b"), key=True) == (3, 5)
    assert document.position(("a", 7, "z")) == (2, 3)  # the nearest known parent


@pytest.mark.parametrize("text, expected", [
    ("a: 1\na: 2\n", "zum zweiten Mal"),
    ("a: &x [1]\nb: 2\n", "Anker und Verweise"),
    ("a: [1]\nb: *x\n", "Anker und Verweise"),
    ("a: !!python/object/apply:os.system [ls]\n", "Typangaben"),
    ("a: !custom x\n", "Typangaben"),
    ("a: 1\n---\nb: 2\n", "mehr als ein Dokument"),
    ("", "leer"),
    ("a:\n\tb: 1\n", "Tabulator"),
    ("a: b: c\n", "Doppelpunkt"),
    ("a: [1, 2\n", "nicht geschlossen"),
    ('a: "offen\n', "Anführungszeichen"),
])
def test_yaml_traps_are_refused_with_a_german_message(tmp_path, text, expected):
    document, problems = load_text(tmp_path, text)
    assert document is None
    assert len(problems) == 1 and expected in problems[0].message


def test_an_alias_bomb_is_refused_before_it_expands(tmp_path):
    bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)},*{chr(97 + i)},*{chr(97 + i)}]\n" for i in range(8))
    document, problems = load_text(tmp_path, bomb)
    assert document is None and "Anker" in problems[0].message


def test_nesting_beyond_the_depth_cap_is_refused(tmp_path):
    document, problems = load_text(tmp_path, "a: " + "[" * 50 + "]" * 50 + "\n")
    assert document is None and "verschachtelt" in problems[0].message


def test_files_over_the_size_cap_are_refused_unread(tmp_path):
    document, problems = load_text(tmp_path, "a: " + "x" * (yamlsafe.MAX_FILE_BYTES + 1))
    assert document is None and "höchstens 512 KB" in problems[0].message


def test_a_byte_order_mark_is_tolerated(tmp_path):
    document, problems = load_text(tmp_path, "\ufeffid: mit-bom\n".encode("utf-8"))
    assert problems == [] and document.data == {"id": "mit-bom"}


def test_a_file_not_in_utf8_names_the_line_of_the_first_bad_byte(tmp_path):
    document, problems = load_text(tmp_path, "id: x\nname: Tr\xe4ger\n".encode("latin-1"))
    assert document is None
    assert (problems[0].line, "UTF-8" in problems[0].message) == (2, True)


def test_binary_data_is_refused(tmp_path):
    document, problems = load_text(tmp_path, b"a: \x00\x01")
    assert document is None and "Binärdaten" in problems[0].message


def test_a_problem_is_formatted_as_path_line_column_field_message(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, problems = load_text(tmp_path, "a: 1\na: 2\n")
    assert str(problems[0]).startswith("eintrag.yml:2:1: a: Das Feld „a“ steht hier zum zweiten Mal")


def test_without_libyaml_every_file_says_how_to_reinstall_instead_of_being_read_differently(tmp_path, monkeypatch):
    monkeypatch.setattr(yamlsafe, "Parser", None)
    document, problems = load_text(tmp_path, "a: b\n")
    assert document is None and "make install" in problems[0].message


SEVERAL_MISTAKES = """\
id: beratung-aue
name:Beratung Aue
themen: [sucht, schulden
adressen:
  - id: haus
    strasse: Beispielweg 3 #Hinterhaus
     plz: "08280"
    ort: Aue
angebote:
  - id: a
    name: A
    id: b
    name: B
"""


def test_every_independent_mistake_of_a_file_is_named_in_one_run(tmp_path):
    document, problems = load_text(tmp_path, SEVERAL_MISTAKES)
    assert document is None
    assert [(p.line, p.message.split(" ")[0:3]) for p in problems] == [
        (2, ["Nach", "dem", "Doppelpunkt"]),
        (3, ["Die", "Liste", "in"]),
        (6, ["Der", "Wert", "endet"]),
        (7, ["Das", "Feld", "„plz“"]),
        (12, ["Das", "Feld", "„id“"]),
    ]


@pytest.mark.parametrize("text", [
    "angebote:\n  - id: a\n    name: A\n    id: b\n    name: B\n    orte: [x]\n",  # a missing "- "
    "id: a\n---\nid: b\nname: c\n",  # a second document
    "a: 1\n? [b, c]\n: d\ne: 2\n",  # a "? key" and its value
    "a: [x,\nb]\nc: 1\n",  # a list running over lines
])
def test_what_follows_from_a_mistake_is_not_named_as_a_mistake_of_its_own(tmp_path, text):
    document, problems = load_text(tmp_path, text)
    assert document is None and len(problems) == 1, problems


@pytest.mark.parametrize(("text", "said"), [
    ("id: a\nname: b\nangebote:\n  - id: x\nid: a\nname: b\nangebote:\n  - id: y\n",
     "Ab hier steht der ganze Eintrag wohl ein zweites Mal"),
    ("id: a\nadressen:\n  - id: x\nort: 1\nadressen:\n  - id: y\n",
     "Setzen Sie, was darunter steht, unter das erste „adressen:“ in Zeile 2"),
    ("kontakt:\n  - rolle: a\n    telefon: 1\n    telefon: 2\n", "legen Sie für die zweite einen eigenen Kontakt an"),
])
def test_a_field_that_comes_twice_gets_advice_that_loses_nothing(tmp_path, text, said):
    document, problems = load_text(tmp_path, text)
    assert document is None and len(problems) == 1
    assert said in problems[0].message and "löschen Sie die überflüssige" not in problems[0].message


def test_an_empty_file_says_how_to_begin(tmp_path):
    [problem] = load_text(tmp_path, "")[1]
    assert "wegweiser new" in problem.message
