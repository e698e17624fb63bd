"""The maps in a real browser: nothing leaves the site before consent, tiles go only to the
configured server afterwards, the page hands the map its markers and no other window can,
a marker file that cannot be read is said and throws nothing, hostile names never run, the
list holds every marker."""
from __future__ import annotations

import functools
import json
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

from local_server import LocalServer, QuietHandler, answering
from conftest import build, mkdocs_config

REGION = "regionen/landkreis-beispiel/"
MISSING_ON_PAGE = ("Die Markierungen der Karte konnten leider nicht geladen werden. "
                   "Alle Angebote dieser Karte finden Sie auch in der Liste nach Orten.")
MISSING_ON_ITS_OWN = ("Die Markierungen der Karte konnten leider nicht geladen werden. "
                      "Bitte versuchen Sie es später erneut.")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    import shutil
    from conftest import FIXTURE_SITE

    root = tmp_path_factory.mktemp("karten")
    content = root / "project" / "content"
    shutil.copytree(FIXTURE_SITE, content)
    with LocalServer() as tiles:
        site = root / "site"
        build(mkdocs_config(content, site, maps={"tiles": f"http://{tiles.host}/{{z}}/{{x}}/{{y}}.png",
                                                 "tile_server_name": "Testkacheln"}))
        yield site, tiles


@pytest.fixture(scope="module")
def servers(built):
    site, tiles = built
    with LocalServer(site) as web:
        yield web, tiles


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requested_hosts = set()
    page.dialogs = []
    page.errors = []  # uncaught exceptions and console errors, of the page and of its frames
    page.refused = []  # the paths the server answered with an error
    page.on("request", lambda request: page.requested_hosts.add(urlsplit(request.url).netloc))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("response", lambda response: page.refused.append(urlsplit(response.url).path)
            if response.status >= 400 else None)
    yield page
    context.close()


def script_errors(page) -> list[str]:
    """What went wrong in the scripts. The browser's own line about a refused request is
    none where it was the marker file's 404 that a test asks for, or the icon that a map
    document opened on its own does not name (the browser asks for /favicon.ico)."""
    assert all(path.endswith(".json") or path == "/favicon.ico" for path in page.refused), page.refused
    return [error for error in page.errors if not error.startswith("Failed to load resource")]


def open_map(page, servers):
    web, _ = servers
    page.goto(web.url + REGION)
    page.click("text=Karte laden")
    frame = page.frame_locator("iframe.ww-karte__rahmen")
    frame.locator(".leaflet-marker-icon").first.wait_for(timeout=15000)
    return frame


def test_before_consent_only_the_site_itself_is_asked(page, servers):
    web, tiles = servers
    page.goto(web.url + REGION, wait_until="networkidle")
    assert page.requested_hosts == {web.host}
    assert page.locator("iframe").count() == 0
    placeholder = page.locator(".ww-karte__platzhalter")
    assert "Testkacheln" in placeholder.inner_text() and tiles.host in placeholder.inner_text()


def marker_files(requests: list) -> list:
    return [request for request in requests
            if "/karten/" in request.url and urlsplit(request.url).path.endswith(".json")]


def versioned(url: str) -> str:
    """A marker file's address as the site names it: with the version of its content."""
    import hashlib

    return f"{url}?v={hashlib.sha256(urlopen(url).read()).hexdigest()[:10]}"


def test_the_page_reads_the_markers_after_consent_and_hands_them_to_the_map(page, servers):
    web, _ = servers
    requests = []

    def seen(request) -> None:  # Playwright wants a function of Python's own
        requests.append(request)

    page.on("request", seen)
    page.goto(web.url + REGION, wait_until="networkidle")
    assert marker_files(requests) == []
    frame = open_map(page, servers)
    (markers,) = marker_files(requests)
    assert markers.frame == page.main_frame  # the sandboxed map cannot read the site's files itself
    assert markers.url == versioned(web.url + "karten/region-landkreis-beispiel.json")  # read with the query
    assert page.locator("iframe.ww-karte__rahmen").get_attribute("src").endswith("region-landkreis-beispiel.html")
    rows = json.loads(urlopen(markers.url).read())["m"]
    assert frame.locator("body").evaluate("() => window.wegweiserKarte.ids") == [row[3] for row in rows]


def test_a_map_document_opened_on_its_own_reads_its_markers_itself(page, servers):
    web, _ = servers
    requests = []

    def seen(request) -> None:
        requests.append(request)

    page.on("request", seen)
    page.goto(web.url + "karten/alle.html")
    page.locator(".leaflet-marker-icon").first.wait_for(timeout=15000)
    rows = json.loads(urlopen(web.url + "karten/alle.json").read())["m"]
    assert page.evaluate("window.wegweiserKarte.ids") == [row[3] for row in rows]
    assert [request.url for request in marker_files(requests)] == [versioned(web.url + "karten/alle.json")]
    assert script_errors(page) == []


class ChangedMarkerFiles(QuietHandler):
    """The built site, but every marker file answers ``status`` with ``body``; and with
    ``without_link``, the map documents have no link to their marker file."""

    status, body, content_type, without_link = 404, b"", "text/plain", False

    def do_GET(self):
        path = urlsplit(self.path).path
        if path.startswith("/karten/") and path.endswith(".json"):
            self.answer(self.status, self.body, self.content_type)
        elif self.without_link and path.startswith("/karten/") and path.endswith(".html"):
            document = Path(self.directory, path.lstrip("/")).read_text(encoding="utf-8")
            start = document.index('<link rel="alternate"')
            document = document[:start] + document[document.index(">", start) + 1:]
            self.answer(200, document.encode("utf-8"), "text/html; charset=utf-8")
        else:
            super().do_GET()

    def answer(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def site_whose_marker_files(site, **answer) -> LocalServer:
    handler = type("Changed", (ChangedMarkerFiles,), answer)
    return LocalServer(handler=functools.partial(handler, directory=str(site)))


# A marker file gone (a build half uploaded), a server's error page with "200 OK" where it
# should be (a portal, a CDN), or nothing that a browser could read as text.
UNREADABLE = {
    "not found": {"status": 404},
    "an error page": {"status": 200, "body": b"<!DOCTYPE html><title>Fehler</title>", "content_type": "text/html"},
    "not the markers": {"status": 200, "body": b'{"m": 7}', "content_type": "application/json"},
}


@pytest.mark.parametrize("answer", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_markers_that_cannot_be_read_are_said_in_the_note_before_the_map(page, built, answer):
    site, _ = built
    with site_whose_marker_files(site, **answer) as web:
        page.goto(web.url + REGION)
        page.click("text=Karte laden")
        note = page.locator(".ww-karte__geladen")
        note.filter(has_text=MISSING_ON_PAGE).wait_for(timeout=15000)
        assert note.get_attribute("role") == "status"  # read out when it changes
        frame = page.frame_locator("iframe.ww-karte__rahmen")
        frame.locator(".folium-map").wait_for()
        page.wait_for_timeout(300)
        assert frame.locator(".leaflet-marker-icon, .marker-cluster").count() == 0
        assert frame.locator("body").evaluate("() => window.wegweiserKarte === undefined")
        assert note.inner_text() == MISSING_ON_PAGE and "geladen. Mit der Tab-Taste" not in page.content()
    assert script_errors(page) == []


@pytest.mark.parametrize("answer", [*UNREADABLE.values(), {"without_link": True}],
                         ids=[*UNREADABLE.keys(), "no link"])
def test_a_map_opened_on_its_own_says_when_its_markers_cannot_be_read(page, built, answer):
    site, _ = built
    with site_whose_marker_files(site, **answer) as web:
        page.goto(web.url + "karten/alle.html")
        page.locator(".folium-map").wait_for()
        if answer.get("without_link"):  # then it has nothing to say it with: no markers, nothing thrown
            page.wait_for_timeout(500)
        else:
            status = page.locator('.ww-karte-fehlt [role="status"]')
            status.filter(has_text=MISSING_ON_ITS_OWN).wait_for(timeout=15000)
        assert page.locator(".leaflet-marker-icon, .marker-cluster").count() == 0
        assert page.evaluate("window.wegweiserKarte === undefined")
    assert script_errors(page) == []


def framing_site(map_url: str, markers: str):
    """Another site that frames the map (without a sandbox: the worst case) and sends it
    markers of its own, well-formed, as the page would."""
    message = json.dumps({"wegweiser": "markierungen", "json": markers}).replace("<", "\\u003c")
    document = (f'<!DOCTYPE html><html lang="de"><title>Fremd</title><iframe src="{map_url}"></iframe><script>'
                f'document.querySelector("iframe").addEventListener("load", function () {{'
                f' this.contentWindow.postMessage({message}, "*"); window.gesendet = true; }});</script>')
    return LocalServer(handler=answering(document.encode("utf-8"), "text/html; charset=utf-8"))


def test_another_site_that_frames_the_map_cannot_give_it_markers(page, servers):
    web, _ = servers
    markers = urlopen(web.url + "karten/alle.json").read().decode("utf-8").replace("Beratung", "Fremde Beratung")
    with framing_site(web.url + "karten/alle.html", markers) as elsewhere:
        page.goto(elsewhere.url)
        page.wait_for_function("() => window.gesendet === true")
        page.wait_for_timeout(500)
        frame = page.frame_locator("iframe")
        assert frame.locator(".folium-map").count() == 1  # the map itself is there, without markers
        assert frame.locator(".leaflet-marker-icon").count() == 0
        assert frame.locator("body").evaluate("() => window.wegweiserKarte === undefined")


def test_after_consent_tiles_come_only_from_the_configured_server(page, servers):
    web, tiles = servers
    open_map(page, servers)
    page.wait_for_load_state("networkidle")
    assert page.requested_hosts == {web.host, tiles.host}


def test_consent_is_remembered_for_the_session_only(page, servers):
    web, _ = servers
    open_map(page, servers)
    page.goto(web.url + "karte/")
    assert page.locator("iframe.ww-karte__rahmen").count() == 1  # loaded without a second click
    fresh = page.context.browser.new_context().new_page()
    fresh.goto(web.url + "karte/")
    assert fresh.locator("iframe").count() == 0
    fresh.context.close()


def test_hostile_names_show_literally_and_never_run(page, servers):
    web, _ = servers
    page.goto(web.url + "karte/")
    page.click("text=Karte laden")
    frame = page.frame_locator("iframe.ww-karte__rahmen")
    marker = frame.locator('.leaflet-marker-icon[title*="alert"]').first
    marker.wait_for(timeout=15000)
    marker.focus()
    marker.press("Enter")
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    assert "</script><img src=x onerror=alert(1)>" in popup.inner_text()
    assert frame.locator(".leaflet-popup-content img, .leaflet-popup-content script").count() == 0
    page.wait_for_timeout(300)
    assert page.dialogs == []


def test_the_list_beside_the_map_holds_every_marker(page, servers):
    frame = open_map(page, servers)
    marker_ids = set(frame.locator("body").evaluate("() => window.wegweiserKarte.ids"))
    links = page.locator(".ww-ort + ul a.ww-eintrag__name").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))")
    listed_ids = {href.rstrip("/").split("/")[-1] for href in links}
    assert marker_ids and marker_ids <= listed_ids


def test_markers_are_reachable_by_keyboard_with_a_meaningful_name(page, servers):
    frame = open_map(page, servers)
    iframe = page.locator("iframe.ww-karte__rahmen")
    assert iframe.get_attribute("title") == "Karte: Angebote in Landkreis Beispiel"
    icons = frame.locator(".leaflet-marker-icon")
    for i in range(icons.count()):
        assert icons.nth(i).get_attribute("tabindex") == "0"
        assert icons.nth(i).get_attribute("title") or icons.nth(i).inner_text()
    page.keyboard.press("Tab")  # focus moves on and out: the map does not trap it


# Where the keyboard is inside the map document, or None once focus has left it.
FOCUS_IN_MAP = """() => {
  const e = document.activeElement;
  if (!document.hasFocus() || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  return {name: e.className + ' ' + (e.title || e.textContent || '').trim().slice(0, 30),
          ring: s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0, seen: r.width > 0 && r.height > 0};
}"""


def test_every_focus_stop_inside_the_map_shows_a_ring(page, servers):
    open_map(page, servers)
    frame = next(f for f in page.frames if f != page.main_frame)
    stops = []
    for _ in range(60):
        page.keyboard.press("Tab")
        stop = frame.evaluate(FOCUS_IN_MAP)
        if stop is None:
            break
        stops.append(stop)
    assert any("leaflet-marker-icon" in s["name"] for s in stops), stops
    assert [s["name"] for s in stops if s["ring"] < 2 or not s["seen"]] == []


def test_the_map_opens_with_space_and_takes_the_focus(page, servers):
    web, _ = servers
    page.goto(web.url + REGION)
    page.focus(".ww-karte__laden")
    page.keyboard.press(" ")
    page.locator("iframe.ww-karte__rahmen").wait_for()
    frame = next(f for f in page.frames if f != page.main_frame)
    frame.locator(".leaflet-marker-icon").first.wait_for()
    # Focus rests on the sentence before the map, which says how to go on; Tab enters the map.
    assert page.evaluate("document.activeElement.classList.contains('ww-karte__geladen')")
    assert "Tab-Taste" in page.evaluate("document.activeElement.textContent")
    page.keyboard.press("Tab")
    assert frame.evaluate("document.hasFocus() && document.activeElement !== document.body")
