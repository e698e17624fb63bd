"""The provider documentation covers every field of every schema, generated, never by hand."""
from __future__ import annotations

import re

import pytest
from markupsafe import escape

from conftest import REPO, prepared
from generator import field_docs, issue_forms
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


def conditional_rules(node, schema: str, pointer: str = ""):
    """Where a schema makes a field required only sometimes: an if/then/else that requires
    a field, an anyOf or oneOf, and each dependentRequired and dependentSchemas."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            yield from conditional_rules(item, schema, f"{pointer}/{i}")
        return
    if not isinstance(node, dict):
        return
    if "if" in node and (node.get("then", {}).get("required") or node.get("else", {}).get("required")):
        yield f"{schema}{pointer}/if"
    for keyword in ("anyOf", "oneOf"):
        if keyword in node:
            yield f"{schema}{pointer}/{keyword}"  # the documentation reads anyOf only: a oneOf fails here
    for keyword in ("dependentRequired", "dependentSchemas"):
        yield from (f"{schema}{pointer}/{keyword}/{name}" for name in node.get(keyword, {}))
    for key, value in node.items():
        if key not in ("if", "then", "else", "anyOf", "oneOf", "dependentSchemas"):
            yield from conditional_rules(value, schema, f"{pointer}/{key}")


def test_every_rule_that_requires_a_field_only_sometimes_is_documented(loaded, sections):
    documented = {source for section in sections for source in section.sources}
    found = {rule for schema in PROVIDER_SCHEMAS for rule in conditional_rules(loaded.schemas.schema(schema), schema)}
    assert found and found <= documented


def field(sections, section_title: str, name: str):
    section = next(s for s in sections if s.title.startswith(section_title))
    return next(f for f in section.fields if f.name == name)


def test_required_fields_are_taken_from_where_a_section_is_used(sections):
    # The address of a provider needs an id for „orte“; the place of an event does not.
    address_id = field(sections, "Adresse", "id")
    assert not address_id.required and address_id.condition == "ja, unter „adressen“ (Träger)"
    assert field(sections, "Adresse", "ort").required
    assert field(sections, "Adresse", "plz").condition == "ja, außer bei „vertraulich: ja“"
    assert field(sections, "Kontakt", "ansprechperson").condition == "ja, wenn „durchwahl“ angegeben ist"
    for name in ("orte", "aufsuchend", "online"):
        assert field(sections, "Angebot", name).condition == (
            "mindestens eines von „orte“, „aufsuchend: ja“ oder „online: ja“")
    assert field(sections, "Termin", "ort").condition == "mindestens eines von „ort“ oder „online: ja“"
    for name in ("telefon", "email", "durchwahl"):  # a contact says how it is reached
        assert field(sections, "Kontakt", name).condition == "mindestens eines von „telefon“, „email“ oder „durchwahl“"


@pytest.fixture(scope="module")
def page(loaded, sections):
    listings = Listings(loaded.directory, loaded.vocabularies, Limits())
    renderer = PageRenderer(listings, SiteMap(), {}, MapSettings(), [], sections,
                            ContributionLinks("beispiel/wegweiser"))
    return renderer.contribute().body


def test_the_contribution_page_states_every_rule_over_several_fields(sections, page):
    for section in sections:
        for rule in section.rules:
            assert f"<li>{escape(rule)}</li>" in page
        for documented in section.fields:
            if documented.condition:
                assert f"<span>{escape(documented.condition)}</span>" in page
    for rule in ("Mindestens eine dieser Angaben ist Pflicht: „orte“ (mit mindestens einem Eintrag), "
                 "„aufsuchend: ja“ oder „online: ja“.",
                 "Mindestens eine dieser Angaben ist Pflicht: „datum“, „von“ oder „bis“.",
                 "Mindestens eine dieser Angaben ist Pflicht: „ort“ oder „online: ja“.",
                 "Mindestens eine dieser Angaben ist Pflicht: „telefon“, „email“ oder „durchwahl“.",
                 "„id“ ist Pflicht unter „adressen“ (Träger); unter „ort“ (Termin) ist es freiwillig.",
                 "„plz“ ist Pflicht, außer bei „vertraulich: ja“.",
                 "Wer „durchwahl“ angibt, muss auch „ansprechperson“ und „durchwahl_veroeffentlichen“ angeben.",
                 "Wer „durchwahl“ angibt, muss „durchwahl_veroeffentlichen: ja“ angeben.",
                 "Wer „von“ angibt, muss auch „bis“ angeben."):
        assert str(escape(rule)) in page


def test_the_contribution_page_shows_both_complete_examples_and_no_copying(page):
    for entry in field_docs.example_entries():
        assert f'<pre class="ww-beispiel"><code>{escape(entry.text)}</code></pre>' in page
    assert "vorhandene Datei als Muster" not in page
    assert 'href="#beispiele"' in page and 'id="beispiele"' in page


def test_the_contribution_page_says_for_every_field_whether_it_is_required(sections, page):
    tables = page.split('<h3 id="felder-')[1:]
    assert len(tables) == len(sections)
    for section, table in zip(sections, tables, strict=True):
        for documented in section.fields:
            said = ("ja" if documented.required else f"<span>{escape(documented.condition)}</span>"
                    if documented.condition else "nein")
            assert f'<code>{documented.name}</code></th><td data-spalte="Pflicht">{said}</td>' in table


def test_the_contribution_page_describes_every_question_of_the_new_offering_form(page):
    for item in [*issue_forms.new_offering_fields(), issue_forms.CONSENT_FIELD]:
        assert f"<span>{escape(item.label)}</span>{' (Pflicht)' if item.required else ''}</dt>" in page
        assert not item.description or f"<dd>{escape(item.description)}</dd>" in page
    assert "Kreuzen Sie bei „Zuständig für (Regionen)“ nichts an, nehmen wir das kleinste Gebiet" in page
