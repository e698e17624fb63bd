"""An id used twice (an offering's, or a record's in two files): reported in both files, and
the newer use is told to change."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

from generator import id_clashes, yamlsafe
from generator.kinds import Kind
from generator.template import TEMPLATE, provider_template


def document(folder: Path, provider: str, offering_id: str, extra: str = "") -> yamlsafe.Document:
    path = folder / f"{provider}.yml"
    path.write_text(f"id: {provider}\nangebote:\n  - id: {offering_id}\n{extra}", encoding="utf-8")
    doc, problems = yamlsafe.load(path)
    assert problems == []
    return doc


def record(folder: Path, name: str, record_id: str) -> yamlsafe.Document:
    path = folder / f"{name}.yml"
    path.write_text(f"id: {record_id}\nname: Test\n", encoding="utf-8")
    doc, problems = yamlsafe.load(path)
    assert problems == []
    return doc


def git(folder: Path, *args: str, date: str | None = None) -> None:
    dates = {"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date} if date else {}
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t.example", *args], cwd=folder, check=True,
                   capture_output=True, env={**os.environ, **dates})


def committed(doc: yamlsafe.Document) -> yamlsafe.Document:
    """The file, committed in a new repository in its folder."""
    git(doc.path.parent, "init", "-q")
    git(doc.path.parent, "add", doc.path.name)
    git(doc.path.parent, "commit", "-qm", doc.path.stem)
    return doc


def copied(original: yamlsafe.Document, path: Path) -> yamlsafe.Document:
    """A provider's file copied under another name, as it is."""
    path.write_text(original.path.read_text(encoding="utf-8"), encoding="utf-8")
    return yamlsafe.load(path)[0]


def said(problems) -> dict[str, str]:
    return {Path(p.path).stem: p.message for p in problems}


def test_a_copied_id_is_to_be_changed_in_the_file_whose_provider_it_does_not_name(tmp_path):
    original = document(tmp_path, "caritas", "caritas-sucht")
    copy = document(tmp_path, "awo", "caritas-sucht")
    found = said(id_clashes.offering_ids([copy, original]))
    assert "Bitte geben Sie Ihrem Angebot eine andere Kennung" in found["awo"] and "„awo-…“" in found["awo"]
    assert "in dieser Datei ist nichts zu tun" in found["caritas"]


def test_the_file_git_added_later_is_the_newer_one(tmp_path):
    older = committed(document(tmp_path, "aue", "beratung"))
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
    copy = copied(original, tmp_path / "caritas - Kopie.yml")
    found = said(id_clashes.offering_ids([copy, original]))
    assert "andere Kennung" in found["caritas - Kopie"] and "nichts zu tun" in found["caritas"]


def test_a_record_id_in_two_files_is_to_be_changed_in_the_file_not_named_after_it(tmp_path):
    original = record(tmp_path, "caritas", "caritas")
    copy = record(tmp_path, "caritas-kopie", "caritas")
    found = said(id_clashes.record_ids([copy, original], Kind.ORGANISATIONS))
    assert found["caritas-kopie"].startswith("Die Kennung „caritas“ hat schon ein anderer Eintrag (Träger) in ")
    assert "eigene Kennung" in found["caritas-kopie"] and "in dieser Datei ist nichts zu tun" in found["caritas"]


def test_a_network_id_in_two_files_is_reported_in_both_and_the_one_git_added_later_is_to_change(tmp_path):
    older = committed(record(tmp_path, "kreis-a", "kreis"))
    newer = record(tmp_path, "kreis-b", "kreis")  # not committed yet
    found = said(id_clashes.record_ids([newer, older], Kind.NETWORKS))
    assert "(Netzwerk)" in found["kreis-b"] and "eigene Kennung" in found["kreis-b"]
    assert "nichts zu tun" in found["kreis-a"]


def test_when_nothing_tells_two_records_apart_both_are_asked_to_agree(tmp_path):
    found = said(id_clashes.record_ids([record(tmp_path, "a", "treffen"), record(tmp_path, "b", "treffen")],
                                       Kind.EVENTS))
    assert set(found) == {"a", "b"} and all("bitte einigen Sie sich, welcher Eintrag" in m for m in found.values())


def test_a_file_made_from_the_committed_template_is_new_where_git_added_it(tmp_path):
    """The template is older than every provider file; a file made from it (``wegweiser new``)
    is as new as the commit that added it, however alike the two are (no --follow)."""
    def commit(path: Path, text: str, day: int) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        git(tmp_path, "add", str(path.relative_to(tmp_path)))
        git(tmp_path, "commit", "-qm", path.name, date=f"2026-01-{day:02d}T12:00:00+00:00")

    git(tmp_path, "init", "-q")
    commit(tmp_path / "generator" / "templates" / TEMPLATE.name, TEMPLATE.read_text(encoding="utf-8"), 1)
    folder = tmp_path / "content" / "traeger"
    # Both offering ids begin with their provider's id and both files are named after their
    # provider: only git can tell which came first.
    commit(folder / "aue.yml", "id: aue\nangebote:\n  - id: aue-nord-beratung\n", 2)
    commit(folder / "aue-nord.yml", provider_template("aue-nord"), 3)
    older, newer = (yamlsafe.load(folder / name)[0] for name in ("aue.yml", "aue-nord.yml"))
    assert [o["id"] for o in newer.data["angebote"]] == ["aue-nord-beratung"]

    found = said(id_clashes.offering_ids([newer, older]))

    assert "andere Kennung" in found["aue-nord"] and "„aue-nord-…“" in found["aue-nord"]
    assert "nichts zu tun" in found["aue"]


def test_a_copied_file_is_advised_ids_after_its_own_file_name_not_the_originals(tmp_path):
    original = document(tmp_path, "eutb-aachen", "eutb-aachen-beratung")
    copy = copied(original, tmp_path / "eutb-dueren.yml")
    found = said(id_clashes.offering_ids([copy, original]))
    assert "„eutb-dueren-…“" in found["eutb-dueren"] and "eutb-aachen-…" not in found["eutb-dueren"]
