"""``wegweiser geocode``: the command's reports, and the cache file surviving every fault."""
from __future__ import annotations

import json

import pytest

from conftest import SCHEMAS, prepared, problems_of
from generator import geocache, geocoder, geocoding_cli
from generator.settings import GeocoderSettings, SettingsError
from local_geocoder import LocalGeocoder, Reply, place


def plausible(q):
    """An answer near the town asked for, as a real geocoder would give."""
    asked = str(q)
    if "Ústí" in asked:
        return Reply(body=place(50.66, 14.03, country="cz"))
    if "Dresden" in asked:
        return Reply(body=place(51.05, 13.74))
    return Reply(body=place(50.71, 12.78))


@pytest.fixture
def project(site_copy, monkeypatch):
    monkeypatch.chdir(site_copy.parent)
    return site_copy


def loaded(content):
    return prepared(content)


def settings_for(server, **extra):
    return GeocoderSettings(domain=server.domain, scheme="http", pause=0, timeout=2, **extra)


def test_the_command_writes_a_sorted_cache_and_a_second_run_asks_nothing(project, capsys):
    cache_file = project / "geocache.json"
    with LocalGeocoder(plausible) as server:
        assert geocoding_cli.look_up(loaded(project), cache_file, settings_for(server)) == 0
        first = cache_file.read_text(encoding="utf-8")
        asked = len(server.requests)
        assert geocoding_cli.look_up(loaded(project), cache_file, settings_for(server)) == 0
        assert len(server.requests) == asked
    data = json.loads(first)
    assert list(data["eintraege"]) == sorted(data["eintraege"])
    assert cache_file.read_text(encoding="utf-8") == first
    assert "neue Einträge" in capsys.readouterr().out


def test_without_network_the_cache_stays_byte_for_byte_as_it_was(project, capsys):
    cache_file = project / "geocache.json"
    geocache.save(cache_file, {"DE|x|y|z": geocache.CacheEntry(50.0, 12.0, "adresse", "d", "2026-01-01")})
    before = cache_file.read_bytes()
    settings = GeocoderSettings(domain="127.0.0.1:9", scheme="http", pause=0, timeout=1)  # nothing listens

    assert geocoding_cli.look_up(loaded(project), cache_file, settings) == 3

    assert cache_file.read_bytes() == before
    assert "nicht erreichbar" in capsys.readouterr().err


def test_ctrl_c_keeps_what_was_found_and_leaves_a_valid_cache(project, capsys):
    cache_file = project / "geocache.json"

    class InterruptedOnSecondAddress(geocoder.Lookup):
        def ask(self, query, country):
            if "Ústí" in str(query):  # the operator presses Ctrl-C here
                raise KeyboardInterrupt
            return super().ask(query, country)

    with LocalGeocoder(plausible) as server:
        settings = settings_for(server)
        code = geocoding_cli.look_up(loaded(project), cache_file, settings,
                                     lookup=InterruptedOnSecondAddress(settings))
    assert code == 130
    assert len(json.loads(cache_file.read_text(encoding="utf-8"))["eintraege"]) == 1
    assert "Bisherige Ergebnisse sind gespeichert" in capsys.readouterr().err


def test_a_crash_while_writing_leaves_the_old_cache_and_no_temporary_file(tmp_path, monkeypatch):
    cache_file = tmp_path / "geocache.json"
    geocache.save(cache_file, {"DE|a|b|c": geocache.CacheEntry(50.0, 12.0, "adresse", "d", "2026-01-01")})
    before = cache_file.read_bytes()

    def crash(*args):
        raise OSError("Festplatte voll")

    monkeypatch.setattr(geocache.os, "replace", crash)
    with pytest.raises(OSError):
        geocache.save(cache_file, {})
    assert cache_file.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["geocache.json"]


def arguments(config, **flags):
    class Args:
        pass

    args = Args()
    args.config, args.content, args.schemas = str(config), None, None
    for name in geocoding_cli.SETTING_FLAGS:
        setattr(args, name, flags.get(name))
    return args


def test_settings_come_from_mkdocs_yml_and_flags_override_them(tmp_path):
    (tmp_path / "content").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"site_name: Test\ndocs_dir: content\nplugins:\n  - wegweiser:\n      schemas: {SCHEMAS}\n"
                      "      geocoder:\n        domain: geo.beispiel.example\n"
                      "        contact: betrieb@beispiel.example\n", encoding="utf-8")
    settings = geocoding_cli.settings_from(arguments(config, pause=2.0))
    found = (settings.domain, settings.contact, settings.pause)
    assert found == ("geo.beispiel.example", "betrieb@beispiel.example", 2.0)


@pytest.mark.parametrize("text", ["plugins: [\n", "site_name: T\nplugins:\n  - wegweiser:\n      geocoder:\n"
                                  "        service: google\n"])
def test_a_broken_mkdocs_yml_is_an_error_not_a_fall_back_to_defaults(tmp_path, text):
    (tmp_path / "docs").mkdir()
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match="mkdocs.yml"):
        geocoding_cli.settings_from(arguments(config))


def test_check_lists_approximate_places_and_stale_entries_and_passes_when_all_have_coordinates(project, capsys):
    cache_file = project / "geocache.json"
    old = geocache.CacheEntry(51.0, 13.7, "adresse", "d", "2026-01-01")
    geocache.save(cache_file, {"DE|01067|altort|alte strasse 1": old})
    assert geocoding_cli.check(loaded(project)) == 0
    out = capsys.readouterr().out
    assert "Nur ungefähr verortet" in out and "Musterstraße 1, 09366 Stollberg" in out
    assert "Veraltete Einträge" in out and "DE|01067|altort|alte strasse 1" in out


def test_check_fails_when_an_address_has_no_coordinates_at_all(project, capsys):
    organisation = project / "traeger" / "beratung-beispiel.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace(
        "ort: Dresden\n", "ort: Nirgendwo am See\n", 1), encoding="utf-8")
    assert geocoding_cli.check(loaded(project)) == 1
    out = capsys.readouterr().out
    assert "Ohne Koordinaten" in out and "„Nirgendwo am See“ kennt das Ortsverzeichnis nicht" in out


def test_prune_removes_only_stale_entries(project, capsys):
    cache_file = project / "geocache.json"
    used_key = geocache.address_key(loaded(project).directory.organisations[0].addresses[0])
    entry = geocache.CacheEntry(51.0, 13.7, "adresse", "d", "2026-01-01")
    geocache.save(cache_file, {used_key: entry, "DE|0|alt|alt": entry})
    assert geocoding_cli.prune(loaded(project), cache_file) == 0
    assert list(json.loads(cache_file.read_text(encoding="utf-8"))["eintraege"]) == [used_key]


def test_a_damaged_cache_is_a_problem_with_its_line_and_the_command_refuses_to_run(project, capsys):
    (project / "geocache.json").write_text('{"eintraege": {\n  "x": {"breite": 1,}\n}}', encoding="utf-8")
    problems = problems_of(project)
    assert [(p.path, p.line) for p in problems] == [("content/geocache.json", 2)]
    assert "kein gültiges JSON" in problems[0].message


def test_a_cache_entry_of_the_wrong_shape_is_named(project):
    (project / "geocache.json").write_text(json.dumps({"eintraege": {"x": {
        "breite": "fünfzig", "laenge": 12.0, "genauigkeit": "adresse", "dienst": "d", "abgefragt_am": "2026-01-01"}}}),
        encoding="utf-8")
    [problem] = problems_of(project)
    assert problem.field == "eintraege › x › breite"


def mark_shelter_confidential_leaving_its_old_cache_entry(project):
    """The fixture's Stollberg office becomes a shelter; its cached street stays behind."""
    entry = geocache.CacheEntry(50.71, 12.78, "adresse", "d", "2026-01-01")
    old = "DE|09366|stollberg|musterstrasse 1"
    event = project / "termine" / "treffen-2024-12-04.yml"
    event.write_text(event.read_text(encoding="utf-8").replace(
        '  bezeichnung: Dienststelle Beispielstadt\n  strasse: Musterstraße 1\n  plz: "09366"\n',
        "  vertraulich: ja\n"), encoding="utf-8")
    geocache.save(project / "geocache.json", {old: entry})
    return old


def test_prune_and_check_name_the_old_street_of_an_address_now_confidential(project, capsys):
    old = mark_shelter_confidential_leaving_its_old_cache_entry(project)
    assert geocoding_cli.check(loaded(project)) == 0
    assert "vertraulichen Anschrift" in capsys.readouterr().out
    geocoding_cli.prune(loaded(project), project / "geocache.json")
    assert old not in (project / "geocache.json").read_text(encoding="utf-8")


def test_an_online_run_drops_the_old_street_of_an_address_now_confidential(project, capsys):
    old = mark_shelter_confidential_leaving_its_old_cache_entry(project)
    with LocalGeocoder(plausible) as server:
        assert geocoding_cli.look_up(loaded(project), project / "geocache.json", settings_for(server)) == 0
    text = (project / "geocache.json").read_text(encoding="utf-8")
    assert old not in text
