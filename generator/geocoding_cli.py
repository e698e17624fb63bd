"""``wegweiser geocode`` and ``wegweiser geocode --check``: reports for people.

Exit codes: 0 done; 1 records have problems, or (--check) an address has no coordinates
at all; 3 the run stopped early because the service could not be used (the cache keeps
every point found so far); 130 interrupted with Ctrl-C (likewise saved).
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml

from . import geocache, geocode, geocoder, pipeline
from .problems import report, summary

SETTING_FLAGS = ("service", "domain", "scheme", "user_agent", "contact", "pause", "timeout")


def settings_from(args) -> geocoder.GeocoderSettings:
    """mkdocs.yml's ``plugins: - wegweiser: geocoder:`` block, overridden by flags."""
    configured = {}
    config_file = Path(args.config)
    if config_file.exists():
        try:
            config = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError:
            config = {}
        for plugin in config.get("plugins") or []:
            if isinstance(plugin, dict) and isinstance(plugin.get("wegweiser"), dict):
                configured = dict(plugin["wegweiser"].get("geocoder") or {})
    for name in SETTING_FLAGS:
        if getattr(args, name, None) is not None:
            configured[name] = getattr(args, name)
    return geocoder.GeocoderSettings(**{k: v for k, v in configured.items() if k in SETTING_FLAGS})


def run(args) -> int:
    sources = pipeline.Sources(Path(args.content), Path(args.schemas), Path(args.cache) if args.cache else None)
    loaded = pipeline.load_and_validate(sources)
    if not loaded.ok:
        print(report(loaded.problems))
        print(f"\n{summary(loaded.problems)} Bitte erst die Einträge korrigieren.", file=sys.stderr)
        return 1
    if args.check:
        return check(loaded)
    if args.prune:
        return prune(loaded, sources.geocache)
    return look_up(loaded, sources.geocache, settings_from(args))


def prune(loaded: pipeline.Loaded, cache_file: Path) -> int:
    """Offline: drop cache entries that no address uses any more."""
    _, located = pipeline.locate(loaded)
    if not located.stale_keys:
        print(f"{cache_file}: keine veralteten Einträge.")
        return 0
    stale = set(located.stale_keys)
    geocache.save(cache_file, {k: v for k, v in loaded.geocache.items() if k not in stale})
    print(f"{cache_file}: {len(stale)} veraltete Einträge entfernt.")
    return 0


def check(loaded: pipeline.Loaded) -> int:
    """Offline: which addresses lack precise coordinates, which cache entries are stale."""
    _, located = pipeline.locate(loaded)
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
    return 1 if located.missing else 0


def look_up(loaded: pipeline.Loaded, cache_file: Path, settings: geocoder.GeocoderSettings,
            lookup: geocoder.Lookup | None = None) -> int:
    _, located = pipeline.locate(loaded)
    # Old entries of a now confidential address leave the cache whenever it is written.
    cache = {k: v for k, v in loaded.geocache.items() if k not in set(located.confidential_keys)}
    result = geocoder.RefreshResult()
    print(f"Frage {settings.domain} ({settings.service}) nach Adressen ohne Koordinaten …", file=sys.stderr)
    interrupted = False
    try:
        geocoder.refresh(geocode.addresses(loaded.directory), cache, settings, lookup=lookup, result=result)
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
        return 130
    if result.stopped:
        print(f"Vorzeitig beendet: {result.stopped}", file=sys.stderr)
        return 3
    return 0


def add_parser(commands) -> None:
    parser = commands.add_parser(
        "geocode", help="Adressen online verorten (einziger Befehl mit Netzwerk) oder mit --check prüfen")
    parser.add_argument("--check", action="store_true",
                        help="ohne Netzwerk: Adressen ohne genaue Koordinaten und veraltete Cache-Einträge zeigen")
    parser.add_argument("--aufraeumen", dest="prune", action="store_true",
                        help="ohne Netzwerk: veraltete Einträge aus dem Geocode-Cache entfernen")
    parser.add_argument("--cache", help="Geocode-Cache (Standard: geocache.json im Ordner der Einträge)")
    parser.add_argument("--config", default="mkdocs.yml", help="Einstellungen aus dieser mkdocs.yml lesen")
    parser.add_argument("--dienst", dest="service", choices=("nominatim", "photon"))
    parser.add_argument("--domain", help="Server, z. B. nominatim.openstreetmap.org oder ein eigener")
    parser.add_argument("--scheme", choices=("https", "http"))
    parser.add_argument("--user-agent", dest="user_agent")
    parser.add_argument("--kontakt", dest="contact", help="E-Mail-Adresse für den Betreiber des Dienstes")
    parser.add_argument("--pause", type=float, help="Sekunden zwischen zwei Anfragen (öffentliches Nominatim: mind. 1)")
    parser.add_argument("--timeout", type=float, help="Sekunden, die auf eine Antwort gewartet wird")
    parser.set_defaults(run=run)
