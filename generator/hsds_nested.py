"""HSDS's nested documents, the shapes of its API and of ``schema/compiled/*.json``, from
the tables of ``hsds.export``: a service with its phones, schedules, places, contacts and
terms; an organisation with its places and services; a service at a location with both.

The flat objects are nested as they are (their ``…_id`` fields are HSDS fields of the
nested objects too); a list that would be empty is left out.
"""
from __future__ import annotations


def _without_empty(document: dict) -> dict:
    return {key: value for key, value in document.items() if value != []}


class Documents:
    """The nested documents of one export (``hsds.export``'s tables)."""

    def __init__(self, tables: dict[str, list[dict]]):
        self.tables = tables
        self._by_id = {name: {row["id"]: row for row in rows} for name, rows in tables.items()}
        self._under: dict[tuple[str, str, str], list[dict]] = {}
        for name, rows in tables.items():
            for row in rows:
                for field, value in row.items():
                    if field.endswith("_id") and field != "id":
                        self._under.setdefault((name, field, value), []).append(row)

    def under(self, table: str, field: str, value: str) -> list[dict]:
        """The rows of ``table`` whose ``field`` is ``value``, in the export's order."""
        return self._under.get((table, field, value), [])

    def _term(self, term_id: str) -> dict:
        term = self._by_id["taxonomy_term"][term_id]
        return {**term, "taxonomy_detail": self._by_id["taxonomy"][term["taxonomy_id"]]}

    def _attributes(self, link_id: str) -> list[dict]:
        return [{**attribute, "taxonomy_term": self._term(attribute["taxonomy_term_id"])}
                for attribute in self.under("attribute", "link_id", link_id)]

    def _metadata(self, resource_id: str) -> list[dict]:
        return self.under("metadata", "resource_id", resource_id)

    def _contacts(self, field: str, value: str) -> list[dict]:
        return [_without_empty({**contact, "phones": self.under("phone", "contact_id", contact["id"])})
                for contact in self.under("contact", field, value)]

    def _phones(self, field: str, value: str) -> list[dict]:
        """The phones of an object that are no contact's (those stand with their contact)."""
        return [phone for phone in self.under("phone", field, value) if "contact_id" not in phone]

    def location(self, location_id: str) -> dict:
        location = self._by_id["location"][location_id]
        return _without_empty({
            **location, "addresses": self.under("address", "location_id", location_id),
            "accessibility": self.under("accessibility", "location_id", location_id),
            "attributes": self._attributes(location_id), "metadata": self._metadata(location_id)})

    def service(self, service_id: str, *, with_organization: bool = True, with_places: bool = True) -> dict:
        service = self._by_id["service"][service_id]
        nested = {
            **service, "phones": self._phones("service_id", service_id),
            "schedules": self.under("schedule", "service_id", service_id),
            "service_areas": self.under("service_area", "service_id", service_id),
            "service_at_locations": [self.service_at_location(place["id"], with_service=False)
                                     for place in self.under("service_at_location", "service_id", service_id)]
            if with_places else [],
            "languages": self.under("language", "service_id", service_id),
            "cost_options": self.under("cost_option", "service_id", service_id),
            "contacts": self._contacts("service_id", service_id),
            "attributes": self._attributes(service_id),
            "metadata": self._metadata(service_id),
        }
        if with_organization:
            nested["organization"] = self.organization(service["organization_id"], with_services=False)
        return _without_empty(nested)

    def service_at_location(self, service_at_location_id: str, *, with_service: bool = True) -> dict:
        place = self._by_id["service_at_location"][service_at_location_id]
        nested = {**place, "location": self.location(place["location_id"])}
        if with_service:
            nested["service"] = self.service(place["service_id"], with_places=False)
        return nested

    def organization(self, organization_id: str, *, with_services: bool = True) -> dict:
        organization = self._by_id["organization"][organization_id]
        return _without_empty({
            **organization, "phones": self._phones("organization_id", organization_id),
            "locations": [self.location(row["id"]) for row in self.under("location", "organization_id",
                                                                         organization_id)],
            "attributes": self._attributes(organization_id),
            "metadata": self._metadata(organization_id),
            "services": [self.service(row["id"], with_organization=False)
                         for row in self.under("service", "organization_id", organization_id)]
            if with_services else []})
