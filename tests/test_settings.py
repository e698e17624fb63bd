"""Settings declared once: defaults, paths relative to mkdocs.yml, MkDocs' own check."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from conftest import REPO, SCHEMAS
from generator import config, settings


def test_without_mkdocs_yml_the_defaults_apply():
    found = settings.from_mkdocs_yml(Path("gibt-es-nicht.yml"))
    assert found == settings.Settings()
    assert found.geocache_file == Path("content") / "geocache.json"


def test_the_repositorys_mkdocs_yml_is_read_the_way_mkdocs_reads_it():
    found = settings.from_mkdocs_yml(REPO / "mkdocs.yml")
    assert Path(found.content) == REPO / "content" and Path(found.schemas) == REPO / "schemas"
    assert found.use_directory_urls is True
    assert found.maps.tile_host == "tile.openstreetmap.org"
    assert found.german_site_name == "Wegweiser – Hilfe und Beratung in Ihrer Region"  # site_name


def test_every_setting_is_an_option_of_the_plugin_with_the_same_default():
    options = dict(config.WegweiserConfig()._schema)
    for field in dataclasses.fields(settings.Settings):
        assert (field.name in options) == ("mkdocs" not in field.metadata), field.name
    plugin = config.WegweiserConfig()
    plugin.load_dict({"schemas": str(SCHEMAS)})
    assert not plugin.validate()[0]
    assert settings.Settings.from_plugin(plugin, _MkDocs()) == settings.Settings(schemas=str(SCHEMAS))
    maps = dict(options["maps"].config_class()._schema)
    assert set(maps) == {f.name for f in dataclasses.fields(settings.MapSettings)}


class _MkDocs:
    """The MkDocs settings the plugin reads, as MkDocs gives them for a mkdocs.yml here."""

    config_file_path = "mkdocs.yml"
    docs_dir = "content"
    use_directory_urls = True
    site_url = None
    site_name = None


def test_a_wrong_value_in_mkdocs_yml_is_refused_by_mkdocs(tmp_path):
    (tmp_path / "docs").mkdir()
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: T\nplugins:\n  - wegweiser:\n      schemas: {SCHEMAS}\n      maps:\n"
                    "        max_zoom: viel\n", encoding="utf-8")
    with pytest.raises(settings.SettingsError):
        settings.from_mkdocs_yml(path)


def _mkdocs_yml(tmp_path, block: str) -> Path:
    """A mkdocs.yml whose wegweiser block holds the given lines (indented as there)."""
    (tmp_path / "docs").mkdir(exist_ok=True)
    path = tmp_path / "mkdocs.yml"
    path.write_text(f"site_name: T\nplugins:\n  - wegweiser:\n      schemas: {SCHEMAS}\n{block}", encoding="utf-8")
    return path


def test_the_commented_operator_example_of_the_repositorys_mkdocs_yml_is_valid_when_uncommented(tmp_path):
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    start = text.index("      # operator:\n")
    lines = text[start:text.index("      # legal_pages:", start)].splitlines()
    block = "".join(line.replace("      # ", "      ", 1) + "\n" for line in lines)
    found = settings.from_mkdocs_yml(_mkdocs_yml(tmp_path, block))
    assert found.operator.address == "Musterstraße 1\n09999 Beispielstadt\n"
    assert found.accessibility.statement_date == "2026-01-15"  # YAML's date, kept as text
    assert found.accessibility.compliance == "partial"


@pytest.mark.parametrize(("block", "message"), [
    ("      accessibility:\n        statement_date: 15.01.2026\n",
     "wegweiser: accessibility.statement_date: „15.01.2026“ ist kein Datum in der Form JJJJ-MM-TT"),
    ("      accessibility:\n        dgs_video: http://video.example/dgs\n",
     "wegweiser: accessibility.dgs_video: „http://video.example/dgs“ ist keine Internetadresse mit https://"),
    ("      accessibility:\n        enforcement_url: www.schlichtungsstelle-bgg.de\n",
     "wegweiser: accessibility.enforcement_url: „www.schlichtungsstelle-bgg.de“ ist keine Internetadresse"),
    ("      operator:\n        email: wegweiser at beispiel.example\n",
     "wegweiser: operator.email: „wegweiser at beispiel.example“ ist keine E-Mail-Adresse."),
    ("      editorial_email: Redaktion <redaktion@beispiel.example>\n",
     "wegweiser: editorial_email: „Redaktion <redaktion@beispiel.example>“ ist keine gültige E-Mail-Adresse. "
     "Bitte geben Sie nur die Adresse an, ohne Namen, Leerzeichen und spitze Klammern, z. B. redaktion@beispiel.de."),
    ("      editorial_email: redaktion@beispiel\n",
     "wegweiser: editorial_email: „redaktion@beispiel“ ist keine gültige E-Mail-Adresse."),
], ids=["date", "video", "enforcement-url", "email", "editorial-email-with-name", "editorial-email-without-domain"])
def test_a_wrong_operator_value_is_refused_with_a_message_that_says_what_is_wrong(tmp_path, block, message):
    with pytest.raises(settings.SettingsError, match=re.escape(message)):
        settings.from_mkdocs_yml(_mkdocs_yml(tmp_path, block))


def test_a_compliance_level_outside_the_three_is_refused_by_mkdocs(tmp_path):
    with pytest.raises(settings.SettingsError):
        settings.from_mkdocs_yml(_mkdocs_yml(tmp_path, "      accessibility:\n        compliance: meistens\n"))


def test_the_editorial_address_and_mkdocs_site_url_are_read_for_the_e_mail_to_the_editors(tmp_path):
    path = _mkdocs_yml(tmp_path, "      editorial_email: redaktion@beispiel-verzeichnis.de\n")
    path.write_text("site_url: https://wegweiser.example/verzeichnis/\n" + path.read_text(encoding="utf-8"),
                    encoding="utf-8")
    found = settings.from_mkdocs_yml(path)
    assert found.editorial_email == "redaktion@beispiel-verzeichnis.de"
    assert found.site_url == "https://wegweiser.example/verzeichnis/"
    assert settings.from_mkdocs_yml(REPO / "mkdocs.yml").editorial_email  # the example shows the link
