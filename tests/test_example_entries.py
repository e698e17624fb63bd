"""The two complete example entries of the contribution page pass the real validator, and
the rich one shows every field an offering (and its provider) can have."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SCHEMAS, problems_of
from generator import field_docs, yamlsafe
from generator.schema import SchemaSet

EXAMPLES = {entry.file_name: entry for entry in field_docs.example_entries()}


def data_of(name: str) -> dict:
    document, problems = yamlsafe.load(field_docs.EXAMPLES / name)
    assert problems == []
    return document.data


def content_with(tmp_path: Path, name: str) -> Path:
    """A content folder with only the example and what it refers to: a plain record for
    each region and network it names, so that it is checked as it stands."""
    data = data_of(name)
    content = tmp_path / "content"
    for folder in ("traeger", "regionen", "netzwerke", "termine"):
        (content / folder).mkdir(parents=True)
    (content / "traeger" / f"{data['id']}.yml").write_text(EXAMPLES[name].text, encoding="utf-8")
    regions = {r for offering in data["angebote"] for r in offering.get("regionen", ())}
    for region in regions | {"stub-region"}:
        (content / "regionen" / f"{region}.yml").write_text(
            f"id: {region}\nname: Region {region}\nart: landkreis\nlaender: [DE]\n", encoding="utf-8")
    for network in data.get("netzwerke", ()):
        (content / "netzwerke" / f"{network}.yml").write_text(
            f"id: {network}\nname: Netzwerk {network}\nart: netzwerk\nbeschreibung: Ein Netzwerk.\n"
            f"regionen: [stub-region]\nzuletzt_geprueft: \"2026-01-01\"\n", encoding="utf-8")
    return content


@pytest.mark.parametrize("name", field_docs.EXAMPLE_FILES)
def test_each_example_entry_passes_the_validator(tmp_path, name):
    assert problems_of(content_with(tmp_path, name)) == ()


@pytest.mark.parametrize("name", field_docs.EXAMPLE_FILES)
def test_the_examples_are_fictional_and_checked_in_the_past(name):
    data, text = data_of(name), EXAMPLES[name].text
    # Reserved names and unused numbers: nobody is written to or called by mistake.
    assert all(host.endswith(".example") for host in re.findall(r"(?:https://|@)([\w.-]+)", text))
    assert set(re.findall(r"0\d{3,4} \d+", text)) <= {"03733 000001", "03733 000002", "03733 000003"}
    for offering in data["angebote"]:
        assert offering["id"].startswith(data["id"] + "-")
        # A fixed day before this was written: never in the future, whenever the tests run.
        assert offering["zuletzt_geprueft"] <= "2026-12-01"


def keys(items) -> set[str]:
    return {key for item in items for key in item}


def test_the_minimal_example_has_only_the_required_fields():
    data = data_of("minimal.yml")
    traeger = SchemaSet.load(SCHEMAS).schema("traeger")
    offering = traeger["$defs"]["angebot"]
    assert set(data) == set(traeger["required"]) | {"adressen"}  # the place of its offering
    assert keys(data["angebote"]) == set(offering["required"]) | {"orte"}


def test_the_rich_example_uses_every_field_an_offering_can_have():
    data = data_of("ausfuehrlich.yml")
    schemas = SchemaSet.load(SCHEMAS)
    common, traeger = schemas.schema("common")["$defs"], schemas.schema("traeger")
    offerings = data["angebote"]
    found = {
        "Träger": (set(data), traeger),
        "Angebot": (keys(offerings), traeger["$defs"]["angebot"]),
        "Adresse": (keys(data["adressen"]), common["adresse"]),
        "Kontakt": (keys(c for o in offerings for c in o["kontakt"]), common["kontakt"]),
        "Sprechzeit": (keys(s for o in offerings for s in o.get("sprechzeiten", ())), common["sprechzeit"]),
        "Schließzeit": (keys(s for o in offerings for s in o.get("schliesszeiten", ())), common["schliesszeit"]),
    }
    missing = {section: sorted(set(schema["properties"]) - used) for section, (used, schema) in found.items()}
    assert missing == {section: [] for section in found}
    translated = [o["name"] for o in offerings if isinstance(o["name"], dict)]
    assert translated and set(translated[0]) == {"de", "cs", "en"}
