"""The opening hours on an offering page: the table in week order, the closures still to
come as text (what a page without JavaScript and a print-out show), and for
``sprechzeiten.js`` the data to evaluate and its sentences in the page's language."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .. import opening_hours, public_holidays
from ..directory import Directory
from ..records import Closure, Offering, OpeningHours


@dataclass(frozen=True)
class OpeningView:
    rows: list[tuple[str, OpeningHours]]  # (weekday term, span), Monday first
    closures: list[Closure]
    data: dict | None  # for data-sprechzeiten; None: the browser has nothing to say

    @property
    def closed_on_holidays(self) -> bool:
        """Whether the page says so: only where the browser knows the holidays too."""
        return bool(self.data and self.data["f"])


def views(directory: Directory, today: dt.date):
    """``opening_hours(offering)`` of the templates, for a build on ``today``."""

    def view(offering: Offering) -> OpeningView:
        # Only an offering the browser speaks for needs its holidays (and maybe the gazetteer).
        wanted = opening_hours.said_in_the_browser(offering) and not offering.around_the_clock
        holidays = public_holidays.holidays_of(offering, directory, today) if wanted else ()
        return OpeningView(opening_hours.by_day(offering.hours),
                           opening_hours.coming_closures(offering.closures, today),
                           opening_hours.browser_data(offering, today, holidays))

    return view


def browser_texts(gettext, locale: str) -> dict:
    """What sprechzeiten.js says, and how it writes days and times: ``%(time)s`` is
    ``hour`` or ``hourMinute`` filled in, ``%(day)s`` one of ``days`` (within a week) or
    ``onDate`` with the date as ``locale`` writes it. Each is a sentence of its own, so that
    the script only puts sentences one after the other."""
    return {
        "zone": opening_hours.SITE_TIME_ZONE,
        "locale": locale,
        "open": gettext("Jetzt geöffnet bis %(time)s."),
        "openNow": gettext("Jetzt geöffnet."),
        "aroundTheClock": gettext("Rund um die Uhr erreichbar."),
        "closedNow": gettext("Jetzt geschlossen."),
        "holiday": gettext("Heute geschlossen (Feiertag)."),
        "closedToday": gettext("Heute geschlossen."),
        "opensToday": gettext("Öffnet heute um %(time)s."),
        "opensTomorrow": gettext("Öffnet morgen um %(time)s."),
        "opensOn": gettext("Öffnet %(day)s um %(time)s."),
        "onDate": gettext("am %(date)s"),
        "days": [gettext("am Montag"), gettext("am Dienstag"), gettext("am Mittwoch"), gettext("am Donnerstag"),
                 gettext("am Freitag"), gettext("am Samstag"), gettext("am Sonntag")],
        "hour": gettext("%(hour)s Uhr"),
        "hourMinute": gettext("%(hour)s:%(minute)s Uhr"),
    }
