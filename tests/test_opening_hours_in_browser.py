"""“Is it open?” as a visitor sees it on an offering page: said at the hour the page is
read, on the site's clock (Europe/Berlin) whatever the visitor's own, from the data the
build wrote. The clock is set with Playwright to a public holiday, a weekday evening and
an hour of opening; the holidays the test expects come from the `holidays` library itself."""
from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import holidays
import pytest

from generator.freshness import today

BERLIN = ZoneInfo("Europe/Berlin")
AUE = "angebote/diakonie-erzgebirge-suchtberatung-aue/"  # Aue (Saxony): Mo, We, Th 8-16, Tu 14-17
USTI = "cs/angebote/clovek-v-tisni-terenni-programy/"  # Ústí nad Labem: Mo-Th 8:00-16:30
MONDAY, TUESDAY, FRIDAY = 0, 1, 4  # date.weekday()


@pytest.fixture
def visitor(chromium):
    """A browser in New York: a script that read the visitor's clock would be six hours off."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, timezone_id="America/New_York")
    yield context
    context.close()


def closures(web_page) -> list[list[str]]:
    return json.loads(web_page.get_attribute(".ww-jetzt", "data-sprechzeiten"))["z"]


def said_at(context, url: str, moment: dt.datetime) -> str:
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.set_fixed_time(moment.timestamp())
    page.goto(url)
    status = page.locator(".ww-jetzt")
    status.wait_for(state="visible")
    text = status.inner_text()
    page.close()
    assert errors == []
    return text


def days_ahead():
    """The days after the build's day, within the window whose holidays the build knows."""
    day = today() + dt.timedelta(days=1)
    while day.year <= today().year + 1:
        yield day
        day += dt.timedelta(days=1)


def normal(day: dt.date, free: holidays.HolidayBase, closed: list[list[str]]) -> bool:
    return day not in free and not any(start <= day.isoformat() <= end for start, end in closed)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN)


@pytest.fixture(scope="module")
def aue(chromium, web):
    """The Saxon holidays and the Aue office's closures, as a build today knows them."""
    page = chromium.new_page()
    page.goto(web.url + AUE)
    closed = closures(page)
    page.close()
    return holidays.country_holidays("DE", subdiv="SN", years=(today().year, today().year + 1)), closed


def test_on_a_public_holiday_the_page_says_closed_and_when_it_opens(visitor, web, aue):
    free, closed = aue
    # Easter Monday and Whit Monday are Saxon holidays every year, and the Tuesday after is not.
    holiday = next(d for d in days_ahead() if d.weekday() == MONDAY and d in free
                   and normal(d + dt.timedelta(days=1), free, closed))
    assert said_at(visitor, web.url + AUE, at(holiday, 10)) == "Heute geschlossen (Feiertag). Öffnet morgen um 14 Uhr."


def test_on_a_weekday_evening_the_page_says_closed_until_the_next_morning(visitor, web, aue):
    free, closed = aue
    tuesday = next(d for d in days_ahead() if d.weekday() == TUESDAY and normal(d, free, closed)
                   and normal(d + dt.timedelta(days=1), free, closed))
    # 19:00 in Aue is 13:00 in New York, where the office would open "heute um 14 Uhr".
    assert said_at(visitor, web.url + AUE, at(tuesday, 19)) == "Jetzt geschlossen. Öffnet morgen um 8 Uhr."
    assert said_at(visitor, web.url + AUE, at(tuesday, 13, 5)) == "Jetzt geschlossen. Öffnet heute um 14 Uhr."
    wednesday = tuesday + dt.timedelta(days=1)
    assert said_at(visitor, web.url + AUE, at(wednesday, 15, 30)) == "Jetzt geöffnet bis 16 Uhr."


def test_on_a_friday_evening_the_page_names_the_day_it_opens(visitor, web, aue):
    free, closed = aue
    friday = next(d for d in days_ahead() if d.weekday() == FRIDAY and normal(d + dt.timedelta(days=3), free, closed))
    assert said_at(visitor, web.url + AUE, at(friday, 18)) == "Jetzt geschlossen. Öffnet am Montag um 8 Uhr."


def test_the_czech_page_says_it_in_czech_on_a_czech_holiday(visitor, web):
    free = holidays.country_holidays("CZ", years=(today().year, today().year + 1))
    holiday = next(d for d in days_ahead() if d.weekday() <= 3 and d in free)  # the office's days: Mo-Th
    assert said_at(visitor, web.url + USTI, at(holiday, 10)).startswith("Dnes zavřeno (státní svátek). Otevírá ")
    monday = next(d for d in days_ahead() if d.weekday() == MONDAY and d not in free
                  and d + dt.timedelta(days=1) not in free)
    assert said_at(visitor, web.url + USTI, at(monday, 18)) == "Nyní zavřeno. Otevírá zítra v 8:00."
    assert said_at(visitor, web.url + USTI, at(monday, 10)) == "Nyní otevřeno do 16:30."


# The script's rules on data of our own: closed until, spans that meet, a night past midnight.
CASES = [
    ({"w": [[1, "09:00", "12:00"]], "z": [["", "2027-01-08"]], "f": []}, "2027-01-04", 600,
     "Heute geschlossen. Öffnet am 11. Januar um 9 Uhr."),
    ({"w": [[1, "09:00", "12:00"]], "z": [["2027-01-11", "2027-01-11"]], "f": ["2027-01-18"]}, "2027-01-08", 600,
     "Jetzt geschlossen. Öffnet am 25. Januar um 9 Uhr."),
    ({"w": [[2, "09:00", "12:00"], [2, "12:00", "16:30"]], "z": [], "f": []}, "2027-01-05", 600,
     "Jetzt geöffnet bis 16:30 Uhr."),
    ({"w": [[5, "18:00", "24:00"], [6, "00:00", "08:00"]], "z": [], "f": []}, "2027-01-08", 1200,
     "Jetzt geöffnet."),
    ({"w": [[5, "18:00", "24:00"]], "z": [], "f": []}, "2027-01-08", 1200, "Jetzt geöffnet bis 24 Uhr."),
    ({"w": [[3, "09:30", "12:00"]], "z": [], "f": []}, "2027-01-05", 1200,
     "Jetzt geschlossen. Öffnet morgen um 9:30 Uhr."),
    ({"w": [], "z": [], "f": []}, "2027-01-05", 600, "Jetzt geschlossen."),
]


def test_the_rules_of_the_script(chromium, web):
    page = chromium.new_page()
    page.goto(web.url + AUE)
    for data, day, minute, expected in CASES:
        said = page.evaluate("""([data, day, minute]) => {
            const texts = JSON.parse(document.querySelector(".ww-jetzt").getAttribute("data-texte"));
            const rules = window.wegweiserSprechzeiten;
            return rules.sentence(rules.evaluate(data, {day: day, minute: minute}), texts);
        }""", [data, day, minute])
        assert said == expected, (data, day, minute)
    page.close()


def test_without_javascript_the_table_and_the_closures_say_it_all(chromium, web):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(web.url + AUE)
    assert not page.locator(".ww-jetzt").is_visible()
    assert page.locator(".ww-sprechzeiten tbody th").all_inner_texts() == ["Montag", "Dienstag", "Mittwoch",
                                                                           "Donnerstag"]
    assert page.get_by_text("An gesetzlichen Feiertagen geschlossen.").is_visible()
    context.close()
