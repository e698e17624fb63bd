"""The pipeline: load -> validate -> geocode -> render.

Every stage gathers all problems before anything is written (as mkdocs' build does), so a
provider sees everything that is wrong at once and a broken record never yields a
half-built site.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import content, from_yaml, geocache, geocode, rules, schema, vocab, yamlsafe
from .problems import Problem
from .records import Directory, Source
from .vocab import Vocabulary

PACKAGE_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Sources:
    """Where the directory comes from: the records, the schemas and the vocabularies."""

    content_dir: Path
    schema_dir: Path
    geocache_file: Path | None = None  # default: geocache.json in the content folder

    @property
    def vocabulary_dir(self) -> Path:
        return self.schema_dir / "vokabulare"

    @property
    def geocache(self) -> Path:
        return self.geocache_file or self.content_dir / "geocache.json"


@dataclass(frozen=True)
class Loaded:
    directory: Directory | None
    vocabularies: dict[str, Vocabulary]
    problems: tuple[Problem, ...]
    geocache: dict[str, geocache.CacheEntry] = field(default_factory=dict)
    schemas: schema.SchemaSet | None = None
    documents: dict[str, list[yamlsafe.Document]] | None = None  # for examples in the documentation

    @property
    def ok(self) -> bool:
        return not self.problems


def load_and_validate(sources: Sources) -> Loaded:
    # Links are refused before anything is read: they could lead outside the repository.
    links = content.symlinks_under(sources.schema_dir)
    if sources.geocache.is_symlink():
        links += content.symlinks_under(sources.geocache)
    if links:
        return Loaded(None, {}, tuple(sorted(set(links))))
    schemas = schema.SchemaSet.load(sources.schema_dir)
    vocabularies, problems = vocab.load_vocabularies(sources.vocabulary_dir, schemas)
    files, found = content.record_files(sources.content_dir, sources.geocache)
    problems += found
    cached, cache_problems = geocache.load(sources.geocache, schemas)
    problems += cache_problems

    documents: dict[str, list[yamlsafe.Document]] = {kind: [] for kind in files}
    for kind, paths in files.items():
        for path in paths:
            document, load_problems = yamlsafe.load(path)
            problems += load_problems
            if document is not None:
                documents[kind].append(document)

    known_ids = {
        kind: frozenset(d.data.get("id") for d in docs
                        if isinstance(d.data, dict) and isinstance(d.data.get("id"), str))
        for kind, docs in documents.items()
    }
    checking = schemas.with_context(vocabularies, known_ids)
    for kind, docs in documents.items():
        validator = checking.validator(content.KINDS[kind])
        for document in docs:
            problems += schema.validate(document, validator)
    problems += rules.check({
        kind: [d for d in docs if isinstance(d.data, dict)] for kind, docs in documents.items()
    })
    if problems:
        return Loaded(None, vocabularies, tuple(sorted(set(problems))), cached, schemas, documents)
    return Loaded(build_directory(documents), vocabularies, (), cached, schemas, documents)


def build_directory(documents: dict[str, list[yamlsafe.Document]]) -> Directory:
    def source(doc):
        return Source(doc.path, 1)

    built = {
        kind: tuple(from_yaml.BUILDERS[kind](doc.data, source(doc)) for doc in documents[kind])
        for kind in from_yaml.BUILDERS
    }
    organisations = tuple(
        from_yaml.organisation(doc.data, source(doc), lambda path, doc=doc: doc.position(path)[0])
        for doc in documents["traeger"]
    )
    return Directory(
        regions=built["regionen"], networks=built["netzwerke"],
        organisations=organisations, events=built["termine"],
    )


def locate(loaded: Loaded) -> tuple[Directory, geocode.LocatingReport]:
    """Coordinates for every address, offline: record > cache > gazetteer."""
    return geocode.locate(loaded.directory, loaded.geocache)


def render(loaded: Loaded, directory: Directory, map_settings=None, limits=None, links=None):
    """Pages, maps and the search index of a located directory."""
    from . import field_docs
    from .pages import render_site

    provider_docs = field_docs.documentation(loaded.schemas, loaded.vocabularies,
                                             field_docs.examples_from(directory, loaded.documents or {}))
    return render_site(directory, loaded.vocabularies, map_settings, geocode.search_places(directory), limits,
                       provider_docs, links)
