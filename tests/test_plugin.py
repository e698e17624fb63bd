"""End to end: MkDocs with the wegweiser plugin builds the small fixture site."""
from __future__ import annotations

import json
import logging
import re
import shutil

import pytest
from mkdocs.exceptions import Abort, PluginError

from conftest import FIXTURES, REPO, SCHEMAS, build, crawl, linked_on_purpose, mkdocs_config
from generator import geocoding_cli, pipeline, plugin

pytestmark = pytest.mark.slow  # every test here runs a whole MkDocs build


@pytest.fixture
def built(site_copy, tmp_path):
    site = tmp_path / "site"
    build(mkdocs_config(site_copy, site))
    return site


def html_pages(site):
    """The site's pages; the map documents in karten/ are embedded in them."""
    return sorted(p for p in site.rglob("*.html") if "karten" not in p.parts)


def test_every_page_is_reachable_from_the_start_page_and_no_link_is_broken(built):
    reachable, broken = crawl(built)
    assert broken == []
    generated = linked_on_purpose(p for p in html_pages(built) if p.name == "index.html") - {
        (built / "search" / "index.html").resolve()}
    assert generated - reachable == set()


def test_records_are_pages_not_published_yaml(built):
    assert list(built.rglob("*.yml")) == []
    assert (built / "angebote" / "beratung-beispiel-suchtberatung" / "index.html").exists()
    assert (built / "traeger" / "beratung-beispiel" / "index.html").exists()


def test_entry_pages_stay_out_of_the_navigation(built):
    start = (built / "index.html").read_text(encoding="utf-8")
    assert "angebote/beratung-beispiel-suchtberatung/" not in start.split('class="md-content"')[0]


def test_the_demo_notice_is_on_every_page_in_its_language(built):
    notices = {"de": "Beispielverzeichnis:</strong> Die Namen", "cs": "Ukázkový adresář:</strong> Názvy",
               "en": "Sample directory:</strong> the names"}
    for page in html_pages(built):
        language = page.relative_to(built).parts[0] if page.relative_to(built).parts[0] in ("cs", "en") else "de"
        assert notices[language] in page.read_text(encoding="utf-8"), page


def test_the_demo_notice_can_be_switched_off(site_copy, tmp_path):
    site = tmp_path / "ohne-hinweis"
    build(mkdocs_config(site_copy, site, demo_notice=False))
    assert "Demonstrationsdaten" not in (site / "index.html").read_text(encoding="utf-8")


def test_pages_load_nothing_from_other_hosts(built):
    for page in html_pages(built):
        text = page.read_text(encoding="utf-8")
        for match in re.finditer(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="([^"]+)"', text):
            assert not re.match(r"(https?:)?//", match.group(1)), (page, match.group(1))


def test_a_hostile_name_is_escaped_in_the_title_tag(built):
    page = (built / "angebote" / "feindliche-werte-angebot" / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "<script>" not in title and "&lt;script&gt;alert(2)&lt;/script&gt;" in title


def test_a_broken_record_stops_the_build_and_leaves_the_previous_site_untouched(site_copy, tmp_path, caplog):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("vorherige Seite", encoding="utf-8")
    for name in ("unbekanntes-thema", "falsche-plz"):
        shutil.copyfile(FIXTURES / "invalid" / "traeger" / f"{name}.yml", site_copy / "traeger" / f"{name}.yml")

    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build(mkdocs_config(site_copy, site))

    logged = [r.getMessage() for r in caplog.records]
    assert "2 Probleme in 2 Dateien gefunden. Die Seite wurde nicht erstellt." in logged
    assert any("unbekanntes-thema.yml:13:14: 1. Angebot › themen, 1. Eintrag: „suchtt“" in m for m in logged)
    assert any("falsche-plz.yml:7:10: 1. Adresse › plz: Eine deutsche Postleitzahl" in m for m in logged)
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "vorherige Seite"


def test_two_builds_of_the_same_content_are_byte_identical(site_copy, tmp_path):
    first, second = tmp_path / "eins", tmp_path / "zwei"
    build(mkdocs_config(site_copy, first))
    build(mkdocs_config(site_copy, second))
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    assert any(str(f).startswith("karten/") for f in files)
    for name in files:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_languages_built_beside_the_german_site_equal_those_built_after_it(site_copy, tmp_path, monkeypatch):
    beside, after = tmp_path / "nebenher", tmp_path / "danach"
    monkeypatch.setattr(plugin, "can_build_beside", lambda: True)
    build(mkdocs_config(site_copy, beside))
    monkeypatch.setattr(plugin, "can_build_beside", lambda: False)
    build(mkdocs_config(site_copy, after))
    files = sorted(p.relative_to(beside) for p in beside.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(after) for p in after.rglob("*") if p.is_file())
    assert {"cs", "en"} <= {f.parts[0] for f in files}
    for name in files:
        assert (beside / name).read_bytes() == (after / name).read_bytes(), name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["danach", "nebenher", "project"]


def test_the_open_data_files_are_made_once_for_every_language(site_copy, tmp_path, monkeypatch):
    made = []
    real = pipeline.open_data_files
    monkeypatch.setattr(pipeline, "open_data_files", lambda *args: made.append(args) or real(*args))
    monkeypatch.setattr(plugin, "can_build_beside", lambda: False)  # all in this process, to be counted
    build(mkdocs_config(site_copy, tmp_path / "site"))
    assert len(made) == 1
    assert (tmp_path / "site" / "daten").is_dir() and (tmp_path / "site" / "cs" / "offene-daten").is_dir()


def rendering_fails_in(broken: str, monkeypatch) -> None:
    """The render stage fails for one language, as a fault in a template would; the
    languages are built beside the German one (an earlier test may have left a thread)."""
    real_build = pipeline.build

    def build_or_fail(prepared, settings, language="de", data_files=None, reuse=None):
        if language == broken:
            raise ValueError("Vorlage kaputt")
        return real_build(prepared, settings, language, data_files, reuse)

    monkeypatch.setattr(pipeline, "build", build_or_fail)
    monkeypatch.setattr(plugin, "can_build_beside", lambda: True)


def test_when_german_fails_after_the_languages_started_nothing_is_written(site_copy, tmp_path, monkeypatch):
    rendering_fails_in("de", monkeypatch)
    with pytest.raises(ValueError, match="Vorlage kaputt"):
        build(mkdocs_config(site_copy, tmp_path / "site"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project"]


def test_a_language_that_fails_stops_the_build_and_is_not_published(site_copy, tmp_path, monkeypatch, caplog):
    rendering_fails_in("en", monkeypatch)
    site = tmp_path / "site"
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build(mkdocs_config(site_copy, site))
    assert any("Sprache en ließ sich nicht bauen" in r.getMessage() for r in caplog.records)
    assert not (site / "en").exists() and not (site / "cs").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["project", "site"]


def test_with_a_site_address_each_page_names_its_language_versions_by_whole_address(site_copy, tmp_path):
    site = tmp_path / "site"
    config = mkdocs_config(site_copy, site)
    config.write_text(config.read_text(encoding="utf-8") + "site_url: https://hilfe.example.org/wegweiser/\n",
                      encoding="utf-8")
    build(config)
    page = (site / "cs" / "themen" / "index.html").read_text(encoding="utf-8")
    base = "https://hilfe.example.org/wegweiser/"
    for code, address in (("de", "themen/"), ("cs", "cs/themen/"), ("en", "en/themen/"), ("x-default", "themen/")):
        assert f'<link rel=" alternate" hreflang="{code}" href="{base}{address}">' in page
    assert f'<link rel="canonical" href="{base}cs/themen/">' in page


def test_the_czech_and_english_not_found_pages_lead_into_their_language(built):
    for language in ("cs", "en"):
        page = (built / language / "404.html").read_text(encoding="utf-8")
        links = re.findall(r'href="(/[^"]*)"', page)
        assert links and all(link.startswith(f"/{language}/") for link in links), links
    assert 'href="/themen/"' in (built / "404.html").read_text(encoding="utf-8")


def test_record_text_never_passes_through_markdown(site_copy, tmp_path):
    organisation = site_copy / "traeger" / "beratung-beispiel.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "leichte_sprache: Sie trinken zu viel Alkohol? Wir helfen Ihnen.",
        'leichte_sprache: "Zeile eins\\n```\\n<b>fett</b> & *mehr*\\n```\\nEnde"'), encoding="utf-8")
    site = tmp_path / "site"
    build(mkdocs_config(site_copy, site))
    page = (site / "angebote" / "beratung-beispiel-suchtberatung" / "index.html").read_text(encoding="utf-8")
    assert "Zeile eins\n```\n&lt;b&gt;fett&lt;/b&gt; &amp; *mehr*\n```\nEnde" in page
    assert "<pre>" not in page.split('class="md-content"')[1]


@pytest.mark.parametrize("name, text", [
    ("seite.md", "<script>alert(1)</script>"), ("traeger/x.html", "<script>alert(1)</script>"),
    ("bild.svg", '<svg onload="alert(1)"/>'), ("traeger/GROSS.YML", "id: gross\n"),
])
def test_a_file_that_is_no_record_stops_the_build_and_is_never_published(site_copy, tmp_path, caplog, name, text):
    (site_copy / name).write_text(text, encoding="utf-8")
    site = tmp_path / "site"
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build(mkdocs_config(site_copy, site))
    assert any(name.split("/")[-1] in r.getMessage() for r in caplog.records)
    assert not site.exists()


@pytest.mark.parametrize("make_link", [
    lambda content, outside: (content / "traeger" / "fremd.yml").symlink_to(outside / "fremd.yml"),
    lambda content, outside: (content / "ordner").symlink_to(outside),
    lambda content, outside: (content / "git").symlink_to(REPO / ".git"),
    lambda content, outside: ((content / "a").symlink_to(content / "b"), (content / "b").symlink_to(content / "a")),
    lambda content, outside: (content / "schleife").symlink_to(content),
], ids=["file-outside", "folder-outside", "dot-git", "two-looping", "loop-to-itself"])
def test_a_symbolic_link_in_content_stops_the_build_and_is_never_followed(site_copy, tmp_path, caplog, make_link):
    outside = tmp_path / "aussen"
    outside.mkdir()
    (outside / "fremd.yml").write_text("geheim: ja\n", encoding="utf-8")
    make_link(site_copy, outside)
    site = tmp_path / "site"
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build(mkdocs_config(site_copy, site))
    assert any("Verknüpfung" in r.getMessage() for r in caplog.records)
    assert not site.exists()


def test_a_symbolic_link_among_the_schemas_stops_the_build(site_copy, tmp_path, caplog):
    schemas = tmp_path / "schemas"
    shutil.copytree(REPO / "schemas", schemas)
    (schemas / "vokabulare" / "fremd.yml").symlink_to(tmp_path / "nirgends.yml")
    config = mkdocs_config(site_copy, tmp_path / "site")
    config.write_text(config.read_text(encoding="utf-8").replace(str(REPO / "schemas"), str(schemas)),
                      encoding="utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build(config)
    assert any("fremd.yml" in r.getMessage() and "Verknüpfung" in r.getMessage() for r in caplog.records)


def test_a_geocache_kept_elsewhere_in_content_is_not_published(site_copy, tmp_path):
    (site_copy / "daten").mkdir()
    (site_copy / "daten" / "orte.json").write_text('{"hinweis": "x", "eintraege": {}}', encoding="utf-8")
    config = mkdocs_config(site_copy, tmp_path / "site")
    config.write_text(config.read_text(encoding="utf-8").replace(
        "demo_notice:", f"geocache: {site_copy / 'daten' / 'orte.json'}\n    demo_notice:"), encoding="utf-8")
    build(config)
    assert list((tmp_path / "site").rglob("*.json")) and not list((tmp_path / "site").rglob("orte.json"))


def test_the_old_street_of_a_now_confidential_place_is_in_no_published_byte(site_copy, tmp_path, caplog):
    event = site_copy / "termine" / "treffen-2024-12-04.yml"
    event.write_text(event.read_text(encoding="utf-8").replace(
        '  bezeichnung: Dienststelle Beispielstadt\n  strasse: Musterstraße 1\n  plz: "09366"\n',
        "  vertraulich: ja\n"), encoding="utf-8")
    stale = {"breite": 50.71, "laenge": 12.78, "genauigkeit": "adresse", "dienst": "d", "abgefragt_am": "2026-01-01"}
    (site_copy / "geocache.json").write_text(json.dumps(
        {"hinweis": "x", "eintraege": {"DE|09366|stollberg|geheimgasse 7": stale}}), encoding="utf-8")
    site = tmp_path / "site"
    config = mkdocs_config(site_copy, site)
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build(config)  # the street must leave the repository first
    assert "geocache.json:1:1: eintraege: Dieser veraltete Eintrag liegt am Ort einer vertraulichen" in caplog.text
    assert "wegweiser geocode --aufraeumen" in caplog.text and not site.exists()

    prepared = pipeline.prepare(pipeline.Sources(site_copy, SCHEMAS))
    geocoding_cli.prune(prepared, site_copy / "geocache.json")
    assert "geheimgasse" not in (site_copy / "geocache.json").read_text(encoding="utf-8")
    build(config)
    published = [p for p in site.rglob("*") if p.is_file()]
    assert any("suche" in p.parts for p in published) and any("karten" in p.parts for p in published)
    for path in published:
        assert b"geheimgasse" not in path.read_bytes().lower(), path
    events = (site / "termine" / "archiv" / "index.html").read_text(encoding="utf-8")  # a past event
    assert "Stollberg" in events and "nicht veröffentlicht" in events


def test_without_the_npm_packages_the_build_stops_before_writing_and_says_what_to_run(site_copy, tmp_path, caplog):
    config = mkdocs_config(site_copy, tmp_path / "site")
    config.write_text(config.read_text(encoding="utf-8").replace(str(REPO / "node_modules"), str(tmp_path / "leer")),
                      encoding="utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build(config)
    assert "Bitte führen Sie „npm ci“ aus" in caplog.text
    assert not (tmp_path / "site").exists()


def test_without_directory_urls_every_page_is_reachable_and_no_link_is_broken(site_copy, tmp_path):
    site = tmp_path / "site"
    config = mkdocs_config(site_copy, site)
    config.write_text(config.read_text(encoding="utf-8") + "use_directory_urls: false\n", encoding="utf-8")
    build(config)
    reachable, broken = crawl(site)
    assert broken == []
    assert (site / "angebote" / "beratung-beispiel-suchtberatung.html").resolve() in reachable
    search = (site / "suche.html").read_text(encoding="utf-8")
    assert 'data-angebot="angebote/{id}.html"' in search and 'action="suche.html"' in search


def test_a_script_that_slipped_into_a_page_stops_the_build_instead_of_being_allowed(site_copy, tmp_path,
                                                                                    monkeypatch, caplog):
    # As an escaping bug in a template would: record text arriving as a script element.
    real_content = plugin.WegweiserPlugin.on_page_content

    def with_script(self, html, page, config, files):
        body = real_content(self, html, page, config, files)
        return body + "<script>alert(1)</script>" if page.file.src_uri.startswith("angebote/") else body

    monkeypatch.setattr(plugin.WegweiserPlugin, "on_page_content", with_script)
    monkeypatch.setattr(plugin, "can_build_beside", lambda: False)
    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build(mkdocs_config(site_copy, tmp_path / "site"))
    assert "<script>-Element" in caplog.text + "".join(str(r.exc_info) for r in caplog.records)
