"""Contacts of HSDS data as an offering's ``kontakt`` (``wegweiser import``).

HSDS gives a service's phones and e-mail twice over: its own (the switchboard, a shared
address) and its contacts' (a person, a role). Every one of them that fits is taken over:
a person whose direct line may not be published is reached through the service's own
number, what is left over becomes a contact of its own, and a contact that still cannot
be reached is left out and named, not the offering. A direct line from elsewhere is never
published: its person's consent is unknown (a Wegweiser's own export holds only direct
lines published with consent).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .import_hsds import Mapping

WAYS = ("telefon", "email")


def service_contacts(mapping: Mapping, row: dict) -> list[dict]:
    found = [_contact(mapping, row, contact) for contact in mapping.under("contact", "service_id", row["id"])]
    phones = [p for p in mapping.under("phone", "service_id", row["id"]) if not p.get("contact_id")]
    own = {"telefon": mapping.fitting("service", row, "telefon", phones[0]["number"]) if phones else None,
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
    return reachable


def _contact(mapping: Mapping, service: dict, contact: dict) -> tuple[dict, dict, bool]:
    """A contact's data, the contact, and whether a direct line of it was not published."""
    data: dict = {"rolle": contact.get("title") or contact.get("department") or "Kontakt"}
    withheld = False
    for phone in mapping.under("phone", "contact_id", contact["id"]):
        if not mapping.fitting("contact", contact, "telefon", phone.get("number")):
            continue
        direct_line = str(phone.get("description", "")).startswith("Durchwahl")
        if direct_line and service["id"] not in mapping.from_wegweiser:
            mapping.note("contact", contact, (
                f"Die Durchwahl {phone['number']} wurde nicht übernommen: Eine persönliche Durchwahl "
                "erscheint nur mit Zustimmung der Person. Liegt sie vor, tragen Sie „durchwahl“ und "
                "„durchwahl_veroeffentlichen: ja“ selbst ein."))
            withheld = True
        elif direct_line and "durchwahl" not in data:
            data["durchwahl"], data["durchwahl_veroeffentlichen"] = phone["number"], "ja"
        elif "telefon" not in data:
            data["telefon"] = phone["number"]
        else:
            mapping.note("contact", contact, f"Die weitere Nummer {phone['number']} wurde nicht übernommen "
                                             "(ein Kontakt hat eine Telefonnummer).")
    email = mapping.fitting("contact", contact, "email", contact.get("email"))
    if email:
        data["email"] = email
    if contact.get("name"):
        data["ansprechperson"] = contact["name"]
    return data, contact, withheld
