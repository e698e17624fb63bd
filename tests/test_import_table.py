"""The rows of a partner list into provider files: one file per Träger, one offering per
row, a value that does not fit left out (not its offering), reported row by row."""
from __future__ import annotations

import shutil

from conftest import SCHEMAS
from importing import (EMAIL, MAPPING, empty_content, files_of, imported_table, partner_rows, records_of, run,
                       write_csv)

from generator import cli, yamlsafe


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


def test_a_row_that_cannot_be_mapped_is_named_and_the_others_are_written(tmp_path, capsys):
    heading, *rows = partner_rows()
    rows[0][heading.index("Themen")] = "Suchtt"
    rows[2][heading.index("Telefon")] = ""  # a person, but neither phone nor e-mail
    code, content = imported_table(tmp_path, [heading, *rows])
    assert code == 1
    out = capsys.readouterr().out
    assert "partner.csv, Zeile 2: themen, 1. Eintrag: „Suchtt“ ist kein erlaubter Begriff. Meinten Sie „sucht“?" in out
    assert "partner.csv, Zeile 4: 1. Kontakt: Bitte geben Sie an, wie man diesen Kontakt erreicht" in out
    written = files_of(content)
    assert set(written) == {"caritasverband-mayen-e-v.yml", "lebenshilfe-weissenthurm.yml"}
    caritas = yamlsafe.parse(written["caritasverband-mayen-e-v.yml"].decode(), content).data
    assert [o["name"] for o in caritas["angebote"]] == ["Schuldnerberatung Mayen"]


def test_a_value_that_does_not_fit_is_left_out_not_its_offering(tmp_path, capsys):
    heading, *rows = partner_rows()
    rows[0][heading.index("E-Mail")] = "sucht(at)caritas-mayen.beispiel.example"
    rows[0][heading.index("Webseite")] = "http://www.caritas-mayen.beispiel.example"
    rows[0][heading.index("Themen")] = "Suchthilfe; Gesundhiet"
    code, content = imported_table(tmp_path, [heading, *rows])
    assert code == 1
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


def test_phone_numbers_as_lists_write_them_are_taken_over_as_the_schema_asks(tmp_path, capsys):
    heading, *rows = partner_rows()
    phone = heading.index("Telefon")
    cells = ("Tel.: 02651 / 4003-0", "(02651) 922-100", "+49 (0)2632 98765", "Fax 1234", "0049 2651 4711",
             "02651 4003\u20130", "02651 4711-0 / Fax 4711-99", "26514712")
    rows = [rows[n % len(rows)][:] for n in range(len(cells))]
    for number, (row, written) in enumerate(zip(rows, cells, strict=True)):
        row[phone], row[heading.index("Name")] = written, f"Angebot {number}"
    _, content = imported_table(tmp_path, [heading, *rows])
    out = capsys.readouterr().out
    numbers = [contact.get("telefon") for record in records_of(content).values() for offering in record["angebote"]
               for contact in offering.get("kontakt", [])]
    assert {"02651 / 4003-0", "02651 922-100", "+49 2632 98765", "+49 2651 4711", "02651 4003-0", "02651 4711-0",
            "026514712"} <= set(numbers)
    assert "telefon: Übernommen ist „02651 4711-0“; der Rest der Angabe („Fax 4711-99“) wurde nicht übernommen." \
        in out
    assert "telefon: „26514712“ hat keine führende 0 (eine als Zahl gespeicherte Nummer?); übernommen ist " \
           "„026514712“." in out
    assert "telefon: „Fax 1234“ wurde nicht übernommen. Bitte geben Sie eine Telefonnummer mit Vorwahl an: deutsch " \
           "wie „03733 565729“" in out


def test_a_label_with_a_comma_is_one_term_and_a_dropped_offering_is_named(tmp_path, capsys):
    heading, *rows = partner_rows()
    groups = heading.index("Zielgruppe")
    rows[0][groups] = "Familien, Migrantinnen, Migranten und Geflüchtete; Alle"
    rows[1][groups] = "Niemand"  # the Caritas's second offering: no term at all
    code, content = imported_table(tmp_path, [heading, *rows])
    assert code == 1
    out = capsys.readouterr().out
    assert "partner.csv, Zeile 3: Das Angebot „Schuldnerberatung Mayen“ wurde deshalb nicht übernommen." in out
    [offering] = records_of(content)["caritasverband-mayen-e-v.yml"]["angebote"]
    assert offering["zielgruppen"] == ["familien", "migrantinnen-migranten", "alle"]


def test_a_website_without_https_is_completed(tmp_path):
    heading, *rows = partner_rows()
    rows[3][heading.index("Webseite")] = "lebenshilfe-weissenthurm.beispiel.example/fruehfoerderung"
    code, content = imported_table(tmp_path, [heading, *rows])
    assert code == 0
    [offering] = records_of(content)["lebenshilfe-weissenthurm.yml"]["angebote"]
    assert offering["webseite"] == "https://lebenshilfe-weissenthurm.beispiel.example/fruehfoerderung"
