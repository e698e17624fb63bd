"""Hostile records: a corpus of files that must be refused with a located German problem or
built with their text shown literally, and property tests with arbitrary Unicode.

The corpus lies in ``tests/fixtures/hostile/``:

- ``abgelehnt/<path in content/>``: a file the validator must refuse. Beside it,
  ``<name>.expected`` holds exactly the lines ``wegweiser validate`` prints for it when run
  in the content folder (``traeger/x.yml:7:5: feld: Meldung``).
- ``gebaut/<kind>/<id>.yml``: a record that must build. Beside it, ``<id>.expected.json``
  says what the site must show: ``pages`` (per published page: ``text`` shown HTML-escaped,
  ``html`` exact substrings, ``links`` hrefs of links, ``absent`` substrings that must not
  be in the page), ``maps`` (per map document: ``data`` strings in the JSON file of its
  markers beside it, ``not_markers`` offering ids without a marker, ``title``), ``search`` (strings in the
  search files), ``nowhere`` (in no published file; digits only as a whole number),
  ``not_in_search`` and ``search_limits`` (an offering whose indexed words are capped).
  All of them are built once per session together with the small fixture site.
- ``zeitkritisch/traeger/<id>.yml``: pathological Markdown; each is rendered alone in a
  child process and must take less than ``seconds`` (2 s).

Set WEGWEISER_UPDATE_EXPECTED=1 to rewrite the ``.expected`` files after a wording change;
then read the diff before committing it.
"""
from __future__ import annotations

import contextlib
import html
import json
import logging
import multiprocessing
import os
import re
import shutil
import stat
import tempfile
import threading
import time
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markupsafe import escape
from mkdocs.exceptions import Abort, PluginError

from conftest import FIXTURE_SITE, FIXTURES, REPO, SCHEMAS, build, decode_ids, mkdocs_config, problems_of, site_settings
from generator import characters, cli, content, pipeline
from generator.kinds import Kind
from generator.render import search_words

# The whole corpus runs with every build of the project (make test, CI); make check leaves it out.
pytestmark = pytest.mark.slow

HOSTILE = FIXTURES / "hostile"
REJECTED = HOSTILE / "abgelehnt"
BUILT = HOSTILE / "gebaut"
TIMED = HOSTILE / "zeitkritisch"
UPDATE = os.environ.get("WEGWEISER_UPDATE_EXPECTED") == "1"

REJECTED_CASES = sorted(p for p in REJECTED.rglob("*") if p.is_file() and p.suffix != ".expected")
BUILT_CASES = sorted(BUILT.rglob("*.yml"))
TIMED_CASES = sorted(TIMED.rglob("*.yml"))

# Words of German messages, and the phrases of English messages from jsonschema or PyYAML
# that would show that a message was passed through untranslated.
GERMAN = re.compile(r"\b(der|die|das|ist|sind|nicht|kein|keine|bitte|sie|ein|eine|einem|datei|feld|hier|mit|oder|"
                    r"und|nur|aus|darf|muss|gibt|fehlt|steht|gefunden)\b", re.IGNORECASE)
ENGLISH = re.compile(r"is not valid|is too (long|short)|does not match|is a required property|Additional properties|"
                     r"Failed validating|Traceback|is not of type|is not one of|unacceptable character")
LOCATED = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<column>\d+): (?P<field>.*?): (?P<message>.+)$", re.DOTALL)
# A problem line is read by people in a terminal and in CI logs: one screen line at most.
MAX_PROBLEM_LINE = 1000


def case_id(case: Path, root: Path) -> str:
    return case.relative_to(root).as_posix()


def expected_file(case: Path) -> Path:
    return case.with_suffix(".expected")


def copy_fixture_site(target: Path) -> Path:
    shutil.copytree(FIXTURE_SITE, target)
    return target


def lines_of(text: str) -> list[str]:
    """Problem lines: split at newlines only (a message may quote U+2028 or U+0085)."""
    return [line for line in text.split("\n") if line]


def is_german(message: str) -> bool:
    return bool(GERMAN.search(message)) and not ENGLISH.search(message)


def read(path: Path) -> str:
    """A published file as it is, carriage returns included."""
    return path.read_bytes().decode("utf-8")


# --- the corpus ------------------------------------------------------------------------------

def test_the_corpus_holds_at_least_60_cases_each_with_its_expectation():
    cases = REJECTED_CASES + BUILT_CASES + TIMED_CASES
    assert len(cases) >= 60
    assert all(expected_file(c).is_file() for c in REJECTED_CASES)
    assert len({expected_file(c) for c in REJECTED_CASES}) == len(REJECTED_CASES)
    assert all(c.with_suffix(".expected.json").is_file() for c in BUILT_CASES + TIMED_CASES)
    assert not [p for p in HOSTILE.rglob("*") if p.is_symlink()]


def validate_with_the_command(content_dir: Path, capsys, monkeypatch) -> tuple[int, list[str]]:
    """What ``wegweiser validate`` prints when run in the content folder."""
    monkeypatch.chdir(content_dir)
    capsys.readouterr()
    try:
        code = cli.main(["--content", ".", "--schemas", str(SCHEMAS), "validate"])
    except Exception as error:  # noqa: BLE001 - a traceback instead of a located problem
        pytest.fail(f"wegweiser validate crashed instead of naming the problem: {type(error).__name__}: {error}")
    out, _ = capsys.readouterr()
    return code, lines_of(out)


@pytest.mark.parametrize("case", REJECTED_CASES, ids=lambda c: case_id(c, REJECTED))
def test_a_hostile_file_is_refused_with_exactly_the_expected_located_problems(case, tmp_path, capsys, monkeypatch):
    site = copy_fixture_site(tmp_path / "content")
    relative = case.relative_to(REJECTED).as_posix()
    (site / relative).parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(case, site / relative)

    code, found = validate_with_the_command(site, capsys, monkeypatch)
    if UPDATE:
        expected_file(case).write_text("\n".join(found) + "\n", encoding="utf-8")

    assert found == lines_of(expected_file(case).read_text(encoding="utf-8"))
    assert code == 1
    with pytest.raises(pipeline.InvalidContent):  # nothing to build
        pipeline.prepare(pipeline.Sources(Path("."), SCHEMAS))
    assert {LOCATED.match(line).group("path") for line in found} == {relative}


@pytest.mark.parametrize("case", REJECTED_CASES, ids=lambda c: case_id(c, REJECTED))
def test_each_expected_problem_is_located_german_and_printable(case):
    last_line = case.read_bytes().count(b"\n") + 1
    for line in lines_of(expected_file(case).read_text(encoding="utf-8")):
        match = LOCATED.match(line)
        assert match, line
        assert 1 <= int(match.group("line")) <= last_line, f"no line {match.group('line')} in the file: {line}"
        assert int(match.group("column")) >= 1
        assert is_german(match.group("message")), line
        assert len(line) <= MAX_PROBLEM_LINE, f"{len(line)} characters: {line[:200]} …"
        controls = sorted({f"U+{ord(c):04X}" for c in line if unicodedata.category(c) == "Cc"})
        # Escape sequences from a record would drive the terminal or the CI log of whoever
        # validates it (clear the screen, hide or rewrite the lines above).
        assert not controls, f"control characters {controls} in: {line!r}"


def test_all_hostile_files_together_stop_the_build_and_nothing_is_written(tmp_path, caplog):
    site_content = copy_fixture_site(tmp_path / "project" / "content")
    for case in REJECTED_CASES:
        target = site_content / case.relative_to(REJECTED)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(case, target)
    site = tmp_path / "site"

    with caplog.at_level(logging.ERROR), pytest.raises((PluginError, Abort)):
        build(mkdocs_config(site_content, site))

    logged = "\n".join(r.getMessage() for r in caplog.records)
    missing = [case_id(c, REJECTED) for c in REJECTED_CASES if case_id(c, REJECTED) not in logged]
    assert missing == []
    assert not site.exists()


def _link_to_a_file_outside(site: Path, outside: Path) -> tuple[str, str]:
    (site / "traeger" / "fremd.yml").symlink_to(outside / "geheim.yml")
    return "traeger/fremd.yml", content.SYMLINK


def _link_to_a_folder_outside(site: Path, outside: Path) -> tuple[str, str]:
    (site / "netzwerke" / "extern").symlink_to(outside)
    return "netzwerke/extern", content.SYMLINK


def _a_file_over_the_size_limit(site: Path, outside: Path) -> tuple[str, str]:
    (site / "traeger" / "riesig.yml").write_text("id: riesig\nname: " + "x" * 600 * 1024 + "\n", encoding="utf-8")
    return "traeger/riesig.yml", ("Die Datei ist 600 KB groß; erlaubt sind höchstens 512 KB. "
                                  "Bitte kürzen Sie die Beschreibungen.")


def _a_named_pipe(site: Path, outside: Path) -> tuple[str, str]:
    os.mkfifo(site / "traeger" / "rohr.yml")  # reading it would wait forever
    return "traeger/rohr.yml", content.FOREIGN


@pytest.mark.parametrize("make", [_link_to_a_file_outside, _link_to_a_folder_outside, _a_file_over_the_size_limit,
                                  _a_named_pipe], ids=lambda f: f.__name__.strip("_"))
def test_links_pipes_and_oversized_files_are_refused_with_a_located_problem(make, tmp_path, capsys, monkeypatch):
    site = copy_fixture_site(tmp_path / "content")
    outside = tmp_path / "aussen"
    outside.mkdir()
    (outside / "geheim.yml").write_text("id: geheim\nname: Geheim\n", encoding="utf-8")
    relative, message = make(site, outside)

    result = {}

    def run():
        try:
            result["code"], result["lines"] = validate_with_the_command(site, capsys, monkeypatch)
        except BaseException as error:  # noqa: BLE001 - pytest.fail in the thread, reported below
            result["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(30)
    if worker.is_alive():
        pipe = site / relative
        if stat.S_ISFIFO(os.lstat(pipe).st_mode):  # let a blocked reader go
            with contextlib.suppress(OSError):
                os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"validating {relative} did not end within 30 s")

    assert "error" not in result, result.get("error")
    assert result["lines"] == [f"{relative}:1:1: Datei: {message}"]
    assert result["code"] == 1


# --- records that must build -------------------------------------------------------------------

def hostile_content(target: Path) -> Path:
    """The small fixture site and every record of ``gebaut/``: content for one build."""
    copy_fixture_site(target)
    for case in BUILT_CASES:
        shutil.copyfile(case, target / case.relative_to(BUILT))
    return target


# The operator's words are not code either: the site name lands in attributes and titles.
HOSTILE_SITE_NAME = 'Hilfe "vor Ort" <b>&amp; mehr</b>'


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("feindliche-eintraege")
    site_content = hostile_content(root / "project" / "content")
    site = root / "site"
    build(mkdocs_config(site_content, site, site_name=HOSTILE_SITE_NAME))
    return site


def published(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file())


def marker_file(document: Path) -> Path:
    """The JSON file of a map document's markers, beside it (maps.py)."""
    return document.with_suffix(".json")


def strings_in(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings_in(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings_in(v)]
    return []


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs += [value for name, value in attrs if name == "href" and value is not None]


def hrefs_of(page_html: str) -> list[str]:
    parser = _Links()
    parser.feed(page_html)
    return parser.hrefs


def contains_number(text: str, number: str) -> bool:
    return re.search(rf"(?<!\d){re.escape(number)}(?!\d)", text) is not None


def check_page(name: str, page_html: str, expected: dict) -> list[str]:
    failures = []
    for text in expected.get("text", []):
        if str(escape(text)) not in page_html:
            failures.append(f"{name}: text not shown literally: {text!r}")
    for fragment in expected.get("html", []):
        if fragment not in page_html:
            failures.append(f"{name}: missing HTML {fragment!r}")
    hrefs = hrefs_of(page_html) if expected.get("links") else []
    for link in expected.get("links", []):
        if link not in hrefs:
            failures.append(f"{name}: no link to {link!r}")
    for fragment in expected.get("absent", []):
        if fragment in page_html:
            failures.append(f"{name}: must not contain {fragment!r}")
    return failures


def check_expectations(site: Path, expected: dict) -> list[str]:
    failures = []
    for name, page_expected in expected.get("pages", {}).items():
        page = site / name
        if not page.is_file():
            failures.append(f"{name}: page missing")
            continue
        failures += check_page(name, read(page), page_expected)
    for name, map_expected in expected.get("maps", {}).items():
        document = site / name
        if not document.is_file():
            failures.append(f"{name}: map missing")
            continue
        text = read(document)
        data = json.loads(read(marker_file(document)))
        values = strings_in(data)
        for wanted in map_expected.get("data", []):
            if not any(wanted in value for value in values):
                failures.append(f"{name}: not in the marker data: {wanted!r}")
        ids = {row[3] for row in data["m"]}
        for offering_id in map_expected.get("not_markers", []):
            if offering_id in ids:
                failures.append(f"{name}: {offering_id} must have no marker")
        if "title" in map_expected:
            title = map_expected["title"]
            if not any(f"<title>{t}</title>" in text for t in (html.escape(title), str(escape(title)))):
                failures.append(f"{name}: title not escaped: {title!r}")
    search_values = [s for p in (site / "suche").glob("*.json") for s in strings_in(json.loads(read(p)))]
    for wanted in expected.get("search", []):
        if not any(wanted in value for value in search_values):
            failures.append(f"search: not found in the search files: {wanted!r}")
    everything = {p: read(p) for p in published(site) if p.suffix in (".html", ".json", ".js", ".css", ".xml", ".txt")}
    for secret in expected.get("nowhere", []):
        for path, text in everything.items():
            if contains_number(text, secret) if secret.isdigit() else secret in text:
                failures.append(f"{path.relative_to(site)}: must not contain {secret!r}")
    for secret in expected.get("not_in_search", []):
        for path in (site / "suche").glob("*.json"):
            if secret in read(path):
                failures.append(f"{path.relative_to(site)}: must not contain {secret[:60]!r}…")
    if "search_limits" in expected:
        failures += check_search_limits(site, expected["search_limits"])
    return failures


def check_search_limits(site: Path, offering_id: str) -> list[str]:
    """One record cannot flood the index: words are cut, and each field counts a limited number."""
    manifest = json.loads(read(site / "suche" / "manifest.json"))
    docs = [doc for n in range(0, manifest["docs"], manifest["perFile"])
            for doc in json.loads(read(site / "suche" / f"d-{n // manifest['perFile']}.json"))]
    number = [doc[1] for doc in docs].index(offering_id)
    words = [word for shard in (site / "suche").glob("w-*.json") for word, fields in json.loads(read(shard)).items()
             if any(number in decode_ids(ids) for ids in fields)]
    failures = []
    longest = max(words, key=len)
    limit = search_words.MAX_WORD_LENGTH
    if len(longest) > limit:
        failures.append(f"search: a word of {len(longest)} characters is indexed (at most {limit})")
    invented = [w for w in words if re.fullmatch(r"q\d{4}", w)]  # 2,800 of them in one description
    cap = search_words.MAX_WORDS_PER_FIELD
    if len(invented) > cap:
        failures.append(f"search: {len(invented)} different words of one description are indexed (at most {cap})")
    return failures


@pytest.mark.parametrize("case", BUILT_CASES, ids=lambda c: case_id(c, BUILT))
def test_a_hostile_record_builds_and_shows_its_text_literally(case, hostile_site):
    expected = json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8"))
    assert check_expectations(hostile_site, expected) == []


def test_every_record_meant_to_build_is_accepted(tmp_path):
    """Names the record if the shared build above fails because one of them is refused."""
    site_content = hostile_content(tmp_path / "content")
    assert [str(p) for p in problems_of(site_content)] == []


class _Markup(HTMLParser):
    """Everything in a page that could run: handlers, script URLs, frames, scripts that alert."""

    URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "xlink:href", "poster", "background"})
    FORBIDDEN_TAGS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "math", "marquee"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag, attrs):
        if tag in self.FORBIDDEN_TAGS:
            self.found.append(f"<{tag}>")
        if tag == "meta" and any(n == "http-equiv" and (v or "").lower() == "refresh" for n, v in attrs):
            self.found.append("<meta http-equiv=refresh>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=…>")
            if name == "srcdoc":
                self.found.append(f"<{tag} srcdoc>")
            if name in self.URL_ATTRIBUTES and value:
                cleaned = re.sub(r"[\s\x00-\x1f]", "", value).lower()
                if cleaned.startswith(("javascript:", "vbscript:", "data:", "//")):
                    self.found.append(f"<{tag} {name}={value!r}>")
        # A JSON data block (the pages' JSON-LD) is never run; record
        # text in it is data (and escaped: test_json_ld_holds_a_hostile_name_only_escaped…).
        self.in_script = tag == "script" and dict(attrs).get("type") not in ("application/json", "application/ld+json")

    def handle_endtag(self, tag):
        self.in_script = False

    def handle_data(self, data):
        if self.in_script and re.search(r"\balert\s*\(", data):
            self.found.append(f"<script>{data.strip()[:80]}")


def test_no_published_page_or_map_carries_markup_from_a_record(hostile_site):
    found = []
    for path in published(hostile_site):
        if path.suffix == ".html":
            parser = _Markup()
            parser.feed(read(path))
            found += [f"{path.relative_to(hostile_site)}: {item}" for item in parser.found]
    assert found == []


class _PrintFooter(HTMLParser):
    """The site name the print footer takes from the page (span#ww-druck)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.names: list[str] = []

    def handle_starttag(self, tag, attrs):
        if dict(attrs).get("id") == "ww-druck":
            self.names.append(dict(attrs).get("data-name"))


def test_the_site_name_reaches_the_print_footer_whole_whatever_its_quotes_and_brackets(hostile_site):
    names = set()
    for path in published(hostile_site):
        if path.suffix == ".html" and path.name != "404.html":
            parser = _PrintFooter()
            parser.feed(read(path))
            names.update(parser.names)
    assert names == {HOSTILE_SITE_NAME}


def test_the_site_name_is_the_open_data_s_source_escaped_and_ends_the_feed_s_name_on_one_line(hostile_site):
    # No attribution and no operator in this mkdocs.yml: the page names the site as the source.
    page = read(hostile_site / "offene-daten" / "index.html")
    sentence = re.search(r"Bitte nennen Sie als Quelle: „(.*?)“", page).group(1)
    assert html.unescape(sentence) == HOSTILE_SITE_NAME and "<" not in sentence
    feed = read(hostile_site / "daten" / "termine.ics").replace("\r\n ", "")  # unfolded
    (name,) = re.findall(r"^X-WR-CALNAME:(.*)\r$", feed, re.MULTILINE)  # on one line
    assert re.sub(r"\\(.)", r"\1", name) == f"Termine – {HOSTILE_SITE_NAME}"


def json_ld_blocks(document: str) -> list[str]:
    return re.findall(r'<script type="application/ld\+json">(.*?)</script>', document, re.DOTALL)


def script_policy(document: str) -> str:
    """The script-src of a page's Content-Security-Policy: every inline script it runs."""
    return re.search(r"script-src ([^;]*);", document)[1]


@pytest.mark.parametrize(("page", "like"), [
    ("traeger/skript-ende/index.html", "traeger/vertraulich-schutzhaus/index.html"),
    ("angebote/skript-ende-angebot/index.html", "angebote/vertraulich-schutzhaus-beratung/index.html")])
def test_json_ld_holds_a_hostile_name_only_escaped_and_adds_no_script_that_runs(hostile_site, page, like):
    """A name "</script><script>alert('traeger')</script>" stays in the page's JSON-LD, as
    JSON escapes, and the page runs exactly the inline scripts of a harmless page of its
    kind at the same depth (its policy allows the same hashes, none for the JSON-LD)."""
    document = read(hostile_site / page)
    (block,) = json_ld_blocks(document)
    assert not set(block) & set("<>&\u2028\u2029")
    data = json.loads(block)
    names = {data["name"], data.get("provider", {}).get("name")}
    assert "</script><script>alert('traeger')</script>" in names
    assert "\\u003c/script\\u003e\\u003cscript\\u003ealert('traeger')" in block
    assert document.count("<script") == document.count("</script>")
    assert script_policy(document) == script_policy(read(hostile_site / like))


def test_every_map_keeps_record_text_in_an_inert_json_file_beside_it(hostile_site):
    maps = sorted((hostile_site / "karten").glob("*.html"))
    assert len(maps) >= 3
    for path in maps:
        document, markers = read(path), read(marker_file(path))
        assert not set(markers) & set("<>&\u2028\u2029"), path.name
        assert json.loads(markers)["m"], path.name
        assert document.count("<script") == document.count("</script>"), path.name
        # Of the records, only a region's name (in the <title>, escaped) is in the document.
        assert "alert" not in document.partition("<body>")[2], path.name
        for text in (document, markers):
            assert "83810205" not in text and "<!--" not in text, path.name


def confidential_addresses() -> list[dict]:
    """Every confidential address of the records meant to build."""
    found = []

    def walk(value):
        if isinstance(value, dict):
            if value.get("vertraulich") in ("ja", "true"):
                found.append(value)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for case in BUILT_CASES:
        walk(yaml.safe_load(case.read_text(encoding="utf-8-sig")))
    return found


def test_a_confidential_address_that_builds_holds_nothing_but_its_town(hostile_site):
    """Whatever else a shelter's address said would be public in the file: the rules refuse
    it (abgelehnt/traeger/vertraulich-mit-allem.yml), so what builds names its town only."""
    addresses = confidential_addresses()
    assert len(addresses) >= 2
    for address in addresses:
        assert set(address) <= {"id", "vertraulich", "ort", "land"}, address
        assert any(address["ort"] in read(page) for page in published(hostile_site) if page.suffix == ".html")


def test_no_indexed_word_is_longer_than_the_limit(hostile_site):
    limit = search_words.MAX_WORD_LENGTH
    too_long = [word for shard in (hostile_site / "suche").glob("w-*.json") for word in json.loads(read(shard))
                if len(word) > limit]
    assert too_long == []


def test_nothing_of_the_build_machine_is_published(hostile_site):
    """``{{ lipsum.__globals__.os.getcwd() }}`` and the like must not reveal paths."""
    for path in published(hostile_site):
        if path.suffix in (".html", ".json"):
            assert str(REPO) not in read(path), path


# --- pathological Markdown: time ------------------------------------------------------------------

def render_alone(folder: Path):
    try:
        prepared = pipeline.prepare(pipeline.Sources(folder, SCHEMAS))
    except pipeline.InvalidContent as error:
        return None, [str(p) for p in error.problems]
    return pipeline.build(prepared, site_settings()), []


def _render_and_report(folder: Path, connection) -> None:
    """In the child process: render, measure, send back the seconds and the page bodies."""
    try:
        start = time.perf_counter()
        site, problems = render_alone(folder)
        seconds = time.perf_counter() - start
        bodies = {p.src_uri: p.body for p in site.pages} if site else {}
        connection.send((seconds, problems, bodies, None))
    except BaseException as error:  # noqa: BLE001 - reported to the parent
        connection.send((None, [], {}, f"{type(error).__name__}: {error}"))


@pytest.fixture(scope="module")
def warm(tmp_path_factory):
    """Imports, schemas and the gazetteer loaded once, before the children are forked."""
    folder = tmp_path_factory.mktemp("warm")
    shutil.copytree(FIXTURE_SITE, folder, dirs_exist_ok=True)
    render_alone(folder)


@pytest.mark.parametrize("case", TIMED_CASES, ids=lambda c: case_id(c, TIMED))
def test_one_pathological_record_renders_in_under_two_seconds(case, tmp_path, warm):
    expected = json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8"))
    folder = tmp_path / "content"
    (folder / "traeger").mkdir(parents=True)
    shutil.copyfile(case, folder / "traeger" / case.name)
    limit = expected["seconds"]
    # A fork inherits the warm state; a child that runs too long is stopped, not waited for.
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_render_and_report, args=(folder, sending), daemon=True)
    child.start()
    try:
        if not receiving.poll(5 * limit):
            pytest.fail(f"rendering {case.name} alone took more than {5 * limit} s (limit {limit} s)")
        seconds, problems, bodies, error = receiving.recv()
    finally:
        child.kill()
        child.join()
    assert error is None
    assert problems == []
    assert seconds < limit, f"{case.name}: {seconds:.2f} s"
    failures = []
    for name, page_expected in expected["pages"].items():
        src_uri = name.removesuffix("/index.html") + ".md"
        failures += check_page(name, bodies.get(src_uri, ""), page_expected)
    assert failures == []


# --- property tests: arbitrary Unicode in every free-text field ---------------------------------------

# Surrogates cannot be written in UTF-8; everything else may come.
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=50)
# The same without the invisible characters every record refuses (generator/characters.py),
# between visible characters, so most records pass the schema and reach the pages.
SHOWABLE_TEXT = st.text(st.characters(exclude_categories=("Cs",)).filter(lambda c: not characters.NEVER.match(c)),
                        max_size=50)
EDGE = st.sampled_from(["ab", "Ü.", "<b", "{{", "»«", "z\u0301", "中文", "&&", "\"'", "}}"])
FRAMED_TEXT = st.builds(lambda left, middle, right: left + middle + right, EDGE, SHOWABLE_TEXT, EDGE)

# Free-text fields: (field name, Markdown?, shown stripped?)
ORGANISATION_FIELDS = ("name", "kurzname", "beschreibung", "bezeichnung", "strasse", "ort", "hinweis")
OFFERING_FIELDS = ("angebot", "angebot_beschreibung", "leichte_sprache", "sprechzeit_hinweis",
                   "sprechzeiten_hinweis", "schliesszeit_hinweis", "kosten_hinweis", "rolle", "ansprechperson")
OTHER_FIELDS = ("titel", "thema", "termin_beschreibung", "termin_bezeichnung", "termin_strasse", "termin_ort",
                "termin_hinweis", "anmeldung_rolle", "anmeldung_person", "netz_name", "netz_beschreibung",
                "netz_rolle", "netz_person", "region_name", "gemeinde", "region_beschreibung")
ALL_FIELDS = ORGANISATION_FIELDS + OFFERING_FIELDS + OTHER_FIELDS
NOT_STRIPPED = {"kurzname", "strasse", "ort", "ansprechperson", "termin_strasse", "termin_ort", "anmeldung_person",
                "netz_person", "gemeinde"}

VALID_NEIGHBOUR = """id: gueltig
name: Gültiger Träger
art: verein
adressen:
  - id: ort
    plz: "09366"
    ort: Stollberg
angebote:
  - id: gueltig-angebot
    name: Gültiges Angebot
    beschreibung: Ein Angebot.
    themen: [sucht]
    zielgruppen: [alle]
    orte: [ort]
    zugang: [termin]
    kontakt:
      - rolle: Sekretariat
        telefon: 03733 000009
    status: aktiv
    zuletzt_geprueft: "2026-01-15"
"""


def records_with(v: dict[str, str]) -> dict[str, dict]:
    """An organisation, an event, a network and a region with the generated texts."""
    organisation = {
        "id": "zufall", "name": v["name"], "kurzname": v["kurzname"], "art": "verein",
        "beschreibung": v["beschreibung"],
        "adressen": [{"id": "ort", "bezeichnung": v["bezeichnung"], "strasse": v["strasse"], "plz": "09366",
                      "ort": v["ort"], "hinweis": v["hinweis"],
                      "koordinaten": {"breite": "50.7000", "laenge": "12.8000"}}],
        "angebote": [{
            "id": "zufall-angebot", "name": v["angebot"], "beschreibung": v["angebot_beschreibung"],
            "leichte_sprache": v["leichte_sprache"], "themen": ["sucht"], "zielgruppen": ["alle"],
            "regionen": ["zufall-region"], "orte": ["ort"],
            "sprechzeiten": [{"tage": ["mo"], "von": "09:00", "bis": "10:00", "hinweis": v["sprechzeit_hinweis"]}],
            "sprechzeiten_hinweis": v["sprechzeiten_hinweis"],
            "schliesszeiten": [{"datum": "2099-12-31", "hinweis": v["schliesszeit_hinweis"]}],  # coming: shown
            "kosten": "kostenlos",
            "kosten_hinweis": v["kosten_hinweis"], "zugang": ["termin"],
            "kontakt": [{"rolle": v["rolle"], "ansprechperson": v["ansprechperson"], "telefon": "03733 000009"}],
            "status": "aktiv", "zuletzt_geprueft": "2026-01-15"}],
    }
    event = {
        "id": "zufall-termin", "titel": v["titel"], "thema": v["thema"], "beschreibung": v["termin_beschreibung"],
        "datum": "2099-05-05",  # coming, so on the events page with its registration
        "ort": {"bezeichnung": v["termin_bezeichnung"], "strasse": v["termin_strasse"], "plz": "09366",
                "ort": v["termin_ort"], "hinweis": v["termin_hinweis"]},
        "netzwerk": "zufall-netz",
        "anmeldung": {"rolle": v["anmeldung_rolle"], "ansprechperson": v["anmeldung_person"],
                      "email": "anmeldung@beispiel.example"},
    }
    network = {
        "id": "zufall-netz", "name": v["netz_name"], "art": "netzwerk", "beschreibung": v["netz_beschreibung"],
        "regionen": ["zufall-region"], "mitglieder": ["zufall"], "zuletzt_geprueft": "2026-01-10",
        "koordination": [{"rolle": v["netz_rolle"], "ansprechperson": v["netz_person"],
                          "email": "netz@beispiel.example"}],
    }
    region = {"id": "zufall-region", "name": v["region_name"], "art": "landkreis", "laender": ["DE"],
              "gemeinden": [v["gemeinde"]], "beschreibung": v["region_beschreibung"]}
    return {"traeger/zufall.yml": organisation, "termine/zufall-termin.yml": event,
            "netzwerke/zufall-netz.yml": network, "regionen/zufall-region.yml": region}


# Where each plain field must appear, HTML-escaped: page source name.
SHOWN_ON = {
    **{f: "angebote/zufall-angebot.md" for f in ("name", "bezeichnung", "strasse", "ort", "hinweis") + OFFERING_FIELDS
       if f != "angebot_beschreibung"},
    "kurzname": "traeger/zufall.md",
    **{f: "termine/index.md" for f in ("titel", "thema", "termin_bezeichnung", "termin_strasse", "termin_ort",
                                        "termin_hinweis", "anmeldung_rolle", "anmeldung_person")},
    **{f: "netzwerke/zufall-netz.md" for f in ("netz_name", "netz_rolle", "netz_person")},
    "region_name": "regionen/zufall-region.md", "gemeinde": "regionen/zufall-region.md",
}
MARKDOWN_ON = {"beschreibung": "traeger/zufall.md", "angebot_beschreibung": "angebote/zufall-angebot.md",
               "termin_beschreibung": "termine/index.md", "netz_beschreibung": "netzwerke/zufall-netz.md",
               "region_beschreibung": "regionen/zufall-region.md"}


def as_yaml(record: dict) -> str:
    """The record as YAML that reads back as the same text. PyYAML writes NEL, U+2028 and
    U+2029 unescaped in single-quoted text, where YAML folds them into a space; then every
    character outside ASCII is written as an escape instead."""
    for allow_unicode in (True, False):
        text = yaml.safe_dump(record, allow_unicode=allow_unicode, sort_keys=False, width=10**9)
        if yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) == record:
            return text
    raise AssertionError(f"PyYAML cannot write {record!r} so that it reads back the same")


def located_or_literal(values: dict[str, str]) -> str:
    """The property: a located German problem for every fault, or pages that show every text."""
    with tempfile.TemporaryDirectory() as folder:
        site_content = Path(folder) / "content"
        for kind in Kind:
            (site_content / kind.folder).mkdir(parents=True)
        (site_content / "traeger" / "gueltig.yml").write_text(VALID_NEIGHBOUR, encoding="utf-8")
        for relative, record in records_with(values).items():
            (site_content / relative).write_text(as_yaml(record), encoding="utf-8")

        problems = problems_of(site_content)  # nothing may escape but InvalidContent
        if problems:
            for problem in problems:
                assert problem.path.endswith((".yml", ".yaml")), problem
                assert problem.line >= 1 and problem.column >= 1, problem
                assert problem.message.strip() and is_german(problem.message), problem
            return "refused"
        site = pipeline.build(pipeline.prepare(pipeline.Sources(site_content, SCHEMAS)), site_settings())

    bodies = {page.src_uri: page.body for page in site.pages}
    for field, src_uri in SHOWN_ON.items():
        shown = values[field] if field in NOT_STRIPPED else values[field].strip()
        assert str(escape(shown)) in bodies[src_uri], (field, shown)
    for field, src_uri in MARKDOWN_ON.items():
        parser = _Markup()
        parser.feed(bodies[src_uri])
        assert parser.found == [], (field, values[field])
        assert "<script" not in bodies[src_uri], (field, values[field])
    overview = next(m for m in site.maps if m.src_uri.endswith("/alle.html"))
    for generated in site.maps:
        assert not set(generated.marker_data) & set("<>&\u2028\u2029")
    data = json.loads(overview.marker_data)
    assert [values["angebot"].strip(), values["strasse"], values["ort"]] in [
        [row[2], row[5], data["orte"][row[6]]] for row in data["m"]]
    return "built"


PROPERTY_SETTINGS = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _one_field_arbitrary(values: dict[str, str], field: str, text: str) -> dict[str, str]:
    return {**values, field: text}


# Every field arbitrary (nearly always refused), or one of them among framed ones (about
# half of these build): both outcomes of the property are exercised for every field.
ARBITRARY_RECORDS = st.one_of(
    st.fixed_dictionaries({field: ANY_TEXT for field in ALL_FIELDS}),
    st.builds(_one_field_arbitrary, st.fixed_dictionaries({field: FRAMED_TEXT for field in ALL_FIELDS}),
              st.sampled_from(ALL_FIELDS), ANY_TEXT),
)


@PROPERTY_SETTINGS
@given(ARBITRARY_RECORDS)
def test_arbitrary_unicode_in_every_field_is_refused_with_located_problems_or_shown_literally(values):
    located_or_literal(values)


@PROPERTY_SETTINGS
@given(st.fixed_dictionaries({field: FRAMED_TEXT for field in ALL_FIELDS}))
def test_arbitrary_unicode_between_visible_characters_reaches_the_pages_literally(values):
    outcome = located_or_literal(values)
    # Framed texts are within every length limit and never blank: they must build.
    assert outcome == "built", values


@PROPERTY_SETTINGS
@given(st.data())
def test_arbitrary_unicode_typed_anywhere_into_a_record_file_gives_located_problems_not_a_traceback(data):
    """Text inserted as it is, unescaped: control characters, quotes, indentation, anything."""
    record = VALID_NEIGHBOUR.replace("gueltig", "zufall")
    position = data.draw(st.integers(0, len(record)), label="position")
    inserted = data.draw(ANY_TEXT, label="inserted")
    text = record[:position] + inserted + record[position:]
    with tempfile.TemporaryDirectory() as folder:
        site_content = Path(folder) / "content"
        (site_content / "traeger").mkdir(parents=True)
        (site_content / "traeger" / "zufall.yml").write_text(text, encoding="utf-8")
        problems = problems_of(site_content)  # nothing may escape but InvalidContent
    lines = text.count("\n") + 1
    for problem in problems:
        assert problem.path.endswith("zufall.yml"), problem
        assert 1 <= problem.line <= lines and problem.column >= 1, problem
        assert problem.message.strip() and is_german(problem.message), problem
