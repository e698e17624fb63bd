"""The located offerings as GeoJSON (RFC 7946): one point per offering and place.

``collection`` is a pure function of the loaded directory and its limits: the same records
on the same day (``limits.today``, which decides what ``hide_after`` hides) give the same
bytes (``files``), features in the order of their ids, so a rebuild changes nothing and a
change shows as a small diff. The features are the maps' markers (render/maps.py): offerings
that have not ended, without those hidden as too old (``limits``), and no place at a
confidential address (a shelter) at all, as the maps leave them out: a point at the
town's centre would still mark a shelter in a small town.

Property names are the German field names of the provider files, as on the site; a term
is its id in the vocabulary (schemas/vokabulare/), as in the records. Every point names its
source (``koordinaten_quelle``, the codes of the HSDS export) and, for a third party's
data, the credit it needs (``koordinaten_nachweis``).
"""
from __future__ import annotations

import json

from .directory import Directory
from .freshness import Limits
from .geocode import POINT_SOURCES
from .hsds import page_url
from .records import Address, Offering
from .render.urls import SiteMap

FILE_NAME = "angebote.geojson"
# About 1 m, as on the maps and in the HSDS export; finer digits would only claim a
# precision the geocoders do not have.
DIGITS = 5
PRECISION = {False: "exakt", True: "ungefähr"}  # Location.approximate: a postcode area or a town's centre


def _feature(directory: Directory, offering: Offering, place: Address, site_url: str | None,
             site_map: SiteMap) -> dict:
    point = place.location
    organisation = directory.organisation(offering.organisation_id)
    properties = {
        "angebot": offering.id,
        "name": offering.name.de,
        # Translations only where the provider wrote one: an empty value would read as a name.
        **{f"name_{language}": getattr(offering.name, language)
           for language in ("cs", "en") if getattr(offering.name, language)},
        "traeger": organisation.id,
        "traeger_name": organisation.name.de,
        "adresse": place.id,
        "strasse": place.street,
        "plz": place.postcode,
        "ort": place.town,
        "land": place.country,
        "genauigkeit": PRECISION[point.approximate],
        "genauigkeit_stufe": point.precision.value,  # adresse, strasse, plz or ort (records.Precision)
        # Whose point it is, in HSDS's words (its taxonomy "koordinatenquelle"): geonames,
        # openstreetmap or eintrag (typed into the record); and the credit a third party's
        # data needs (none for the provider's own point).
        "koordinaten_quelle": POINT_SOURCES[point.source].code,
        "koordinaten_nachweis": point.attribution,
        "themen": list(offering.topics),
        "zielgruppen": list(offering.target_groups),
        "status": offering.status,
        "seite": page_url(site_url, site_map, site_map.offering(offering.id)),
        "zuletzt_geprueft": offering.last_checked.isoformat(),
    }
    return {
        "type": "Feature",
        "id": f"{offering.id}/{place.id}",
        # RFC 7946: longitude first, WGS 84 (what the geocoders and the gazetteer give).
        "geometry": {"type": "Point",
                     "coordinates": [round(point.longitude, DIGITS), round(point.latitude, DIGITS)]},
        "properties": {key: value for key, value in properties.items() if value not in (None, "")},
    }


def mapped(offering: Offering, place: Address, limits: Limits | None) -> bool:
    """Whether the place of the offering is on the maps (render/listings.py, render/maps.py)."""
    return (place.location is not None and not place.confidential and not offering.ended
            and not (limits and limits.is_hidden(offering)))


def collection(directory: Directory, *, site_url: str | None = None, site_map: SiteMap | None = None,
               limits: Limits | None = None) -> dict:
    """A FeatureCollection of every mapped offering and place, by offering and place id.
    ``site_url``: the site's address, for each offering's page (``seite``); without it, no
    links. ``site_map``: how pages are named (``use_directory_urls``). ``limits``: offerings
    it hides (``hide_after``) are left out, as on the maps; without it, none is."""
    site_map = site_map or SiteMap()
    features = [_feature(directory, offering, place, site_url, site_map)
                for offering in sorted(directory.offerings, key=lambda o: o.id)
                for place in sorted(offering.places, key=lambda p: p.id)
                if mapped(offering, place, limits)]
    document: dict = {"type": "FeatureCollection"}
    if features:
        longitudes = [f["geometry"]["coordinates"][0] for f in features]
        latitudes = [f["geometry"]["coordinates"][1] for f in features]
        # West, south, east, north (RFC 7946 section 5); the area is far from the antimeridian.
        document["bbox"] = [min(longitudes), min(latitudes), max(longitudes), max(latitudes)]
    document["features"] = features
    return document


def files(directory: Directory, *, site_url: str | None = None, site_map: SiteMap | None = None,
          limits: Limits | None = None) -> dict[str, bytes]:
    """``{FILE_NAME: the collection as UTF-8 JSON}``, the same bytes for the same records and limits."""
    document = collection(directory, site_url=site_url, site_map=site_map, limits=limits)
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return {FILE_NAME: (text + "\n").encode("utf-8")}
