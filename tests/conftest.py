"""Shared test helpers: paths, copies of the fixture site, and real MkDocs builds."""
from __future__ import annotations

import functools
import shutil
import socket
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCHEMAS = REPO / "schemas"
FIXTURE_SITE = FIXTURES / "site" / "content"


def decode_ids(text: str) -> list[int]:
    """Document numbers from the search files' base-36 gaps ("3,4,1,w" -> 3, 7, 8, 40)."""
    ids, previous = [], 0
    for gap in filter(None, text.split(",")):
        previous += int(gap, 36)
        ids.append(previous)
    return ids


def prepared(content: Path = FIXTURE_SITE):
    """A checked and located directory, as the pipeline prepares it."""
    from generator import pipeline

    return pipeline.prepare(pipeline.Sources(content, SCHEMAS))


@functools.cache
def prepared_once(content: Path = FIXTURE_SITE):
    """``prepared``, once per content folder and test run, for tests that only read it."""
    return prepared(content)


def with_cached_point(directory):
    """The directory with its first town-centre point (GeoNames) replaced by an answer of the
    geocode cache (OpenStreetMap), as `wegweiser geocode` would give it: the fixture has
    none. Returns the directory and the organisation's and place's ids."""
    import dataclasses

    from generator.geocode import POINT_SOURCES
    from generator.records import Location, LocationSource, Precision

    organisation_id, place_id = next((o.id, a.id) for o in directory.organisations for a in o.addresses
                                     if a.location and a.location.source == LocationSource.GAZETTEER)
    cached = Location(50.35, 7.59, LocationSource.CACHE, Precision.POSTCODE, POINT_SOURCES[LocationSource.CACHE].credit)

    def moved(address):
        return dataclasses.replace(address, location=cached) if address.id == place_id else address

    organisations = tuple(
        dataclasses.replace(o, addresses=tuple(map(moved, o.addresses)),
                            offerings=tuple(dataclasses.replace(f, places=tuple(map(moved, f.places)))
                                            for f in o.offerings))
        if o.id == organisation_id else o for o in directory.organisations)
    return dataclasses.replace(directory, organisations=organisations), (organisation_id, place_id)


def problems_of(content: Path):
    """The problems ``prepare`` reports for a content folder (none: an empty tuple)."""
    from generator import pipeline

    try:
        pipeline.prepare(pipeline.Sources(content, SCHEMAS))
    except pipeline.InvalidContent as error:
        return error.problems
    return ()


def site_settings(**changes):
    """Settings as in the repository's mkdocs.yml, with the given changes."""
    from generator.settings import Settings

    return Settings(**{"schemas": str(SCHEMAS), "node_modules": str(REPO / "node_modules"), **changes})


def rendered(content: Path = FIXTURE_SITE, language: str = "de", **changes):
    """The rendered site (pages, maps, search files) of a content folder in one language,
    without MkDocs."""
    from generator import pipeline

    return pipeline.build(prepared(content), site_settings(**changes), language)


def mkdocs_config(content_dir: Path, site_dir: Path, demo_notice: bool = True, maps: dict | None = None,
                  languages: list[str] | None = None, site_name: str | None = None) -> Path:
    """A mkdocs.yml like the repository's, pointing at the given content (``languages``:
    besides German; default: Czech and English, as in the repository)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.update(docs_dir=str(content_dir), site_dir=str(site_dir))
    if site_name is not None:
        config["site_name"] = site_name
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config["plugins"] = [
        {"wegweiser": {"schemas": str(SCHEMAS), "demo_notice": demo_notice,
                       "node_modules": str(REPO / "node_modules"), "maps": maps or {},
                       **({} if languages is None else {"languages": languages})}},
    ]
    path = content_dir.parent / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def build(config_file: Path) -> None:
    """A real, strict MkDocs build, as ``mkdocs build --strict`` runs it."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_build(load_config(str(config_file), strict=True))


LOOPBACK = ("127.0.0.1", "::1", "localhost")

# Tests that drive Chromium: they need Debian's chromium and the npm packages (make test
# installs both). Tests that build a whole site with MkDocs or run a workflow's shell
# steps are "slow"; `make check` leaves both kinds out.
BROWSER_FIXTURES = {"chromium"}
SLOW_FIXTURES = {"example_site", "built", "github"}


def browser_missing() -> str:
    """Why browser tests cannot run here, or "" when they can."""
    import shutil

    if shutil.which("chromium") is None:
        return "Debian's chromium is not installed (make test installs it)"
    if not (REPO / "node_modules" / ".package-lock.json").exists():
        return "the npm packages are not installed (run npm ci, or make test)"
    return ""


def in_ci() -> bool:
    import os

    return bool(os.environ.get("CI"))


def pytest_configure(config):
    """The build's cache (places, checked files) in a folder of this test run, not the user's:
    every run starts cold once, and tests see each other's cached files as builds do."""
    import os
    import tempfile

    os.environ["WEGWEISER_CACHE"] = tempfile.mkdtemp(prefix="wegweiser-cache-")


def pytest_collection_modifyitems(config, items):
    # In CI nothing is skipped: a missing browser makes its tests fail, not vanish.
    missing = "" if in_ci() else browser_missing()
    for item in items:
        if BROWSER_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.browser)
        if SLOW_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.slow)
        if missing and item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.skip(reason=missing))


def pytest_sessionfinish(session, exitstatus):
    """In CI every test must run: any skipped test fails the run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if in_ci() and skipped and session.exitstatus == 0:
        reporter.write_line(f"CI: {len(skipped)} Test(s) übersprungen; in CI muss jeder Test laufen.", red=True)
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def no_network_but_loopback(monkeypatch):
    """Every test fails if anything tries to reach a host other than this machine."""
    real_connect, real_getaddrinfo = socket.socket.connect, socket.getaddrinfo

    def connect(sock, address):
        host = address[0] if isinstance(address, tuple) else address
        if sock.family in (socket.AF_INET, socket.AF_INET6) and host not in LOOPBACK:
            raise AssertionError(f"Test tried to connect to {address!r}: no network at test time")
        return real_connect(sock, address)

    def getaddrinfo(host, *args, **kwargs):
        if host not in LOOPBACK and host is not None:
            raise AssertionError(f"Test tried to resolve {host!r}: no network at test time")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


@pytest.fixture
def site_copy(tmp_path) -> Path:
    """A writable copy of the small fixture site's content folder."""
    target = tmp_path / "project" / "content"
    shutil.copytree(FIXTURE_SITE, target)
    return target


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def links_of(page: Path) -> list[str]:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.links


def resolve(site_dir: Path, page: Path, link: str) -> Path | None:
    """The file an internal link points to, or None for external and special links."""
    parts = urlsplit(link)
    if parts.scheme or parts.netloc or link.startswith("#"):
        return None
    target = (page.parent / unquote(parts.path)).resolve()
    if link.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def linked_on_purpose(pages) -> set[Path]:
    """The pages that lists should lead to: all but those of a term without any offering,
    which are built for old links but shown as plain text in every list."""
    return {p.resolve() for p in pages if 'class="ww-seite ww-ohne-angebote"' not in p.read_text(encoding="utf-8")}


def crawl(site_dir: Path) -> tuple[set[Path], list[str]]:
    """Every page reachable from the start page, and every internal link that is broken."""
    start = (site_dir / "index.html").resolve()
    seen, todo, broken = {start}, [start], []
    while todo:
        page = todo.pop()
        for link in links_of(page):
            target = resolve(site_dir, page, link)
            if target is None:
                continue
            if not target.exists():
                broken.append(f"{page.relative_to(site_dir)} -> {link}")
            elif target.suffix == ".html" and target not in seen:
                seen.add(target)
                todo.append(target)
    return seen, broken


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium, driven by Playwright, shared by all browser tests."""
    from playwright.sync_api import sync_playwright

    from browser import CHROMIUM_FLAGS, chromium_path

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def example_site(tmp_path_factory) -> Path:
    """The repository's own example directory, built once for all tests that look at it."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    site = tmp_path_factory.mktemp("beispielseite")
    mkdocs_build(load_config(str(REPO / "mkdocs.yml"), site_dir=str(site), strict=True))
    return site


@pytest.fixture(scope="session")
def web(example_site):
    """The example site served on 127.0.0.1, for the browser tests that look at it (a test
    module over another site defines its own ``web``)."""
    from local_server import LocalServer

    with LocalServer(example_site) as server:
        yield server
