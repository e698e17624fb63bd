"""The ``wegweiser`` command: a thin layer over the pipeline and MkDocs.

Exit codes: 0 everything in order, 1 problems in the records, 2 wrong use of the command.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from . import form_entry, geocoding_cli, issue_forms, pipeline, reminders, stale_cli, template
from .problems import github_annotations, json_report, markdown_summary, report, summary


def validate(args) -> int:
    loaded = pipeline.load_and_validate(pipeline.Sources(Path(args.content), Path(args.schemas)))
    wanted = [Path(p).resolve() for p in args.paths]
    problems = [
        p for p in loaded.problems
        if not wanted or any(_within(Path(p.path).resolve(), w) for w in wanted)
    ]
    missing = [p for p in args.paths if not Path(p).exists()]
    for path in missing:
        print(f"{path}: Datei oder Ordner nicht gefunden.", file=sys.stderr)
    if args.format == "json":
        print(json_report(problems))
    elif args.format == "github":
        if problems:
            print(github_annotations(problems))
        summary_file = args.summary or os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as file:
                file.write(markdown_summary(problems))
    elif problems:
        print(report(problems))
    if problems:
        print(f"\n{summary(problems)}", file=sys.stderr)
        return 1
    if missing:
        return 2
    print("Alle Einträge sind in Ordnung.", file=sys.stderr)
    return 0


def _within(path: Path, wanted: Path) -> bool:
    return path == wanted or wanted in path.parents


def mkdocs(command: str, extra: list[str]) -> int:
    arguments = [sys.executable, "-m", "mkdocs", command]
    if command == "build":
        arguments.append("--strict")
    return subprocess.call(arguments + extra)


def write_forms(args) -> int:
    loaded = pipeline.load_and_validate(pipeline.Sources(Path(args.content), Path(args.schemas)))
    if not loaded.vocabularies:
        print(report(loaded.problems), file=sys.stderr)
        return 1
    target = Path(args.ziel)
    target.mkdir(parents=True, exist_ok=True)
    for name, text in issue_forms.forms(loaded.vocabularies).items():
        (target / name).write_text(text, encoding="utf-8")
    print(f"Formulare in {target} geschrieben.")
    return 0


def new(args) -> int:
    target = Path(args.content) / "traeger" / f"{args.id}.yml"
    try:
        text = template.provider_template(args.id)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 2
    if target.exists():
        print(f"{target} gibt es schon. Bitte wählen Sie eine andere Kennung "
              "oder bearbeiten Sie die vorhandene Datei.", file=sys.stderr)
        return 2
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Die Vorlage steht in {target}. Füllen Sie die Felder aus und prüfen Sie sie mit: "
          f"wegweiser validate {target}")
    return 0


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="wegweiser",
        description="Wegweiser: Einträge prüfen und das Verzeichnis als Internetseite bauen.",
    )
    main.add_argument("--content", default="content", help="Ordner mit den Einträgen (Standard: content)")
    main.add_argument("--schemas", default="schemas", help="Ordner mit Schemas und Vokabularen (Standard: schemas)")
    commands = main.add_subparsers(dest="command", required=True, metavar="BEFEHL")

    check = commands.add_parser("validate", help="Einträge prüfen und alle Probleme auf einmal zeigen")
    check.add_argument("paths", nargs="*", metavar="PFAD", help="nur diese Dateien oder Ordner melden (Standard: alle)")
    check.add_argument("--format", choices=("text", "github", "json"), default="text",
                       help="text: für Menschen (Standard); github: Anmerkungen für GitHub Actions und "
                            "Bericht in $GITHUB_STEP_SUMMARY; json: für Werkzeuge")
    check.add_argument("--summary", metavar="DATEI",
                       help="mit --format github: den Bericht (Markdown) an diese Datei anhängen")
    check.set_defaults(run=validate)

    build = commands.add_parser("build", help="die Seite nach site/ bauen (mkdocs build --strict)")
    build.set_defaults(run=lambda args: mkdocs("build", args.extra))
    serve = commands.add_parser("serve", help="die Seite bauen und mit Live-Vorschau anzeigen (mkdocs serve)")
    serve.set_defaults(run=lambda args: mkdocs("serve", args.extra))

    geocoding_cli.add_parser(commands)
    stale_cli.add_parser(commands)
    form_entry.add_parser(commands)
    reminders.add_parser(commands)
    forms = commands.add_parser("formulare", help="die GitHub-Formulare aus den Vokabularen neu schreiben")
    forms.add_argument("--ziel", default=".github/ISSUE_TEMPLATE", help="Ordner der Formulare")
    forms.set_defaults(run=write_forms)

    create = commands.add_parser("new", help="eine kommentierte Vorlage für einen neuen Träger anlegen")
    create.add_argument("id", metavar="KENNUNG", help="Kennung des Trägers, z. B. caritas-aue")
    create.set_defaults(run=new)
    return main


def main(argv: list[str] | None = None) -> int:
    args, extra = parser().parse_known_args(argv)
    if extra and args.command not in ("build", "serve"):
        parser().error(f"unbekannte Angaben: {' '.join(extra)}")
    args.extra = extra
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
