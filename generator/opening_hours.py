"""When an offering is open: its weekly hours in week order, the closures still to come,
and the compact data from which the browser says "jetzt geöffnet".

A static site is built once and read at any hour, so the build cannot say whether an
offering is open now. It hands the browser the rules instead (the week, the closures, the
public holidays of a bounded window), and ``sprechzeiten.js`` applies them to the clock of
the site's time zone. The data is small and free of record text: the search can carry the
week and the closures of each result, and the holidays once for each area they hold in
(``public_holidays.area``).
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from .records import Closure, Offering, OpeningHours

SITE_TIME_ZONE = "Europe/Berlin"  # Czechia keeps the same clock
# The terms of schemas/vokabulare/wochentage.yml, Monday first; the browser counts the days
# as ISO 8601 does (Monday = 1), so their meaning is fixed here, not by the file's order.
WEEKDAYS = ("mo", "di", "mi", "do", "fr", "sa", "so")
MIDNIGHT = "24:00"  # the end of a day, only in the browser's data


def by_day(hours: Iterable[OpeningHours]) -> list[tuple[str, OpeningHours]]:
    """One row per day and time span, Monday first, each day's spans by the hour: people look
    up their day, and a file lists its spans in any order."""
    return sorted(((day, span) for span in hours for day in span.days),
                  key=lambda row: (WEEKDAYS.index(row[0]), row[1].start, row[1].end))


def coming_closures(closures: Iterable[Closure], today: dt.date) -> list[Closure]:
    """The closures not over by ``today``, the earliest first ("closed until" before all)."""
    return sorted((c for c in closures if c.end >= today), key=lambda c: (c.start or dt.date.min, c.end))


def week(hours: Iterable[OpeningHours]) -> list[list]:
    """``[weekday, from, to]`` with Monday = 1. A span that ends before it begins (18:00 to
    08:00) runs past midnight: the rest of its day and the morning of the next."""
    spans = []
    for day, span in by_day(hours):
        number = WEEKDAYS.index(day) + 1
        if span.end > span.start:
            spans.append([number, span.start, span.end])
            continue
        spans.append([number, span.start, MIDNIGHT])
        if span.end != "00:00":
            spans.append([number % 7 + 1, "00:00", span.end])
    return sorted(spans)


def said_in_the_browser(offering: Offering) -> bool:
    """Whether the browser says "open now" for an offering: not without hours, nor where the
    page already says it is closed or ended."""
    return bool(offering.hours) and offering.active


def browser_data(offering: Offering, today: dt.date, holidays: Iterable[dt.date]) -> dict | None:
    """What sprechzeiten.js evaluates, or None where it has nothing to say
    (``said_in_the_browser``): ``w`` the week (``week``), ``z`` the closures as ``[first day,
    last day]`` with "" as the first day of "closed until", ``f`` the public holidays from
    ``today`` on, on which the offering is closed. Days are ISO dates."""
    if not said_in_the_browser(offering):
        return None
    return {
        "w": week(offering.hours),
        "z": [[c.start.isoformat() if c.start else "", c.end.isoformat()]
              for c in coming_closures(offering.closures, today)],
        # Around the clock means on holidays too (the page says so).
        "f": [] if offering.around_the_clock else [day.isoformat() for day in sorted(holidays) if day >= today],
    }
