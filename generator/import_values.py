"""Values from elsewhere that our fields' patterns do not allow (``wegweiser import``).

Both importers check a website, an e-mail address and a phone number against the
patterns of the common schema before a record is written: a value that does not fit is
left out with its reason, and the rest of the offering is taken over. Left to the check of
all records, one mistyped e-mail address would cost the whole offering.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

# Our fields whose values are checked, by the common schema's definition they follow, and
# why a value that does not fit is left out.
PATTERNS = {"webseite": "webseite", "email": "email", "telefon": "telefon"}
WHY = {"webseite": "Das ist keine vollständige Internetadresse",
       "email": "Das ist keine gültige E-Mail-Adresse",
       "telefon": "Veröffentlicht werden deutsche Nummern mit Vorwahl und tschechische mit +420"}


def patterns_of(schema_dir: Path) -> dict[str, str]:
    """The patterns of the common schema's definitions (``webseite``, ``telefon``, …)."""
    try:
        definitions = json.loads((schema_dir / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    except (OSError, ValueError, KeyError):
        return {}  # the check of all records names a missing schema
    return {name: d["pattern"] for name, d in definitions.items() if isinstance(d, dict) and "pattern" in d}


def fitting(patterns: dict[str, str], field: str, value: object) -> tuple[str | None, str]:
    """A field's value, or None and the message why it is left out."""
    found = str(value or "").strip()
    pattern = patterns.get(PATTERNS[field])
    if not found or not pattern or re.search(pattern, found):
        return found or None, ""
    why = "nur https-Adressen werden veröffentlicht" if found.startswith("http://") else WHY[PATTERNS[field]]
    return None, f"{field}: „{found}“ wurde nicht übernommen: {why}."
