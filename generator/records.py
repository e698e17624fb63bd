"""The directory's domain: regions, networks, organisations (Träger) with their offerings,
and events, as frozen values built from validated provider files.

Field names in the YAML files are German (providers write them); here they are English.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from .kinds import Kind
from .text import sort_key

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


@dataclass(frozen=True)
class Directory:
    """Everything the site is built from. Lookups are derived, not stored twice."""

    regions: tuple[Region, ...] = ()
    networks: tuple[Network, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    events: tuple[Event, ...] = ()
    _index: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    def of(cls, records: dict[Kind, list]) -> "Directory":
        """From the records of each kind, as ``from_yaml.record`` builds them."""
        return cls(regions=tuple(records.get(Kind.REGIONS, ())), networks=tuple(records.get(Kind.NETWORKS, ())),
                   organisations=tuple(records.get(Kind.ORGANISATIONS, ())),
                   events=tuple(records.get(Kind.EVENTS, ())))

    def __post_init__(self) -> None:
        members: dict[str, list[Organisation]] = {}
        for network in self.networks:
            named = set(network.members)
            members[network.id] = [o for o in self.organisations if o.id in named or network.id in o.networks]
        sub_regions: dict[str, list[Region]] = {r.id: [] for r in self.regions}
        for region in sorted(self.regions, key=lambda r: sort_key(r.name)):
            if region.part_of in sub_regions:
                sub_regions[region.part_of].append(region)
        self._index.update(
            sub_regions=sub_regions,
            regions={r.id: r for r in self.regions},
            networks={n.id: n for n in self.networks},
            organisations={o.id: o for o in self.organisations},
            offerings=tuple(o for org in self.organisations for o in org.offerings),
            members=members,
            memberships=self._memberships(members),
        )

    def _memberships(self, members: dict[str, list[Organisation]]) -> dict[str, list[Network]]:
        networks: dict[str, list[Network]] = {o.id: [] for o in self.organisations}
        for network in self.networks:
            for organisation in members[network.id]:
                networks[organisation.id].append(network)
        return networks

    @property
    def offerings(self) -> tuple[Offering, ...]:
        return self._index["offerings"]

    def region(self, region_id: str) -> Region:
        return self._index["regions"][region_id]

    def sub_regions(self, region_id: str) -> list[Region]:
        """The regions directly inside a region, in German order."""
        return self._index["sub_regions"][region_id]

    def parents(self, region_id: str) -> list[Region]:
        """The regions a region lies in, nearest first (rules.py has ruled out circles)."""
        chain, seen = [], {region_id}
        parent = self.region(region_id).part_of
        while parent and parent not in seen:
            seen.add(parent)
            chain.append(self.region(parent))
            parent = chain[-1].part_of
        return chain

    def within(self, region_id: str) -> set[str]:
        """The region and every region inside it, at any depth."""
        found, todo = set(), [region_id]
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo += [r.id for r in self.sub_regions(current)]
        return found

    def network(self, network_id: str) -> Network:
        return self._index["networks"][network_id]

    def organisation(self, organisation_id: str) -> Organisation:
        return self._index["organisations"][organisation_id]

    def members_of(self, network: Network) -> list[Organisation]:
        """Members named by the network or naming the network themselves."""
        return self._index["members"][network.id]

    def networks_of(self, organisation: Organisation) -> list[Network]:
        return self._index["memberships"][organisation.id]

