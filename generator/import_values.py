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
    area code, no "(0)" after the country code."""
    number = PHONE_LABEL.sub("", " ".join(value.split()))
    number = re.sub(r"^(\+49)\s*\(0\)\s*", r"\1 ", number)
    return re.sub(r"^\((0?\d{2,5})\)\s*", r"\1 ", number)


def fitting(rules: dict[str, Rule], field: str, value: object) -> tuple[str | None, str]:
    """A field's value, or None and the message why it is left out."""
    found = str(value or "").strip()
    if field == "telefon":
        found = phone_number(found)
    rule = rules.get(field)
    if not found or not rule or re.search(rule.pattern, found):
        return found or None, ""
    why = "Nur https-Adressen werden veröffentlicht." if found.startswith("http://") else rule.message
    return None, f"{field}: „{found}“ wurde nicht übernommen. {why}"
