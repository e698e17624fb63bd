"""Near a place, in a real browser over the example site: the radius (5, 10, 25, 50 km or
the whole region), what lies beyond it offered but not hidden silently, offices farther
away that are responsible for the place, relevance before distance, the radius in the URL."""
from __future__ import annotations

import re

import pytest

AUE = "diakonie-erzgebirge-suchtberatung-aue"  # the addiction counselling in Aue
STOLLBERG = "diakonie-erzgebirge-ambulant-betreutes-wohnen"  # in Stollberg, found by "Sucht"
ONLINE = "caritas-rhein-berg-online-suchtberatung"  # online only: no address, no region


@pytest.fixture(scope="module")
def page(chromium, web):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.open = lambda query: (page.goto(web.url + "suche/" + query), ready(page))
    yield page
    context.close()


def ready(page):
    page.wait_for_function("() => window.wegweiserSuche !== undefined")
    settle(page)


def settle(page):
    page.evaluate("window.wegweiserSuche.run()")  # resolves when the results are shown


def results(page) -> list[tuple[str, str]]:
    """Each result shown: its offering id and its line of provider, towns and distance."""
    return page.locator(".ww-ergebnisse > li.ww-eintrag").evaluate_all("""items => items.map(item => [
        item.querySelector('a.ww-eintrag__name').getAttribute('href').replace(/\\/$/, '').split('/').pop(),
        item.querySelector('.ww-eintrag__details').textContent])""")


def km(details: str) -> float | None:
    shown = re.search(r"· (\d+(?:,\d)?) km", details)
    return float(shown.group(1).replace(",", ".")) if shown else None


def found(page) -> int:
    return int(re.match(r"(\d+) Angebot", page.inner_text(".ww-treffer")).group(1))


def test_sucht_near_stollberg_stays_within_25_km_and_the_note_widens_to_the_whole_region_by_distance(page):
    page.open("?q=Sucht&ort=Stollberg")
    assert page.input_value("#ww-umkreis") == "25"
    assert "im Umkreis von 25 km um Stollberg" in page.inner_text(".ww-treffer")
    near = results(page)
    assert AUE in dict(near) and STOLLBERG in dict(near)
    assert all(km(details) is not None and km(details) <= 25 or "zuständig für" in details
               for offering, details in near if offering != ONLINE)
    note = page.locator(".ww-umkreis-weiter")
    assert "weiter entfernt" in note.inner_text()  # Andernach, Bergisch Gladbach, … are not hidden silently
    note.locator("button").click()
    settle(page)
    assert page.input_value("#ww-umkreis") == "alle" and "umkreis=alle" in page.url
    assert "nach Entfernung von Stollberg sortiert" in page.inner_text(".ww-treffer")
    everywhere = [km(details) for _, details in results(page)]
    measured = [distance for distance in everywhere if distance is not None]
    assert len(everywhere) > len(near) and max(measured) > 300 and measured == sorted(measured)
    assert note.inner_text() == ""


def test_a_smaller_radius_keeps_the_nearer_offers_and_those_responsible_for_the_place_and_the_counts_follow(page):
    page.open("?ort=Stollberg&umkreis=5")
    within_five = results(page)
    beyond = [details for _, details in within_five if km(details) is None or km(details) > 5]
    assert beyond and all("zuständig für" in details for details in beyond)
    assert "zuständig für Versorgungsregion Aue/Schwarzenberg" in dict(within_five)[AUE]  # 14 km away
    few = found(page)
    addiction = int(page.locator(".ww-facette input[name=thema][value=sucht]").locator(
        "xpath=ancestor::li[1]").locator(".ww-anzahl").text_content().strip("()"))
    page.select_option("#ww-umkreis", "50")
    settle(page)
    assert "umkreis=50" in page.url and found(page) > few
    page.open("?ort=Stollberg&umkreis=5&thema=sucht")
    assert found(page) == addiction  # the count beside the filter obeyed the radius
    page.open("?ort=Stollberg&umkreis=alle&thema=sucht")
    assert found(page) > addiction


def test_an_office_responsible_for_a_larger_region_the_place_lies_in_is_near_even_across_the_border(page):
    # Dresden lies in the Landeshauptstadt, which is part of the Euroregion Elbe/Labe.
    page.open("?ort=Dresden&umkreis=5")
    across = dict(results(page))["acord-cz-fachaustausch-de-cz"]
    assert km(across) > 40 and "zuständig für Euroregion Elbe/Labe" in across


def test_sucht_near_aue_puts_the_addiction_counselling_before_others_as_near(page):
    page.open("?q=Sucht&ort=Aue")
    first, *others = results(page)
    assert first[0] == AUE
    assert any(km(details) == km(first[1]) for _, details in others)  # same distance, weaker match


def test_of_towns_sharing_a_name_the_one_in_the_directorys_regions_is_meant(page):
    page.open("?q=Sucht&ort=Oelsnitz")  # Oelsnitz/Erzgeb., not Oelsnitz/Vogtl. 45 km away
    assert km(dict(results(page))[STOLLBERG]) < 10


def test_the_radius_survives_a_reload_and_the_back_button_restores_the_one_before(page):
    page.open("?q=Sucht&ort=Stollberg")
    page.select_option("#ww-umkreis", "10")
    settle(page)
    assert "umkreis=10" in page.url
    page.reload()
    ready(page)
    assert page.input_value("#ww-umkreis") == "10" and "im Umkreis von 10 km" in page.inner_text(".ww-treffer")
    page.go_back()
    settle(page)
    assert page.input_value("#ww-umkreis") == "25" and "im Umkreis von 25 km" in page.inner_text(".ww-treffer")


def test_an_offering_with_neither_an_address_nor_a_region_stays_in_every_radius(page):
    page.open("?q=Sucht&ort=Stollberg&umkreis=5")
    online = dict(results(page))[ONLINE]  # for everyone, wherever they are
    assert km(online) is None and "zuständig" not in online
    assert "caritas-rhein-berg-suchtberatung" not in dict(results(page))  # its office is 400 km away


def test_from_the_visitors_own_location_offices_responsible_for_the_place_count_as_near(chromium, web):
    # The phone says it stands in Stollberg; the Kreis and the Versorgungsregion are known
    # from the nearest postcode, as if the visitor had typed it.
    context = chromium.new_context(geolocation={"latitude": 50.7089, "longitude": 12.7782},
                                   permissions=["geolocation"])
    page = context.new_page()
    page.goto(web.url + "suche/?umkreis=5")
    ready(page)
    page.click(".ww-standort")
    page.wait_for_function("() => document.querySelector('.ww-treffer').textContent.includes('Standort')")
    settle(page)
    near = dict(results(page))
    assert "zuständig für Versorgungsregion Aue/Schwarzenberg" in near[AUE]
    context.close()


def test_beyond_the_radius_counts_only_offers_with_every_word_like_the_results(page):
    page.open("?q=Sucht+Angehörige&ort=Stollberg&umkreis=5")
    within = found(page)
    farther = int(re.search(r"(\d+) weitere", page.inner_text(".ww-umkreis-weiter")).group(1))
    page.open("?q=Sucht+Angehörige&ort=Stollberg&umkreis=alle")
    assert "mit einem Teil Ihrer Suchwörter" in page.inner_text(".ww-treffer")  # partial ones exist
    assert within + farther == found(page)
