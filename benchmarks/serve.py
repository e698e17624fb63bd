"""Benchmark of the preview: how long after saving one provider file its page shows the change.

Run by hand (not in CI), after `make test` has installed everything:

    .venv/bin/python benchmarks/serve.py              # 1,000 and 10,000 offerings
    .venv/bin/python benchmarks/serve.py 10000 --aenderungen 5 --sprache de

For each size it writes a synthetic directory (as benchmarks/scale.py does), starts
`wegweiser serve` on a free port of 127.0.0.1, as a provider would, and waits for the first
build. Then, one after the other, it changes the description of one offering in one provider
file (a different file each time) and polls that offering's page every 0.05 s until the new
text is served: the time from saving to seeing. Printed per size: the first build and the
median and largest of the changes. Target (issue 16): under 2 s at 10,000 offerings.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "benchmarks")]

from conftest import mkdocs_config  # noqa: E402
from synthetic import write_varied_directory  # noqa: E402

WAIT = 1800  # seconds for the first build of a large directory on a slow machine


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def page_text(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=WAIT) as answer:  # noqa: S310 (our own server)
            return answer.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return None


def wait_for(url: str, text: str, started: float, server: subprocess.Popen, log: Path) -> float:
    """Seconds from ``started`` until the page at ``url`` contains ``text``."""
    while time.monotonic() - started < WAIT:
        if server.poll() is not None:
            sys.exit(f"wegweiser serve ist beendet:\n{log.read_text(encoding='utf-8')[-3000:]}")
        body = page_text(url)
        if body is not None and text in body:
            return time.monotonic() - started
        time.sleep(0.05)
    sys.exit(f"{url}: nach {WAIT} s noch nicht geändert")


def change_one_offering(file: Path, mark: str) -> str:
    """Puts ``mark`` before the first offering's German description; returns its id."""
    record = yaml.safe_load(file.read_text(encoding="utf-8"))
    offering = record["angebote"][0]
    if isinstance(offering["beschreibung"], dict):
        offering["beschreibung"]["de"] = f"{mark} {offering['beschreibung']['de']}"
    else:
        offering["beschreibung"] = f"{mark} {offering['beschreibung']}"
    file.write_text(yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
    return offering["id"]


def measure(count: int, changes: int, language: str | None) -> None:
    folder = Path(tempfile.mkdtemp(prefix="wegweiser-vorschau-"))
    content = folder / "project" / "content"
    write_varied_directory(content, count)
    config = mkdocs_config(content, folder / "site", demo_notice=False)
    log = folder / "serve.log"
    port = free_port()
    root = f"http://127.0.0.1:{port}/"
    started = time.monotonic()
    server = subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "wegweiser"), "--config", str(config), "serve", "-a", f"127.0.0.1:{port}",
         *(["--sprache", language] if language else [])],
        cwd=folder / "project", stdout=subprocess.DEVNULL, stderr=log.open("w"),
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, start_new_session=True)
    try:
        first = wait_for(root, "</html>", started, server, log)
        seen = []
        files = sorted((content / "traeger").glob("*.yml"), key=lambda p: int(p.stem.split("-")[1]))
        for number in range(changes):
            file = files[(number * 7919) % len(files)]  # spread over the directory
            mark = f"Geändert-{number}-{time.time():.0f}."
            saved = time.monotonic()
            offering = change_one_offering(file, mark)
            page = f"{root}{'' if language in (None, 'de') else language + '/'}angebote/{offering}/"
            seen.append(wait_for(page, mark, saved, server, log))
        print(f"{count:>9,} {first:>10.1f} s {statistics.median(seen):>10.2f} s {max(seen):>10.2f} s")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
        shutil.rmtree(folder)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--aenderungen", type=int, default=3, help="Änderungen je Größe")
    parser.add_argument("--sprache", help="wegweiser serve --sprache: die Vorschau in nur einer Sprache")
    args = parser.parse_args()
    print(f"{'Angebote':>9} {'erster Bau':>12} {'Median':>12} {'längste':>12}  (Speichern bis geänderte Seite)")
    for count in args.sizes:
        measure(count, args.aenderungen, args.sprache)
    return 0


if __name__ == "__main__":
    sys.exit(main())
