"""Benchmark of the three-language build: German, Czech and English against German only.

Run by hand (not in CI), after `make test` has installed everything:

    .venv/bin/python benchmarks/languages.py          # 10,000 offerings
    .venv/bin/python benchmarks/languages.py 2000

It writes one synthetic directory (a fifth of the offerings with Czech texts, as near
the border) and builds it twice with the real pipeline and MkDocs, on the same machine in
the same run: once German only (``languages: []``), once with Czech and English. The goal
(issue 11): the three-language build takes at most 2.2 times as long. Where the further
languages are built beside the German one (Linux, more than one core), the time the
processors worked in all processes together is printed too: it shows the work each
language adds, which waiting time alone hides.
"""
from __future__ import annotations

import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "benchmarks")]

from conftest import build, mkdocs_config  # noqa: E402
from synthetic import write_directory  # noqa: E402

GOAL = 2.2


def processor_seconds() -> float:
    """User and system time of this process and of its finished children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_build(content: Path, site: Path, languages: list[str]) -> tuple[float, float, int]:
    config = mkdocs_config(content, site, demo_notice=False, languages=languages)
    started, worked = time.perf_counter(), processor_seconds()
    build(config)
    seconds, worked = time.perf_counter() - started, processor_seconds() - worked
    pages = sum(1 for _ in site.rglob("*.html"))
    shutil.rmtree(site)
    return seconds, worked, pages


def main(count: int) -> int:
    import logging

    logging.basicConfig(level=logging.ERROR, format="%(message)s")  # show problems if a build fails
    folder = Path(tempfile.mkdtemp(prefix="wegweiser-sprachen-"))
    content = folder / "project" / "content"
    write_directory(content, count, czech_share=0.2)
    german, german_work, german_pages = timed_build(content, folder / "site-de", [])
    three, three_work, three_pages = timed_build(content, folder / "site-3", ["cs", "en"])
    shutil.rmtree(folder)
    print(f"{len(os.sched_getaffinity(0))} Prozessorkerne\n")
    print(f"{'Angebote':>9} {'':>15} {'nur Deutsch':>14} {'DE, CS, EN':>14} {'Verhältnis':>11}")
    print(f"{count:>9,} {'Bauzeit':>15} {german:>12.1f} s {three:>12.1f} s {three / german:>10.2f}x")
    print(f"{'':>9} {'Rechenzeit':>15} {german_work:>12.1f} s {three_work:>12.1f} s {three_work / german_work:>10.2f}x")
    print(f"{'':>9} {'Seiten':>15} {german_pages:>9} HTML {three_pages:>9} HTML")
    print(f"\nZiel: höchstens {GOAL}x die Bauzeit der deutschen Seite.")
    return 0 if three / german <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
