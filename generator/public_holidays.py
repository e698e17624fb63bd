"""Public holidays where an offering is: of its German Land, or of Czechia.

The days come from the PyPI library ``holidays`` (its rules are code: no network at build
time), for a bounded window, the build's year and the next; a site is rebuilt more often
than that. Which Land: the offering's addresses say, through the offline gazetteer
(GeoNames names each town's Land). A town's name can be ambiguous ("Stolberg" in the
Rhineland and in the Harz), so the town of that name nearest to the address's point wins.
An offering without an address (online, outreach) takes its regions: a region of kind
"bundesland" above them, else their country. Places in several Länder share only the
nationwide holidays, places in two countries none: better no claim than a wrong one.
"""
from __future__ import annotations

import datetime as dt
import functools
import math
from typing import Callable, Iterable

from . import gazetteer as towns
from .directory import Directory
from .records import Address, Offering

# GeoNames' first-level divisions of Germany (admin1 codes) as ISO 3166-2, which `holidays` uses.
GEONAMES_LAENDER = {"01": "BW", "02": "BY", "03": "HB", "04": "HH", "05": "HE", "06": "NI", "07": "NW", "08": "RP",
                    "09": "SL", "10": "SH", "11": "BB", "12": "MV", "13": "SN", "14": "ST", "15": "TH", "16": "BE"}
SAME_TOWN = 0.3  # degrees: a town of the address's name this far from its point is another town
AROUND = 0.15  # degrees: where the nearest town is looked for when none has the address's name
LAND = "bundesland"  # the kind of region (schemas/vokabulare/regionsarten.yml) that is a Land


def window(today: dt.date) -> tuple[int, int]:
    """The years whose holidays a build hands the browser."""
    return today.year, today.year + 1


@functools.lru_cache(maxsize=64)
def dates(area: str, years: tuple[int, ...]) -> tuple[dt.date, ...]:
    """The public holidays of an area ("DE-SN", "CZ"; "DE" alone: those of every Land)."""
    import holidays  # noqa: PLC0415 (only builds that show opening hours need it)

    country, _, land = area.partition("-")
    try:
        return tuple(sorted(holidays.country_holidays(country, subdiv=land or None, years=years)))
    except NotImplementedError:  # a country added to schemas/vokabulare/laender.yml that the library lacks
        return ()


def _distance(town: towns.Town, point: tuple[float, float]) -> float:
    latitude, longitude = point
    return math.hypot(town.latitude - latitude, (town.longitude - longitude) * math.cos(math.radians(latitude)))


@functools.lru_cache(maxsize=4096)
def _land(town: str, point: tuple[float, float] | None, gazetteer: towns.Gazetteer) -> str:
    named = [t for t in gazetteer.candidates(town, "DE") if t.state in GEONAMES_LAENDER]
    if point is None:
        found = {t.state for t in named}
        return GEONAMES_LAENDER[found.pop()] if len(found) == 1 else ""
    nearest = min(named, key=lambda t: _distance(t, point), default=None)
    if nearest is None or _distance(nearest, point) > SAME_TOWN:
        latitude, longitude = point
        around = [t for t in gazetteer.within(latitude - AROUND, latitude + AROUND, longitude - AROUND,
                                              longitude + AROUND)
                  if t.country == "DE" and t.state in GEONAMES_LAENDER]
        nearest = min(around, key=lambda t: _distance(t, point), default=None)
    return GEONAMES_LAENDER[nearest.state] if nearest else ""


def address_area(address: Address, gazetteer: Callable[[], towns.Gazetteer]) -> str:
    """"DE-SN" for an address in Saxony, "CZ" in Czechia, "DE" where the Land is unknown."""
    if address.country != "DE":
        return address.country
    point = (address.location.latitude, address.location.longitude) if address.location else None
    land = _land(address.town, point, gazetteer())
    return f"DE-{land}" if land else "DE"


def region_areas(region_ids: Iterable[str], directory: Directory) -> set[str]:
    """The Land of each region (a region of kind "bundesland" named as `holidays` names it,
    "Sachsen"), the region itself or one it lies in; else its countries."""
    import holidays  # noqa: PLC0415 (as in dates)

    areas = set()
    for region_id in region_ids:
        region = directory.region(region_id)
        lands = [holidays.Germany.subdivisions_aliases.get(r.name.de)
                 for r in (region, *directory.parents(region_id)) if r.kind == LAND]
        land = next((code for code in lands if code), None)
        areas |= {f"DE-{land}"} if land else set(region.countries)
    return areas


def shared(areas: set[str]) -> str | None:
    """The area whose holidays hold at every one of ``areas``."""
    countries = {area.partition("-")[0] for area in areas}
    if len(areas) == 1:
        return next(iter(areas))
    return countries.pop() if len(countries) == 1 else None


def area(offering: Offering, directory: Directory,
         gazetteer: Callable[[], towns.Gazetteer] = towns.load) -> str | None:
    """Where the offering keeps its holidays: its places, else its regions, else (online or
    visiting people, with no region) the provider's addresses, where its staff work; None
    if unknown."""
    if offering.places:
        return shared({address_area(place, gazetteer) for place in offering.places})
    if offering.regions:
        return shared(region_areas(offering.regions, directory))
    addresses = directory.organisation(offering.organisation_id).addresses
    return shared({address_area(place, gazetteer) for place in addresses}) if addresses else None


def holidays_of(offering: Offering, directory: Directory, today: dt.date,
                gazetteer: Callable[[], towns.Gazetteer] = towns.load) -> tuple[dt.date, ...]:
    """The offering's public holidays in the window of a build on ``today``."""
    where = area(offering, directory, gazetteer)
    return dates(where, window(today)) if where else ()
