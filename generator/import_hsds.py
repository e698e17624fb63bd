"""HSDS 3.0 data as provider records (``wegweiser import``).

Read are (``read``):

- a JSON document: the tables of ``hsds.export`` (``{"organization": [...], ...}``), or
  keyed by their CSV files as the specification's ``examples/tabular.json`` has them
  (``{"organizations.csv": [...], ...}``; tables we take nothing from are passed over), one
  nested document of HSDS's API (a service, an organization or a service at a location,
  as ``schema/compiled/*.json`` and the specification's examples have them), a list of
  them, or a page of the API (``{"contents": [...]}``); the nested documents are taken
  apart into the same tables;
- a folder of the datapackage's CSV files (``organizations.csv``, ``services.csv``, …,
  the names of ``hsds.TABLE_FILES``).

``records`` turns the tables into provider records. Our own export gives back what it
holds: the keys from its ``metadata`` entries (``hsds``), every vocabulary term from its
attributes, closures from the service's ``alert``. Data from elsewhere is taken over as
far as it fits, and every part that does not fit is named (``Finding``): a term that is
no term of our vocabularies (with the nearest one), a schedule that is no weekly one,
an area that is no region of the directory. A value our fields do not allow (an http://
website, a language our vocabulary lacks, a phone number, a point, a country) is left out,
not the offering, and named. A required field the data lacks is filled with the most
general value (``_Mapping.required``: every target group, "by appointment", online when
only a phone or e-mail is known; a theme only from ``--thema``) and named, to be checked;
what is still missing is left to the check of all records (``import_records``).
"""
from __future__ import annotations

import csv
import json
import re
from pathlib import Path

from . import hsds_schedules
from .hsds import PRECISION, STATUS, TABLE_FILES
from .import_records import BadInput, Finding, Imported, slug, term_id, text, unique
from .opening_hours import WEEKDAYS
from .records import OFFERING_TERMS
from .schema_messages import suggestion
from .vocab import Vocabulary

NUMBERS = {"latitude", "longitude", "amount", "extension", "minimum_age", "maximum_age", "timezone", "interval",
           "count", "year_incorporated"}
# What a nested document holds, by key: the kind of object (None: not taken over).
CHILDREN = {
    "service": {"phones": "phone", "schedules": "schedule", "service_areas": "service_area",
                "service_at_locations": "service_at_location", "languages": "language", "organization": "organization",
                "cost_options": "cost_option", "contacts": "contact"},
    "organization": {"phones": "phone", "locations": "location", "services": "service", "contacts": "contact"},
    "location": {"addresses": "address", "phones": "phone", "schedules": "schedule", "languages": "language",
                 "contacts": "contact", "accessibility": "accessibility"},
    "service_at_location": {"location": "location", "service": "service", "contacts": "contact", "phones": "phone",
                            "schedules": "schedule"},
    "contact": {"phones": "phone"},
    "phone": {"languages": "language"},
    "attribute": {"taxonomy_term": "taxonomy_term"},
    "taxonomy_term": {"taxonomy_detail": "taxonomy"},
}
ONE = {"organization", "location", "service", "taxonomy_term", "taxonomy_detail"}  # a nested object, not a list
DAYS = {code: day for day, code in hsds_schedules.BYDAY.items()}
OUR_STATUS = {hsds_status: str(our) for our, hsds_status in STATUS.items()} | {"inactive": "voruebergehend-geschlossen"}
GERMAN_DATE = r"(\d{2})\.(\d{2})\.(\d{4})"
CLOSURE = re.compile(rf"Geschlossen (?:am {GERMAN_DATE}|vom {GERMAN_DATE} bis {GERMAN_DATE}|bis einschließlich "
                     rf"{GERMAN_DATE})(?: \((.*?)\))?\.(?= Geschlossen |$)")

# Fields whose values are checked against the common schema's patterns (by definition), and
# why a value that does not fit is left out.
PATTERNS = {"webseite": "webseite", "email": "email", "telefon": "telefon", "breite": "breite", "laenge": "laenge"}
WHY = {"webseite": "Das ist keine vollständige Internetadresse",
       "email": "Das ist keine gültige E-Mail-Adresse",
       "telefon": "Veröffentlicht werden deutsche Nummern mit Vorwahl und tschechische mit +420",
       "breite": "Das ist keine geografische Breite", "laenge": "Das ist keine geografische Länge"}

Tables = dict[str, list[dict]]


# --- reading -----------------------------------------------------------------------------------

def read(path: Path) -> tuple[Tables, dict[tuple[str, str], str]]:
    """The tables of an HSDS file or folder, and where each row stood (for messages)."""
    if path.is_dir():
        return _read_folder(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as error:
        raise BadInput(f"{path}: Die Datei ist nicht in UTF-8 gespeichert (Byte {error.start + 1}). "
                       "HSDS-JSON ist immer UTF-8.") from None
    except json.JSONDecodeError as error:
        raise BadInput(f"{path}:{error.lineno}:{error.colno}: Das ist kein gültiges JSON: {error.msg}.") from None
    tables: Tables = {name: [] for name in TABLE_FILES}
    where: dict[tuple[str, str], str] = {}
    if isinstance(document, dict) and "contents" in document and isinstance(document["contents"], list):
        document = document["contents"]
    if isinstance(document, dict) and any(isinstance(document.get(name), list) for name in TABLE_FILES) \
            and "id" not in document:
        for name, rows in document.items():
            if name not in TABLE_FILES or not isinstance(rows, list):
                raise BadInput(f"{path}: „{name}“ ist keine Tabelle von HSDS. Erwartet sind: "
                               f"{', '.join(TABLE_FILES)}.")
            for number, row in enumerate(rows, 1):
                _add(tables, where, name, _flat(row), f"{path.name}, {name} Nr. {number}")
        return tables, where
    files = {file: name for name, file in TABLE_FILES.items()}
    if isinstance(document, dict) and any(isinstance(document.get(file), list) for file in files) \
            and "id" not in document:  # the specification's tabular.json: tables by CSV file name
        for file, rows in document.items():
            if file not in files:
                continue  # a table of HSDS we take nothing from (programs.csv, funding.csv, …)
            if not isinstance(rows, list):
                raise BadInput(f"{path}: „{file}“ ist keine Liste von Zeilen.")
            for number, row in enumerate(rows, 1):
                if isinstance(row, dict):
                    _add(tables, where, files[file], _flat(row), f"{path.name}, {file} Nr. {number}")
        return tables, where
    documents = document if isinstance(document, list) else [document]
    for number, nested in enumerate(documents, 1):
        if not isinstance(nested, dict) or "id" not in nested:
            raise BadInput(f"{path}: Eintrag {number} ist kein HSDS-Dokument (ein Objekt mit „id“).")
        _take_apart(tables, where, _kind_of(nested), nested, None, None, f"{path.name}, Dokument {number}")
    return tables, where


def _kind_of(document: dict) -> str:
    if "location" in document or ("service_id" in document and "location_id" in document):
        return "service_at_location"
    return "service" if "status" in document else "organization"


def _flat(row: dict) -> dict:
    return {key: value for key, value in row.items() if not isinstance(value, (dict, list)) and value not in (None, "")}


def _add(tables: Tables, where: dict, table: str, row: dict, label: str) -> None:
    if "id" not in row:
        return
    known = next((r for r in tables[table] if r["id"] == row["id"]), None)
    if known is None:
        tables[table].append(row)
        name = row.get("name") or row.get("title") or ""
        where[(table, row["id"])] = f"{label} ({table} „{name}“)" if name else f"{label} ({table})"
    else:
        known.update({key: value for key, value in row.items() if key not in known})


def _take_apart(tables: Tables, where: dict, kind: str, document: dict, parent: str | None, parent_id: str | None,
                label: str) -> None:
    row = _flat(document)
    if parent and parent_id:
        if kind == "attribute":
            row.setdefault("link_id", parent_id)
            row.setdefault("link_entity", parent)
        elif kind == "metadata":
            row.setdefault("resource_id", parent_id)
            row.setdefault("resource_type", parent)
        elif kind != "organization" and not (parent == "service_at_location" and kind in ("location", "service")):
            row.setdefault(f"{parent}_id", parent_id)
    for key, value in document.items():
        child = {**CHILDREN.get(kind, {}), "attributes": "attribute", "metadata": "metadata"}.get(key)
        if child is None or not value:
            continue
        if key in ONE and isinstance(value, dict):
            row.setdefault(f"{child}_id", value.get("id"))
            _take_apart(tables, where, child, value, kind, document.get("id"), label)
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, dict):
                    _take_apart(tables, where, child, item, kind, document.get("id"), label)
    _add(tables, where, kind, row, label)


def _read_folder(folder: Path) -> tuple[Tables, dict[tuple[str, str], str]]:
    tables: Tables = {name: [] for name in TABLE_FILES}
    where: dict[tuple[str, str], str] = {}
    if not any((folder / file).is_file() for file in TABLE_FILES.values()):
        raise BadInput(f"{folder}: Hier liegt keine Tabelle von HSDS (erwartet z. B. organizations.csv, services.csv).")
    for name, file in TABLE_FILES.items():
        path = folder / file
        if not path.is_file():
            continue
        try:
            with path.open(encoding="utf-8-sig", newline="") as stream:
                for number, row in enumerate(csv.DictReader(stream), 2):
                    if None in row:
                        raise BadInput(f"{path}:{number}: Die Zeile hat mehr Felder als die Kopfzeile Spalten.")
                    _add(tables, where, name, {key: _number(key, value) for key, value in row.items() if value != ""},
                         f"{file}, Zeile {number}")
        except UnicodeDecodeError as error:
            raise BadInput(f"{path}: Die Datei ist nicht in UTF-8 gespeichert (Byte {error.start + 1}). "
                           "Die CSV-Dateien von HSDS sind immer UTF-8.") from None
        except csv.Error as error:
            raise BadInput(f"{path}: Die CSV-Datei ist fehlerhaft: {error}.") from None
    return tables, where


def _number(key: str, value: str):
    if key not in NUMBERS:
        return value
    try:
        number = float(value)
    except ValueError:
        return value
    return int(number) if number.is_integer() and "." not in value else number


# --- mapping -----------------------------------------------------------------------------------

class _Mapping:
    def __init__(self, tables: Tables, where: dict, vocabularies: dict[str, Vocabulary], regions: dict[str, str],
                 default_kind: str | None, default_theme: str | None, patterns: dict[str, str]):
        self.tables, self.where, self.vocabularies, self.regions = tables, where, vocabularies, regions
        self.default_kind, self.default_theme, self.patterns = default_kind, default_theme, patterns
        self.by_id = {name: {row["id"]: row for row in rows} for name, rows in tables.items()}
        self.keys = {(row.get("resource_type"), row.get("resource_id")): row.get("previous_value")
                     for row in tables.get("metadata", []) if row.get("field_name") == "id"}
        # Objects a Wegweiser exported: there a published direct line had its person's consent.
        self.from_wegweiser = {row.get("resource_id") for row in tables.get("metadata", [])
                               if row.get("updated_by") == "Wegweiser"}
        self.findings: list[Finding] = []
        self.taken: set[str] = set()

    def under(self, table: str, field: str, value: str) -> list[dict]:
        return [row for row in self.tables.get(table, []) if row.get(field) == value]

    def at(self, table: str, row: dict) -> str:
        return self.where.get((table, row["id"]), f"{table} {row['id']}")

    def note(self, table: str, row: dict, message: str) -> None:
        self.findings.append(Finding(self.at(table, row), message))

    def fitting(self, table: str, row: dict, field: str, value: object) -> str | None:
        """A value of a field our schemas give a pattern (``PATTERNS``), or None: then
        it is left out, and a note says so (the rest of its record is taken over)."""
        found = str(value or "").strip()
        pattern = self.patterns.get(PATTERNS[field])
        if not found or not pattern or re.search(pattern, found):
            return found or None
        why = "nur https-Adressen werden veröffentlicht" if found.startswith("http://") else WHY[PATTERNS[field]]
        self.note(table, row, f"{field}: „{found}“ wurde nicht übernommen: {why}.")
        return None

    def assumed(self, table: str, row: dict, data: dict, field: str, value: object, why: str) -> None:
        """A required field the data does not fill, filled with the most general value."""
        data[field] = value
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        self.note(table, row, f"{field}: {why}; angenommen ist „{shown}“. Bitte prüfen Sie das und ändern Sie es "
                              "in der Datei, wenn es nicht stimmt.")

    # --- terms ---

    def terms(self, link_id: str) -> dict[str, list[tuple[str, dict]]]:
        """The terms linked to an object by vocabulary: ours by name, others as HSDS says."""
        found: dict[str, list[tuple[str, dict]]] = {}
        for attribute in self.under("attribute", "link_id", link_id):
            term = self.by_id["taxonomy_term"].get(attribute.get("taxonomy_term_id"), {})
            taxonomy = self.by_id["taxonomy"].get(term.get("taxonomy_id"), {})
            name = attribute.get("link_type") if attribute.get("link_type") in (
                *self.vocabularies, PRECISION) else term.get("taxonomy") or taxonomy.get("name") or ""
            found.setdefault(name, []).append((term.get("code") or term.get("name") or "", term))
        return found

    def our_terms(self, table: str, row: dict, linked: dict, vocabulary: str) -> list[str]:
        """The terms of one of our vocabularies; those of other taxonomies that name a term
        of it by id or label; each other term is named once (``foreign_terms``)."""
        terms = self.vocabularies[vocabulary]
        found = [code for code, _ in linked.get(vocabulary, []) if code in terms]
        found += [term_id(terms, code) for code, _ in linked.get(vocabulary, []) if code not in terms
                  and term_id(terms, code)]
        for name, entries in linked.items():
            if name in self.vocabularies or name == PRECISION:
                continue
            for code, term in entries:
                match = term_id(terms, code) or term_id(terms, term.get("name", ""))
                if match:
                    found.append(match)
        return list(dict.fromkeys(found))

    def foreign_terms(self, table: str, row: dict, linked: dict) -> None:
        wanted = [self.vocabularies[v] for v in OFFERING_TERMS if v in self.vocabularies]
        for name, entries in linked.items():
            if name in self.vocabularies or name == PRECISION:
                continue
            for code, term in entries:
                label = term.get("name") or code
                if not any(term_id(v, code) or term_id(v, label) for v in wanted):
                    themes = self.vocabularies.get("themen")
                    hint = suggestion(slug(label), themes.terms) if themes else ""
                    self.note(table, row, f"Der Begriff „{label}“ (Taxonomie „{name}“) ist kein Begriff der "
                                          f"Vokabulare des Wegweisers und wurde nicht übernommen.{hint}")

    # --- records ---

    def key(self, resource_type: str, row: dict) -> str | None:
        return self.keys.get((resource_type, row["id"]))

    def organisations(self) -> list[Imported]:
        found = []
        for row in self.tables["organization"]:
            if self.under("service", "organization_id", row["id"]):
                found.append(self.organisation(row))
            else:
                self.note("organization", row, "Der Träger hat in den Daten kein Angebot (service) und wurde nicht "
                                               "übernommen: Eine Träger-Datei braucht mindestens ein Angebot.")
        for service in self.tables["service"]:
            if service.get("organization_id") not in self.by_id["organization"]:
                self.note("service", service, "Das Angebot gehört zu keinem Träger (organization) der Daten "
                                              "und wurde nicht übernommen.")
        return found

    def organisation(self, row: dict) -> Imported:
        key = self.key("organization", row) or unique(slug(row.get("name", "")), self.taken)
        self.taken.add(key)
        data: dict = {"id": key, "name": row.get("name", "")}
        if row.get("alternate_name"):
            data["kurzname"] = row["alternate_name"]
        kinds = self.our_terms("organization", row, self.terms(row["id"]), "traegerarten") \
            if "traegerarten" in self.vocabularies else []
        if kinds or self.default_kind:
            data["art"] = kinds[0] if kinds else self.default_kind
        if row.get("description"):
            data["beschreibung"] = text(row["description"])
        for field, ours in (("website", "webseite"), ("email", "email")):
            value = self.fitting("organization", row, ours, row.get(field))
            if value:
                data[ours] = value
        phones = [p for p in self.under("phone", "organization_id", row["id"])
                  if not any(p.get(f) for f in ("contact_id", "service_id", "location_id"))]
        number = self.fitting("organization", row, "telefon", phones[0]["number"]) if phones else None
        if number:
            data["telefon"] = number
        services = self.under("service", "organization_id", row["id"])
        places = self.under("location", "organization_id", row["id"])
        for service in services:  # places of its services that belong to no organisation
            for link in self.under("service_at_location", "service_id", service["id"]):
                place = self.by_id["location"].get(link.get("location_id"))
                if place and not place.get("organization_id") and place not in places:
                    places.append(place)
        addresses, address_ids, origins = [], {}, []
        taken: set[str] = set()
        for place in places:
            address = self.address(key, place, taken)
            if address:
                addresses.append(address)
                address_ids[place["id"]] = address["id"]
                origins.append(self.at("location", place))
        if addresses:
            data["adressen"] = addresses
        offerings = [self.offering(key, service, address_ids) for service in services]
        data["angebote"] = offerings
        return Imported(data, self.at("organization", row), [self.at("service", s) for s in services], origins)

    def address(self, organisation_id: str, place: dict, taken: set[str]) -> dict | None:
        postal = sorted(self.under("address", "location_id", place["id"]),
                        key=lambda a: a.get("address_type") != "physical")
        if not postal:
            self.note("location", place, "Der Ort hat keine Anschrift (address) und wurde nicht übernommen.")
            return None
        found = postal[0]
        countries = self.vocabularies.get("laender")
        if found.get("country") and countries and found["country"] not in countries:
            self.note("location", place, f"Der Ort liegt in einem Land („{found['country']}“), das der Wegweiser "
                                         "nicht verzeichnet, und wurde nicht übernommen.")
            return None
        our_key = self.key("location", place)
        address_id = our_key.partition("/")[2] if our_key and our_key.startswith(f"{organisation_id}/") else unique(
            slug(place.get("name") or found.get("city") or "ort", 40), taken)
        taken.add(address_id)
        data: dict = {"id": address_id}
        if place.get("name"):
            data["bezeichnung"] = place["name"]
        street = ", ".join(part for part in (found.get("address_1"), found.get("address_2")) if part)
        if street:
            data["strasse"] = street
        if found.get("postal_code"):
            data["plz"] = str(found["postal_code"])
        data["ort"] = found.get("city", "")
        if found.get("country") and found["country"] != "DE":
            data["land"] = found["country"]
        if not street and not found.get("postal_code"):
            data = {"id": address_id, "ort": data["ort"], **({"land": data["land"]} if "land" in data else {}),
                    "vertraulich": "ja"}
            return data
        if place.get("description"):
            data["hinweis"] = text(place["description"])
        ours = PRECISION in self.terms(place["id"])
        if not ours and isinstance(place.get("latitude"), (int, float)) and isinstance(place.get("longitude"),
                                                                                        (int, float)):
            point = {"breite": f"{place['latitude']:.5f}", "laenge": f"{place['longitude']:.5f}"}
            if all(self.fitting("location", place, name, value) for name, value in point.items()):
                data["koordinaten"] = point
        return data

    def offering(self, organisation_id: str, row: dict, address_ids: dict[str, str]) -> dict:
        key = self.key("service", row) or unique(
            f"{organisation_id}-{slug(row.get('name', ''), 79 - len(organisation_id))}", self.taken)
        self.taken.add(key)
        data: dict = {"id": key, "name": row.get("name", "")}
        if row.get("description"):
            data["beschreibung"] = text(row["description"])
        linked = self.terms(row["id"])
        terms = {name: self.our_terms("service", row, linked, name)
                 for name in (*OFFERING_TERMS, "kosten", "status") if name in self.vocabularies}
        self.foreign_terms("service", row, linked)
        for name in ("themen", "zielgruppen", "rechtsgrundlagen"):
            if terms.get(name):
                data[name] = terms[name]
        regions = self.regions_of(row)
        if regions:
            data["regionen"] = regions
        links = self.under("service_at_location", "service_id", row["id"])
        places = [address_ids[link["location_id"]] for link in links if link.get("location_id") in address_ids]
        if places:
            data["orte"] = list(dict.fromkeys(places))
        ways = terms.get("zugangswege", [])
        for way in ("aufsuchend", "online"):
            if way in ways:
                data[way] = "ja"
        data.update(self.hours(row))
        cost = (terms.get("kosten") or [""])[0] or ("kostenlos" if any(
            option.get("amount") == 0 for option in self.under("cost_option", "service_id", row["id"])) else "")
        if cost:
            data["kosten"] = cost
        fees = row.get("fees_description", "")
        label = self.vocabularies["kosten"].label(cost) if cost and "kosten" in self.vocabularies else ""
        note = fees[len(label):].removeprefix(". ") if label and fees.startswith(label) else fees
        if note:
            data["kosten_hinweis"] = text(note)
        if ways:
            data["zugang"] = ways
        languages = self.languages(row, terms.get("sprachen", []))
        if languages:
            data["sprachen"] = languages
        if terms.get("barrierefreiheit"):
            data["barrierefreiheit"] = terms["barrierefreiheit"]
        contacts = self.contacts(row)
        if contacts:
            data["kontakt"] = contacts
        website = self.fitting("service", row, "webseite", row.get("url"))
        if website:
            data["webseite"] = website
        status = (terms.get("status") or [""])[0] or OUR_STATUS.get(row.get("status", ""), "")
        if status:
            data["status"] = status
        checked = str(row.get("assured_date") or row.get("last_modified") or "")[:10]
        if checked:
            data["zuletzt_geprueft"] = checked
        self.required(row, data)
        return data

    def languages(self, row: dict, ours: list[str]) -> list[str]:
        """The codes of a service's languages; one our vocabulary lacks is left out, with a note."""
        codes = [language.get("code") for language in self.under("language", "service_id", row["id"])]
        codes = list(dict.fromkeys([code for code in codes if code] + ours))
        known = self.vocabularies.get("sprachen")
        for code in [code for code in codes if known and code not in known]:
            self.note("service", row, f"sprachen: „{code}“ wurde nicht übernommen: Die Sprache steht nicht im "
                                      "Vokabular der Sprachen (schemas/vokabulare/sprachen.yml).")
            codes.remove(code)
        return codes

    def required(self, row: dict, data: dict) -> None:
        """Our required fields that foreign data lacks, filled with the most general value
        that is true of every offering, each with a note to check it. No theme is general:
        only ``--thema`` gives one. Contact data is never assumed."""
        if not data.get("themen") and self.default_theme:
            self.assumed("service", row, data, "themen", [self.default_theme], "Die Daten nennen kein Thema "
                                                                               "(--thema)")
        if not data.get("zielgruppen"):
            self.assumed("service", row, data, "zielgruppen", ["alle"], "Die Daten nennen keine Zielgruppe")
        if not data.get("zugang"):
            self.assumed("service", row, data, "zugang", ["termin"], "Die Daten sagen nicht, wie man zum Angebot "
                                                                     "kommt")
        reachable = any(contact.get("telefon") or contact.get("email") for contact in data.get("kontakt", []))
        if not any(data.get(field) for field in ("orte", "aufsuchend", "online")) and reachable:
            self.assumed("service", row, data, "online", "ja", "Die Daten nennen keinen Ort des Angebots, aber ein "
                                                               "Telefon oder eine E-Mail-Adresse")

    def regions_of(self, row: dict) -> list[str]:
        found = []
        by_name = {name.casefold(): region_id for region_id, name in self.regions.items()}
        for area in self.under("service_area", "service_id", row["id"]):
            page = re.search(r"/regionen/([a-z0-9-]+)(?:/|\.html)?$", area.get("uri", ""))
            region = page[1] if page and page[1] in self.regions else by_name.get(area.get("name", "").casefold())
            if region:
                found.append(region)
            else:
                self.note("service", row, f"Das Gebiet „{area.get('name', '')}“ ist keine Region des Wegweisers "
                                          f"und wurde nicht übernommen.{suggestion(area.get('name', ''), by_name)}")
        return list(dict.fromkeys(found))

    def contacts(self, row: dict) -> list[dict]:
        found = []
        for contact in self.under("contact", "service_id", row["id"]):
            data: dict = {"rolle": contact.get("title") or contact.get("department") or "Kontakt"}
            for phone in self.under("phone", "contact_id", contact["id"]):
                if not self.fitting("contact", contact, "telefon", phone.get("number")):
                    continue
                direct_line = str(phone.get("description", "")).startswith("Durchwahl")
                if direct_line and row["id"] not in self.from_wegweiser:
                    self.note("contact", contact, (
                        f"Die Durchwahl {phone['number']} wurde nicht übernommen: Eine persönliche Durchwahl "
                        "erscheint nur mit Zustimmung der Person. Liegt sie vor, tragen Sie „durchwahl“ und "
                        "„durchwahl_veroeffentlichen: ja“ selbst ein."))
                elif direct_line and "durchwahl" not in data:
                    data["durchwahl"], data["durchwahl_veroeffentlichen"] = phone["number"], "ja"
                elif "telefon" not in data:
                    data["telefon"] = phone["number"]
                else:
                    self.note("contact", contact, f"Die weitere Nummer {phone['number']} wurde nicht übernommen "
                                                  "(ein Kontakt hat eine Telefonnummer).")
            email = self.fitting("contact", contact, "email", contact.get("email"))
            if email:
                data["email"] = email
            if contact.get("name"):
                data["ansprechperson"] = contact["name"]
            found.append(data)
        if not found:
            phones = [p for p in self.under("phone", "service_id", row["id"]) if not p.get("contact_id")]
            number = self.fitting("service", row, "telefon", phones[0]["number"]) if phones else None
            email = self.fitting("service", row, "email", row.get("email"))
            data = {"rolle": "Kontakt", **({"telefon": number} if number else {}),
                    **({"email": email} if email else {})}
            if len(data) > 1:
                found.append(data)
        return found

    def hours(self, row: dict) -> dict:
        spans, notes = [], []
        around = False
        for schedule in self.under("schedule", "service_id", row["id"]):
            days = str(schedule.get("byday", "")).split(",") if schedule.get("byday") else []
            opens, closes = (str(schedule.get(f, ""))[:5] for f in ("opens_at", "closes_at"))
            weekly = schedule.get("freq") == "WEEKLY" and days and all(d in DAYS for d in days) and all(
                re.fullmatch(r"\d{2}:\d{2}", t) for t in (opens, closes))
            if weekly and str(schedule.get("description", "")).startswith("Rund um die Uhr") and len(days) == len(DAYS):
                around = True
            elif weekly:
                span = {"tage": [DAYS[d] for d in days], "von": opens, "bis": closes}
                if schedule.get("notes"):
                    span["hinweis"] = text(schedule["notes"])
                if span not in spans:
                    spans.append(span)
            elif schedule.get("description"):
                if schedule.get("freq"):
                    self.note("schedule", schedule, "Diese Zeiten sind keine wöchentlichen und stehen nun als Hinweis "
                                                    "bei den Sprechzeiten.")
                if schedule["description"] not in notes:
                    notes.append(schedule["description"])
        found: dict = {}
        if spans:
            found["sprechzeiten"] = sorted(spans, key=lambda s: WEEKDAYS.index(s["tage"][0]))
        if around:
            found["rund_um_die_uhr"] = "ja"
        if notes:
            found["sprechzeiten_hinweis"] = text(" ".join(notes))
        closures = self.closures(row)
        if closures:
            found["schliesszeiten"] = closures
        return found

    def closures(self, row: dict) -> list[dict]:
        alert = row.get("alert", "")
        found = []
        for match in CLOSURE.finditer(alert):
            groups = match.groups()
            day, start, end, until, note = groups[0:3], groups[3:6], groups[6:9], groups[9:12], groups[12]
            closure = {"datum": _iso(day)} if day[0] else {"von": _iso(start), "bis": _iso(end)} if start[0] else {
                "bis": _iso(until)}
            if note:
                closure["hinweis"] = note
            found.append(closure)
        if alert and not found:
            self.note("service", row, f"Der Hinweis „{alert[:80]}“ (alert) wurde nicht übernommen: Nur Schließzeiten "
                                      "lassen sich eintragen.")
        return found


def _iso(parts: tuple[str, ...]) -> str:
    """("24", "12", "2026") → "2026-12-24"."""
    return f"{parts[2]}-{parts[1]}-{parts[0]}"


def patterns_of(schema_dir: Path) -> dict[str, str]:
    """The patterns of the common schema's definitions (``webseite``, ``telefon``, …)."""
    try:
        definitions = json.loads((schema_dir / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    except (OSError, ValueError, KeyError):
        return {}  # the check of all records names a missing schema
    found = {name: d["pattern"] for name, d in definitions.items() if isinstance(d, dict) and "pattern" in d}
    point = definitions.get("koordinaten", {}).get("properties", {})
    found |= {name: point[name]["pattern"] for name in ("breite", "laenge") if "pattern" in point.get(name, {})}
    return found


def records(tables: Tables, where: dict, vocabularies: dict[str, Vocabulary], regions: dict[str, str],
            default_kind: str | None = None, default_theme: str | None = None,
            patterns: dict[str, str] | None = None) -> tuple[list[Imported], list[Finding]]:
    """Provider records from HSDS tables. ``regions``: the directory's regions (id: German
    name), which service areas are matched with; ``default_kind``: the ``art`` of an
    organisation whose data says none (HSDS has no such field); ``default_theme``: the
    theme of an offering whose data names none; ``patterns`` (``patterns_of``): a value
    that does not fit its field's pattern is left out, with a note."""
    mapping = _Mapping(tables, where, vocabularies, regions, default_kind, default_theme, patterns or {})
    return mapping.organisations(), mapping.findings
