"""Helpers for the browser tests: Debian's chromium driven by Playwright."""
from __future__ import annotations

import shutil

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-quic"]


def chromium_path() -> str:
    path = shutil.which("chromium")
    if path is None:
        raise RuntimeError("Debian's chromium is missing: run the tests with `make test`, which installs it.")
    return path


# One page of every kind, as addresses below a language's root.
PAGE_KINDS = {
    "Start": "", "Angebot": "angebote/diakonie-erzgebirge-suchtberatung-aue/",
    "Angebot mit vertraulicher Anschrift": "angebote/frauenhaus-interventionsstelle-myk-frauenhaus/",
    "Träger": "traeger/diakonie-erzgebirge/", "Träger A–Z": "traeger/", "Region": "regionen/erzgebirgskreis/",
    "Regionen": "regionen/", "Thema": "themen/sucht/", "Zielgruppen": "zielgruppen/", "A–Z": "a-z/",
    "Netzwerk": "netzwerke/myknetz/", "Termine": "termine/", "Archiv": "termine/archiv/", "Karte": "karte/",
    "Orte": "orte/", "A–Z, Seite 2": "a-z/seite/2/",
    "Suche": "suche/?q=beratung&thema=sucht", "Mitmachen": "mitmachen/", "Merkliste": "merkliste/",
    "Impressum": "impressum/", "Datenschutz": "datenschutz/", "Barrierefreiheit": "barrierefreiheit/",
    "Leichte Sprache": "leichte-sprache/", "Gebärdensprache": "gebaerdensprache/",
}
