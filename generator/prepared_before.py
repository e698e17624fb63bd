"""What a prepare takes over from the prepare before it in the same process, by content.

``mkdocs serve`` prepares the whole directory again on every change of a provider file.
Reading and checking a file whose bytes passed before is skipped already (checked_files);
the steps after it are skipped here for every file whose bytes did not change:

- the geocode cache as read and checked (geocache.load): the same bytes, the same schemas;
- the record made of a file (from_yaml): the same kind, path (the record names it) and
  bytes (their SHA-256) give the very same record object;
- the located record (geocode): the same record object and the same geocode cache entries
  for its addresses give the very same located object, so that a later stage can keep
  what it made of a record by its identity;
- that a file has no date of a last check in the future: the same bytes and the same day.

Each keeps only what the latest prepare used, so a server running for hours does not
grow. A problem is never kept: a file with a problem is checked again on every prepare.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable, Iterable, Mapping

from . import from_yaml, geocache, geocode, plausibility
from .checked_files import content_key
from .directory import Directory
from .geocache import CacheEntry
from .kinds import Kind
from .problems import Problem
from .schema import SchemaSet
from .yamlsafe import Document

KeyOf = Callable[[Document], "str | None"]  # the SHA-256 of a document's bytes (CheckedFiles.key_of)


class PreparedBefore:
    """The records, located records and future-date checks of the latest prepare."""

    def __init__(self) -> None:
        self._geocache: tuple[Path, str, SchemaSet, dict[str, CacheEntry]] | None = None  # and its bytes' key
        self._records: dict[tuple[Kind, Path, str], object] = {}
        self._located: dict[int, geocode.LocatedRecord] = {}  # by the id of their (kept) record
        self._present: set[tuple[str, dt.date]] = set()  # files without a date in the future, on a day

    def geocache(self, path: Path, schemas: SchemaSet) -> tuple[dict[str, CacheEntry], list[Problem]]:
        """``geocache.load``: the same entries again while the file's bytes and the schemas
        are the same (checking a thousand entries against the schema takes a tenth of a second)."""
        try:
            content = content_key(path.read_bytes())
        except OSError:
            content = ""  # missing, or unreadable: load says which
        last = self._geocache
        if content and last is not None and last[:2] == (path, content) and last[2] is schemas:
            return dict(last[3]), []  # a copy: the caller may change its own
        entries, problems = geocache.load(path, schemas)
        self._geocache = (path, content, schemas, entries) if content and not problems else None
        return entries, problems

    def records(self, documents: Mapping[Kind, Iterable[Document]], key_of: KeyOf) -> dict[Kind, list]:
        """The record of every document, as ``from_yaml.record`` makes it."""
        kept: dict[tuple[Kind, Path, str], object] = {}
        records: dict[Kind, list] = {}
        for kind, docs in documents.items():
            records[kind] = []
            for document in docs:
                content = key_of(document)
                key = (kind, document.path, content or "")
                record = self._records.get(key) if content else None
                if record is None:
                    record = from_yaml.record(kind, document)
                if content:
                    kept[key] = record
                records[kind].append(record)
        self._records = kept
        return records

    def locate(self, directory: Directory, cache: Mapping[str, CacheEntry]
               ) -> tuple[Directory, geocode.LocatingReport]:
        """``geocode.locate``, taking over every record located before whose cache entries
        are unchanged."""
        located, report = geocode.locate(directory, cache, earlier=self._located)
        self._located = {id(record.record): record for record in report.records}
        return located, report

    def future_checks(self, documents: Iterable[Document], today: dt.date, key_of: KeyOf) -> list[Problem]:
        """``plausibility.future_checks`` of every document."""
        problems: list[Problem] = []
        present: set[tuple[str, dt.date]] = set()
        for document in documents:
            key = (key_of(document) or "", today)
            if key in self._present:
                present.add(key)
                continue
            found = plausibility.future_checks(document, today)
            problems += found
            if key[0] and not found:
                present.add(key)
        self._present = present
        return problems
