"""What the site lists, computed once from the directory and shared by the page, map and
search renderers: which offerings are listed, in which order, under which term, region
and town."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from ..freshness import Limits
from ..directory import Directory
from ..records import Address, Event, Offering, Organisation, Region
from ..text import sort_key
from ..vocab import Term, Vocabulary
from .languages import GERMAN


def by_name(language: str):
    """The sort key of records by their name in the page's language (German where none)."""
    return lambda record: (sort_key(record.name.get(language)), record.id)


def by_town(offerings: Iterable[Offering], language: str = GERMAN) -> list[tuple[str, list[tuple[Offering, Address]]]]:
    """Every (offering, place) pair grouped by town: the maps' text alternative."""
    groups: dict[str, list[tuple[Offering, Address]]] = defaultdict(list)
    for offering in offerings:
        for place in offering.places:
            groups[place.town].append((offering, place))
    name_order = by_name(language)
    return [(town, sorted(groups[town], key=lambda pair: name_order(pair[0])))
            for town in sorted(groups, key=sort_key)]


def _when(event: Event) -> tuple:
    """Events in the order they take place: by day, then by the hour they begin."""
    return event.date, event.start or "", event.id


class Listings:
    def __init__(self, directory: Directory, vocabularies: dict[str, Vocabulary], limits: Limits,
                 language: str = GERMAN):
        self.directory = directory
        self.vocabularies = vocabularies
        self.limits = limits
        self.language = language
        self._by_name = by_name(language)
        # Ended offerings, and by configuration very old ones, keep their page but leave
        # the listings, the maps and the search.
        self.listed: list[Offering] = sorted(
            (o for o in directory.offerings if not o.ended and not limits.is_hidden(o)), key=self._by_name)
        self._in_region: dict[str, list[Offering]] = {}
        self._of_organisation: dict[str, list[Offering]] | None = None

    def with_term(self, vocabulary: str, term_id: str) -> list[Offering]:
        of = self.vocabularies[vocabulary].of
        return [o for o in self.listed if term_id in of(o)]

    def term_counts(self, vocabulary: str) -> list[tuple[Term, int]]:
        """Every term of the vocabulary, in its own order, with its number of offerings."""
        counts: dict[str, int] = defaultdict(int)
        of = self.vocabularies[vocabulary].of
        for offering in self.listed:
            for term_id in of(offering):
                counts[term_id] += 1
        return [(term, counts[term.id]) for term in self.vocabularies[vocabulary].terms.values()]

    def a_to_z(self) -> list[tuple[str, list[Offering]]]:
        by_letter: dict[str, list[Offering]] = defaultdict(list)
        for offering in self.listed:
            first = sort_key(offering.name.get(self.language))[:1].upper()
            by_letter[first if first.isalpha() else "#"].append(offering)
        return sorted(by_letter.items())

    def of_organisation(self, organisation: Organisation) -> list[Offering]:
        # Grouped once: the overview asks for every organisation, and a search through all
        # offerings each time grows as N² (3 s at 20,000 offerings).
        if self._of_organisation is None:
            self._of_organisation = defaultdict(list)
            for offering in self.listed:
                self._of_organisation[offering.organisation_id].append(offering)
        return self._of_organisation.get(organisation.id, [])

    def organisations(self) -> list[Organisation]:
        return sorted(self.directory.organisations, key=self._by_name)

    def networks(self):
        return sorted(self.directory.networks, key=self._by_name)

    def is_past(self, event: Event) -> bool:
        """Over before the build's day; an event lasting several days is coming until its last."""
        return (event.end_date or event.date) < self.limits.today

    def events(self) -> list[Event]:
        """The coming events (and those under way), the soonest first."""
        return sorted((e for e in self.directory.events if not self.is_past(e)), key=_when)

    def past_events(self) -> list[Event]:
        """The events of the archive page, the newest first."""
        return sorted((e for e in self.directory.events if self.is_past(e)), key=_when, reverse=True)

    def top_regions(self) -> list[Region]:
        return sorted((r for r in self.directory.regions if not r.part_of), key=self._by_name)

    def in_region(self, region_id: str) -> list[Offering]:
        """Offered in the region or in any region inside it (the region's page and map)."""
        if region_id not in self._in_region:
            inside = self.directory.within(region_id)
            self._in_region[region_id] = [o for o in self.listed if inside & set(o.regions)]
        return self._in_region[region_id]

    def members(self, network) -> list[Organisation]:
        return sorted(self.directory.members_of(network), key=self._by_name)

    def events_of(self, network) -> list[Event]:
        """The network's coming events, the soonest first."""
        return [e for e in self.events() if e.network == network.id]

    def past_events_of(self, network) -> list[Event]:
        """The network's past events, the newest first."""
        return [e for e in self.past_events() if e.network == network.id]

    def for_wider_region(self, region_id: str) -> list[Offering]:
        """Offered for a region the region lies in, and not for the region itself."""
        inside = self.directory.within(region_id)
        upward = {r.id for r in self.directory.parents(region_id)}
        return [o for o in self.listed if upward & set(o.regions) and not inside & set(o.regions)]
