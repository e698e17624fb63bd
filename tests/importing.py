"""What the tests of ``wegweiser import`` share: running it on a content folder and
reading back what it wrote."""
from __future__ import annotations

import csv
import io
import json
import shutil

from conftest import FIXTURES, REPO, SCHEMAS, prepared

from generator import cli, hsds, yamlsafe

SITE_URL = "https://wegweiser.example/verzeichnis/"
IMPORTS = FIXTURES / "import"
PARTNERS = IMPORTS / "partnerliste.csv"
MAPPING = REPO / "generator" / "templates" / "import-zuordnung.yml"
# The schema's own explanation of an e-mail address, as the import quotes it.
EMAIL = "Bitte geben Sie eine E-Mail-Adresse wie „beratung@beispiel.de“ an (ohne Leerzeichen, ohne „mailto:“)."
EXAMPLES = FIXTURES / "hsds-3.0" / "examples"  # the specification's own examples, unchanged


def run(content, *args) -> int:
    return cli.main(["--content", str(content), "--schemas", str(SCHEMAS), "import", *map(str, args)])


def empty_content(tmp_path):
    """The example content without its providers: regions, networks and events stay."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("traeger"))
    (content / "traeger").mkdir()
    return content


def bare_content(tmp_path):
    """A content folder with nothing in it but the (empty) folder of the providers."""
    content = tmp_path / "content"
    (content / "traeger").mkdir(parents=True)
    return content


def export_of(content) -> str:
    directory = prepared(content)
    return json.dumps(hsds.export(directory.directory, directory.vocabularies, site_url=SITE_URL),
                      ensure_ascii=False, indent=1)


def files_of(content) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((content / "traeger").glob("*.yml"))}


def records_of(content) -> dict[str, dict]:
    """The data of each written file (their first lines name the source, which may differ)."""
    return {name: yamlsafe.parse(text.decode(), content / name).data for name, text in files_of(content).items()}


def partner_rows() -> list[list[str]]:
    return list(csv.reader(io.StringIO(PARTNERS.read_bytes().decode("cp1252")), delimiter=";"))


def write_csv(path, rows) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    path.write_bytes(buffer.getvalue().encode("cp1252"))  # as Excel writes "CSV (Trennzeichen-getrennt)"


def imported_table(tmp_path, table: list[list[str]]):
    """The exit code and the content folder after importing these rows (the heading first),
    saved as Excel saves a CSV, into the example content without its providers."""
    source = tmp_path / "partner.csv"
    write_csv(source, table)
    content = empty_content(tmp_path)
    return run(content, source, "--zuordnung", MAPPING), content
