"""HSDS 3.0 data as provider records (``wegweiser import``).

The tables come from ``hsds_reading``; here they become provider records.

``records`` turns the tables into provider records. Our own export gives back what it
holds: the keys from its ``metadata`` entries (``hsds``), every vocabulary term from its
attributes, closures from the service's ``alert``. Data from elsewhere is taken over as
far as it fits, and every part that does not fit is named (``Finding``): a term that is
no term of our vocabularies (with the nearest one), a schedule that is no weekly one,
an area that is no region of the directory. A value our fields do not allow (an http://
website, a language our vocabulary lacks, a phone number, a point, a country) is left out,
not the offering, and named. A required field the data lacks is filled with the most
general value (``Mapping.required``: every target group, "by appointment", online when
only a phone or e-mail is known; a theme only from ``--thema``) and named, to be checked;
what is still missing is left to the check of all records (``import_records``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import freshness
from .hsds import POINT_SOURCE, PRECISION, STATUS
from .records import OFFERING_TERMS
from .hsds_reading import Tables, Where
from .import_hsds_contacts import first_number, service_contacts
from .import_hsds_terms import foreign_terms, linked_terms, our_terms
from .import_hsds_times import opening_hours
from .import_records import Finding, Imported, slug, text, unique
from .import_values import Rule, fitting
from .schema_messages import suggestion
from .vocab import Vocabulary

OUR_STATUS = {hsds_status: str(our) for our, hsds_status in STATUS.items()} | {"inactive": "voruebergehend-geschlossen"}




# --- mapping -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Defaults:
    """Values for what HSDS has no field for or leaves optional (``--art``, ``--thema``,
    ``--geprueft``): the kind of an organisation, the theme of an offering whose data names
    none, the date an offering counts as checked on; and the dates of checking the files of
    an earlier import hold."""
    kind: str | None = None
    theme: str | None = None
    checked: str | None = None
    earlier_checks: dict[str, str] = field(default_factory=dict)  # offering: date an earlier import wrote


class Mapping:
    def __init__(self, tables: Tables, where: Where, vocabularies: dict[str, Vocabulary], regions: dict[str, str],
                 defaults: Defaults, patterns: dict[str, Rule]):
        self.tables, self.where, self.vocabularies, self.regions = tables, where, vocabularies, regions
        self.defaults = defaults
        self.patterns = patterns
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
        found, why = fitting(self.patterns, field, value)
        if why:
            self.note(table, row, why)
        return found

    def assumed(self, table: str, row: dict, data: dict, field: str, value: object, why: str) -> None:
        """A required field the data does not fill, filled with the most general value."""
        data[field] = value
        shown = ", ".join(value) if isinstance(value, list) else str(value)
        self.note(table, row, f"{field}: {why}; angenommen ist „{shown}“. Bitte prüfen Sie das und ändern Sie es "
                              "in der Datei, wenn es nicht stimmt.")

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
        kinds = our_terms(self, linked_terms(self, row["id"]), "traegerarten") \
            if "traegerarten" in self.vocabularies else []
        if kinds or self.defaults.kind:
            data["art"] = kinds[0] if kinds else self.defaults.kind
        if row.get("description"):
            data["beschreibung"] = text(row["description"])
        for theirs, ours in (("website", "webseite"), ("email", "email")):
            value = self.fitting("organization", row, ours, row.get(theirs))
            if value:
                data[ours] = value
        phones = [p for p in self.under("phone", "organization_id", row["id"])
                  if not any(p.get(f) for f in ("contact_id", "service_id", "location_id"))]
        number = first_number(self, "organization", row, phones)
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
        if not street and not found.get("postal_code") and place["id"] in self.from_wegweiser:
            # a Wegweiser exports a shelter with its town only
            return {"id": address_id, "ort": data["ort"], **({"land": data["land"]} if "land" in data else {}),
                    "vertraulich": "ja"}
        if not found.get("postal_code"):
            town = f" ({data['ort']})" if data["ort"] else ""
            self.note("location", place, f"Der Ort{town} hat keine Postleitzahl und wurde nicht übernommen. Tragen "
                                         "Sie die Anschrift unter „adressen“ selbst ein; ist es eine "
                                         "Schutzeinrichtung, deren Anschrift nicht öffentlich sein darf, nur den Ort "
                                         "mit „vertraulich: ja“.")
            return None
        if place.get("description"):
            data["hinweis"] = text(place["description"])
        data.update(self.point(place))
        return data

    def point(self, place: dict) -> dict:
        """A point typed into a record, from a Wegweiser's own export. Every other point is
        found again by the build (a Wegweiser's geocoding) or is left out: the build places
        the address itself, and a point from other data is under that data's licence."""
        linked = linked_terms(self, place["id"])
        latitude, longitude = place.get("latitude"), place.get("longitude")
        if not all(isinstance(value, (int, float)) for value in (latitude, longitude)):
            return {}
        if any(code == "eintrag" for code, _ in linked.get(POINT_SOURCE, [])):
            return {"koordinaten": {"breite": f"{latitude:.5f}", "laenge": f"{longitude:.5f}"}}
        if PRECISION not in linked:
            self.note("location", place, f"Die Koordinaten ({latitude}, {longitude}) wurden nicht übernommen: Der "
                                         "Wegweiser verortet die Anschrift selbst, und Punkte aus anderen Daten stehen "
                                         "unter deren Lizenz. Liegt der Ort auf der Karte falsch, tragen Sie "
                                         "„koordinaten“ von Hand ein.")
        return {}

    def offering(self, organisation_id: str, row: dict, address_ids: dict[str, str]) -> dict:
        key = self.key("service", row) or unique(
            f"{organisation_id}-{slug(row.get('name', ''), 79 - len(organisation_id))}", self.taken)
        self.taken.add(key)
        data: dict = {"id": key, "name": row.get("name", "")}
        if row.get("description"):
            data["beschreibung"] = text(row["description"])
        linked = linked_terms(self, row["id"])
        terms = {name: our_terms(self, linked, name)
                 for name in (*OFFERING_TERMS, "kosten", "status") if name in self.vocabularies}
        foreign_terms(self, "service", row, linked)
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
        data.update(opening_hours(self, row))
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
        contacts = service_contacts(self, row)
        if contacts:
            data["kontakt"] = contacts
        website = self.fitting("service", row, "webseite", row.get("url"))
        if website:
            data["webseite"] = website
        status = (terms.get("status") or [""])[0] or OUR_STATUS.get(row.get("status", ""), "")
        if status:
            data["status"] = status
        self.checked_on(row, data)
        self.required(row, data)
        return data

    def checked_on(self, row: dict, data: dict) -> None:
        """When an offering was last checked. HSDS leaves ``assured_date`` and
        ``last_modified`` optional; without them the day ``--geprueft`` gives counts, else
        the latest change its metadata records, else the date an earlier import wrote (so
        that importing the same data again changes nothing and does not make it look
        checked), else the day of the import; each said."""
        checked = str(row.get("assured_date") or row.get("last_modified") or "")[:10]
        if checked:
            data["zuletzt_geprueft"] = checked
            return
        changes = [str(entry["last_action_date"])[:10] for entry in self.under("metadata", "resource_id", row["id"])
                   if entry.get("last_action_date")]
        missing = "Die Daten nennen kein Prüfdatum (assured_date)"
        if self.defaults.checked:
            day, why = self.defaults.checked, f"{missing}; --geprueft"
        elif changes:
            day, why = max(changes), f"{missing}, nur die letzte Änderung"
        elif data["id"] in self.defaults.earlier_checks:
            day, why = self.defaults.earlier_checks[data["id"]], f"{missing}; es bleibt das Datum des ersten Imports"
        else:
            day = freshness.today().isoformat()
            why = f"{missing}, also gilt der Tag des Imports (ein Datum für alle: --geprueft JJJJ-MM-TT)"
        self.assumed("service", row, data, "zuletzt_geprueft", day, why)

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
        if not data.get("themen") and self.defaults.theme:
            self.assumed("service", row, data, "themen", [self.defaults.theme], "Die Daten nennen kein Thema "
                                                                               "(--thema)")
        if not data.get("zielgruppen"):
            self.assumed("service", row, data, "zielgruppen", ["alle"], "Die Daten nennen keine Zielgruppe")
        if not data.get("zugang"):
            self.assumed("service", row, data, "zugang", ["termin"], "Die Daten sagen nicht, wie man zum Angebot "
                                                                     "kommt")
        reachable = any(contact.get("telefon") or contact.get("email") for contact in data.get("kontakt", []))
        if not any(data.get(field) for field in ("orte", "aufsuchend", "online")) and reachable:
            places = "Kein Ort des Angebots ließ sich übernehmen" if self.under(
                "service_at_location", "service_id", row["id"]) else "Die Daten nennen keinen Ort des Angebots"
            self.assumed("service", row, data, "online", "ja", f"{places}, aber ein Telefon oder eine E-Mail-Adresse")

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


def records(tables: Tables, where: Where, vocabularies: dict[str, Vocabulary], regions: dict[str, str],
            defaults: Defaults | None = None, patterns: dict[str, Rule] | None = None
            ) -> tuple[list[Imported], list[Finding]]:
    """Provider records from HSDS tables. ``regions``: the directory's regions (id: German
    name), which service areas are matched with; ``defaults``: what the command line gives
    where the data says nothing; ``patterns`` (``import_values.patterns_of``): a value that
    does not fit its field's pattern is left out, with a note."""
    mapping = Mapping(tables, where, vocabularies, regions, defaults or Defaults(), patterns or {})
    return mapping.organisations(), mapping.findings
