"""Without JavaScript nothing is dead: the search page says so and shows the lists instead
of a form that cannot search, and "Karte laden" leads to the same offers as a list."""
from __future__ import annotations

import pytest



@pytest.fixture
def page(chromium):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("language, needs_script", [
    ("", "Die Suche braucht JavaScript"), ("cs/", "Vyhledávání potřebuje JavaScript"),
    ("en/", "The search needs JavaScript")])
def test_the_search_page_says_it_needs_javascript_and_offers_the_lists(page, web, language, needs_script):
    page.goto(web.url + language + "suche/?q=Sucht")
    notice = page.locator("noscript .ww-status-hinweis")  # Playwright's text search skips <noscript>
    assert notice.is_visible() and needs_script in notice.inner_text()
    for hidden in (".ww-suchformular", ".ww-treffer", ".ww-ergebnisse"):
        assert not page.locator(hidden).is_visible(), hidden
    lists = page.locator(".ww-status-hinweis a")
    assert lists.count() == 4
    for index in range(4):
        with page.expect_navigation():
            lists.nth(index).click()
        assert page.locator("h1").count() == 1 and page.locator(".md-content a").count() > 10
        page.go_back()


def test_load_map_on_a_region_page_leads_to_its_list_of_offers(page, web):
    page.goto(web.url + "regionen/erzgebirgskreis/")
    page.click("text=Karte laden")
    assert page.url.endswith("regionen/erzgebirgskreis/#ww-liste")
    assert page.locator("#ww-liste .ww-eintrag").count() > 5
    assert page.locator("#ww-liste").is_visible()


def test_load_map_on_the_map_page_leads_to_all_offers_by_place(page, web):
    page.goto(web.url + "karte/")
    with page.expect_navigation():
        page.click("text=Karte laden")
    assert page.url.endswith("/orte/")
    assert page.locator(".md-content .ww-eintrag, .md-content li a").count() > 20
