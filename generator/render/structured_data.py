"""schema.org JSON-LD for the page of every offering and organisation (Träger): what
search engines read to show an office's address, phone and hours beside a result.

An offering is a ``GovernmentService`` where its provider is a public body, else a
``Service``; an organisation an ``Organization`` (``GovernmentOrganization``). Every
property used is one that schema.org defines on its type (tests/fixtures/schema-org/
holds the list the tests check against), so that validators find nothing unknown.

What leaves the page here leaves it whole, so the same locks apply as on the page: a
confidential address (a shelter) names its town only, and a point is given only where it
is exact (an approximate one marks a town centre, not the door).

Texts are in the page's language where the record has its main text (the description) in
it, else in German, all of one record in one language. schema.org has no ``inLanguage``
on a service or organisation; it goes on the page the record is the main entity of.

The document goes into the page's ``<head>`` inside ``<script type="application/ld+json">``
(overrides/main.html): a data block, which the browser never runs and the
Content-Security-Policy does not govern. ``serialized`` makes sure record text cannot end
that element early or open another.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..directory import Directory
from ..markup import markdown_to_plain_text, tel_href
from ..opening_hours import WEEKDAYS, coming_closures
from ..records import Address, Offering, Organisation, Text
from ..vocab import Vocabulary
from .content_policy import script_safe_json
from .languages import GERMAN
from .urls import SiteMap

if TYPE_CHECKING:  # pages.py imports this module
    from .pages import ContributionLinks

CONTEXT = "https://schema.org"
# The kinds of organisation (schemas/vokabulare/traegerarten.yml) that are public bodies:
# their offerings are government services. Health insurers and universities are public law
# bodies too, but not what a visitor means by "Amt"; they stay organisations.
PUBLIC_BODIES = frozenset({"jobcenter", "agentur-fuer-arbeit", "behoerde", "kommune"})
# schema.org names the days by URL; Monday first as in opening_hours.WEEKDAYS.
DAYS = dict(zip(WEEKDAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"), strict=True))
# Google's documented ways: "open all day" is 00:00 to 23:59, "closed all day" 00:00 to 00:00.
ALL_DAY = ("00:00", "23:59")
CLOSED_ALL_DAY = ("00:00", "00:00")
# Characters that would let text end the script element (</script>), start a comment
# (<!--) or an entity, or end a line in old JavaScript parsers: escaped as JSON allows.
def serialized(document: dict) -> str:
    """The document as JSON that is safe inside a ``<script>`` element whatever its text."""
    return script_safe_json(document)


def record_language(language: str, main_text: Text | None) -> str:
    """The language of a record's JSON-LD on a page in ``language``: that language where
    the record's main text has it, else German (a mix would misname the language)."""
    return GERMAN if main_text is None or main_text.lacks(language) else language


def _without_empty(value):
    """The value without empty texts, lists and objects, which say nothing."""
    if isinstance(value, dict):
        cleaned = {key: _without_empty(item) for key, item in value.items()}
        return {key: item for key, item in cleaned.items() if item not in (None, "", [], {})}
    if isinstance(value, list):
        return [item for item in (_without_empty(item) for item in value) if item not in (None, "", [], {})]
    return value


def _international(phone: str) -> str:
    """A number as the page's phone links dial it (+49…): unambiguous from abroad."""
    return tel_href(phone).removeprefix("tel:") if phone else ""


class StructuredData:
    """The JSON-LD of the pages of one language's site (``site_map``)."""

    def __init__(self, directory: Directory, vocabularies: dict[str, Vocabulary], today: dt.date, site_map: SiteMap,
                 links: ContributionLinks):
        self.directory, self.vocabularies, self.today = directory, vocabularies, today
        self.site_map, self.links, self.language = site_map, links, site_map.language

    def page_address(self, src: str) -> str | None:
        """A page's whole address; None where the site's address (site_url) is not known,
        and with it the record's ``url`` and ``@id``, which must be whole addresses."""
        return self.links.address(self.site_map, src) if self.links.site_url else None

    # --- the two kinds of page ------------------------------------------------------

    def offering(self, offering: Offering) -> str:
        language = record_language(self.language, offering.description)
        organisation = self.directory.organisation(offering.organisation_id)
        address = self.page_address(self.site_map.offering(offering.id))
        public = organisation.kind in PUBLIC_BODIES
        document = {
            "@context": CONTEXT,
            "@type": "GovernmentService" if public else "Service",
            "@id": f"{address}#angebot" if address else None,
            "url": address,
            "name": offering.name.get(language),
            "description": markdown_to_plain_text(offering.description.get(language)),
            "mainEntityOfPage": self._page(address, language),
            "provider": self._provider(organisation, language),
            "areaServed": [{"@type": "AdministrativeArea", "name": self.directory.region(region_id).name.get(language)}
                           for region_id in offering.regions],
            "serviceType": self._labels("themen", offering.topics, language),
            "audience": [{"@type": "Audience", "audienceType": label}
                         for label in self._labels("zielgruppen", self.vocabularies["zielgruppen"].of(offering),
                                                   language)],
        }
        if not offering.ended:  # the ways to a service that is gone would mislead
            document["availableChannel"] = self._channels(offering, organisation, language)
        if offering.active:  # the page of a closed offering asks visitors to check first
            document["hoursAvailable"] = self._hours(offering, language)
        return serialized(_without_empty(document))

    def organisation(self, organisation: Organisation) -> str:
        language = record_language(self.language, organisation.description or organisation.name)
        address = self.page_address(self.site_map.organisation(organisation.id))
        document = {
            "@context": CONTEXT,
            "@type": self._organisation_type(organisation),
            "@id": f"{address}#traeger" if address else None,
            "name": organisation.name.get(language),
            "alternateName": organisation.short_name,
            "description": markdown_to_plain_text(organisation.description.get(language))
            if organisation.description else None,
            "url": organisation.website or address,
            "email": organisation.email,
            "telephone": _international(organisation.phone),
            "address": self._postal_address(self._main_address(organisation)),
            "location": [self._place(place, language) for place in organisation.addresses],
            "mainEntityOfPage": self._page(address, language),
        }
        return serialized(_without_empty(document))

    # --- parts ------------------------------------------------------------------------

    @staticmethod
    def _organisation_type(organisation: Organisation) -> str:
        return "GovernmentOrganization" if organisation.kind in PUBLIC_BODIES else "Organization"

    @staticmethod
    def _page(address: str | None, language: str) -> dict:
        """The page the record is the main entity of, and the language its texts are in."""
        return {"@type": "WebPage", "@id": address, "url": address, "inLanguage": language}

    def _provider(self, organisation: Organisation, language: str) -> dict:
        address = self.page_address(self.site_map.organisation(organisation.id))
        return {"@type": self._organisation_type(organisation), "@id": f"{address}#traeger" if address else None,
                "name": organisation.name.get(language), "url": organisation.website or address,
                "address": self._postal_address(self._main_address(organisation))}

    @staticmethod
    def _main_address(organisation: Organisation) -> Address | None:
        """The address to name an organisation by: its first public one, else its first."""
        public = [place for place in organisation.addresses if not place.confidential]
        return (public or list(organisation.addresses) or [None])[0]

    @staticmethod
    def _postal_address(place: Address | None) -> dict | None:
        if place is None:
            return None
        if place.confidential:  # a shelter: its town and nothing else, whatever the record held
            return {"@type": "PostalAddress", "addressLocality": place.town}
        return {"@type": "PostalAddress", "streetAddress": place.street, "postalCode": place.postcode,
                "addressLocality": place.town, "addressCountry": place.country}

    def _place(self, place: Address, language: str) -> dict:
        point = place.location
        exact = point is not None and not point.approximate and not place.confidential
        return {"@type": "Place", "name": place.label.get(language) if place.label else None,
                "address": self._postal_address(place),
                "geo": {"@type": "GeoCoordinates", "latitude": round(point.latitude, 5),
                        "longitude": round(point.longitude, 5)} if exact else None}

    def _labels(self, vocabulary: str, term_ids, language: str) -> list[str]:
        return [term.label(language) for term in self.vocabularies[vocabulary].ordered(term_ids)]

    def _channels(self, offering: Offering, organisation: Organisation, language: str) -> list[dict]:
        """Each way to the offering: each of its places, each phone number, its web page.
        The languages of the counselling go with every one of them."""
        languages = list(offering.languages)  # ISO 639 codes, as schema.org asks (BCP 47)
        channels = [{"@type": "ServiceChannel", "serviceLocation": self._place(place, language)}
                    for place in offering.places]
        channels += [{"@type": "ServiceChannel", "servicePhone": {
            "@type": "ContactPoint", "telephone": _international(contact.phone), "email": contact.email,
            "contactType": contact.role.get(language)}} for contact in offering.contacts if contact.phone]
        website = offering.website or organisation.website
        if website:
            channels.append({"@type": "ServiceChannel", "serviceUrl": website})
        for channel in channels:
            channel["availableLanguage"] = languages
        return channels

    def _hours(self, offering: Offering, language: str) -> list[dict]:
        """The weekly hours, and the closures still to come as days closed all day."""
        if offering.around_the_clock:
            hours = [self._hours_of(WEEKDAYS, *ALL_DAY)]
        else:
            # A span that ends before it begins (18:00 to 08:00) runs into the next day, as
            # schema.org reads "closes" before "opens"; the span is given as it is.
            hours = [{**self._hours_of(span.days, span.start, span.end),
                      "description": span.note.get(language) if span.note else None} for span in offering.hours]
        if not hours:
            return []
        for closure in coming_closures(offering.closures, self.today):
            opens, closes = CLOSED_ALL_DAY
            hours.append({"@type": "OpeningHoursSpecification", "opens": opens, "closes": closes,
                          # "closed until": from the day the page was built, the day it is known
                          "validFrom": (closure.start or self.today).isoformat(),
                          "validThrough": closure.end.isoformat(),
                          "description": closure.note.get(language) if closure.note else None})
        return hours

    @staticmethod
    def _hours_of(days, opens: str, closes: str) -> dict:
        ordered = sorted(days, key=WEEKDAYS.index)
        return {"@type": "OpeningHoursSpecification", "dayOfWeek": [f"https://schema.org/{DAYS[d]}" for d in ordered],
                "opens": opens, "closes": closes}
