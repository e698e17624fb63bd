"""Provider records from an import (``wegweiser import``): checked like every record, written
in the house style of the template, and never over a file someone has edited by hand.

An importer (``import_hsds``, ``import_table``) hands over ``Imported`` records: the data of
one provider file (German field names, as in the YAML) and, for each part of it, where it
came from (a row of a table, an object of a document), so that every problem is named there.

- **Checked before anything is written.** The new files are checked together with the
  records already in the content folder, exactly as ``wegweiser validate`` would check them
  once written (``pipeline.problems_with``). An offering with a problem is left out, and
  the rest of its provider is written; a problem of the provider itself leaves it out whole.
- **House style.** Keys in the order of ``templates/neuer-traeger.yml``, with the
  template's explanation above each key (and above each field of the first address and
  offering); values written by ruamel.yaml (``yaml_roundtrip.house_block``).
- **Hand edits are safe.** The first lines of a written file say that it was imported,
  and the last of them holds a checksum of the rest of the file. A file whose checksum
  still fits has not been changed since it was imported: a new import may replace it. A
  file without it (written by hand) or whose checksum no longer fits (edited since) is
  left as it is, unless ``force``. The same input gives the same bytes, so importing it
  again changes nothing.
- **All or nothing.** Files are written only after every record is mapped and checked,
  each to a temporary file beside it that is then renamed over it.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlsafe
from .kinds import Kind
from .problems import Problem
from .template import TEMPLATE
from .vocab import Vocabulary
from .yaml_roundtrip import NotWritten, checked, house_block

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
MAX_ID = 60  # as template.MAX_ID_LENGTH: an offering's id starts with its provider's
CHECKSUM = "# Prüfsumme des Imports: "
NOT_IMPORTED = "schon vorhanden"  # the state of a file no import wrote
ITEM_COLUMN = 4  # where the template's keys of an address or offering begin
FOLDER = Kind.ORGANISATIONS.folder
SPELLED = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}


class BadInput(Exception):
    """The input cannot be read at all (``wegweiser import`` says so and exits with 2)."""


def text(value: object) -> str:
    """A text as a file keeps it: trimmed; over several lines, ending in a line break (|)."""
    found = str(value).strip() if value is not None else ""
    return f"{found}\n" if "\n" in found else found


def shortened(value: str, limit: int = 80) -> str:
    """A long text of the data quoted in a message: its beginning, cut at a word."""
    found = " ".join(value.split())
    return found if len(found) <= limit else found[:limit].rsplit(" ", 1)[0] + " …"


def term_id(vocabulary: Vocabulary, value: str) -> str | None:
    """The term a value names: its id, or its German, Czech or English label, in any case."""
    wanted = value.strip().casefold()
    for term in vocabulary.terms.values():
        if wanted in (term.id.casefold(), term.de.casefold(), term.cs.casefold(), term.en.casefold()):
            return term.id
    return None


@dataclass
class Imported:
    """One provider file to be written: ``data`` as in the YAML, and where its parts came
    from: ``origin`` for the provider, ``offerings`` and ``addresses`` per list item."""

    data: dict
    origin: str
    offerings: list[str] = field(default_factory=list)
    addresses: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.data["id"]


@dataclass(frozen=True, order=True)
class Finding:
    """Something an import could not take over, said where it came from."""

    where: str  # "partner.csv, Zeile 7" or "services.csv, Zeile 3 („Suchtberatung“)"
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def in_order(findings: list[Finding]) -> list[Finding]:
    """Each finding once, in the order of the source: "Zeile 2" before "Zeile 10"."""
    def key(finding: Finding) -> tuple:
        return tuple((0, int(part), "") if part.isdigit() else (1, 0, part)
                     for part in re.split(r"(\d+)", f"{finding.where}\0{finding.message}"))
    return sorted(set(findings), key=key)


@dataclass(frozen=True)
class Planned:
    path: Path
    text: str
    state: str  # "neu", "geändert", "unverändert", "von Hand bearbeitet"


# --- ids ----------------------------------------------------------------------------------

def slug(text: str, limit: int = MAX_ID) -> str:
    """An id from a name: „Caritas Aue e. V.“ → ``caritas-aue-e-v``, at most ``limit`` long."""
    spelled = "".join(SPELLED.get(c, c) for c in text)
    ascii_text = unicodedata.normalize("NFKD", spelled).encode("ascii", "ignore").decode().lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    while len(words) > limit:
        words = words.rpartition("-")[0] if "-" in words[:limit + 1] else words[:limit]
    return words or "eintrag"


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``, … if taken; the result is taken from then on."""
    found, n = base, 1
    while found in taken:
        n += 1
        found = f"{base}-{n}"
    taken.add(found)
    return found


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


# --- checking ------------------------------------------------------------------------------

def _where(record: Imported, document: yamlsafe.Document, line: int) -> tuple[str, tuple[str, int] | None]:
    """The origin of the part of a rendered file at ``line``: an offering's or address's own
    (and which it is), else the provider's."""
    keys = list(document.data)
    for name, origins in (("angebote", record.offerings), ("adressen", record.addresses)):
        items = document.data.get(name) or []
        if not items:
            continue
        starts = [document.position((name, i))[0] for i in range(len(items))]
        later = keys[keys.index(name) + 1:]
        bounds = [*starts[1:], document.position((later[0],), key=True)[0] if later else 10 ** 9]
        for i, (start, stop) in enumerate(zip(starts, bounds, strict=True)):
            if start <= line < stop:
                return (origins[i] if i < len(origins) else record.origin), (name, i)
    return record.origin, None


def documents_of(records: list[Imported], folder: Path, source: str) -> tuple[
        dict[Path, tuple[Imported, yamlsafe.Document, str]], list[Finding]]:
    """Each record rendered and read back, by the path it is to be written to."""
    rendered, findings = {}, []
    for record in records:
        path = folder / f"{record.id}.yml"
        try:
            text = render(record.data, source, path)
        except NotWritten as error:
            findings.append(Finding(record.origin, f"Der Eintrag lässt sich nicht als YAML schreiben: {error}"))
            continue
        rendered[path] = (record, yamlsafe.parse(text, path), text)
    return rendered, findings


def sort_out(records: list[Imported], problems: list[Problem],
             rendered: dict[Path, tuple[Imported, yamlsafe.Document, str]]) -> tuple[list[Imported], list[Finding]]:
    """The records without the offerings (or whole providers) that ``problems`` name, and
    each problem said where its part came from."""
    by_path = {path.resolve(): (record, document) for path, (record, document, _) in rendered.items()}
    findings: list[Finding] = []
    dropped: dict[str, set] = {}
    for problem in problems:
        hit = by_path.get(Path(problem.path).resolve())
        if hit is None:
            message = f"{problem.field}: {problem.message}" if problem.field else problem.message
            findings.append(Finding(f"{problem.path}:{problem.line}", message))
            continue
        record, document = hit
        where, part = _where(record, document, problem.line)
        field_name = re.sub(r"^\d+\. (Angebot|Adresse)( › |$)", "", problem.field)
        findings.append(Finding(where, f"{field_name}: {problem.message}" if field_name else problem.message))
        dropped.setdefault(record.id, set()).add(part if part and part[0] == "angebote" else None)
    kept = []
    for record in records:
        parts = dropped.get(record.id, set())
        name = record.data.get("name") or record.id
        if None in parts:
            findings.append(Finding(record.origin, f"Der Träger „{name}“ wurde deshalb nicht übernommen (keine Datei "
                                                   "geschrieben)."))
            continue
        gone = {i for _, i in parts}
        offerings = [o for i, o in enumerate(record.data["angebote"]) if i not in gone]
        if not offerings:
            findings.append(Finding(record.origin, f"Der Träger „{name}“ wurde nicht übernommen: Keines seiner "
                                                   "Angebote ließ sich übernehmen (keine Datei geschrieben)."))
            continue
        data = {**record.data, "angebote": offerings}
        kept.append(Imported(data, record.origin, [o for i, o in enumerate(record.offerings) if i not in gone],
                             record.addresses))
    return kept, in_order(findings)


# --- writing -------------------------------------------------------------------------------

def earlier_checks(folder: Path) -> dict[str, str]:
    """The offerings' dates of checking in the files an import wrote and nobody changed
    since: data without a date keeps the one it got the first time."""
    found = {}
    for path in sorted(folder.glob("*.yml")):
        text = path.read_text(encoding="utf-8")
        if edited_by_hand(text):
            continue
        data = yamlsafe.parse(text, path).data
        for offering in data.get("angebote") or [] if isinstance(data, dict) else []:
            if isinstance(offering, dict) and offering.get("id") and offering.get("zuletzt_geprueft"):
                found[str(offering["id"])] = str(offering["zuletzt_geprueft"])
    return found


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
