"""The operator's part of the legal pages: what each page needs, own texts from a folder,
and the hint of `wegweiser validate` while the Impressum is a template."""
from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURES
from generator import legal
from generator.settings import AccessibilitySettings, OperatorSettings, Settings, SettingsError

OWN_TEXTS = FIXTURES / "rechtliches" / "eigene-texte"


def filled() -> Settings:
    """Settings with the complete operator block of the fixture."""
    block = yaml.safe_load((FIXTURES / "rechtliches" / "betreiber.yml").read_text(encoding="utf-8"))
    return Settings(operator=OperatorSettings(**block["operator"]),
                    accessibility=AccessibilitySettings(**block["accessibility"]))


def with_folder(folder: Path) -> Settings:
    return Settings(legal_pages=str(folder))


def test_without_operator_values_every_page_says_what_it_lacks():
    lacking = {page: legal.missing(Settings(), page) for page in legal.NEEDS}
    assert lacking["imprint"] == ("operator.name", "operator.address", "operator.email")
    assert "operator.hosting" in lacking["privacy"]
    assert "accessibility.enforcement_body" in lacking["accessibility"]
    assert lacking["sign_language"] == ("operator.email",)


def test_with_the_operator_block_filled_in_no_page_lacks_anything():
    assert {page: legal.missing(filled(), page) for page in legal.NEEDS} == dict.fromkeys(legal.NEEDS, ())


def test_blank_values_count_as_missing():
    settings = dataclasses.replace(filled(), operator=OperatorSettings(name="  ", address="x", email="a@b.example"))
    assert legal.missing(settings, "imprint") == ("operator.name",)


def test_own_texts_are_read_by_page_and_language():
    own = legal.own_texts(with_folder(OWN_TEXTS))
    imprint = own.of("imprint")
    assert imprint.de.startswith("## Angaben nach § 5 DDG") and imprint.cs.startswith("## Údaje podle")
    assert imprint.lacks("en")
    assert own.of("privacy").de == "Eigene Datenschutzerklärung des Vereins."
    assert own.of("accessibility") is None


def test_without_a_folder_there_are_no_own_texts():
    assert legal.own_texts(Settings()).texts == {}


def test_an_own_imprint_fills_the_imprint():
    assert legal.unfilled_imprint(Settings()) == ("operator.name", "operator.address", "operator.email")
    assert legal.unfilled_imprint(with_folder(OWN_TEXTS)) == ()


@pytest.mark.parametrize(("make", "message"), [
    (lambda folder: (folder / "Impressum.md").write_text("x", encoding="utf-8"),
     "Zu dieser Datei gibt es keine Seite. Eigene Texte heißen wie die Seiten: barrierefreiheit.cs.md"),
    (lambda folder: (folder / "impressum.en.md").write_text("Imprint", encoding="utf-8"),
     "Es fehlt der deutsche Text impressum.md"),
    (lambda folder: (folder / "impressum.md").write_text("  \n", encoding="utf-8"),
     "Die Datei ist leer. Löschen Sie sie, dann gilt die Vorlage."),
    (lambda folder: (folder / "impressum.md").write_bytes("Straße".encode("latin-1")),
     "nicht in UTF-8"),
    (lambda folder: (folder / "impressum.md").symlink_to("/etc/hostname"),
     "keine einfache Datei (vielleicht eine Verknüpfung)"),
], ids=["unknown-name", "translation-without-german", "empty", "not-utf-8", "link"])
def test_a_wrong_file_among_the_own_texts_is_a_clear_settings_error(tmp_path, make, message):
    make(tmp_path)
    with pytest.raises(SettingsError, match=re.escape(message)):
        legal.own_texts(with_folder(tmp_path))


def test_a_missing_folder_says_how_to_go_on(tmp_path):
    with pytest.raises(SettingsError, match="Diesen Ordner gibt es nicht.*löschen Sie die Zeile „legal_pages“"):
        legal.own_texts(with_folder(tmp_path / "gibt-es-nicht"))


def test_hidden_files_and_a_readme_may_lie_beside_the_own_texts(tmp_path):
    shutil.copytree(OWN_TEXTS, tmp_path / "texte")
    (tmp_path / "texte" / ".gitkeep").write_text("", encoding="utf-8")
    (tmp_path / "texte" / "README.md").write_text("Hier liegen unsere Texte.", encoding="utf-8")
    assert legal.own_texts(with_folder(tmp_path / "texte")).of("imprint") is not None


def test_the_hint_of_validate_points_at_the_operator_block_and_says_what_to_do(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: T\nplugins:\n  - wegweiser:\n      operator:\n        phone: 0371 1\n",
                      encoding="utf-8")
    [hint] = legal.imprint_hints(Settings(), config)
    assert (hint.line, hint.field) == (4, "operator")
    assert hint.path.endswith("mkdocs.yml")
    assert hint.message.startswith("Das Impressum ist noch eine Vorlage: Es fehlt operator.name, operator.address, "
                                   "operator.email.")
    assert "„legal_pages“" in hint.message and "impressum.md" in hint.message


def test_without_an_operator_block_the_hint_points_at_the_plugin(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: T\nplugins:\n  - search\n  - wegweiser:\n      demo_notice: true\n",
                      encoding="utf-8")
    assert legal.imprint_hints(Settings(), config)[0].line == 4


def test_a_filled_imprint_gives_no_hint(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: T\n", encoding="utf-8")
    assert legal.imprint_hints(filled(), config) == []
    assert legal.imprint_hints(with_folder(OWN_TEXTS), config) == []
