"""Every HTML document of the example site, in every language, the map documents and the
error pages included, is valid HTML as the Nu HTML Checker (vnu, the W3C's checker, from
the npm package vnu-jar at a fixed version) sees it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from urllib.parse import unquote, urlsplit

import pytest

from conftest import REPO, in_ci

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def checker_missing() -> str:
    """Why the checker cannot run here, or "" when it can."""
    if shutil.which("java") is None:
        return "Java is not installed (make test installs Debian's default-jre-headless)"
    if not VNU.exists():
        return "vnu.jar is not installed (run npm ci, or make test)"
    return ""


@pytest.fixture(scope="module")
def vnu() -> list[str]:
    missing = checker_missing()
    if missing:
        # make test and CI install Java and the npm packages: there a missing checker is a failure.
        if in_ci() or os.environ.get("MAKELEVEL"):
            pytest.fail(missing)
        pytest.skip(missing)
    return [shutil.which("java"), "-jar", str(VNU)]


def test_every_document_of_the_site_is_valid_html(vnu, example_site):
    documents = list(example_site.rglob("*.html"))
    assert any(d.parent.name == "karten" for d in documents) and (example_site / "cs" / "404.html").exists()
    # One run over the whole folder: a Java start for each of thousands of documents would take minutes.
    result = subprocess.run([*vnu, "--errors-only", "--format", "json", "--stdout", "--skip-non-html",
                             str(example_site)], capture_output=True, text=True, timeout=600)
    assert result.returncode in (0, 1), result.stderr  # 1: errors found, reported below
    messages = json.loads(result.stdout)["messages"]
    errors = [f"{unquote(urlsplit(m.get('url', '')).path).removeprefix(str(example_site) + '/')}:"
              f"{m.get('lastLine', '?')}: {m['message']}" for m in messages if m["type"] != "info"]
    assert errors == [], f"{len(errors)} Fehler in {len(documents)} Dokumenten:\n" + "\n".join(errors)
