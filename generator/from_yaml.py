"""Records from validated YAML data: German field names in, domain values out.

Runs only on documents the schema and the rules have accepted, so it can index freely.
"""
from __future__ import annotations

import datetime as dt
from typing import Mapping

from .kinds import Kind
from .records import (Address, Closure, Contact, Event, Network, Offering, OpeningHours, Organisation,
                      Region, Source, Text)
from .yamlsafe import Document

# The schema's ja_nein allows these four; "true"/"false" for files written by tools.
YES = ("ja", "true")


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def yes(value: object) -> bool:
    """The one reading of a yes/no field; anything but "ja"/"true" (or missing) is no."""
    return value in YES


def address(data: Mapping) -> Address:
    confidential = yes(data.get("vertraulich"))
    # A shelter's address keeps its town only, here at the door, so no later page, map,
    # search file or export can publish more of it.
    public = {"ort": data["ort"], "land": data.get("land", "DE")} if confidential else data
    return Address(
        id=data.get("id", ""),
        label=Text.of(public.get("bezeichnung")),
        street=public.get("strasse", ""),
        postcode=public.get("plz", ""),
        town=data["ort"],
        country=data.get("land", "DE"),
        note=Text.of(public.get("hinweis")),
        confidential=confidential,
        coordinates=(float(public["koordinaten"]["breite"]), float(public["koordinaten"]["laenge"]))
        if "koordinaten" in public else None,
    )


def contact(data: Mapping) -> Contact:
    publishable = yes(data.get("durchwahl_veroeffentlichen"))
    return Contact(
        role=Text.of(data["rolle"]),
        phone=data.get("telefon", ""),
        email=data.get("email", ""),
        person=data.get("ansprechperson", ""),
        direct_line=data.get("durchwahl", "") if publishable else "",
    )


def closure(data: Mapping) -> Closure:
    """One day (``datum``), a range (``von``, ``bis``) or "closed until" (``bis`` alone)."""
    if "datum" in data:
        return Closure(_date(data["datum"]), _date(data["datum"]), Text.of(data.get("hinweis")))
    return Closure(_date(data["bis"]), _date(data.get("von")), Text.of(data.get("hinweis")))


def offering(data: Mapping, organisation_id: str, addresses: Mapping[str, Address], source: Source) -> Offering:
    return Offering(
        id=data["id"],
        organisation_id=organisation_id,
        name=Text.of(data["name"]),
        description=Text.of(data["beschreibung"]),
        easy_language=Text.of(data.get("leichte_sprache")),
        topics=tuple(data["themen"]),
        target_groups=tuple(data["zielgruppen"]),
        legal_bases=tuple(data.get("rechtsgrundlagen", ())),
        regions=tuple(data.get("regionen", ())),
        places=tuple(addresses[place] for place in data.get("orte", ())),
        outreach=yes(data.get("aufsuchend")),
        online=yes(data.get("online")),
        hours=tuple(
            OpeningHours(tuple(h["tage"]), h["von"], h["bis"], Text.of(h.get("hinweis")))
            for h in data.get("sprechzeiten", ())
        ),
        around_the_clock=yes(data.get("rund_um_die_uhr")),
        hours_note=Text.of(data.get("sprechzeiten_hinweis")),
        cost=data.get("kosten", ""),
        cost_note=Text.of(data.get("kosten_hinweis")),
        access=tuple(data["zugang"]),
        languages=tuple(data.get("sprachen", ())),
        accessibility=tuple(data.get("barrierefreiheit", ())),
        contacts=tuple(contact(c) for c in data["kontakt"]),
        website=data.get("webseite", ""),
        status=data["status"],
        last_checked=_date(data["zuletzt_geprueft"]),
        source=source,
        machine_translated=frozenset(data.get("maschinell_uebersetzt", ())),
        closures=tuple(closure(c) for c in data.get("schliesszeiten", ())),
    )


def organisation(data: Mapping, source: Source, line_of=lambda path: 1) -> Organisation:
    addresses = tuple(address(a) for a in data.get("adressen", ()))
    by_id = {a.id: a for a in addresses}
    return Organisation(
        id=data["id"],
        name=Text.of(data["name"]),
        short_name=data.get("kurzname", ""),
        kind=data["art"],
        description=Text.of(data.get("beschreibung")),
        website=data.get("webseite", ""),
        email=data.get("email", ""),
        phone=data.get("telefon", ""),
        addresses=addresses,
        networks=tuple(data.get("netzwerke", ())),
        offerings=tuple(
            offering(o, data["id"], by_id, Source(source.path, line_of(("angebote", i))))
            for i, o in enumerate(data["angebote"])
        ),
        source=source,
        machine_translated=frozenset(data.get("maschinell_uebersetzt", ())),
    )


def network(data: Mapping, source: Source) -> Network:
    return Network(
        id=data["id"],
        name=Text.of(data["name"]),
        kind=data["art"],
        description=Text.of(data["beschreibung"]),
        part_of=data.get("teil_von", ""),
        regions=tuple(data["regionen"]),
        topics=tuple(data.get("themen", ())),
        coordinators=tuple(contact(c) for c in data.get("koordination", ())),
        hosts=tuple(data.get("traeger", ())),
        members=tuple(data.get("mitglieder", ())),
        website=data.get("webseite", ""),
        since=_date(data.get("seit")),
        until=_date(data.get("bis")),
        last_checked=_date(data["zuletzt_geprueft"]),
        source=source,
        working_languages=tuple(data.get("arbeitssprachen", ())),
    )


def region(data: Mapping, source: Source) -> Region:
    return Region(
        id=data["id"],
        name=Text.of(data["name"]),
        kind=data["art"],
        countries=tuple(data["laender"]),
        part_of=data.get("teil_von", ""),
        municipalities=tuple(data.get("gemeinden", ())),
        description=Text.of(data.get("beschreibung")),
        source=source,
    )


def event(data: Mapping, source: Source) -> Event:
    return Event(
        id=data["id"],
        title=Text.of(data["titel"]),
        topic=Text.of(data.get("thema")),
        description=Text.of(data.get("beschreibung")),
        date=_date(data["datum"]),
        end_date=_date(data.get("bis_datum")),
        start=data.get("beginn", ""),
        end=data.get("ende", ""),
        place=address(data["ort"]) if "ort" in data else None,
        online=yes(data.get("online")),
        topics=tuple(data.get("themen", ())),
        network=data.get("netzwerk", ""),
        organisers=tuple(data.get("veranstalter", ())),
        registration=contact(data["anmeldung"]) if "anmeldung" in data else None,
        source=source,
    )


def record(kind: Kind, document: Document):
    """The domain value of one validated file."""
    source = Source(document.path, 1)
    if kind is Kind.ORGANISATIONS:
        return organisation(document.data, source, lambda path: document.position(path)[0])
    return {Kind.REGIONS: region, Kind.NETWORKS: network, Kind.EVENTS: event}[kind](document.data, source)
