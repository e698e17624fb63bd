"""Listings in pages of ``PAGE_SIZE`` entries: no page grows with the directory.

A listing (A–Z, a theme, a region, the places, the providers) is one sequence of entries,
each under a heading (a letter, a town, "Ohne festen Ort"); ``paginated`` cuts it into
pages. Page 1 keeps the listing's address, so old links and bookmarks stay good; page n
is ``…/seite/n/`` (``SiteMap.listing_page``). A heading whose entries go on over a page
break stands again on the next page, so that each page reads on its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .urls import SiteMap

NEIGHBOURS = 2  # pages linked by number on each side of the current one
PAGE_SIZE = 50  # entries per page: a page stays under 25 KB compressed, and a list short enough to read


@dataclass(frozen=True)
class Entry:
    heading: str  # the heading the entry stands under ("" for none)
    item: Any  # an offering, or an (offering, place) pair, or an organisation
    anchor: str = ""  # the heading's id, for links into the listing (the letters of A–Z)


@dataclass(frozen=True)
class Section:
    heading: str
    anchor: str
    items: list


@dataclass(frozen=True)
class ListingPage:
    src: str
    number: int  # from 1
    sources: tuple[str, ...]  # every page of the listing, in order
    first: int  # the number of the page's first entry, from 1
    total: int  # entries in the whole listing
    sections: tuple[Section, ...]

    @property
    def count(self) -> int:
        return len(self.sources)

    @property
    def last(self) -> int:
        return self.first + sum(len(section.items) for section in self.sections) - 1

    @property
    def shown(self) -> tuple[int, ...]:
        """The pages the navigation links by number: the first, the last, and those next
        to this one; the gaps between are shown as "…"."""
        return tuple(n for n in range(1, self.count + 1) if n in (1, self.count) or abs(n - self.number) <= NEIGHBOURS)


def _sections(entries: list[Entry]) -> tuple[Section, ...]:
    sections: list[Section] = []
    for entry in entries:
        if not sections or sections[-1].heading != entry.heading:
            sections.append(Section(entry.heading, entry.anchor, []))
        sections[-1].items.append(entry.item)
    return tuple(sections)


def paginated(entries: list[Entry], src: str, site_map: SiteMap, size: int = PAGE_SIZE) -> list[ListingPage]:
    """The pages of a listing; an empty listing is one page without entries."""
    chunks = [entries[start:start + size] for start in range(0, len(entries), size)] or [[]]
    sources = tuple(site_map.listing_page(src, number) for number in range(1, len(chunks) + 1))
    return [ListingPage(sources[index], index + 1, sources, index * size + 1, len(entries), _sections(chunk))
            for index, chunk in enumerate(chunks)]


def page_of_anchor(pages: list[ListingPage], anchor: str) -> str:
    """The page on which a heading first stands, with its anchor: a letter's link."""
    page = next(page for page in pages if any(section.anchor == anchor for section in page.sections))
    return f"{page.src}#{anchor}"
