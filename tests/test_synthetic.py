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
