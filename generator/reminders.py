"""``wegweiser erinnern``: one reminder issue per organisation with overdue entries.

Idempotent: each reminder carries a hidden marker with the organisation's id, so the
next run updates that issue instead of opening another one, and closes it with a thank
you once every entry has been checked again.

The command holds no token and makes no request. It reads the open reminder issues from
a file (what ``gh api --paginate`` printed) and writes the requests to make as a plan;
the workflow "Erinnerungen" carries them out with ``gh`` in a separate job that runs no
code from this repository or from PyPI, so neither ever sees a token that can write.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from . import commands, freshness
from .markup import code_span, german_date

LABEL = "erinnerung"
MARKER = "<!-- wegweiser-erinnerung:{} -->"
PLAN_FILE = "anfragen.txt"
WHITESPACE = re.compile(r"\s*")


@dataclass(frozen=True)
class Request:
    """One GitHub REST request, relative to ``repos/OWNER/NAME/``."""

    method: str
    path: str
    data: dict


@dataclass
class Outcome:
    opened: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)


def read_open(text: str) -> dict[str, dict]:
    """Open reminder issues by organisation id, from the JSON ``gh api --paginate`` prints
    (one array per page, one after another); pull requests are left out."""
    decoder, text, position, issues = json.JSONDecoder(), text.strip(), 0, []
    while position < len(text):
        value, position = decoder.raw_decode(text, position)
        issues.extend(value if isinstance(value, list) else [value])
        position = WHITESPACE.match(text, position).end()
    found = {}
    for issue in issues:
        if not isinstance(issue, dict):
            raise ValueError("Jedes Issue muss ein JSON-Objekt sein.")
        body = issue.get("body") or ""
        if "pull_request" not in issue and "<!-- wegweiser-erinnerung:" in body:
            organisation_id = body.split("<!-- wegweiser-erinnerung:", 1)[1].split(" -->", 1)[0]
            found[organisation_id] = issue
    return found


def reminder(entry: freshness.Overdue, before: dt.date) -> tuple[str, str]:
    organisation = entry.organisation
    lines = "\n".join(f"- **{code_span(o.name)}**: zuletzt geprüft am {german_date(o.last_checked)} "
                      f"({code_span(o.id)})" for o in entry.offerings)
    body = (
        f"Guten Tag,\n\nim Wegweiser stehen Angebote von **{code_span(organisation.name)}**, deren Angaben seit dem "
        f"{german_date(before)} niemand mehr geprüft hat:\n\n{lines}\n\n"
        f"Bitte prüfen Sie Adressen, Sprechzeiten und Kontakte in {code_span(organisation.source.path)}, "
        "korrigieren Sie sie bei Bedarf und setzen Sie danach `zuletzt_geprueft` auf das heutige Datum. "
        "Haben Texte Übersetzungen (`cs:` Tschechisch, `en:` Englisch), prüfen Sie bitte auch diese. "
        "Wenn ein Angebot nicht mehr besteht, setzen Sie `status: beendet`.\n\n"
        "Diese Erinnerung wird jede Woche aktualisiert und schließt sich von selbst, sobald alles geprüft ist.\n\n"
        + MARKER.format(organisation.id)
    )
    return f"Bitte prüfen: Einträge von {' '.join(str(organisation.name).split())}", body


def plan(entries: list[freshness.Overdue], existing: dict[str, dict],
         before: dt.date) -> tuple[list[Request], Outcome]:
    """The requests that bring the open reminders in line with the overdue entries."""
    requests, outcome, existing = [], Outcome(), dict(existing)
    for entry in entries:
        title, body = reminder(entry, before)
        issue = existing.pop(entry.organisation.id, None)
        if issue is None:
            requests.append(Request("POST", "issues", {"title": title, "body": body, "labels": [LABEL]}))
            outcome.opened.append(entry.organisation.id)
        elif issue.get("body") != body or issue.get("title") != title:
            requests.append(Request("PATCH", f"issues/{int(issue['number'])}", {"title": title, "body": body}))
            outcome.updated.append(entry.organisation.id)
        else:
            outcome.unchanged.append(entry.organisation.id)
    for organisation_id, issue in sorted(existing.items()):
        number = int(issue["number"])
        requests.append(Request("POST", f"issues/{number}/comments",
                                {"body": "Alle Einträge sind wieder geprüft. Vielen Dank!"}))
        requests.append(Request("PATCH", f"issues/{number}", {"state": "closed", "state_reason": "completed"}))
        outcome.closed.append(organisation_id)
    return requests, outcome


def write_plan(requests: list[Request], folder: Path) -> None:
    """One line ``METHOD PATH BODYFILE`` per request, each body in its own JSON file, so the
    workflow's shell loop reads plain words and passes the bodies to ``gh`` untouched."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = []
    for number, request in enumerate(requests, 1):
        name = f"{number:03d}.json"
        (folder / name).write_text(json.dumps(request.data, ensure_ascii=False), encoding="utf-8")
        lines.append(f"{request.method} {request.path} {name}\n")
    (folder / PLAN_FILE).write_text("".join(lines), encoding="utf-8")


def run(args) -> int:
    try:
        existing = read_open(Path(args.open_file).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"Die Liste der offenen Erinnerungen ist nicht lesbar: {error}", file=sys.stderr)
        return commands.USAGE
    directory = commands.prepared(args).directory
    day = dt.date.fromisoformat(args.today) if args.today else freshness.today()
    before = freshness.cutoff(args.older_than, day)
    requests, outcome = plan(freshness.overdue(directory, before), existing, before)
    write_plan(requests, Path(args.plan_dir))
    print(f"Erinnerungen: {len(outcome.opened)} neu, {len(outcome.updated)} aktualisiert, "
          f"{len(outcome.unchanged)} unverändert, {len(outcome.closed)} geschlossen.")
    return commands.OK


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "erinnern", help="je Träger mit überfälligen Einträgen ein Erinnerungs-Issue planen (ohne Netzwerk)")
    parser.add_argument("--offen", dest="open_file", required=True, metavar="DATEI",
                        help="die offenen Issues mit dem Label „erinnerung“, wie „gh api --paginate“ sie ausgibt")
    parser.add_argument("--plan", dest="plan_dir", required=True, metavar="ORDNER",
                        help="hierhin die Anfragen an GitHub schreiben (anfragen.txt und je eine JSON-Datei)")
    parser.add_argument("--older-than", "--aelter-als", dest="older_than", default="12m")
    parser.add_argument("--heute", dest="today", help="Stichtag JJJJ-MM-TT statt heute")
    parser.set_defaults(run=run)
