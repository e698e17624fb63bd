"""A submitted "Neues Angebot eintragen" form becomes a valid provider file, or an answer
that says what is missing; bodies are real issue-form Markdown (tests/fixtures/formulare/)."""
from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, SCHEMAS, prepared, problems_of
from generator import cli
from test_reminders import HOSTILE, assert_only_as_code

BODIES = FIXTURES / "formulare"


def submit(project, name, capsys, *extra):
    code = cli.main(["--content", str(project), "--schemas", str(SCHEMAS), "formular", "--heute", "2026-11-22",
                     str(BODIES / f"{name}.md"), *extra])
    return code, capsys.readouterr().out


def valid(project) -> bool:
    return problems_of(project) == ()


def test_a_complete_form_for_a_new_provider_becomes_a_new_valid_file(site_copy, capsys):
    code, out = submit(site_copy, "neuer-traeger", capsys)
    assert code == 0
    info = json.loads(out)
    assert info["neuer_traeger"] is True
    written = (site_copy / "traeger" / "beratungsstelle-sonnenschein-e-v.yml").read_text(encoding="utf-8")
    assert "    themen:\n      - schulden\n      - existenzsicherung\n" in written
    assert "zuletzt_geprueft: '2026-11-22'" in written and "sprachen:\n      - de\n      - ru\n" in written
    assert valid(site_copy)


def test_a_form_for_an_existing_provider_adds_the_offering_to_its_file(site_copy, capsys):
    before = (site_copy / "traeger" / "beratung-beispiel.yml").read_text(encoding="utf-8")
    code, out = submit(site_copy, "vorhandener-traeger", capsys)
    assert code == 0 and json.loads(out)["angebot"] == "beratung-beispiel-online-gruppe-fuer-angehoerige"
    directory = prepared(site_copy).directory
    organisation = directory.organisation("beratung-beispiel")
    assert len(organisation.offerings) == before.count("  - id: beratung-beispiel-") + 1
    assert organisation.offerings[-1].online


def test_an_incomplete_form_is_answered_with_everything_missing_and_writes_nothing(site_copy, capsys, tmp_path):
    files = sorted(p.name for p in (site_copy / "traeger").iterdir())
    comment = tmp_path / "kommentar.md"
    code, _ = submit(site_copy, "unvollstaendig", capsys, "--kommentar", str(comment))
    assert code == 1
    text = comment.read_text(encoding="utf-8")
    for expected in ("„Veröffentlichung“", "„Name des Angebots“", "„Themen“", "Postleitzahl und Ort",
                     "Telefonnummer oder eine E-Mail-Adresse", "„Art der Organisation“"):
        assert expected in text
    assert sorted(p.name for p in (site_copy / "traeger").iterdir()) == files


def test_wrong_values_are_named_by_their_form_label(site_copy, capsys):
    code, out = submit(site_copy, "falsche-werte", capsys)
    assert code == 1
    assert "- „Telefon“: `Bitte geben Sie eine Telefonnummer mit Vorwahl an" in out
    assert "- „Postleitzahl“: `Eine deutsche Postleitzahl hat genau fünf Ziffern" in out
    assert "- „Internetseite des Angebots“: `Bitte geben Sie eine vollständige Internetadresse an" in out


def test_hostile_answers_stay_plain_text_in_a_valid_file(site_copy, capsys):
    code, out = submit(site_copy, "feindlich", capsys)
    assert code == 0
    directory = prepared(site_copy).directory
    organisation = next(o for o in directory.organisations if o.id.startswith("script"))
    assert str(organisation.name) == "</script><script>alert(1)</script> ${alert(2)}"
    assert organisation.offerings[0].id.endswith("name-gekapert-id-boese")  # one offering, no injected keys
    assert "!!python" in organisation.offerings[0].description.de  # kept as text, never a tag


def test_a_czech_shelter_gets_a_confidential_address_without_street(site_copy, capsys):
    code, out = submit(site_copy, "tschechisch-vertraulich", capsys)
    assert code == 0
    directory = prepared(site_copy).directory
    [address] = directory.organisation("azylovy-dum-usti").addresses
    assert (address.country, address.town, address.street, address.confidential) == ("CZ", "Ústí nad Labem", "", True)
    written = (site_copy / "traeger" / "azylovy-dum-usti.yml").read_text(encoding="utf-8")
    assert "strasse" not in written and "vertraulich: ja" in written


@pytest.mark.parametrize("name", ["neuer-traeger", "vorhandener-traeger", "tschechisch-vertraulich"])
def test_every_accepted_form_leaves_the_whole_directory_valid(site_copy, capsys, name):
    assert submit(site_copy, name, capsys)[0] == 0
    assert valid(site_copy)


def test_long_names_still_give_an_id_within_the_limit(site_copy, capsys, tmp_path):
    body = (BODIES / "neuer-traeger.md").read_text(encoding="utf-8")
    body = body.replace("Beratungsstelle Sonnenschein e. V.", "Gemeinnützige Beratungs- und Begegnungsstätte " * 3)
    body = body.replace("Schuldnerberatung Sonnenschein", "Schuldner- und Insolvenzberatung mit Hausbesuchen " * 3)
    (tmp_path / "lang.md").write_text(body, encoding="utf-8")
    code = cli.main(["--content", str(site_copy), "--schemas", str(SCHEMAS), "formular", "--heute", "2026-11-22",
                     str(tmp_path / "lang.md")])
    assert code == 0
    assert len(json.loads(capsys.readouterr().out)["angebot"]) <= 80


def test_submitted_values_in_the_comment_are_code_that_mentions_and_links_no_one(site_copy, capsys, tmp_path):
    comment = tmp_path / "kommentar.md"
    assert submit(site_copy, "erwaehnungen", capsys, "--kommentar", str(comment))[0] == 1
    text = comment.read_text(encoding="utf-8")
    for submitted in ("#1 @org/team ``", "@user &commat;user &#64;user", "[x](https://evil.example) <img src=x"):
        assert_only_as_code(text, submitted)
    assert "- „Telefon“: `" in text  # the form's own label stays plain


@pytest.mark.parametrize("text", HOSTILE)
def test_an_unknown_provider_id_is_repeated_only_as_code(site_copy, capsys, tmp_path, text):
    body = (BODIES / "neuer-traeger.md").read_text(encoding="utf-8").replace(
        "### Kennung Ihres Trägers (falls schon im Verzeichnis)\n\n_No response_",
        f"### Kennung Ihres Trägers (falls schon im Verzeichnis)\n\nx {text}", 1)
    (tmp_path / "formular.md").write_text(body, encoding="utf-8")
    code = cli.main(["--content", str(site_copy), "--schemas", str(SCHEMAS), "formular", "--heute", "2026-11-22",
                     str(tmp_path / "formular.md"), "--kommentar", str(tmp_path / "kommentar.md")])
    assert code == 1
    text_in_comment = (tmp_path / "kommentar.md").read_text(encoding="utf-8")
    assert "Einen Träger mit der Kennung `" in text_in_comment
    assert_only_as_code(text_in_comment, f"x {text}")


def test_an_existing_provider_file_ending_in_yaml_gets_the_offering(site_copy, capsys):
    (site_copy / "traeger" / "beratung-beispiel.yml").rename(site_copy / "traeger" / "beratung-beispiel.yaml")
    code, out = submit(site_copy, "vorhandener-traeger", capsys)
    assert code == 0 and json.loads(out)["datei"].endswith("traeger/beratung-beispiel.yaml")
    assert not (site_copy / "traeger" / "beratung-beispiel.yml").exists()
    assert valid(site_copy)
