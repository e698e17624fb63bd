"""Benchmark of the search: bytes transferred for the first query and time to results.

Run by hand (not in CI), after `make test` has installed everything:

    .venv/bin/python benchmarks/search.py            # 1,000 and 10,000 offerings
    .venv/bin/python benchmarks/search.py 3000

It builds a synthetic directory with the real pipeline and MkDocs, serves it gzip-compressed
as static hosting does, opens the search page in headless Chromium, and measures what the
first query transfers after the page has loaded, and how long queries take once their index
files are loaded. Targets at 10,000 offerings (issues 5 and 11): at most 150 KB for the
first query in each language (German, Czech, English), results in under 100 ms.
"""
from __future__ import annotations

import gzip
import shutil
import statistics
import sys
import tempfile
import time
from http.server import SimpleHTTPRequestHandler
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "benchmarks")]

from browser import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from local_server import QuietServer  # noqa: E402
from conftest import build, mkdocs_config  # noqa: E402
from synthetic import write_directory  # noqa: E402

# With the forgiving search (issue 13): typos ("Suchtberatng", "Schludnerberatung"), everyday
# words of the synonyms ("Hartz IV", "Depression"), and a typo in the first letters that finds
# nothing and so looks for near words to offer ("Shculdnerberatung").
FORGIVING = {"Suchtberatng": "Tippfehler", "Schludnerberatung": "Tippfehler", "Hartz IV": "Synonym",
             "Depression": "Synonym", "Shculdnerberatung": "ohne Treffer, mit Vorschlägen"}
QUERIES = ("Suchtberatung", "Hilfe bei Schulden", "Demenz Mayen", "beratung", "Alleinerziehende",
           "Gebärdensprache", "Familienberatung Aachen", "Wohnungsnot", *FORGIVING)
# The first query on the Czech and English sites (issue 11: the same budget in each language).
FIRST_QUERIES = {"": (*QUERIES[:4], *FORGIVING),
                 "cs/": ("závislost", "pomoc s dluhy", "rodinná poradna", "poradna Dresden"),
                 "en/": ("debt advice", "addiction", "family counselling", "migration Dresden")}


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the browser accepts it, like GitHub Pages."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() \
                or path.suffix not in (".html", ".json", ".js", ".css"):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io
        return io.BytesIO(body)

    def log_message(self, *args):
        pass


def first_query_bytes(browser, url: str, query: str) -> int:
    """What the first query on a fresh search page transfers: the index files it needs, and
    those the page load already fetched (the manifest, the first result file of the empty
    search)."""
    page = browser.new_page()
    transferred = []
    page.on("requestfinished", lambda r: transferred.append(
        (r.url, r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"])))
    page.goto(url, wait_until="networkidle")  # the page and its script, no query yet
    index_at_load = sum(size for address, size in transferred if "/suche/" in address and address.endswith(".json"))
    transferred.clear()
    page.fill("#ww-suchwort", query)
    page.evaluate("() => window.wegweiserSuche.run()")
    page.wait_for_timeout(300)
    page.close()
    return sum(size for _, size in transferred) + index_at_load


def measure(count: int, browser) -> None:
    folder = Path(tempfile.mkdtemp(prefix="wegweiser-suche-"))
    content = folder / "project" / "content"
    write_directory(content, count, czech_share=0.2)
    started = time.perf_counter()
    build(mkdocs_config(content, folder / "site", demo_notice=False))
    built = time.perf_counter() - started
    index_bytes = sum(p.stat().st_size for p in (folder / "site" / "suche").glob("*.json"))

    import functools
    import threading
    server = QuietServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(folder / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    url = root + "suche/"

    first_query = {prefix: [first_query_bytes(browser, root + prefix + "suche/", query) for query in queries]
                   for prefix, queries in FIRST_QUERIES.items()}

    page = browser.new_page()
    page.goto(url, wait_until="networkidle")
    timings = []
    for query in QUERIES:
        page.fill("#ww-suchwort", query)
        page.evaluate("() => window.wegweiserSuche.run()")  # loads the files this query needs
        times = []
        for _ in range(5):
            times.append(page.evaluate("""async () => {
                const start = performance.now();
                await window.wegweiserSuche.run();
                return performance.now() - start;
            }"""))
        timings.append(statistics.median(times))
    page.close()
    server.shutdown()
    first = " / ".join(f"{max(sizes) / 1024:.0f}" for sizes in first_query.values())
    print(f"{count:>9,} {built:>8.1f}s {index_bytes / 1024:>12,.0f} KB "
          f"{first:>18} KB {statistics.median(timings):>12.1f} ms {max(timings):>10.1f} ms")
    german_first = dict(zip(FIRST_QUERIES[""], first_query[""], strict=True))
    for query, timing in zip(QUERIES, timings, strict=True):
        size = f"{german_first[query] / 1024:.0f} KB" if query in german_first else ""
        kind = f" ({FORGIVING[query]})" if query in FORGIVING else ""
        print(f"{'':>10}{query + kind:<50} 1. Anfrage {size:>7}   Ergebnis {timing:>6.1f} ms")
    shutil.rmtree(folder)


def main(sizes: list[int]) -> int:
    import logging

    from playwright.sync_api import sync_playwright

    logging.basicConfig(level=logging.ERROR, format="%(message)s")  # show problems if the build fails

    print(f"{'Angebote':>9} {'Bauzeit':>9} {'Index (DE)':>15} {'1. Anfrage DE/CS/EN':>21} "
          f"{'Median':>15} {'Maximum':>13}")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        for count in sizes:
            measure(count, browser)
        browser.close()
    print("\nZiele bei 10.000 Angeboten: erste Anfrage höchstens 150 KB, Ergebnisse in unter 100 ms.")
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [1000, 10000]))
