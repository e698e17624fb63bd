"""Hand-outs on paper (druck.css, wegweiser.js) over the example site, printed to PDF in
Chromium and read back as the client who is handed the sheet reads it: one offering on one
A4 page, a Merkliste or a search result of five offers on at most two, each offer with how
to get there and when, what it costs, how one gets in, its languages and accessibility and
when it was last checked; every page's footer names the site, the page's address and the
print date; nothing that only works on a screen (navigation, filters, buttons)."""
from __future__ import annotations

import datetime as dt
import io
import re
from zoneinfo import ZoneInfo

import pytest
import yaml
from pypdf import PdfReader

from conftest import REPO, prepared
from generator.render.environment import local_date_of

# A richer offering than most: easy language, two contacts, hours with a note, four ways
# in, sign language, seven accessibility features; the provider's web site.
RICH = "eutb-erzgebirge-teilhabeberatung-annaberg"
# Five that an advisor might collect, among the longest of the example directory: several
# offices each, long weeks, closures, many languages and features.
FIVE = (RICH, "jobcenter-erzgebirgskreis-buergergeld", "diakonie-erzgebirge-suchtberatung-aue",
        "eutb-aachen-teilhabeberatung", "kommunales-jobcenter-hochtaunuskreis-buergergeld")
# Five offers for debts in the district of Mayen-Koblenz (a word and a filter).
FIVE_RESULTS = "?q=Schulden&region=landkreis-mayen-koblenz"
# Half past midnight in Berlin is still the day before in New York, where the browser is:
# the print date is the site's day.
PRINTED = dt.datetime(2026, 12, 2, 0, 30, tzinfo=ZoneInfo("Europe/Berlin"))
SITE_NAME = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["site_name"]
# What a screen offers to press or to type in; none of it belongs on paper.
ON_SCREEN_ONLY = ("Drucken", "Merken", "Gemerkt", "Teilen", "Karte laden", "Fehler melden", "Anrufen",
                  "E-Mail schreiben", "Weg dorthin", "Zum Inhalt springen", "Link teilen", "Merkliste leeren",
                  "Weitere Angebote zeigen", "Wonach suchen Sie?", "In der Nähe von", "Umkreis", "Filter:")


@pytest.fixture(scope="module")
def example():
    return prepared(REPO / "content")


@pytest.fixture
def advisor(chromium):
    """A fresh browser profile in New York, with the clock stopped at PRINTED."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, timezone_id="America/New_York")
    yield context
    context.close()


def open_page(context, address: str):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.clock.set_fixed_time(PRINTED.timestamp())
    page.goto(address)
    return page


class Paper:
    """A page printed on A4 as Chromium prints it, and its text read back."""

    def __init__(self, page):
        reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
        self.pages = [sheet.extract_text() for sheet in reader.pages]
        self.text = "\n".join(self.pages)
        self.flat = " ".join(self.text.split())  # lines joined: a long line may wrap anywhere
        self.lines = {line.strip() for line in self.text.splitlines()}

    def says(self, words: str) -> bool:
        """Whether the words are on paper, across line breaks (an address or a link without
        spaces may be broken after any character)."""
        if " " in words:
            return " ".join(words.split()) in self.flat
        return words in re.sub(r"\s+", "", self.text)

    def missing(self, *words: str) -> list[str]:
        return [w for w in words if not self.says(w)]

    def on_screen_only(self) -> list[str]:
        return [w for w in ON_SCREEN_ONLY if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", self.text)]


def offering(example, offering_id: str):
    return next(o for o in example.directory.offerings if o.id == offering_id)


def how_to_reach(example, offering_id: str) -> list[str]:
    """What the paper must say to reach an offering: its name, provider, every address and
    every phone number and e-mail address, the web address written out."""
    record = offering(example, offering_id)
    organisation = example.directory.organisation(record.organisation_id)
    words = [record.name.get("de"), organisation.name.get("de"), record.website or organisation.website]
    for place in record.places:
        words += [place.street, f"{place.postcode} {place.town}"]
    for contact in record.contacts:
        words += [contact.phone, contact.email]
    return [w for w in words if w]


def what_to_expect(example, offering_id: str) -> list[str]:
    """Its hours, cost, ways in, languages, accessibility and the day it was last checked."""
    record, vocabularies = offering(example, offering_id), example.vocabularies
    words = [vocabularies["wochentage"].label(day) for hours in record.hours for day in hours.days]
    words += [f"{hours.start} bis {hours.end} Uhr" for hours in record.hours]
    words += [vocabularies["kosten"].label(record.cost)] if record.cost else []
    words += [term.label("de") for term in vocabularies["zugangswege"].ordered(record.ways_in)]
    words += [vocabularies["sprachen"].label(term) for term in record.languages]
    words += [vocabularies["barrierefreiheit"].label(term) for term in record.accessibility]
    return words + [f"Zuletzt geprüft am {local_date_of('de')(record.last_checked)}"]


def footer_missing(paper: Paper, address: str) -> list[str]:
    """The footer of every printed page: the site, the page's address, the print date."""
    printed = f"Gedruckt am {local_date_of('de')(PRINTED.date())}"
    return [f"page {number}: {words}" for number, sheet in enumerate(paper.pages, 1)
            for words in (SITE_NAME, address, printed)
            if " ".join(words.split()) not in " ".join(sheet.split()) and words not in re.sub(r"\s+", "", sheet)]


def test_an_offering_prints_on_one_page_with_everything_needed_to_get_there(advisor, web, example):
    address = web.url + f"angebote/{RICH}/"
    page = open_page(advisor, address)
    tabs = page.locator(".md-tabs__link").all_inner_texts()
    assert "Merkliste" in tabs  # the navigation is there on the screen
    paper = Paper(page)
    assert len(paper.pages) == 1, paper.text
    assert paper.missing(*how_to_reach(example, RICH), *what_to_expect(example, RICH)) == []
    assert paper.says("Ein Angebot von") and paper.says("https://")  # the provider named, the web address written out
    assert footer_missing(paper, address) == []
    assert paper.on_screen_only() == []
    assert [tab for tab in tabs if tab in paper.lines] == []  # no navigation
    assert "Impressum" not in paper.lines
    assert page.errors == []


def test_the_longest_offerings_of_the_example_fit_on_one_page_each(advisor, web):
    page = open_page(advisor, web.url)
    for offering_id in FIVE[1:]:
        page.goto(web.url + f"angebote/{offering_id}/")
        assert len(Paper(page).pages) == 1, offering_id


def test_a_merkliste_of_five_opened_from_its_link_prints_on_two_pages_at_most(advisor, web, example):
    page = open_page(advisor, web.url + "merkliste/#a=" + ",".join(FIVE))
    page.locator(".ww-merkliste__angebot").nth(len(FIVE) - 1).locator("h2").wait_for()
    paper = Paper(page)
    assert len(paper.pages) <= 2, paper.text
    for offering_id in FIVE:
        assert paper.missing(*how_to_reach(example, offering_id), *what_to_expect(example, offering_id)) == []
    assert footer_missing(paper, web.url + "merkliste/#a=" + ",".join(FIVE)) == []  # the link opens the same list
    assert paper.on_screen_only() == []
    assert not paper.says("Link zu dieser Liste") and not paper.says("nur in diesem Browser")
    assert page.errors == []


def test_a_search_of_five_results_prints_on_two_pages_at_most_with_what_was_searched(advisor, web, example):
    address = web.url + "suche/" + FIVE_RESULTS
    page = open_page(advisor, address)
    page.wait_for_function("() => window.wegweiserSuche !== undefined")
    page.evaluate("window.wegweiserSuche.run()")
    links = page.locator("a.ww-eintrag__name").evaluate_all("links => links.map(a => a.href)")
    assert len(links) == 5, page.inner_text(".ww-treffer")  # what this test is about
    paper = Paper(page)
    assert len(paper.pages) <= 2, paper.text
    assert paper.says("Gesucht: „Schulden“ · Region: Landkreis Mayen-Koblenz")
    for link in links:
        offering_id = link.rstrip("/").rsplit("/", 1)[-1]
        record = offering(example, offering_id)
        organisation = example.directory.organisation(record.organisation_id)
        # A result is short: the first phone number and e-mail address, each address on a line.
        # The web address written out as one types it, without "https://".
        web = (record.website or organisation.website).removeprefix("https://")
        reach = [record.name.get("de"), organisation.name.get("de"), web,
                 next(c.phone for c in record.contacts if c.phone), next(c.email for c in record.contacts if c.email),
                 *[place.one_line for place in record.places]]
        assert paper.missing(*reach, *what_to_expect(example, offering_id)) == [], offering_id
    assert footer_missing(paper, address) == []
    assert paper.on_screen_only() == []
    facets = page.locator(".ww-facette summary").all_inner_texts()
    assert facets and [facet for facet in facets if facet in paper.lines] == []  # no filters
    assert page.errors == []


@pytest.mark.parametrize("address", [f"angebote/{RICH}/", "merkliste/#a=" + ",".join(FIVE), "suche/?q=Schulden"])
def test_a_print_button_is_on_the_screen_and_not_on_paper(advisor, web, address):
    page = open_page(advisor, web.url + address)
    button = page.locator(".ww-drucken")
    assert button.count() == 1 and button.is_visible() and button.inner_text() == "Drucken"
    page.evaluate("() => { window.printed = 0; window.print = () => { window.printed += 1; }; }")
    button.click()
    assert page.evaluate("() => window.printed") == 1  # the browser's print dialog, once
    page.emulate_media(media="print")
    assert not button.is_visible()
