"""Additions to a provider file that leave everything else as the provider wrote it.

A provider file is written and read by people: its comments, quotes, blank lines and
indentation are theirs. The new entries are written by ruamel.yaml in the file's own
indentation and inserted as new lines at the end of their list, so the diff shows added
lines only and every comment stays next to what it describes; a layout the line-wise
insertion does not know is added to by ruamel.yaml's round trip, which keeps comments
and quotes too. Values are always read with the strict loader (yamlsafe), and what is
written is read back with it: the file must hold exactly the old data plus the additions.
"""
from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString, SingleQuotedScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from . import yamlsafe

WIDTH = 4096  # never fold a long line of a person's text
STRING = "tag:yaml.org,2002:str"


class NotWritten(Exception):
    """The file cannot be added to without changing what it already says."""


def _writer(mapping: int = 2, sequence: int = 4, offset: int = 2) -> YAML:
    writer = YAML(typ="rt")
    writer.preserve_quotes = True
    writer.width = WIDTH
    writer.indent(mapping=mapping, sequence=sequence, offset=offset)
    writer.default_flow_style = False
    return writer


def _node(value: Any) -> Any:
    """A new value as ruamel.yaml should write it: texts over several lines as blocks (|),
    and quotes where YAML 1.1 would read a plain value as something other than text
    ("09366", "2026-11-22", "no"), since ruamel.yaml follows YAML 1.2."""
    if isinstance(value, dict):
        return CommentedMap((key, _node(item)) for key, item in value.items())
    if isinstance(value, list):
        return CommentedSeq(_node(item) for item in value)
    if "\n" in value:
        return LiteralScalarString(value)
    if yaml.SafeLoader(value).resolve(yaml.ScalarNode, value, (True, False)) != STRING:
        return SingleQuotedScalarString(value)
    return value


def _house_node(value: Any) -> Any:
    """A value as the example files write it: lists of words inline (``[sucht, schulden]``),
    lists of entries as blocks, texts over several lines as blocks (|), and double quotes
    where YAML 1.1 would read a plain value as something other than text ("09366")."""
    if isinstance(value, dict):
        return CommentedMap((key, _house_node(item)) for key, item in value.items())
    if isinstance(value, list):
        sequence = CommentedSeq(_house_node(item) for item in value)
        if value and not any(isinstance(item, (dict, list)) or "\n" in item for item in value):
            sequence.fa.set_flow_style()
        return sequence
    node = _node(value)
    digits = re.fullmatch(r"[0-9]+|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}:[0-9]{2}", value)
    return DoubleQuotedScalarString(value) if digits or isinstance(node, SingleQuotedScalarString) else node


def house_block(key: str, value: Any) -> str:
    """``key: value`` as ruamel.yaml writes it in the layout of the example files, for a
    file that is put together block by block (``import_records``)."""
    return _dump(_writer(), _house_node({key: value}))


def checked(text: str, expected: Any, path: Path) -> str:
    """``text``, if the strict loader reads exactly ``expected`` from it; else ``NotWritten``."""
    return _checked(text, expected, path)


def _checked(text: str, expected: Any, path: Path) -> str:
    try:
        written = yamlsafe.parse(text, path).data
    except yamlsafe.DocumentError as error:
        raise NotWritten(error.message) from None
    if written != expected:
        raise NotWritten("Der geschriebene Text ergibt andere Werte als erwartet.")
    return text


def _dump(writer: YAML, data: Any) -> str:
    stream = io.StringIO()
    writer.dump(data, stream)
    return stream.getvalue()


def _mapping_indent(text: str) -> int:
    """How far a mapping inside a mapping is indented (ruamel.yaml guesses only lists)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for line, following in zip(lines, lines[1:], strict=False):
        key = re.match(r"( *)(?:- )?[^\s#-][^:#]*:\s*(#.*)?$", line)
        if key and not following.lstrip().startswith("- "):
            depth = len(line) - len(line.lstrip(" -"))
            inner = len(following) - len(following.lstrip(" "))
            if inner > depth:
                return inner - depth
    return 2


def new_file(record: dict, header: str, path: Path) -> str:
    """The text of a new provider file, in the layout of the example files."""
    return _checked(header + _dump(_writer(), _node(record)), record, path)


def _key_line(lines: list[str], key: str) -> int | None:
    return next((n for n, line in enumerate(lines) if re.match(rf"{re.escape(key)}:\s*$", line)), None)


def _content(line: str) -> bool:
    return bool(line.strip()) and not line.lstrip().startswith("#")


def _block_end(lines: list[str], start: int) -> int:
    """Where the block of the top-level key at ``start`` ends: after its last line with
    content, so blank lines and comments before the next key (or the file's end) stay there."""
    end = start + 1
    for n in range(start + 1, len(lines)):
        if _content(lines[n]) and not lines[n][0].isspace() and not lines[n].startswith("-"):
            break  # the next top-level key
        if _content(lines[n]):
            end = n + 1
    return end


def _inserted(text: str, additions: dict[str, list[dict]], writer: YAML, before: str) -> str:
    """The additions written by ruamel.yaml in the file's indentation and inserted as new
    lines: after the last line of the list, or as a new key above ``before`` and the
    comments that introduce it."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    for key, items in additions.items():
        block = _dump(writer, _node({key: items})).splitlines(keepends=True)
        start = _key_line(lines, key)
        if start is not None:
            end = _block_end(lines, start)
            lines[end:end] = block[1:]
            continue
        at = _key_line(lines, before)
        if at is None:
            lines += block
            continue
        while at > 0 and lines[at - 1].lstrip().startswith("#"):
            at -= 1
        lines[at:at] = block + (["\n"] if at > 0 and not lines[at - 1].strip() else [])
    return "".join(lines)


def add_to(text: str, additions: dict[str, list[dict]], path: Path, before: str = "") -> str:
    """The file's text with ``additions`` appended to its lists (``adressen``, ``angebote``);
    a list the file does not have yet is added as a new key, before the key ``before``."""
    old = yamlsafe.parse(text, path).data
    additions = {key: items for key, items in additions.items() if items}
    expected = {**old, **{key: [*old.get(key, []), *items] for key, items in additions.items()}}
    _, sequence, offset = load_yaml_guess_indent(text)
    writer = _writer(_mapping_indent(text), sequence or 2, offset or 0)
    try:
        return _checked(_inserted(text, additions, writer, before), expected, path)
    except NotWritten:
        pass  # a layout the line-wise insertion does not know ("angebote: []", "#" in a block text)
    data = writer.load(text)
    for key, items in additions.items():
        if key in data:
            data[key].extend(_node(items))
        elif before in data:
            data.insert(list(data).index(before), key, _node(items))
        else:
            data[key] = _node(items)
    return _checked(_dump(writer, data), expected, path)
