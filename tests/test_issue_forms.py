"""GitHub issue forms: generated from the vocabularies, read back from submitted bodies."""
from __future__ import annotations

import pytest

import subprocess
import sys

from conftest import FIXTURES, REPO, prepared
from generator import issue_forms

FORMS = REPO / ".github" / "ISSUE_TEMPLATE"


def vocabularies():
    return prepared(REPO / "content").vocabularies


def test_the_committed_forms_are_the_generated_ones():
    """A new vocabulary term or region must reach the forms: run `wegweiser formulare`."""
    content = prepared(REPO / "content")
    for name, text in issue_forms.forms(content.vocabularies, content.directory.regions).items():
        assert (FORMS / name).read_text(encoding="utf-8") == text, name


@pytest.mark.slow  # a subprocess or a whole build
def test_the_forms_pass_githubs_issue_form_schema():
    forms = [str(FORMS / n) for n in (issue_forms.NEW_OFFERING, issue_forms.CORRECTION, issue_forms.BUG)]
    config = [str(FORMS / "config.yml")]
    for schema, files in (("vendor.github-issue-forms", forms), ("vendor.github-issue-config", config)):
        result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *files],
                                capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_dropdowns_and_checkboxes_offer_every_term_of_their_vocabulary():
    text = (FORMS / issue_forms.NEW_OFFERING).read_text(encoding="utf-8")
    for term in vocabularies()["themen"].terms.values():
        assert f"label: {term.de}" in text or f"label: '{term.de}'" in text


def fields():
    return [*issue_forms.new_offering_fields(prepared(REPO / "content").directory.regions), issue_forms.CONSENT_FIELD]


def body(name: str) -> str:
    return (FIXTURES / "formulare" / f"{name}.md").read_text(encoding="utf-8")


def test_a_submitted_body_is_read_back_by_label():
    reading = issue_forms.read(body("neuer-traeger"), fields(), vocabularies())
    assert reading.answers["angebot_name"] == "Schuldnerberatung Sonnenschein"
    assert reading.answers["traeger_kennung"] == ""
    assert reading.ticks["themen"] == ["Schulden", "Existenzsicherung und Sozialleistungen"]
    assert reading.problems == [] and reading.notes == []


def test_a_heading_inside_an_answer_is_answer_text():
    reading = issue_forms.read(body("ueberschrift-in-beschreibung"), fields(), vocabularies())
    assert reading.answers["beschreibung"].endswith("### Ablauf\n\nErst ein Termin, dann die Beratung.")
    assert reading.answers["leichte_sprache"] == "" and reading.problems == []


def test_a_heading_of_an_earlier_field_inside_an_answer_cannot_fill_that_field():
    reading = issue_forms.read(body("kennung-in-beschreibung"), fields(), vocabularies())
    assert reading.answers["traeger_kennung"] == ""
    description = reading.answers["beschreibung"]
    assert "### Kennung Ihres Trägers (falls schon im Verzeichnis)\n\ncaritas-rhein-berg" in description
    assert reading.problems == []


def test_a_heading_of_the_next_field_inside_an_answer_is_reported_not_guessed():
    text = body("neuer-traeger").replace(
        "Die Beratung ist kostenlos.\n", "Die Beratung ist kostenlos.\n\n### In Leichter Sprache (freiwillig)\n\nJa.\n")
    reading = issue_forms.read(text, fields(), vocabularies())
    assert [field_id for field_id, _ in reading.problems] == ["leichte_sprache"]
    assert "mehr als einmal" in reading.problems[0][1]


def test_a_refused_heading_inside_an_answer_quotes_no_placeholder_for_an_empty_answer():
    """The description holds the next headings; the real sections after it are empty."""
    reading = issue_forms.read(body("ueberschrift-der-naechsten-frage"), fields(), vocabularies())
    assert [field_id for field_id, _ in reading.problems] == ["leichte_sprache", "themen"]
    assert reading.notes == []  # not the headings or the placeholder as "text not taken over"
    assert not any(issue_forms.NO_RESPONSE in answer for answer in reading.answers.values())


def test_a_body_that_is_not_the_form_is_reported():
    text = body("neuer-traeger").replace("### Themen\n", "### Thema\n")
    reading = issue_forms.read("Vorweg ein Gruß.\n\n" + text, fields(), vocabularies())
    assert [field_id for field_id, _ in reading.problems] == ["themen"]
    assert reading.answers["themen"] == "" and "Vorweg" not in reading.answers["traeger_kennung"]
    assert reading.notes == ["Der Text vor der ersten Überschrift des Formulars wurde nicht übernommen."]


def test_answers_the_form_does_not_offer_are_reported():
    text = body("neuer-traeger").replace("- [X] Schulden\n", "- [X] Schulden\n- [X] Astrologie\nirgendwas\n")
    text = text.replace("### Kosten\n\nKostenlos", "### Kosten\n\nGratis")
    text = text.replace("### Postleitzahl\n\n09366", "### Postleitzahl\n\n09366\n09367")
    reading = issue_forms.read(text, fields(), vocabularies())
    assert reading.ticks["themen"] == ["Schulden", "Existenzsicherung und Sozialleistungen"]
    assert [field_id for field_id, _ in reading.problems] == ["plz", "kosten"]
    assert len(reading.notes) == 2 and "`Astrologie`" in reading.notes[0] and "`irgendwas`" in reading.notes[1]


def test_a_body_from_the_form_before_the_regions_field_reads_with_that_answer_empty():
    reading = issue_forms.read(body("altes-formular-ohne-regionen"), fields(), vocabularies())
    assert reading.problems == [] and reading.notes == []
    assert reading.absent == ["regionen"] and reading.answers["regionen"] == ""
    assert reading.answers["sprechzeiten"] == "Di und Do 9 bis 12 Uhr,\nsonst nach Vereinbarung"


def test_a_regions_heading_out_of_its_place_is_no_section_and_is_reported():
    old = body("altes-formular-ohne-regionen")
    moved = old.replace("### Kosten\n", "### Zuständig für (Regionen)\n\n- [X] Erzgebirgskreis\n\n### Kosten\n")
    reading = issue_forms.read(moved, fields(), vocabularies())
    assert [field_id for field_id, _ in reading.problems] == ["regionen"] and reading.absent == []
    assert "fehlt oder steht an anderer Stelle" in reading.problems[0][1]
    assert reading.ticks.get("regionen", []) == []


def test_a_regions_heading_inside_an_earlier_answer_stays_text():
    text = body("neuer-traeger").replace(
        "Die Beratung ist kostenlos.\n", "Die Beratung ist kostenlos.\n\n### Zuständig für (Regionen)\n\nAue\n")
    text = text.replace("- [ ] Beispielstadt", "- [X] Erzgebirgskreis")
    reading = issue_forms.read(text, fields(), vocabularies())
    assert reading.problems == [] and reading.absent == [] and reading.ticks["regionen"] == ["Erzgebirgskreis"]
    assert reading.answers["beschreibung"].endswith("### Zuständig für (Regionen)\n\nAue")


def test_an_unknown_heading_where_the_regions_section_was_is_answer_text_not_that_section():
    old = body("altes-formular-ohne-regionen")
    text = old.replace("### Sprechzeiten\n", "### Regionen\n\n- [X] Erzgebirgskreis\n\n### Sprechzeiten\n")
    reading = issue_forms.read(text, fields(), vocabularies())
    assert reading.absent == ["regionen"] and reading.ticks.get("regionen", []) == []
    assert any("`### Regionen`" in note for note in reading.notes)  # under "Wo findet …", not taken over


def test_contributing_names_every_question_of_the_new_offering_form_and_an_empty_regions_answer():
    text = " ".join((REPO / "CONTRIBUTING.md").read_text(encoding="utf-8").split())
    for item in fields():
        assert f"„{item.label}“" in text, item.label
    assert "„Zuständig für (Regionen)“:** Kreuzen Sie nichts an, nehmen wir das kleinste Gebiet, in dem der Ort " \
           "liegt." in text
