"""Reminder issues against a local GitHub-like API: one per organisation, never twice.

Each run is the workflow's own: its two gh steps (read the open reminders, carry out the
plan) run as written in erinnerungen.yml, with a stand-in for gh that talks to the local
API, and ``wegweiser erinnern`` plans in between, without a token and without network.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from http.server import BaseHTTPRequestHandler
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import REPO, SCHEMAS
from generator import cli
from generator.markup import code_span
from generator.reminders import MARKER
from local_server import LocalServer

WORKFLOW = REPO / ".github" / "workflows" / "erinnerungen.yml"
TOKEN = "geheim"

# gh as far as the workflows use "gh api", against the local API instead of github.com.
FAKE_GH = r'''
import json, os, sys, urllib.request

args, method, data, jq, path, silent = sys.argv[1:], "GET", None, None, None, False
assert args.pop(0) == "api", args
while args:
    arg = args.pop(0)
    if arg in ("--method", "-X"):
        method = args.pop(0)
    elif arg == "--input":
        data = open(args.pop(0), "rb").read()
    elif arg == "--jq":
        jq = args.pop(0)
    elif arg == "--silent":
        silent = True
    elif arg == "--paginate":
        pass
    else:
        assert path is None and not arg.startswith("-"), arg
        path = arg
if not os.environ.get("GH_TOKEN"):
    sys.exit("gh: GH_TOKEN fehlt")
request = urllib.request.Request(
    os.environ["FAKE_GITHUB_API"] + "/" + path, method=method, data=data,
    headers={"Authorization": "Bearer " + os.environ["GH_TOKEN"], "Content-Type": "application/json"})
with urllib.request.urlopen(request) as response:
    answer = json.loads(response.read() or b"null")
if silent:
    pass
elif jq == ".[].number":
    print("\n".join(str(issue["number"]) for issue in answer))
elif jq is None:
    print(json.dumps(answer))
else:
    sys.exit(f"gh stand-in: --jq {jq!r} is not supported")
'''


class FakeGitHub:
    """The few REST endpoints the reminders use, with issues kept in memory."""

    def __init__(self):
        self.issues: list[dict] = []
        self.comments: list[tuple[int, str]] = []
        self.requests: list[tuple[str, str]] = []
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

            def authorised(self) -> bool:
                outer.requests.append((self.command, self.path))
                if self.headers["Authorization"] != f"Bearer {TOKEN}":
                    self.reply(401, {"message": "Bad credentials"})
                    return False
                return True

            def do_GET(self):
                if not self.authorised():
                    return
                query = parse_qs(urlsplit(self.path).query)
                found = [i for i in outer.issues if i["state"] == query["state"][0]
                         and query["labels"][0] in i["labels"]]
                self.reply(200, [{**i, "labels": [{"name": n} for n in i["labels"]]} for i in found])

            def do_POST(self):
                if not self.authorised():
                    return
                path, data = urlsplit(self.path).path, self.payload()
                if path.endswith("/comments"):
                    outer.comments.append((int(path.split("/")[-2]), data["body"]))
                    return self.reply(201, {})
                issue = {"number": len(outer.issues) + 1, "state": "open", **data}
                outer.issues.append(issue)
                self.reply(201, issue)

            def do_PATCH(self):
                if not self.authorised():
                    return
                number = int(urlsplit(self.path).path.split("/")[-1])
                issue = outer.issues[number - 1]
                issue.update(self.payload())
                self.reply(200, issue)

            def log_message(self, *args):
                pass

        self.server = LocalServer(handler=Handler)


def step(job: str, name: str) -> dict:
    steps = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"][job]["steps"]
    return next(s for s in steps if s.get("name") == name)


@pytest.fixture
def github(tmp_path):
    fake = FakeGitHub()
    tools = tmp_path / "bin"
    tools.mkdir()
    (tools / "gh").write_text(f"#!{sys.executable}\n{FAKE_GH}", encoding="utf-8")
    (tools / "gh").chmod(0o755)
    fake.runner_temp = tmp_path / "runner-temp"
    fake.runner_temp.mkdir()
    with fake.server:
        fake.environment = {"PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
                            "FAKE_GITHUB_API": fake.server.url.rstrip("/"),
                            "GITHUB_REPOSITORY": "beispiel/wegweiser", "RUNNER_TEMP": str(fake.runner_temp)}
        yield fake


def run_step(github: FakeGitHub, job: str, name: str) -> subprocess.CompletedProcess:
    """A workflow step as the runner runs it: bash -eo pipefail, the step's env, the token."""
    definition = step(job, name)
    env = {**github.environment, **{key: value.replace("${{ github.token }}", TOKEN)
                                    for key, value in definition.get("env", {}).items()}}
    assert "${{" not in "".join(env.values()), "only the token is filled in here"
    return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", definition["run"]],
                          env=env, capture_output=True, text=True)


def plan(github, content, today="2026-11-22", *extra) -> int:
    temp = github.runner_temp
    return cli.main(["--content", str(content), "--schemas", str(SCHEMAS), "erinnern", "--offen",
                     str(temp / "offen.json"), "--plan", str(temp / "plan"), "--heute", today, *extra])


def remind(github, content, today="2026-11-22", *extra) -> int:
    """The workflow: read the open reminders, plan, carry out the plan."""
    read = run_step(github, "planen", "Offene Erinnerungen lesen")
    assert read.returncode == 0, read.stderr
    code = plan(github, content, today, *extra)
    if code == 0:
        applied = run_step(github, "anwenden", "Erinnerungen anlegen, aktualisieren, schließen")
        assert applied.returncode == 0, applied.stdout + applied.stderr
    return code


def test_one_reminder_per_organisation_with_overdue_entries(site_copy, github, capsys):
    assert remind(github, site_copy, "2026-11-22", "--older-than", "6m") == 0
    titles = sorted(i["title"] for i in github.issues)
    assert len(titles) == 2 and "Bitte prüfen: Einträge von Beratung Beispiel e. V." in titles
    issue = next(i for i in github.issues if "Beratung Beispiel" in i["title"])
    assert "**`Beratung für Familien in Ústí`**: zuletzt geprüft am 15. Januar 2025" in issue["body"]
    assert issue["labels"] == ["erinnerung"]
    assert "2 neu, 0 aktualisiert" in capsys.readouterr().out


def test_a_second_run_opens_no_duplicate(site_copy, github, capsys):
    remind(github, site_copy)
    remind(github, site_copy)
    assert len(github.issues) == 1
    assert "0 neu, 0 aktualisiert, 1 unverändert" in capsys.readouterr().out


def test_a_changed_list_updates_the_same_issue(site_copy, github, capsys):
    remind(github, site_copy, "2026-11-22")
    remind(github, site_copy, "2026-12-31")  # more entries are due now; still one issue for the organisation
    assert len([i for i in github.issues if "Beratung Beispiel" in i["title"]]) == 1
    assert "1 aktualisiert" in capsys.readouterr().out.splitlines()[-1]


def test_once_everything_is_checked_the_reminder_closes_with_thanks(site_copy, github, capsys):
    remind(github, site_copy)
    organisation = site_copy / "traeger" / "beratung-beispiel.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "zuletzt_geprueft: 2025-01-15", "zuletzt_geprueft: 2026-11-01"), encoding="utf-8")
    remind(github, site_copy)
    assert github.issues[0]["state"] == "closed"
    assert github.comments == [(1, "Alle Einträge sind wieder geprüft. Vielen Dank!")]


def test_planning_needs_no_token_and_no_network(site_copy, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("GITHUB_TOKEN", raising=False)
    monkeypatch.delenv("GH_TOKEN", raising=False)
    (tmp_path / "offen.json").write_text("[]", encoding="utf-8")
    code = cli.main(["--content", str(site_copy), "--schemas", str(SCHEMAS), "erinnern", "--offen",
                     str(tmp_path / "offen.json"), "--plan", str(tmp_path / "plan"), "--heute", "2026-11-22"])
    assert code == 0  # the autouse fixture fails any connection that is not to this machine
    [line] = (tmp_path / "plan" / "anfragen.txt").read_text(encoding="utf-8").splitlines()
    assert line == "POST issues 001.json"
    assert json.loads((tmp_path / "plan" / "001.json").read_text(encoding="utf-8"))["labels"] == ["erinnerung"]


def test_the_open_reminders_of_several_pages_are_all_read(site_copy, tmp_path, capsys):
    body = "x\n\n" + MARKER.format("beratung-beispiel")
    pages = json.dumps([{"number": 7, "title": "alt", "body": body}]) + json.dumps(
        [{"number": 8, "body": "a pull request", "pull_request": {}}]) + "\n"
    (tmp_path / "offen.json").write_text(pages, encoding="utf-8")
    assert cli.main(["--content", str(site_copy), "--schemas", str(SCHEMAS), "erinnern", "--offen",
                     str(tmp_path / "offen.json"), "--plan", str(tmp_path / "plan"), "--heute", "2026-11-22"]) == 0
    assert (tmp_path / "plan" / "anfragen.txt").read_text(encoding="utf-8") == "PATCH issues/7 001.json\n"


def test_an_unreadable_list_of_open_reminders_is_refused_clearly(site_copy, tmp_path, capsys):
    (tmp_path / "offen.json").write_text("{nicht json", encoding="utf-8")
    assert cli.main(["--content", str(site_copy), "--schemas", str(SCHEMAS), "erinnern", "--offen",
                     str(tmp_path / "offen.json"), "--plan", str(tmp_path / "plan")]) == 2
    assert "offenen Erinnerungen ist nicht lesbar" in capsys.readouterr().err
    assert not (tmp_path / "plan").exists()


def test_the_plan_reaches_the_job_that_applies_it_in_the_same_folder():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    planning = workflow["jobs"]["planen"]["steps"]
    [upload] = [s for s in planning if s.get("uses", "").startswith("actions/upload-artifact@")]
    [download] = [s for s in workflow["jobs"]["anwenden"]["steps"]
                  if s.get("uses", "").startswith("actions/download-artifact@")]
    assert upload["with"]["name"] == download["with"]["name"]
    assert upload["with"]["path"].rstrip("/") == download["with"]["path"] == "${{ runner.temp }}/plan"
    command = step("planen", "Erinnerungen planen")["run"]
    assert '--offen "$RUNNER_TEMP/offen.json" --plan "$RUNNER_TEMP/plan"' in command
    assert '> "$RUNNER_TEMP/offen.json"' in step("planen", "Offene Erinnerungen lesen")["run"]


@pytest.mark.parametrize("line", [
    "PATCH issues/99 001.json",            # an issue that is no open reminder
    "POST issues/99/comments 001.json",
    "DELETE issues/1 001.json",
    "PUT contents/content/traeger/x.yml 001.json",
    "POST issues ../../etc/passwd",
    "POST issues 001.json extra",
    "PATCH issues/1/../../pulls/1 001.json",
])
def test_the_apply_step_refuses_a_plan_beyond_reminder_issues(site_copy, github, capsys, line):
    remind(github, site_copy)  # issue 1 is an open reminder now
    (github.runner_temp / "plan" / "001.json").write_text('{"body": "x"}', encoding="utf-8")
    (github.runner_temp / "plan" / "anfragen.txt").write_text(line + "\n", encoding="utf-8")
    before = len(github.requests)
    result = run_step(github, "anwenden", "Erinnerungen anlegen, aktualisieren, schließen")
    assert result.returncode != 0 and "::error::" in result.stdout
    assert [method for method, _ in github.requests[before:]] == ["GET"]  # only the list of open reminders


# Texts that would mention, reference, link or inject markup if GitHub rendered them.
HOSTILE = ["@user", "@org/team", "&commat;user", "&#64;user", "&#x40;user", "[x](https://evil.example)",
           "<img src=x onerror=alert(1)>", "#1", "`", "``", "` @user `", "x`` @user ``y", "```\n@user\n```",
           "a\n\n@user", "https://evil.example", " ` "]


def split_code(markdown: str) -> tuple[str, list[str]]:
    """The text outside inline code, and the content of each code span, by CommonMark's
    rule: a run of n backticks opens a span that the next run of exactly n closes."""
    runs = list(re.finditer(r"`+", markdown))
    outside, spans, position, index = [], [], 0, 0
    while index < len(runs):
        opener = runs[index]
        closer = next((i for i in range(index + 1, len(runs))
                       if len(runs[i].group()) == len(opener.group())), None)
        if closer is None:
            index += 1  # an unmatched run is literal text
            continue
        outside.append(markdown[position:opener.start()])
        content = markdown[opener.end():runs[closer].start()].replace("\n", " ")
        if content.startswith(" ") and content.endswith(" ") and content.strip():
            content = content[1:-1]
        spans.append(content)
        position, index = runs[closer].end(), closer + 1
    outside.append(markdown[position:])
    return "".join(outside), spans


def assert_only_as_code(markdown: str, text: str) -> None:
    outside, spans = split_code(markdown)
    assert any(" ".join(text.split()) in span for span in spans), (text, spans)
    for active in ("@", "&", "<", "[", "#", "http"):
        assert active not in outside, (active, outside)


@pytest.mark.parametrize("text", HOSTILE)
def test_a_code_span_shows_any_text_literally_and_cannot_be_closed_early(text):
    markdown = f"Vorher {code_span(text)} nachher"
    outside, spans = split_code(markdown)
    assert outside == "Vorher  nachher"
    assert spans == [" ".join(text.split())]


@pytest.mark.parametrize("text", HOSTILE)
def test_record_values_cannot_mention_people_or_add_links_in_the_issue(site_copy, github, text):
    path = site_copy / "traeger" / "beratung-beispiel.yml"
    name = " ".join(text.split())
    path.write_text(path.read_text(encoding="utf-8").replace(
        "de: Beratung für Familien in Ústí", f"de: {json.dumps('Familien ' + name)}"), encoding="utf-8")
    assert remind(github, site_copy) == 0
    [issue] = github.issues
    assert_only_as_code(issue["body"].replace(MARKER.format("beratung-beispiel"), ""), "Familien " + name)
