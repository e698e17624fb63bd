"""libyaml's problems in German: no English reaches a provider."""
from __future__ import annotations

from pathlib import Path

import pytest

from generator import yaml_messages, yamlsafe

ENGLISH = ("found", "expected", "while", "scanning", "parsing", "character", "allowed")


@pytest.mark.parametrize("text", [
    "a: b: c\n", "a: [1, 2\n", "a: {x: 1\n", 'a: "x\\q"\n', 'a: "\\u12"\n', "a: @x\n", "a: `x`\n",
    "- a\nb: c\n", "a:\n  - b\n c: d\n", "a: 'x\n", "a: !x y\n", "a: !<x y\n", "%FOO\n---\na: b\n",
    "a: |0\n  x\n", "a: |x\n  y\n", "a: 1\n...\nb: 2\n", "a:\n  b: 1\n   c: 2\n", "a: x\n- b\n",
    "[a, b]: c\n", "a: *\n", "a: &\n",
])
def test_every_refusal_is_german(text):
    with pytest.raises(yamlsafe.DocumentError) as caught:
        yamlsafe.parse(text, Path("eintrag.yml"))
    words = caught.value.message.lower().split()
    assert not [word for word in words if word.strip(".,()") in ENGLISH], caught.value.message


def test_a_problem_libyaml_may_add_later_gets_the_general_advice_not_its_english():
    assert yaml_messages.german("found a new kind of trouble", None) == (yaml_messages.GENERAL, False)


def test_an_unclosed_quote_at_the_end_of_the_file_is_placed_where_it_opens():
    message, at_opening = yaml_messages.german("found unexpected end of stream", "while scanning a quoted scalar")
    assert at_opening and "nicht geschlossen" in message
