"""The HSDS export as the specification's tabular datapackage: one CSV file per object,
with every field of its schema as a column, and a ``datapackage.json`` describing them,
zipped into one file.

The columns are the specification's, not just the ones we fill, so a consumer's HSDS
tooling reads every file as it expects; ``COLUMNS`` holds them in the order of the HSDS 3.0
schemas (a test compares it with the official schemas). The zip is the same byte for byte
for the same tables: fixed file dates and modes, fixed order (and the same zlib).
"""
from __future__ import annotations

import csv
import io
import json
import zipfile

from .hsds import TABLE_FILES

_UUID, _URI, _EMAIL = ("string", "uuid"), ("string", "uri"), ("string", "email")
_TEXT, _NUMBER = ("string", None), ("number", None)

# Every scalar field of each HSDS 3.0 object, in the schema's order: (type, format).
COLUMNS: dict[str, dict[str, tuple[str, str | None]]] = {
    "organization": {
        "id": _UUID, "name": _TEXT, "alternate_name": _TEXT, "description": _TEXT, "email": _EMAIL, "website": _URI,
        "tax_status": _TEXT, "tax_id": _TEXT, "year_incorporated": _NUMBER, "legal_status": _TEXT, "logo": _TEXT,
        "uri": _URI, "parent_organization_id": _UUID},
    "service": {
        "id": _UUID, "organization_id": _UUID, "program_id": _UUID, "name": _TEXT, "alternate_name": _TEXT,
        "description": _TEXT, "url": _URI, "email": _EMAIL, "status": _TEXT, "interpretation_services": _TEXT,
        "application_process": _TEXT, "fees_description": _TEXT, "wait_time": _TEXT, "fees": _TEXT,
        "accreditations": _TEXT, "eligibility_description": _TEXT, "minimum_age": _NUMBER, "maximum_age": _NUMBER,
        "assured_date": _TEXT, "assurer_email": _EMAIL, "licenses": _TEXT, "alert": _TEXT,
        "last_modified": ("string", "date-time")},
    "attribute": {
        "id": _UUID, "link_id": _UUID, "taxonomy_term_id": _UUID, "link_type": _TEXT, "link_entity": _TEXT,
        "value": _TEXT},
    "service_at_location": {"id": _UUID, "service_id": _UUID, "location_id": _UUID, "description": _TEXT},
    "location": {
        "id": _UUID, "location_type": _TEXT, "url": _URI, "organization_id": _UUID, "name": _TEXT,
        "alternate_name": _TEXT, "description": _TEXT, "transportation": _TEXT, "latitude": _NUMBER,
        "longitude": _NUMBER, "external_identifier": _TEXT, "external_identifier_type": _TEXT},
    "phone": {
        "id": _UUID, "location_id": _UUID, "service_id": _UUID, "organization_id": _UUID, "contact_id": _UUID,
        "service_at_location_id": _UUID, "number": _TEXT, "extension": _NUMBER, "type": _TEXT, "description": _TEXT},
    "contact": {
        "id": _UUID, "organization_id": _UUID, "service_id": _UUID, "service_at_location_id": _UUID,
        "location_id": _UUID, "name": _TEXT, "title": _TEXT, "department": _TEXT, "email": _EMAIL},
    "address": {
        "id": _UUID, "location_id": _UUID, "attention": _TEXT, "address_1": _TEXT, "address_2": _TEXT, "city": _TEXT,
        "region": _TEXT, "state_province": _TEXT, "postal_code": _TEXT, "country": _TEXT, "address_type": _TEXT},
    "schedule": {
        "id": _UUID, "service_id": _UUID, "location_id": _UUID, "service_at_location_id": _UUID,
        "valid_from": _TEXT, "valid_to": _TEXT, "dtstart": _TEXT, "timezone": _NUMBER, "until": _TEXT,
        "count": _NUMBER, "wkst": _TEXT, "freq": _TEXT, "interval": _NUMBER, "byday": _TEXT, "byweekno": _TEXT,
        "bymonthday": _TEXT, "byyearday": _TEXT, "description": _TEXT, "opens_at": _TEXT, "closes_at": _TEXT,
        "schedule_link": _URI, "attending_type": _TEXT, "notes": _TEXT},
    "service_area": {
        "id": _UUID, "service_id": _UUID, "name": _TEXT, "description": _TEXT, "extent": _TEXT,
        "extent_type": _TEXT, "uri": _TEXT},
    "language": {
        "id": _UUID, "service_id": _UUID, "location_id": _UUID, "phone_id": _UUID, "name": _TEXT, "code": _TEXT,
        "note": _TEXT},
    "accessibility": {"id": _UUID, "location_id": _UUID, "description": _TEXT, "details": _TEXT, "url": _URI},
    "taxonomy_term": {
        "id": _UUID, "code": _TEXT, "name": _TEXT, "description": _TEXT, "parent_id": _UUID, "taxonomy": _TEXT,
        "language": _TEXT, "taxonomy_id": _UUID, "term_uri": _URI},
    "cost_option": {
        "id": _UUID, "service_id": _UUID, "valid_from": _TEXT, "valid_to": _TEXT, "option": _TEXT,
        "currency": _TEXT, "amount": _NUMBER, "amount_description": _TEXT},
    "taxonomy": {"id": _UUID, "name": _TEXT, "description": _TEXT, "uri": _URI, "version": _TEXT},
    "metadata": {
        "id": _UUID, "resource_id": _UUID, "resource_type": _TEXT, "last_action_date": _TEXT,
        "last_action_type": _TEXT, "field_name": _TEXT, "previous_value": _TEXT, "replacement_value": _TEXT,
        "updated_by": _TEXT},
}
# Zip entries carry a date; a fixed one keeps the file the same from build to build.
FIXED_DATE = (2024, 1, 1, 0, 0, 0)
# ZipInfo's default mode is none at all, which unzip turns into owner-only files (0600): on a
# shared server or in a web folder nobody else could read the tables. Readable by all, as a
# download should be; fixed, so the bytes stay the same.
FILE_MODE = 0o644


def csv_text(table: str, rows: list[dict]) -> str:
    """One HSDS table as CSV (RFC 4180: CRLF, quotes where needed), every column of its schema."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS[table]), extrasaction="raise", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()


def _cell(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else str(value)


def licence(name: str, url: str, open_definition_id: str = "", title: str = "") -> dict:
    """One entry of a Data Package's ``licenses``: its ``name`` must be an Open Definition
    id, so a licence without one is named by its text and title only."""
    return {**({"name": open_definition_id} if open_definition_id else {}), "path": url, "title": title or name}


def datapackage(licences: list[dict], title: str, sources: list[dict] = (), description: str = "") -> dict:
    """The Frictionless Data Package that describes the CSV files. ``licences``: the data's
    licence first, then those of parts under another (``licence``); ``sources``: whose
    data is in them (``{"title", "path"}``); ``description``: what the reader must know
    about both."""
    return {
        "profile": "tabular-data-package", "name": "hsds", "title": title,
        **({"description": description} if description else {}),
        "licenses": licences,
        **({"sources": list(sources)} if sources else {}),
        "resources": [{
            "name": table, "path": file, "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {"fields": [{"name": name, "type": kind, **({"format": fmt} if fmt else {})}
                                  for name, (kind, fmt) in COLUMNS[table].items()],
                       "primaryKey": ["id"]},
        } for table, file in TABLE_FILES.items()],
    }


def zipped(tables: dict[str, list[dict]], package: dict) -> bytes:
    """The datapackage as one zip: datapackage.json and a CSV file per table."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        entries = {"datapackage.json": json.dumps(package, ensure_ascii=False, indent=2) + "\n"}
        entries.update({file: csv_text(table, tables.get(table, [])) for table, file in TABLE_FILES.items()})
        for name, text in entries.items():
            info = zipfile.ZipInfo(name, FIXED_DATE)
            info.external_attr = FILE_MODE << 16  # the Unix mode sits in the upper 16 bits
            archive.writestr(info, text.encode("utf-8"), zipfile.ZIP_DEFLATED)
    return out.getvalue()
