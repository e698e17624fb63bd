"""Which regions a town lies in, by name: the ``gemeinden`` of content/regionen/*.yml.

Regions know their places only by name, so a town lies in a region when its name is the
name of one of the region's municipalities ("Stollberg" for "Stollberg/Erzgeb."). The
search (render/search_areas.py) settles names many towns share with the gazetteer; the
issue form has no coordinates and proposes the regions for a person to confirm.
"""
from __future__ import annotations

from . import gazetteer as towns
from .records import Region


def name_keys(name: str) -> set[str]:
    return {towns.town_key(variant) for variant in towns.name_variants(name)}


def municipality_keys(region: Region) -> set[str]:
    return set().union(*(name_keys(m) for m in region.municipalities))


def names_town(region: Region, town: str, country: str) -> bool:
    """Whether one of the region's municipalities is the town, in full or by its short name."""
    if country not in region.countries:
        return False
    key, keys = towns.town_key(town), name_keys(town)
    return any(key in name_keys(m) or towns.town_key(m) in keys for m in region.municipalities)


def regions_of_town(regions: tuple[Region, ...] | list[Region], town: str, country: str) -> list[Region]:
    """The most specific regions naming the town: a region drops out when a region inside
    it (by ``teil_von``, at any depth) names the town too, as the Versorgungsregion
    Aue/Schwarzenberg does for Stollberg within the Erzgebirgskreis."""
    by_id = {region.id: region for region in regions}
    naming = [region for region in regions if names_town(region, town, country)]

    def ancestors(region: Region) -> set[str]:
        found: set[str] = set()
        while region.part_of in by_id and region.part_of not in found:
            found.add(region.part_of)
            region = by_id[region.part_of]
        return found

    enclosing = set().union(*(ancestors(region) for region in naming))
    return sorted((region for region in naming if region.id not in enclosing), key=lambda r: r.id)
