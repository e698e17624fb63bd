"""Benchmark of the maps: the size of the map document, bytes per marker in the file of its
markers beside it, and the time until markers are shown.

Run by hand (not in CI), after `make test` has installed everything:

    .venv/bin/python benchmarks/maps.py            # 100, 1,000 and 10,000 markers
    .venv/bin/python benchmarks/maps.py 50000      # other sizes

Targets (issue 4): at most 150 bytes of markers per marker at 10,000 markers, and the
overview map interactive within 2 s of load in headless Chromium on a 2-core machine.
Issue 16: the map document itself the same size however many markers (far below 100 KB).
Timed as a visitor meets the map: a page with the site's own script (wegweiser.js), from the
click on "Karte laden" until markers show in the frame, which the page hands them to.
"""
from __future__ import annotations

import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from browser import CHROMIUM_FLAGS, chromium_path  # noqa: E402
from local_server import LocalServer  # noqa: E402
from generator import schema, vocab  # noqa: E402
from generator.render import maps  # noqa: E402
from generator.render.urls import ID_PLACEHOLDER, SiteMap  # noqa: E402
from generator.settings import MapSettings  # noqa: E402

STREETS = ("Hauptstraße", "Bahnhofstraße", "Schulstraße", "Gartenstraße", "Dorfstraße", "Lindenweg")
PAGE_SCRIPT = REPO / "overrides" / "assets" / "javascripts" / "wegweiser.js"
# The map's placeholder as the site's pages have it (_macros.html map_block), nothing else.
PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Benchmark</title></head><body>
<div data-karte="{map}" data-karte-titel="Benchmark" data-karte-markierungen="{markers}" data-karte-geladen="Geladen"
     data-karte-fehlt="Nicht geladen">
<a class="ww-karte__laden" href="#">Karte laden</a></div>
<script src="wegweiser.js"></script>
</body></html>
"""
KINDS = ("Suchtberatung", "Schuldnerberatung", "Familienberatung", "Sozialpsychiatrischer Dienst",
         "Migrationsberatung", "Pflegeberatung", "Beratungsstelle für Menschen mit Behinderung")


def synthetic_markers(count: int, topics: vocab.Vocabulary, seed: int = 7) -> list[maps.Marker]:
    """Realistic lengths: names of about 35 characters, 2 topics, one in five approximate."""
    rng = random.Random(seed)
    towns = [f"Musterstadt {i}" for i in range(max(10, count // 20))]
    organisations = [f"Träger Beispiel {i} e. V." for i in range(max(5, count // 5))]
    topic_ids = list(topics.terms)
    markers = []
    for i in range(count):
        approximate = rng.random() < 0.2  # noqa: PLR2004 (a fifth of the points)
        markers.append(maps.Marker(
            latitude=round(rng.uniform(47.5, 54.8), 5), longitude=round(rng.uniform(6.0, 18.5), 5),
            name=f"{rng.choice(KINDS)} {rng.choice(towns)}", offering_id=f"traeger-{i // 3}-angebot-{i}",
            organisation=rng.choice(organisations), street=f"{rng.choice(STREETS)} {rng.randint(1, 99)}",
            town=rng.choice(towns), topics=tuple(rng.sample(topic_ids, 2)), approximate=approximate,
            attribution="Ortsdaten: GeoNames (CC BY 4.0)" if approximate else "",
        ))
    return markers


def main(sizes: list[int]) -> int:
    schemas = schema.SchemaSet.load(REPO / "schemas")
    vocabularies, _ = vocab.load_vocabularies(REPO / "schemas" / "vokabulare", schemas)
    folder = Path(tempfile.mkdtemp(prefix="wegweiser-karten-"))
    for site_path, disk_path in maps.library_files(REPO / "node_modules", SiteMap()).items():
        (folder / site_path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(disk_path, folder / site_path)
    shutil.copyfile(PAGE_SCRIPT, folder / "wegweiser.js")

    from playwright.sync_api import sync_playwright

    print(f"{'Markierungen':>12} {'Bytes Dokument':>15} {'Bytes Markierungen':>19} {'je Markierung':>14} "
          f"{'Erzeugen':>9} {'bis sichtbar':>13}")
    with LocalServer() as tiles, LocalServer(folder) as web, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        settings = MapSettings(tiles=f"http://{tiles.host}/{{z}}/{{x}}/{{y}}.png")
        for count in sizes:
            markers = synthetic_markers(count, vocabularies["themen"])
            started = time.perf_counter()
            src = SiteMap().region_map_document(f"bench-{count}")
            generated = maps.render_map(src, "Benchmark", markers, settings, vocabularies["themen"],
                                        SiteMap().link(src, SiteMap().offering(ID_PLACEHOLDER)))
            rendered = time.perf_counter() - started
            size = len(generated.html.encode("utf-8"))
            markers_size = len(generated.marker_data.encode("utf-8"))
            (folder / generated.src_uri).write_text(generated.html, encoding="utf-8")
            (folder / generated.marker_file).write_text(generated.marker_data, encoding="utf-8")
            (folder / f"seite-{count}.html").write_text(
                PAGE.format(map=generated.src_uri, markers=f"{generated.marker_file}?v={generated.marker_version}"),
                encoding="utf-8")

            timings = []
            for _ in range(3):
                page = browser.new_page(viewport={"width": 1280, "height": 800})
                page.goto(web.url + f"seite-{count}.html")
                clicked = page.evaluate("""() => { document.querySelector(".ww-karte__laden").click();
                                                   return performance.timeOrigin + performance.now(); }""")
                page.frame_locator("iframe").locator(".leaflet-marker-icon").first.wait_for(timeout=60000)
                frame = next(f for f in page.frames if f != page.main_frame)
                shown_at = frame.evaluate("window.wegweiserKarte && performance.timeOrigin + performance.now()")
                timings.append((shown_at - clicked) / 1000)
                page.close()
            shown = sorted(timings)[1]  # the median of three loads
            print(f"{count:>12,} {size:>15,} {markers_size:>19,} {markers_size / count:>14.1f} {rendered:>8.2f}s "
                  f"{shown:>12.2f}s")
        browser.close()
    shutil.rmtree(folder)
    print("\nZiele bei 10.000 Markierungen: höchstens 150 Bytes je Markierung, sichtbar in unter 2 s.")
    return 0


if __name__ == "__main__":
    sys.exit(main([int(a) for a in sys.argv[1:]] or [100, 1000, 10000]))
