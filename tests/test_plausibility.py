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


def test_hours_may_run_past_midnight_but_not_round_most_of_the_clock():
    def found(start, end):
        text = f"angebote:\n  - sprechzeiten:\n      - tage: [mo]\n        von: \"{start}\"\n        bis: \"{end}\"\n"
        return [p.message for p in plausibility.backwards_hours(document(text))]
    assert found("22:00", "06:00") == [] and found("09:00", "12:00") == []
    assert "Meinten Sie 14:00 bis 18:00?" in found("18:00", "14:00")[0]
    assert "Beginn und Ende sind gleich" in found("09:00", "09:00")[0]


def test_the_templates_example_values_are_named_its_generic_offering_name_is_not():
    examples = plausibility.template_values()
    text = ("id: __KENNUNG__\nname: Beispiel-Beratungsstelle e. V.\ntelefon: 03733 000000\n"
            "angebote:\n  - name: Allgemeine Sozialberatung\n")
    found = {p.field: p.message for p in plausibility.template_left(document(text), examples)}
    assert set(found) == {"id", "name", "telefon"}
    assert "__KENNUNG__" in found["id"] and "Beispielwert aus der Vorlage" in found["name"]
