"""Benchmark of size: the whole build of 1,000, 10,000 and 100,000 offerings, beside bare
mkdocs-material building as many pages of comparable text with its search plugin.

Run by hand (not in CI), after `make test` has installed everything:

    .venv/bin/python benchmarks/scale.py                  # 1,000, 10,000 and 100,000
    .venv/bin/python benchmarks/scale.py 1000 10000 --runs 3
    .venv/bin/python benchmarks/scale.py 1000 --ohne-browser

For each size it writes a synthetic directory of realistic variety (organisations with 1 to
20 offerings, long descriptions, a fifth also in Czech), builds it with the real plugin
(German, Czech and English sites), then builds bare mkdocs-material with the same number of
pages, interleaved run by run, each build in a process of its own (peak memory: the build's
processes together as proportional set size, sampled every 0.2 s; the first build starts
with an empty build cache, later runs reuse it). Printed per size: build time and peak
memory of both and their ratio, the time of reading, checking and locating without and with
the cache, the site's size, its largest page (raw and gzip) and how many pages are over the budget (100 KB,
25 KB gzip), and what the first search query transfers (headless Chromium, as
`benchmarks/search.py` measures it; --ohne-browser leaves it out). Targets (issue 16): at
most 1.1x bare Material at 1,000 and 10,000; first query at most 150 KB; peak memory at most
400 MB at 10,000 and 1.5 GB at 100,000; 100,000 in under 8 minutes.
"""
from __future__ import annotations

import argparse
import gzip
import json
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "benchmarks")]

from conftest import mkdocs_config  # noqa: E402
from synthetic import write_varied_directory  # noqa: E402

PAGE_LIMIT, GZIP_LIMIT = 100_000, 25_000  # bytes: the budget for any HTML page


def build_in_this_process(config: Path) -> None:
    """What the child process does: one build, then its time and peak memory as JSON."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.basicConfig(level=logging.ERROR, format="%(message)s")
    started = time.perf_counter()
    build(load_config(str(config)))
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux
    print(json.dumps({"seconds": seconds, "peak_mb": peak}))


def prepare_in_this_process(config: Path) -> None:
    """What the child process does for the figure of reading and checking: the pipeline's
    first stages (load, validate, locate) alone, then their time as JSON."""
    from mkdocs.config import load_config

    from generator import pipeline
    from generator.settings import Settings

    mkdocs = load_config(str(config))
    settings = Settings.from_plugin(mkdocs.plugins["wegweiser"].config, mkdocs)
    spent = {"load_and_validate": 0.0}

    def timed(stage):
        def run(*args, **kwargs):
            began = time.perf_counter()
            try:
                return stage(*args, **kwargs)
            finally:
                spent["load_and_validate"] += time.perf_counter() - began
        return run
    pipeline._load, pipeline._validate = timed(pipeline._load), timed(pipeline._validate)
    started = time.perf_counter()
    pipeline.prepare(pipeline.Sources.of(settings))
    print(json.dumps({"seconds": time.perf_counter() - started, **spent}))


def in_child(option: str, config: Path, cache: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, __file__, option, str(config)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": str(Path.home()),
                                 "WEGWEISER_CACHE": str(cache)})


def result_of(child: subprocess.Popen, what: Path) -> dict:
    out, err = child.communicate()
    if child.returncode:
        sys.exit(f"{what}: fehlgeschlagen:\n{err[-3000:]}")
    return json.loads(out.strip().splitlines()[-1])


def tree_memory_mb(root: int) -> float:
    """The memory of a process and all its descendants together (the build's languages run
    in processes of their own at the same time), as proportional set size: a page that
    forked processes share is counted once, split between them, not once per process."""
    parents = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except OSError:
            continue
        parents[int(status.parent.name)] = int(fields.get("PPid", "0").strip() or 0)

    def descends(pid: int) -> bool:
        while pid > 1:
            if pid == root:
                return True
            pid = parents.get(pid, 0)
        return False
    return sum(_pss_kb(pid) for pid in parents if descends(pid)) / 1024


def _pss_kb(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0  # ended meanwhile
    return next((int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")), 0)


def timed_build(config: Path, site: Path, cache: Path) -> dict:
    shutil.rmtree(site, ignore_errors=True)
    child = in_child("--bauen", config, cache)
    peak = 0.0
    while child.poll() is None:
        peak = max(peak, tree_memory_mb(child.pid))
        time.sleep(0.2)
    result = result_of(child, config)
    result["peak_mb"] = max(peak, result["peak_mb"])  # all processes together, sampled every 0.2 s
    return result


def bare_material(folder: Path, pages: int, content: Path) -> Path:
    """mkdocs-material with its search plugin and ``pages`` pages of the directory's texts."""
    import yaml

    docs = folder / "docs"
    texts = [yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((content / "traeger").glob("*.yml"))]
    offerings = [(record, offering) for record in texts for offering in record["angebote"]]
    rng = random.Random(7)
    for number in range(pages):
        record, offering = offerings[number % len(offerings)]
        description = offering["beschreibung"]
        text = description["de"] if isinstance(description, dict) else description
        name = offering["name"]["de"] if isinstance(offering["name"], dict) else offering["name"]
        address = record["adressen"][0]
        page = docs / f"seite-{number // 1000}" / f"{number}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"# {name}\n\n{text}\n\n## Kontakt\n\n| | |\n|---|---|\n| Träger | {record['name']} |\n"
            f"| Anschrift | {address.get('strasse', '')}, {address.get('plz', '')} {address['ort']} |\n"
            f"| Telefon | 03733 {rng.randrange(100000, 999999)} |\n\n"
            f"**Themen:** {', '.join(offering['themen'])}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Wegweiser\n\nVergleichsseite.\n", encoding="utf-8")
    config = folder / "mkdocs.yml"
    config.write_text(yaml.safe_dump({
        "site_name": "Vergleich", "docs_dir": str(docs), "site_dir": str(folder / "site"),
        "theme": {"name": "material", "language": "de", "font": False}, "plugins": ["search"],
        # As a directory would: its pages are found by search and listings, not all in the
        # menu (a menu of every page makes each page list them all, which grows as N²).
        "nav": [{"Start": "index.md"}]}), encoding="utf-8")
    return config


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_figures(site: Path) -> dict:
    sizes = [(path, path.stat().st_size, len(gzip.compress(path.read_bytes(), 6))) for path in html_pages(site)]
    largest = max(sizes, key=lambda item: item[2])
    return {"pages": len(sizes), "site_mb": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20,
            "largest": str(largest[0].relative_to(site)), "largest_kb": largest[1] / 1024,
            "largest_gzip_kb": largest[2] / 1024,
            "over": sum(1 for _, raw, packed in sizes if raw > PAGE_LIMIT or packed > GZIP_LIMIT)}


def first_query_kb(site: Path) -> float:
    """The most the first query of the search page transfers, over the German queries."""
    import functools
    import threading

    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_FLAGS, chromium_path
    from local_server import QuietServer
    from search import FIRST_QUERIES, GzipHandler, first_query_bytes

    server = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
            largest = max(first_query_bytes(browser, root + "suche/", query) for query in FIRST_QUERIES[""])
            browser.close()
    finally:
        server.shutdown()
    return largest / 1024


def measure(count: int, runs: int, with_browser: bool) -> None:
    folder = Path(tempfile.mkdtemp(prefix="wegweiser-groesse-"))
    content = folder / "project" / "content"
    write_varied_directory(content, count)
    ours_config = mkdocs_config(content, folder / "site", demo_notice=False)
    cache = folder / "cache"  # the build's cache, empty at first: the first build is a clean one
    checking = [result_of(in_child("--pruefen", ours_config, cache), ours_config) for _ in range(2)]
    shutil.rmtree(cache)
    ours, bare = [], []
    bare_config = None
    for _ in range(runs):  # interleaved, so that a slower minute of the machine hits both
        ours.append(timed_build(ours_config, folder / "site", cache))
        if bare_config is None:
            bare_config = bare_material(folder / "material", len(html_pages(folder / "site")), content)
        bare.append(timed_build(bare_config, folder / "material" / "site", cache))
    figures = page_figures(folder / "site")
    seconds = statistics.median(r["seconds"] for r in ours)
    bare_seconds = statistics.median(r["seconds"] for r in bare)
    query = f"{first_query_kb(folder / 'site'):.0f} KB" if with_browser else "–"
    print(f"{count:>9,} {seconds:>8.1f} s {max(r['peak_mb'] for r in ours):>7.0f} MB "
          f"{bare_seconds:>8.1f} s {max(r['peak_mb'] for r in bare):>7.0f} MB {seconds / bare_seconds:>6.2f}x "
          f"{figures['pages']:>8,} {figures['site_mb']:>7.0f} MB "
          f"{figures['largest_kb']:>6.0f}/{figures['largest_gzip_kb']:.0f} KB {figures['over']:>5} {query:>8}")
    cold, warm = checking
    print(f"{'':>10}größte Seite: {figures['largest']}; erster Bau (ohne Cache): {ours[0]['seconds']:.1f} s")
    print(f"{'':>10}Laden und Prüfen: {cold['load_and_validate']:.2f} s ohne Cache, {warm['load_and_validate']:.2f} s "
          f"mit Cache (mit Verorten: {cold['seconds']:.1f} s / {warm['seconds']:.1f} s)")
    shutil.rmtree(folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    parser.add_argument("--runs", type=int, default=1, help="Bauten je Größe (der Median zählt)")
    parser.add_argument("--ohne-browser", action="store_true", help="die erste Suchanfrage nicht messen")
    parser.add_argument("--bauen", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--pruefen", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bauen:
        build_in_this_process(args.bauen)
        return 0
    if args.pruefen:
        prepare_in_this_process(args.pruefen)
        return 0
    print(f"Rechner: {platform.processor() or platform.machine()}, {len(__import__('os').sched_getaffinity(0))} "
          f"Kerne, Python {platform.python_version()}")
    print(f"{'Angebote':>9} {'Bauzeit':>10} {'Spitze':>10} {'Material':>10} {'Spitze':>10} {'Faktor':>7} "
          f"{'Seiten':>8} {'Größe':>10} {'größte/gzip':>12} {'>Budget':>5} {'1. Anfrage':>8}")
    for count in args.sizes:
        measure(count, args.runs, not args.ohne_browser)
    return 0


if __name__ == "__main__":
    sys.exit(main())
