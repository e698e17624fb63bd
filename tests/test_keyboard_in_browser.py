"""The site by keyboard alone: a skip link first on every page, a visible focus ring on
every Tab stop, nothing focusable off-screen (the closed menu drawer on a phone), and
Material's menu button reachable and operable."""
from __future__ import annotations

import pytest

from browser import PAGE_KINDS

# The focused element: where it is, whether it can be seen, and its focus ring.
FOCUSED = """() => {
  const e = document.activeElement, r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return {name: e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 30),
          left: r.left, right: r.right, width: r.width, height: r.height,
          visible: s.visibility === 'visible' && r.width > 0 && r.height > 0,
          ring: s.outlineStyle !== 'none' ? parseFloat(s.outlineWidth) : 0,
          inContent: !!e.closest('.md-content'), isBody: e === document.body};
}"""


def tab_stops(page, count: int) -> list[dict]:
    stops = []
    for _ in range(count):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop["isBody"] or (stops and stop["name"] == stops[0]["name"]):
            break  # round the page once
        stops.append(stop)
    return stops


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_the_first_tab_stop_is_a_visible_skip_link_into_the_content(chromium, web, kind):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    # A search arriving with a query moves focus to its count by itself (tested below), so the
    # search page is walked here as a visitor opens it from the menu: without a query.
    page.goto(web.url + PAGE_KINDS[kind].split("?")[0])
    page.keyboard.press("Tab")
    skip = page.evaluate(FOCUSED)
    assert skip["name"].endswith("Zum Inhalt springen") and skip["visible"] and skip["ring"] >= 2
    assert skip["left"] >= 0 and skip["right"] <= 1280
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["inContent"], kind
    page.close()


# Desktop, the narrowest phone, and 400 % zoom on a 1280 x 800 laptop (320 CSS px wide).
SCREENS = {"1280": ({"width": 1280, "height": 800}, 1), "320": ({"width": 320, "height": 640}, 1),
           "400 %": ({"width": 320, "height": 200}, 4)}


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_every_tab_stop_is_on_screen_and_shows_a_ring_of_two_pixels(chromium, web, kind, screen):
    viewport, scale = SCREENS[screen]
    width = viewport["width"]
    context = chromium.new_context(viewport=viewport, device_scale_factor=scale)
    page = context.new_page()
    page.goto(web.url + PAGE_KINDS[kind])
    stops = tab_stops(page, 80)
    assert len(stops) > 5
    hidden = [s["name"] for s in stops if not s["visible"] or s["left"] < 0 or s["right"] > width + 1]
    assert hidden == [], (kind, width)
    without_ring = [s["name"] for s in stops if s["ring"] < 2]
    assert without_ring == [], (kind, width)
    context.close()


def test_on_a_phone_the_menu_opens_and_closes_by_keyboard(chromium, web):
    page = chromium.new_page(viewport={"width": 375, "height": 800})
    page.goto(web.url + "themen/")
    menu = page.locator('label.md-header__button[for="__drawer"]')
    for _ in range(5):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('aria-labelledby')") == "ww-menue-name":
            break
    assert menu.get_attribute("aria-expanded") == "false" and menu.get_attribute("role") == "button"
    assert page.evaluate("document.getElementById(document.activeElement.getAttribute('aria-labelledby'))"
                         ".textContent") == "Menü öffnen"
    page.keyboard.press("Enter")
    page.wait_for_timeout(300)  # the drawer slides in
    assert menu.get_attribute("aria-expanded") == "true"
    inside = page.evaluate(FOCUSED)
    assert inside["visible"] and inside["left"] >= 0 and inside["right"] <= 375
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Escape")
    assert menu.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('aria-labelledby')") == "ww-menue-name"
    page.keyboard.press(" ")
    assert menu.get_attribute("aria-expanded") == "true"
    page.close()


class Keyboard:
    """Presses keys on a page and counts them (typed words are not counted: the count is
    of the steps through the site, as a keyboard user feels them)."""

    def __init__(self, page):
        self.page, self.presses = page, 0

    def press(self, key: str) -> dict:
        self.presses += 1
        self.page.keyboard.press(key)
        return self.page.evaluate(FOCUSED)

    def follow(self, key: str = "Enter") -> None:
        self.presses += 1
        with self.page.expect_navigation():
            self.page.keyboard.press(key)


def shows_focus(stop: dict) -> bool:
    return stop["visible"] and stop["ring"] >= 2


def test_from_the_start_page_to_the_phone_of_an_addiction_service_near_aue_in_few_key_presses(chromium, web):
    page = chromium.new_page(viewport={"width": 1280, "height": 900})
    page.goto(web.url)
    keys = Keyboard(page)
    assert shows_focus(keys.press("Tab")), "skip link"
    keys.press("Enter")
    what = keys.press("Tab")
    assert what["name"].startswith("INPUT#ww-start-was") and shows_focus(what)
    page.keyboard.type("Sucht")
    where = keys.press("Tab")
    assert where["name"].startswith("INPUT#ww-start-wo") and shows_focus(where)
    page.keyboard.type("Aue")
    keys.follow()
    # The search page answers with the number found, read out where focus now is.
    page.wait_for_function("() => document.activeElement.classList.contains('ww-treffer')")
    found = page.evaluate(FOCUSED)
    assert "Aue" in page.locator(".ww-treffer").inner_text() and shows_focus(found), found
    first = keys.press("Tab")
    assert first["name"].startswith("A ") and "Sucht" in first["name"] and shows_focus(first), first
    keys.follow()
    assert shows_focus(keys.press("Tab")), "skip link"
    keys.press("Enter")
    phone = keys.press("Tab")
    assert phone["name"].startswith("A Anrufen:") and shows_focus(phone), phone
    assert page.evaluate("document.activeElement.getAttribute('href')").startswith("tel:")
    assert "aue" in page.url and "sucht" in page.url
    assert keys.presses <= 15
    page.close()


def test_materials_tabs_fade_when_the_page_scrolls_and_the_page_does_not_jump(chromium, web):
    # Material hides its tabs on scroll with [hidden] and fades them by its own styles; a
    # display: none would take them out of the layout, and the page would jump.
    page = chromium.new_page(viewport={"width": 1280, "height": 700})
    page.goto(web.url + "themen/")
    height = page.evaluate("() => document.querySelector('.md-tabs').getBoundingClientRect().height")
    page.mouse.wheel(0, 1500)
    page.wait_for_function("() => document.querySelector('.md-tabs').hidden")
    assert page.evaluate("() => getComputedStyle(document.querySelector('.md-tabs')).display") != "none"
    assert page.evaluate("() => document.querySelector('.md-tabs').getBoundingClientRect().height") == height
    page.close()
