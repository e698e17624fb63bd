"""The maps in a real browser: nothing leaves the site before consent, tiles go only to the
configured server afterwards, the page hands the map its markers and no other window can,
hostile names never run, the list holds every marker."""
from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit
from urllib.request import urlopen

import pytest

from local_server import LocalServer
from conftest import build, mkdocs_config

REGION = "regionen/landkreis-beispiel/"


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    import shutil
    from conftest import FIXTURE_SITE

    root = tmp_path_factory.mktemp("karten")
    content = root / "project" / "content"
    shutil.copytree(FIXTURE_SITE, content)
    with LocalServer() as tiles:
        site = root / "site"
        build(mkdocs_config(content, site, maps={"tiles": f"http://{tiles.host}/{{z}}/{{x}}/{{y}}.png",
                                                 "tile_server_name": "Testkacheln"}))
        with LocalServer(site) as web:
            yield web, tiles


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requested_hosts = set()
    page.dialogs = []
    page.on("request", lambda request: page.requested_hosts.add(urlsplit(request.url).netloc))
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    yield page
    context.close()


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
    return [request for request in requests if "/karten/" in request.url and request.url.endswith(".json")]


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
    assert markers.url == web.url + "karten/region-landkreis-beispiel.json"
    assert page.locator("iframe.ww-karte__rahmen").get_attribute("src").endswith("region-landkreis-beispiel.html")
    rows = json.loads(urlopen(markers.url).read())["m"]
    assert frame.locator("body").evaluate("() => window.wegweiserKarte.ids") == [row[3] for row in rows]


def test_a_map_document_opened_on_its_own_reads_its_markers_itself(page, servers):
    web, _ = servers
    page.goto(web.url + "karten/alle.html")
    page.locator(".leaflet-marker-icon").first.wait_for(timeout=15000)
    rows = json.loads(urlopen(web.url + "karten/alle.json").read())["m"]
    assert page.evaluate("window.wegweiserKarte.ids") == [row[3] for row in rows]


def framing_site(map_url: str, markers: str):
    """Another site that frames the map (without a sandbox: the worst case) and sends it
    markers of its own, well-formed, as the page would."""
    message = json.dumps({"wegweiser": "markierungen", "json": markers}).replace("<", "\\u003c")
    document = (f'<!DOCTYPE html><html lang="de"><title>Fremd</title><iframe src="{map_url}"></iframe><script>'
                f'document.querySelector("iframe").addEventListener("load", function () {{'
                f' this.contentWindow.postMessage({message}, "*"); window.gesendet = true; }});</script>')

    class Framer(BaseHTTPRequestHandler):
        def do_GET(self):
            body = document.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return LocalServer(handler=Framer)


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
