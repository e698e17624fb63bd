"""A site built in parts, one language each, put together: the same as one build."""
from __future__ import annotations

import pytest
from mkdocs.exceptions import Abort

from conftest import build, mkdocs_config
from generator import cli, shards

EPOCH = "1796083200"  # MkDocs dates the site map by it; CI jobs take the commit's time


def tree(folder):
    return {name: path.read_bytes() for name, path in shards.files_of(folder).items()}


def test_three_language_shards_merged_are_byte_for_byte_one_build(site_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    build(mkdocs_config(site_copy, tmp_path / "whole"))
    parts = []
    for language in ("de", "cs", "en"):
        monkeypatch.setenv(shards.VARIABLE, language)
        parts.append(tmp_path / f"part-{language}")
        build(mkdocs_config(site_copy, parts[-1]))
    monkeypatch.delenv(shards.VARIABLE)

    shards.merge(parts, tmp_path / "merged")

    whole, merged = tree(tmp_path / "whole"), tree(tmp_path / "merged")
    assert sorted(merged) == sorted(whole)
    assert [name for name in whole if whole[name] != merged[name]] == []
    # what each part holds: its own language's site, the search and the open data with it
    assert {name.split("/")[0] for name in tree(parts[1])} == {"cs"}
    assert any(name.startswith("cs/suche/") for name in merged) and any(name.startswith("daten/") for name in merged)
    assert "cs/index.html" not in tree(parts[0]) and "index.html" in tree(parts[0])


def test_parts_that_disagree_are_refused_and_nothing_changes(tmp_path):
    first, second, target = tmp_path / "a", tmp_path / "b", tmp_path / "site"
    for part, text in ((first, "alt"), (second, "neu")):
        (part / "cs").mkdir(parents=True)
        (part / "cs" / "index.html").write_text(text, encoding="utf-8")
    target.mkdir()
    (target / "index.html").write_text("die Seite von gestern", encoding="utf-8")

    with pytest.raises(shards.MergeError, match=r"cs/index.html .*nicht verändert"):
        shards.merge([first, second], target)

    assert tree(target) == {"index.html": b"die Seite von gestern"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a", "b", "site"]


def start_pages(part, *languages):
    for language in languages:
        page = part / ("" if language == "de" else language) / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(language, encoding="utf-8")


def test_merging_replaces_the_old_site_as_a_whole(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no mkdocs.yml: the default languages, Czech and English
    part, target = tmp_path / "alle", tmp_path / "site"
    start_pages(part, "de", "cs", "en")
    target.mkdir()
    (target / "veraltet.html").write_text("weg damit", encoding="utf-8")

    assert cli.main(["merge", str(part), "--ziel", str(target)]) == 0

    assert tree(target) == {"index.html": b"de", "cs/index.html": b"cs", "en/index.html": b"en"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alle", "site"]


def test_a_missing_language_part_is_named_and_nothing_changes(tmp_path):
    german, czech, target = tmp_path / "de", tmp_path / "cs", tmp_path / "site"
    start_pages(german, "de")
    start_pages(czech, "cs")

    with pytest.raises(shards.MergeError, match="Es fehlt der Teil in der Sprache en .*--sprache en"):
        shards.merge([german, czech], target, ("cs", "en"))
    assert not target.exists()


def test_a_missing_part_is_named(tmp_path, capsys):
    assert cli.main(["merge", str(tmp_path / "fehlt"), "--ziel", str(tmp_path / "site")]) == 1
    assert "fehlt: Diesen Ordner gibt es nicht" in capsys.readouterr().err


def test_a_language_the_directory_lacks_is_refused_before_anything_is_built(site_copy, tmp_path, monkeypatch,
                                                                           caplog):
    monkeypatch.setenv(shards.VARIABLE, "fr")
    with pytest.raises(Abort):
        build(mkdocs_config(site_copy, tmp_path / "site"))
    assert "keine Seite in der Sprache „fr“ (--sprache, WEGWEISER_SPRACHE). Möglich sind: de, cs, en" in caplog.text
    assert not (tmp_path / "site").exists()


def test_build_with_a_language_hands_it_to_the_mkdocs_build_and_without_builds_every_language(
        monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(cli.subprocess, "call", lambda arguments, env: seen.append(env) or 0)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(shards.VARIABLE, "en")  # left in the shell from an earlier part
    assert cli.main(["build", "--sprache", "cs"]) == 0
    assert cli.main(["build"]) == 0
    assert seen[0][shards.VARIABLE] == "cs" and shards.VARIABLE not in seen[1]
