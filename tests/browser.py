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
