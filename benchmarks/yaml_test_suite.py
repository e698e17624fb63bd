"""The strict loader against the official YAML test suite (issue 14): every error case must
be refused, and every case it accepts must give the suite's value.

Run by hand (not in CI: the suite is not part of this repository), with a checkout of the
suite's ``data`` branch (one folder per case with in.yaml, in.json, and ``error`` for an
error case):

    git clone --branch data --depth 1 https://github.com/yaml/yaml-test-suite /tmp/yaml-test-suite
    .venv/bin/python benchmarks/yaml_test_suite.py /tmp/yaml-test-suite

It prints how many cases fall in each class and names every case in a bad one. A valid
case may be refused: the loader forbids anchors, tags, several documents, non-text keys
and some rare notations on purpose (yaml_rules). The loader keeps every value a string,
so a value is compared with the suite's JSON as YAML 1.2's core schema reads it ("3" is 3,
"true" is true, "~" and an empty value are null).
"""
from __future__ import annotations

import collections
import json
import math
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator import yamlsafe  # noqa: E402

NUMBER = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+")


def cases(data: Path):
    """(case id, folder) for every case, with the numbered variants of a case as their own."""
    for top in sorted(p for p in data.iterdir() if re.fullmatch(r"[0-9A-Z]{4}", p.name)):
        variants = sorted(p for p in top.iterdir() if p.is_dir() and p.name.isdigit())
        for folder in variants or [top]:
            yield (top.name if folder is top else f"{top.name}/{folder.name}"), folder


def documents(text: str) -> list:
    """The JSON values of an in.json, one per YAML document."""
    decoder, at, found = json.JSONDecoder(), 0, []
    while text[at:].strip():
        at += len(text[at:]) - len(text[at:].lstrip())
        value, at = decoder.raw_decode(text, at)
        found.append(value)
    return found


def number(text: str) -> float | None:
    if text in (".inf", ".Inf", ".INF", "+.inf", "-.inf", "-.Inf", "-.INF"):
        return -math.inf if text.startswith("-") else math.inf
    if not NUMBER.fullmatch(text):
        return None
    return float(int(text[2:], 8 if text[1] == "o" else 16)) if text[:2] in ("0o", "0x") else float(text)


def equal(got, expected) -> bool:
    if isinstance(expected, dict):
        return isinstance(got, dict) and got.keys() == expected.keys() and all(
            equal(got[key], expected[key]) for key in expected)
    if isinstance(expected, list):
        return isinstance(got, list) and len(got) == len(expected) and all(map(equal, got, expected))
    if expected is None:
        return got in (None, "null", "Null", "NULL", "~")
    if isinstance(expected, bool):
        return got in (("true", "True", "TRUE") if expected else ("false", "False", "FALSE"))
    if isinstance(expected, str):
        return got == expected
    return isinstance(got, str) and number(got) == expected


def verdict(folder: Path) -> str:
    try:
        document = yamlsafe.parse((folder / "in.yaml").read_text(encoding="utf-8"), Path("in.yaml"))
    except yamlsafe.DocumentError:
        return "Fehlerfall abgelehnt" if (folder / "error").exists() else "gültiger Fall abgelehnt"
    if (folder / "error").exists():
        return "FEHLERFALL ANGENOMMEN"
    if not (folder / "in.json").exists():
        return "gültiger Fall angenommen, ohne Vergleichswert"
    expected = documents((folder / "in.json").read_text(encoding="utf-8"))
    return "gleicher Wert" if len(expected) == 1 and equal(document.data, expected[0]) else "FALSCHER WERT"


def main(data: Path) -> int:
    classes = collections.defaultdict(list)
    for case, folder in cases(data):
        classes[verdict(folder)].append(case)
    for name, found in sorted(classes.items()):
        print(f"{len(found):>4}  {name}" + (f": {', '.join(found)}" if name.isupper() else ""))
    bad = sum(len(found) for name, found in classes.items() if name.isupper())
    print(f"\n{sum(map(len, classes.values()))} Fälle, davon {bad} mit falschem Ergebnis (Ziel: 0).")
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1:2] == [] or not Path(sys.argv[1]).is_dir():
        sys.exit(__doc__)
    sys.exit(main(Path(sys.argv[1])))
