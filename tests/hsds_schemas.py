"""The official HSDS 3.0 JSON schemas, made strict as the specification's own CI makes them
(``compiletojsonschema --set-additional-properties-false-everywhere``: every schema with
``properties`` gets ``additionalProperties: false``), as validators.

The schemas are Open Referral's (CC BY-SA 4.0), kept as test data in
tests/fixtures/hsds-3.0 (see its README); ``HSDS`` is the one place that says where.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path
from urllib.parse import urlsplit

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from conftest import REPO

HSDS = REPO / "tests" / "fixtures" / "hsds-3.0" / "schema"
BASE = "https://hsds.invalid/schema/"  # the per-object files refer to each other by file name


def strict(schema):
    """As compiletojsonschema does it: down ``properties``, ``items`` and the combinators."""
    if isinstance(schema, list):
        return [strict(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = dict(schema)
    if isinstance(schema.get("properties"), dict):
        out["properties"] = {name: strict(sub) for name, sub in schema["properties"].items()}
        out["additionalProperties"] = False
    for key in ("items", "oneOf", "anyOf", "allOf"):
        if key in schema:
            out[key] = strict(schema[key])
    return out


def _folder() -> Path:
    if not (HSDS / "service.json").is_file():
        pytest.fail(f"The HSDS 3.0 schemas are missing in {HSDS} (Open Referral's specification, tag v3.0, "
                    "folder schema/ of github.com/openreferral/specification): the HSDS export cannot be "
                    "checked without them.")
    return HSDS


def _absolute_uri(value) -> bool:
    parts = urlsplit(value) if isinstance(value, str) else None
    return parts is None or (bool(parts.scheme) and bool(parts.netloc) and " " not in value)


def _date_time(value) -> bool:
    return not isinstance(value, str) or bool(dt.datetime.fromisoformat(value.replace("Z", "+00:00")))


def format_checker() -> jsonschema.FormatChecker:
    """uuid, email and date as jsonschema checks them, and uri and date-time as well (the
    specification's CI checks formats with check-jsonschema)."""
    checker = jsonschema.FormatChecker()
    checker.checks("uri", raises=ValueError)(_absolute_uri)
    checker.checks("date-time", raises=ValueError)(_date_time)
    return checker


@functools.cache
def object_validator(name: str) -> jsonschema.Draft202012Validator:
    """The strict schema of one HSDS object (``schema/<name>.json``), its references to the
    other objects' files resolved through a ``referencing`` registry."""
    folder = _folder()
    schemas = {path.name: {**strict(json.loads(path.read_text(encoding="utf-8"))), "$id": BASE + path.name}
               for path in sorted(folder.glob("*.json")) if path.name != "openapi.json"}
    registry = Registry().with_resources(
        (BASE + file, Resource.from_contents(schema, default_specification=DRAFT202012))
        for file, schema in schemas.items())
    return jsonschema.Draft202012Validator(schemas[f"{name}.json"], registry=registry,
                                           format_checker=format_checker())


@functools.cache
def compiled_validator(name: str) -> jsonschema.Draft202012Validator:
    """The strict compiled schema (``schema/compiled/<name>.json``, every object inlined)."""
    schema = json.loads((_folder() / "compiled" / f"{name}.json").read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(strict(schema), format_checker=format_checker())


def errors(validator: jsonschema.Draft202012Validator, document: dict) -> list[str]:
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator.iter_errors(document)]
