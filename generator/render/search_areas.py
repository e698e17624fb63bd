"""Responsibility areas for "near a place": which regions each searchable place lies in,
and which offerings are responsible for each region (``z.json``, see ``search_files``).

A Jobcenter responsible for the whole Erzgebirgskreis is the right one for Stollberg even
though its office is 20 km away; the search lists it as near when the visitor's place lies
in one of the offering's ``regionen``. Regions know their places only by name (the
``gemeinden`` of content/regionen/*.yml), so a place lies in a region when its name is the
name of one of the region's municipalities ("Stollberg" for "Stollberg/Erzgeb."). A name
many towns share ("Neukirchen", "Oelsnitz") is settled by the region's other
municipalities: of the towns of that name, the one nearest to where the region's
unambiguous municipalities lie, and only if it lies among them; otherwise none. A postcode
lies where the towns of its addresses lie. A region without ``gemeinden`` contains the
places of the regions inside it.
"""
from __future__ import annotations

import math
import statistics
from dataclasses import dataclass, field
from typing import Callable

from .. import gazetteer as towns
from ..region_towns import municipality_keys
from ..directory import Directory
from ..geocode import addresses
from ..records import Offering, Region

Place = tuple[str, float, float]  # as geocode.search_places gives them: name or postcode, latitude, longitude
EXTRA_REACH_KM = 10.0  # beyond the usual spread of a region's municipalities, for its edges
MERGED_REACH_KM = 10.0  # how far apart the parts of a merged municipality may lie


@dataclass(frozen=True)
class Areas:
    regions: list[Region] = field(default_factory=list)  # numbered by position
    of_place: dict[Place, list[int]] = field(default_factory=dict)  # region numbers a place lies in directly

    def rows(self, offerings: list[Offering], language: str) -> list[tuple[str, int, list[int]]]:
        """Per region its name, the number of the region it is part of (or -1) and the
        document numbers of the offerings responsible for it (naming it in ``regionen``)."""
        number = {region.id: n for n, region in enumerate(self.regions)}
        responsible: dict[str, list[int]] = {region.id: [] for region in self.regions}
        for document, offering in enumerate(offerings):
            for region_id in offering.regions:
                responsible[region_id].append(document)
        return [(region.name.get(language), number.get(region.part_of, -1), responsible[region.id])
                for region in self.regions]


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance, as suche.js measures it."""
    rad = math.pi / 180
    h = (math.sin((b[0] - a[0]) * rad / 2) ** 2
         + math.cos(a[0] * rad) * math.cos(b[0] * rad) * math.sin((b[1] - a[1]) * rad / 2) ** 2)
    return 12742 * math.asin(math.sqrt(h))


def _point(town: towns.Town) -> tuple[float, float]:
    return town.latitude, town.longitude


def _named(name: str, countries: tuple[str, ...], gazetteer: towns.Gazetteer) -> list[towns.Town]:
    return list(dict.fromkeys(town for country in countries for town in gazetteer.candidates(name, country)))


def _nearest(found: list[towns.Town], point: tuple[float, float]) -> towns.Town | None:
    return min(found, key=lambda t: (distance_km(point, _point(t)), t.name), default=None)


def _placed_towns(region: Region, gazetteer: towns.Gazetteer) -> tuple[set[towns.Town], Callable]:
    """The gazetteer's towns of the region's municipalities, and whether a point lies among
    them. The towns of names only one town has mark out where the region lies; of a shared
    name the town nearest to them is taken, and of any name only a town among them: a
    municipality missing from the gazetteer must not bring in a namesake 300 km away."""
    found = {municipality: _named(municipality, region.countries, gazetteer) for municipality in region.municipalities}
    anchors = list(dict.fromkeys(named[0] for named in found.values() if len(named) == 1))
    if not anchors:
        return set(), lambda point: False
    centre = (statistics.median(t.latitude for t in anchors), statistics.median(t.longitude for t in anchors))
    reach = 2 * statistics.median(distance_km(centre, _point(t)) for t in anchors) + EXTRA_REACH_KM

    def inside(point: tuple[float, float]) -> bool:
        return distance_km(centre, point) <= reach

    chosen = {municipality: _nearest([t for t in named if inside(_point(t))], centre)
              for municipality, named in found.items()}
    placed = {town for town in chosen.values() if town}
    for municipality, main in chosen.items():
        # A merger younger than the gazetteer ("Aue-Bad Schlema", 2019) is known there only
        # by its first part; its other parts ("Bad Schlema") are searchable places of their
        # own. "Neu-Ulm" the gazetteer knows as a whole: "Ulm" is not part of it.
        if main is None or "-" not in municipality or "-" in main.name:
            continue
        for part in municipality.split("/")[0].split("-")[1:]:
            near = [t for t in _named(part, region.countries, gazetteer)
                    if distance_km(_point(main), _point(t)) <= MERGED_REACH_KM]
            placed |= {_nearest(near, _point(main))} - {None}
    return placed, inside


@dataclass(frozen=True)
class _Placed:
    """A region's towns in the gazetteer, for the places of the search."""
    region: Region
    members: set[towns.Town]
    inside: Callable[[tuple[float, float]], bool]

    def holds_postcode(self, place: Place, country: str, town: str, gazetteer: towns.Gazetteer) -> bool:
        """Whether a postcode with an address in ``town`` lies in the region: of the towns of
        that name the one nearest to the postcode is the region's (a Berlin postcode 20 km
        from the centre is Berlin's; "Neukirchen" near Crimmitschau is not
        Neukirchen/Erzgeb.); a town the gazetteer does not know must be named as one of the
        municipalities ("Auerbach/Vogtl." is not "Auerbach") and lie among the region's towns."""
        if country not in self.region.countries:
            return False
        candidates = gazetteer.candidates(town, country)
        if candidates:
            return _nearest(candidates, place[1:]) in self.members
        return towns.town_key(town) in municipality_keys(self.region) and self.inside(place[1:])


def _postcode_towns(directory: Directory) -> dict[str, set[tuple[str, str]]]:
    """Per postcode (as search_places writes it) the countries and towns of its addresses."""
    named: dict[str, set[tuple[str, str]]] = {}
    for _, address in addresses(directory):
        if address.location is not None and address.postcode and not address.confidential:
            named.setdefault(address.postcode.replace(" ", ""), set()).add((address.country, address.town))
    return named


def place_areas(directory: Directory, places: list[Place],
                gazetteer: Callable[[], towns.Gazetteer] = towns.load) -> Areas:
    """The regions each place of the search lies in (directly: the regions they lie in in
    turn come from ``teil_von`` in the browser)."""
    regions = sorted(directory.regions, key=lambda r: r.id)
    if not any(region.municipalities for region in regions):
        return Areas(regions)  # the gazetteer takes seconds to load
    known = gazetteer()
    towns_of_postcode = _postcode_towns(directory)
    wanted = set(places)
    of_place: dict[Place, list[int]] = {}
    for number, region in enumerate(regions):
        if not region.municipalities:
            continue  # it holds the places of the regions inside it (suche.js follows teil_von)
        placed = _Placed(region, *_placed_towns(region, known))
        here = {(t.name, t.latitude, t.longitude) for t in placed.members} & wanted
        here |= {place for place in places
                 if any(placed.holds_postcode(place, country, town, known)
                        for country, town in towns_of_postcode.get(place[0], ()))}
        for place in here:
            of_place.setdefault(place, []).append(number)
    return Areas(regions, of_place)
