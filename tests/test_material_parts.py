"""Material's navigation and tabs, kept per kind of page: the site is the same as when
Material renders them on every page."""
from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace as Thing

import pytest
import yaml

from conftest import REPO, build, mkdocs_config
from generator import material_parts


def pages_of(site):
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*.html"))}


@pytest.mark.slow  # whole MkDocs builds
@pytest.mark.parametrize("directory_urls", [True, False], ids=["folders", "html-files"])
def test_kept_navigation_equals_material_rendering_it_on_every_page(site_copy, tmp_path, directory_urls):
    materials_own = tmp_path / "overrides-ohne-partials"  # Material's nav.html and tabs.html themselves
    shutil.copytree(REPO / "overrides", materials_own, ignore=shutil.ignore_patterns("nav.html", "tabs.html"))
    sites = {}
    for overrides in (REPO / "overrides", materials_own):
        sites[overrides] = tmp_path / f"site-{overrides.name}"
        config = mkdocs_config(site_copy, sites[overrides])
        settings = yaml.safe_load(config.read_text(encoding="utf-8"))
        settings["theme"]["custom_dir"] = str(overrides)
        settings["use_directory_urls"] = directory_urls
        config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
        build(config)
    kept, fresh = pages_of(sites[REPO / "overrides"]), pages_of(sites[materials_own])
    assert kept.keys() == fresh.keys() and len(kept) > 100
    assert [name for name in kept if kept[name] != fresh[name]] == []
    start = kept[Path("index.html")]
    assert b"md-tabs__item--active" in start and b'class="md-nav md-nav--primary' in start


def entry(url, active=False):
    return Thing(url=url, file=Thing(src_uri=url + "index.md"), active=active, children=None)


def kind(page_url, *items, homepage=None):
    context = {"page": Thing(url=page_url, toc=[]), "nav": Thing(items=list(items), pages=[
        i for i in items if hasattr(i, "file")]), "base_url": "../..", "config": Thing(extra={"homepage": homepage})}
    return material_parts.kind_of_page(context)


def test_entry_pages_of_one_folder_share_the_navigation():
    assert kind("angebote/a/", entry("themen/")) == kind("angebote/b/", entry("themen/"))
    assert kind("angebote/a/", entry("themen/")) == kind("traeger/a/", entry("themen/"))  # "../../themen/" from both
    assert kind("angebote/a/", entry("themen/")) != kind("a-z/", entry("themen/"))
    assert kind("angebote/a/", entry("angebote/"), entry("themen/")) == kind(
        "angebote/b/", entry("angebote/"), entry("themen/"))


def test_an_active_entry_an_entry_in_the_page_folder_or_a_link_there_makes_it_another_kind():
    assert kind("themen/", entry("themen/", active=True)) != kind("themen/", entry("themen/"))
    assert kind("angebote/a/", entry("angebote/a/x/")) != kind("angebote/b/", entry("angebote/a/x/"))
    link = Thing(url="angebote/a/", children=None)  # an operator's nav: entry given as an address
    section = Thing(title="Mehr", children=[link])
    assert kind("angebote/a/", section) != kind("angebote/b/", section)
    assert kind("angebote/a/", homepage="angebote/a/") != kind("angebote/b/", homepage="angebote/a/")


def test_the_not_found_page_and_pages_with_contents_are_rendered_afresh():
    nav = Thing(items=[], pages=[])
    config = Thing(extra={})
    assert material_parts.kind_of_page({"page": None, "nav": nav, "base_url": "/", "config": config}) is None
    page = Thing(url="x/", toc=["Inhalt"])
    assert material_parts.kind_of_page({"page": page, "nav": nav, "base_url": ".", "config": config}) is None


def test_the_toggles_lose_the_autocomplete_attribute_html_does_not_allow_on_checkboxes():
    page = ('<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">'
            '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">'
            '<input type="search" autocomplete="off" name="q"></body>')
    assert material_parts.valid_html(page) == (
        '<body><input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'
        '<input type="search" autocomplete="off" name="q"></body>')
