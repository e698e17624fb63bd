"""How current the entries are: "zuletzt geprüft" dates, overdue entries, reminders.

A directory lives on fresh data. Entries older than a limit are marked on the site
(``stale_after``), entries much older can be left out of listings, search and maps
(``hide_after``), and ``wegweiser stale`` lists what is due for review, by network and
organisation, for people and for the reminder workflow.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field

from .directory import Directory
from .records import Offering, Organisation
from .text import sort_key

AGE_PATTERN = re.compile(r"^(\d{1,3})([mdj])$")  # 12m = months, 90d = days, 2j = years


def parse_age(spec: str) -> tuple[int, str]:
    match = AGE_PATTERN.match(spec.strip().lower().replace("y", "j"))
    if not match:
        raise ValueError(f"„{spec}“ ist keine Zeitangabe. Beispiele: 12m (zwölf Monate), 90d (Tage), 2j (Jahre).")
    return int(match.group(1)), match.group(2)


def cutoff(spec: str, today: dt.date) -> dt.date:
    """The day before which an entry counts as overdue: ``12m`` before today, and so on."""
    amount, unit = parse_age(spec)
    if unit == "d":
        return today - dt.timedelta(days=amount)
    months = amount * (12 if unit == "j" else 1)
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    month += 1
    day = min(today.day, [31, 29 if year % 4 == 0 and (year % 100 or year % 400 == 0) else 28,
                          31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1])
    return dt.date(year, month, day)


def today() -> dt.date:
    """Today, or the day SOURCE_DATE_EPOCH names, so a rebuild of old content is reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today()


@dataclass(frozen=True)
class Limits:
    """The days before which an entry is marked as old, or left out of listings, and the
    build's day, which also divides coming events from past ones."""

    stale_before: dt.date | None = None
    hide_before: dt.date | None = None
    today: dt.date = field(default_factory=today)  # the function above: the build's day

    @classmethod
    def from_config(cls, stale_after: str | None, hide_after: str | None, day: dt.date | None = None) -> "Limits":
        day = day or today()
        return cls(cutoff(stale_after, day) if stale_after else None,
                   cutoff(hide_after, day) if hide_after else None, day)

    def is_stale(self, offering: Offering) -> bool:
        return self.stale_before is not None and offering.last_checked < self.stale_before

    def is_hidden(self, offering: Offering) -> bool:
        return self.hide_before is not None and offering.last_checked < self.hide_before


@dataclass(frozen=True)
class Overdue:
    organisation: Organisation
    offerings: tuple[Offering, ...]


def overdue(directory: Directory, before: dt.date) -> list[Overdue]:
    """Organisations with offerings (not ended) last checked before the given day."""
    found = []
    for organisation in sorted(directory.organisations, key=lambda o: sort_key(o.name)):
        late = tuple(sorted((o for o in organisation.offerings
                             if not o.ended and o.last_checked < before),
                            key=lambda o: (o.last_checked, sort_key(o.name))))
        if late:
            found.append(Overdue(organisation, late))
    return found


def by_network(directory: Directory, entries: list[Overdue]) -> list[tuple[str, list[Overdue]]]:
    """The overdue organisations under each network they belong to, then those in none."""
    groups = []
    for network in sorted(directory.networks, key=lambda n: sort_key(n.name)):
        members = {o.id for o in directory.members_of(network)}
        inside = [e for e in entries if e.organisation.id in members]
        if inside:
            groups.append((str(network.name), inside))
    in_any = {o.id for n in directory.networks for o in directory.members_of(n)}
    outside = [e for e in entries if e.organisation.id not in in_any]
    if outside:
        groups.append(("Ohne Netzwerk", outside))
    return groups
