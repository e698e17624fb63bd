"""Material's navigation and tabs, kept per kind of page: the site is the same as when
Material renders them on every page."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import build, mkdocs_config
from generator import material_parts

pytestmark = pytest.mark.slow  # whole MkDocs builds


def pages_of(site):
    return {p.relative_to(site): p.read_bytes() for p in sorted(site.rglob("*.html"))}


@pytest.mark.parametrize("directory_urls", [True, False], ids=["folders", "html-files"])
def test_kept_navigation_equals_material_rendering_it_on_every_page(site_copy, tmp_path, monkeypatch, directory_urls):
    sites = {}
    for kept in (True, False):
        if not kept:
            monkeypatch.setattr(material_parts, "kind_of_page", lambda context: None)
        sites[kept] = tmp_path / f"kept-{kept}"
        config = mkdocs_config(site_copy, sites[kept])
        config.write_text(config.read_text(encoding="utf-8").replace(
            "use_directory_urls: true", f"use_directory_urls: {str(directory_urls).lower()}"), encoding="utf-8")
        build(config)
    kept, fresh = pages_of(sites[True]), pages_of(sites[False])
    assert kept.keys() == fresh.keys() and len(kept) > 100
    assert [name for name in kept if kept[name] != fresh[name]] == []
    start = kept[Path("index.html")]
    assert b"md-tabs__item--active" in start and b'class="md-nav md-nav--primary' in start


def test_entries_of_one_folder_share_their_navigation_and_listings_do_not():
    from types import SimpleNamespace as Thing

    listing = Thing(url="themen/", file=Thing(src_uri="themen/index.md"), active=False, toc=[])
    nav = Thing(pages=[listing])

    def context(page):
        return {"page": page, "nav": nav, "base_url": "../.."}

    first, second = Thing(url="angebote/a/", toc=[]), Thing(url="angebote/b/", toc=[])
    assert material_parts.kind_of_page(context(first)) == material_parts.kind_of_page(context(second))
    listing.active = True
    assert material_parts.kind_of_page(context(listing)) != material_parts.kind_of_page(context(first))
    assert material_parts.kind_of_page(context(Thing(url="x/", toc=["Inhalt"]))) is None
    assert material_parts.kind_of_page({"page": None, "nav": nav, "base_url": "/"}) is None
