"""The site under its own Content-Security-Policy in a real browser: every page kind in
every language, the error pages, and the maps once "Karte laden" has started Leaflet and
the markers, with not one violation reported; a script slipped in later is refused."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import PAGE_KINDS
from local_server import TILE

LANGUAGES = {"de": "", "cs": "cs/", "en": "en/"}
TILE_HOST = "tile.openstreetmap.org"  # the example site's tile server (mkdocs.yml)

# In every document, the page's and each map's, before any of its own scripts runs.
LISTENER = """document.addEventListener("securitypolicyviolation", (event) => {
  window.wegweiserVerstoss([location.pathname, event.violatedDirective, event.blockedURI,
                            event.sourceFile + ":" + event.lineNumber, event.sample].join(" | "));
});"""


@pytest.fixture
def page(chromium, web):
    """A page that collects every violation of the policy, in itself and in its frames.
    Tiles are answered here: the policy is checked against the real tile server, and no
    request leaves the machine."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.violations, page.elsewhere = [], []

    def report(violation: str) -> None:  # Playwright wants a function of Python's own
        page.violations.append(violation)

    context.expose_function("wegweiserVerstoss", report)
    context.add_init_script(LISTENER)
    # Chromium also says so on the console: a second witness, should a listener fail.
    page.on("console", lambda message: "Content Security Policy" in message.text
            and page.violations.append(f"console: {message.text}"))

    def answer(route):
        host = urlsplit(route.request.url).netloc
        if host == web.host:
            route.continue_()
        elif host == TILE_HOST:
            route.fulfill(status=200, content_type="image/png", body=TILE)
        else:
            page.elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", answer)
    yield page
    context.close()


def settle(page):
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(200)  # violation events are dispatched as tasks of their own


def open_maps(page) -> int:
    """Clicks "Karte laden" where a page has it; waits for Leaflet to draw the markers."""
    if page.locator(".ww-karte__laden").count() == 0:
        return 0
    page.locator(".ww-karte__laden").first.click()
    frame = page.frame_locator("iframe.ww-karte__rahmen")
    frame.locator(".leaflet-marker-icon").first.wait_for(timeout=15000)
    markers = frame.locator(".leaflet-marker-icon.ww-markierung")
    for _ in range(8):  # into the clusters, until a single marker shows
        if markers.count():
            break
        frame.locator(".marker-cluster").first.click()
        page.wait_for_timeout(500)  # Leaflet's zoom animation
    markers.first.focus()
    markers.first.press("Enter")  # its popup, built by our script
    frame.locator(".leaflet-popup-content").wait_for()
    return 1


@pytest.mark.parametrize("kind", PAGE_KINDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_kind_runs_without_a_policy_violation(page, web, language, kind):
    response = page.goto(web.url + LANGUAGES[language] + PAGE_KINDS[kind])
    assert response.ok and page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    maps = open_maps(page)
    settle(page)
    assert page.violations == [], "\n".join(page.violations)
    assert page.elsewhere == []
    if kind in ("Karte", "Region"):
        assert maps == 1, "the map did not load"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_error_page_runs_without_a_policy_violation(page, web, language):
    page.goto(web.url + LANGUAGES[language] + "404.html")
    settle(page)
    assert page.locator("h1").count() == 1
    assert page.violations == [], "\n".join(page.violations)


def test_the_map_draws_its_tiles_from_the_configured_server(page, web):
    tiles = []
    page.on("requestfinished", lambda request: urlsplit(request.url).netloc == TILE_HOST and tiles.append(request))
    page.goto(web.url + PAGE_KINDS["Karte"])
    open_maps(page)
    settle(page)
    assert tiles and page.violations == []


def test_a_script_slipped_into_a_page_or_a_map_is_refused_and_reported(page, web):
    slip_in = """() => { const s = document.createElement("script"); s.textContent = "window.eingeschleust = 1";
                         document.body.append(s); return window.eingeschleust === undefined; }"""
    page.goto(web.url + PAGE_KINDS["Region"])
    open_maps(page)
    map_frame = next(frame for frame in page.frames if frame.url.endswith(".html") and "/karten/" in frame.url)
    assert page.evaluate(slip_in) and map_frame.evaluate(slip_in)
    settle(page)
    reported = [v for v in page.violations if not v.startswith("console:")]
    assert any(v.startswith("/regionen/") and "script-src" in v for v in reported), page.violations
    assert any(v.startswith("/karten/") and "script-src" in v for v in reported), page.violations
