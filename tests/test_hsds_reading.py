"""Every shape HSDS data comes in gives the same tables: nested documents, the CSV files
in a folder or in the published zip archive."""
from __future__ import annotations

import csv
import json
import zipfile

import pytest
from importing import REPO, bare_content, empty_content, export_of, files_of, run

from generator import hsds, hsds_tables
from generator.hsds_nested import Documents


@pytest.fixture(scope="module")
def example_export():
    return export_of(REPO / "content")


def test_the_nested_documents_and_the_csv_folder_import_the_same(tmp_path, example_export):
    tables = json.loads(example_export)
    documents = Documents(tables)
    nested = tmp_path / "organisationen.json"
    nested.write_text(json.dumps([documents.organization(r["id"]) for r in tables["organization"]],
                                 ensure_ascii=False), encoding="utf-8")
    folder = tmp_path / "hsds-csv"
    folder.mkdir()
    for name, rows in tables.items():
        columns = list(dict.fromkeys(key for row in rows for key in row))
        with (folder / hsds.TABLE_FILES[name]).open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, columns)
            writer.writeheader()
            writer.writerows(rows)
    for number, source in enumerate((nested, folder)):
        content = empty_content(tmp_path / str(number))
        assert run(content, source) == 0
        assert export_of(content) == example_export, source.name


def test_the_published_zip_archive_imports_as_it_is(tmp_path, example_export):
    """A network that downloads another Wegweiser's ``daten/hsds-csv.zip`` need not unpack it;
    an archive with a folder of its own inside is read as well."""
    tables = json.loads(example_export)
    archive = tmp_path / "hsds-csv.zip"
    archive.write_bytes(hsds_tables.zipped(tables, hsds_tables.datapackage("CC BY 4.0", "", "Test")))
    nested = tmp_path / "heruntergeladen.zip"
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(nested, "w") as target:
        for info in source.infolist():
            target.writestr(f"hsds-csv/{info.filename}", source.read(info))
    for number, source in enumerate((archive, nested)):
        content = empty_content(tmp_path / str(number))
        assert run(content, source) == 0
        assert export_of(content) == example_export, source.name


def test_a_zip_archive_without_hsds_tables_is_named(tmp_path, capsys):
    archive = tmp_path / "fotos.zip"
    with zipfile.ZipFile(archive, "w") as target:
        target.writestr("bild.txt", "kein HSDS")
    content = bare_content(tmp_path)
    assert run(content, archive) == 2
    said = capsys.readouterr().err
    assert "fotos.zip: Das Zip-Archiv enthält keine Tabelle von HSDS (erwartet z. B. organizations.csv" in said
    assert "Es wurde nichts geschrieben." in said and files_of(content) == {}
