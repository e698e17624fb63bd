"""The hostile records (tests/fixtures/hostile/gebaut/) in a real browser: one page of every
kind, the maps after consent with a hostile marker's popup open, and the search with
hostile queries typed and passed in the address. A canary installed before any page script
(alert, confirm, prompt and print count instead of opening) must stay at 0 in every frame,
no dialog may open, no script error may occur, and the hostile names show literally."""
from __future__ import annotations

from urllib.parse import quote, urlencode

import pytest

from conftest import build, mkdocs_config
from local_server import LocalServer
from test_hostile_records import hostile_content

# Runs before any script of the page or of a frame (Playwright adds it to every frame).
CANARY = """
(() => {
  window.__canary = 0;
  window.__tripped = [];
  const trip = (name) => function () { window.__canary += 1; window.__tripped.push(name); };
  for (const name of ["alert", "confirm", "prompt", "print"]) {
    Object.defineProperty(window, name, {value: trip(name), writable: false, configurable: false});
  }
  document.addEventListener("securitypolicyviolation",
    (event) => window.__tripped.push("csp " + event.violatedDirective), true);
})();
"""

# Events that would run a handler smuggled into an attribute (onmouseover=..., onfocus=...).
PROVOKE = """
() => {
  for (const element of document.querySelectorAll("body *")) {
    for (const type of ["mouseover", "mouseenter", "focus", "focusin", "toggle", "load", "error",
                        "animationstart", "pointerdown"]) {
      element.dispatchEvent(new Event(type, {bubbles: false}));
    }
  }
}
"""

ANGEBOT_SKRIPT = "</script><!--<script>alert('angebot')</script>"
TRAEGER_SKRIPT = "</script><script>alert('traeger')</script>"
SVG_NAME = "<svg onload=alert(1)> <img src=x onerror=alert(2)>"
IFRAME_NAME = "\"><iframe srcdoc=\"<script>alert(7)</script>\"></iframe>"
VORLAGE = "{{ 12345*6789 }} und {% if true %}ja{% endif %}"
REGION = "Region </script><img src=x onerror=alert(1)> \" onmouseover=\"alert(2) {{ 7*7 }}"
NETZ = "Netz <script>alert('netz')</script> {{ 12345*6789 }}"
TERMIN = "<script>alert('termin')</script> {{ 12345*6789 }}"

# One page of every kind, and what each must show as text.
PAGES = {
    "": [],
    "a-z/": [ANGEBOT_SKRIPT, SVG_NAME, VORLAGE],
    "themen/": [],
    "themen/sucht/": [ANGEBOT_SKRIPT, VORLAGE],
    "zielgruppen/": [],
    "zielgruppen/alle/": [IFRAME_NAME],
    "regionen/": [REGION],
    "regionen/feindliche-region/": [REGION, VORLAGE, NETZ, "<b>Gemeinde</b>, {% Hof, '; alert(3); //"],
    "netzwerke/": [NETZ],
    "netzwerke/feindliches-netzwerk/": [NETZ, TERMIN, "<svg onload=alert(2)>Koordination"],
    "traeger/": [TRAEGER_SKRIPT, SVG_NAME],
    "traeger/skript-ende/": [TRAEGER_SKRIPT, ANGEBOT_SKRIPT, NETZ],
    "traeger/html-und-svg/": [SVG_NAME, "<base href=//boese.example>"],
    "traeger/markdown-links/": ["Markdown-Verweise"],
    "traeger/markdown-roh/": ["Rohes HTML"],
    "traeger/vorlagen-syntax/": ["{{ 12345*6789 }} {% Hof {# Kommentar #}", "${12345*6789}"],
    "angebote/skript-ende-angebot/": [ANGEBOT_SKRIPT, "Weg </script><script>alert(3)</script> 1"],
    "angebote/html-und-svg-angebot/": [IFRAME_NAME, "<input autofocus onfocus=alert(5)> 1",
                                       "<style>*{display:none}</style>"],
    "angebote/vorlagen-syntax-angebot/": [VORLAGE, "{% include '/etc/passwd' %}", REGION],
    "angebote/markdown-links-angebot/": ["Verweise im Angebot"],
    "angebote/markdown-roh-angebot/": ["Rohes HTML im Angebot"],
    "angebote/alle-felder-angebot/": ["F08 <u>Angebot</u>", "F15 <u>Person</u>"],
    "angebote/vertraulich-schutzhaus-wohnen/": ["Schutzwohnung Test", "Schneeberg"],
    "termine/": [TERMIN, "<img src=x onerror=alert(4)>", "'\"><svg onload=alert(5)>"],
    "termine/archiv/": ["<script>alert('archiv')</script> {{ 12345*6789 }} Rückblick", "<b>Archivsaal</b> {% Hof"],
    "karte/": [],
    "orte/": [ANGEBOT_SKRIPT, "<details open ontoggle=alert(6)>"],
    "suche/": [REGION],
    "mitmachen/": [],
    "404.html": [],
}

# Typed into the search field, and passed in the address.
QUERIES = ["</script><script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "{{ 7*7 }}", "${alert(1)}",
           "javascript:alert(1)", "'; alert(1); //", "\u202eexe.txt", ".*+?^$()[]{}|\\", "%00%3Cscript%3E",
           "Z\u0334\u0321a\u0337l\u0338g\u0337o\u0336", "x" * 5000, "constructor __proto__ hasOwnProperty"]
ADDRESSES = [
    {"q": "<script>alert(1)</script>", "ort": "<img src=x onerror=alert(1)>"},
    {"q": "script alert", "thema": "<svg onload=alert(1)>", "region": "../../etc/passwd"},
    {"ort": "\"><svg onload=alert(1)>", "punkt": "javascript:alert(1)"},
    {"punkt": "<script>,alert(1)"},
    {"q": "__proto__", "zielgruppe": "constructor", "status": "toString"},
    {"q": "{{ 7*7 }}", "ort": "${alert(1)}", "kosten": "\u2028"},
]


@pytest.fixture(scope="module")
def web(tmp_path_factory):
    root = tmp_path_factory.mktemp("feindlich-im-browser")
    site_content = hostile_content(root / "project" / "content")
    with LocalServer() as tiles:
        site = root / "site"
        build(mkdocs_config(site_content, site, maps={"tiles": f"http://{tiles.host}/{{z}}/{{x}}/{{y}}.png",
                                                      "tile_server_name": "Testkacheln"}))
        with LocalServer(site) as server:
            yield server


def expected_miss(message) -> bool:
    """The search looks a typed place up in the file of its first letter (suche/o-<letter>.json)
    and takes a missing file as "no such place": the browser logs that 404, nothing more."""
    return message.text.startswith("Failed to load resource") and "/suche/o-" in message.location.get("url", "")


@pytest.fixture(scope="module")
def context(chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(CANARY)
    yield context
    context.close()


@pytest.fixture
def page(context):
    page = context.new_page()  # a new tab: nothing in sessionStorage, no consent yet
    page.dialogs, page.errors = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error"
            and not expected_miss(message) else None)
    yield page
    page.close()


def assert_nothing_ran(page):
    page.wait_for_timeout(100)
    for frame in page.frames:
        assert frame.evaluate("[window.__canary, window.__tripped]") == [0, []], frame.url
    assert page.dialogs == []
    assert page.errors == []


def text_of(page) -> str:
    return page.evaluate("document.body.textContent")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_kind_shows_hostile_names_literally_and_runs_none_of_them(page, web, path):
    response = page.goto(web.url + path, wait_until="load")
    assert response.status == 200
    page.evaluate(PROVOKE)
    text = text_of(page)
    missing = [wanted for wanted in PAGES[path] if wanted not in text]
    assert missing == []
    assert "83810205" not in text and "49dorf" not in text
    assert_nothing_ran(page)


def open_map(page, web, path):
    page.goto(web.url + path)
    page.click("text=Karte laden")
    frame = page.frame_locator("iframe.ww-karte__rahmen")
    frame.locator(".leaflet-marker-icon").first.wait_for(timeout=15000)
    return frame


@pytest.mark.parametrize("title, shown", [
    ("alert('angebot')", ANGEBOT_SKRIPT),
    ("iframe srcdoc", IFRAME_NAME),
    ("12345*6789", VORLAGE),
])  # a right-to-left override ("Hilfe \u202eexe.txt") no longer builds: generator/characters.py
def test_a_hostile_marker_opens_its_popup_literally_after_consent(page, web, title, shown):
    frame = open_map(page, web, "karte/")
    # Clusters are opened until the marker itself is on the map.
    marker = frame.locator(f'.leaflet-marker-icon[title*="{title}"]').first
    for _ in range(10):
        if marker.count():
            break
        frame.locator(".marker-cluster").first.click()
        page.wait_for_timeout(400)
    marker.focus()
    marker.press("Enter")
    popup = frame.locator(".leaflet-popup-content")
    popup.wait_for()
    assert shown in popup.evaluate("box => box.textContent")
    assert frame.locator(".leaflet-popup-content img, .leaflet-popup-content script, "
                         ".leaflet-popup-content iframe, .leaflet-popup-content svg").count() == 0
    page.frames[-1].evaluate(PROVOKE)
    assert_nothing_ran(page)


def test_the_region_map_of_a_hostile_region_is_titled_literally(page, web):
    frame = open_map(page, web, "regionen/feindliche-region/")
    assert page.locator("iframe.ww-karte__rahmen").get_attribute("title") == f"Karte: Angebote in {REGION}"
    assert frame.locator(".leaflet-marker-icon").count() >= 1
    assert_nothing_ran(page)


def settle(page):
    page.evaluate("window.wegweiserSuche.run()")


def open_search(page, web, query=""):
    page.goto(web.url + "suche/" + query)
    page.wait_for_function("() => window.wegweiserSuche !== undefined")
    settle(page)


def result_names(page) -> list[str]:
    return page.locator(".ww-ergebnisse a.ww-eintrag__name").evaluate_all("links => links.map(a => a.textContent)")


def test_hostile_queries_typed_into_the_search_run_nothing(page, web):
    open_search(page, web)
    for query in QUERIES:
        page.fill("#ww-suchwort", query)
        page.wait_for_timeout(250)  # the search runs 200 ms after typing
        settle(page)
        assert page.locator(".ww-treffer").inner_text().endswith("."), query
        # the only pictures in results are the site's own icons, copied from its <template>
        assert page.locator(".ww-ergebnisse img, .ww-ergebnisse script").count() == 0, query
        assert page.locator(".ww-ergebnisse svg:not(.ww-symbol svg)").count() == 0, query
    page.fill("#ww-suchwort", "script alert")
    page.wait_for_timeout(250)
    settle(page)
    assert ANGEBOT_SKRIPT in result_names(page)
    page.evaluate(PROVOKE)
    assert_nothing_ran(page)


@pytest.mark.parametrize("parameters", ADDRESSES, ids="&".join)
def test_hostile_search_parameters_in_the_address_run_nothing(page, web, parameters):
    open_search(page, web, "?" + urlencode(parameters, quote_via=quote))
    assert page.input_value("#ww-suchwort") == parameters.get("q", "")
    if "ort" in parameters and "punkt" not in parameters:
        assert f"Den Ort „{parameters['ort']}“ kennen wir nicht" in page.locator(".ww-ort-hinweis").inner_text()
    if parameters.get("q") == "script alert":
        assert ANGEBOT_SKRIPT in result_names(page)
    page.evaluate(PROVOKE)
    assert_nothing_ran(page)
