"""The Merkliste as an advisor uses it: offerings collected from their pages and from
search results with one tap each (announced), kept in this browser across reloads and
nowhere else, shown side by side, shared as a link that shows the same list in a fresh
browser, and emptied."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest


OFFERING = "angebote/diakonie-erzgebirge-suchtberatung-aue/"


@pytest.fixture
def advisor(chromium):
    """A fresh browser profile, noting every host it asks."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    context.hosts = set()
    context.on("request", lambda request: context.hosts.add(urlsplit(request.url).netloc))
    yield context
    context.close()


def announced(page) -> str:
    page.wait_for_function("() => document.getElementById('ww-merkliste-meldung').textContent !== ''")
    return page.inner_text("#ww-merkliste-meldung")


def collect_three(page, web):
    page.goto(web.url + OFFERING)
    remember = page.locator(".ww-aktionen .ww-merken")
    assert remember.inner_text() == "Merken" and remember.get_attribute("aria-pressed") == "false"
    remember.click()
    assert remember.get_attribute("aria-pressed") == "true" and remember.inner_text() == "Gemerkt"
    assert "Auf die Merkliste gesetzt. Angebote auf der Merkliste: 1." in announced(page)
    page.reload()
    assert page.locator(".ww-aktionen .ww-merken").get_attribute("aria-pressed") == "true"
    page.goto(web.url + "suche/?q=schulden")
    buttons = page.locator(".ww-ergebnisse > li .ww-merken")
    buttons.first.wait_for()
    names = page.locator(".ww-ergebnisse > li .ww-eintrag__name").all_inner_texts()[:2]
    buttons.nth(0).click()
    buttons.nth(1).click()
    return names


def cards(page) -> list[str]:
    page.locator(".ww-merkliste__angebot h2").first.wait_for()
    return page.locator(".ww-merkliste__angebot h2").all_inner_texts()


def test_offers_collected_on_their_page_and_in_results_show_side_by_side(advisor, web):
    page = advisor.new_page()
    from_results = collect_three(page, web)
    page.goto(web.url + "merkliste/")
    assert cards(page) == ["Sucht- und Drogenberatung Aue", *from_results]
    assert page.inner_text(".ww-merkliste__status") == "Angebote auf der Merkliste: 3."
    card = page.locator(".ww-merkliste__angebot").first.inner_text()
    assert "Telefon:" in card and "Zuletzt geprüft am" in card and "Ein Angebot von" in card
    # Several cards, one page: headings below the card's title, ids still unique.
    assert page.evaluate("() => { const ids = [...document.querySelectorAll('[id]')].map(e => e.id);"
                         " return ids.length === new Set(ids).size; }")
    assert advisor.hosts == {web.host}  # nothing went anywhere else


def test_a_shared_link_shows_the_same_list_in_a_fresh_browser_and_can_be_taken_over(advisor, chromium, web):
    page = advisor.new_page()
    collect_three(page, web)
    page.goto(web.url + "merkliste/")
    mine = cards(page)
    link = page.input_value(".ww-merkliste__link")
    assert "#a=diakonie-erzgebirge-suchtberatung-aue," in link
    other = chromium.new_context()  # another device: nothing saved there
    try:
        shared = other.new_page()
        shared.goto(link)
        assert cards(shared) == mine
        assert shared.is_visible(".ww-merkliste__uebernehmen")
        shared.click(".ww-merkliste__uebernehmen")
        assert "#" not in shared.url
        assert shared.evaluate("() => JSON.parse(localStorage.getItem('wegweiser-merkliste')).length") == 3
    finally:
        other.close()


def test_a_shared_link_takes_only_offering_ids_and_says_when_one_is_gone(advisor, web):
    page = advisor.new_page()
    page.goto(web.url + "merkliste/#a=diakonie-erzgebirge-suchtberatung-aue,gibt-es-nicht,<img src=x>")
    page.locator(".ww-merkliste__angebot").nth(1).wait_for()
    assert page.locator(".ww-merkliste__angebot").count() == 2
    assert "Dieses Angebot gibt es nicht mehr" in page.locator(".ww-merkliste__angebot").nth(1).inner_text()
    assert page.locator(".ww-merkliste__angebot img").count() == 0


def test_emptying_the_list_is_announced_and_leaves_nothing_stored(advisor, web):
    page = advisor.new_page()
    collect_three(page, web)
    page.goto(web.url + "merkliste/")
    cards(page)
    page.click(".ww-merkliste__leeren")
    assert "Die Merkliste ist jetzt leer." in announced(page)
    assert page.locator(".ww-merkliste__angebot").count() == 0
    assert page.inner_text(".ww-merkliste__status").startswith("Ihre Merkliste ist leer.")
    assert page.evaluate("() => localStorage.getItem('wegweiser-merkliste')") == "[]"
    assert not page.is_visible(".ww-merkliste__leeren")
