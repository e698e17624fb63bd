"""Provider files an earlier build has read and found without a problem, kept by content.

Reading a file (the strict YAML reader) and checking it alone (JSON Schema, hidden
characters, plausible values) cost milliseconds per file, most of a build of a large
directory, and ``mkdocs serve`` repeated them for every file on every change. A file whose
bytes were read and passed before, under the same checks, is not read or checked again:

- the document is kept under the SHA-256 of the file's bytes, in cache files named after
  Wegweiser's own code and the Python version (another code reads differently), sixteen of
  them by the hash's first digit: a rebuild after one changed file writes one or two, not
  all (17 MB at 10,000 offerings);
- that it passed is kept under the bytes' hash and everything its checks depend on besides
  the file: the code, the schemas and vocabularies, and the ids of every record (an offering
  may name a network; a changed list of ids checks every file again).

Only files without any problem are kept, so a message is never lost; the checks across
files (rules, the dates measured against today) run on every build. The cache lives in the
build's cache folder (``build_cache``): a missing or broken cache costs time, never a
different result. ``marshal`` keeps it fast and loads only data, never code.
"""
from __future__ import annotations

import functools
import hashlib
import marshal
import sys
from pathlib import Path

import jsonschema
import yaml

from . import build_cache
from .kinds import Kind
from .yamlsafe import Document

PACKAGE = Path(__file__).resolve().parent
SHARDS = "0123456789abcdef"  # the first digit of a document's key: which cache file holds it


@functools.lru_cache(maxsize=1)
def code_state() -> str:
    """What reading and checking depend on besides the files: every file of this package
    (code, the template whose example values are refused), Python, libyaml and the version
    of every installed package (the parser, the schema checker and its format checks)."""
    digest = hashlib.sha256(f"{sys.version}\0{getattr(yaml, '__with_libyaml__', False)}\0".encode())
    for source in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(source.relative_to(PACKAGE).as_posix().encode() + b"\0" + source.read_bytes())
    # The installed packages' versions, as the names of their metadata folders say them (reading
    # every package's metadata took a quarter of a second).
    installed = sorted(p.name for folder in {Path(yaml.__file__).parents[1], Path(jsonschema.__file__).parents[1]}
                       for p in folder.glob("*.dist-info"))
    digest.update("\0".join(installed).encode())
    return digest.hexdigest()[:16]


def folder_state(folder: Path) -> str:
    """The content of every file in a folder (the schemas and vocabularies), as a short key."""
    digest = hashlib.sha256()
    for file in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(file.relative_to(folder).as_posix().encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()[:16]


def content_key(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


class CheckedFiles:
    """The documents read before and the files that passed their checks, for one build."""

    # Within one process (mkdocs serve) the cache is read from disk once, not on every change.
    _in_memory: dict[str, tuple[dict[str, object], dict[str, frozenset[str]]]] = {}

    def __init__(self, schema_state: str):
        self._documents_names = {shard: f"dokumente-{code_state()}-{shard}.marshal" for shard in SHARDS}
        self._passed_name = f"geprueft-{code_state()}-{schema_state}.marshal"
        self._documents, self._passed_before = self._read()
        self._documents_before = frozenset(self._documents)  # as the cache files hold them
        self._passed_now: set[str] = set()
        self._keys: dict[Path, str] = {}
        self.ids = ""  # the key of every record's id (ids_key), once all files are read

    def _read(self) -> tuple[dict[str, object], dict[str, frozenset[str]]]:
        if self._passed_name in self._in_memory:  # copies: a failing build adds to them, the memory keeps
            documents, passed = self._in_memory[self._passed_name]  # only what a whole build passed
            return dict(documents), dict(passed)
        documents: dict[str, object] = {}
        for name in self._documents_names.values():
            documents.update(_unmarshal(name))
        return documents, _unmarshal(self._passed_name)

    def document(self, path: Path, raw: bytes) -> Document | None:
        """The file read before, if these bytes were read and passed once."""
        key = self._keys[path] = content_key(raw)
        if key not in self._documents:
            return None
        data, positions, key_positions = self._documents[key]
        return Document(path, data, positions, key_positions, shallow=True)

    def remember_parsed(self, document: Document) -> None:
        """A document read now (kept once it has passed its checks)."""
        key = self._keys.get(document.path)
        if key is not None and key not in self._documents:
            self._documents[key] = (document.data, *document.first_levels())

    def key_of(self, document: Document) -> str | None:
        """The SHA-256 of the bytes this build read the document from (``content_key``)."""
        return self._keys.get(document.path)

    def passed_before(self, kind: Kind, document: Document) -> bool:
        """Whether this file's bytes passed the checks of its kind with the ids of all records
        as they are now (``ids``, set once every file is read)."""
        return self._pass_key(kind, document) in self._passed_before.get(self.ids, ())

    def passed(self, kind: Kind, document: Document) -> None:
        if document.path in self._keys:
            self._passed_now.add(self._pass_key(kind, document))

    def _pass_key(self, kind: Kind, document: Document) -> str:
        return f"{kind.folder}:{self._keys.get(document.path)}"  # a file moved to another folder: another schema

    def save(self) -> None:
        """Keeps what passed in this build; only when every file passed (``prepare`` raises
        otherwise), so that a file whose check depends on another is never kept half-checked."""
        if not self._passed_now:
            return
        passed = {self.ids: frozenset(self._passed_now)}  # an older list of ids is of no use again
        kept = {key.partition(":")[2] for key in self._passed_now}
        documents = {key: self._documents[key] for key in kept if key in self._documents}
        self._in_memory.clear()
        self._in_memory[self._passed_name] = (documents, passed)
        for shard in sorted({key[0] for key in self._documents_before.symmetric_difference(documents)}):
            build_cache.write(self._documents_names[shard],
                              marshal.dumps({key: value for key, value in documents.items() if key[0] == shard}))
        if passed != self._passed_before:
            build_cache.write(self._passed_name, marshal.dumps(passed))


def ids_key(known_ids: dict[str, frozenset[str]]) -> str:
    """The ids of every record, by folder, exactly as the checks of one file see them."""
    digest = hashlib.sha256()
    for folder in sorted(known_ids):
        digest.update(folder.encode() + b"\0" + "\0".join(sorted(known_ids[folder])).encode() + b"\1")
    return digest.hexdigest()[:16]


def _unmarshal(name: str) -> dict:
    raw = build_cache.read(name)
    try:
        found = marshal.loads(raw) if raw else {}
    except (EOFError, ValueError, TypeError):
        return {}  # broken or from another Python: read and check again
    return found if isinstance(found, dict) else {}
