"""Well-formed values that cannot be meant are refused with what to do instead."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from generator import plausibility, yamlsafe

TODAY = dt.date(2026, 12, 1)


def document(text: str) -> yamlsafe.Document:
    return yamlsafe.parse(text, Path("t.yml"))


def test_a_last_check_after_tomorrow_is_in_the_future_today_and_tomorrow_are_not():
    for day, refused in (("2026-12-01", False), ("2026-12-02", False), ("2026-12-03", True)):
        found = plausibility.future_checks(document(f"angebote:\n  - zuletzt_geprueft: \"{day}\"\n"), TODAY)
        assert bool(found) is refused and all("in der Zukunft" in p.message for p in found)


def hours(start: str, end: str) -> list[str]:
    text = f"angebote:\n  - sprechzeiten:\n      - tage: [mo]\n        von: {start}\n        bis: {end}\n"
    return [p.message for p in plausibility.backwards_hours(document(text))]


def test_night_hours_run_from_the_afternoon_or_evening_into_the_next_morning():
    # A night shelter, a crisis service outside office hours, a night café; a day's hours.
    for start, end in (("22:00", "06:00"), ("18:00", "09:00"), ("16:00", "07:30"), ("22:00", "01:00"),
                       ("20:00", "08:00"), ("09:00", "12:00"), ("08:00", "00:00")):
        assert hours(f'"{start}"', f'"{end}"') == [], (start, end)
    assert hours('"22:00"', "01:00") == []  # unquoted: the loader keeps every value as text


def test_hours_ending_before_they_begin_otherwise_suggest_what_was_meant_and_how_to_split_at_midnight():
    [swapped] = hours('"18:00"', '"14:00"')
    assert "(18:00 bis 14:00)" in swapped and "Meinten Sie 14:00 bis 18:00?" in swapped
    [twelve_hour_clock] = hours('"08:00"', '"04:00"')
    assert "Meinten Sie 08:00 bis 16:00?" in twelve_hour_clock
    assert "eine bis „00:00“ und eine am nächsten Tag ab „00:00“" in twelve_hour_clock
    assert "Beginn und Ende sind gleich" in hours('"09:00"', '"09:00"')[0]
    # From the afternoon to the next noon is 22 hours: no night's hours but swapped ones.
    [too_long] = hours('"14:00"', '"12:00"')
    assert "Meinten Sie 12:00 bis 14:00?" in too_long and "höchstens 16 Stunden" in too_long


def test_a_one_day_event_ending_before_it_begins_is_named_one_going_past_midnight_is_not():
    def event(extra: str) -> list[str]:
        text = f'id: t\ndatum: "2026-12-10"\nbeginn: "14:00"\nende: "13:00"\n{extra}'
        return [p.message for p in plausibility.backwards_event(document(text))]

    [message] = event("")
    assert "Der Termin endet vor seinem Beginn (14:00 bis 13:00)" in message and "bis_datum" in message
    assert event('bis_datum: "2026-12-11"\n') == []


def test_a_malformed_time_is_the_schemas_to_name_and_never_suggested_back():
    assert hours("9:00", "1:30") == [] and hours('"18:00"', '"24:00"') == []


def test_the_templates_example_values_are_named_its_generic_offering_name_is_not():
    examples = plausibility.template_values()
    text = ("id: __KENNUNG__\nname: Beispiel-Beratungsstelle e. V.\ntelefon: 03733 000000\n"
            "angebote:\n  - name: Allgemeine Sozialberatung\n")
    found = {p.field: p.message for p in plausibility.template_left(document(text), examples)}
    assert set(found) == {"id", "name", "telefon"}
    assert "__KENNUNG__" in found["id"] and "Beispielwert aus der Vorlage" in found["name"]
