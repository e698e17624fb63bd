"""``wegweiser stale``: entries due for review, by network and organisation.

Exit code 0 whether or not entries are overdue (it is a report, not a check), 1 when the
records have problems, 2 on wrong use.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from . import freshness, pipeline
from .markup import german_date
from .problems import report, summary


def run(args) -> int:
    try:
        day = dt.date.fromisoformat(args.today) if args.today else freshness.today()
        before = freshness.cutoff(args.older_than, day)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 2
    loaded = pipeline.load_and_validate(pipeline.Sources(Path(args.content), Path(args.schemas)))
    if not loaded.ok:
        print(report(loaded.problems))
        print(f"\n{summary(loaded.problems)}", file=sys.stderr)
        return 1
    entries = freshness.overdue(loaded.directory, before)
    if args.format == "json":
        print(json.dumps([{
            "traeger": e.organisation.id, "name": str(e.organisation.name),
            "datei": str(e.organisation.source.path),
            "angebote": [{"id": o.id, "name": str(o.name), "zuletzt_geprueft": o.last_checked.isoformat()}
                         for o in e.offerings],
        } for e in entries], ensure_ascii=False, indent=2))
        return 0
    count = sum(len(e.offerings) for e in entries)
    if not entries:
        print(f"Alle Angebote wurden seit dem {german_date(before)} geprüft.")
        return 0
    print(f"{count} Angebote von {len(entries)} Trägern wurden seit dem {german_date(before)} nicht geprüft:")
    for network, group in freshness.by_network(loaded.directory, entries):
        print(f"\n{network}")
        for entry in group:
            print(f"  {entry.organisation.name} ({entry.organisation.source.path})")
            for offering in entry.offerings:
                print(f"    {german_date(offering.last_checked)}: {offering.name} [{offering.id}]")
    return 0


def add_parser(commands) -> None:
    parser = commands.add_parser("stale", help="Angebote zeigen, die lange nicht geprüft wurden")
    parser.add_argument("--older-than", "--aelter-als", dest="older_than", default="12m",
                        help="Grenze, z. B. 12m (Monate, Standard), 90d (Tage), 2j (Jahre)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--heute", dest="today", help="Stichtag JJJJ-MM-TT statt heute (für Tests und Rückblicke)")
    parser.set_defaults(run=run)
