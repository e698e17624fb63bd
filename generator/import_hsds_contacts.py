"""Contacts of HSDS data as an offering's ``kontakt`` (``wegweiser import``).

HSDS gives phones and e-mail addresses to a service, its contacts (a person, a role), its
locations and its organisation. Every one that fits is taken over: a person whose direct
line may not be published is reached through the service's own number, what is left over
becomes a contact of its own, and an offering with no way to reach it of its own gets its
place's or its organisation's (said). A contact that still cannot be reached is left out
and named, not the offering. A fax or pager is no number to call, and an extension belongs
to its number. A direct line from elsewhere is never published: its person's consent is
unknown (a Wegweiser's own export holds only direct lines published with consent).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .import_hsds import Mapping

WAYS = ("telefon", "email")
NOT_CALLED = {"fax": "ein Fax", "pager": "ein Pager"}  # HSDS phone types no one can call
# How data from elsewhere marks a person's own line; a Wegweiser's export says "Durchwahl".
PERSONAL = re.compile(r"\b(?:durchwahl|direktwahl|privat|persönlich|handy|mobil|mobilnummer|mobiltelefon)\b",
                      re.IGNORECASE)


def number_of(mapping: Mapping, table: str, row: dict, phone: dict) -> str | None:
    """A phone's number with its extension, or None (and why) when it cannot be called or
    does not fit."""
    kind = NOT_CALLED.get(str(phone.get("type", "")).casefold())
    if kind:
        mapping.note(table, row, f"Die Nummer {phone.get('number', '')} ist {kind} und wurde nicht übernommen.")
        return None
    number = str(phone.get("number") or "").strip()
    extension = str(phone.get("extension") if phone.get("extension") is not None else "").strip()
    if extension and not number.endswith(extension):
        number = f"{number}-{extension}"
    return mapping.fitting(table, row, "telefon", number)


def first_number(mapping: Mapping, table: str, row: dict, phones: list[dict]) -> str | None:
    return next((number for phone in phones if (number := number_of(mapping, table, row, phone))), None)


def service_contacts(mapping: Mapping, row: dict) -> list[dict]:
    found = [_contact(mapping, row, contact) for contact in mapping.under("contact", "service_id", row["id"])]
    phones = [p for p in mapping.under("phone", "service_id", row["id"]) if not p.get("contact_id")]
    own = {"telefon": first_number(mapping, "service", row, phones),
           "email": mapping.fitting("service", row, "email", row.get("email"))}
    for data, _, withheld in found:
        if withheld and not any(data.get(way) for way in WAYS):
            data.update({way: value for way, value in own.items() if value})
    used = {(way, data.get(way)) for data, _, _ in found for way in WAYS}
    left = {way: value for way, value in own.items() if value and (way, value) not in used}
    if left:
        found.append(({"rolle": "Kontakt", **left}, None, False))
    reachable = []
    for data, contact, _ in found:
        if any(data.get(way) for way in WAYS):
            reachable.append(data)
        else:
            mapping.note("contact", contact, "Der Kontakt hat weder eine Telefonnummer noch eine E-Mail-Adresse, "
                                             "die sich übernehmen lässt, und wurde nicht übernommen.")
    return reachable or _elsewhere(mapping, row)


def _elsewhere(mapping: Mapping, row: dict) -> list[dict]:
    """The phone and e-mail of the offering's places, else of its organisation."""
    places = [link.get("location_id") for link in mapping.under("service_at_location", "service_id", row["id"])]
    place_phones = [p for place in places for p in mapping.under("phone", "location_id", place)
                    if not p.get("service_id") and not p.get("contact_id")]
    organisation = mapping.by_id["organization"].get(row.get("organization_id"), {})
    organisation_phones = [p for p in mapping.under("phone", "organization_id", organisation.get("id"))
                           if not any(p.get(f) for f in ("contact_id", "service_id", "location_id"))]
    for whose, phones, email in (("des Ortes", place_phones, None),
                                 ("des Trägers", organisation_phones, organisation.get("email"))):
        data = {"telefon": first_number(mapping, "service", row, phones),
                "email": mapping.fitting("service", row, "email", email)}
        data = {way: value for way, value in data.items() if value}
        if data:
            mapping.note("service", row, f"kontakt: Das Angebot nennt keinen eigenen Kontakt; übernommen ist der "
                                         f"{whose}. Bitte prüfen Sie das.")
            return [{"rolle": "Kontakt", **data}]
    return []


def _contact(mapping: Mapping, service: dict, contact: dict) -> tuple[dict, dict, bool]:
    """A contact's data, the contact, and whether a direct line of it was not published."""
    data: dict = {"rolle": contact.get("title") or contact.get("department") or "Kontakt"}
    withheld = False
    for phone in mapping.under("phone", "contact_id", contact["id"]):
        number = number_of(mapping, "contact", contact, phone)
        if not number:
            continue
        ours = service["id"] in mapping.from_wegweiser
        description = str(phone.get("description", ""))
        direct_line = description.startswith("Durchwahl") if ours else bool(PERSONAL.search(description))
        if direct_line and not ours:
            mapping.note("contact", contact, (
                f"Die Durchwahl {number} wurde nicht übernommen: Eine persönliche Durchwahl erscheint nur mit "
                "Zustimmung der Person. Liegt sie vor, tragen Sie „durchwahl“ und „durchwahl_veroeffentlichen: ja“ "
                "selbst ein."))
            withheld = True
        elif direct_line and "durchwahl" not in data:
            data["durchwahl"], data["durchwahl_veroeffentlichen"] = number, "ja"
        elif "telefon" not in data:
            data["telefon"] = number
        else:
            mapping.note("contact", contact, f"Die weitere Nummer {number} wurde nicht übernommen "
                                             "(ein Kontakt hat eine Telefonnummer).")
    email = mapping.fitting("contact", contact, "email", contact.get("email"))
    if email:
        data["email"] = email
    if contact.get("name"):
        data["ansprechperson"] = contact["name"]
    return data, contact, withheld
