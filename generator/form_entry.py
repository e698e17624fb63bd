"""``wegweiser formular``: a submitted "Neues Angebot eintragen" issue form becomes an
addition to a provider file, or one answer that says, in plain German, everything that is
missing.

The result is checked by the same pipeline as every pull request, in a copy of the
content folder, so nothing is written unless the whole directory stays valid. Answers the
form lacks are filled with placeholders for that check, so one comment names every
problem at once. Whatever in the answers may come from the submitted text is inline code,
so it can mention, reference or link no one.
"""
from __future__ import annotations

import datetime as dt
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import commands, freshness, pipeline
from .form_reading import LABELS, Form, Proposal, propose, read_form
from .form_texts import comment, pull_request
from .markup import code_span
from .problems import field_keys
from .settings import SettingsError

# Where a problem in the written file came from in the form, by the key it was found at.
OFFERING_FIELDS = {"name": "angebot_name", "beschreibung": "beschreibung", "leichte_sprache": "leichte_sprache",
                   "themen": "themen", "zielgruppen": "zielgruppen", "kosten": "kosten", "zugang": "zugang",
                   "sprachen": "sprachen", "barrierefreiheit": "barrierefreiheit", "telefon": "telefon",
                   "email": "email", "webseite": "webseite", "rolle": "kontakt_rolle", "regionen": "regionen",
                   "sprechzeiten_hinweis": "sprechzeiten", "orte": "ort", "online": "wo", "aufsuchend": "wo"}
ADDRESS_FIELDS = {"strasse": "strasse", "plz": "plz", "ort": "ort", "land": "land", "vertraulich": "wo"}
ORGANISATION_FIELDS = {"name": "traeger_name", "art": "traeger_art"}
# The validator speaks of file keys; the form has its own words for them.
IN_FORM_WORDS = {"ergänzen Sie „land: CZ“": "wählen Sie unter „Land“ „Tschechien“",
                 "„aufsuchend: ja“": "„aufsuchend“", "„online: ja“": "„online“"}


@dataclass
class FormResult:
    proposal: Proposal | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _form_field(problem_field: str) -> str:
    names = field_keys(problem_field)
    if not names:
        return ""
    table = (OFFERING_FIELDS if names[0] == "angebote" else ADDRESS_FIELDS if names[0] == "adressen"
             else ORGANISATION_FIELDS)
    return table.get(names[-1], "")


def problems_in_copy(proposal: Proposal, content_dir: Path, schema_dir: Path, reported: set[str]) -> list[str]:
    """Validate the directory as it would be with the written file; messages by form label,
    leaving out fields the person is already asked to fill in (they hold placeholders)."""
    with tempfile.TemporaryDirectory() as temporary:
        copy = Path(temporary) / "content"
        shutil.copytree(content_dir, copy)
        (copy / proposal.path).write_text(proposal.text, encoding="utf-8")
        try:
            pipeline.prepare(pipeline.Sources(copy, schema_dir))
            return []
        except pipeline.InvalidContent as error:
            problems = error.problems
    messages = []
    for problem in problems:
        form_field = _form_field(problem.field)
        if form_field in reported or (proposal.placeholder_organisation and form_field in ORGANISATION_FIELDS.values()):
            continue
        text = problem.message
        for words, form_words in IN_FORM_WORDS.items():
            text = text.replace(words, form_words)
        label = LABELS.get(form_field)
        where = f"„{label}“" if label else "Eintrag"
        # The pipeline's messages quote the submitted values, so each is shown as code as a whole.
        messages.append(f"{where}: {code_span(text)}")
    return list(dict.fromkeys(messages))


def build(body: str, prepared: pipeline.Prepared, content_dir: Path, schema_dir: Path, today: dt.date) -> FormResult:
    """Everything the form says, in one pass: the proposal, every problem and every note."""
    form: Form = read_form(body, prepared)
    proposal = propose(form, prepared, content_dir, today)
    result = FormResult(proposal, [message for _, message in form.problems], form.notes + proposal.notes)
    if proposal.text:
        reported = {field_id for field_id, _ in form.problems}
        result.problems += problems_in_copy(proposal, content_dir, schema_dir, reported)
    result.problems += proposal.problems
    return result


def _body(path: Path) -> str:
    """The issue's text; a file that is not there or not text is wrong use (exit code 2)."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SettingsError(f"{path}: Datei nicht gefunden.") from None
    except (OSError, UnicodeDecodeError) as error:
        reason = "sie ist nicht in UTF-8 gespeichert" if isinstance(error, UnicodeDecodeError) else error.strerror
        raise SettingsError(f"{path}: Die Datei lässt sich nicht lesen ({reason}).") from None


def run(args) -> int:
    sources = commands.sources_of(args)
    content_dir = sources.content_dir
    body = _body(Path(args.body_file))
    try:
        today = dt.date.fromisoformat(args.today) if args.today else freshness.today()
    except ValueError:
        raise SettingsError(f"--heute {args.today}: Bitte geben Sie ein Datum wie 2026-12-01 an.") from None
    prepared = pipeline.prepare(sources)
    result = build(body, prepared, content_dir, sources.schema_dir, today)
    text = comment(result.problems, result.notes, result.proposal)
    if args.comment_file:
        Path(args.comment_file).write_text(text, encoding="utf-8")
    else:  # standard output carries the result's JSON when the form is accepted
        print(text, file=sys.stdout if result.problems else sys.stderr)
    if result.problems:
        return commands.PROBLEMS
    proposal = result.proposal
    (content_dir / proposal.path).write_text(proposal.text, encoding="utf-8")
    title, description = pull_request(proposal, result.notes)
    if args.title_file:
        Path(args.title_file).write_text(title + "\n", encoding="utf-8")
    if args.description_file:
        Path(args.description_file).write_text(description, encoding="utf-8")
    print(json.dumps({"datei": str(content_dir / proposal.path), "angebot": proposal.offering_id,
                      "neuer_traeger": proposal.new_organisation}, ensure_ascii=False))
    return commands.OK


def add_parser(commands) -> None:
    parser = commands.add_parser("formular", help="ein ausgefülltes Formular „Neues Angebot“ in eine Datei umwandeln")
    parser.add_argument("body_file", metavar="TEXTDATEI", help="der Text des Issues (Markdown)")
    parser.add_argument("--kommentar", dest="comment_file",
                        help="die Antwort an die Person (alle Probleme und Hinweise) in diese Datei schreiben")
    parser.add_argument("--titel", dest="title_file", help="den Titel des Pull Requests in diese Datei schreiben")
    parser.add_argument("--beschreibung", dest="description_file",
                        help="die Beschreibung des Pull Requests (was sich ändert) in diese Datei schreiben")
    parser.add_argument("--heute", dest="today", help="Datum für „zuletzt_geprueft“ (JJJJ-MM-TT)")
    parser.set_defaults(run=run)
