"""The benchmarks' synthetic directories stay valid records: a benchmark of a directory
the validator refuses measures nothing."""
from __future__ import annotations

import sys

from conftest import REPO, SCHEMAS
from generator import pipeline

sys.path.insert(0, str(REPO / "benchmarks"))
import synthetic  # noqa: E402


def test_a_synthetic_directory_passes_validation(tmp_path):
    synthetic.write_directory(tmp_path / "content", 60, czech_share=0.3)
    prepared = pipeline.prepare(pipeline.Sources(tmp_path / "content", SCHEMAS))
    assert len(prepared.directory.offerings) == 60


def test_the_size_benchmarks_varied_directory_passes_validation(tmp_path):
    synthetic.write_varied_directory(tmp_path / "content", 300)
    prepared = pipeline.prepare(pipeline.Sources(tmp_path / "content", SCHEMAS))
    offerings = prepared.directory.offerings
    assert len(offerings) == 300
    per_organisation = [len(o.offerings) for o in prepared.directory.organisations]
    assert min(per_organisation) == 1 and max(per_organisation) > 5  # noqa: PLR2004
    assert any(o.description.get("cs") for o in offerings)
