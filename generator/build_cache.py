"""The build's cache folder: what a build derives from pinned inputs and keeps for the next.

Kept outside the repository (``$WEGWEISER_CACHE``, else ``$XDG_CACHE_HOME/wegweiser``, else
``~/.cache/wegweiser``), so that CI can restore it (``actions/cache``). Every file is named
by what it was made from, so that a changed input never meets an old file, and written to a
temporary file that is then renamed: a build that stops half-way leaves no half-written
file. A cache that cannot be read or written costs time, never a wrong result.
"""
from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def folder() -> Path:
    if os.environ.get("WEGWEISER_CACHE"):
        return Path(os.environ["WEGWEISER_CACHE"])
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "wegweiser"


def read(name: str) -> bytes | None:
    try:
        return (folder() / name).read_bytes()
    except OSError:
        return None


def write(name: str, data: bytes) -> None:
    target = folder() / name
    temporary = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except OSError:
        if temporary:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
