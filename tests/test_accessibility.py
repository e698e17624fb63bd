"""WCAG 2.1 AA in a real browser: axe-core finds nothing on every kind of page in each of
the three languages, at desktop width and at 320 px, and nothing in a map document."""
from __future__ import annotations

import pytest

from browser import PAGE_KINDS
from conftest import REPO

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"  # read when a test runs, not at collection
RULES = "{runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}"


def violations(page) -> list:
    # Run in the page by the browser's debugging protocol, not as a <script> element, which the
    # page's Content-Security-Policy refuses like any inline script without its hash.
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    return page.evaluate(f"""async () => (await axe.run(document, {RULES})).violations
        .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))""")


@pytest.mark.parametrize("width", [1280, 320])
@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_no_axe_violations(chromium, web, language, kind, width):
    page = chromium.new_page(viewport={"width": width, "height": 900})
    page.goto(web.url + ("" if language == "de" else f"{language}/") + PAGE_KINDS[kind])
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    assert violations(page) == []
    page.close()


def test_no_axe_violations_in_a_map_document(chromium, web):
    page = chromium.new_page()
    page.goto(web.url + "karten/region-erzgebirgskreis.html")
    page.locator(".leaflet-marker-icon, .marker-cluster").first.wait_for()
    # Clusters fade in: half-transparent text in mid-fade would read as too little contrast.
    page.wait_for_function("() => document.getAnimations().length === 0")
    assert violations(page) == []
    page.close()
