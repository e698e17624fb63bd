"""Rules across records: ids, uniqueness and places."""
from __future__ import annotations

from pathlib import Path

from generator import rules, yamlsafe
from generator.kinds import Kind


def document(tmp_path: Path, name: str, text: str) -> yamlsafe.Document:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc, problems = yamlsafe.load(path)
    assert problems == []
    return doc


def messages(problems):
    return [f"{Path(p.path).name}:{p.line}:{p.field}: {p.message}" for p in problems]


def org(offering_id: str, places="orte: [a]") -> str:
    return (f"id: {{id}}\nadressen:\n  - id: a\nangebote:\n  - id: {offering_id}\n    {places}\n")


def test_the_id_must_match_the_file_name(tmp_path):
    doc = document(tmp_path, "caritas-aue.yml", "id: caritas-au\n")
    assert messages(rules.ids_match_file_names([doc])) == [
        "caritas-aue.yml:1:id: Die Kennung „caritas-au“ muss genau dem Dateinamen entsprechen. "
        "Benennen Sie die Datei in „caritas-au.yml“ um oder ändern Sie die Kennung in „caritas-aue“."]


def test_offering_ids_are_unique_across_all_organisations(tmp_path):
    first = document(tmp_path, "a.yml", org("beratung").format(id="a"))
    second = document(tmp_path, "b.yml", org("beratung").format(id="b"))
    assert len(rules.check({Kind.ORGANISATIONS: [first, second]})) == 2  # both files: generator/id_clashes.py


def test_address_ids_are_unique_within_an_organisation(tmp_path):
    doc = document(tmp_path, "a.yml", "id: a\nadressen:\n  - id: x\n  - id: x\nangebote: []\n")
    assert messages(rules.check({Kind.ORGANISATIONS: [doc]})) == [
        "a.yml:4:2. Adresse › id: Die Adresskennung „x“ steht schon bei einer anderen Adresse (Zeile 3)."]


def test_an_event_ending_before_it_begins_is_reported(tmp_path):
    doc = document(tmp_path, "t.yml", "id: t\ndatum: 2026-03-05\nbis_datum: 2026-03-01\nonline: ja\n")
    assert messages(rules.check({Kind.EVENTS: [doc]})) == [
        "t.yml:3:bis_datum: „bis_datum“ (2026-03-01) liegt vor „datum“ (2026-03-05)."]


def test_part_of_must_not_lead_in_a_circle(tmp_path):
    a = document(tmp_path, "a.yml", "id: a\nteil_von: b\n")
    b = document(tmp_path, "b.yml", "id: b\nteil_von: a\n")
    c = document(tmp_path, "c.yml", "id: c\nteil_von: a\n")  # leads into the circle but is not part of it
    found = messages(rules.check({Kind.REGIONS: [a, b, c]}))
    assert found == ["a.yml:2:teil_von: „teil_von“ führt im Kreis: a → b → a. Bitte lösen Sie den Kreis auf.",
                     "b.yml:2:teil_von: „teil_von“ führt im Kreis: b → a → b. Bitte lösen Sie den Kreis auf."]


def test_ids_that_would_replace_an_overview_page_are_reserved(tmp_path):
    doc = document(tmp_path, "index.yml", "id: index\n")
    [problem] = rules.ids_match_file_names([doc])
    assert "reserviert" in problem.message


def test_a_copy_of_a_provider_file_is_not_told_to_take_the_name_of_the_original(tmp_path):
    document(tmp_path, "caritas.yml", "id: caritas\n")
    copy = document(tmp_path, "caritas - Kopie.yml", "id: caritas\n")
    [message] = messages(rules.ids_match_file_names([copy]))
    assert "„caritas.yml“ gibt es schon" in message and "um." not in message and "„caritas - Kopie“" not in message


def test_a_place_reference_says_whether_the_address_list_is_empty_or_missing(tmp_path):
    empty = document(tmp_path, "a.yml", "id: a\nadressen: []\nangebote:\n  - id: a-b\n    orte: [haus]\n")
    missing = document(tmp_path, "b.yml", "id: b\nangebote:\n  - id: b-b\n    orte: [haus]\n")
    [said_empty] = rules.offering_places(empty)
    [said_missing] = rules.offering_places(missing)
    assert said_empty.message.endswith("Vorhandene Adresskennungen: keine (die Liste „adressen“ ist leer).")
    assert said_missing.message.endswith("Vorhandene Adresskennungen: keine (das Feld „adressen“ fehlt).")
