"""The pipeline: load -> validate -> geocode -> render, behind two entry points.

``prepare()`` loads, checks and locates the directory and raises one ``InvalidContent``
with every problem of every file, so a provider sees everything that is wrong at once.
``build()`` renders a prepared directory into the site's pages, maps and search files.
The MkDocs plugin and every command call these two and nothing else of the stages, and
nothing is written anywhere before both have succeeded: a broken record never yields a
half-built site.
"""
from __future__ import annotations

import dataclasses
import functools
import gc
from dataclasses import dataclass
from pathlib import Path

from . import (characters, content, field_docs, forked, freshness, geocache, geocode, legal, open_data,
               plausibility, prepared_before, rules, schema, synonyms, vocab, yamlsafe)
from .checked_files import CheckedFiles, folder_state, ids_key
from .kinds import Kind
from .problems import Problem, display_path, summary
from .records import OFFERING_TERMS
from .directory import Directory
from .render import VOCABULARIES, Additions, Site, render_site
from .render.urls import RESERVED_IDS
from .render.pages import ContributionLinks
from .render.reuse import Reuses
from .render.search_index import facet_keys
from .settings import Settings, SettingsError
from .vocab import Vocabulary


@dataclass(frozen=True)
class Sources:
    """Where the directory comes from: the records, the schemas and the vocabularies."""

    content_dir: Path
    schema_dir: Path
    geocache_file: Path | None = None  # default: geocache.json in the content folder

    @classmethod
    def of(cls, settings: Settings) -> "Sources":
        return cls(settings.path(settings.content), settings.path(settings.schemas), settings.geocache_file)

    @property
    def vocabulary_dir(self) -> Path:
        return self.schema_dir / "vokabulare"

    @property
    def geocache(self) -> Path:
        return self.geocache_file or self.content_dir / content.GEOCACHE_NAME


# The schemas every directory is checked with: one per kind of record, and their helpers.
SCHEMA_NAMES = tuple(kind.schema for kind in Kind) + ("common", "geocache", "vokabular", vocab.SYNONYMS)


# What the latest prepare made, for the next one in this process (mkdocs serve's rebuilds).
EARLIER = prepared_before.PreparedBefore()


class InvalidContent(Exception):
    """The records (or the cache, or the schemas) have problems; ``problems`` lists them all."""

    def __init__(self, problems):
        self.problems: tuple[Problem, ...] = tuple(sorted(set(problems)))
        super().__init__(summary(self.problems))


@dataclass(frozen=True)
class Prepared:
    """A checked and located directory, with what the later stages and commands need."""

    directory: Directory  # every address located, offline
    located: geocode.LocatingReport
    sources: Sources
    vocabularies: dict[str, Vocabulary]
    geocache: dict[str, geocache.CacheEntry]
    schemas: schema.SchemaSet
    documents: dict[Kind, list[yamlsafe.Document]]  # for real examples in the documentation
    synonyms: tuple[synonyms.Synonym, ...] = ()  # the search's everyday words (vokabulare/synonyme.yml)


def prepare(sources: Sources) -> Prepared:
    """Load, validate and locate; raises ``InvalidContent`` with every problem found."""
    # Python's cycle collector walks every live object again each time enough new ones were
    # made; a large directory makes millions of values that live to the end of the build, so
    # it walked them over and over (half of this stage at 10,000 offerings). Little garbage
    # here has cycles; what has is collected once the collector is back.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _prepare(sources)
    finally:
        if collecting:
            gc.enable()


def _prepare(sources: Sources) -> Prepared:
    # Links are refused before anything is read: they could lead outside the repository.
    links = content.symlinks_under(sources.schema_dir)
    if sources.geocache.is_symlink():
        links += content.symlinks_under(sources.geocache)
    if links:
        raise InvalidContent(links)
    if not sources.schema_dir.is_dir():  # a wrong setting, not a wrong record
        raise SettingsError(f"{display_path(sources.schema_dir)}: Der Ordner mit den Schemas fehlt. "
                            "Prüfen Sie „schemas“ in mkdocs.yml (oder --schemas). Gibt es hier keine mkdocs.yml, "
                            "rufen Sie „wegweiser“ im Ordner des Verzeichnisses auf (dort, wo mkdocs.yml liegt).")
    missing = [sources.schema_dir / f"{name}.schema.json" for name in SCHEMA_NAMES
               if not (sources.schema_dir / f"{name}.schema.json").is_file()]
    if missing:
        raise InvalidContent([Problem(display_path(path), 1, 1, "", (
            "Diese Schema-Datei fehlt. Prüfen Sie „schemas“ in mkdocs.yml (oder --schemas); "
            "die Schemas liegen im Ordner schemas/ des Repositorys.")) for path in missing])
    schemas, vocabularies, search_synonyms, vocabulary_problems = _schemas_and_vocabularies(
        sources.schema_dir, _fingerprint(sources.schema_dir), display_path(sources.schema_dir))
    problems = list(vocabulary_problems)
    problems += [Problem(display_path(sources.vocabulary_dir / f"{name}.yml"), 1, 1, "", (
        "Dieses Vokabular fehlt, die Seite braucht es (für Filter, Listen oder Bezeichnungen). "
        "Bitte stellen Sie die Datei aus git wieder her."))
        for name in sorted(VOCABULARIES - set(vocabularies))
        if not (sources.vocabulary_dir / f"{name}.yml").exists()]  # a broken file has its own problems
    files, found = content.record_files(sources.content_dir, sources.geocache)
    problems += found
    cached, cache_problems = EARLIER.geocache(sources.geocache, schemas)
    problems += cache_problems
    checked = CheckedFiles(folder_state(sources.schema_dir))
    documents, load_problems = _load(files, checked)
    problems += load_problems + _validate(documents, schemas, vocabularies, search_synonyms, checked)
    if problems:
        raise InvalidContent(problems)
    checked.save()
    directory = Directory.of(EARLIER.records(documents, checked.key_of))
    located_directory, located = EARLIER.locate(directory, cached)
    return Prepared(located_directory, located, sources, vocabularies, cached, schemas, documents, search_synonyms)


def vocabularies_of(sources: Sources) -> dict[str, Vocabulary]:
    """The vocabularies, without checking any record (``wegweiser import`` maps terms)."""
    if not sources.schema_dir.is_dir():
        raise SettingsError(f"{display_path(sources.schema_dir)}: Der Ordner mit den Schemas fehlt. "
                            "Prüfen Sie „schemas“ in mkdocs.yml (oder --schemas).")
    return _schemas_and_vocabularies(sources.schema_dir, _fingerprint(sources.schema_dir),
                                     display_path(sources.schema_dir))[1]


def problems_with(sources: Sources, added: list[yamlsafe.Document]) -> list[Problem]:
    """What ``prepare`` would report once the provider files ``added`` were written (in
    place of files at their paths): every problem of every record, checked together.
    ``wegweiser import`` checks its records so before it writes them."""
    vocabularies_of(sources)  # the folder is there
    schemas, vocabularies, _, vocabulary_problems = _schemas_and_vocabularies(
        sources.schema_dir, _fingerprint(sources.schema_dir), display_path(sources.schema_dir))
    files, problems = content.record_files(sources.content_dir, sources.geocache)
    replaced = {document.path.resolve() for document in added}
    files = {kind: [path for path in paths if path.resolve().with_suffix("") not in
                    {p.with_suffix("") for p in replaced}] for kind, paths in files.items()}
    documents, load_problems = _load(files)
    documents.setdefault(Kind.ORGANISATIONS, []).extend(added)
    return [*vocabulary_problems, *problems, *load_problems, *_validate(documents, schemas, vocabularies)]


def _fingerprint(folder: Path) -> tuple:
    """What changes when any schema or vocabulary file changes."""
    return tuple(sorted((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in folder.rglob("*") if p.is_file()))


@functools.lru_cache(maxsize=4)
def _schemas_and_vocabularies(schema_dir: Path, _state: tuple, _shown_as: str):
    """Schemas and checked vocabularies, read again only when a file of them changed
    (``mkdocs serve`` rebuilds, and every command, reuse them). The last two arguments are
    only the cache's key: the files' state, and the folder as problems show it from here."""
    schemas = schema.SchemaSet.load(schema_dir)
    vocabularies, problems = vocab.load_vocabularies(schema_dir / "vokabulare", schemas, RESERVED_IDS,
                                                       frozenset(OFFERING_TERMS))
    found, synonym_problems = synonyms.load_synonyms(schema_dir / "vokabulare", schemas, vocabularies,
                                                     frozenset(facet_keys()))
    return schemas, vocabularies, found, tuple(problems + synonym_problems)


def _load(files: dict[Kind, list[Path]], checked: CheckedFiles | None = None
          ) -> tuple[dict[Kind, list[yamlsafe.Document]], list[Problem]]:
    """Every file read; those read and passed before taken from the cache, the others parsed
    on every core."""
    paths = [(kind, path) for kind, kind_paths in files.items() for path in kind_paths]
    read = [yamlsafe.read(path) for _, path in paths]  # (bytes or None, why not)
    cached = [checked.document(path, raw) if checked and raw is not None else None
              for (_, path), (raw, _) in zip(paths, read, strict=True)]
    new = [index for index, (raw, _) in enumerate(read) if raw is not None and cached[index] is None]
    parsed = dict(zip(new, forked.each(lambda index: yamlsafe.load(paths[index][1], read[index][0]), new),
                      strict=True))
    documents: dict[Kind, list[yamlsafe.Document]] = {kind: [] for kind in files}
    problems: list[Problem] = []
    for index, (kind, _) in enumerate(paths):
        if cached[index] is not None:
            document, load_problems = cached[index], []
        else:
            document, load_problems = parsed.get(index, (None, read[index][1]))
            if checked and document is not None:
                checked.remember_parsed(document)
        if document is None:  # not read: its content is checked once these are mended
            load_problems = [dataclasses.replace(p, blocks_checks=True) for p in load_problems]
        problems += load_problems
        if document is not None:
            documents[kind].append(document)
    return documents, problems


def _validate(documents: dict[Kind, list[yamlsafe.Document]], schemas: schema.SchemaSet,
              vocabularies: dict[str, Vocabulary], search_synonyms: tuple[synonyms.Synonym, ...] = (),
              checked: CheckedFiles | None = None) -> list[Problem]:
    """Each file alone (unless its bytes passed before), on every core: hidden characters,
    JSON Schema, plausible values; then the rules across files and the dates measured
    against today."""
    known_ids = {
        kind.folder: frozenset(d.data.get("id") for d in docs
                               if isinstance(d.data, dict) and isinstance(d.data.get("id"), str))
        for kind, docs in documents.items()
    }
    checking = schemas.with_context(vocabularies, known_ids, RESERVED_IDS, search_synonyms)
    validators = {kind: checking.validator(kind.schema) for kind in documents}
    examples = plausibility.template_values()
    if checked:
        checked.ids = ids_key(known_ids)

    def alone(index: int) -> list[Problem]:
        kind, document = unchecked[index]  # inherited by a forked child, not sent to it
        hidden = characters.problems(document)
        named = {(p.path, p.field) for p in hidden}  # the invisible character is the mistake there
        found = hidden + [p for p in schema.validate(document, validators[kind]) if (p.path, p.field) not in named]
        return found + (plausibility.in_file(document, examples) if isinstance(document.data, dict) else [])

    unchecked: list[tuple[Kind, yamlsafe.Document]] = []
    for kind, docs in documents.items():
        for document in docs:
            if checked and checked.passed_before(kind, document):
                checked.passed(kind, document)  # passes again, kept for the next build
            else:
                unchecked.append((kind, document))
    problems: list[Problem] = []
    for (kind, document), found in zip(unchecked, forked.each(alone, range(len(unchecked))), strict=True):
        problems += found
        if checked and not found:
            checked.passed(kind, document)
    records = {kind: [d for d in docs if isinstance(d.data, dict)] for kind, docs in documents.items()}
    today = freshness.today()
    in_files = [document for docs in records.values() for document in docs]
    return problems + rules.check(records) + (
        EARLIER.future_checks(in_files, today, checked.key_of) if checked else
        [problem for document in in_files for problem in plausibility.future_checks(document, today)])


def _confidential_cache_entries(prepared: Prepared) -> list[Problem]:
    """The old street of a now confidential address may still stand in the committed cache.
    The build writes nothing outside site/, so it stops and says how to remove it."""
    path = prepared.sources.geocache
    lines = path.read_text(encoding="utf-8").splitlines() if prepared.located.confidential_keys else []
    return [Problem(display_path(path), next((n for n, line in enumerate(lines, 1) if f'"{key}"' in line), 1), 1,
                    "eintraege", (
        "Dieser veraltete Eintrag liegt am Ort einer vertraulichen Anschrift und enthält vielleicht "
        "ihre frühere Straße. Die Seite wird erst gebaut, wenn er entfernt ist: "
        "wegweiser geocode --aufraeumen"))
        for key in prepared.located.confidential_keys]


def check_buildable(prepared: Prepared, settings: Settings) -> None:
    """Raises what would stop the build in every language: the plugin asks before the
    languages' builds start, so that none of them reports it again."""
    problems = _confidential_cache_entries(prepared)
    if problems:
        raise InvalidContent(problems)
    _limits(settings)
    legal.own_texts(settings)  # the operator's own legal texts: a wrong file stops the build here


def _limits(settings: Settings) -> freshness.Limits:
    try:
        return freshness.Limits.from_config(settings.stale_after, settings.hide_after)
    except ValueError as error:
        raise SettingsError(f"wegweiser: stale_after/hide_after: {error}") from error


def open_data_files(prepared: Prepared, settings: Settings) -> tuple[open_data.DataFile, ...]:
    """The open data files of a prepared directory (the same for every language's site)."""
    return open_data.data_files(prepared.directory, prepared.vocabularies, settings, _limits(settings))


def build(prepared: Prepared, settings: Settings, language: str = "de",
          data_files: tuple[open_data.DataFile, ...] | None = None, reuse: Reuses | None = None) -> Site:
    """Pages, maps and search files of a prepared directory, in one language; with the open
    data files (made here unless a build in another language already made them); ``reuse``
    keeps pages between the builds of ``wegweiser serve``."""
    check_buildable(prepared, settings)
    limits = _limits(settings)
    provider_docs = field_docs.documentation(
        prepared.schemas, prepared.vocabularies, field_docs.examples_from(prepared.documents))
    links = ContributionLinks(settings.repository, settings.editorial_email, settings.site_url)
    if data_files is None:
        data_files = open_data_files(prepared, settings)
    return render_site(prepared.directory, prepared.vocabularies, settings, limits, language,
                       Additions(provider_docs, links, prepared.synonyms, data_files), reuse)
