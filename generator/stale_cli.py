"""``wegweiser stale``: entries due for review, by network and organisation.

Exit code 0 whether or not entries are overdue (it is a report, not a check); the others
as in ``commands.py``.
"""
from __future__ import annotations

import datetime as dt
import json
import sys

from . import commands, freshness
from .markup import german_date


def run(args) -> int:
    try:
        day = dt.date.fromisoformat(args.today) if args.today else freshness.today()
        before = freshness.cutoff(args.older_than, day)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return commands.USAGE
    directory = commands.prepared(args).directory
    entries = freshness.overdue(directory, before)
    if args.format == "json":
        print(json.dumps([{
            "traeger": e.organisation.id, "name": str(e.organisation.name),
            "datei": str(e.organisation.source.path),
            "angebote": [{"id": o.id, "name": str(o.name), "zuletzt_geprueft": o.last_checked.isoformat()}
                         for o in e.offerings],
        } for e in entries], ensure_ascii=False, indent=2))
        return commands.OK
    count = sum(len(e.offerings) for e in entries)
    if not entries:
        print(f"Alle Angebote wurden seit dem {german_date(before)} geprüft.")
        return commands.OK
    print(f"{count} Angebote von {len(entries)} Trägern wurden seit dem {german_date(before)} nicht geprüft:")
    for network, group in freshness.by_network(directory, entries):
        print(f"\n{network}")
        for entry in group:
            print(f"  {entry.organisation.name} ({entry.organisation.source.path})")
            for offering in entry.offerings:
                languages = translated(offering)
                also = f" – auch die Übersetzungen prüfen: {', '.join(languages)}" if languages else ""
                print(f"    {german_date(offering.last_checked)}: {offering.name} [{offering.id}]{also}")
    print("\nBitte prüfen Sie mit den deutschen Angaben auch die Übersetzungen (die Zeilen „cs:“ und „en:“ unter "
          "einem Text): Sie müssen dasselbe sagen wie der deutsche Text. Fehlt eine, zeigt die tschechische bzw. "
          "englische Seite den deutschen Text. Hat eine Maschine übersetzt, steht die Sprache unter "
          "„maschinell_uebersetzt“.")
    return commands.OK


def translated(offering) -> list[str]:
    """The languages besides German in which the offering has its name or description."""
    return [language for language in ("cs", "en")
            if not (offering.name.lacks(language) and offering.description.lacks(language))]


def add_parser(commands) -> None:
    parser = commands.add_parser("stale", help="Angebote zeigen, die lange nicht geprüft wurden")
    parser.add_argument("--older-than", "--aelter-als", dest="older_than", default="12m",
                        help="Grenze, z. B. 12m (Monate, Standard), 90d (Tage), 2j (Jahre)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--heute", dest="today", help="Stichtag JJJJ-MM-TT statt heute (für Tests und Rückblicke)")
    parser.set_defaults(run=run)
