"""What the previous build of this process made, found again while serving: pages first.

``wegweiser serve`` builds the site again after every saved change. At 10,000 offerings
rendering every page took a minute, although one provider file had changed. The bulky
pages (an offering, a provider, the listings) are each made from their template, their
own context and the site around them (its language, settings, regions, networks, events
and vocabularies: the "world"). While the world stays the same, a page whose context is
the same as last time is the same page. Records are recognised by identity first:
``prepare`` hands out the very same record object for a file whose bytes did not change
(checked_files.py), so a key compares in microseconds, not by walking every field.

What a page's template reaches besides its context must be part of the world or of the
key: an offering in a context brings its provider along (its name is shown beside it);
templates that look up records by id elsewhere (events, networks) are not reused.
"""
from __future__ import annotations

import dataclasses
from enum import Enum
from typing import Callable, Generic, Hashable, TypeVar

from .. import records
from ..records import Offering, Organisation

# The templates whose pages are many and whose text depends on nothing but their context
# and the world (a test reads them for globals that would reach further).
REUSABLE = frozenset({"offering.html", "organisation.html", "facet.html", "region.html", "a_z.html",
                      "places.html", "organisations.html"})
# The records and their parts (texts, addresses, contacts, ...): made once per file's bytes
# (prepared_before.py), so found again by identity; anything else is compared field by field.
RECORDS = tuple(kind for kind in vars(records).values() if isinstance(kind, type) and dataclasses.is_dataclass(kind)
                and kind.__module__ == records.__name__)


class NotFrozen(Exception):
    """A context holds a value that cannot be compared with last time's: render the page anew."""


class Same:
    """A record in a key. Hashed by identity, so that looking it up costs nothing; equal by
    value, so that the rare collision of two ids never finds a wrong page. An equal record
    that is another object only misses (the page is rendered again), it never misleads."""

    __slots__ = ("record",)

    def __init__(self, record) -> None:
        self.record = record

    def __hash__(self) -> int:
        return id(self.record)

    def __eq__(self, other) -> bool:
        return isinstance(other, Same) and (other.record is self.record or other.record == self.record)


def frozen(value, provider_of: Callable[[Offering], Organisation]) -> Hashable:
    """``value`` as a key: records by identity, an offering with its provider, containers as
    tuples, other dataclasses field by field; anything else raises ``NotFrozen``. (Types are
    looked up, not tested one by one: a listing's key has thousands of parts.)"""
    kind = type(value)
    if kind in _PLAIN or value is None:
        return value
    if kind is Offering:
        return Same(value), Same(provider_of(value))
    if kind in _RECORD_TYPES:
        return Same(value)
    if kind is list or kind is tuple:
        return tuple([frozen(item, provider_of) for item in value])
    if kind is dict:
        return tuple([(key, frozen(item, provider_of)) for key, item in value.items()])  # keys: names, ids
    if kind is set or kind is frozenset:
        return frozenset([frozen(item, provider_of) for item in value])
    if isinstance(value, (str, int, float, bytes, Enum)):  # Markup, the vocabularies' enumerations
        return value
    names = _FIELDS.get(kind)
    if names is None:
        if not dataclasses.is_dataclass(kind):
            raise NotFrozen(kind.__name__)
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(kind))
    return kind, tuple([frozen(getattr(value, name), provider_of) for name in names])


_PLAIN = frozenset({str, int, float, bool, bytes})
_RECORD_TYPES = frozenset(RECORDS)
_FIELDS: dict[type, tuple[str, ...]] = {}


Made = TypeVar("Made")


class Reuse(Generic[Made]):
    """What one part of the last build made (its pages, its search entries, ...), by key, for
    the next build of this process. Only what the latest build used is kept, so a preview
    running for hours does not grow."""

    def __init__(self) -> None:
        self._world: Hashable = None
        self._before: dict[Hashable, Made] = {}
        self._now: dict[Hashable, Made] = {}
        self.reused = 0  # taken from the build before in the latest build (the log says it for pages)

    def start(self, world: Hashable) -> None:
        """A build begins; what the last one made counts only if its world was the same."""
        self._before = self._now if world == self._world else {}
        self._now, self._world, self.reused = {}, world, 0

    def get(self, key: Hashable, make: Callable[[], Made]) -> Made:
        if key in self._before:
            made = self._before[key]
            self.reused += 1
        else:
            made = make()
        self._now[key] = made
        return made


class Reuses:
    """Every part's ``Reuse`` for the builds of one language (or of the open data)."""

    def __init__(self) -> None:
        self._parts: dict[str, Reuse] = {}

    def of(self, part: str) -> Reuse:
        return self._parts.setdefault(part, Reuse())
