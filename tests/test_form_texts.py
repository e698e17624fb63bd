"""What `wegweiser formular` says (generator/form_texts.py): one comment with every problem
and note, and a pull request whose title and description name the change."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from generator.form_reading import Proposal
from generator.form_texts import comment, pull_request


def existing() -> Proposal:
    return Proposal(Path("traeger/caritas-rhein-berg.yml"), "caritas-rhein-berg", False, offering_id="caritas-x",
                    address={"id": "neu-3", "strasse": "@user #1", "plz": "51465", "ort": "Bergisch Gladbach"},
                    address_new=True)


def test_a_change_to_an_existing_provider_says_so_in_title_and_description():
    title, text = pull_request(existing(), ["Ein Hinweis."])
    assert title == "Änderung am Träger caritas-rhein-berg: neues Angebot „caritas-x“"
    assert "**Ändert die Datei eines vorhandenen Trägers:** `content/traeger/caritas-rhein-berg.yml`" in text
    assert "- Anschrift: neue Anschrift `neu-3`: `@user #1, 51465 Bergisch Gladbach`\n" in text
    assert "- Zuständig für: keine Region.\n" in text and "- Ein Hinweis.\n" in text


def test_a_new_provider_is_named_as_new():
    proposal = Proposal(Path("traeger/neu.yml"), "neu", True, offering_id="neu-angebot")
    title, text = pull_request(proposal, [])
    assert title == "Neuer Träger „neu“ mit dem Angebot „neu-angebot“"
    assert text.startswith("Legt einen neuen Träger an: `content/traeger/neu.yml`.") and "Hinweise" not in text


def test_problems_and_notes_come_in_one_comment():
    text = comment(["Problem eins.", "Problem zwei."], ["Hinweis."], existing())
    assert text.index("- Problem eins.") < text.index("- Problem zwei.") < text.index("- Hinweis.")
    assert "Außerdem ist uns aufgefallen:" in text and "„Edit“" in text


def test_an_accepted_form_gets_its_notes_too():
    text = comment([], ["Hinweis."], existing())
    assert "einen Vorschlag" in text and "Bitte beachten Sie:\n\n- Hinweis.\n" in text


def test_regions_from_the_town_for_a_form_without_the_regions_field_are_corrected_by_a_comment():
    proposal = existing()
    proposal.regions = [SimpleNamespace(id="erzgebirgskreis", name={"de": "Erzgebirgskreis"})]
    proposal.regions_derived, proposal.regions_field = True, False
    text = comment([], [], proposal)
    assert "Zuständig für: „Erzgebirgskreis“ (aus dem Ort abgeleitet). Wenn das nicht stimmt, schreiben Sie uns " \
           "bitte in einem Kommentar" in text and "ankreuzen" not in text and "kreuzen Sie" not in text
