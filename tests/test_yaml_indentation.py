"""A line out of line: which field or list item, by how much, and where it belongs."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator import yaml_indentation, yamlsafe

ADDRESS = "id: a\nname: x\nadressen:\n  - id: s\n    strasse: Weg 1\n{line}\n    ort: Aue\n"


def refused(text: str) -> yamlsafe.DocumentError:
    with pytest.raises(yamlsafe.DocumentError) as caught:
        yamlsafe.parse(text, Path("eintrag.yml"))
    return caught.value


@pytest.mark.parametrize(("line", "said"), [
    ('     plz: "08280"', "„plz“ ist um ein Leerzeichen zu weit eingerückt"),
    ('   plz: "08280"', "„plz“ ist um ein Leerzeichen zu wenig eingerückt"),
    ('      plz: "08280"', "„plz“ ist um 2 Leerzeichen zu weit eingerückt"),
])
def test_a_field_a_space_off_is_named_with_the_field_it_belongs_under_and_how_many_spaces(line, said):
    mistake = refused(ADDRESS.format(line=line))
    assert mistake.mark.line + 1 == 6
    assert said in mistake.message
    assert 'genau unter „strasse“ in Zeile 5 beginnen, also mit 4 Leerzeichen davor: plz: "08280"' in mistake.message


def test_a_top_level_field_a_space_in_says_it_belongs_at_the_start_of_the_line():
    mistake = refused("id: a\n name: x\nart: verein\n")
    assert mistake.mark.line + 1 == 2
    assert "„name“ ist um ein Leerzeichen zu weit eingerückt" in mistake.message
    assert "also ganz am Zeilenanfang: name: x" in mistake.message


def test_a_list_item_a_space_off_is_named_as_a_list_item_under_the_one_before():
    mistake = refused("id: a\nangebote:\n  - id: b\n    name: c\n   - id: d\n    name: e\n")
    assert mistake.mark.line + 1 == 5
    assert "Der Listenpunkt („- “) ist um ein Leerzeichen zu weit eingerückt" in mistake.message
    assert "genau unter dem „-“ in Zeile 3" in mistake.message


def test_a_deeper_field_under_one_that_opens_a_block_is_in_line():
    assert yamlsafe.parse("kontakt:\n     telefon: 1\n     email: 2\n", Path("e.yml")).data == {
        "kontakt": {"telefon": "1", "email": "2"}}


def test_valid_files_are_never_said_to_be_out_of_line():
    """Asked about every line, the rule finds nothing in a file libyaml reads: the example
    directory, the templates and the test fixtures."""
    root = Path(__file__).resolve().parents[1]
    files = [*root.glob("content/**/*.yml"), *root.glob("generator/templates/**/*.yml"),
             *root.glob("tests/fixtures/**/*.yml")]
    checked = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            list(yaml.parse(text, Loader=yaml.CSafeLoader))
        except yaml.YAMLError:
            continue
        checked += 1
        assert yaml_indentation.out_of_line(text, set(range(text.count("\n") + 1))) is None, path
    assert checked > 100


def test_a_line_running_on_a_value_is_not_judged():
    text = "beschreibung: Ein langer\n  Text, der weitergeht\nname: x\n"
    assert yaml_indentation.out_of_line(text, {1}) is None


@pytest.mark.parametrize("text", [
    "angebote:\n  - id: a\n    beschreibung: \"Wir beraten zu:\"\n      - Sprachkursen\n      - Wohnen\n    name: b\n",
    "angebote:\n  - id: a\n    beschreibung: \"Wir beraten zu:\"\n    - Sprachkursen\n    - Wohnen\n    name: b\n",
    "beschreibung: Wir beraten\nSie gern, montags.\nname: b\n",
])
def test_a_text_typed_over_lines_without_its_bar_is_told_to_use_one_once(tmp_path, text):
    (tmp_path / "e.yml").write_text(text, encoding="utf-8")
    document, problems = yamlsafe.load(tmp_path / "e.yml")
    assert document is None
    [problem] = problems
    assert "Diese Zeile gehört wohl zum Text von „beschreibung“" in problem.message
    assert "schreiben Sie „beschreibung: |“" in problem.message
