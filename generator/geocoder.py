"""``wegweiser geocode``: the only code that talks to the network.

Looks up addresses missing from the cache with geopy (Nominatim by default, or Photon),
politely (one request per second on the public server, a real User-Agent), trying a
structured query, then free text, then postcode and town, restricted to the record's
country. A service fault never loses a cached point: the cache is rewritten atomically
with every good answer, and an answer in the wrong country or far from the town is not
stored but reported for a human to look at.
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

from geopy import exc
from geopy.adapters import URLLibAdapter
from geopy.distance import great_circle
from geopy.geocoders import Nominatim, Photon

from . import gazetteer as towns
from .geocache import CacheEntry, address_key
from .records import Address, Precision
from .settings import GeocoderSettings

@dataclass
class RefreshResult:
    asked: int = 0
    found: int = 0
    approximate: int = 0
    not_found: list[str] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    stopped: str = ""  # why the run ended early, if it did
    entries: dict[str, CacheEntry] = field(default_factory=dict)  # new answers

MAX_FAULTS_IN_A_ROW = 3  # the service is down or refuses us: stop instead of hammering it


class StopRun(Exception):
    """The service cannot be used now (blocked, unreachable, rate limit persists)."""


def make_geocoder(settings: GeocoderSettings):
    user_agent = f"{settings.user_agent} ({settings.contact})" if settings.contact else settings.user_agent
    # The urllib adapter retries nothing by itself, so pacing and back-off stay ours alone.
    options = dict(domain=settings.domain, scheme=settings.scheme, user_agent=user_agent,
                   timeout=settings.timeout, adapter_factory=URLLibAdapter)
    return Photon(**options) if settings.service == "photon" else Nominatim(**options)


def queries(address: Address, service: str) -> list[tuple[str, object, str | None]]:
    """(form, query, the best precision this form can claim)."""
    country = {"DE": "Deutschland", "CZ": "Česko"}.get(address.country, address.country)
    forms = []
    if address.street and service == "nominatim":
        forms.append(("strukturiert", {"street": address.street, "postalcode": address.postcode,
                                       "city": address.town, "country": country}, None))
    if address.street:
        forms.append(("freitext", f"{address.street}, {address.postcode} {address.town}, {country}", None))
    forms.append(("plz", f"{address.postcode} {address.town}, {country}", Precision.POSTCODE))
    return forms


def precision_of(raw: dict, service: str, cap: Precision | None) -> Precision:
    if service == "photon":
        kind = raw.get("properties", {}).get("type", "")
        precision = {"house": Precision.ADDRESS, "street": Precision.STREET}.get(kind, Precision.TOWN)
    else:
        rank = int(raw.get("place_rank") or 0)
        kind = raw.get("addresstype") or raw.get("type", "")
        if rank >= 30 or kind in ("house", "building"):  # noqa: PLR2004 (Nominatim's place ranks)
            precision = Precision.ADDRESS
        elif rank >= 26 or kind in ("road", "street"):  # noqa: PLR2004
            precision = Precision.STREET
        elif kind == "postcode":
            precision = Precision.POSTCODE
        else:
            precision = Precision.TOWN
    order = list(Precision)  # from exact to approximate
    return max(precision, cap, key=order.index) if cap else precision


def country_of(raw: dict, service: str) -> str:
    if service == "photon":
        return str(raw.get("properties", {}).get("countrycode", "")).upper()
    return str(raw.get("address", {}).get("country_code", "")).upper()


def doubts(address: Address, latitude: float, longitude: float, country: str,
           settings: GeocoderSettings, gazetteer: towns.Gazetteer) -> str:
    """Why an answer must not be trusted without a look, or "" when it is plausible."""
    if country and country != address.country:
        return f"liegt in {country}, nicht in {address.country}"
    candidates = gazetteer.candidates(address.town, address.country)
    if candidates:
        distance = min(great_circle((latitude, longitude), (t.latitude, t.longitude)).km for t in candidates)
        if distance > settings.max_distance_km:
            return f"liegt {distance:.0f} km von {address.town} entfernt"
    return ""


class Lookup:
    """One run of lookups with shared pacing and fault counting."""

    def __init__(self, settings: GeocoderSettings, geocoder=None, *, sleep=time.sleep, clock=time.monotonic):
        self.settings = settings
        self.geocoder = geocoder or make_geocoder(settings)
        self.sleep, self.clock = sleep, clock
        self.last_request = None
        self.unavailable_in_a_row = 0

    def ask(self, query, country: str):
        for attempt in range(self.settings.retries + 1):
            if self.last_request is not None:
                self.sleep(max(0.0, self.settings.min_pause - (self.clock() - self.last_request)))
            self.last_request = self.clock()
            try:
                if self.settings.service == "photon":
                    answer = self.geocoder.geocode(query, exactly_one=True, language="de")
                else:
                    answer = self.geocoder.geocode(query, exactly_one=True, addressdetails=True, language="de",
                                                   country_codes=country.lower())
                self.unavailable_in_a_row = 0
                return answer
            except exc.GeocoderRateLimited as error:
                if attempt == self.settings.retries:
                    raise StopRun("Der Dienst begrenzt die Anfragen weiterhin (HTTP 429). "
                                  "Bitte versuchen Sie es später erneut.") from error
                wait = error.retry_after or self.settings.min_pause * 2 ** (attempt + 2)
                self.sleep(min(float(wait), 120.0))
            except exc.GeocoderInsufficientPrivileges as error:
                raise StopRun("Der Dienst verweigert den Zugriff (HTTP 403). Prüfen Sie den "
                              "User-Agent und die Kontaktangabe (Nutzungsbedingungen des Dienstes).") from error
            except exc.GeocoderServiceError as error:
                # Timeouts, refused connections, 5xx, garbage: one is bad luck, three in a
                # row mean the service cannot be used now.
                self.unavailable_in_a_row += 1
                if self.unavailable_in_a_row >= MAX_FAULTS_IN_A_ROW:
                    raise StopRun("Der Dienst ist nicht erreichbar oder antwortet nur mit Fehlern "
                                  f"(zuletzt: {fault(error)}).") from error
                raise
        return None


def fault(error: Exception) -> str:
    """A service fault in German, with the technical detail for the operator."""
    if isinstance(error, exc.GeocoderTimedOut):
        text = "keine Antwort innerhalb der Wartezeit"
    elif isinstance(error, (exc.GeocoderParseError, ValueError, KeyError, TypeError)):
        text = "unlesbare Antwort"
    elif isinstance(error, exc.GeocoderUnavailable) or "refused" in str(error).lower():
        text = "keine Verbindung zum Dienst"
    else:
        text = "Fehler des Dienstes"
    detail = " ".join(str(error).split())[:200]
    return f"{text} ({type(error).__name__}: {detail})"


def refresh(places: Iterable[tuple[str, Address]], cache: dict[str, CacheEntry], settings: GeocoderSettings,
            *, gazetteer: Callable[[], towns.Gazetteer] = towns.load, lookup: Lookup | None = None,
            today: dt.date | None = None, result: RefreshResult | None = None) -> RefreshResult:
    """Look up every address that has neither hand-written coordinates nor a cache entry.

    New answers are collected in ``result.entries`` as they come, so a caller that is
    interrupted (Ctrl-C) can still save what was found so far.
    """
    lookup = lookup or Lookup(settings)
    today = (today or dt.date.today()).isoformat()
    result = result if result is not None else RefreshResult()
    seen = set()
    for owner, address in places:
        key = address_key(address)
        if address.coordinates or address.confidential or key in cache or key in seen:
            continue
        seen.add(key)
        result.asked += 1
        where = f"{owner}: {address.one_line}"
        try:
            entry, doubt = _look_up(address, settings, lookup, gazetteer(), today)
        except StopRun as stop:
            result.stopped = str(stop)
            result.failed.append(f"{where}: nicht abgefragt, der Lauf wurde abgebrochen")
            break
        except (exc.GeopyError, ValueError, KeyError, TypeError) as error:
            result.failed.append(f"{where}: {fault(error)}")
            continue
        if entry is None:
            result.not_found.append(f"{where}: nicht gefunden{f' ({doubt})' if doubt else ''}")
            if doubt:
                result.review.append(f"{where}: Antwort verworfen, {doubt}")
            continue
        result.entries[key] = entry
        if not Precision(entry.genauigkeit).approximate:
            result.found += 1
        else:
            result.approximate += 1
    return result


def _look_up(address: Address, settings: GeocoderSettings, lookup: Lookup, gazetteer, today: str):
    """The first plausible answer over the query forms, and the last doubt if none was."""
    doubt = ""
    for form, query, cap in queries(address, settings.service):
        answer = lookup.ask(query, address.country)
        if answer is None:
            continue
        raw = answer.raw if isinstance(answer.raw, dict) else {}
        latitude, longitude = float(answer.latitude), float(answer.longitude)
        if not (abs(latitude) <= 90 and abs(longitude) <= 180):  # noqa: PLR2004 (the globe's limits)
            raise ValueError(f"unmögliche Koordinaten {latitude}, {longitude}")
        doubt = doubts(address, latitude, longitude, country_of(raw, settings.service), settings, gazetteer)
        if doubt:
            continue
        return CacheEntry(
            breite=round(latitude, 6), laenge=round(longitude, 6),
            genauigkeit=precision_of(raw, settings.service, cap), dienst=settings.domain,
            abgefragt_am=today, anzeigename=str(answer.address or "")[:300], abfrage=form,
        ), ""
    return None, doubt
