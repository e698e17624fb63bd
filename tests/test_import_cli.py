"""wegweiser import as a whole: the round trip export → import → export gives the same
export, a second import changes nothing, a file edited by hand is kept, input that cannot
be read is named and nothing is written."""
from __future__ import annotations

import shutil

import pytest
from conftest import FIXTURE_SITE
from importing import (MAPPING, PARTNERS, REPO, empty_content, export_of, files_of, partner_rows, records_of, run,
                       write_csv)

from generator import import_files


@pytest.fixture(scope="module")
def example_export():
    return export_of(REPO / "content")


def test_the_round_trip_gives_the_same_export_and_a_second_import_changes_nothing(tmp_path, example_export, capsys):
    source = tmp_path / "export.json"
    source.write_text(example_export, encoding="utf-8")
    content = empty_content(tmp_path)
    assert run(content, source) == 0, capsys.readouterr()
    assert len(files_of(content)) == len(list((REPO / "content" / "traeger").glob("*.yml")))
    assert export_of(content) == example_export
    written = files_of(content)
    assert run(content, source) == 0
    assert files_of(content) == written  # byte for byte
    assert "unverändert" in capsys.readouterr().err


def test_dry_run_writes_nothing(tmp_path, capsys):
    content = empty_content(tmp_path)
    assert run(content, PARTNERS, "--zuordnung", MAPPING, "--dry-run") == 0
    assert files_of(content) == {}
    assert "nichts geschrieben" in capsys.readouterr().err


def test_a_file_edited_by_hand_is_kept_unless_forced(tmp_path, capsys):
    content = empty_content(tmp_path)
    assert run(content, PARTNERS, "--zuordnung", MAPPING) == 0
    path = content / "traeger" / "lebenshilfe-weissenthurm.yml"
    edited = path.read_text(encoding="utf-8").replace("Kontakt", "Frühförderstelle")
    path.write_text(edited, encoding="utf-8")
    assert import_files.edited_by_hand(edited)
    assert run(content, PARTNERS, "--zuordnung", MAPPING) == 1
    assert "lebenshilfe-weissenthurm.yml: von Hand bearbeitet – nicht überschrieben" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == edited
    assert run(content, PARTNERS, "--zuordnung", MAPPING, "--force") == 0
    assert path.read_text(encoding="utf-8") != edited and not import_files.edited_by_hand(path.read_text())


@pytest.mark.parametrize(("table", "expected"), [
    (b"Name;Traeger;Ort\r\nA;B;C\r\n", "partner.csv, Zeile 1, Spalte 2 („Traeger“): Diese Spalte steht nicht in der "
                                       "Zuordnung import-zuordnung.yml. Meinten Sie „Träger“?"),
    (b"Name;Tr\xe4ger\r\nA;B\r\n", "partner.csv, Zeile 1: Die Spalte „Straße“ der Zuordnung fehlt in der Tabelle."),
    (b"\x81\x8d", "partner.csv: Die Zeichenkodierung ist weder UTF-8 noch Windows-1252"),
])
def test_bad_input_is_named_in_german_with_exit_2_and_nothing_written(tmp_path, capsys, table, expected):
    source = tmp_path / "partner.csv"
    source.write_bytes(table)
    content = empty_content(tmp_path)
    assert run(content, source, "--zuordnung", MAPPING) == 2
    err = capsys.readouterr().err
    assert expected in err and "Traceback" not in err and "Es wurde nichts geschrieben." in err
    assert files_of(content) == {}


def test_a_broken_csv_and_a_broken_json_are_named_with_their_line(tmp_path, capsys):
    heading = partner_rows()[0]
    source = tmp_path / "partner.csv"
    write_csv(source, [heading])
    source.write_bytes(source.read_bytes() + b'"Suchtberatung;Caritas\r\n')
    content = empty_content(tmp_path)
    assert run(content, source, "--zuordnung", MAPPING) == 2
    assert "partner.csv, Zeile 2: Die CSV-Datei ist fehlerhaft" in capsys.readouterr().err
    broken = tmp_path / "hsds.json"
    broken.write_text('{"organization": [', encoding="utf-8")
    assert run(content, broken) == 2
    assert "hsds.json:1:19: Das ist kein gültiges JSON" in capsys.readouterr().err


def test_the_same_data_from_a_file_of_another_name_changes_nothing(tmp_path, capsys):
    content = empty_content(tmp_path)
    assert run(content, PARTNERS, "--zuordnung", MAPPING) == 0
    written = files_of(content)
    renamed = tmp_path / "partnerliste-2027.csv"
    shutil.copy(PARTNERS, renamed)
    assert run(content, renamed, "--zuordnung", MAPPING) == 0
    assert files_of(content) == written
    assert "Träger-Dateien: 3 unverändert" in capsys.readouterr().err


def test_a_point_typed_into_a_record_comes_back_from_the_export(tmp_path, capsys):
    """The build finds the other points again (cache, gazetteer); one typed into the record
    (``koordinaten``) only the record holds, so the import must keep it."""
    exported = export_of(FIXTURE_SITE)
    source = tmp_path / "export.json"
    source.write_text(exported, encoding="utf-8")
    content = tmp_path / "content"
    shutil.copytree(FIXTURE_SITE, content, ignore=shutil.ignore_patterns("traeger"))
    (content / "traeger").mkdir()
    assert run(content, source) == 0, capsys.readouterr()
    typed = [address for record in records_of(content).values() for address in record.get("adressen", [])
             if "koordinaten" in address]
    assert typed, "the fixture has a typed point"
    assert export_of(content) == exported


def test_an_entry_no_import_wrote_is_never_replaced_not_even_with_force(tmp_path, capsys):
    """A partner of the list who already keeps an entry of their own: its id is the list's."""
    content = empty_content(tmp_path)
    own = content / "traeger" / "lebenshilfe-weissenthurm.yml"
    shutil.copy(REPO / "content" / "traeger" / sorted(p.name for p in (REPO / "content" / "traeger").glob("*.yml"))[0],
                own)
    before = own.read_bytes()
    for extra in ((), ("--force",)):
        assert run(content, PARTNERS, "--zuordnung", MAPPING, *extra) == 1
        said = capsys.readouterr().out
        assert "lebenshilfe-weissenthurm.yml: schon vorhanden – ein Eintrag, der nicht aus einem Import stammt" in said
        assert "auch nicht mit --force" in said
        assert own.read_bytes() == before


def test_a_provider_with_an_entry_under_another_id_is_not_imported_twice(tmp_path, capsys):
    content = empty_content(tmp_path)
    own = content / "traeger" / "caritas-mayen.yml"
    assert run(content, PARTNERS, "--zuordnung", MAPPING) == 0
    capsys.readouterr()
    (content / "traeger" / "caritasverband-mayen-e-v.yml").rename(own)
    own.write_text(own.read_text(encoding="utf-8").replace("id: caritasverband-mayen-e-v\n", "id: caritas-mayen\n")
                   .split("\n", 1)[1], encoding="utf-8")  # now a hand-written entry of its own
    assert run(content, PARTNERS, "--zuordnung", MAPPING) == 1
    assert "partnerliste.csv, Zeile 2: Es gibt schon einen Eintrag „Caritasverband Mayen e. V.“ (" in \
        capsys.readouterr().out
    assert not (content / "traeger" / "caritasverband-mayen-e-v.yml").exists()
