"""``wegweiser import``: provider files from HSDS data or from a spreadsheet.

    wegweiser import DATEI.json | ORDNER | .zip     HSDS 3.0 (JSON, the CSV files in a folder or zip)
    wegweiser import DATEI.csv|xlsx --zuordnung Z   a spreadsheet, columns mapped by Z

The importers (``import_hsds``, ``import_table``) map; ``import_records`` checks, reports
and writes. Exit codes as in ``commands.py``: 0 everything taken over (or unchanged);
1 something was not taken over (a row, a term, a file edited by hand), said line by line;
2 the input (or the mapping file) cannot be read at all: nothing is written.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from . import (commands, hsds_reading, import_files, import_hsds, import_records, import_table, import_values, pipeline,
               spreadsheet, yamlsafe)
from .import_records import BadInput, Finding, Imported
from .kinds import Kind
from .problems import display_path

SPREADSHEETS = (".csv", ".xlsx", ".txt", ".tsv")
KEPT = {  # files an import does not write, and why
    "von Hand bearbeitet": " – nicht überschrieben (mit --force ersetzen)",
    import_files.NOT_IMPORTED: (
        " – ein Eintrag, der nicht aus einem Import stammt, mit derselben Kennung; er wird nie überschrieben, auch "
        "nicht mit --force. Ergänzen Sie ihn von Hand, oder geben Sie dem Träger in der Quelle eine andere Kennung "
        "(bei einer Tabelle: Spalte für traeger.id)."),
}
ROUNDS = 3  # leaving out a part can show a problem that hid behind it; then once more


def _regions(content_dir: Path) -> dict[str, str]:
    found = {}
    for path in sorted((content_dir / Kind.REGIONS.folder).glob("*.y*ml")):
        document, _ = yamlsafe.load(path)
        data = document.data if document else None
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            name = data.get("name")
            found[data["id"]] = name.get("de", "") if isinstance(name, dict) else str(name or "")
    return found


def _mapped(args, sources: pipeline.Sources, existing: import_files.Existing) -> tuple[list[Imported], list[Finding]]:
    source = Path(args.quelle)
    vocabularies = pipeline.vocabularies_of(sources)
    if source.suffix.lower() in SPREADSHEETS and not source.is_dir():
        if not args.zuordnung:
            raise BadInput(f"{source}: Für eine Tabelle braucht der Import eine Zuordnung der Spalten "
                           "(--zuordnung DATEI.yml); ein Beispiel steht in generator/templates/import-zuordnung.yml.")
        mapping = import_table.load_mapping(Path(args.zuordnung))
        rows = spreadsheet.read(source, mapping)
        return import_table.records(rows, mapping, vocabularies, source.name,
                                    import_values.patterns_of(sources.schema_dir))
    tables, where = hsds_reading.read(source)
    defaults = import_hsds.Defaults(args.art, args.thema, _day(args.geprueft) if args.geprueft else None,
                                    existing.checks)
    return import_hsds.records(tables, where, vocabularies, _regions(sources.content_dir), defaults,
                               import_values.patterns_of(sources.schema_dir))


def checked(records: list[Imported], sources: pipeline.Sources, source: str
            ) -> tuple[dict[Path, str], list[Finding]]:
    """The files to write, each checked with every other record, and what was left out.
    Problems the other files had before are not the import's (nor is their wording, which
    may name the new ids)."""
    folder = sources.content_dir / Kind.ORGANISATIONS.folder
    before = {(p.path, p.line, p.column, p.field) for p in pipeline.problems_with(sources, [])}
    findings: list[Finding] = []
    for _ in range(ROUNDS):
        rendered, not_written = import_records.documents_of(records, folder, source)
        findings += not_written
        records = [record for record, _, _ in rendered.values()]
        ours = {str(path.resolve()) for path in rendered}
        problems = [p for p in pipeline.problems_with(sources, [d for _, d, _ in rendered.values()])
                    if str(Path(p.path).resolve()) in ours or (p.path, p.line, p.column, p.field) not in before]
        if not any(str(Path(p.path).resolve()) in ours for p in problems):
            findings += import_records.sort_out(records, problems, rendered)[1]
            return {path: text for path, (_, _, text) in rendered.items()}, import_records.in_order(findings)
        records, found = import_records.sort_out(records, problems, rendered)
        findings += found
    return {}, import_records.in_order(findings)


def _day(value: str) -> str:
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise BadInput(f"--geprueft: „{value}“ ist kein Datum; schreiben Sie es als JJJJ-MM-TT, z. B. "
                       "2026-03-31.") from None


def _not_twice(records: list[Imported], existing: import_files.Existing) -> tuple[list[Imported], list[Finding]]:
    """The records without those of a provider that already has an entry under another id
    (a list names it by its name, not by its file): it would be listed twice."""
    kept, findings = [], []
    for record in records:
        path = existing.names.get(import_files.same_name(str(record.data.get("name", ""))))
        if path is None or path.stem == record.id:
            kept.append(record)
            continue
        findings.append(Finding(record.origin, (
            f"Es gibt schon einen Eintrag „{record.data['name']}“ ({display_path(path)}) mit einer anderen Kennung. "
            "Damit der Träger nicht zweimal erscheint, wurde nichts davon übernommen. Ergänzen Sie den Eintrag von "
            f"Hand, oder geben Sie in der Quelle seine Kennung an (in einer Tabelle: traeger.id „{path.stem}“).")))
    return kept, findings


def run(args) -> int:
    sources = commands.sources_of(args)
    source = Path(args.quelle)
    if not source.exists():
        print(f"{source}: Datei oder Ordner nicht gefunden.", file=sys.stderr)
        return commands.USAGE
    if not sources.content_dir.is_dir():
        print(f"{display_path(sources.content_dir)}: Den Ordner der Einträge gibt es nicht. Legen Sie ihn an "
              "oder nennen Sie mit --content einen anderen.", file=sys.stderr)
        return commands.USAGE
    try:
        existing = import_files.Existing.of(sources.content_dir / Kind.ORGANISATIONS.folder)
        records, findings = _mapped(args, sources, existing)
    except BadInput as error:
        print(f"{error}\nEs wurde nichts geschrieben.", file=sys.stderr)
        return commands.USAGE
    records, twice = _not_twice(records, existing)
    files, left_out = checked(records, sources, source.name)
    left_out += twice
    findings = import_records.in_order(findings + left_out)
    planned = import_files.plan(files, args.force)
    for finding in findings:
        print(finding)
    counts: dict[str, int] = {}
    for item in planned:
        counts[item.state] = counts.get(item.state, 0) + 1
        if item.state != "unverändert":
            print(f"{display_path(item.path)}: {item.state}" + KEPT.get(item.state, ""))
    if not args.dry_run:
        import_files.write(planned)
    summary = ", ".join(f"{count} {state}" for state, count in sorted(counts.items())) or "keine Einträge"
    verb = "würden geschrieben (--dry-run: nichts geschrieben)" if args.dry_run else "geschrieben"
    print(f"Träger-Dateien: {summary}; neue und geänderte {verb}."
          + (f" {len(findings)} {'Meldung' if len(findings) == 1 else 'Meldungen'}: nicht Übernommenes steht oben."
             if findings else ""), file=sys.stderr)
    return commands.PROBLEMS if findings or any(counts.get(state) for state in KEPT) else commands.OK


def add_parser(subcommands) -> None:
    parser = subcommands.add_parser(
        "import", help="Träger-Dateien aus HSDS-Daten (JSON, CSV-Ordner, Zip) oder einer Tabelle (CSV, XLSX) anlegen")
    parser.add_argument("quelle", metavar="QUELLE",
                        help="HSDS-JSON, die CSV-Dateien von HSDS (Ordner oder Zip-Archiv) "
                             "oder eine Tabelle (.csv, .xlsx)")
    parser.add_argument("--zuordnung", metavar="DATEI",
                        help="für eine Tabelle: welche Spalte in welches Feld gehört (YAML, siehe README)")
    parser.add_argument("--art", metavar="BEGRIFF",
                        help="für HSDS-Daten ohne Art des Trägers: diese Art (z. B. verein)")
    parser.add_argument("--thema", metavar="BEGRIFF",
                        help="für HSDS-Daten: das Thema der Angebote, deren Daten keines nennen (z. B. sucht)")
    parser.add_argument("--geprueft", metavar="JJJJ-MM-TT",
                        help="für HSDS-Daten ohne Prüfdatum: der Tag, an dem die Angebote zuletzt geprüft wurden "
                             "(sonst der Tag des Imports)")
    parser.add_argument("--dry-run", action="store_true", help="nur berichten, nichts schreiben")
    parser.add_argument("--force", action="store_true",
                        help="auch Dateien ersetzen, die seit dem letzten Import von Hand geändert wurden")
    parser.set_defaults(run=run)
