"""The provider documentation covers every field of every schema, generated, never by hand."""
from __future__ import annotations

import re

import pytest

from conftest import REPO, prepared
from generator import field_docs
from generator.freshness import Limits
from generator.render.listings import Listings
from generator.render.pages import ContributionLinks, PageRenderer
from generator.render.urls import SiteMap
from generator.settings import MapSettings

PROVIDER_SCHEMAS = ("traeger", "netzwerk", "region", "termin", "common")
# Same sub-fields as the documented "text" (de, cs, en): documented once.
SAME_AS_TEXT = {"/$defs/name", "/$defs/markdown"}


@pytest.fixture(scope="module")
def loaded():
    return prepared(REPO / "content")


@pytest.fixture(scope="module")
def sections(loaded):
    return field_docs.documentation(loaded.schemas, loaded.vocabularies,
                                    field_docs.examples_from(loaded.documents))


def objects_with_fields(node, pointer=""):
    """Every (JSON pointer, properties) of a schema, outside conditional branches."""
    if isinstance(node, dict):
        if "properties" in node and not re.search(r"/(if|then|else|dependentSchemas)(/|$)", pointer):
            yield pointer, node["properties"]
        for key, value in node.items():
            if key != "properties":
                yield from objects_with_fields(value, f"{pointer}/{key}")
            else:
                for name, child in value.items():
                    yield from objects_with_fields(child, f"{pointer}/properties/{name}")


def test_every_field_of_every_schema_is_documented(loaded, sections):
    documented = {(schema, pointer): {f.name for f in section.fields}
                  for (_, schema, pointer, _), section in zip(field_docs.SECTIONS, sections, strict=True)}
    missing = []
    for schema in PROVIDER_SCHEMAS:
        for pointer, properties in objects_with_fields(loaded.schemas.schema(schema)):
            if schema == "common" and pointer in SAME_AS_TEXT:
                assert set(properties) == documented[("common", "/$defs/text")]
                continue
            if pointer.startswith("/properties/") or "/properties/" in pointer.removeprefix("/$defs"):
                continue  # an inline sub-object of a field is described with the field
            names = documented.get((schema, pointer))
            if names is None:
                missing.append(f"{schema}{pointer or '/'}: kein Abschnitt")
                continue
            missing += [f"{schema}{pointer}/{name}" for name in properties if name not in names]
    assert missing == []


def test_allowed_values_come_from_the_vocabularies(sections):
    offering = next(s for s in sections if s.title.startswith("Angebot"))
    topics = next(f for f in offering.fields if f.name == "themen")
    assert topics.allowed.startswith("Liste aus: arbeit (Arbeit, Beschäftigung und Tagesstruktur), ")
    assert next(f for f in offering.fields if f.name == "zuletzt_geprueft").required


def test_examples_are_taken_from_real_entries(sections):
    address = next(s for s in sections if s.title.startswith("Adresse"))
    postcode = next(f for f in address.fields if f.name == "plz").example
    assert re.fullmatch(r"\d{5}|\d{3} \d{2}", postcode)


def test_the_contribution_page_shows_every_section_and_the_privacy_notice(loaded, sections):
    listings = Listings(loaded.directory, loaded.vocabularies, Limits())
    renderer = PageRenderer(listings, SiteMap(), {}, MapSettings(), [], sections,
                            ContributionLinks("beispiel/wegweiser"))
    page = renderer.contribute().body  # the one page, without rendering the whole site
    for section in sections:
        assert section.title in page
        for field in section.fields:
            assert f"<code>{field.name}</code>" in page
    assert "sofort öffentlich sichtbar" in page
    assert "https://github.com/beispiel/wegweiser/issues/new?template=neues-angebot.yml" in page
