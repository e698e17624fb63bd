"""Problems are reported as path:line:column: field: message."""
from __future__ import annotations

from generator.problems import Problem, field_name, report, summary


def test_field_names_read_like_the_yaml_path():
    assert field_name(("angebote", 0, "themen", 1)) == "1. Angebot › themen, 2. Eintrag"
    assert field_name(()) == ""


def test_a_problem_without_field_is_about_the_file():
    assert str(Problem("a.yml", 1, 1, "", "Die Datei ist leer.")) == "a.yml:1:1: Datei: Die Datei ist leer."


def test_the_report_is_sorted_by_file_then_line():
    problems = [Problem("b.yml", 1, 1, "x", "B"), Problem("a.yml", 9, 1, "y", "A9"), Problem("a.yml", 2, 5, "z", "A2")]
    assert report(problems).splitlines() == ["a.yml:2:5: z: A2", "a.yml:9:1: y: A9", "b.yml:1:1: x: B"]


def test_the_summary_counts_problems_and_files():
    assert summary([Problem("a.yml", 1, 1, "", "x")]) == "1 Problem gefunden."
    assert summary([Problem("a.yml", 1, 1, "", "x"), Problem("a.yml", 2, 1, "", "y")]) == \
        "2 Probleme in 1 Datei gefunden."
