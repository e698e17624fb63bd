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
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import commands, freshness, pipeline
from .form_reading import ANSWERS, FIELDS, FROM_FORM, LABELS, Form, Proposal, propose, read_form
from .form_texts import comment, pull_request
from .markup import code_span
from .problems import field_keys
from .schema_messages import MAX_QUOTE
from .settings import SettingsError

# A field of the file as the validator's sentences name it: „plz“, or with a value „land: CZ“,
# after an instruction to write it or not.
FILE_FIELD = re.compile(r"(?:(?P<verb>ergänzen|schreiben) Sie )?„(?P<key>[a-z_]+)(?:: (?P<value>[^„“:]+))?“")


@dataclass
class FormResult:
    proposal: Proposal | None = None
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _section(keys: list[str]) -> str:
    """The section of the written file a field is in: an offering, an address, or "" (the provider)."""
    return keys[0] if keys and keys[0] in ("angebote", "adressen") else ""


def _form_field(keys: list[str]) -> str:
    return FROM_FORM[_section(keys)].get(keys[-1], "") if keys else ""


def _in_form(match: re.Match, section: str) -> str:
    verb, key, value = match.group("verb"), match.group("key"), match.group("value")
    form_field = FROM_FORM[section].get(key)
    if form_field is None or (value is not None and (section, key, value) not in ANSWERS):
        return match.group()
    label = LABELS[form_field]
    if value is None:
        return f"{verb} Sie „{label}“" if verb else f"„{label}“"
    answer, word = ANSWERS[section, key, value]
    if FIELDS[form_field].kind == "dropdown":
        return f"wählen Sie unter „{label}“ „{answer}“" if verb else f"„{answer}“ unter „{label}“"
    return f"kreuzen Sie „{word}“ an" if verb else f"„{word}“"


def in_form_words(message: str, keys: list[str], answers: Iterable[str] = ()) -> str:
    """A validator's message for the field at ``keys``, with every field of the file it
    names said as the form asks for it: „land: CZ“ is „Tschechien“ under „Land“. A value
    the person typed, quoted in the message, stays as typed."""
    kept: list[str] = []

    def keep(match: re.Match) -> str:
        kept.append(match.group())
        return f"\x00{len(kept) - 1}\x00"  # no message holds this character (problems.visible)

    typed = {f"„{a}“" if len(a) <= MAX_QUOTE else f"„{a[:MAX_QUOTE]}…“" for a in answers if a}
    if typed:
        message = re.sub("|".join(map(re.escape, sorted(typed, key=len, reverse=True))), keep, message)
    message = FILE_FIELD.sub(lambda match: _in_form(match, _section(keys)), message)
    return re.sub(r"\x00(\d+)\x00", lambda match: kept[int(match.group(1))], message)


def problems_in_copy(proposal: Proposal, content_dir: Path, schema_dir: Path, reported: set[str],
                     answers: Iterable[str] = ()) -> list[str]:
    """Validate the directory as it would be with the written file; messages by form label
    and in the form's words, leaving out fields the person is already asked to fill in
    (they hold placeholders)."""
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
        keys = field_keys(problem.field)
        form_field = _form_field(keys)
        if form_field in reported or (proposal.placeholder_organisation and form_field in FROM_FORM[""].values()):
            continue
        label = LABELS.get(form_field)
        where = f"„{label}“" if label else "Eintrag"
        # The pipeline's messages quote the submitted values, so each is shown as code as a whole.
        messages.append(f"{where}: {code_span(in_form_words(problem.message, keys, answers))}")
    return list(dict.fromkeys(messages))


def build(body: str, prepared: pipeline.Prepared, content_dir: Path, schema_dir: Path, today: dt.date) -> FormResult:
    """Everything the form says, in one pass: the proposal, every problem and every note."""
    form: Form = read_form(body, prepared)
    proposal = propose(form, prepared, content_dir, today)
    result = FormResult(proposal, [message for _, message in form.problems], form.notes + proposal.notes)
    if proposal.text:
        reported = {field_id for field_id, _ in form.problems}
        result.problems += problems_in_copy(proposal, content_dir, schema_dir, reported, form.value.values())
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
