"""The search page in a real browser over the fixture site: query, every facet, URL state,
distance sort, keyboard use, and no request to any other host."""
from __future__ import annotations

import shutil
from urllib.parse import urlsplit

import pytest

from local_server import LocalServer
from conftest import FIXTURE_SITE, build, mkdocs_config


@pytest.fixture(scope="module")
def site_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("suche")
    shutil.copytree(FIXTURE_SITE, root / "project" / "content")
    build(mkdocs_config(root / "project" / "content", root / "site"))
    with LocalServer(root / "site") as web:
        yield web


@pytest.fixture
def page(chromium, site_url):
    context = chromium.new_context()
    page = context.new_page()
    page.hosts = set()
    page.on("request", lambda r: page.hosts.add(urlsplit(r.url).netloc))
    page.open = lambda query="": (page.goto(site_url.url + "suche/" + query),
                                  page.wait_for_function("() => window.wegweiserSuche !== undefined"), settle(page))
    yield page
    context.close()


def settle(page):
    page.evaluate("window.wegweiserSuche.run()")


def names(page) -> list[str]:
    return page.locator(".ww-ergebnisse a.ww-eintrag__name").all_inner_texts()


def status(page) -> str:
    return page.locator(".ww-treffer").inner_text()


@pytest.mark.parametrize("query", ["beratung", "Strasse", "Straße", "Schluessel", "Suchtberatungen"])
def test_a_query_finds_word_parts_and_transliterations(page, query):
    page.open()
    page.fill("#ww-suchwort", query)
    settle(page)
    assert "Suchtberatung Beispielstadt" in names(page)


def test_every_facet_filters_and_its_count_matches_the_results(page):
    page.open()
    page.locator("details.ww-filter > summary").click()
    keys = page.locator(".ww-facette input[type=checkbox]").evaluate_all(
        "boxes => [...new Set(boxes.map(b => b.name))]")
    assert set(keys) == {"region", "thema", "zielgruppe", "recht", "sprache", "barrierefrei", "kosten",
                         "zugang", "status"}
    for key in keys:
        page.open()
        page.locator("details.ww-filter > summary").click()
        box = page.locator(f".ww-facette li:not([hidden]) input[name={key}]").first
        box.locator("xpath=ancestor::details[1]/summary").click()
        count = int(box.locator("xpath=ancestor::li[1]").locator(".ww-anzahl").inner_text().strip("()"))
        box.check()
        settle(page)
        assert len(names(page)) == count, key
        assert f"{count} Angebot" in status(page)


def test_facets_combine_with_the_query(page):
    page.open("?q=beratung&thema=familie")
    assert names(page) == ["Beratung für Familien in Ústí"]


def test_the_filter_state_lives_in_the_url_and_the_back_button_undoes_it(page):
    page.open("?q=beratung")
    before = names(page)
    page.locator("details.ww-filter > summary").click()
    page.locator(".ww-facette input[name=thema][value=familie]").evaluate("b => b.closest('details').open = true")
    page.check(".ww-facette input[name=thema][value=familie]")
    settle(page)
    assert "thema=familie" in page.url and "q=beratung" in page.url
    page.reload()
    page.wait_for_function("() => window.wegweiserSuche !== undefined")
    settle(page)
    assert page.is_checked(".ww-facette input[name=thema][value=familie]")
    page.go_back()
    settle(page)
    assert not page.is_checked(".ww-facette input[name=thema][value=familie]")
    assert names(page) == before


def test_near_a_place_sorts_by_distance_and_shows_it(page):
    page.open("?ort=Dresden&umkreis=alle")  # the whole region: tests/test_search_radius_in_browser.py has the radius
    results = page.locator(".ww-ergebnisse li").all_inner_texts()
    assert results[0].startswith("Suchtberatung Beispielstadt") and " km" in results[0]
    assert "nach Entfernung von Dresden sortiert" in status(page)
    page.open("?ort=40001")
    assert names(page)[0] == "Beratung für Familien in Ústí"


def test_an_unknown_place_is_explained(page):
    page.open("?ort=Atlantis")
    assert "Den Ort „Atlantis“ kennen wir nicht" in page.locator(".ww-ort-hinweis").inner_text()


def test_the_search_works_by_keyboard_and_announces_the_count(page):
    page.open()
    page.focus("#ww-suchwort")
    page.keyboard.type("Familien")
    page.wait_for_timeout(400)
    settle(page)
    assert page.locator(".ww-treffer").get_attribute("role") == "status"
    assert "Beratung für Familien in Ústí" in names(page)
    summary = page.locator("details.ww-filter > summary")
    summary.focus()
    page.keyboard.press("Enter")
    page.locator(".ww-facette summary").first.focus()
    page.keyboard.press("Enter")
    first_box = page.locator(".ww-facette li:not([hidden]) input").first
    first_box.focus()
    page.keyboard.press("Space")
    settle(page)
    assert first_box.is_checked()
    assert page.locator("label:has(#ww-suchwort), label[for=ww-suchwort]").count() == 1


def test_the_search_page_asks_no_other_host(page, site_url):
    page.open("?q=sucht&ort=Dresden")
    page.wait_for_load_state("networkidle")
    assert page.hosts == {site_url.host}


def test_the_search_box_on_every_page_leads_to_the_search(page, site_url):
    page.goto(site_url.url + "themen/sucht/")
    page.fill("#ww-suchleiste-feld", "Suchtberatung")
    page.keyboard.press("Enter")
    page.wait_for_function("() => window.wegweiserSuche !== undefined")
    settle(page)
    assert "Suchtberatung Beispielstadt" in names(page)


def test_a_ticked_filter_without_offerings_stays_visible_so_it_can_be_unticked(page):
    page.open("?thema=pflege")
    box = page.locator(".ww-facette input[name=thema][value=pflege]")
    assert box.is_checked() and box.is_visible()
    assert "0 Angebote gefunden" in status(page)


def test_a_query_of_only_common_words_says_so(page):
    page.open("?q=und%20f%C3%BCr")
    assert "zu allgemein" in status(page)


def test_a_decomposed_umlaut_in_the_query_finds_the_same(page):
    page.open("?q=Schlu%CC%88ssel")
    assert "Suchtberatung Beispielstadt" in names(page)


FOLD_SAMPLES = ["Schlüssel", "Schlu\u0308ssel", "STRASSE Straße", "Ústí nad Labem", "Děčín", "Łódź", "ÆØÅ æøå",
                "ﬁnanz", "Œuvre", "İstanbul", "Ǆ ǅ", "ẞ", "①②", "Ⅻ", "½", "ＡＢＣ", "ǅemal", "ﬀ", "ο Σ ς",
                "\u212b", "é\u0301", "A\u030a", "ıi", "ß" * 3, "Zürich-Öhringen", "emoji 🙂 ok"]


def test_the_browser_folds_text_exactly_as_the_index_does(page):
    from generator.text import fold

    page.open()
    in_browser = page.evaluate("samples => samples.map(window.wegweiserSuche.fold)", FOLD_SAMPLES)
    assert in_browser == [fold(sample) for sample in FOLD_SAMPLES]


STEM_SAMPLES = ["schulden", "alleinerziehende", "beratungen", "drogy", "dluhove", "zavislosti", "romove", "prace",
                "poradna", "zeny", "sluzbach", "refugees", "counselling", "families", "addicted", "job", "abc"]


@pytest.mark.parametrize("language", ["de", "cs", "en"])
def test_the_browser_takes_the_same_word_endings_off_as_search_words_says(page, site_url, language):
    from generator.render.search_words import stem

    page.goto(site_url.url + ("" if language == "de" else f"{language}/") + "suche/")
    page.wait_for_function("() => window.wegweiserSuche !== undefined")
    in_browser = page.evaluate("samples => samples.map(window.wegweiserSuche.stem)", STEM_SAMPLES)
    assert in_browser == [stem(sample, language) for sample in STEM_SAMPLES]
    if language == "cs":
        assert in_browser[STEM_SAMPLES.index("drogy")] == "drog"
        assert in_browser[STEM_SAMPLES.index("romove")] == "rom"


def test_a_search_overtaken_by_a_newer_one_resolves_when_the_newer_results_are_shown(page):
    # Typing on while a search loads its files (a slow line, the 200 ms pause after typing):
    # whoever waits for the first search must find the results of the last one on screen.
    page.open()
    shown = page.evaluate("""() => {
      const box = document.querySelector('#ww-suchwort');
      box.value = 'Suchtberatung';
      const first = window.wegweiserSuche.run();
      box.value = 'Schutzwohnung';
      window.wegweiserSuche.run();
      return first.then(() => [...document.querySelectorAll('.ww-ergebnisse a.ww-eintrag__name')]
        .map(a => a.textContent));
    }""")
    assert shown == names(page) and any("Schutzwohnung" in name for name in shown)
    assert not any("Suchtberatung" in name for name in shown)
