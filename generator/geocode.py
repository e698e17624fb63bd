"""The geocode stage of the build: coordinates for every address, without any network.

Sources, in this order: coordinates written in the record (a hand-made override for places
a geocoder gets wrong) > the committed geocode cache (filled only by ``wegweiser
geocode``) > the offline gazetteer's town centre, marked as approximate. A confidential
address (a shelter) is only ever placed at its town's centre.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator, Mapping

from . import gazetteer as towns
from .geocache import CacheEntry, address_key
from .directory import Directory
from .records import Address, Event, Location, LocationSource, Organisation, Precision

KEY_PARTS = 4  # country|postcode|town|street: geocache.address_key
OSM_ATTRIBUTION = "Geodaten © OpenStreetMap-Mitwirkende (ODbL)"
PRECISION_WORDS = {Precision.ADDRESS: "genau", Precision.STREET: "auf die Straße genau",
                   Precision.POSTCODE: "ungefähr (Postleitzahlgebiet)", Precision.TOWN: "ungefähr (Ortsmitte)"}
SOURCE_WORDS = {LocationSource.RECORD: "im Eintrag angegeben", LocationSource.CACHE: "aus dem Geocode-Cache",
                LocationSource.GAZETTEER: "aus dem Ortsverzeichnis"}


@dataclass(frozen=True)
class PointSource:
    """Whose data a point is, under which licence: what the open data must credit."""

    code: str  # its term in the HSDS export's taxonomy of point sources (hsds.py)
    name: str
    description: str  # German, for that term
    url: str = ""  # the source's page; "" for no third party's data
    licence: str = ""  # a name of settings.LICENCES; "": the directory's own licence holds
    credit: str = ""  # the line shown with such a point (Location.attribution)


# The cache holds answers of Nominatim or Photon, both OpenStreetMap's data: exact points and
# postcode areas alike. Points written in a record are the provider's own.
POINT_SOURCES = {
    LocationSource.GAZETTEER: PointSource(
        "geonames", "GeoNames", "Die Mitte des Ortes, aus GeoNames (geonames.org), Lizenz CC BY 4.0",
        "https://www.geonames.org/", "CC BY 4.0", towns.ATTRIBUTION),
    LocationSource.CACHE: PointSource(
        "openstreetmap", "OpenStreetMap", "Aus der Anschrift ermittelt, mit Daten von OpenStreetMap "
        "(© OpenStreetMap-Mitwirkende), Lizenz ODbL 1.0", "https://www.openstreetmap.org/copyright", "ODbL 1.0",
        OSM_ATTRIBUTION),
    LocationSource.RECORD: PointSource(
        "eintrag", "Eintrag des Trägers", "Vom Träger in seinem Eintrag angegeben, aus keiner fremden Quelle"),
}


def published_points(directory: Directory) -> dict[LocationSource, int]:
    """How many points of each source the open data hold, in the order of POINT_SOURCES:
    one per place of an organisation (HSDS's locations; GeoJSON shows some of them),
    none for a confidential one (a shelter), which is published without its point."""
    counts = dict.fromkeys(POINT_SOURCES, 0)
    for organisation in directory.organisations:
        for address in organisation.addresses:
            if address.location is not None and not address.confidential:
                counts[address.location.source] += 1
    return {source: count for source, count in counts.items() if count}


def other_licences(published: Iterable[LocationSource], licence: str) -> list[PointSource]:
    """The sources of published points that stand under a licence of their own, other than
    the data's (``licence``): the page and the datapackage name them as exceptions."""
    return [source for source in map(POINT_SOURCES.get, published) if source.licence and source.licence != licence]


@dataclass(frozen=True)
class PlaceReport:
    """How one address was placed, for ``wegweiser geocode --check`` and the build log."""

    owner: str  # e.g. "content/traeger/caritas-aue.yml"
    address: Address
    note: str = ""

    @property
    def location(self) -> Location | None:
        return self.address.location


@dataclass(frozen=True)
class LocatedRecord:
    """An organisation or event with a location on every address that can be placed, and
    what that depended on besides the record: the cache's entries for the addresses it
    looked up (the gazetteer is the same throughout a process)."""

    record: Organisation | Event  # as from_yaml made it
    located: Organisation | Event
    places: tuple[PlaceReport, ...]
    public_keys: tuple[str, ...]  # the cache keys of its addresses, confidential ones apart
    confidential_keys: tuple[str, ...]
    looked_up: tuple[tuple[str, CacheEntry | None], ...]  # the cache's answers it used

    def holds_for(self, record: Organisation | Event, cache: Mapping[str, CacheEntry]) -> bool:
        """Whether locating ``record`` with ``cache`` would give this again."""
        return record is self.record and all(cache.get(key) == entry for key, entry in self.looked_up)


@dataclass(frozen=True)
class LocatingReport:
    places: tuple[PlaceReport, ...]
    stale_keys: tuple[str, ...]  # cache entries no current address uses
    # Stale entries in the town of a confidential address: most likely the shelter's old
    # street, from before it was marked confidential. They must leave the repository.
    confidential_keys: tuple[str, ...] = ()
    records: tuple[LocatedRecord, ...] = field(default=(), repr=False, compare=False)

    @property
    def missing(self) -> list[PlaceReport]:
        return [p for p in self.places if p.location is None]

    @property
    def approximate(self) -> list[PlaceReport]:
        return [p for p in self.places if p.location is not None and p.location.approximate]


def addresses(directory: Directory) -> Iterator[tuple[str, Address]]:
    """Every address of the directory with the file it stands in, once each."""
    for organisation in directory.organisations:
        for address in organisation.addresses:
            yield str(organisation.source.path), address
    for event in directory.events:
        if event.place is not None:
            yield str(event.source.path), event.place


def asks_cache(address: Address) -> bool:
    """Whether ``place`` looks the address up in the cache: not for coordinates written in
    the record, and never for a confidential address."""
    return not (address.confidential or address.coordinates)


def place(address: Address, cache: Mapping[str, CacheEntry],
          gazetteer: Callable[[], towns.Gazetteer]) -> tuple[Location | None, str]:
    if address.coordinates and not address.confidential:
        return Location(*address.coordinates, LocationSource.RECORD, Precision.ADDRESS), ""
    entry = cache.get(address_key(address)) if asks_cache(address) else None
    if entry is not None:
        return Location(entry.breite, entry.laenge, LocationSource.CACHE, Precision(entry.genauigkeit),
                        POINT_SOURCES[LocationSource.CACHE].credit), ""
    candidates = gazetteer().candidates(address.town, address.country)
    if not candidates:
        return None, f"Den Ort „{address.town}“ kennt das Ortsverzeichnis nicht."
    town = candidates[0]
    note = ""
    if len(candidates) > 1:
        note = (f"Es gibt {len(candidates)} Orte namens „{town.name}“; gewählt wurde der größte. "
                "Bitte prüfen Sie den Punkt oder geben Sie „koordinaten“ an.")
    return (Location(town.latitude, town.longitude, LocationSource.GAZETTEER, Precision.TOWN,
                     POINT_SOURCES[LocationSource.GAZETTEER].credit), note)


def locate(directory: Directory, cache: Mapping[str, CacheEntry],
           gazetteer: Callable[[], towns.Gazetteer] = towns.load,
           earlier: Mapping[int, LocatedRecord] | None = None) -> tuple[Directory, LocatingReport]:
    """The same directory with a location on every address that can be placed.

    ``earlier``: what an earlier call located, by the identity of its record. A record it
    holds for (the same object, the same cache entries) is taken over as it is, the very
    same located object (``mkdocs serve`` prepares the whole directory on every change)."""
    earlier = earlier or {}
    records = []
    for record in (*directory.organisations, *directory.events):
        last = earlier.get(id(record))
        records.append(last if last is not None and last.holds_for(record, cache)
                       else locate_record(record, cache, gazetteer))
    count = len(directory.organisations)
    used = {key for r in records for key in r.public_keys}
    stale = sorted(set(cache) - used)
    sheltered = {place for r in records for key in r.confidential_keys for place in _town_of(key)}
    report = LocatingReport(tuple(p for r in records for p in r.places), tuple(stale),
                            tuple(key for key in stale if _town_of(key) & sheltered), tuple(records))
    return dataclasses.replace(directory, organisations=tuple(r.located for r in records[:count]),
                               events=tuple(r.located for r in records[count:])), report


def locate_record(record: Organisation | Event, cache: Mapping[str, CacheEntry],
                  gazetteer: Callable[[], towns.Gazetteer]) -> LocatedRecord:
    """One organisation or event located, with what that depended on."""
    own = record.addresses if isinstance(record, Organisation) else (record.place,) if record.place else ()
    # An offering's places are the very Address objects of its organisation (from_yaml
    # takes them from there), so each address is located once and found again by identity.
    located: dict[int, Address] = {}
    places, public, confidential, looked_up = [], [], [], []
    for address in own:
        key = address_key(address)
        (confidential if address.confidential else public).append(key)
        if asks_cache(address):
            looked_up.append((key, cache.get(key)))
        location, note = place(address, cache, gazetteer)
        located[id(address)] = dataclasses.replace(address, location=location)
        places.append(PlaceReport(str(record.source.path), located[id(address)], note))

    def again(address: Address) -> Address:
        return located.get(id(address), address)

    if isinstance(record, Organisation):
        result = dataclasses.replace(
            record, addresses=tuple(map(again, record.addresses)),
            offerings=tuple(dataclasses.replace(o, places=tuple(map(again, o.places))) for o in record.offerings))
    else:
        result = dataclasses.replace(record, place=again(record.place)) if record.place else record
    return LocatedRecord(record, result, tuple(places), tuple(public), tuple(confidential), tuple(looked_up))


def _town_of(key: str) -> set[tuple[str, str]]:
    """Country and town of a cache key (``DE|09366|stollberg|herrenstrasse 25``), in every
    spelling the town may have had: "Stollberg/Erzgeb." is "Stollberg" as well."""
    parts = key.split("|")
    if len(parts) != KEY_PARTS:
        return {(key, "")}
    return {(parts[0], variant) for variant in towns.name_variants(parts[2])}


def describe(location: Location | None) -> str:
    if location is None:
        return "ohne Koordinaten"
    return f"{PRECISION_WORDS[location.precision]}, {SOURCE_WORDS[location.source]}"


def search_places(directory: Directory, gazetteer: Callable[[], towns.Gazetteer] = towns.load,
                  margin: float = 0.3) -> list[tuple[str, float, float]]:
    """Places a visitor can search "near": every town around the directory's addresses
    (from the gazetteer) and every postcode of an address, so "near me" needs no network."""
    located = [a for _, a in addresses(directory) if a.location is not None]
    if not located:
        return []
    south = min(a.location.latitude for a in located) - margin
    north = max(a.location.latitude for a in located) + margin
    west = min(a.location.longitude for a in located) - margin
    east = max(a.location.longitude for a in located) + margin
    places = {(t.name, t.latitude, t.longitude) for t in gazetteer().within(south, north, west, east)}
    by_postcode: dict[str, list] = {}
    for address in located:
        if address.confidential or not address.postcode:
            continue  # a shelter's postcode would narrow down where it is
        by_postcode.setdefault(address.postcode.replace(" ", ""), []).append(address.location)
    for postcode, points in by_postcode.items():
        places.add((postcode, sum(p.latitude for p in points) / len(points),
                    sum(p.longitude for p in points) / len(points)))
    return sorted(places)
