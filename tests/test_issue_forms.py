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
    """A new vocabulary term must reach the forms: run `wegweiser formulare`."""
    for name, text in issue_forms.forms(vocabularies()).items():
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


def test_a_submitted_body_is_read_back_by_label():
    given = issue_forms.answers((FIXTURES / "formulare" / "neuer-traeger.md").read_text(encoding="utf-8"))
    assert given["Name des Angebots"] == "Schuldnerberatung Sonnenschein"
    assert given["Kennung Ihres Trägers (falls schon im Verzeichnis)"] == ""
    assert issue_forms.ticked(given["Themen"]) == ["Schulden", "Existenzsicherung und Sozialleistungen"]
