"""Search results an advisor can compare (treffer.js) over the example site: each result
says when it is open and how to reach it, what it costs, how one gets in, its languages
and accessibility; "Jetzt geöffnet" filters on the site's clock; "Weitere Angebote zeigen"
appears only when there are more; on a phone the first result is on the first screen."""
from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import holidays
import pytest

from generator.freshness import today

BERLIN = ZoneInfo("Europe/Berlin")
AUE = "diakonie-erzgebirge-suchtberatung-aue"  # Mo, We, Th 8-16, Tu 14-17 in Aue (Saxony)
SHELTERS = {"frauenhaus-interventionsstelle-myk-frauenhaus", "frauenschutz-erzgebirge-schutzhaus"}


@pytest.fixture
def visitor(chromium):
    """A browser in New York: the results must speak of the site's clock, not the visitor's."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, timezone_id="America/New_York")
    yield context
    context.close()


def search(context, web, query: str, moment: dt.datetime | None = None):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if moment is not None:
        page.clock.set_fixed_time(moment.timestamp())
    page.goto(web.url + "suche/" + query)
    page.wait_for_function("() => window.wegweiserSuche !== undefined")
    page.evaluate("window.wegweiserSuche.run()")
    page.errors = errors
    return page


def result(page, offering_id: str):
    return page.locator(f".ww-eintrag:has(a.ww-eintrag__name[href$='/{offering_id}/'])")


def ids(page) -> list[str]:
    return [href.rstrip("/").split("/")[-1]
            for href in page.locator("a.ww-eintrag__name").evaluate_all("links => links.map(a => a.href)")]


def a_normal(weekday: int) -> dt.date:
    """The next such weekday, after today, that is no Saxon holiday (nor the day after)."""
    free = holidays.country_holidays("DE", subdiv="SN", years=(today().year, today().year + 1))
    day = today() + dt.timedelta(days=1)
    while day.weekday() != weekday or day in free or day + dt.timedelta(days=1) in free:
        day += dt.timedelta(days=1)
    return day


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=BERLIN)


def test_a_result_shows_how_to_reach_it_and_what_to_expect(visitor, web):
    page = search(visitor, web, "?q=Suchtberatung+Aue")
    aue = result(page, AUE)
    phone = aue.locator(".ww-eintrag__telefon a")
    assert phone.get_attribute("href").startswith("tel:+49") and phone.inner_text()
    assert "Beispielweg 3, 08280 Aue-Bad Schlema" in aue.locator(".ww-eintrag__adresse").inner_text()
    for line, words in ((".ww-eintrag__kosten", "Kosten: Kostenlos"),
                        (".ww-eintrag__zugang", "Offene Sprechstunde"),
                        (".ww-eintrag__sprachen", "Sprachen: Deutsch"),
                        (".ww-eintrag__barrierefrei", "Barrierefreiheit:")):
        item = aue.locator(line)
        assert words in item.inner_text()
        assert item.locator("svg[aria-hidden=true]").count() == 1  # an icon, beside its words
    assert aue.locator(".ww-eintrag__zeiten").inner_text()
    assert page.errors == []


def test_the_hours_of_a_result_follow_the_site_clock_and_public_holidays(visitor, web):
    wednesday = a_normal(2)
    page = search(visitor, web, "?q=Suchtberatung+Aue", at(wednesday, 15))
    assert result(page, AUE).locator(".ww-eintrag__zeiten").inner_text() == "Jetzt geöffnet bis 16 Uhr."
    page = search(visitor, web, "?q=Suchtberatung+Aue", at(a_normal(4), 18))  # a Friday evening
    said = result(page, AUE).locator(".ww-eintrag__zeiten").inner_text()
    assert said == "Jetzt geschlossen. Öffnet am Montag um 8 Uhr."
    free = holidays.country_holidays("DE", subdiv="SN", years=(today().year, today().year + 1))
    holiday = next(day for day in sorted(free) if day > today() and day.weekday() in (0, 2, 3))
    page = search(visitor, web, "?q=Suchtberatung+Aue", at(holiday, 10))
    assert result(page, AUE).locator(".ww-eintrag__zeiten").inner_text().startswith("Heute geschlossen (Feiertag).")


def test_open_now_keeps_only_what_is_open_on_the_site_clock_and_always_the_shelters(visitor, web):
    wednesday = a_normal(2)
    page = search(visitor, web, "?q=Sucht&offen=jetzt", at(wednesday, 10))
    open_in_the_morning = set(ids(page))
    assert AUE in open_in_the_morning
    assert all(line.startswith("Jetzt geöffnet") for line in page.locator(".ww-eintrag__zeiten").all_inner_texts())
    page = search(visitor, web, "?q=Sucht&offen=jetzt", at(wednesday, 23))
    assert AUE not in ids(page) and len(ids(page)) < len(open_in_the_morning)
    page.uncheck(".ww-jetzt-offen input")
    page.evaluate("window.wegweiserSuche.run()")
    assert "offen=" not in page.url and AUE in ids(page)
    page = search(visitor, web, "?q=Schutz+Frauen&offen=jetzt", at(wednesday, 23))
    assert set(ids(page)) >= SHELTERS  # open around the clock
    for shelter in SHELTERS:  # true on paper too, unlike "Jetzt geöffnet"
        line = result(page, shelter).locator(".ww-eintrag__zeiten")
        assert line.inner_text() == "Rund um die Uhr erreichbar."
        assert "ww-eintrag__jetzt" not in line.get_attribute("class")


@pytest.mark.parametrize(("query", "more"), [("?q=xyzzy", False), ("?q=Frauenhaus", False),
                                             ("?q=schulden", False), ("?q=beratung", True)])
def test_more_results_are_offered_only_when_there_are_more(visitor, web, query, more):
    page = search(visitor, web, query)
    shown = len(ids(page))
    button = page.locator(".ww-mehr")
    assert button.is_visible() == more
    if more:
        button.click()
        page.wait_for_function(f"() => document.querySelectorAll('.ww-eintrag').length > {shown}")
        assert len(ids(page)) > shown


def test_on_a_phone_the_first_result_is_on_the_first_screen_after_a_search_from_the_start_page(chromium, web):
    context = chromium.new_context(viewport={"width": 375, "height": 667}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(web.url)
    page.fill("#ww-start-was", "Schuldnerberatung")
    page.press("#ww-start-was", "Enter")
    first = page.locator(".ww-eintrag").first
    first.wait_for()
    # The arrived search moves focus to its count, which scrolls: wait until it stands still.
    page.wait_for_function("() => document.activeElement.classList.contains('ww-treffer')")
    page.evaluate("""() => new Promise(done => {
      let last = -1;
      (function frame() {
        if (window.scrollY === last) return done();
        last = window.scrollY;
        requestAnimationFrame(() => requestAnimationFrame(frame));
      })();
    })""")
    box = first.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 667, box
    context.close()
