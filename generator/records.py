"""The directory's domain: regions, networks, organisations (Träger) with their offerings,
and events, as frozen values built from validated provider files.

Field names in the YAML files are German (providers write them); here they are English.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Text:
    """A German text with optional Czech and English translations."""

    de: str
    cs: str = ""
    en: str = ""

    @classmethod
    def of(cls, value: Any) -> "Text | None":
        if value is None:
            return None
        if isinstance(value, str):
            return cls(value.strip())
        return cls(value["de"].strip(), value.get("cs", "").strip(), value.get("en", "").strip())

    def __str__(self) -> str:
        return self.de

    def get(self, language: str = "de") -> str:
        return getattr(self, language, "") or self.de

    def lacks(self, language: str) -> bool:
        """Whether a page in ``language`` has to show the German text instead."""
        return language != "de" and not getattr(self, language, "")

    def __html__(self) -> str:
        # A template must say how a record's text is shown (render/environment.py:
        # local, markdown): in the page's language, or in German marked as German.
        raise TypeError("Record text in a template: use local(…) or markdown(…)")


@dataclass(frozen=True)
class Source:
    """Where a record stands, so later stages can point providers at the right line."""

    path: Path
    line: int = 1


class Status(StrEnum):
    """The terms of schemas/vokabulare/status.yml that change what the site does."""

    ACTIVE = "aktiv"
    TEMPORARILY_CLOSED = "voruebergehend-geschlossen"
    ENDED = "beendet"  # keeps its page, leaves listings, maps and search


class Precision(StrEnum):
    """How exact a point is, from exact to approximate; the values are the cache's words."""

    ADDRESS = "adresse"
    STREET = "strasse"
    POSTCODE = "plz"
    TOWN = "ort"

    @property
    def approximate(self) -> bool:
        return self in (Precision.POSTCODE, Precision.TOWN)


class LocationSource(StrEnum):
    RECORD = "eintrag"  # written in the record by hand
    CACHE = "cache"  # a geocoder's answer, from wegweiser geocode
    GAZETTEER = "ortsverzeichnis"  # the town centre, from the offline list of towns


@dataclass(frozen=True)
class Location:
    """Where a place is on the map, where that knowledge came from and how exact it is."""

    latitude: float
    longitude: float
    source: LocationSource
    precision: Precision
    attribution: str = ""  # whose data the point is, for the credit line on pages and maps

    @property
    def approximate(self) -> bool:
        return self.precision.approximate


@dataclass(frozen=True)
class Address:
    id: str
    label: Text | None
    street: str
    postcode: str
    town: str
    country: str
    note: Text | None
    confidential: bool = False  # a shelter: the town is public, the street never
    coordinates: tuple[float, float] | None = None  # written in the record by hand
    location: Location | None = None  # set by the geocode stage

    @property
    def one_line(self) -> str:
        parts = [self.street, f"{self.postcode} {self.town}".strip()]
        return ", ".join(p for p in parts if p)


@dataclass(frozen=True)
class Contact:
    role: Text
    phone: str = ""
    email: str = ""
    person: str = ""
    direct_line: str = ""  # only set when the record says it may be published


@dataclass(frozen=True)
class OpeningHours:
    days: tuple[str, ...]
    start: str
    end: str
    note: Text | None = None


@dataclass(frozen=True)
class Closure:
    """Days on which an offering is closed although its hours say open: one day (start and
    end the same), a range of days, or "closed until" (no start: closed from now on)."""

    end: dt.date  # the last closed day
    start: dt.date | None = None
    note: Text | None = None


# Which field of an offering holds terms of which vocabulary (schemas/vokabulare/<name>.yml).
OFFERING_TERMS = {"themen": "topics", "zielgruppen": "target_groups", "sprachen": "languages",
                  "barrierefreiheit": "accessibility", "zugangswege": "access", "rechtsgrundlagen": "legal_bases"}


@dataclass(frozen=True)
class Offering:
    id: str
    organisation_id: str
    name: Text
    description: Text
    easy_language: Text | None
    topics: tuple[str, ...]
    target_groups: tuple[str, ...]
    legal_bases: tuple[str, ...]
    regions: tuple[str, ...]
    places: tuple[Address, ...]
    outreach: bool
    online: bool
    hours: tuple[OpeningHours, ...]
    around_the_clock: bool
    hours_note: Text | None
    cost: str
    cost_note: Text | None
    access: tuple[str, ...]
    languages: tuple[str, ...]
    accessibility: tuple[str, ...]
    contacts: tuple[Contact, ...]
    website: str
    status: str  # a term of the status vocabulary; see Status for those with a meaning here
    last_checked: dt.date
    source: Source
    machine_translated: frozenset[str] = frozenset()  # languages whose texts nobody has checked yet
    closures: tuple[Closure, ...] = ()

    def terms(self, vocabulary: str) -> tuple[str, ...]:
        """The offering's terms of one vocabulary (OFFERING_TERMS)."""
        return getattr(self, OFFERING_TERMS[vocabulary])

    @property
    def ways_in(self) -> set[str]:
        """Every way to get the offering: the access terms, and outreach and online as the
        terms of the same name."""
        return set(self.access) | ({"aufsuchend"} if self.outreach else set()) | ({"online"} if self.online else set())

    @property
    def ended(self) -> bool:
        return self.status == Status.ENDED

    @property
    def active(self) -> bool:
        return self.status == Status.ACTIVE


@dataclass(frozen=True)
class Organisation:
    id: str
    name: Text
    short_name: str
    kind: str
    description: Text | None
    website: str
    email: str
    phone: str
    addresses: tuple[Address, ...]
    networks: tuple[str, ...]
    offerings: tuple[Offering, ...]
    source: Source
    machine_translated: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Network:
    id: str
    name: Text
    kind: str
    description: Text
    part_of: str
    regions: tuple[str, ...]
    topics: tuple[str, ...]
    coordinators: tuple[Contact, ...]
    hosts: tuple[str, ...]
    members: tuple[str, ...]
    website: str
    since: dt.date | None
    until: dt.date | None
    last_checked: dt.date
    source: Source
    working_languages: tuple[str, ...] = ()  # a bilingual network asks its members for both


@dataclass(frozen=True)
class Region:
    id: str
    name: Text
    kind: str
    countries: tuple[str, ...]
    part_of: str
    municipalities: tuple[str, ...]
    description: Text | None
    source: Source


@dataclass(frozen=True)
class Event:
    id: str
    title: Text
    topic: Text | None
    description: Text | None
    date: dt.date
    end_date: dt.date | None
    start: str
    end: str
    place: Address | None
    online: bool
    topics: tuple[str, ...]
    network: str
    organisers: tuple[str, ...]
    registration: Contact | None
    source: Source
