"""The ``wegweiser`` command: a thin layer over the pipeline and MkDocs.

Every command reads the settings of mkdocs.yml and the records through ``commands.py``;
problems and exit codes are handled once, in ``main`` (the codes are listed there).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from . import (commands, content, form_entry, geocoding_cli, import_cli, issue_forms, legal, pipeline, preview,
               reminders, shards, stale_cli, template, translation_hints)
from .problems import display_path, github_annotations, json_report, markdown_summary, report, summary
from .kinds import Kind
from .settings import SettingsError


def _outside(args, wanted: list[Path]) -> list[str]:
    """Paths given to validate that it does not read: saying "in Ordnung" of them would be
    a false all-clear."""
    sources = commands.sources_of(args)
    read = (sources.content_dir.resolve(), sources.schema_dir.resolve(), commands.config_of(args).resolve())
    outside = [str(path) for path in wanted
               if path.exists() and not any(_within(path, folder) or _within(folder, path) for folder in read)]
    for path in outside:
        print(f"{display_path(path)}: Diese Datei liegt nicht im Ordner der Einträge "
              f"({display_path(sources.content_dir)}) und wurde nicht geprüft. Legen Sie einen Eintrag dort "
              "in den Ordner seiner Art, z. B. traeger/ für einen Träger.", file=sys.stderr)
    return outside


def validate(args) -> int:
    hints: list = []
    try:
        hints = translation_hints.missing_translations(commands.prepared(args).directory)
        found: tuple = ()
    except pipeline.InvalidContent as error:
        found = error.problems
    config_file = commands.config_of(args)
    if config_file.is_file():  # without mkdocs.yml no site is built, and no Impressum
        hints += legal.imprint_hints(commands.settings_of(args), config_file)
    wanted = [Path(p).resolve() for p in args.paths]
    problems, hints = ([
        p for p in listed
        if not wanted or any(_within(Path(p.path).resolve(), w) for w in wanted)
    ] for listed in (found, hints))
    missing = [p for p in args.paths if not Path(p).exists()]
    for path in missing:
        print(f"{path}: Datei oder Ordner nicht gefunden.", file=sys.stderr)
    missing += _outside(args, wanted)
    if args.format == "json":
        print(json_report(problems))
    elif args.format == "github":
        if problems:
            print(github_annotations(problems))
        if hints:
            print(github_annotations(hints, "warning"))
        summary_file = args.summary or os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as file:
                file.write(markdown_summary(problems))
    elif problems:
        print(report(problems))
    if hints and args.format == "text":  # hints change nothing: the exit code stays
        print("Hinweise (kein Fehler):\n" + report(hints), file=sys.stderr)
    if problems:
        print(f"\n{summary(problems)}", file=sys.stderr)
        return commands.PROBLEMS
    if missing:
        return commands.USAGE
    print("Alle Einträge sind in Ordnung.", file=sys.stderr)
    return commands.OK


def _within(path: Path, wanted: Path) -> bool:
    return path == wanted or wanted in path.parents


def mkdocs(command: str, args) -> int:
    if args.content or args.schemas:
        raise SettingsError(f"„wegweiser {command}“ liest die Ordner aus mkdocs.yml (docs_dir und schemas). "
                            "Bitte ändern Sie sie dort oder geben Sie mit --config eine andere Datei an.")
    extra = args.extra
    arguments = [sys.executable, "-m", "mkdocs", command]
    if not {"-f", "--config-file"} & set(extra):
        commands.settings_of(args)  # a broken mkdocs.yml is wrong use (2), before MkDocs says 1
        arguments += ["-f", str(commands.config_of(args))]
    if command == "build":
        arguments.append("--strict")
    environment = dict(os.environ)
    environment.pop(shards.VARIABLE, None)  # one left in the shell would quietly build a part
    environment.pop(preview.VARIABLE, None)
    if command == "serve":  # after a change, only what changed is made again (preview.py)
        arguments.append("--dirty")
        environment[preview.VARIABLE] = "1"
    if getattr(args, "sprache", None):  # one language's site only, a part of a site built in parts
        environment[shards.VARIABLE] = args.sprache
    return subprocess.call(arguments + extra, env=environment)


def merge(args) -> int:
    try:
        count = shards.merge([Path(part) for part in args.teile], Path(args.ziel),
                             commands.settings_of(args).languages)
    except shards.MergeError as error:
        print(str(error), file=sys.stderr)
        return commands.PROBLEMS
    print(f"{len(args.teile)} Teile mit zusammen {count} Dateien stehen in {args.ziel}.")
    return commands.OK


def write_forms(args) -> int:
    prepared = commands.prepared(args)
    target = Path(args.ziel)
    target.mkdir(parents=True, exist_ok=True)
    for name, text in issue_forms.forms(prepared.vocabularies, prepared.directory.regions).items():
        (target / name).write_text(text, encoding="utf-8")
    print(f"Formulare in {target} geschrieben.")
    return commands.OK


def new(args) -> int:
    settings = commands.settings_of(args)
    target = settings.path(settings.content) / Kind.ORGANISATIONS.folder / f"{args.id}{content.RECORD_SUFFIXES[0]}"
    try:
        text = template.provider_template(args.id)
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return commands.USAGE
    if any(target.with_suffix(suffix).exists() for suffix in content.RECORD_SUFFIXES):
        print(f"{target} gibt es schon. Bitte wählen Sie eine andere Kennung "
              "oder bearbeiten Sie die vorhandene Datei.", file=sys.stderr)
        return commands.USAGE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"Die Vorlage steht in {target}. Füllen Sie die Felder aus und prüfen Sie sie mit: "
          f"wegweiser validate {target}")
    return commands.OK


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="wegweiser",
        description="Wegweiser: Einträge prüfen und das Verzeichnis als Internetseite bauen.",
    )
    main.add_argument("--config", help="Einstellungen aus dieser Datei lesen (Standard: mkdocs.yml, wenn vorhanden)")
    main.add_argument("--content", help="Ordner mit den Einträgen (Standard: docs_dir aus mkdocs.yml, sonst content)")
    main.add_argument("--schemas", help="Ordner mit Schemas und Vokabularen (Standard: aus mkdocs.yml, sonst schemas)")
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
    build.add_argument("--sprache", metavar="SPRACHE",
                       help="nur die Seite in dieser Sprache bauen (de oder eine der „languages“ in mkdocs.yml): "
                            "ein Teil für „wegweiser merge“")
    build.set_defaults(run=lambda args: mkdocs("build", args))
    join = commands.add_parser("merge", help="die Teile eines in Teilen gebauten Verzeichnisses zusammenführen")
    join.add_argument("teile", nargs="+", metavar="TEIL", help="die site/-Ordner der Teile (je einer Sprache)")
    join.add_argument("--ziel", default="site", help="Ordner der ganzen Seite (Standard: site; wird ersetzt)")
    join.set_defaults(run=merge)
    serve = commands.add_parser("serve", help="die Seite bauen und mit Live-Vorschau anzeigen (mkdocs serve)")
    serve.add_argument("--sprache", metavar="SPRACHE",
                       help="nur die Seite in dieser Sprache zeigen (de oder eine der „languages“ in mkdocs.yml): "
                            "bei einem großen Verzeichnis ist die Vorschau nach einer Änderung so schneller da")
    serve.set_defaults(run=lambda args: mkdocs("serve", args))

    geocoding_cli.add_parser(commands)
    stale_cli.add_parser(commands)
    form_entry.add_parser(commands)
    reminders.add_parser(commands)
    import_cli.add_parser(commands)
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
    try:
        return args.run(args)
    except pipeline.InvalidContent as error:
        print(report(error.problems))
        print(f"\n{summary(error.problems)} Bitte korrigieren Sie zuerst die Einträge "
              "(„wegweiser validate“ zeigt alles).", file=sys.stderr)
        return commands.PROBLEMS
    except SettingsError as error:
        print(str(error), file=sys.stderr)
        return commands.USAGE


if __name__ == "__main__":
    sys.exit(main())
