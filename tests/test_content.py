"""Finding record files by kind."""
from __future__ import annotations

from generator import content


def test_record_paths_are_yaml_files_directly_in_a_kind_folder():
    assert content.is_record_path("traeger/caritas.yml")
    assert content.is_record_path("regionen/aue.yaml")
    assert not content.is_record_path("traeger/unter/caritas.yml")
    assert not content.is_record_path("bilder/logo.png")
    assert not content.is_record_path("caritas.yml")


def test_record_files_are_sorted_by_kind_and_misplaced_yaml_is_reported(tmp_path):
    for name in ("traeger/b.yml", "traeger/a.yml", "netzwerke/n.yml", "sonstiges/x.yml", "seite.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("id: x\n", encoding="utf-8")
    found, problems = content.record_files(tmp_path)
    assert [p.name for p in found["traeger"]] == ["a.yml", "b.yml"]
    assert [p.name for p in found["netzwerke"]] == ["n.yml"]
    assert [p.path.endswith("sonstiges/x.yml") for p in problems] == [True]


def test_a_missing_content_folder_is_a_problem(tmp_path):
    _, problems = content.record_files(tmp_path / "fehlt")
    assert "fehlt" in problems[0].message
