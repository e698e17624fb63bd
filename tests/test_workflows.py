"""The GitHub workflows: valid against GitHub's schema, clean in zizmor, safe by design."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
LOCKS = sorted((REPO / "requirements").glob("ci*.txt"))

TOKEN = re.compile(r"github\.token|secrets\.|GITHUB_TOKEN|GH_TOKEN|x-access-token")
# What runs code from this repository or from a package registry: the venv (wegweiser and
# every installed tool live there), make (the Makefile), installers, interpreters, scripts.
REPOSITORY_CODE = re.compile(r"\.venv/|\b(make|pip|pip3|python|python3|npm|npx|node|source|bash|sh)\b|\./")
GIT = re.compile(r"\bgit\b")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key "on" as True
    return data


def jobs():
    for path in WORKFLOWS:
        for job_id, job in load(path)["jobs"].items():
            yield f"{path.name}:{job_id}", job


def steps():
    for where, job in jobs():
        for number, step in enumerate(job["steps"]):
            yield f"{where}:{step.get('name', step.get('uses', number))}", step


def holds_token(step: dict) -> bool:
    return any(TOKEN.search(str(value)) for value in step.get("env", {}).values())


def runs_repository_code(job: dict) -> bool:
    return any(REPOSITORY_CODE.search(step.get("run", "")) for step in job["steps"])


def writes(permissions: dict) -> bool:
    return any(level == "write" for level in (permissions or {}).values())


def commands(script: str) -> list[str]:
    """The shell lines of a step, with continued lines joined."""
    return [line.strip() for line in script.replace("\\\n", " ").splitlines() if line.strip()]


def lock_entries(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@pytest.mark.slow  # a subprocess or a whole build
def test_every_workflow_passes_githubs_workflow_schema():
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow  # a subprocess or a whole build
def test_zizmor_finds_nothing():
    zizmor = Path(sys.executable).parent / "zizmor"
    result = subprocess.run([str(zizmor), "--offline", str(REPO / ".github" / "workflows")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_no_workflow_runs_untrusted_code_with_secrets(path):
    data = load(path)
    assert "pull_request_target" not in data["on"]
    assert data["permissions"] == {}, "permissions are granted per job only"
    for job in data["jobs"].values():
        for step in job["steps"]:
            assert not re.search(r"\$\{\{\s*github\.event\.", step.get("run", "")), step.get("name")
            if step.get("uses", "").startswith("actions/checkout@"):
                assert isinstance(step["with"]["persist-credentials"], bool), "chosen on purpose in every job"
            if "uses" in step:
                assert re.match(r"^actions/[a-z-]+@[0-9a-f]{40}$", step["uses"]), step["uses"]


def test_pull_requests_are_checked_with_annotations_and_a_preview():
    data = load(REPO / ".github" / "workflows" / "pruefen.yml")
    assert "pull_request" in data["on"]
    steps = data["jobs"]["pruefen"]["steps"]
    runs = "\n".join(s.get("run", "") for s in steps)
    assert "wegweiser validate --format github" in runs and "make test" in runs and "wegweiser build" in runs
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in steps)
    assert data["jobs"]["pruefen"]["permissions"] == {"contents": "read"}


def test_main_is_deployed_only_after_checks_and_build():
    data = load(REPO / ".github" / "workflows" / "veroeffentlichen.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["jobs"]["veroeffentlichen"]["needs"] == "bauen"
    uses = [s.get("uses", "") for job in data["jobs"].values() for s in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)


def test_the_publishing_build_restores_the_build_cache_keyed_by_packages_and_records():
    steps = load(REPO / ".github" / "workflows" / "veroeffentlichen.yml")["jobs"]["bauen"]["steps"]
    [cache] = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert cache["with"]["path"] == "~/.cache/wegweiser"  # build_cache.folder() on the runner
    packages = "wegweiser-build-${{ hashFiles('requirements/ci-test.txt') }}-"
    # each state of the records saves its own cache, starting from the newest earlier one
    assert cache["with"]["key"].startswith(packages) and "hashFiles('content/**'" in cache["with"]["key"]
    assert cache["with"]["restore-keys"] == packages
    names = [s.get("name", s.get("uses", "")) for s in steps]
    assert names.index(cache["uses"]) < names.index("Seite streng bauen")


def test_only_the_geocoding_workflow_geocodes_online():
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        online = re.search(r"wegweiser geocode(?! --check)", text)
        assert bool(online) == (path.name == "geokodieren.yml"), path.name


def test_every_pip_install_takes_hash_pinned_packages_or_only_the_project_itself():
    installs = [(where, line) for where, step in steps() for line in commands(step.get("run", ""))
                if re.search(r"\bpip3? install\b", line)]
    assert installs
    for where, line in installs:
        words = shlex.split(line)
        if "--require-hashes" in words:
            lock = REPO / words[words.index("-r") + 1]
            assert lock in LOCKS, (where, line)
        else:
            # The project from the checkout, its dependencies and build backend from the lock.
            assert {"--no-deps", "--no-build-isolation"} <= set(words), (where, line)
            assert words[-1] == "." and words[-2] in ("-e", "--no-build-isolation", "--no-deps"), (where, line)
    for where, job in jobs():
        lines = [line for step in job["steps"] for line in commands(step.get("run", ""))]
        makes = [line for line in lines if re.match(r"make\b", line)]
        if makes:
            # make would install unpinned (Makefile); its stamps say the pinned install is done.
            assert makes == ["make test"], where
            assert lines.index("touch .venv/.installed node_modules/.installed") < lines.index("make test"), where


@pytest.mark.parametrize("lock", LOCKS, ids=lambda p: p.name)
def test_the_lock_pins_every_package_with_a_hash_and_agrees_with_pyproject(lock):
    entries = lock_entries(lock)
    for entry in entries:
        assert re.fullmatch(r"[a-z0-9._-]+==[^ ;]+(\s+--hash=sha256:[0-9a-f]{64})+", entry), entry
    pinned = {entry.split("==")[0]: entry.split("==")[1].split()[0] for entry in entries}
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    wanted = project["project"]["dependencies"] + project["build-system"]["requires"]
    if lock.name == "ci-test.txt":
        wanted += project["project"]["optional-dependencies"]["test"]
    for requirement in wanted:
        name, version = requirement.split("==")
        assert pinned.get(re.sub(r"[-_.]+", "-", name.lower())) == version, requirement


def test_no_step_that_runs_repository_code_or_git_holds_a_token():
    holders = [(where, step) for where, step in steps() if holds_token(step)]
    assert holders
    for where, step in holders:
        script = step.get("run", "")
        assert "uses" not in step and not REPOSITORY_CODE.search(script) and not GIT.search(script), where
        # gh reads the git repository of its working directory; the token's steps keep away from it.
        assert [line for line in commands(script) if not line.startswith("#")][0] == 'cd "$RUNNER_TEMP"', where


def test_no_token_is_written_into_a_command_or_an_action_input():
    for where, step in steps():
        assert not TOKEN.search(step.get("run", "")), where
        assert not any(TOKEN.search(str(value)) for value in (step.get("with") or {}).values()), where
        assert not any(TOKEN.search(str(value)) for key, value in step.get("env", {}).items()
                       if key != "GH_TOKEN"), where


def test_jobs_that_run_repository_code_can_only_read_and_use_their_token_first():
    for where, job in jobs():
        if runs_repository_code(job):
            assert not writes(job["permissions"]), where
            first_code = next(i for i, s in enumerate(job["steps"]) if REPOSITORY_CODE.search(s.get("run", "")))
            assert not any(holds_token(s) for s in job["steps"][first_code:]), where


def test_only_jobs_that_push_keep_git_credentials_and_their_git_runs_without_hooks():
    pushers = 0
    for where, job in jobs():
        checkouts = [s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@")]
        keeps = any(s["with"]["persist-credentials"] for s in checkouts)
        scripts = [s.get("run", "") for s in job["steps"]]
        pushes = any(re.search(r"\bgit\b.* push\b", line) for script in scripts for line in commands(script))
        assert keeps == pushes, where
        if keeps:
            pushers += 1
            assert not runs_repository_code(job) and job["permissions"].get("contents") == "write", where
            for script in scripts:
                for line in commands(script):
                    if GIT.search(line):
                        assert line.startswith("git -c core.hooksPath=/dev/null "), (where, line)
    assert pushers == 2  # the form's and the geocoding's proposals


def test_only_main_is_ever_published():
    data = load(REPO / ".github" / "workflows" / "veroeffentlichen.yml")
    deploy = data["jobs"]["veroeffentlichen"]
    assert deploy["if"] == "github.ref == 'refs/heads/main'"
    assert deploy["environment"]["name"] == "github-pages"
    for where, job in jobs():
        if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job["steps"]):
            assert job.get("if") == "github.ref == 'refs/heads/main'", where


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_a_workflow_that_writes_runs_one_at_a_time_and_is_never_cut_off(path):
    data = load(path)
    if any(writes(job.get("permissions")) for job in data["jobs"].values()):
        assert data["concurrency"]["group"]
        assert data["concurrency"]["cancel-in-progress"] is False
