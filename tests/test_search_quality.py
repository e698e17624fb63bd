"""The search-quality set (tests/fixtures/suchanfragen.yml) in a real browser over the
example site: every expected offer must be among the first ten results."""
from __future__ import annotations


import pytest
import yaml

from local_server import LocalServer
from conftest import FIXTURES

QUERIES = yaml.safe_load((FIXTURES / "suchanfragen.yml").read_text(encoding="utf-8"))


def test_the_set_is_large_enough():
    assert len(QUERIES) >= 30


@pytest.fixture(scope="module")
def search_page(example_site, chromium):
    with LocalServer(example_site) as web:
        page = chromium.new_page()
        page.goto(web.url + "suche/")
        page.wait_for_function("window.wegweiserSuche !== undefined")
        yield page
        page.close()


def top_ten(page, query: str) -> list[str]:
    page.fill("#ww-suchwort", query)
    page.evaluate("window.wegweiserSuche.run()")
    page.wait_for_function("document.querySelector('.ww-treffer').textContent.indexOf('gefunden') >= 0")
    hrefs = page.locator(".ww-ergebnisse a.ww-eintrag__name").evaluate_all(
        "links => links.slice(0, 10).map(a => a.getAttribute('href'))")
    return [href.rstrip("/").split("/")[-1] for href in hrefs]


@pytest.mark.parametrize("case", QUERIES, ids=[q["frage"] for q in QUERIES])
def test_expected_offers_are_in_the_top_ten(search_page, case):
    found = top_ten(search_page, case["frage"])
    missing = [expected for expected in case["erwartet"] if expected not in found]
    assert missing == [], f"„{case['frage']}“ fand: {found}"
