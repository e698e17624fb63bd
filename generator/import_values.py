"""Values from elsewhere that our fields' patterns do not allow (``wegweiser import``).

Both importers check a website, an e-mail address and a phone number against the
patterns of the common schema before a record is written: a value that does not fit is
left out with the schema's own explanation, and the rest of the offering is taken over.
Left to the check of all records, one mistyped e-mail address would cost the whole
offering. Phone numbers are first written the way the schema asks, as lists keep them
(``Tel.: 02651 / 4003-0``, ``(02632) 922-100``, ``+49 (0)2651 98765``).
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import NamedTuple

CHECKED = ("webseite", "email", "telefon")  # the common schema's definitions our fields follow
MIN_DIGITS, MAX_DIGITS = 6, 11  # a German number without its leading 0, as Excel keeps a number
PHONE_LABEL = re.compile(r"^(?:tel(?:efon)?|fon|phone|mobil|handy)\s*[.:]?\s*:?\s*", re.IGNORECASE)


class Rule(NamedTuple):
    pattern: str
    message: str  # the schema's explanation (x-fehlermeldung), with an example


def patterns_of(schema_dir: Path) -> dict[str, Rule]:
    """The patterns of the common schema's definitions (``webseite``, ``telefon``, …)."""
    try:
        definitions = json.loads((schema_dir / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    except (OSError, ValueError, KeyError):
        return {}  # the check of all records names a missing schema
    return {name: Rule(definitions[name]["pattern"], definitions[name].get("x-fehlermeldung", ""))
            for name in CHECKED if isinstance(definitions.get(name), dict) and "pattern" in definitions[name]}


def phone_number(value: str) -> str:
    """A number as lists write it, as the schema asks: no label, no brackets around the
    area code, no "(0)" after the country code, "00" as "+", a word processor's dash as
    a hyphen."""
    number = PHONE_LABEL.sub("", " ".join(value.replace("\u2013", "-").replace("\u2011", "-").split()))
    number = re.sub(r"^00(49|420)\s*", r"+\1 ", number)
    number = re.sub(r"^(\+49)\s*(?:\(0\)\s*|[-.]\s*)", r"\1 ", number)
    return re.sub(r"^\((0?\d{2,5})\)\s*", r"\1 ", number)


def _phone(value: str, rule: Rule | None) -> tuple[str, str]:
    """A phone number as the schema asks it, and what was done to it: a number typed as a
    number in Excel gets its leading 0 back; of a cell with more (a fax, a second number,
    opening hours) the first number is taken, and the rest is named."""
    number = phone_number(value)
    if number.isdigit() and not number.startswith("0") and MIN_DIGITS <= len(number) <= MAX_DIGITS:
        return f"0{number}", (f"telefon: „{value}“ hat keine führende 0 (eine als Zahl gespeicherte Nummer?); "
                              f"übernommen ist „0{number}“. Bitte prüfen Sie das.")
    if not rule or re.search(rule.pattern, number):
        return number, ""
    first = re.match(rule.pattern.removeprefix("^").removesuffix("$"), number)
    if first and number[first.end():].strip(" ,;/"):
        rest = number[first.end():].strip(" ,;/")
        return first.group(0), (f"telefon: Übernommen ist „{first.group(0)}“; der Rest der Angabe („{rest}“) "
                                "wurde nicht übernommen.")
    return number, ""


def fitting(rules: dict[str, Rule], field: str, value: object) -> tuple[str | None, str]:
    """A field's value, or None; and the message why it is left out, or what was done to it."""
    found = str(value or "").strip()
    said = ""
    if field == "telefon" and found:
        found, said = _phone(found, rules.get(field))
    rule = rules.get(field)
    if not found or not rule or re.search(rule.pattern, found):
        return found or None, said
    why = "Nur https-Adressen werden veröffentlicht." if found.startswith("http://") else rule.message
    return None, f"{field}: „{found}“ wurde nicht übernommen. {why}"
