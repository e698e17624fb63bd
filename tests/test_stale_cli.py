"""``wegweiser stale``: entries due for review, for people and for the reminder workflow."""
from __future__ import annotations

import json

from conftest import SCHEMAS
from generator import cli


def run(content, *args):
    return cli.main(["--content", str(content), "--schemas", str(SCHEMAS), "stale", *args])


def test_lists_overdue_offerings_by_network_and_organisation(site_copy, capsys):
    assert run(site_copy, "--heute", "2026-11-22") == 0
    out = capsys.readouterr().out
    assert out.startswith("1 Angebote von 1 Trägern wurden seit dem 22. November 2025 nicht geprüft:")
    assert "Netzwerk Beispiel\n  Beratung Beispiel e. V." in out
    assert "15. Januar 2025: Beratung für Familien in Ústí [beratung-beispiel-poradna]" in out


def test_json_lists_one_entry_per_organisation(site_copy, capsys):
    assert run(site_copy, "--heute", "2026-11-22", "--older-than", "6m", "--format", "json") == 0
    data = json.loads(capsys.readouterr().out)
    assert {d["traeger"] for d in data} == {"beratung-beispiel", "feindliche-werte"}
    data = [d for d in data if d["traeger"] == "beratung-beispiel"]
    assert data[0]["angebote"][0] == {"id": "beratung-beispiel-poradna", "name": "Beratung für Familien in Ústí",
                                      "zuletzt_geprueft": "2025-01-15"}


def test_nothing_overdue_says_so(site_copy, capsys):
    assert run(site_copy, "--heute", "2025-02-01", "--older-than", "90d") == 0
    assert "Alle Angebote wurden seit dem 3. November 2024 geprüft." in capsys.readouterr().out


def test_a_wrong_age_is_wrong_use(site_copy, capsys):
    assert run(site_copy, "--older-than", "bald") == 2
    assert "keine Zeitangabe" in capsys.readouterr().err
