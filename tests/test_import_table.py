"""Spreadsheets (CSV as Excel writes it, XLSX, Excel's Unicode text) into provider files,
reported row by row."""
from __future__ import annotations

import shutil

import openpyxl
from conftest import SCHEMAS
from importing import MAPPING, PARTNERS, empty_content, files_of, partner_rows, records_of, run, write_csv

from generator import cli, yamlsafe

EMAIL = "Bitte geben Sie eine E-Mail-Adresse wie „beratung@beispiel.de“ an (ohne Leerzeichen, ohne „mailto:“)."


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

    assert records_of(from_xlsx) == records_of(from_csv) and records_of(from_csv)


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


def test_excels_unicode_text_imports_as_the_same_list(tmp_path):
    """"Unicode-Text" from Excel: UTF-16 with its byte order mark, tab-separated."""
    source = tmp_path / "partnerliste.txt"
    source.write_text("\r\n".join("\t".join(row) for row in partner_rows()) + "\r\n", encoding="utf-16")
    from_csv, from_text = empty_content(tmp_path / "csv"), empty_content(tmp_path / "text")
    assert run(from_csv, PARTNERS, "--zuordnung", MAPPING) == 0
    assert run(from_text, source, "--zuordnung", MAPPING) == 0

    assert records_of(from_text) == records_of(from_csv) and records_of(from_csv)


def test_a_file_that_is_no_spreadsheet_is_named_in_german_only(tmp_path, capsys):
    source = tmp_path / "partnerliste.xlsx"
    source.write_text("kein Excel", encoding="utf-8")
    assert run(empty_content(tmp_path), source, "--zuordnung", MAPPING) == 2
    said = capsys.readouterr().err
    assert "lässt sich nicht als Excel-Tabelle (.xlsx) lesen" in said and "zip" not in said


def test_a_value_that_does_not_fit_is_left_out_not_its_offering(tmp_path, capsys):
    heading, *rows = partner_rows()
    rows[0][heading.index("E-Mail")] = "sucht(at)caritas-mayen.beispiel.example"
    rows[0][heading.index("Webseite")] = "http://www.caritas-mayen.beispiel.example"
    rows[0][heading.index("Themen")] = "Suchthilfe; Gesundhiet"
    source = tmp_path / "partner.csv"
    write_csv(source, [heading, *rows])
    content = empty_content(tmp_path)
    assert run(content, source, "--zuordnung", MAPPING) == 1
    out = capsys.readouterr().out
    assert f"partner.csv, Zeile 2: email: „sucht(at)caritas-mayen.beispiel.example“ wurde nicht übernommen. {EMAIL}" \
        in out
    assert "partner.csv, Zeile 2: webseite: „http://www.caritas-mayen.beispiel.example“ wurde nicht übernommen. Nur " \
           "https-Adressen werden veröffentlicht." in out
    assert "partner.csv, Zeile 2: themen: „Gesundhiet“ ist kein erlaubter Begriff und wurde nicht übernommen. " \
           "Meinten Sie „gesundheit“?" in out
    offering = records_of(content)["caritasverband-mayen-e-v.yml"]["angebote"][0]
    assert offering["name"] == "Suchtberatung Mayen" and offering["themen"] == ["sucht"]
    assert offering["kontakt"] == [{"rolle": "Kontakt", "telefon": "02651 000111"}] and "webseite" not in offering


def test_rows_are_named_as_the_spreadsheet_counts_them_title_and_empty_rows_included(tmp_path, capsys):
    heading, *rows = partner_rows()
    email = heading.index("E-Mail")
    rows[0][email] = "sucht(at)caritas.beispiel.example"
    rows[3][email] = "frueh(at)lebenshilfe.beispiel.example"
    empty = [""] * len(heading)
    title = ["Netzwerk MYKnetz – Partnerliste (Stand 11/2026)"] + [""] * (len(heading) - 1)
    table = [title, empty, heading, rows[0], empty, rows[1], rows[2], *[empty] * 5, rows[3]]
    source = tmp_path / "partner.csv"
    write_csv(source, table)
    content = empty_content(tmp_path)
    assert run(content, source, "--zuordnung", MAPPING) == 1
    said = [line for line in capsys.readouterr().out.splitlines() if "wurde nicht übernommen" in line]
    assert said == [  # rows 4 and 13 of the sheet, in that order (not "13" before "4")
        f"partner.csv, Zeile 4: email: „sucht(at)caritas.beispiel.example“ wurde nicht übernommen. {EMAIL}",
        f"partner.csv, Zeile 13: email: „frueh(at)lebenshilfe.beispiel.example“ wurde nicht übernommen. {EMAIL}"]
    assert len(records_of(content)) == 3


def test_every_heading_the_mapping_does_not_know_is_named_at_once(tmp_path, capsys):
    heading, *rows = partner_rows()
    renamed = ["Einrichtung" if h == "Name" else "Fon" if h == "Telefon" else h for h in heading]
    source = tmp_path / "partner.csv"
    write_csv(source, [renamed, *rows])
    assert run(empty_content(tmp_path), source, "--zuordnung", MAPPING) == 2
    said = capsys.readouterr().err
    assert "Zeile 1, Spalte 1 („Einrichtung“): Diese Spalte steht nicht in der Zuordnung" in said
    assert "Zeile 1, Spalte 6 („Fon“): Diese Spalte steht nicht in der Zuordnung" in said
    assert "Zeile 1: Die Spalte „Name“ der Zuordnung fehlt in der Tabelle." in said
    assert "Zeile 1: Die Spalte „Telefon“ der Zuordnung fehlt in der Tabelle." in said


def test_a_traeger_cell_merged_over_several_rows_belongs_to_each_of_them(tmp_path):
    heading, *rows = partner_rows()
    book = openpyxl.Workbook()
    for row in [heading, *rows]:
        book.active.append(row)
    column = heading.index("Träger") + 1
    for row in range(3, 3 + len(rows) - 1):  # rows 2 and 3 are both the Caritas's: leave only the first
        if book.active.cell(row, column).value == rows[0][column - 1]:
            book.active.cell(row, column).value = None
    book.active.merge_cells(start_row=2, start_column=column, end_row=3, end_column=column)
    source = tmp_path / "partnerliste.xlsx"
    book.save(source)
    merged, plain = empty_content(tmp_path / "merged"), empty_content(tmp_path / "plain")
    assert run(merged, source, "--zuordnung", MAPPING) == 0
    assert run(plain, PARTNERS, "--zuordnung", MAPPING) == 0
    assert records_of(merged) == records_of(plain)
    assert len(records_of(merged)["caritasverband-mayen-e-v.yml"]["angebote"]) == 2


def test_phone_numbers_as_lists_write_them_are_taken_over_as_the_schema_asks(tmp_path, capsys):
    heading, *rows = partner_rows()
    phone = heading.index("Telefon")
    for row, written in zip(rows, ("Tel.: 02651 / 4003-0", "(02651) 922-100", "+49 (0)2632 98765", "Fax 1234"),
                            strict=False):
        row[phone] = written
    source = tmp_path / "partner.csv"
    write_csv(source, [heading, *rows])
    content = empty_content(tmp_path)
    run(content, source, "--zuordnung", MAPPING)
    out = capsys.readouterr().out
    numbers = [contact.get("telefon") for record in records_of(content).values() for offering in record["angebote"]
               for contact in offering.get("kontakt", [])]
    assert {"02651 / 4003-0", "02651 922-100", "+49 2632 98765"} <= set(numbers)
    assert "telefon: „Fax 1234“ wurde nicht übernommen. Bitte geben Sie eine Telefonnummer mit Vorwahl an: deutsch " \
           "wie „03733 565729“" in out
