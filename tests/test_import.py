"""wegweiser import: HSDS data and spreadsheets into provider files that pass validate,
reported row by row, written in the house style, never over a file edited by hand; and the
round trip export → import → export gives the same export."""
from __future__ import annotations

import csv
import io
import json
import shutil

import openpyxl
import pytest

from conftest import FIXTURES, REPO, SCHEMAS, build, mkdocs_config, prepared, problems_of
from generator import cli, hsds, import_records, yamlsafe
from generator.hsds_nested import Documents

SITE_URL = "https://wegweiser.example/verzeichnis/"
PARTNERS = FIXTURES / "import" / "partnerliste.csv"
MAPPING = REPO / "generator" / "templates" / "import-zuordnung.yml"


def run(content, *args) -> int:
    return cli.main(["--content", str(content), "--schemas", str(SCHEMAS), "import", *map(str, args)])


def empty_content(tmp_path):
    """The example content without its providers: regions, networks and events stay."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("traeger"))
    (content / "traeger").mkdir()
    return content


def export_of(content) -> str:
    directory = prepared(content)
    return json.dumps(hsds.export(directory.directory, directory.vocabularies, site_url=SITE_URL),
                      ensure_ascii=False, indent=1)


def files_of(content) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((content / "traeger").glob("*.yml"))}


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


def partner_rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(PARTNERS.read_bytes().decode("cp1252")), delimiter=";"))


def write_csv(path, rows) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("cp1252"))  # as Excel writes "CSV (Trennzeichen-getrennt)"


def test_a_list_of_150_partners_in_excels_csv_imports_and_validates(tmp_path, capsys):
    heading, *rows = partner_rows()
    many = [heading] + [[f"{cell} {n}" if column in (0, 1) else cell for column, cell in enumerate(row)]
                        for n in range(1, 39) for row in rows][:150]
    assert len(many) == 151
    source = tmp_path / "partner.csv"
    write_csv(source, many)
    content = empty_content(tmp_path)
    shutil.rmtree(content / "netzwerke")
    shutil.rmtree(content / "termine")
    assert run(content, source, "--zuordnung", MAPPING) == 0, capsys.readouterr()
    written = files_of(content)
    offerings = sum(len(yamlsafe.parse(text.decode(), content).data["angebote"]) for text in written.values())
    assert offerings == 150
    assert cli.main(["--content", str(content), "--schemas", str(SCHEMAS), "validate"]) == 0
    text = written["caritasverband-mayen-e-v-1.yml"].decode("utf-8")
    assert "Marktstraße 12" in text and "themen: [sucht, gesundheit]" in text  # "Suchthilfe" through begriffe
    assert "# Themen: arbeit, gesundheit" in text  # the template's explanations


def test_an_xlsx_imports_as_the_same_list_in_csv(tmp_path):
    book = openpyxl.Workbook()
    for row in partner_rows():
        book.active.append([int(cell) if cell.isdigit() else cell for cell in row])  # PLZ as numbers, as Excel has them
    source = tmp_path / "partnerliste.xlsx"
    book.save(source)
    from_csv, from_xlsx = empty_content(tmp_path / "csv"), empty_content(tmp_path / "xlsx")
    assert run(from_csv, PARTNERS, "--zuordnung", MAPPING) == 0
    assert run(from_xlsx, source, "--zuordnung", MAPPING) == 0

    def data(content):
        return {name: yamlsafe.parse(text.decode(), content / name).data for name, text in files_of(content).items()}
    assert data(from_xlsx) == data(from_csv) and data(from_csv)


def test_a_row_that_cannot_be_mapped_is_named_and_the_others_are_written(tmp_path, capsys):
    heading, *rows = partner_rows()
    rows[0][heading.index("Themen")] = "Suchtt"
    rows[2][heading.index("Telefon")] = ""  # a person, but neither phone nor e-mail
    source = tmp_path / "partner.csv"
    write_csv(source, [heading, *rows])
    content = empty_content(tmp_path)
    assert run(content, source, "--zuordnung", MAPPING) == 1
    out = capsys.readouterr().out
    assert "partner.csv, Zeile 2: themen, 1. Eintrag: „Suchtt“ ist kein erlaubter Begriff. Meinten Sie „sucht“?" in out
    assert "partner.csv, Zeile 4: 1. Kontakt: Bitte geben Sie an, wie man diesen Kontakt erreicht" in out
    written = files_of(content)
    assert set(written) == {"caritasverband-mayen-e-v.yml", "lebenshilfe-weissenthurm.yml"}
    caritas = yamlsafe.parse(written["caritasverband-mayen-e-v.yml"].decode(), content).data
    assert [o["name"] for o in caritas["angebote"]] == ["Schuldnerberatung Mayen"]


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
    assert import_records.edited_by_hand(edited)
    assert run(content, PARTNERS, "--zuordnung", MAPPING) == 1
    assert "lebenshilfe-weissenthurm.yml: von Hand bearbeitet – nicht überschrieben" in capsys.readouterr().out
    assert path.read_text(encoding="utf-8") == edited
    assert run(content, PARTNERS, "--zuordnung", MAPPING, "--force") == 0
    assert path.read_text(encoding="utf-8") != edited and not import_records.edited_by_hand(path.read_text())


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


def test_hsds_from_elsewhere_is_taken_over_as_far_as_it_fits(tmp_path, capsys):
    service = {
        "id": "7f3e1c52-9d0b-4f7e-8a51-3c2b9d6e0a11", "name": "Beratungsstelle für Wohnungsnotfälle",
        "description": "Hilfe bei drohendem Wohnungsverlust.", "status": "active", "assured_date": "2026-02-01",
        "email": "wohnen@beispiel.example",
        "organization": {"id": "0c8a5f3e-2b1d-4c6e-9f7a-8d5e4c3b2a10", "name": "Wohnhilfe Beispielstadt e. V.",
                         "description": "Ein Verein."},
        "phones": [{"id": "b1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "number": "03733 000999"}],
        "attributes": [{"id": "c1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "taxonomy_term": {
            "id": "d1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "name": "Wohnen", "description": "Wohnen",
            "taxonomy": "eigene"}}, {"id": "e1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "taxonomy_term": {
                "id": "f1a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "name": "Housing Support", "description": "x",
                "taxonomy": "open-eligibility"}}],
        "schedules": [{"id": "a9a2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", "freq": "WEEKLY", "byday": "MO,WE",
                       "opens_at": "09:00", "closes_at": "12:00"}],
    }
    source = tmp_path / "service.json"
    source.write_text(json.dumps(service, ensure_ascii=False), encoding="utf-8")
    content = empty_content(tmp_path)
    assert run(content, source, "--art", "verein") == 1
    out = capsys.readouterr().out
    assert "Der Begriff „Housing Support“ (Taxonomie „open-eligibility“) ist kein Begriff" in out
    # required and not in the data: the most general value, named to be checked
    assert "zielgruppen: Die Daten nennen keine Zielgruppe; angenommen ist „alle“. Bitte prüfen Sie" in out
    assert "zugang: Die Daten sagen nicht, wie man zum Angebot kommt; angenommen ist „termin“." in out
    written = files_of(content)["wohnhilfe-beispielstadt-e-v.yml"].decode()
    assert "zielgruppen: [alle]" in written and "zugang: [termin]" in written and "online: ja" in written
    assert "themen: [wohnen]" in written  # the other taxonomy names a term of ours


EXAMPLES = FIXTURES / "hsds-3.0" / "examples"  # the specification's own examples, unchanged
# Every shape the specification gives its examples in; organization_list.json holds an
# organization without services, which no provider file can be (it is named, not written).
EXAMPLE_SHAPES = ["service_full.json", "organization_full.json", "service_at_location_full.json",
                  "service_list.json", "service_at_location_list.json", "tabular.json", "csv"]


def bare_content(tmp_path):
    """A content folder with nothing in it but the (empty) folder of the providers."""
    content = tmp_path / "content"
    (content / "traeger").mkdir(parents=True)
    return content


@pytest.mark.parametrize("shape", EXAMPLE_SHAPES)
def test_the_specifications_examples_are_taken_over_as_far_as_they_fit(tmp_path, capsys, shape):
    content = bare_content(tmp_path)
    assert run(content, EXAMPLES / shape, "--art", "verein", "--thema", "gesundheit") == 1
    out = capsys.readouterr().out
    assert "webseite: „http://example.com/counselling“ wurde nicht übernommen: nur https-Adressen werden " \
           "veröffentlicht." in out
    assert "sprachen: „ur“ wurde nicht übernommen" in out or "_list" in shape  # the lists have no languages
    assert "zielgruppen: Die Daten nennen keine Zielgruppe; angenommen ist „alle“. Bitte prüfen Sie" in out
    assert "zugang: Die Daten sagen nicht, wie man zum Angebot kommt; angenommen ist „termin“." in out
    assert list(files_of(content)) == ["example-organization-inc.yml"]
    assert problems_of(content) == ()
    written = yamlsafe.load(content / "traeger" / "example-organization-inc.yml")[0].data
    offering = written["angebote"][0]
    assert offering["name"] == "Community Counselling"
    assert offering["zielgruppen"] == ["alle"] and offering["zugang"] == ["termin"]
    assert "webseite" not in offering and "webseite" not in written


def test_an_organisation_without_services_is_named_not_written(tmp_path, capsys):
    content = bare_content(tmp_path)
    assert run(content, EXAMPLES / "organization_list.json", "--art", "verein") == 1
    assert "Der Träger hat in den Daten kein Angebot (service) und wurde nicht übernommen" in capsys.readouterr().out
    assert files_of(content) == {}


def test_a_site_builds_from_the_specifications_tabular_example(tmp_path, capsys):
    content = bare_content(tmp_path)
    assert run(content, EXAMPLES / "tabular.json", "--art", "verein", "--thema", "gesundheit") == 1
    site = tmp_path / "site"
    build(mkdocs_config(content, site))
    pages = "".join(page.read_text(encoding="utf-8") for page in site.rglob("*.html"))
    assert "Example Organization Inc." in pages and "Community Counselling" in pages


def test_excels_unicode_text_imports_as_the_same_list(tmp_path):
    """"Unicode-Text" from Excel: UTF-16 with its byte order mark, tab-separated."""
    source = tmp_path / "partnerliste.txt"
    source.write_text("\r\n".join("\t".join(row) for row in partner_rows()) + "\r\n", encoding="utf-16")
    from_csv, from_text = empty_content(tmp_path / "csv"), empty_content(tmp_path / "text")
    assert run(from_csv, PARTNERS, "--zuordnung", MAPPING) == 0
    assert run(from_text, source, "--zuordnung", MAPPING) == 0

    def data(content):  # the files name their source in a comment
        return {name: yamlsafe.parse(text.decode(), content / name).data for name, text in files_of(content).items()}
    assert data(from_text) == data(from_csv) and data(from_csv)


def test_a_file_that_is_no_spreadsheet_is_named_in_german_only(tmp_path, capsys):
    source = tmp_path / "partnerliste.xlsx"
    source.write_text("kein Excel", encoding="utf-8")
    assert run(empty_content(tmp_path), source, "--zuordnung", MAPPING) == 2
    said = capsys.readouterr().err
    assert "lässt sich nicht als Excel-Tabelle (.xlsx) lesen" in said and "zip" not in said


def test_a_direct_line_from_elsewhere_is_not_published_without_its_persons_consent(tmp_path, capsys):
    service = {
        "id": "7f3e1c52-9d0b-4f7e-8a51-3c2b9d6e0a12", "name": "Schuldnerberatung", "description": "Hilfe bei Schulden.",
        "status": "active", "assured_date": "2026-02-01",
        "organization": {"id": "0c8a5f3e-2b1d-4c6e-9f7a-8d5e4c3b2a11", "name": "Hilfeverein Beispiel e. V.",
                         "description": "Ein Verein."},
        "contacts": [{"id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c11", "name": "Frau Beispiel", "title": "Beratung",
                      "email": "beratung@beispiel.example", "phones": [
                          {"id": "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c12", "number": "03733 000777",
                           "description": "Durchwahl Frau Beispiel"}]}],
    }
    source = tmp_path / "service.json"
    source.write_text(json.dumps(service, ensure_ascii=False), encoding="utf-8")
    content = empty_content(tmp_path)
    assert run(content, source, "--art", "verein", "--thema", "schulden") == 1
    assert "Die Durchwahl 03733 000777 wurde nicht übernommen" in capsys.readouterr().out
    written = files_of(content)["hilfeverein-beispiel-e-v.yml"].decode()
    assert "000777" not in written and "durchwahl_veroeffentlichen" not in written
