"""Reading HSDS 3.0 data (``wegweiser import``): the tables, whatever shape they come in.

Read are:

- a JSON document: the tables of ``hsds.export`` (``{"organization": [...], ...}``), or
  keyed by their CSV files as the specification's ``examples/tabular.json`` has them
  (``{"organizations.csv": [...], ...}``; tables we take nothing from are passed over), one
  nested document of HSDS's API (a service, an organization or a service at a location,
  as ``schema/compiled/*.json`` and the specification's examples have them), a list of
  them, or a page of the API (``{"contents": [...]}``); the nested documents are taken
  apart into the same tables;
- the datapackage's CSV files (``organizations.csv``, ``services.csv``, …, the names of
  ``hsds.TABLE_FILES``): a folder of them, or the zip archive a Wegweiser publishes
  (``daten/hsds-csv.zip``) as it is.

Each row keeps where it stood (``where``), so that every message names the file and the
row. Only the shape is read here; ``import_hsds`` maps the tables to provider records.
"""
from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from .hsds import TABLE_FILES
from .import_records import BadInput

NUMBERS = {"latitude", "longitude", "amount", "extension", "minimum_age", "maximum_age", "timezone", "interval",
           "count", "year_incorporated"}
# What a nested document holds, by key: the kind of object (None: not taken over).
CHILDREN = {
    "service": {"phones": "phone", "schedules": "schedule", "service_areas": "service_area",
                "service_at_locations": "service_at_location", "languages": "language", "organization": "organization",
                "cost_options": "cost_option", "contacts": "contact"},
    "organization": {"phones": "phone", "locations": "location", "services": "service", "contacts": "contact"},
    "location": {"addresses": "address", "phones": "phone", "schedules": "schedule", "languages": "language",
                 "contacts": "contact", "accessibility": "accessibility"},
    "service_at_location": {"location": "location", "service": "service", "contacts": "contact", "phones": "phone",
                            "schedules": "schedule"},
    "contact": {"phones": "phone"},
    "phone": {"languages": "language"},
    "attribute": {"taxonomy_term": "taxonomy_term"},
    "taxonomy_term": {"taxonomy_detail": "taxonomy"},
}
ONE = {"organization", "location", "service", "taxonomy_term", "taxonomy_detail"}  # a nested object, not a list
Tables = dict[str, list[dict]]
Where = dict[tuple[str, str], str]  # (table, row id): where the row stood, for messages


def read(path: Path) -> tuple[Tables, Where]:
    """The tables of an HSDS file or folder, and where each row stood (for messages)."""
    if path.is_dir():
        return _read_folder(path)
    if zipfile.is_zipfile(path):
        return _read_zip(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as error:
        raise BadInput(f"{path}: Die Datei ist nicht in UTF-8 gespeichert (Byte {error.start + 1}). "
                       "HSDS-JSON ist immer UTF-8.") from None
    except json.JSONDecodeError as error:
        raise BadInput(f"{path}:{error.lineno}:{error.colno}: Das ist kein gültiges JSON: {error.msg}.") from None
    tables: Tables = {name: [] for name in TABLE_FILES}
    where: Where = {}
    if isinstance(document, dict) and "contents" in document and isinstance(document["contents"], list):
        document = document["contents"]
    if isinstance(document, dict) and any(isinstance(document.get(name), list) for name in TABLE_FILES) \
            and "id" not in document:
        for name, rows in document.items():
            if name not in TABLE_FILES or not isinstance(rows, list):
                raise BadInput(f"{path}: „{name}“ ist keine Tabelle von HSDS. Erwartet sind: "
                               f"{', '.join(TABLE_FILES)}.")
            for number, row in enumerate(rows, 1):
                _add(tables, where, name, _flat(row), f"{path.name}, {name} Nr. {number}")
        return tables, where
    files = {file: name for name, file in TABLE_FILES.items()}
    if isinstance(document, dict) and any(isinstance(document.get(file), list) for file in files) \
            and "id" not in document:  # the specification's tabular.json: tables by CSV file name
        for file, rows in document.items():
            if file not in files:
                continue  # a table of HSDS we take nothing from (programs.csv, funding.csv, …)
            if not isinstance(rows, list):
                raise BadInput(f"{path}: „{file}“ ist keine Liste von Zeilen.")
            for number, row in enumerate(rows, 1):
                if isinstance(row, dict):
                    _add(tables, where, files[file], _flat(row), f"{path.name}, {file} Nr. {number}")
        return tables, where
    documents = document if isinstance(document, list) else [document]
    for number, nested in enumerate(documents, 1):
        if not isinstance(nested, dict) or "id" not in nested:
            raise BadInput(f"{path}: Eintrag {number} ist kein HSDS-Dokument (ein Objekt mit „id“).")
        _take_apart(tables, where, _kind_of(nested), nested, None, None, f"{path.name}, Dokument {number}")
    return tables, where


def _kind_of(document: dict) -> str:
    if "location" in document or ("service_id" in document and "location_id" in document):
        return "service_at_location"
    return "service" if "status" in document else "organization"


def _flat(row: dict) -> dict:
    return {key: value for key, value in row.items() if not isinstance(value, (dict, list)) and value not in (None, "")}


def _add(tables: Tables, where: Where, table: str, row: dict, label: str) -> None:
    if "id" not in row:
        return
    known = next((r for r in tables[table] if r["id"] == row["id"]), None)
    if known is None:
        tables[table].append(row)
        name = row.get("name") or row.get("title") or ""
        where[(table, row["id"])] = f"{label} ({table} „{name}“)" if name else f"{label} ({table})"
    else:
        known.update({key: value for key, value in row.items() if key not in known})


def _take_apart(tables: Tables, where: Where, kind: str, document: dict, parent: str | None, parent_id: str | None,
                label: str) -> None:
    row = _flat(document)
    if parent and parent_id:
        if kind == "attribute":
            row.setdefault("link_id", parent_id)
            row.setdefault("link_entity", parent)
        elif kind == "metadata":
            row.setdefault("resource_id", parent_id)
            row.setdefault("resource_type", parent)
        elif kind != "organization" and not (parent == "service_at_location" and kind in ("location", "service")):
            row.setdefault(f"{parent}_id", parent_id)
    for key, value in document.items():
        child = {**CHILDREN.get(kind, {}), "attributes": "attribute", "metadata": "metadata"}.get(key)
        if child is None or not value:
            continue
        if key in ONE and isinstance(value, dict):
            row.setdefault(f"{child}_id", value.get("id"))
            _take_apart(tables, where, child, value, kind, document.get("id"), label)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    _take_apart(tables, where, child, item, kind, document.get("id"), label)
    _add(tables, where, kind, row, label)


def _read_folder(folder: Path) -> tuple[Tables, Where]:
    files = {name: folder / file for name, file in TABLE_FILES.items() if (folder / file).is_file()}
    if not files:
        raise BadInput(f"{folder}: Hier liegt keine Tabelle von HSDS (erwartet z. B. organizations.csv, services.csv).")
    return _read_tables((name, str(path), path.read_bytes()) for name, path in files.items())


def _read_zip(path: Path) -> tuple[Tables, Where]:
    """The CSV files of a zip archive, wherever in it they lie (unpacked archives often
    have a folder of their own)."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = {PurePosixPath(info.filename).name: info for info in archive.infolist() if not info.is_dir()}
            found = [(name, f"{path}: {members[file].filename}", archive.read(members[file]))
                     for name, file in TABLE_FILES.items() if file in members]
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError) as error:
        raise BadInput(f"{path}: Das Zip-Archiv lässt sich nicht lesen ({error}). Entpacken Sie es bitte "
                       "und nennen Sie den Ordner mit den CSV-Dateien.") from None
    if not found:
        raise BadInput(f"{path}: Das Zip-Archiv enthält keine Tabelle von HSDS (erwartet z. B. organizations.csv, "
                       "services.csv).")
    return _read_tables(found)


def _read_tables(files: Iterable[tuple[str, str, bytes]]) -> tuple[Tables, Where]:
    """The rows of CSV files given as (table, where the file is, its bytes)."""
    tables: Tables = {name: [] for name in TABLE_FILES}
    where: Where = {}
    for name, path, raw in files:
        file = TABLE_FILES[name]
        try:
            stream = io.StringIO(raw.decode("utf-8-sig"), newline="")
            for number, row in enumerate(csv.DictReader(stream), 2):
                if None in row:
                    raise BadInput(f"{path}:{number}: Die Zeile hat mehr Felder als die Kopfzeile Spalten.")
                _add(tables, where, name, {key: _number(key, value) for key, value in row.items() if value != ""},
                     f"{file}, Zeile {number}")
        except UnicodeDecodeError as error:
            raise BadInput(f"{path}: Die Datei ist nicht in UTF-8 gespeichert (Byte {error.start + 1}). "
                           "Die CSV-Dateien von HSDS sind immer UTF-8.") from None
        except csv.Error as error:
            raise BadInput(f"{path}: Die CSV-Datei ist fehlerhaft: {error}.") from None
    return tables, where


def _number(key: str, value: str):
    if key not in NUMBERS:
        return value
    try:
        number = float(value)
    except ValueError:
        return value
    return int(number) if number.is_integer() and "." not in value else number
