"""Provider files an import writes (``wegweiser import``): in the house style of the
template, marked as imported, and never over a file someone wrote or edited by hand.

- **House style.** Keys in the order of ``templates/neuer-traeger.yml``, with the
  template's explanation above each key (and above each field of the first address and
  offering); values written by ruamel.yaml (``yaml_roundtrip.house_block``).
- **Hand edits are safe.** The first lines of a written file say that it was imported,
  and the first of them holds a checksum of the rest of the file. A file whose checksum
  still fits has not been changed since it was imported: a new import may replace it. A
  file whose checksum no longer fits (edited since) is left as it is, unless ``force``;
  a file without it (no import wrote it: a provider's own entry) is never replaced. The
  same data gives the same bytes, so importing it again changes nothing.
- **All or nothing.** Files are written only after every record is mapped and checked,
  each to a temporary file beside it that is then renamed over it.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from . import yamlsafe
from .kinds import Kind
from .template import TEMPLATE
from .yaml_roundtrip import checked, house_block

# The order of the keys, as in the template; keys the template does not show stand where
# the schema has them.
ORGANISATION_KEYS = ("id", "name", "kurzname", "art", "beschreibung", "webseite", "email", "telefon", "adressen",
                     "netzwerke", "angebote")
ADDRESS_KEYS = ("id", "bezeichnung", "strasse", "plz", "ort", "land", "vertraulich", "hinweis", "koordinaten")
OFFERING_KEYS = ("id", "name", "beschreibung", "leichte_sprache", "themen", "zielgruppen", "rechtsgrundlagen",
                 "regionen", "orte", "aufsuchend", "online", "sprechzeiten", "rund_um_die_uhr", "sprechzeiten_hinweis",
                 "schliesszeiten", "kosten", "kosten_hinweis", "zugang", "sprachen", "barrierefreiheit", "kontakt",
                 "webseite", "status", "zuletzt_geprueft")
CONTACT_KEYS = ("rolle", "telefon", "email", "ansprechperson", "durchwahl", "durchwahl_veroeffentlichen")
HOURS_KEYS = ("tage", "von", "bis", "hinweis")
CLOSURE_KEYS = ("datum", "von", "bis", "hinweis")
CHECKSUM = "# Prüfsumme des Imports: "
NOT_IMPORTED = "schon vorhanden"  # the state of a file no import wrote
ITEM_COLUMN = 4  # where the template's keys of an address or offering begin
FOLDER = Kind.ORGANISATIONS.folder


@dataclass(frozen=True)
class Planned:
    path: Path
    text: str
    state: str  # "neu", "geändert", "unverändert", "von Hand bearbeitet"


# --- the house style -----------------------------------------------------------------------

def _is_key(line: str) -> re.Match | None:
    """A key, written or commented out: ``  - id: x``, ``    # leichte_sprache: …``."""
    return re.match(r"^( *)(?:- |# ?)?( *)([a-z_]+):( |$)", line)


def template_comments() -> dict[tuple[str, str], list[str]]:
    """The template's explanations, by (list, key): ("", "art") for a provider's key,
    ("angebote", "themen") for an offering's; each the comment lines right above the key
    (or above the commented-out example of an optional key), without examples."""
    found: dict[tuple[str, str], list[str]] = {}
    pending: list[str] = []
    section = ""
    for line in TEMPLATE.read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        key = _is_key(line)
        column = len(line) - len(line.lstrip(" "))
        if key and (column == 0 or (column == ITEM_COLUMN and section)) and not line.lstrip().startswith("#   "):
            name = key.group(3)
            place = ("", name) if column == 0 else (section, name)
            if pending and place not in found:
                found[place] = pending
            pending = []
            if column == 0 and not stripped.startswith("#"):
                section = name if name in ("adressen", "angebote") else ""
        elif not stripped:
            pending = []
        elif stripped.startswith("#") and not key and not stripped.startswith("#   ") and column in (0, ITEM_COLUMN):
            pending.append(stripped)
    return found


def _with_comments(key: str, value, comments: list[str], indent: str, first: bool) -> list[str]:
    lines = [f"{indent}{comment}" for comment in comments]
    block = house_block(key, value).splitlines()
    lines.append(("  - " if first else indent) + block[0])
    lines += [indent + line for line in block[1:]]
    return lines


def _ordered(data: dict, keys: tuple[str, ...]) -> dict:
    return {**{key: data[key] for key in keys if key in data}, **{k: v for k, v in data.items() if k not in keys}}


def ordered(data: dict) -> dict:
    """A provider's data with every key where the template has it."""
    nested = {"adressen": ADDRESS_KEYS, "angebote": OFFERING_KEYS}
    result = _ordered(data, ORGANISATION_KEYS)
    for name, keys in nested.items():
        if name in result:
            result[name] = [_ordered(item, keys) for item in result[name]]
    for offering in result.get("angebote", []):
        for name, keys in (("kontakt", CONTACT_KEYS), ("sprechzeiten", HOURS_KEYS), ("schliesszeiten", CLOSURE_KEYS)):
            if name in offering:
                offering[name] = [_ordered(item, keys) for item in offering[name]]
    return result


def header(source: str, record_id: str) -> list[str]:
    return [f"# Importiert mit „wegweiser import“ aus {source}.",
            f"# Prüfen Sie die Datei mit:  wegweiser validate content/{FOLDER}/{record_id}.yml",
            "#",
            "# Alles, was hier steht, wird öffentlich. Ändern Sie die Datei gern von Hand: Ein neuer",
            "# Import überschreibt sie dann nicht mehr (nur mit „wegweiser import --force“)."]


def _checksum(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def render(data: dict, source: str, path: Path) -> str:
    """The text of a provider file, checked: the strict loader reads ``data`` back from it."""
    data = ordered(data)
    comments = template_comments()
    lines: list[str] = []
    for key, value in data.items():
        if key in ("adressen", "angebote"):
            lines += ["", *comments.get(("", key), []), f"{key}:"]
            for index, item in enumerate(value):
                if index and key == "angebote":
                    lines.append("")
                for position, (name, item_value) in enumerate(item.items()):
                    explanation = comments.get((key, name), []) if index == 0 and position else []
                    lines += _with_comments(name, item_value, explanation, "    ", position == 0)
            continue
        explanation = comments.get(("", key), []) if key != "id" else []
        lines += ([""] if explanation else []) + _with_comments(key, value, explanation, "", False)
    body = "\n".join(lines).lstrip("\n") + "\n"
    text = "\n".join(header(source, data["id"])) + "\n\n" + body
    text = text.replace("\n\n\n", "\n\n")
    return checked(CHECKSUM + _checksum(text) + "\n" + text, data, path)


def edited_by_hand(text: str) -> bool:
    """Whether a file was not written by an import, or was changed since."""
    first, _, rest = text.partition("\n")
    return not (first.startswith(CHECKSUM) and first[len(CHECKSUM):] == _checksum(rest))


# --- writing -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Existing:
    """What the folder of providers already holds, read once: each provider's German name,
    as names are compared, with its file (a list names a provider by its name, not its
    file), and the offerings' dates of checking in the files an import wrote and nobody
    changed since (data without a date keeps the one it got the first time)."""

    names: dict[str, Path]
    checks: dict[str, str]

    @classmethod
    def of(cls, folder: Path) -> "Existing":
        names, checks = {}, {}
        for path in sorted(folder.glob("*.y*ml")):
            text = path.read_text(encoding="utf-8", errors="replace")
            data = yamlsafe.parse(text, path).data
            if not isinstance(data, dict):
                continue
            name = data.get("name")
            name = name.get("de") if isinstance(name, dict) else name
            if isinstance(name, str) and name.strip():
                names.setdefault(same_name(name), path)
            if edited_by_hand(text):
                continue
            for offering in data.get("angebote") or []:
                if isinstance(offering, dict) and offering.get("id") and offering.get("zuletzt_geprueft"):
                    checks[str(offering["id"])] = str(offering["zuletzt_geprueft"])
        return cls(names, checks)


def same_name(name: str) -> str:
    return " ".join(name.casefold().split())


def _without_source(text: str) -> list[str]:
    """A written file without its checksum and the line naming the file it came from: the
    same data from a file of another name (``hsds-2026-03.json``) changes nothing."""
    return text.split("\n")[2:]


def plan(rendered: dict[Path, str], force: bool) -> list[Planned]:
    planned = []
    for path, text in sorted(rendered.items()):
        old = path.read_text(encoding="utf-8") if path.is_file() else None
        for suffix in (".yaml",):
            if old is None and path.with_suffix(suffix).is_file():
                old = path.with_suffix(suffix).read_text(encoding="utf-8")
        if old is None:
            state = "neu"
        elif old == text or (_without_source(old) == _without_source(text) and not edited_by_hand(old)):
            state = "unverändert"
        elif not old.startswith(CHECKSUM):
            state = NOT_IMPORTED  # a provider's own entry: --force must not replace it by a list's row
        elif edited_by_hand(old) and not force:
            state = "von Hand bearbeitet"
        else:
            state = "geändert"
        planned.append(Planned(path, text, state))
    return planned


def write(planned: list[Planned]) -> None:
    """Every new or changed file, each through a temporary file renamed over it; the
    temporary files are all written before the first is renamed."""
    todo = [p for p in planned if p.state in ("neu", "geändert")]
    temporary = []
    try:
        for item in todo:
            item.path.parent.mkdir(parents=True, exist_ok=True)
            temp = item.path.with_name(f".{item.path.name}.import-tmp")
            temp.write_text(item.text, encoding="utf-8")
            temporary.append((temp, item.path))
    except OSError:
        for temp, _ in temporary:
            temp.unlink(missing_ok=True)
        raise
    for temp, target in temporary:
        os.replace(temp, target)
