"""The geocode cache: a JSON file in the repository with a geocoder's answers.

Keyed by the normalised address, so an edited address is looked up again and its old
entry shows up as stale. Written sorted and indented, so a pull request's diff shows
exactly the changed entries, and atomically, so a crash or Ctrl-C leaves the old file.
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from . import schema, yamlsafe
from .problems import Problem, display_path
from .records import Address
from .text import collapse_spaces

NOTICE = ("Geschrieben von „wegweiser geocode“. Bitte nicht von Hand ändern: für einen falschen "
          "Punkt „koordinaten“ bei der Adresse im Eintrag angeben.")


@dataclass(frozen=True)
class CacheEntry:
    breite: float
    laenge: float
    genauigkeit: str
    dienst: str
    abgefragt_am: str
    anzeigename: str = ""
    abfrage: str = ""


def address_key(address: Address) -> str:
    """``DE|09366|stollberg|herrenstrasse 25``: what decides whether two addresses are one."""
    def norm(text: str) -> str:
        # Accents stay (keys in committed caches must not change); "Str." is "Straße".
        return collapse_spaces(re.sub(r"str\.(?=\s|$)", "strasse", text.casefold().replace("ß", "ss")))

    return "|".join((address.country, address.postcode.replace(" ", ""), norm(address.town), norm(address.street)))


def load(path: Path, schemas: schema.SchemaSet) -> tuple[dict[str, CacheEntry], list[Problem]]:
    """The cache, or no entries and a problem when the file is damaged. A missing file is empty."""
    if not path.exists():
        return {}, []
    where = display_path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return {}, [Problem(where, 1, 1, "", "Der Geocode-Cache ist nicht in UTF-8 gespeichert.")]
    except json.JSONDecodeError as error:
        return {}, [Problem(where, error.lineno, error.colno, "", (
            f"Der Geocode-Cache ist kein gültiges JSON ({error.msg}). Stellen Sie die letzte "
            "Fassung aus git wieder her (git checkout -- <Datei>) und rufen Sie "
            "„wegweiser geocode“ erneut auf."))]
    document = yamlsafe.Document(path, data, {})
    problems = schema.validate(document, schemas.validator("geocache"))
    if problems:
        return {}, problems
    return {key: CacheEntry(**entry) for key, entry in data["eintraege"].items()}, []


def save(path: Path, entries: dict[str, CacheEntry]) -> None:
    """Write all entries, sorted, through a temporary file renamed over the old one."""
    data = {
        "hinweis": NOTICE,
        "eintraege": {key: {k: v for k, v in asdict(entries[key]).items() if v != ""} for key in sorted(entries)},
    }
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
