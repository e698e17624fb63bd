"""Schedules and alerts of HSDS data as opening hours and closures (``wegweiser import``).

HSDS describes times as iCalendar-like rules; our records know weekly opening hours, one
note, and closures. Weekly rules are taken over; any other rule keeps its description as
the note, and says so. Closures come back only from the ``alert`` our own export writes.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import hsds_schedules
from .import_records import shortened, text
from .opening_hours import WEEKDAYS

if TYPE_CHECKING:
    from .import_hsds import Mapping

DAYS = {code: day for day, code in hsds_schedules.BYDAY.items()}
GERMAN_DATE = r"(\d{2})\.(\d{2})\.(\d{4})"
CLOSURE = re.compile(rf"Geschlossen (?:am {GERMAN_DATE}|vom {GERMAN_DATE} bis {GERMAN_DATE}|bis einschließlich "
                     rf"{GERMAN_DATE})(?: \((.*?)\))?\.(?= Geschlossen |$)")


def opening_hours(mapping: Mapping, row: dict) -> dict:
    """A service's schedules as our opening hours: weekly ones as ``sprechzeiten`` (around
    the clock as ``rund_um_die_uhr``), any other by its description as a note."""
    spans, notes = [], []
    around = False
    for schedule in mapping.under("schedule", "service_id", row["id"]):
        days = str(schedule.get("byday", "")).split(",") if schedule.get("byday") else []
        opens, closes = (str(schedule.get(f, ""))[:5] for f in ("opens_at", "closes_at"))
        weekly = schedule.get("freq") == "WEEKLY" and days and all(d in DAYS for d in days) and all(
            re.fullmatch(r"\d{2}:\d{2}", t) for t in (opens, closes))
        if weekly and str(schedule.get("description", "")).startswith("Rund um die Uhr") and len(days) == len(DAYS):
            around = True
        elif weekly:
            span = {"tage": [DAYS[d] for d in days], "von": opens, "bis": closes}
            if schedule.get("notes"):
                span["hinweis"] = text(schedule["notes"])
            if span not in spans:
                spans.append(span)
        elif schedule.get("description"):
            if schedule.get("freq"):
                mapping.note("schedule", schedule, "Diese Zeiten sind keine wöchentlichen und stehen nun als Hinweis "
                                                "bei den Sprechzeiten.")
            if schedule["description"] not in notes:
                notes.append(schedule["description"])
    found: dict = {}
    if spans:
        found["sprechzeiten"] = sorted(spans, key=lambda s: WEEKDAYS.index(s["tage"][0]))
    if around:
        found["rund_um_die_uhr"] = "ja"
    if notes:
        found["sprechzeiten_hinweis"] = text(" ".join(notes))
    closed = closures(mapping, row)
    if closed:
        found["schliesszeiten"] = closed
    return found


def closures(mapping: Mapping, row: dict) -> list[dict]:
    """The closures our own export writes into a service's ``alert``; any other alert is named."""
    alert = row.get("alert", "")
    found = []
    for match in CLOSURE.finditer(alert):
        groups = match.groups()
        day, start, end, until, note = groups[0:3], groups[3:6], groups[6:9], groups[9:12], groups[12]
        closure = {"datum": _iso(day)} if day[0] else {"von": _iso(start), "bis": _iso(end)} if start[0] else {
            "bis": _iso(until)}
        if note:
            closure["hinweis"] = note
        found.append(closure)
    if alert and not found:
        mapping.note("service", row, f"Der Hinweis „{shortened(alert)}“ (alert) wurde nicht übernommen: "
                                     "Nur Schließzeiten lassen sich eintragen.")
    return found



def _iso(parts: tuple[str, ...]) -> str:
    """("24", "12", "2026") → "2026-12-24"."""
    return f"{parts[2]}-{parts[1]}-{parts[0]}"
