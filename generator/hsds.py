"""The directory as Open Referral HSDS 3.0 data (Human Services Data Specification).

``export`` is a pure function of the loaded directory, its vocabularies and ``today``: the
same records on the same day give the same export, byte for byte once serialised (a
closure that has passed is left out the day after), with UUIDs derived from our
ids (``hsds_ids``). Its shape is HSDS's tabular one, as the specification's JSON schema
``schema/compiled/tabular.json`` has it: one list of flat objects per HSDS object, keyed
by the object's name ("organization", "service", …), related through ``…_id`` fields.
``TABLE_FILES`` names each list's CSV file of the HSDS datapackage; ``hsds_nested`` builds
the nested documents of HSDS's API from it.

Our own keys (ids) are not lost in the UUIDs: every organization, service and location has
one ``metadata`` entry, HSDS's record of where a value came from, saying that its ``id``
was our key (``previous_value``) and became the UUID (``replacement_value``), dated the
day its information was last checked. ``wegweiser import`` reads the keys back from there
(``import_hsds``), so that an export imported again gives the same UUIDs.

Texts are German (HSDS has one value per field, no translations). A confidential address
(a shelter) is a location and an address of its town only: no street, no postcode, no
point, as on the pages and maps.
"""
from __future__ import annotations

import datetime as dt

from . import gazetteer, hsds_ids, hsds_schedules, public_holidays
from .directory import Directory
from .geocode import POINT_SOURCES, PRECISION_WORDS
from .records import OFFERING_TERMS, Address, Contact, Offering, Organisation, Precision, Status
from .render.urls import TERM_FOLDERS, SiteMap
from .vocab import Vocabulary

# Every HSDS object the export fills, in the order of the specification's datapackage.
TABLE_FILES = {
    "organization": "organizations.csv", "service": "services.csv", "attribute": "attributes.csv",
    "service_at_location": "service_at_location.csv", "location": "locations.csv", "phone": "phones.csv",
    "contact": "contacts.csv", "address": "addresses.csv", "schedule": "schedules.csv",
    "service_area": "service_areas.csv", "language": "languages.csv", "accessibility": "accessibility.csv",
    "taxonomy_term": "taxonomy_terms.csv", "cost_option": "cost_options.csv", "taxonomy": "taxonomies.csv",
    "metadata": "metadata.csv",
}
STATUS = {Status.ACTIVE: "active", Status.TEMPORARILY_CLOSED: "temporarily closed", Status.ENDED: "defunct"}
# How exact a location's point is and whose data it is: taxonomies of our own, linked to
# each location with a point. The source's attribute carries the credit line as its value,
# so a row of attributes.csv says on its own whom to name.
PRECISION = "genauigkeit"
PRECISION_TERMS = {precision.value: (PRECISION_WORDS[precision], "") for precision in Precision}
POINT_SOURCE = "koordinatenquelle"
POINT_SOURCE_TERMS = {source.code: (source.name, source.description) for source in POINT_SOURCES.values()}
OWN_TAXONOMIES = {PRECISION: PRECISION_TERMS, POINT_SOURCE: POINT_SOURCE_TERMS}
# The taxonomies of the export: the vocabularies attributes link to, and what each is. A
# vocabulary no attribute uses (countries, kinds of networks and regions, weekdays) would
# be a list without meaning in HSDS, so it is not exported.
TAXONOMY_WORDS = {
    "themen": "Themen (Arbeitsfelder): wofür ein Angebot da ist", "zielgruppen": "Zielgruppen eines Angebots",
    "sprachen": "Sprachen der Beratung (ISO 639)", "barrierefreiheit": "Barrierefreiheit eines Angebots",
    "zugangswege": "Wie man zu einem Angebot kommt", "rechtsgrundlagen": "Rechtsgrundlagen eines Angebots",
    "kosten": "Kosten für die Menschen, die ein Angebot nutzen", "status": "Ob ein Angebot gerade besteht",
    "traegerarten": "Arten von Trägern (Organisationen)", PRECISION: "Wie genau der Punkt eines Ortes ist",
    POINT_SOURCE: "Woher der Punkt eines Ortes stammt und unter welcher Lizenz er steht",
}
GERMAN = "de"


# The fields HSDS requires that our records may leave empty: kept, as "", where they are.
REQUIRED = {"organization": {"description"}, "address": {"address_1", "postal_code", "state_province"}}


def _clean(table: str, row: dict) -> dict:
    """Without empty optional fields."""
    keep = REQUIRED.get(table, set())
    return {key: value for key, value in row.items() if value not in (None, "") or key in keep}


class _Export:
    def __init__(self, directory: Directory, vocabularies: dict[str, Vocabulary], site_url: str | None,
                 site_map: SiteMap, today: dt.date | None):
        self.directory, self.vocabularies, self.today = directory, vocabularies, today
        self.site_url, self.site_map = (site_url or "").rstrip("/"), site_map
        self.tables: dict[str, list[dict]] = {name: [] for name in TABLE_FILES}
        self.seen: set[str] = set()  # accessibility of a place, named by several of its offerings

    def add(self, table: str, row: dict) -> None:
        self.tables[table].append(_clean(table, row))

    def page(self, src: str) -> str | None:
        return page_url(self.site_url, self.site_map, src)

    # --- taxonomies ---------------------------------------------------------------

    def taxonomies(self) -> None:
        terms = {name: {t.id: (t.de, t.explanation) for t in vocabulary.terms.values()}
                 for name, vocabulary in sorted(self.vocabularies.items()) if name in TAXONOMY_WORDS}
        terms.update(OWN_TAXONOMIES)
        for name, entries in terms.items():
            taxonomy_id = hsds_ids.taxonomy(name)
            self.add("taxonomy", {"id": taxonomy_id, "name": name, "description": TAXONOMY_WORDS[name],
                                  "uri": self.page(self.site_map.terms(name)) if name in TERM_FOLDERS else None})
            for term_id, (label, explanation) in entries.items():
                self.add("taxonomy_term", {
                    "id": hsds_ids.term(name, term_id), "code": term_id, "name": label,
                    "description": explanation or label, "taxonomy": name, "taxonomy_id": taxonomy_id,
                    "language": GERMAN,
                    "term_uri": self.page(self.site_map.term(name, term_id)) if name in TERM_FOLDERS else None})

    def attributes(self, entity: str, our_id: str, link_id: str, vocabulary: str, term_ids,
                   value: str = "") -> None:
        known = OWN_TAXONOMIES.get(vocabulary) or (
            self.vocabularies[vocabulary].terms if vocabulary in self.vocabularies else {})
        for term_id in dict.fromkeys(term_ids):
            if term_id in known:
                self.add("attribute", {
                    "id": hsds_ids.uuid_of("attribute", entity, our_id, vocabulary, term_id), "link_id": link_id,
                    "link_entity": entity, "link_type": vocabulary,
                    "taxonomy_term_id": hsds_ids.term(vocabulary, term_id), "value": value})

    def key(self, resource_type: str, resource_id: str, day: dt.date, *our_ids: str) -> None:
        """The metadata entry that keeps our key of an object beside its UUID."""
        self.add("metadata", {
            "id": hsds_ids.uuid_of("metadata", resource_type, *our_ids), "resource_id": resource_id,
            "resource_type": resource_type, "last_action_date": day.isoformat(), "last_action_type": "update",
            "field_name": "id", "previous_value": "/".join(our_ids), "replacement_value": resource_id,
            "updated_by": "Wegweiser"})

    def label(self, vocabulary: str, term_id: str) -> str:
        vocabulary_ = self.vocabularies.get(vocabulary)
        return vocabulary_.label(term_id) if vocabulary_ and term_id in vocabulary_ else term_id

    # --- organisations and their places -------------------------------------------

    def organisation(self, organisation: Organisation) -> None:
        organisation_id = hsds_ids.organisation(organisation.id)
        self.add("organization", {
            "id": organisation_id, "name": organisation.name.de, "alternate_name": organisation.short_name,
            "description": organisation.description.de if organisation.description else "",
            "email": organisation.email, "website": organisation.website,
            "uri": self.page(self.site_map.organisation(organisation.id))})
        checked = max(offering.last_checked for offering in organisation.offerings)
        self.key("organization", organisation_id, checked, organisation.id)
        self.attributes("organization", organisation.id, organisation_id, "traegerarten", [organisation.kind])
        if organisation.phone:
            self.add("phone", {"id": hsds_ids.uuid_of("phone", "organisation", organisation.id),
                               "organization_id": organisation_id, "number": organisation.phone, "type": "voice"})
        for place in organisation.addresses:
            self.place(organisation, place, checked)

    def place(self, organisation: Organisation, place: Address, checked: dt.date) -> None:
        location_id = hsds_ids.location(organisation.id, place.id)
        # A shelter: its town only, whatever else the record might hold (from_yaml keeps no
        # more; this is the second lock).
        public = None if place.confidential else place
        point = public.location if public else None
        self.add("location", {
            "id": location_id, "location_type": "physical", "organization_id": hsds_ids.organisation(organisation.id),
            "name": public.label.de if public and public.label else None,
            "description": public.note.de if public and public.note else None,
            "latitude": round(point.latitude, 5) if point else None,
            "longitude": round(point.longitude, 5) if point else None})
        self.key("location", location_id, checked, organisation.id, place.id)
        if point:
            self.attributes("location", f"{organisation.id}/{place.id}", location_id, PRECISION,
                            [point.precision.value])
            source = POINT_SOURCES[point.source]
            self.attributes("location", f"{organisation.id}/{place.id}", location_id, POINT_SOURCE, [source.code],
                            value=point.attribution)
        self.add("address", {
            "id": hsds_ids.address(organisation.id, place.id), "location_id": location_id,
            "address_1": public.street if public else "", "city": place.town, "state_province": self.state(place),
            "postal_code": public.postcode if public else "",
            "country": place.country, "address_type": "physical"})

    def state(self, place: Address) -> str:
        """The German Land of a place (from the offline gazetteer); "" where unknown."""
        area = public_holidays.address_area(place, gazetteer.load)
        codes = {code: name for name, code in _land_names().items()}
        return codes.get(area.partition("-")[2], "")

    # --- offerings ------------------------------------------------------------------

    def offering(self, offering: Offering) -> None:
        service_id = hsds_ids.offering(offering.id)
        closures = [c for c in offering.closures if self.today is None or c.end >= self.today]
        email = next((c.email for c in offering.contacts if c.email), "")
        cost = self.label("kosten", offering.cost) if offering.cost else ""
        fees = ". ".join(text for text in (cost, offering.cost_note.de if offering.cost_note else "") if text)
        self.add("service", {
            "id": service_id, "organization_id": hsds_ids.organisation(offering.organisation_id),
            "name": offering.name.de, "description": offering.description.de, "url": offering.website,
            "email": email, "status": STATUS.get(offering.status, "inactive"), "fees_description": fees,
            "assured_date": offering.last_checked.isoformat(), "alert": hsds_schedules.alert(closures)})
        self.key("service", service_id, offering.last_checked, offering.id)
        for vocabulary in (*OFFERING_TERMS, "kosten", "status"):
            term_ids = {"kosten": [offering.cost], "status": [offering.status],
                        "zugangswege": [*offering.access, *sorted(offering.ways_in - set(offering.access))]}.get(
                vocabulary) or offering.terms(vocabulary)
            self.attributes("service", offering.id, service_id, vocabulary, term_ids)
        if offering.cost == "kostenlos":
            self.add("cost_option", {"id": hsds_ids.uuid_of("cost", offering.id), "service_id": service_id,
                                     "option": cost, "amount": 0, "currency": "EUR"})
        for place in offering.places:
            self.service_at_location(offering, service_id, place)
        for index, contact in enumerate(offering.contacts):
            self.contact(offering, service_id, index, contact)
        for schedule in hsds_schedules.schedules(offering, service_id, closures):
            self.add("schedule", schedule)
        for code in offering.languages:
            self.add("language", {"id": hsds_ids.uuid_of("language", offering.id, code), "service_id": service_id,
                                  "name": self.label("sprachen", code), "code": code})
        for region_id in offering.regions:
            self.add("service_area", {
                "id": hsds_ids.uuid_of("service-area", offering.id, region_id), "service_id": service_id,
                "name": self.directory.region(region_id).name.de,
                "uri": self.page(self.site_map.region(region_id))})

    def service_at_location(self, offering: Offering, service_id: str, place: Address) -> None:
        location_id = hsds_ids.location(offering.organisation_id, place.id)
        self.add("service_at_location", {
            "id": hsds_ids.service_at_location(offering.id, offering.organisation_id, place.id),
            "service_id": service_id, "location_id": location_id})
        for term_id in offering.accessibility:  # HSDS keeps accessibility with the place
            row_id = hsds_ids.uuid_of("accessibility", offering.organisation_id, place.id, term_id)
            if row_id not in self.seen:
                self.seen.add(row_id)
                self.add("accessibility", {"id": row_id, "location_id": location_id,
                                           "description": self.label("barrierefreiheit", term_id)})

    def contact(self, offering: Offering, service_id: str, index: int, contact: Contact) -> None:
        contact_id = hsds_ids.uuid_of("contact", offering.id, str(index))
        self.add("contact", {"id": contact_id, "service_id": service_id, "name": contact.person,
                             "title": contact.role.de, "email": contact.email})
        numbers = [("telefon", contact.phone, contact.role.de),
                   ("durchwahl", contact.direct_line, f"Durchwahl {contact.person}".strip())]
        for kind, number, words in numbers:
            if number:
                self.add("phone", {"id": hsds_ids.uuid_of("phone", kind, offering.id, str(index)),
                                   "service_id": service_id, "contact_id": contact_id, "number": number,
                                   "type": "voice", "description": words})


def page_url(site_url: str | None, site_map: SiteMap, src: str) -> str | None:
    """The address of a page of the site (``src``: its MkDocs source path) for data that
    leaves the site, so absolute; None without the site's address."""
    return f"{site_url.rstrip('/')}/{site_map.url(src)}" if site_url else None


def _land_names() -> dict[str, str]:
    import holidays  # noqa: PLC0415 (as in public_holidays)

    return holidays.Germany.subdivisions_aliases


def export(directory: Directory, vocabularies: dict[str, Vocabulary], *, site_url: str | None = None,
           site_map: SiteMap | None = None, today: dt.date | None = None) -> dict[str, list[dict]]:
    """The directory as HSDS tables: ``{"organization": [...], "service": [...], …}`` with
    every name of ``TABLE_FILES`` (a table may be empty). ``site_url``: the site's address,
    for the links to its pages (organisations' ``uri``, term and region pages); without it,
    none; ``site_map``: how those pages are named (``use_directory_urls``).
    ``today``: closures that ended before it are left out (without: all)."""
    built = _Export(directory, vocabularies, site_url, site_map or SiteMap(), today)
    built.taxonomies()
    for organisation in directory.organisations:
        built.organisation(organisation)
    for offering in directory.offerings:
        built.offering(offering)
    return built.tables
