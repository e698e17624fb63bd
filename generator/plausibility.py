"""Values that are well-formed but cannot be meant: a last check in the future (the entry
would never count as old), opening hours that end before they begin and are no night's
hours, a one-day event that ends before it begins, and the template's example values left
in place (they would be published as the provider's).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterator

from .problems import Problem, shorten
from .template import TEMPLATE
from .yamlsafe import Document, parse

# Hours may run past midnight: from the afternoon or evening into the next morning, as a
# night shelter's (18:00 to 09:00) or a crisis service's outside office hours (16:00 to
# 07:30). A span that ends before it begins otherwise is a slip (18:00 to 14:00, or 08:00
# to 04:00 for 16:00); one that truly runs longer is split at midnight ("bis: 00:00").
NOON = 12 * 60
DAY = 24 * 60
LONGEST_NIGHT = 16 * 60  # 16:00 to 08:00; 14:00 to 12:00 is 12:00 to 14:00 swapped
TIME = re.compile(r"([01][0-9]|2[0-3]):([0-5][0-9])")  # as schemas/common.schema.json#/$defs/uhrzeit

# Fields whose example value in the template is the template's, not anybody's.
TEMPLATE_FIELDS = frozenset({"name", "kurzname", "beschreibung", "leichte_sprache", "webseite", "email",
                             "telefon", "strasse"})
TEMPLATE_ID = "__KENNUNG__"


def in_file(doc: Document, examples: dict[str, set[str]]) -> list[Problem]:
    """What the file alone decides, on any day: a build may keep that a file passed these."""
    return backwards_hours(doc) + backwards_event(doc) + template_left(doc, examples)


def _fields(value, name: str, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    """The values of every field ``name``, at any depth (without visiting every text)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key == name:
                yield path + (key,), item
            if isinstance(item, (dict, list)):
                yield from _fields(item, name, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, (dict, list)):
                yield from _fields(item, name, path + (index,))


def _values(value, path: tuple = ()) -> Iterator[tuple[tuple, object]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _values(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _values(item, path + (index,))


def future_checks(doc: Document, today: dt.date) -> list[Problem]:
    problems = []
    for path, value in _fields(doc.data, "zuletzt_geprueft"):
        if not isinstance(value, str):
            continue
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            continue  # the schema names a malformed date
        if day > today + dt.timedelta(days=1):  # a day's grace for the time zones
            problems.append(doc.problem(path, (
                f"Der Tag der letzten Prüfung ({value}) liegt in der Zukunft; so würde der Eintrag nie "
                "als veraltet erkannt. Bitte tragen Sie den Tag ein, an dem Sie die Angaben zuletzt "
                "geprüft haben, höchstens den heutigen.")))
    return problems


def _minutes(value) -> int | None:
    """Minutes since midnight of a time the schema accepts; None for any other value (the
    schema names it, and a time that is none is never suggested back)."""
    match = TIME.fullmatch(value) if isinstance(value, str) else None
    return int(match[1]) * 60 + int(match[2]) if match else None


def _time(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def backwards_hours(doc: Document) -> list[Problem]:
    problems = []
    for path, value in _values(doc.data):
        if not (path[-2:-1] == ("sprechzeiten",) and isinstance(value, dict)):
            continue
        start, end = _minutes(value.get("von")), _minutes(value.get("bis"))
        if start is None or end is None:
            continue
        if start == end:
            problems.append(doc.problem(path + ("bis",), (
                f"Beginn und Ende sind gleich ({value['von']}). Ist das Angebot rund um die Uhr "
                "erreichbar, schreiben Sie „rund_um_die_uhr: ja“ beim Angebot; sonst prüfen Sie bitte "
                "die Zeiten.")))
        elif end < start and end != 0 and not (start >= NOON and end <= NOON and DAY - start + end <= LONGEST_NIGHT):
            # 08:00 to 04:00 is 08:00 to 16:00 on a twelve-hour clock; 18:00 to 14:00 is swapped.
            meant = (start, end + NOON) if start < NOON and end + NOON > start else (end, start)
            problems.append(doc.problem(path + ("bis",), (
                f"Die Sprechzeit endet vor ihrem Beginn ({value['von']} bis {value['bis']}). Meinten Sie "
                f"{_time(meant[0])} bis {_time(meant[1])}? Über Mitternacht kann eine Sprechzeit gehen, die "
                "frühestens um 12:00 beginnt, spätestens um 12:00 am nächsten Tag endet und höchstens 16 Stunden "
                "dauert (z. B. 18:00 bis 09:00). Ist das Angebot anders über Mitternacht offen, teilen Sie die "
                "Zeit in zwei Sprechzeiten: eine bis „00:00“ und eine am nächsten Tag ab „00:00“.")))
    return problems


def backwards_event(doc: Document) -> list[Problem]:
    """A one-day event that ends before it begins (14:00 to 13:00): a slip, not a night."""
    data = doc.data if isinstance(doc.data, dict) else {}
    start, end = _minutes(data.get("beginn")), _minutes(data.get("ende"))
    one_day = data.get("bis_datum") in (None, data.get("datum"))
    if start is None or end is None or end >= start or not one_day:
        return []
    return [doc.problem(("ende",), (
        f"Der Termin endet vor seinem Beginn ({data['beginn']} bis {data['ende']}). Bitte prüfen Sie die "
        "Uhrzeiten. Geht der Termin über Mitternacht, tragen Sie den nächsten Tag als „bis_datum“ ein."))]


def template_values() -> dict[str, set[str]]:
    """The example values of `wegweiser new`'s template, by field name."""
    text = TEMPLATE.read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for path, value in _values(parse(text, TEMPLATE).data):
        # "Allgemeine Sozialberatung" may well be an offering's own name; "Beispiel-…" is not.
        if path and path[-1] in TEMPLATE_FIELDS and isinstance(value, str) and (
                "eispiel" in value or path[-1] in ("beschreibung", "leichte_sprache", "telefon")):
            found.setdefault(path[-1], set()).add(" ".join(value.split()))
    return found


def template_left(doc: Document, examples: dict[str, set[str]]) -> list[Problem]:
    problems = []
    for path, value in _values(doc.data):
        if not isinstance(value, str) or not path:
            continue
        if TEMPLATE_ID in value:
            problems.append(doc.problem(path, (
                f"Hier steht noch „{TEMPLATE_ID}“ aus der Vorlage. Bitte ersetzen Sie es durch die Kennung "
                "Ihres Trägers (wie der Dateiname).")))
        elif " ".join(value.split()) in examples.get(str(path[-1]), ()):
            problems.append(doc.problem(path, (
                f"„{shorten(value.strip())}“ ist der Beispielwert aus der Vorlage. Bitte tragen Sie Ihre "
                "eigene Angabe ein oder löschen Sie das Feld, wenn es freiwillig ist.")))
    return problems
