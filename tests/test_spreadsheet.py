"""Reading spreadsheets: CSV as Excel writes it, XLSX, Excel's Unicode text; rows named as
the sheet counts them, headings found below a title, merged cells."""
from __future__ import annotations

import openpyxl
from importing import (EMAIL, MAPPING, PARTNERS, empty_content, imported_table, partner_rows, records_of, run,
                       write_csv)


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


def test_rows_are_named_as_the_spreadsheet_counts_them_title_and_empty_rows_included(tmp_path, capsys):
    heading, *rows = partner_rows()
    email = heading.index("E-Mail")
    rows[0][email] = "sucht(at)caritas.beispiel.example"
    rows[3][email] = "frueh(at)lebenshilfe.beispiel.example"
    empty = [""] * len(heading)
    title = ["Netzwerk MYKnetz – Partnerliste (Stand 11/2026)"] + [""] * (len(heading) - 1)
    table = [title, empty, heading, rows[0], empty, rows[1], rows[2], *[empty] * 5, rows[3]]
    code, content = imported_table(tmp_path, table)
    assert code == 1
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


def test_the_headings_are_found_below_a_title_even_with_many_renamed_and_an_empty_first_column(tmp_path, capsys):
    heading, *rows = partner_rows()
    renamed = [f"{h} (neu)" if n % 2 else h for n, h in enumerate(heading)]  # half of them renamed
    book = openpyxl.Workbook()
    book.active.append(["", "Partnerliste MYKnetz (Stand 11/2026)"])
    for row in [renamed, *rows]:
        book.active.append(["", *row])  # the table starts in column B
    source = tmp_path / "partnerliste.xlsx"
    book.save(source)
    assert run(empty_content(tmp_path), source, "--zuordnung", MAPPING) == 2
    said = capsys.readouterr().err
    assert "Zeile 2, Spalte 3 („Träger (neu)“): Diese Spalte steht nicht in der Zuordnung" in said
    assert "Partnerliste MYKnetz" not in said and "Spalte 1 („“)" not in said


def test_a_cell_merged_over_columns_is_one_wide_cell_of_its_first_column(tmp_path, capsys):
    heading, *rows = partner_rows()
    book = openpyxl.Workbook()
    for row in [heading, *rows]:
        book.active.append(row)
    description = heading.index("Beschreibung") + 1
    book.active.cell(5, description + 1).value = None  # the themes of row 5, under the description
    book.active.merge_cells(start_row=5, start_column=description, end_row=5, end_column=description + 1)
    source = tmp_path / "partnerliste.xlsx"
    book.save(source)
    assert run(empty_content(tmp_path), source, "--zuordnung", MAPPING) == 1
    out = capsys.readouterr().out
    assert "Zeile 5: Das Pflichtfeld „themen“" in out and "ist kein erlaubter Begriff" not in out
