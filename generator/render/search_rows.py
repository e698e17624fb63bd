"""What one search result shows, so that an advisor can compare offers without opening
each: how to reach it (address, phone, e-mail, web), when (the opening hours for
``sprechzeiten.js``), what it costs, how one gets in, and the languages and accessibility;
for paper also the week's hours written out and the day the entry was last checked, since
"open now" means nothing a day after printing.

The rows go into the ``d-<n>.json`` files (see ``search_files``), read by position to keep
them small; ``details`` is a small object whose keys are left out when empty. The public
holidays the hours refer to are shared per area (``holidays_file``), not repeated in
every row: thousands of offerings in one Land have the same thirty dates.
"""
from __future__ import annotations

import datetime as dt
from typing import Callable, Iterable

from .. import opening_hours, public_holidays
from ..directory import Directory
from ..markup import tel_href
from ..records import Offering, Text
from ..text import sort_key
from ..vocab import Vocabulary


def _labels(vocabulary: Vocabulary, offering: Offering, language: str) -> list[str]:
    return [term.label(language) for term in vocabulary.ordered(vocabulary.of(offering))]


def _addresses(offering: Offering) -> list[str]:
    """A confidential address (a shelter) shows its town only, as on the offering page."""
    return [place.town if place.confidential else place.one_line for place in offering.places]


def _first(values) -> str:
    return next((value for value in values if value), "")


class ResultRows:
    """The rows of one language's index, and the holiday areas they refer to."""

    def __init__(self, directory: Directory, vocabularies: dict[str, Vocabulary], language: str,
                 today: dt.date, gettext: Callable[[str], str] = lambda message: message,
                 local_date: Callable[[dt.date], str] = dt.date.isoformat):
        self.directory = directory
        self.vocabularies = vocabularies
        self.language = language
        self.today = today
        self.gettext = gettext
        self.local_date = local_date
        self._hours: dict[str, list | None] = {}  # offering id -> hours(): a row and h.json both need them

    def hours(self, offering: Offering) -> list | None:
        """``[week, closures, holiday area]`` as sprechzeiten.js reads them, or None where the
        browser has nothing to say (no hours, or only "by appointment")."""
        if offering.id not in self._hours:
            data = opening_hours.browser_data(offering, self.today, ())
            if data is not None:
                area = "" if offering.around_the_clock else public_holidays.area(offering, self.directory) or ""
                data = [data["w"], data["z"], area]
            self._hours[offering.id] = data
        return self._hours[offering.id]

    def open_when(self, offering: Offering) -> list | int:
        """For the "open now" filter (``h.json``): the hours, 1 for always (around the clock),
        or 0 where nothing is known to be open."""
        if offering.around_the_clock and offering.active:
            return 1
        return self.hours(offering) or 0

    def week(self, offering: Offering) -> list[str]:
        """The hours as the offering page's table says them, one line per day and span:
        "Montag 09:00 bis 15:00 Uhr (Offene Sprechstunde)"; the details add the note on the
        hours, for paper."""
        days, at = self.vocabularies["wochentage"], self.gettext("%(start)s bis %(end)s Uhr")
        return [f"{days.label(day, self.language)} {at % {'start': span.start, 'end': span.end}}"
                + (f" ({span.note.get(self.language)})" if span.note else "")
                for day, span in opening_hours.by_day(offering.hours)]

    def details(self, offering: Offering) -> dict:
        """What a result shows besides its name, provider and towns; empty keys left out.
        Nothing for an ended offering: its status says it all, as on its page."""
        if offering.ended:
            return {}
        vocab, language = self.vocabularies, self.language
        phone = _first(c.phone for c in offering.contacts)
        details = {
            "a": _addresses(offering),
            "t": [phone, tel_href(phone)] if phone else None,
            "m": _first(c.email for c in offering.contacts),
            "u": offering.website or self.directory.organisation(offering.organisation_id).website,
            "k": vocab["kosten"].label(offering.cost, language) if offering.cost else "",
            "g": [term.label(language) for term in vocab["zugangswege"].ordered(offering.ways_in)],
            "s": _labels(vocab["sprachen"], offering, language),
            "b": _labels(vocab["barrierefreiheit"], offering, language),
            "h": self.hours(offering),
            "r": 1 if offering.around_the_clock and offering.active else 0,
            "w": self.week(offering) + ([offering.hours_note.get(language)] if offering.hours_note else []),
            "c": self.local_date(offering.last_checked),
        }
        return {key: value for key, value in details.items() if value}

    def row(self, offering: Offering, organisation: Text) -> list:
        """``[name, offering id, organisation, towns, status label or "", details]``, and on
        a Czech or English site whether the offering's and the organisation's names are the
        German ones ("de" or "")."""
        language = self.language
        towns = ", ".join(sorted({p.town for p in offering.places}, key=sort_key))
        outreach = self.gettext("aufsuchend") if offering.outreach else ""
        row = [offering.name.get(language), offering.id, organisation.get(language),
               towns or outreach or (self.gettext("online") if offering.online else ""),
               "" if offering.active else self.vocabularies["status"].label(offering.status, language),
               self.details(offering)]
        if offering.name.lacks(language) or organisation.lacks(language):  # German names get lang="de"
            row += ["de" if offering.name.lacks(language) else "", "de" if organisation.lacks(language) else ""]
        return row

    def holidays_file(self, offerings: Iterable[Offering]) -> dict[str, list[str]]:
        """The public holidays from today on of every area the hours of ``offerings`` name."""
        years = public_holidays.window(self.today)
        areas = {hours[2] for hours in map(self.hours, offerings) if hours and hours[2]}
        return {area: [day.isoformat() for day in public_holidays.dates(area, years) if day >= self.today]
                for area in sorted(areas)}
