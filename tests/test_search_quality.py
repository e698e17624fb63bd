"""The search-quality sets in a real browser over the example site, one per language
(tests/fixtures/suchanfragen*.yml): every expected offer must be among the first ten
results. The Czech and English sets were written by a second reader from the records,
without looking at the search code."""
from __future__ import annotations


import pytest
import yaml

from local_server import LocalServer
from conftest import FIXTURES

SETS = {"de": "suchanfragen.yml", "cs": "suchanfragen-cs.yml", "en": "suchanfragen-en.yml"}
QUERIES = {language: yaml.safe_load((FIXTURES / name).read_text(encoding="utf-8")) for language, name in SETS.items()}
CASES = [(language, case) for language, cases in QUERIES.items() for case in cases]


@pytest.mark.parametrize("language", SETS)
def test_each_set_is_large_enough(language):
    assert len(QUERIES[language]) >= (30 if language == "de" else 15)


@pytest.fixture(scope="module")
def search_pages(example_site, chromium):
    with LocalServer(example_site) as web:
        pages = {}
        for language in SETS:
            page = chromium.new_page()
            page.goto(web.url + ("" if language == "de" else f"{language}/") + "suche/")
            page.wait_for_function("() => window.wegweiserSuche !== undefined")
            pages[language] = page
        yield pages
        for page in pages.values():
            page.close()


def top_ten(page, query: str) -> list[str]:
    page.fill("#ww-suchwort", query)
    page.evaluate("window.wegweiserSuche.run()")  # resolves when the results are shown
    hrefs = page.locator(".ww-ergebnisse a.ww-eintrag__name").evaluate_all(
        "links => links.slice(0, 10).map(a => a.getAttribute('href'))")
    return [href.rstrip("/").split("/")[-1] for href in hrefs]


@pytest.mark.parametrize(("language", "case"), CASES, ids=[f"{language}:{case['frage']}" for language, case in CASES])
def test_expected_offers_are_in_the_top_ten(search_pages, language, case):
    found = top_ten(search_pages[language], case["frage"])
    missing = [expected for expected in case["erwartet"] if expected not in found]
    assert missing == [], f"„{case['frage']}“ fand: {found}"


def test_a_place_is_never_silently_replaced_by_another_name_but_offered_as_a_suggestion(search_pages, chromium):
    page = chromium.new_page()
    page.goto(search_pages["de"].url.split("?")[0] + "?q=Sucht&ort=Berlin")  # "Berlingen" is known, "Berlin" not
    note = page.locator(".ww-ort-hinweis")
    note.locator("button", has_text="Berlingen").wait_for()
    assert "Den Ort „Berlin“ kennen wir nicht" in note.inner_text()
    assert "nach Entfernung" not in page.inner_text(".ww-treffer")
    note.locator("button", has_text="Berlingen").click()
    page.wait_for_function("() => document.querySelector('.ww-treffer').textContent.includes('Berlingen')")
    assert "ort=Berlingen" in page.url
    page.goto(search_pages["de"].url.split("?")[0] + "?q=Sucht&ort=Aue")  # "Aue-Bad Schlema" by its first word
    page.wait_for_function("() => document.querySelector('.ww-treffer').textContent.includes(' km um ')")
    assert "im Umkreis von 25 km um Aue" in page.inner_text(".ww-treffer")
    page.close()
