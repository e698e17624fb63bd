"""Listings in pages of 50: every entry on exactly one page, headings again after a page
break, letters linked to the page they begin on, a navigation that names where one is."""
from __future__ import annotations

from generator.render.pagination import PAGE_SIZE, Entry, page_of_anchor, paginated
from generator.render.urls import SiteMap


def entries(count: int, per_heading: int = 30) -> list[Entry]:
    return [Entry(f"Ort {n // per_heading}", n, f"ort-{n // per_heading}") for n in range(count)]


def test_every_entry_stands_on_exactly_one_page_of_at_most_fifty():
    pages = paginated(entries(121), "a-z.md", SiteMap())
    assert [page.src for page in pages] == ["a-z.md", "a-z/seite/2.md", "a-z/seite/3.md"]
    items = [item for page in pages for section in page.sections for item in section.items]
    assert items == list(range(121))
    assert [(page.first, page.last, page.total) for page in pages] == [(1, 50, 121), (51, 100, 121), (101, 121, 121)]
    assert all(sum(len(s.items) for s in page.sections) <= PAGE_SIZE for page in pages)


def test_a_heading_whose_entries_go_on_over_a_page_break_stands_again():
    first, second, _ = paginated(entries(121), "a-z.md", SiteMap())
    assert [s.heading for s in first.sections] == ["Ort 0", "Ort 1"]
    assert [s.heading for s in second.sections] == ["Ort 1", "Ort 2", "Ort 3"]
    assert page_of_anchor([first, second], "ort-1") == "a-z.md#ort-1"  # where it begins
    assert page_of_anchor([first, second], "ort-3") == "a-z/seite/2.md#ort-3"


def test_the_navigation_shows_the_first_the_last_and_the_neighbours():
    pages = paginated(entries(1000), "a-z.md", SiteMap())
    assert pages[9].shown == (1, 8, 9, 10, 11, 12, 20)
    assert pages[0].shown == (1, 2, 3, 20) and pages[19].shown == (1, 18, 19, 20)


def test_an_empty_listing_is_one_page_without_entries():
    [page] = paginated([], "themen/sucht.md", SiteMap())
    assert page.src == "themen/sucht.md" and page.total == 0 and page.count == 1 and page.sections == ()
