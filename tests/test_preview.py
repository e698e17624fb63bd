"""The preview of ``wegweiser serve``: a rebuild after a change makes again only what
changed, and gives the same site as a clean build (generator/preview.py)."""
from __future__ import annotations

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from conftest import build, mkdocs_config
from generator import cli, preview, shards

EPOCH = "1796083200"
PROVIDER = "traeger/beratung-beispiel.yml"
UNTOUCHED_PAGE = "angebote/feindliche-werte-angebot/index.html"


@pytest.fixture
def previewing(monkeypatch):
    """A fresh preview in this process, as ``wegweiser serve`` starts one."""
    monkeypatch.setenv(preview.VARIABLE, "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    preview._of_this_process.cache_clear()
    yield preview.preview()
    preview._of_this_process.cache_clear()


def serve_build(config) -> None:
    """One build as ``mkdocs serve --dirty`` runs it after a change."""
    mkdocs_build(load_config(str(config), strict=True), dirty=True)


def tree(folder):
    return {name: path.read_bytes() for name, path in shards.files_of(folder).items()}


def written(folder):
    return {name: path.stat().st_mtime_ns for name, path in shards.files_of(folder).items()}


def change_the_provider(content) -> None:
    """A new description for one offering, and one offering removed."""
    path = content / PROVIDER
    text = path.read_text(encoding="utf-8").replace("Wir treffen Sie auch auf der Straße.",
                                                    "Wir treffen Sie auch zu Hause.")
    start = text.index("  - id: beratung-beispiel-alte-gruppe")
    end = text.index("  - id: beratung-beispiel-schutzwohnung")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def test_a_rebuild_after_a_change_gives_the_same_site_as_a_clean_build(site_copy, tmp_path, previewing, monkeypatch):
    config = mkdocs_config(site_copy, tmp_path / "vorschau", languages=["cs"])
    serve_build(config)
    change_the_provider(site_copy)
    serve_build(config)

    monkeypatch.delenv(preview.VARIABLE)
    build(mkdocs_config(site_copy, tmp_path / "sauber", languages=["cs"]))
    served, clean = tree(tmp_path / "vorschau"), tree(tmp_path / "sauber")
    assert sorted(served) == sorted(clean)  # the removed offering's pages are gone, in both languages
    assert [name for name in clean if clean[name] != served[name]] == []
    assert "angebote/beratung-beispiel-alte-gruppe/index.html" not in served
    assert "Wir treffen Sie auch zu Hause." in served["angebote/beratung-beispiel-suchtberatung/index.html"].decode()


def test_pages_of_records_that_did_not_change_are_neither_rendered_nor_written_again(site_copy, tmp_path,
                                                                                        previewing):
    config = mkdocs_config(site_copy, tmp_path / "vorschau", languages=["cs"])
    serve_build(config)
    before = written(tmp_path / "vorschau")
    change_the_provider(site_copy)
    serve_build(config)
    after = written(tmp_path / "vorschau")

    assert previewing.of_language("de").of("pages").reused > 0 < previewing.of_language("cs").of("pages").reused
    for language in ("", "cs/"):
        assert after[language + UNTOUCHED_PAGE] == before[language + UNTOUCHED_PAGE]
        changed = language + "angebote/beratung-beispiel-suchtberatung/index.html"
        assert after[changed] != before[changed]


def test_an_edited_override_writes_every_page_again(site_copy, tmp_path, previewing):
    config = mkdocs_config(site_copy, tmp_path / "vorschau", languages=[])
    overrides = tmp_path / "overrides"
    import shutil

    from conftest import REPO
    shutil.copytree(REPO / "overrides", overrides)
    text = config.read_text(encoding="utf-8").replace(str(REPO / "overrides"), str(overrides))
    config.write_text(text, encoding="utf-8")
    serve_build(config)
    before = written(tmp_path / "vorschau")
    main = overrides / "main.html"
    main.write_text(main.read_text(encoding="utf-8") + "\n{# geändert #}\n", encoding="utf-8")
    serve_build(config)
    assert written(tmp_path / "vorschau")[UNTOUCHED_PAGE] != before[UNTOUCHED_PAGE]


def test_without_wegweiser_serve_every_build_renders_everything(site_copy, tmp_path, monkeypatch):
    monkeypatch.delenv(preview.VARIABLE, raising=False)
    assert preview.preview() is None


def test_wegweiser_serve_starts_the_preview_in_the_language_asked_for(monkeypatch, tmp_path):
    seen = []
    monkeypatch.setattr(cli.subprocess, "call", lambda arguments, env: seen.append((arguments, env)) or 0)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv(preview.VARIABLE, "1")  # left in the shell: a plain build is never a preview
    assert cli.main(["serve", "--sprache", "cs"]) == 0
    assert cli.main(["build"]) == 0
    (serve, serve_env), (build_args, build_env) = seen
    assert "--dirty" in serve and serve_env[preview.VARIABLE] == "1" and serve_env[shards.VARIABLE] == "cs"
    assert "--dirty" not in build_args and preview.VARIABLE not in build_env
