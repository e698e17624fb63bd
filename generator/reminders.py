"""``wegweiser erinnern``: one reminder issue per organisation with overdue entries.

Idempotent: each reminder carries a hidden marker with the organisation's id, so the
next run updates that issue instead of opening another one, and closes it with a thank
you once every entry has been checked again. Talks to the GitHub REST API with the
workflow's token (``GITHUB_TOKEN``); ``GITHUB_API_URL`` points tests at a local server.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from . import freshness, pipeline
from .markup import german_date

LABEL = "erinnerung"
MARKER = "<!-- wegweiser-erinnerung:{} -->"


class GitHub:
    def __init__(self, repository: str, token: str, api: str = "https://api.github.com"):
        self.base = f"{api.rstrip('/')}/repos/{repository}"
        self.token = token

    def call(self, method: str, path: str, data: dict | None = None):
        request = urllib.request.Request(
            self.base + path, method=method,
            data=json.dumps(data).encode() if data is not None else None,
            headers={"Authorization": f"Bearer {self.token}", "Accept": "application/vnd.github+json",
                     "Content-Type": "application/json", "User-Agent": "wegweiser-erinnerungen"})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read() or b"null")

    def open_reminders(self) -> dict[str, dict]:
        """Open reminder issues by organisation id (pull requests left out)."""
        found, page = {}, 1
        while True:
            issues = self.call("GET", f"/issues?state=open&labels={LABEL}&per_page=100&page={page}")
            for issue in issues:
                body = issue.get("body") or ""
                if "pull_request" not in issue and "<!-- wegweiser-erinnerung:" in body:
                    organisation_id = body.split("<!-- wegweiser-erinnerung:", 1)[1].split(" -->", 1)[0]
                    found[organisation_id] = issue
            if len(issues) < 100:
                return found
            page += 1


@dataclass
class Outcome:
    opened: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)


def plain(text) -> str:
    """A record value as literal Markdown text: no mentions, links or formatting by accident."""
    text = re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~])", r"\\\1", str(text))
    return text.replace("@", "@\u200b")


def reminder(entry: freshness.Overdue, before: dt.date) -> tuple[str, str]:
    organisation = entry.organisation
    lines = "\n".join(f"- **{plain(o.name)}**: zuletzt geprüft am {german_date(o.last_checked)} (`{o.id}`)"
                      for o in entry.offerings)
    body = (
        f"Guten Tag,\n\nim Wegweiser stehen Angebote von **{plain(organisation.name)}**, deren Angaben seit dem "
        f"{german_date(before)} niemand mehr geprüft hat:\n\n{lines}\n\n"
        f"Bitte prüfen Sie Adressen, Sprechzeiten und Kontakte in `{organisation.source.path}`, korrigieren Sie "
        "sie bei Bedarf und setzen Sie danach `zuletzt_geprueft` auf das heutige Datum. Wenn ein Angebot "
        "nicht mehr besteht, setzen Sie `status: beendet`.\n\n"
        "Diese Erinnerung wird jede Woche aktualisiert und schließt sich von selbst, sobald alles geprüft ist.\n\n"
        + MARKER.format(organisation.id)
    )
    return f"Bitte prüfen: Einträge von {organisation.name}", body


def remind(github: GitHub, entries: list[freshness.Overdue], before: dt.date) -> Outcome:
    outcome = Outcome()
    existing = github.open_reminders()
    for entry in entries:
        title, body = reminder(entry, before)
        issue = existing.pop(entry.organisation.id, None)
        if issue is None:
            github.call("POST", "/issues", {"title": title, "body": body, "labels": [LABEL]})
            outcome.opened.append(entry.organisation.id)
        elif issue.get("body") != body or issue.get("title") != title:
            github.call("PATCH", f"/issues/{issue['number']}", {"title": title, "body": body})
            outcome.updated.append(entry.organisation.id)
        else:
            outcome.unchanged.append(entry.organisation.id)
    for organisation_id, issue in sorted(existing.items()):
        github.call("POST", f"/issues/{issue['number']}/comments",
                    {"body": "Alle Einträge sind wieder geprüft. Vielen Dank!"})
        github.call("PATCH", f"/issues/{issue['number']}", {"state": "closed", "state_reason": "completed"})
        outcome.closed.append(organisation_id)
    return outcome


def run(args) -> int:
    token = os.environ.get("GITHUB_TOKEN", "")
    if not token:
        print("GITHUB_TOKEN fehlt: Der Befehl läuft im Workflow „Erinnerungen“ mit dessen Token.", file=sys.stderr)
        return 2
    loaded = pipeline.load_and_validate(pipeline.Sources(Path(args.content), Path(args.schemas)))
    if not loaded.ok:
        print("Die Einträge haben Probleme; bitte erst „wegweiser validate“ ausführen.", file=sys.stderr)
        return 1
    day = dt.date.fromisoformat(args.today) if args.today else freshness.today()
    before = freshness.cutoff(args.older_than, day)
    github = GitHub(args.repository, token, os.environ.get("GITHUB_API_URL", "https://api.github.com"))
    try:
        outcome = remind(github, freshness.overdue(loaded.directory, before), before)
    except urllib.error.URLError as error:
        print(f"GitHub ist nicht erreichbar oder lehnt ab: {error}", file=sys.stderr)
        return 3
    print(f"Erinnerungen: {len(outcome.opened)} neu, {len(outcome.updated)} aktualisiert, "
          f"{len(outcome.unchanged)} unverändert, {len(outcome.closed)} geschlossen.")
    return 0


def add_parser(commands) -> None:
    parser = commands.add_parser("erinnern", help="je Träger mit überfälligen Einträgen ein Erinnerungs-Issue pflegen")
    parser.add_argument("--repo", dest="repository", required=True, help="GitHub-Repository, z. B. owner/name")
    parser.add_argument("--older-than", "--aelter-als", dest="older_than", default="12m")
    parser.add_argument("--heute", dest="today", help="Stichtag JJJJ-MM-TT statt heute")
    parser.set_defaults(run=run)
