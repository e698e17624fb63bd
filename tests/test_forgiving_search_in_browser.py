"""Search that forgives (issue 13), over the example site, typed into the search box as a
visitor types: typos of words of five letters or more are forgiven, everyday words find
what the records call otherwise (schemas/vokabulare/synonyme.yml), and a search that
finds nothing offers near words, the lists and the emergency numbers."""
from __future__ import annotations

import pytest

AUE = "diakonie-erzgebirge-suchtberatung-aue"  # "Sucht- und Drogenberatung Aue", mentions Crystal
ADDICTION = {"caritas-rhein-berg-suchtberatung", AUE}
DEBTS = {"diakonie-erzgebirge-schuldnerberatung-stollberg", "schuldnerberatung-mayen-schuldnerberatung"}
GAMBLING = {"drogenberatung-andernach-beratung", AUE, "caritas-rhein-berg-suchtberatung"}  # "Glücksspiel"
BUERGERGELD = {"jobcenter-erzgebirgskreis-buergergeld", "jobcenter-rhein-berg-buergergeld",
               "kommunales-jobcenter-hochtaunuskreis-buergergeld"}
MENTAL_HEALTH = {"kreisverwaltung-mayen-koblenz-sozialpsychiatrischer-dienst",  # topic "psychische Gesundheit",
                 "angehoerigengruppe-psychisch-kranker-aue-gruppentreffen"}  # no "Depression" in their texts
STEP_FREE = "staedteregion-aachen-inklusionsberatung"  # stufenlos, Aufzug; no "Rollstuhl" in its texts


@pytest.fixture(scope="module")
def page(chromium, web):
    context = chromium.new_context()
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(web.url + "suche/")
    page.wait_for_function("() => window.wegweiserSuche !== undefined")
    yield page
    assert page.errors == []
    context.close()


def typed(page, text: str) -> list[str]:
    """The ids of the results shown after typing ``text`` and pressing Enter."""
    page.fill("#ww-suchwort", text)
    page.press("#ww-suchwort", "Enter")
    page.evaluate("window.wegweiserSuche.run()")  # resolves when the results are shown
    return shown(page)


def shown(page) -> list[str]:
    return [href.rstrip("/").split("/")[-1] for href in page.locator(
        ".ww-ergebnisse a.ww-eintrag__name").evaluate_all("links => links.map(a => a.getAttribute('href'))")]


def found_count(page) -> int:
    return int(page.inner_text(".ww-treffer").split()[0].replace(".", ""))


@pytest.mark.parametrize(("query", "expected"), [("Suchtberatng", ADDICTION), ("Schludnerberatung", DEBTS)])
def test_a_typo_in_a_long_word_finds_what_the_word_finds(page, query, expected):
    assert expected <= set(typed(page, query))
    assert not page.locator(".ww-keine-treffer").is_visible()


def test_a_typo_finds_a_compound_written_apart_as_the_right_word_does(page):
    right = typed(page, "Suchtberatung")
    assert AUE in right  # "Sucht- und Drogenberatung": found by its parts
    assert typed(page, "Suchtberatng") == right


def test_a_typo_in_a_word_of_four_letters_is_not_guessed(page):
    assert typed(page, "Sucht")
    assert typed(page, "Asly") == []  # "Asyl" with two letters swapped
    assert page.locator(".ww-keine-treffer").is_visible()


@pytest.mark.parametrize(("query", "expected"), [
    ("Spielsucht", GAMBLING), ("Hartz IV", BUERGERGELD), ("hartz 4", BUERGERGELD),
    ("Depression", MENTAL_HEALTH), ("Depressionen", MENTAL_HEALTH), ("Depresion", MENTAL_HEALTH),
    ("Rollstuhl", {STEP_FREE})])
def test_an_everyday_word_finds_what_the_records_call_otherwise(page, query, expected):
    assert expected <= set(typed(page, query))


def test_hartz_iv_finds_the_buergergeld_offerings_first(page):
    assert set(typed(page, "Hartz IV")[:3]) == BUERGERGELD


def test_an_everyday_word_finds_what_fits_not_everything(page):
    typed(page, "")
    everything = found_count(page)
    typed(page, "Rollstuhl")
    assert 0 < found_count(page) < everything


def test_an_offering_with_the_typed_word_itself_comes_before_those_found_through_the_synonym(page):
    results = typed(page, "Crystal")  # synonym of "Drogen" and the topic Sucht
    assert results[0] == AUE
    assert "drogenberatung-andernach-beratung" in results[1:]  # "Drogenberatung", no "Crystal"


def test_a_search_that_finds_nothing_offers_the_lists_and_the_emergency_numbers(page):
    assert typed(page, "xyzzy") == []
    block = page.locator(".ww-keine-treffer")
    assert block.is_visible()
    assert block.locator("a[href='tel:112']").is_visible()
    links = block.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert {"../themen/", "../zielgruppen/", "../regionen/", "../a-z/"} <= set(links)
    assert not block.locator(".ww-vorschlaege").is_visible()  # nothing is near "xyzzy"
    typed(page, "Sucht")
    assert not block.is_visible()


def test_a_short_word_near_an_everyday_word_is_offered_as_a_suggestion(page):
    assert typed(page, "Asly") == []
    assert "asyl" in page.locator(".ww-vorschlag").all_inner_texts()


def test_a_typo_in_the_first_letters_offers_the_word_meant_and_a_click_searches_for_it(page):
    assert typed(page, "Shculdnerberatung") == []
    suggestions = page.locator(".ww-vorschlaege")
    assert suggestions.is_visible() and suggestions.inner_text().startswith("Meinten Sie")
    page.locator(".ww-vorschlag", has_text="schuldnerberatung").click()
    page.wait_for_function("() => document.querySelectorAll('.ww-ergebnisse .ww-eintrag').length > 0")
    assert set(shown(page)) >= DEBTS
    assert "q=schuldnerberatung" in page.url
    assert not page.locator(".ww-keine-treffer").is_visible()
    assert page.evaluate("() => document.activeElement.classList.contains('ww-treffer')")


def test_a_suggested_word_is_written_as_in_the_records_not_folded(page):
    assert typed(page, "Gulecksspiel") == []
    suggestions = page.locator(".ww-vorschlag").all_inner_texts()
    assert "glücksspiel" in suggestions and "gluecksspiel" not in suggestions
    page.locator(".ww-vorschlag", has_text="glücksspiel").click()
    page.wait_for_function("() => document.querySelectorAll('.ww-ergebnisse .ww-eintrag').length > 0")
    assert set(shown(page)) >= GAMBLING - {AUE}


@pytest.fixture(scope="module")
def czech_page(chromium, web):
    context = chromium.new_context()
    page = context.new_page()
    page.goto(web.url + "cs/suche/")
    page.wait_for_function("() => window.wegweiserSuche !== undefined")
    yield page
    context.close()


def test_an_everyday_phrase_near_the_whole_query_is_suggested_as_written(czech_page):
    assert typed(czech_page, "hazardni hri") == []
    assert "hazardní hry" in czech_page.locator(".ww-vorschlag").all_inner_texts()


def test_short_words_of_the_filter_labels_are_no_suggestion(czech_page):
    assert typed(czech_page, "hri") == []
    assert not any("při" in text for text in czech_page.locator(".ww-vorschlag").all_inner_texts())
