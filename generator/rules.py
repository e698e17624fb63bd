"""Rules across records that JSON Schema cannot express: ids that match file names and
are unique, references inside one file, a closure that is a day or a range but not both,
ranges running forwards. (That an offering says where it takes place, a closure when, an
event where, is in the schemas, so that the contribution page states it too.)"""
from __future__ import annotations

import datetime as dt
import re
from typing import Iterable

from . import id_clashes
from .from_yaml import yes
from .kinds import Kind
from .problems import Problem
from .render.urls import RESERVED_IDS  # ids become page addresses
from .yamlsafe import Document

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def check(documents: dict[Kind, list[Document]]) -> list[Problem]:
    problems: list[Problem] = []
    for kind, docs in documents.items():
        problems += ids_match_file_names(docs)
        problems += id_clashes.record_ids(docs, kind)
    organisations = documents.get(Kind.ORGANISATIONS, [])
    for doc in organisations:
        for i, offering in enumerate(_list(doc.data, "angebote")):
            if offering.get("id") in RESERVED_IDS:
                problems.append(doc.problem(("angebote", i, "id"), (
                    f"Die Kennung „{offering['id']}“ ist reserviert. Bitte setzen Sie die Kennung des Trägers davor.")))
    problems += id_clashes.offering_ids(organisations)
    for doc in organisations:
        problems += offering_places(doc)
        problems += closures(doc)
    for doc in documents.get(Kind.EVENTS, []):
        problems += event_place(doc)
        if isinstance(doc.data.get("ort"), dict):
            problems += coordinates_in_country(doc, ("ort",), doc.data["ort"])
            problems += confidential_address(doc, ("ort",), doc.data["ort"])
    for doc in organisations:
        for i, address in enumerate(_list(doc.data, "adressen")):
            problems += coordinates_in_country(doc, ("adressen", i), address)
    for kind in (Kind.NETWORKS, Kind.REGIONS):
        problems += part_of_cycles(documents.get(kind, []))
    return problems


def part_of_cycles(docs: list[Document]) -> list[Problem]:
    """„teil_von“ must lead upwards and end: no record may (indirectly) contain itself."""
    parent = {d.data.get("id"): d.data.get("teil_von") for d in docs if isinstance(d.data.get("id"), str)}
    problems = []
    for doc in docs:
        start = doc.data.get("id")
        if "teil_von" not in doc.data or not isinstance(start, str):
            continue
        chain, current = [start], parent.get(start)
        while isinstance(current, str) and current in parent and current not in chain:
            chain.append(current)
            current = parent.get(current)
        if current == start:
            circle = " → ".join(chain + [start])
            message = ("Ein Eintrag kann nicht Teil von sich selbst sein." if len(chain) == 1 else
                       f"„teil_von“ führt im Kreis: {circle}. Bitte lösen Sie den Kreis auf.")
            problems.append(doc.problem(("teil_von",), message))
    return problems


# What a confidential address must not contain, and where that information may go instead.
CONFIDENTIAL_SECRETS = (
    ("bezeichnung", "keine Bezeichnung", " Nennen Sie die Einrichtung im Namen des Angebots."),
    ("strasse", "keine Straße", ""),
    ("plz", "keine Postleitzahl", ""),
    ("hinweis", "keinen Hinweis zum Weg", " Wie man Kontakt aufnimmt, gehört in die Beschreibung des Angebots."),
    ("koordinaten", "keine Koordinaten", ""),
)


def confidential_address(doc: Document, path: tuple, address: dict) -> list[Problem]:
    """A shelter's address names its town only: the file and its history are public."""
    if not yes(address.get("vertraulich")):
        return []
    return [doc.problem(path + (secret,), (
        f"Eine vertrauliche Anschrift nennt nur den Ort und darf {name} enthalten: Alles in dieser "
        f"Datei ist öffentlich. Bitte löschen Sie „{secret}“.{instead}"), key=True)
        for secret, name, instead in CONFIDENTIAL_SECRETS if secret in address]


def _list(data, key) -> list:
    value = data.get(key) if isinstance(data, dict) else None
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def ids_match_file_names(docs: Iterable[Document]) -> list[Problem]:
    problems = []
    for doc in docs:
        record_id = doc.data.get("id")
        if record_id in RESERVED_IDS:
            problems.append(doc.problem(("id",), (
                f"Die Kennung „{record_id}“ ist für Seiten des Verzeichnisses reserviert. "
                f"Bitte wählen Sie eine längere, z. B. „{record_id}-{doc.path.parent.name}“.")))
        # An id of the wrong form is reported by the schema; renaming the file won't help.
        if isinstance(record_id, str) and ID_PATTERN.match(record_id) and record_id != doc.path.stem:
            # Never advise a name that is taken (renaming would overwrite that entry) or an
            # id that is no id ("caritas - Kopie", Windows' name for a copy).
            taken = (doc.path.parent / f"{record_id}{doc.path.suffix}").exists()
            ways = ([f"benennen Sie die Datei in „{record_id}{doc.path.suffix}“ um"] if not taken else []) + (
                [f"ändern Sie die Kennung in „{doc.path.stem}“"] if ID_PATTERN.match(doc.path.stem) else [])
            either = " oder ".join(ways)
            advice = (either[:1].upper() + either[1:] + "." if ways else
                      f"Die Datei „{record_id}{doc.path.suffix}“ gibt es schon: Ist dies eine Kopie, geben Sie "
                      "ihr eine eigene Kennung und benennen Sie die Datei genauso.")
            problems.append(doc.problem(("id",), (
                f"Die Kennung „{record_id}“ muss genau dem Dateinamen entsprechen. {advice}")))
    return problems


def unique(doc: Document, entries, template: str) -> list[Problem]:
    """One problem for every repeat of a value in one file, naming the line where it first
    stood (ids that are unique across files are ``id_clashes``')."""
    first: dict[str, tuple] = {}
    problems = []
    for path, value in entries:
        if not isinstance(value, str):
            continue
        if value in first:
            other = f"Zeile {doc.position(first[value])[0]}"
            problems.append(doc.problem(path, template.format(value=value, other=other)))
        else:
            first[value] = path
    return problems


def offering_places(doc: Document) -> list[Problem]:
    problems = []
    addresses = _list(doc.data, "adressen")
    problems += unique(
        doc, ((("adressen", i, "id"), a.get("id")) for i, a in enumerate(addresses)),
        "Die Adresskennung „{value}“ steht schon bei einer anderen Adresse ({other}).",
    )
    for i, address in enumerate(addresses):
        problems += confidential_address(doc, ("adressen", i), address)
    address_ids = [a.get("id") for a in addresses if isinstance(a.get("id"), str)]
    for i, offering in enumerate(_list(doc.data, "angebote")):
        places = offering.get("orte") if isinstance(offering.get("orte"), list) else []
        # An address without its id is already reported: point there rather than say twice
        # that the reference is wrong.
        unnamed = [n for n, a in enumerate(addresses, 1) if not isinstance(a.get("id"), str)]
        for j, place in enumerate(places):
            # A reference that is no id at all ("Neuwied") is the schema's to name, once.
            if isinstance(place, str) and place not in address_ids and ID_PATTERN.match(place):
                known = (", ".join(address_ids) if address_ids else "keine" if addresses
                         else "keine (die Liste „adressen“ ist leer)" if "adressen" in doc.data
                         else "keine (das Feld „adressen“ fehlt)")
                missing = (f" Der {unnamed[0]}. Adresse fehlt die Kennung: Ist es diese, schreiben Sie dort "
                           f"„id: {place}“." if unnamed else "")
                problems.append(doc.problem(("angebote", i, "orte", j), (
                    f"Dieser Träger hat keine Adresse mit der Kennung „{place}“. "
                    f"Vorhandene Adresskennungen: {known}.{missing}")))
    return problems


# Generous boxes around each country: a point outside is certainly a typo or swapped values.
COUNTRY_BOXES = {"DE": (47.2, 55.1, 5.8, 15.1), "CZ": (48.5, 51.1, 12.0, 18.9)}
COUNTRY_NAMES = {"DE": "Deutschland", "CZ": "Tschechien"}


def coordinates_in_country(doc: Document, path: tuple, address: dict) -> list[Problem]:
    coordinates, country = address.get("koordinaten"), address.get("land", "DE")
    if not isinstance(coordinates, dict) or country not in COUNTRY_BOXES:
        return []
    try:
        latitude, longitude = float(coordinates["breite"]), float(coordinates["laenge"])
    except (KeyError, TypeError, ValueError):
        return []  # the schema names the malformed value
    south, north, west, east = COUNTRY_BOXES[country]
    if south <= latitude <= north and west <= longitude <= east:
        return []
    hint = " Sind Breite und Länge vertauscht?" if south <= longitude <= north and west <= latitude <= east else ""
    return [doc.problem(path + ("koordinaten",), (
        f"Der Punkt {latitude}, {longitude} liegt nicht in {COUNTRY_NAMES[country]}.{hint} "
        "Die Breite steht zuerst, z. B. breite: \"50.7100\", laenge: \"12.7803\"."))]


def _day(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None  # the schema names the malformed date


def closures(doc: Document) -> list[Problem]:
    """Each closure is one day, a range of days, or "closed until"; a range runs forwards."""
    problems = []
    for i, offering in enumerate(_list(doc.data, "angebote")):
        for j, closure in enumerate(_list(offering, "schliesszeiten")):
            path = ("angebote", i, "schliesszeiten", j)
            if "datum" in closure and ("von" in closure or "bis" in closure):
                problems.append(doc.problem(path + ("datum",), (
                    "Eine Schließzeit ist entweder ein Tag („datum“) oder ein Zeitraum („von“ und „bis“), "
                    "nicht beides. Bitte legen Sie für jeden eine eigene Schließzeit an (Zeile mit „- “)."), key=True))
            start, end = _day(closure.get("von")), _day(closure.get("bis"))
            if start and end and end < start:
                problems.append(doc.problem(path + ("bis",), (
                    f"„bis“ ({closure['bis']}) liegt vor „von“ ({closure['von']}). „bis“ ist der letzte "
                    "geschlossene Tag; bitte prüfen Sie beide Daten.")))
    return problems


def event_place(doc: Document) -> list[Problem]:
    problems = []
    data = doc.data
    start, end = data.get("datum"), data.get("bis_datum")
    if isinstance(start, str) and isinstance(end, str) and end < start:
        problems.append(doc.problem(("bis_datum",), f"„bis_datum“ ({end}) liegt vor „datum“ ({start})."))
    return problems
