"""Shared test helpers: paths, copies of the fixture site, and real MkDocs builds."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMAS = REPO / "schemas"
FIXTURE_SITE = FIXTURES / "site" / "content"


def mkdocs_config(content_dir: Path, site_dir: Path, demo_notice: bool = True) -> Path:
    """A mkdocs.yml like the repository's, pointing at the given content."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir=str(content_dir), site_dir=str(site_dir))
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config["plugins"] = [
        "search",
        {"wegweiser": {"schemas": str(SCHEMAS), "demo_notice": demo_notice}},
    ]
    path = content_dir.parent / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build(config_file: Path) -> None:
    """A real, strict MkDocs build, as ``mkdocs build --strict`` runs it."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_build(load_config(str(config_file), strict=True))


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A writable copy of the small fixture site's content folder."""
    target = tmp_path / "project" / "content"
    shutil.copytree(FIXTURE_SITE, target)
    return target
