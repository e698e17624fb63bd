"""``wegweiser geocode`` (the only command that uses the network) and its offline
``--check`` and ``--aufraeumen``: reports for people. Exit codes as in ``commands.py``:
``--check`` gives 1 when an address has no coordinates at all."""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from . import commands, geocache, geocode, geocoder, pipeline
from .settings import GeocoderSettings

SETTING_FLAGS = ("service", "domain", "scheme", "user_agent", "contact", "pause", "timeout")


def settings_from(args) -> GeocoderSettings:
    """mkdocs.yml's ``plugins: - wegweiser: geocoder:`` block, overridden by flags."""
    configured = commands.settings_of(args).geocoder
    flags = {name: getattr(args, name) for name in SETTING_FLAGS if getattr(args, name, None) is not None}
    return dataclasses.replace(configured, **flags)


def run(args) -> int:
    sources = commands.sources_of(args, args.cache)
    prepared = pipeline.prepare(sources)
    if args.check:
        return check(prepared)
    if args.prune:
        return prune(prepared, sources.geocache)
    return look_up(prepared, sources.geocache, settings_from(args))


def prune(prepared: pipeline.Prepared, cache_file: Path) -> int:
    """Offline: drop cache entries that no address uses any more."""
    located = prepared.located
    if not located.stale_keys:
        print(f"{cache_file}: keine veralteten Einträge.")
        return commands.OK
    stale = set(located.stale_keys)
    geocache.save(cache_file, {k: v for k, v in prepared.geocache.items() if k not in stale})
    print(f"{cache_file}: {len(stale)} veraltete Einträge entfernt.")
    return commands.OK


def check(prepared: pipeline.Prepared) -> int:
    """Offline: which addresses lack precise coordinates, which cache entries are stale."""
    located = prepared.located
    places = located.places
    exact = [p for p in places if p.location and not p.location.approximate]
    print(f"{len(places)} Adressen: {len(exact)} genau verortet, {len(located.approximate)} nur ungefähr, "
          f"{len(located.missing)} ohne Koordinaten.")
    if located.missing:
        print("\nOhne Koordinaten (bitte „koordinaten“ angeben oder den Ortsnamen prüfen):")
        for p in located.missing:
            print(f"  {p.owner}: {p.address.one_line}. {p.note}")
    if located.approximate:
        print("\nNur ungefähr verortet (wegweiser geocode fragt diese Adressen online ab):")
        for p in located.approximate:
            print(f"  {p.owner}: {p.address.one_line}: {geocode.describe(p.location)}")
    doubtful = [p for p in places if p.note and p.location]
    if doubtful:
        print("\nBitte ansehen:")
        for p in doubtful:
            print(f"  {p.owner}: {p.address.one_line}: {p.note}")
    if located.stale_keys:
        print("\nVeraltete Einträge im Geocode-Cache (keine Adresse passt mehr dazu; "
              "„wegweiser geocode --aufraeumen“ entfernt sie):")
        for key in located.stale_keys:
            print(f"  {key}")
    if located.confidential_keys:
        print(f"\nAchtung: {len(located.confidential_keys)} veraltete Einträge liegen am Ort einer "
              "vertraulichen Anschrift und enthalten vielleicht deren frühere Straße. Bitte entfernen Sie "
              "sie mit „wegweiser geocode --aufraeumen“.")
    return commands.PROBLEMS if located.missing else commands.OK


def look_up(prepared: pipeline.Prepared, cache_file: Path, settings: GeocoderSettings,
            lookup: geocoder.Lookup | None = None) -> int:
    located = prepared.located
    # Old entries of a now confidential address leave the cache whenever it is written.
    cache = {k: v for k, v in prepared.geocache.items() if k not in set(located.confidential_keys)}
    result = geocoder.RefreshResult()
    print(f"Frage {settings.domain} ({settings.service}) nach Adressen ohne Koordinaten …", file=sys.stderr)
    interrupted = False
    try:
        geocoder.refresh(geocode.addresses(prepared.directory), cache, settings, lookup=lookup, result=result)
    except KeyboardInterrupt:
        interrupted = True
    if result.entries or located.confidential_keys:
        geocache.save(cache_file, {**cache, **result.entries})
    if located.confidential_keys:
        print(f"{len(located.confidential_keys)} Einträge am Ort einer vertraulichen Anschrift aus dem "
              "Geocode-Cache entfernt.")
    print(f"{result.asked} Adressen abgefragt: {result.found} genau gefunden, {result.approximate} nur "
          f"ungefähr, {len(result.not_found)} nicht gefunden, {len(result.failed)} mit Fehlern.")
    for title, lines in (("Zur Prüfung (nicht übernommen)", result.review),
                         ("Nicht gefunden", result.not_found), ("Fehler", result.failed)):
        if lines:
            print(f"\n{title}:")
            for line in lines:
                print(f"  {line}")
    if result.entries:
        print(f"\n{len(result.entries)} neue Einträge in {cache_file} gespeichert.")
    else:
        print(f"\n{cache_file} ist unverändert.")
    if interrupted:
        print("Abgebrochen (Strg+C). Bisherige Ergebnisse sind gespeichert.", file=sys.stderr)
        return commands.INTERRUPTED
    if result.stopped:
        print(f"Vorzeitig beendet: {result.stopped}", file=sys.stderr)
        return commands.SERVICE
    return commands.OK


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "geocode", help="Adressen online verorten (einziger Befehl mit Netzwerk) oder mit --check prüfen")
    parser.add_argument("--check", action="store_true",
                        help="ohne Netzwerk: Adressen ohne genaue Koordinaten und veraltete Cache-Einträge zeigen")
    parser.add_argument("--aufraeumen", dest="prune", action="store_true",
                        help="ohne Netzwerk: veraltete Einträge aus dem Geocode-Cache entfernen")
    parser.add_argument("--cache", help="Geocode-Cache (Standard: geocache.json im Ordner der Einträge)")
    parser.add_argument("--dienst", dest="service", choices=("nominatim", "photon"))
    parser.add_argument("--domain", help="Server, z. B. nominatim.openstreetmap.org oder ein eigener")
    parser.add_argument("--scheme", choices=("https", "http"))
    parser.add_argument("--user-agent", dest="user_agent")
    parser.add_argument("--kontakt", dest="contact", help="E-Mail-Adresse für den Betreiber des Dienstes")
    parser.add_argument("--pause", type=float, help="Sekunden zwischen zwei Anfragen (öffentliches Nominatim: mind. 1)")
    parser.add_argument("--timeout", type=float, help="Sekunden, die auf eine Antwort gewartet wird")
    parser.set_defaults(run=run)
