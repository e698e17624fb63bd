"""An offering id used twice: reported in both files, and the newer use is told to change."""
from __future__ import annotations

import subprocess
from pathlib import Path

from generator import id_clashes, yamlsafe


def document(folder: Path, provider: str, offering_id: str, extra: str = "") -> yamlsafe.Document:
    path = folder / f"{provider}.yml"
    path.write_text(f"id: {provider}\nangebote:\n  - id: {offering_id}\n{extra}", encoding="utf-8")
    doc, problems = yamlsafe.load(path)
    assert problems == []
    return doc


def said(problems) -> dict[str, str]:
    return {Path(p.path).stem: p.message for p in problems}


def test_a_copied_id_is_to_be_changed_in_the_file_whose_provider_it_does_not_name(tmp_path):
    original = document(tmp_path, "caritas", "caritas-sucht")
    copy = document(tmp_path, "awo", "caritas-sucht")
    found = said(id_clashes.offering_ids([copy, original]))
    assert "Bitte geben Sie Ihrem Angebot eine andere Kennung" in found["awo"] and "„awo-…“" in found["awo"]
    assert "in dieser Datei ist nichts zu tun" in found["caritas"]


def test_the_file_git_added_later_is_the_newer_one(tmp_path):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)
    git("init", "-q")
    older = document(tmp_path, "aue", "beratung")
    git("add", "aue.yml")
    git("-c", "user.name=t", "-c", "user.email=t@t.example", "commit", "-qm", "aue")
    newer = document(tmp_path, "stollberg", "beratung")  # not committed yet
    found = said(id_clashes.offering_ids([newer, older]))
    assert "andere Kennung" in found["stollberg"] and "nichts zu tun" in found["aue"]


def test_when_nothing_tells_the_uses_apart_both_are_asked_to_agree(tmp_path):
    found = said(id_clashes.offering_ids([document(tmp_path, "a", "beratung"), document(tmp_path, "b", "beratung")]))
    assert set(found) == {"a", "b"} and all("bitte einigen Sie sich" in message for message in found.values())


def test_an_id_twice_in_one_file_names_the_second_use_only(tmp_path):
    doc = document(tmp_path, "aue", "aue-beratung", "  - id: aue-beratung\n")
    [problem] = id_clashes.offering_ids([doc])
    assert problem.line == 4 and "in dieser Datei (Zeile 3)" in problem.message


def test_a_copy_named_unlike_its_provider_is_the_newer_use(tmp_path):
    original = document(tmp_path, "caritas", "caritas-sucht")
    copy_path = tmp_path / "caritas - Kopie.yml"
    copy_path.write_text(original.path.read_text(encoding="utf-8"), encoding="utf-8")
    copy, _ = yamlsafe.load(copy_path)
    found = said(id_clashes.offering_ids([copy, original]))
    assert "andere Kennung" in found["caritas - Kopie"] and "nichts zu tun" in found["caritas"]
