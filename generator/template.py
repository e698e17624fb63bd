"""``wegweiser new``: a commented German template for a new provider file."""
from __future__ import annotations

import re
from pathlib import Path

TEMPLATE = Path(__file__).parent / "templates" / "neuer-traeger.yml"
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
MAX_ID_LENGTH = 60  # the offerings' ids start with it and must stay within the schema's 80


def provider_template(provider_id: str) -> str:
    if not ID_PATTERN.match(provider_id) or len(provider_id) > MAX_ID_LENGTH:
        raise ValueError(
            f"„{provider_id}“ ist keine gültige Kennung. Verwenden Sie nur Kleinbuchstaben "
            "(ohne Umlaute), Ziffern und einzelne Bindestriche, z. B. „caritas-aue“.")
    return TEMPLATE.read_text(encoding="utf-8").replace("__KENNUNG__", provider_id)
