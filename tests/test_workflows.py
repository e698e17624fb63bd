"""The GitHub workflows: valid against GitHub's schema, clean in zizmor, safe by design."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key "on" as True
    return data


def test_every_workflow_passes_githubs_workflow_schema():
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                             *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


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
                assert step["with"]["persist-credentials"] is False
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


def test_only_the_geocoding_workflow_geocodes_online():
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        online = re.search(r"wegweiser geocode(?! --check)", text)
        assert bool(online) == (path.name == "geokodieren.yml"), path.name
