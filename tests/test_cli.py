"""The wegweiser command: validate, new, build."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
import yaml

from conftest import FIXTURES, SCHEMAS, mkdocs_config
from generator import cli


def run(*args: str) -> int:
    return cli.main(["--schemas", str(SCHEMAS), *args])


def test_validate_says_all_is_well_and_exits_0(site_copy, capsys):
    assert run("--content", str(site_copy), "validate") == 0
    assert "Alle Einträge sind in Ordnung." in capsys.readouterr().err


def test_validate_prints_every_problem_and_exits_1(site_copy, capsys, monkeypatch):
    for name in ("unbekanntes-thema", "falsche-plz"):
        shutil.copyfile(FIXTURES / "invalid" / "traeger" / f"{name}.yml", site_copy / "traeger" / f"{name}.yml")
    monkeypatch.chdir(site_copy.parent)

    assert run("--content", "content", "validate") == 1

    out, err = capsys.readouterr()
    assert out.splitlines()[0].startswith("content/traeger/falsche-plz.yml:7:10: 1. Adresse › plz: ")
    assert out.splitlines()[1].startswith(
        "content/traeger/unbekanntes-thema.yml:13:14: 1. Angebot › themen, 1. Eintrag: ")
    assert "2 Probleme in 2 Dateien gefunden." in err


def test_validate_with_paths_reports_only_those_files(site_copy, capsys, monkeypatch):
    for name in ("unbekanntes-thema", "falsche-plz"):
        shutil.copyfile(FIXTURES / "invalid" / "traeger" / f"{name}.yml", site_copy / "traeger" / f"{name}.yml")
    monkeypatch.chdir(site_copy.parent)

    assert run("--content", "content", "validate", "content/traeger/falsche-plz.yml") == 1
    out = capsys.readouterr().out
    assert "falsche-plz.yml" in out and "unbekanntes-thema.yml" not in out

    assert run("--content", "content", "validate", "content/regionen") == 0


def test_validate_of_a_missing_path_exits_2(site_copy, capsys):
    assert run("--content", str(site_copy), "validate", str(site_copy / "gibt-es-nicht.yml")) == 2
    assert "nicht gefunden" in capsys.readouterr().err


def test_validate_from_a_folder_of_the_repository_finds_its_mkdocs_yml(site_copy, capsys, monkeypatch):
    mkdocs_config(site_copy, site_copy.parent / "site")  # project/mkdocs.yml over project/content
    shutil.copyfile(FIXTURES / "invalid" / "traeger" / "falsche-plz.yml", site_copy / "traeger" / "falsche-plz.yml")
    monkeypatch.chdir(site_copy / "traeger")
    assert cli.main(["validate", "falsche-plz.yml"]) == 1
    assert capsys.readouterr().out.startswith("falsche-plz.yml:7:10: 1. Adresse › plz: ")


def test_a_path_outside_the_records_is_said_to_be_unchecked_not_in_order(site_copy, capsys, tmp_path):
    stray = tmp_path / "neu.yml"
    stray.write_text("id: neu\n", encoding="utf-8")
    assert run("--content", str(site_copy), "validate", str(stray)) == 2
    err = capsys.readouterr().err
    assert "wurde nicht geprüft" in err and "in Ordnung" not in err


OWN_VALUES = {"Beispiel-Beratungsstelle e. V.": "Caritas Aue", "https://www.beispiel.de": "https://www.caritas-aue.example",
              "info@beispiel.de": "info@caritas-aue.example", "beratung@beispiel.de": "beratung@caritas-aue.example",
              "03733 000000": "03733 000004", "Beispielstraße 1": "Bahnhofstraße 5",
              "Wir sind eine Beratungsstelle für Menschen": "Die Caritas in Aue berät Menschen",
              "Wir beraten Sie kostenlos": "Die Beratung ist kostenlos"}


def test_new_writes_a_commented_template_whose_example_values_must_be_replaced(site_copy, capsys):
    assert run("--content", str(site_copy), "new", "caritas-aue") == 0
    path = site_copy / "traeger" / "caritas-aue.yml"
    written = path.read_text(encoding="utf-8")
    assert written.startswith("# Vorlage für einen neuen Träger")
    assert "id: caritas-aue\n" in written and "  - id: caritas-aue-beratung\n" in written
    capsys.readouterr()
    assert run("--content", str(site_copy), "validate") == 1  # never published with the example values
    found = capsys.readouterr().out.splitlines()
    assert len(found) == 9 and all("ist der Beispielwert aus der Vorlage" in line for line in found)
    for example, own in OWN_VALUES.items():
        written = written.replace(example, own)
    path.write_text(written, encoding="utf-8")
    assert run("--content", str(site_copy), "validate") == 0


def test_new_refuses_to_overwrite_and_refuses_bad_ids(site_copy, capsys):
    assert run("--content", str(site_copy), "new", "beratung-beispiel") == 2
    assert "gibt es schon" in capsys.readouterr().err
    assert run("--content", str(site_copy), "new", "Caritas Aue") == 2
    assert "keine gültige Kennung" in capsys.readouterr().err


def test_wrong_use_exits_2(capsys):
    with pytest.raises(SystemExit) as stopped:
        run("gibt-es-nicht")
    assert stopped.value.code == 2


@pytest.mark.slow  # a subprocess or a whole build
def test_build_runs_mkdocs_strictly_and_writes_the_site(site_copy, tmp_path):
    site = tmp_path / "site"
    config = mkdocs_config(site_copy, site)
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "build", "-f", str(config)],
        capture_output=True, text=True, cwd=site_copy.parent)
    assert result.returncode == 0, result.stderr
    assert (site / "angebote" / "beratung-beispiel-suchtberatung" / "index.html").exists()


@pytest.mark.slow  # a subprocess or a whole build
def test_build_fails_on_a_broken_record_with_the_same_message_as_validate(site_copy, tmp_path):
    shutil.copyfile(FIXTURES / "invalid" / "traeger" / "falsche-plz.yml", site_copy / "traeger" / "falsche-plz.yml")
    config = mkdocs_config(site_copy, tmp_path / "site")
    built = subprocess.run([sys.executable, "-m", "generator.cli", "build", "-f", str(config)],
                           capture_output=True, text=True, cwd=site_copy.parent)
    validated = subprocess.run([sys.executable, "-m", "generator.cli", "--schemas", str(SCHEMAS),
                                "validate"], capture_output=True, text=True, cwd=site_copy.parent)
    assert built.returncode != 0 and validated.returncode == 1
    message = validated.stdout.strip()
    assert message.startswith("content/traeger/falsche-plz.yml:7:10: 1. Adresse › plz: Eine deutsche Postleitzahl")
    assert message in built.stderr
    assert not (tmp_path / "site").exists()


def test_validate_for_github_writes_annotations_and_the_full_report_to_the_summary(
        site_copy, capsys, monkeypatch, tmp_path):
    for name in ("unbekanntes-thema", "falsche-plz"):
        shutil.copyfile(FIXTURES / "invalid" / "traeger" / f"{name}.yml", site_copy / "traeger" / f"{name}.yml")
    monkeypatch.chdir(site_copy.parent)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))

    assert run("--content", "content", "validate", "--format", "github") == 1

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("::error file=content/traeger/falsche-plz.yml,line=7,col=10,"
                               "title=1. Adresse › plz::Eine deutsche Postleitzahl")
    report = summary.read_text(encoding="utf-8")
    assert "| `content/traeger/unbekanntes-thema.yml` | 13 | `1. Angebot › themen, 1. Eintrag` |" in report


def test_validate_as_json_for_tools(site_copy, capsys, monkeypatch):
    shutil.copyfile(FIXTURES / "invalid" / "traeger" / "falsche-plz.yml", site_copy / "traeger" / "falsche-plz.yml")
    monkeypatch.chdir(site_copy.parent)
    assert run("--content", "content", "validate", "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert data["anzahl"] == 1 and data["probleme"][0]["zeile"] == 7


def test_annotation_text_is_escaped_for_workflow_commands():
    from generator.problems import Problem, github_annotations
    line = github_annotations([Problem("a,b.yml", 1, 2, "x:y", "100% falsch\n::error::zweite Zeile")])
    # A line break from a record never reaches the log: it could start a command of its own.
    assert line == "::error file=a%2Cb.yml,line=1,col=2,title=x%3Ay::100%25 falsch\\u000a::error::zweite Zeile"
    assert "\n" not in line


def test_validate_shows_missing_translations_of_a_bilingual_network_as_hints_and_still_exits_0(site_copy, capsys):
    network = site_copy / "netzwerke" / "netzwerk-beispiel.yml"
    network.write_text(network.read_text(encoding="utf-8") + "arbeitssprachen: [de, cs]\n", encoding="utf-8")
    assert run("--content", str(site_copy), "validate") == 0
    err = capsys.readouterr().err
    assert "Hinweise (kein Fehler):" in err and "beratung-beispiel-suchtberatung" in err
    assert "Alle Einträge sind in Ordnung." in err
    assert run("--content", str(site_copy), "validate", "--format", "github") == 0
    assert "::warning file=" in capsys.readouterr().out


def test_validate_warns_while_the_impressum_is_a_template_and_still_exits_0(site_copy, capsys):
    config = mkdocs_config(site_copy, site_copy.parent / "site")
    assert run("--config", str(config), "validate") == 0
    err = capsys.readouterr().err
    assert "Hinweise (kein Fehler):" in err and "Alle Einträge sind in Ordnung." in err
    assert "mkdocs.yml:" in err and ": operator: Das Impressum ist noch eine Vorlage: Es fehlt operator.name" in err
    assert "„plugins: - wegweiser: operator:“" in err and "„legal_pages“" in err


def test_validate_says_nothing_about_the_impressum_once_it_is_filled_in(site_copy, capsys):
    config = mkdocs_config(site_copy, site_copy.parent / "site")
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["plugins"][0]["wegweiser"]["operator"] = {
        "name": "Hilfe im Erzgebirge e. V.", "address": "Musterstraße 1\n09456 Annaberg-Buchholz",
        "email": "wegweiser@hilfe-erzgebirge.example"}
    config.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert run("--config", str(config), "validate") == 0
    assert "Impressum" not in capsys.readouterr().err


def test_validate_for_github_shows_the_impressum_as_a_warning_annotation(site_copy, capsys, monkeypatch, tmp_path):
    config = mkdocs_config(site_copy, site_copy.parent / "site")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    assert run("--config", str(config), "validate", "--format", "github") == 0
    assert "::warning file=" in capsys.readouterr().out
