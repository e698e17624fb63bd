"""Opening hours as HSDS schedules: one weekly rule (iCalendar RRULE fields) per span of
our hours, and closures as gaps between the periods in which those rules hold.

HSDS has no "closed" schedule. Its guidance for exceptional schedules is to end the
regular schedule (``valid_to``) before the exception and to start it again after
(``valid_from``); a closure is such an exception without hours. So each span yields one
schedule per period between closures, and ``alert`` says the closures in words.

Times are the local time of the place (``SITE_TIME_ZONE``; Prague has kept Berlin's clock
since 1979), written without an offset: a fixed UTC offset would be wrong for half of the
year, and HSDS's ``timezone`` field is a fixed offset too. Every description says so in
words a reader knows: "deutsche Zeit", or "tschechische Zeit" for an offering whose places
are all in Czechia, rather than the zone's IANA name.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from . import hsds_ids
from .opening_hours import SITE_TIME_ZONE, WEEKDAYS, by_day
from .records import Closure, Offering, OpeningHours

BYDAY = dict(zip(WEEKDAYS, ("MO", "TU", "WE", "TH", "FR", "SA", "SU"), strict=True))
DAY_WORDS = dict(zip(WEEKDAYS, ("Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"), strict=True))
# The zone of an offering's places by their country, and how a German reader calls it.
COUNTRY_ZONES = {"DE": SITE_TIME_ZONE, "CZ": "Europe/Prague"}
ZONE_WORDS = {"Europe/Berlin": "deutsche Zeit", "Europe/Prague": "tschechische Zeit"}
# HSDS's guidance for a service open day and night: every day from 00:00 to 23:59.
AROUND_THE_CLOCK = OpeningHours(tuple(WEEKDAYS), "00:00", "23:59")

Period = tuple[dt.date | None, dt.date | None]  # first and last valid day; None: open-ended


def german_date(day: dt.date) -> str:
    return f"{day.day:02d}.{day.month:02d}.{day.year}"


def valid_periods(closures: Iterable[Closure]) -> list[Period]:
    """The periods between the closures, in order: no closure, one open-ended period."""
    periods: list[Period] = []
    start: dt.date | None = None
    for closure in sorted(closures, key=lambda c: (c.start or dt.date.min, c.end)):
        if closure.start is not None and (start is None or closure.start > start):
            periods.append((start, closure.start - dt.timedelta(days=1)))
        after = closure.end + dt.timedelta(days=1)
        start = after if start is None else max(start, after)
    periods.append((start, None))
    return periods


def _days(span: OpeningHours) -> list[str]:
    return [day for day in WEEKDAYS if day in span.days]


def local_time(offering: Offering) -> str:
    """The offering's time zone in words: Czech where all its places are in Czechia, else
    the site's (an offering without a place is reached from the site's country)."""
    countries = {place.country for place in offering.places}
    zone = COUNTRY_ZONES.get(countries.pop(), SITE_TIME_ZONE) if len(countries) == 1 else SITE_TIME_ZONE
    return ZONE_WORDS.get(zone, f"Ortszeit {zone}")


def _description(span: OpeningHours, zone: str) -> str:
    if span == AROUND_THE_CLOCK:
        return f"Rund um die Uhr ({zone})"
    days = ", ".join(DAY_WORDS[day] for day in _days(span))
    overnight = " (bis zum nächsten Tag)" if span.end <= span.start else ""
    return f"{days} {span.start}–{span.end} Uhr{overnight} ({zone})"


def schedules(offering: Offering, service_id: str, closures: Iterable[Closure]) -> list[dict]:
    """The offering's schedules: its weekly hours (or day and night) in each period
    between ``closures``, and its note on the hours as a schedule of words only."""
    spans = list(offering.hours) + ([AROUND_THE_CLOCK] if offering.around_the_clock else [])
    # The spans in week order (by_day), each once: the file's order is no meaning.
    ordered = list(dict.fromkeys(span for _, span in by_day(spans)))
    found = []
    for period in valid_periods(closures):
        for span in ordered:
            name = ("rund-um-die-uhr",) if span == AROUND_THE_CLOCK else (
                ",".join(_days(span)), span.start, span.end)
            schedule = {
                "id": hsds_ids.uuid_of("schedule", offering.id, *name, *(d.isoformat() if d else "-" for d in period)),
                "service_id": service_id,
                "valid_from": period[0].isoformat() if period[0] else None,
                "valid_to": period[1].isoformat() if period[1] else None,
                "freq": "WEEKLY",
                "byday": ",".join(BYDAY[day] for day in _days(span)),
                "opens_at": span.start,
                "closes_at": span.end,
                "description": _description(span, local_time(offering)),
                "notes": span.note.de if span.note else None,
            }
            found.append(schedule)
    if offering.hours_note:
        found.append({"id": hsds_ids.uuid_of("schedule", offering.id, "hinweis"), "service_id": service_id,
                      "description": offering.hours_note.de})
    return found


def alert(closures: Iterable[Closure]) -> str:
    """The closures in German words, the earliest first, for the service's ``alert``."""
    sentences = []
    for closure in sorted(closures, key=lambda c: (c.start or dt.date.min, c.end)):
        if closure.start is None:
            when = f"bis einschließlich {german_date(closure.end)}"
        elif closure.start == closure.end:
            when = f"am {german_date(closure.end)}"
        else:
            when = f"vom {german_date(closure.start)} bis {german_date(closure.end)}"
        note = f" ({closure.note.de.rstrip('.')})" if closure.note else ""
        sentences.append(f"Geschlossen {when}{note}.")
    return " ".join(sentences)
