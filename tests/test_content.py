"""Finding record files by kind; everything else in content/ is a located problem."""
from __future__ import annotations

import os

from generator import content
from generator.kinds import Kind


def write(root, *names, text="id: x\n"):
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_record_paths_are_yaml_files_directly_in_a_kind_folder():
    assert content.is_record_path("traeger/caritas.yml")
    assert content.is_record_path("regionen/aue.yaml")
    assert not content.is_record_path("traeger/unter/caritas.yml")
    assert not content.is_record_path("bilder/logo.png")
    assert not content.is_record_path("caritas.yml")


def test_record_files_are_sorted_by_kind_and_misplaced_yaml_is_reported(tmp_path):
    write(tmp_path, "traeger/b.yml", "traeger/a.yml", "netzwerke/n.yml", "sonstiges/x.yml")
    found, problems = content.record_files(tmp_path)
    assert [p.name for p in found[Kind.ORGANISATIONS]] == ["a.yml", "b.yml"]
    assert [p.name for p in found[Kind.NETWORKS]] == ["n.yml"]
    assert [p.path.endswith("sonstiges/x.yml") for p in problems] == [True]
    assert "keinem Ordner für Einträge" in problems[0].message


def test_pages_scripts_images_and_upper_case_endings_are_problems_not_published(tmp_path):
    names = ("seite.md", "traeger/skript.html", "bild.svg", "traeger/GROSS.YML", "unter/ordner/x.js")
    write(tmp_path, "traeger/a.yml", *names)
    found, problems = content.record_files(tmp_path)
    assert [p.name for p in found[Kind.ORGANISATIONS]] == ["a.yml"]
    reported = sorted(os.path.relpath(p.path, tmp_path) for p in problems)
    assert reported == sorted(names)
    by_name = {os.path.basename(p.path): p.message for p in problems}
    assert "„GROSS.yml“ um" in by_name["GROSS.YML"]
    assert "gehört nicht in content/" in by_name["seite.md"]


def test_the_geocache_may_lie_in_content_where_it_is_configured(tmp_path):
    write(tmp_path, "geocache.json", "daten/orte.json", text="{}")
    _, problems = content.record_files(tmp_path)
    assert [os.path.basename(p.path) for p in problems] == ["orte.json"]
    _, problems = content.record_files(tmp_path, geocache=tmp_path / "daten" / "orte.json")
    assert [os.path.basename(p.path) for p in problems] == ["geocache.json"]


def test_an_empty_gitkeep_is_allowed_but_one_with_content_is_not(tmp_path):
    write(tmp_path, "termine/.gitkeep", text="")
    write(tmp_path, "netzwerke/.gitkeep", text="<script>")
    _, problems = content.record_files(tmp_path)
    assert [p.path.endswith("netzwerke/.gitkeep") for p in problems] == [True]


def test_symbolic_links_are_reported_and_never_followed(tmp_path):
    outside = tmp_path / "aussen"
    write(outside, "geheim.yml", "ordner/auch.yml")
    inside = tmp_path / "content"
    write(inside, "traeger/a.yml")
    (inside / "traeger" / "link.yml").symlink_to(outside / "geheim.yml")
    (inside / "regionen").symlink_to(outside / "ordner")
    found, problems = content.record_files(inside)
    assert [p.name for p in found[Kind.ORGANISATIONS]] == ["a.yml"] and found[Kind.REGIONS] == []
    assert sorted(os.path.basename(p.path) for p in problems) == ["link.yml", "regionen"]
    assert all("Verknüpfung" in p.message for p in problems)


def test_looping_links_end_the_walk_with_a_problem(tmp_path):
    write(tmp_path, "traeger/a.yml")
    os.symlink(tmp_path / "traeger" / "b", tmp_path / "traeger" / "a")
    os.symlink(tmp_path / "traeger" / "a", tmp_path / "traeger" / "b")
    (tmp_path / "schleife").symlink_to(tmp_path)
    _, problems = content.record_files(tmp_path)
    assert sorted(os.path.basename(p.path) for p in problems) == ["a", "b", "schleife"]


def test_a_linked_content_folder_is_refused_whole(tmp_path):
    write(tmp_path, "echt/traeger/a.yml")
    (tmp_path / "content").symlink_to(tmp_path / "echt")
    found, problems = content.record_files(tmp_path / "content")
    assert found[Kind.ORGANISATIONS] == [] and "Verknüpfung" in problems[0].message
    assert content.symlinks_under(tmp_path / "content")


def test_a_missing_content_folder_is_a_problem(tmp_path):
    _, problems = content.record_files(tmp_path / "fehlt")
    assert "fehlt" in problems[0].message


def test_a_record_under_a_second_ending_is_to_be_renamed_not_removed(tmp_path):
    write(tmp_path, "traeger/neu.yml.txt", "traeger/alt.yml~", "traeger/x.yaml.bak")
    _, problems = content.record_files(tmp_path)
    said = {p.path.rsplit("/", 1)[-1]: p.message for p in problems}
    assert "benennen Sie sie in „neu.yml“ um" in said["neu.yml.txt"]
    assert "„alt.yml“" in said["alt.yml~"] and "„x.yaml“" in said["x.yaml.bak"]
    assert all("löschen Sie sie" in message and "entfernen Sie die Datei" not in message for message in said.values())
