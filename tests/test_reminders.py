"""Reminder issues against a local GitHub-like API: one per organisation, never twice."""
from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import SCHEMAS
from generator import cli
from local_server import LocalServer


class FakeGitHub:
    """The few REST endpoints the reminders use, with issues kept in memory."""

    def __init__(self):
        self.issues: list[dict] = []
        self.comments: list[tuple[int, str]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def reply(self, status, data):
                body = json.dumps(data).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def payload(self):
                return json.loads(self.rfile.read(int(self.headers["Content-Length"])))

            def do_GET(self):
                assert self.headers["Authorization"] == "Bearer geheim"
                query = parse_qs(urlsplit(self.path).query)
                found = [i for i in outer.issues if i["state"] == query["state"][0]
                         and query["labels"][0] in i["labels"]]
                self.reply(200, [{**i, "labels": [{"name": n} for n in i["labels"]]} for i in found])

            def do_POST(self):
                path, data = urlsplit(self.path).path, self.payload()
                if path.endswith("/comments"):
                    outer.comments.append((int(path.split("/")[-2]), data["body"]))
                    return self.reply(201, {})
                issue = {"number": len(outer.issues) + 1, "state": "open", **data}
                outer.issues.append(issue)
                self.reply(201, issue)

            def do_PATCH(self):
                number = int(urlsplit(self.path).path.split("/")[-1])
                issue = outer.issues[number - 1]
                issue.update(self.payload())
                self.reply(200, issue)

            def log_message(self, *args):
                pass

        self.server = LocalServer(handler=Handler)


@pytest.fixture
def github(monkeypatch):
    fake = FakeGitHub()
    with fake.server:
        monkeypatch.setenv("GITHUB_API_URL", fake.server.url.rstrip("/"))
        monkeypatch.setenv("GITHUB_TOKEN", "geheim")
        yield fake


def remind(content, today="2026-11-22", *extra):
    return cli.main(["--content", str(content), "--schemas", str(SCHEMAS), "erinnern", "--repo", "beispiel/wegweiser",
                     "--heute", today, *extra])


def test_one_reminder_per_organisation_with_overdue_entries(site_copy, github, capsys):
    assert remind(site_copy, "2026-11-22", "--older-than", "6m") == 0
    titles = sorted(i["title"] for i in github.issues)
    assert len(titles) == 2 and "Bitte prüfen: Einträge von Beratung Beispiel e. V." in titles
    issue = next(i for i in github.issues if "Beratung Beispiel" in i["title"])
    assert "Beratung für Familien in Ústí**: zuletzt geprüft am 15. Januar 2025" in issue["body"]
    assert issue["labels"] == ["erinnerung"]
    assert "2 neu, 0 aktualisiert" in capsys.readouterr().out


def test_a_second_run_opens_no_duplicate(site_copy, github, capsys):
    remind(site_copy)
    remind(site_copy)
    assert len(github.issues) == 1
    assert "0 neu, 0 aktualisiert, 1 unverändert" in capsys.readouterr().out


def test_a_changed_list_updates_the_same_issue(site_copy, github, capsys):
    remind(site_copy, "2026-11-22")
    remind(site_copy, "2026-12-31")  # more entries are due now; still one issue for the organisation
    assert len([i for i in github.issues if "Beratung Beispiel" in i["title"]]) == 1
    assert "1 aktualisiert" in capsys.readouterr().out.splitlines()[-1]


def test_once_everything_is_checked_the_reminder_closes_with_thanks(site_copy, github, capsys):
    remind(site_copy)
    organisation = site_copy / "traeger" / "beratung-beispiel.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "zuletzt_geprueft: 2025-01-15", "zuletzt_geprueft: 2026-11-01"), encoding="utf-8")
    remind(site_copy)
    assert github.issues[0]["state"] == "closed"
    assert github.comments == [(1, "Alle Einträge sind wieder geprüft. Vielen Dank!")]


def test_without_a_token_it_refuses_clearly(site_copy, monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    assert remind(site_copy) == 2
    assert "GITHUB_TOKEN fehlt" in capsys.readouterr().err


def test_record_values_cannot_mention_people_or_add_links_in_the_issue():
    from generator.reminders import plain
    assert plain("@team [Klick](https://x.example) *fett*") == "@\u200bteam \\[Klick\\]\\(https://x\\.example\\) \\*fett\\*"
