"""The pages of the site: one per offering and organisation (kept out of the navigation),
listings per topic, target group, region and network, an A–Z page, the search, the map
and a start page that leads to all of them.

Pages are HTML fragments from Jinja templates (``environment.py``), handed to MkDocs with
their title and page data (``GeneratedPage.meta``). What is listed comes from ``Listings``,
where it is from the ``SiteMap``; the maps are rendered before and only looked up here.
"""
from __future__ import annotations

import gettext
import json
from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlencode

from ..field_docs import example_entries
from ..issue_forms import CONSENT_FIELD, new_offering_fields
from ..markup import mailto_href
from ..opening_hours import SITE_TIME_ZONE, said_in_the_browser
from ..records import Offering, Organisation, Text
from ..settings import MapSettings
from ..text import sort_key
from .environment import DATE_LOCALES, GeneratedPage, PageLinks, environment
from .languages import GERMAN
from .listings import Listings, by_town
from .maps import GeneratedMap
from .messages import N_, plural_forms
from .search_index import Facet
from .structured_data import StructuredData
from .pagination import Entry, ListingPage, page_of_anchor, paginated
from .reuse import REUSABLE, NotFrozen, Reuse, frozen
from .urls import ID_PLACEHOLDER, TERM_FOLDERS, SiteMap

# Each needs the ones before it: the hours, the synonyms for the words, one result's item,
# the empty result and the place with its radius for the page's logic.
SEARCH_SCRIPTS = ("sprechzeiten.js", "synonyme.js", "suchwoerter.js", "treffer.js", "keine-treffer.js", "naehe.js",
                  "suche.js")

@dataclass(frozen=True)
class ContributionLinks:
    """Where errors are reported and entries changed: forms of the repository on GitHub,
    where providers change their entries, and an e-mail to the editorial team for anyone
    without an account there. Each only where mkdocs.yml names it."""

    repository: str | None = None  # "owner/name"
    email: str | None = None  # the editorial team's address (editorial_email)
    site_url: str | None = None  # the site's whole address (MkDocs' site_url), to name a page in an e-mail

    @property
    def enabled(self) -> bool:
        return bool(self.repository)

    def form(self, template: str, **fields: str) -> str:
        """A GitHub issue form, its fields prefilled from the URL (field id = parameter)."""
        return f"https://github.com/{self.repository}/issues/new?" + urlencode({"template": template, **fields})

    def mail(self, subject: str, *lines: str) -> str:
        """An e-mail to the editorial team, with its subject and its first lines written."""
        return mailto_href(self.email or "", subject, "\n".join(lines))

    def address(self, site_map: SiteMap, src: str) -> str:
        """A page's address for an e-mail: whole with site_url, else from the site's root."""
        path = site_map.prefix + site_map.url(src)
        return f"{self.site_url.rstrip('/')}/{path}" if self.site_url else f"/{path}"


def interface_texts(gettext, language: str = GERMAN) -> dict[str, str]:
    """What overrides/main.html says on every page, in the page's language (MkDocs' own
    templates have no catalogue; the plugin hands these over in ``config.extra``)."""
    return {
        "demo": gettext("<strong>Beispielverzeichnis:</strong> Die Namen sind echt, Adressen und Telefonnummern oft "
                        "erfunden. Bitte nutzen Sie diese Angaben nicht, um Hilfe zu suchen."),
        "search": gettext("Angebote durchsuchen"),
        "search_example": gettext("z. B. Schulden"),
        "search_button": gettext("Suchen"),
        "languages": gettext("Sprache wählen"),
        "skip": gettext("Zum Inhalt springen"),
        "menu": gettext("Menü öffnen"),
        "saved_list": gettext("Merkliste"),
        "saved_list_script": json.dumps(saved_list_texts(gettext), ensure_ascii=False),
        "print": json.dumps(print_texts(gettext, language), ensure_ascii=False),
    }


def print_texts(gettext, language: str) -> dict[str, str]:
    """The printed footer's date (wegweiser.js): the day on the site's clock, written as
    the page's language writes dates (``local_date``), e.g. "Gedruckt am 1. Dezember 2026"."""
    return {"printed": gettext("Gedruckt am %(date)s"), "zone": SITE_TIME_ZONE,
            "locale": DATE_LOCALES.get(language, language).replace("_", "-")}


def saved_list_texts(gettext) -> dict[str, str]:
    """What merkliste.js says, on every page (its buttons are on offering pages, in search
    results and on the Merkliste page); ``%(num)s`` it fills in."""
    return {
        "remember": gettext("Merken"),
        "remembered": gettext("Gemerkt"),
        "added": gettext("Auf die Merkliste gesetzt. Angebote auf der Merkliste: %(num)s."),
        "removed": gettext("Von der Merkliste genommen. Angebote auf der Merkliste: %(num)s."),
        "count": gettext("Angebote auf der Merkliste: %(num)s."),
        "empty": gettext("Ihre Merkliste ist leer. Mit „Merken“ auf der Seite eines Angebots setzen Sie es auf "
                         "die Liste."),
        "gone": gettext("Dieses Angebot gibt es nicht mehr in diesem Verzeichnis."),
        "taken": gettext("Die Angebote stehen jetzt auf Ihrer Merkliste."),
        "copied": gettext("Der Link ist kopiert. Sie können ihn jetzt in eine E-Mail oder Nachricht einfügen."),
        "copyYourself": gettext("Das Kopieren hat nicht geklappt. Bitte kopieren Sie den Link selbst, aus der "
                                "Adresszeile Ihres Browsers oder auf der Merkliste aus dem Feld „Link zu dieser "
                                "Liste“."),
        "emptied": gettext("Die Merkliste ist jetzt leer."),
    }


class PageRenderer:
    reuse: Reuse | None = None  # while serving: the pages of the last build (reuse.py)

    def __init__(self, listings: Listings, site_map: SiteMap, maps: dict[str, GeneratedMap],
                 map_settings: MapSettings, facets: list[Facet], provider_docs=(),
                 links: ContributionLinks | None = None, translations=None):
        self.language = site_map.language
        self.listings = listings
        self.directory = listings.directory
        self.site_map = site_map
        self.maps = maps
        self.facets = facets
        self.provider_docs = list(provider_docs)
        translations = translations or gettext.NullTranslations()
        self.gettext, self.ngettext = translations.gettext, translations.ngettext
        self.env = environment(listings.directory, listings.vocabularies, listings.limits, map_settings, translations,
                               self.language)
        self.links = links or ContributionLinks()
        self.env.globals.update(links=self.links, listed_of=listings.of_organisation,
                                correction_mail=self.correction_mail, feed_address=self.feed_address,
                                explanation=lambda term: Text(term.explanation))  # vocabularies explain in German
        self.structured_data = StructuredData(self.directory, listings.vocabularies, listings.limits.today,
                                              site_map, self.links)

    def render(self, template: str, src_uri: str, title: str, in_nav: bool = True, scripts=(),
               structured_data: str | Callable[[], str] = "", **context) -> GeneratedPage:
        """A page from its template; ``structured_data`` may be a function of the context's
        records, called only when the page is rendered and not reused."""
        def make() -> GeneratedPage:
            return self._render(template, src_uri, title, in_nav, scripts,
                                structured_data() if callable(structured_data) else structured_data, context)
        if self.reuse is None or template not in REUSABLE:
            return make()
        try:
            key = (template, src_uri, title, in_nav, tuple(scripts),
                   None if callable(structured_data) else structured_data,
                   frozen(context, lambda offering: self.directory.organisation(offering.organisation_id)))
        except NotFrozen:
            return make()
        return self.reuse.get(key, make)

    def _render(self, template: str, src_uri: str, title: str, in_nav: bool, scripts, structured_data: str,
                context: dict) -> GeneratedPage:
        alternates = self.site_map.alternates(src_uri)
        body = self.env.get_template(template).render(
            here=src_uri, title=title, to=PageLinks(self.site_map, src_uri), alternates=alternates, **context)
        return GeneratedPage(src_uri, title, body.strip(), in_nav, tuple(scripts),
                             alternates if len(alternates) > 1 else None, structured_data)

    def pages(self) -> list[GeneratedPage]:
        pages = [self.start_page(), *self.a_to_z(), *self.organisations_overview(), self.events(),
                 self.overview_map(), *self.places(), self.search_page(), self.contribute(), self.saved_list(),
                 self.events_archive()]
        for vocabulary, title in TERM_FOLDERS.items():
            pages += self.term_pages(vocabulary, self.gettext(title))
        pages += self.region_pages()
        pages += self.network_pages()
        pages += [self.organisation_page(org) for org in self.directory.organisations]
        pages += [self.offering_page(o) for o in self.directory.offerings]
        return pages

    def start_page(self) -> GeneratedPage:
        counts = {vocabulary: self.listings.term_counts(vocabulary) for vocabulary in TERM_FOLDERS}
        return self.render("start.html", self.site_map.start(), self.gettext(N_("Hilfe und Beratung finden")),
                           counts=counts, offerings=self.listings.listed, regions=self.listings.top_regions())

    def listing(self, template: str, src: str, title: str, entries: list[Entry], in_nav: bool = True,
                **context) -> list[GeneratedPage]:
        """The pages of a listing (pagination.py); page 1 at ``src``, in the menu if ``in_nav``."""
        return self.listing_pages(template, title, paginated(entries, src, self.site_map), in_nav, **context)

    def listing_pages(self, template: str, title: str, pages: list[ListingPage], in_nav: bool = True,
                      **context) -> list[GeneratedPage]:
        return [self.render(template, page.src, title if page.number == 1 else self.gettext(
            N_("%(title)s – Seite %(page)s")) % {"title": title, "page": page.number},
            in_nav=in_nav and page.number == 1, listing=page, **context) for page in pages]

    def a_to_z(self) -> list[GeneratedPage]:
        entries = [Entry(letter, (offering, None), f"buchstabe-{letter.lower() if letter != '#' else 'zeichen'}")
                   for letter, offerings in self.listings.a_to_z() for offering in offerings]
        pages = paginated(entries, self.site_map.a_to_z(), self.site_map)
        letters = [(entry.heading, page_of_anchor(pages, entry.anchor))
                   for entry in {entry.anchor: entry for entry in entries}.values()]
        return self.listing_pages("a_z.html", self.gettext(N_("Alle Angebote von A bis Z")), pages, letters=letters)

    def organisations_overview(self) -> list[GeneratedPage]:
        return self.listing("organisations.html", self.site_map.organisations(),
                            self.gettext(N_("Träger von A bis Z")),
                            [Entry("", organisation) for organisation in self.listings.organisations()])

    def events(self) -> GeneratedPage:
        return self.render("events.html", self.site_map.events(), self.gettext(N_("Termine")),
                           events=self.listings.events())

    def events_archive(self) -> GeneratedPage:
        return self.render("events_archive.html", self.site_map.events_archive(),
                           self.gettext(N_("Vergangene Termine")), in_nav=False, events=self.listings.past_events())

    def feed_address(self, network_id: str = "") -> dict[str, str] | None:
        """An events feed's whole address, for calendar apps, which cannot follow a relative
        link: ``web`` (https, to paste into Google Calendar and others) and ``webcal`` (which
        opens the calendar app and subscribes). None without site_url: then only the link."""
        if not self.links.site_url:
            return None
        web = f"{self.links.site_url.rstrip('/')}/{self.site_map.url(self.site_map.events_calendar(network_id))}"
        return {"web": web, "webcal": "webcal://" + web.partition("://")[2]}

    def correction_mail(self, here: str, name: str) -> str:
        """An e-mail to the editorial team about what is wrong on a page, in the page's
        language: the record's name in the subject, the page's address in the text."""
        return self.links.mail(
            self.gettext("Korrektur: %(name)s") % {"name": name},
            self.gettext("Seite: %(address)s") % {"address": self.links.address(self.site_map, here)}, "",
            self.gettext("Bitte beschreiben Sie hier, was nicht stimmt und wie es richtig ist, zum Beispiel eine "
                         "neue Telefonnummer oder andere Öffnungszeiten:"), "", "")

    def contribute(self) -> GeneratedPage:
        mail = self.links.mail(
            self.gettext("Eintrag im Verzeichnis"),
            self.gettext("Bitte nennen Sie das Angebot oder den Träger und schreiben Sie, was neu ist oder was nicht "
                         "stimmt und wie es richtig ist:"), "", "")
        return self.render("contribute.html", self.site_map.contribute(),
                           self.gettext(N_("Mitmachen: Einträge anlegen und ändern")), sections=self.provider_docs,
                           mail=mail, examples={entry.file_name: entry for entry in example_entries()},
                           form_fields=[*new_offering_fields(), CONSENT_FIELD])

    def search_messages(self) -> dict:
        """What suche.js says, in the page's language; ``%(num)s`` and ``%(place)s`` it fills
        in. Counts come in the forms for 1, 2 and 5, which cover German, English and Czech."""
        return {
            "found": plural_forms("%(num)s Angebot gefunden", "%(num)s Angebote gefunden", self.ngettext),
            "byPlace": self.gettext(", nach Entfernung von %(place)s sortiert"),
            "byLocation": self.gettext(", nach Entfernung von Ihrem Standort sortiert"),
            # Near a place: the radius (the status line), an office farther away that is
            # responsible for the place, and the offer to widen the radius.
            "withinPlace": self.gettext(" im Umkreis von %(km)s km um %(place)s"),
            "withinLocation": self.gettext(" im Umkreis von %(km)s km um Ihren Standort"),
            "responsible": self.gettext("zuständig für %(region)s"),
            "farther": plural_forms("%(num)s weiteres passendes Angebot liegt weiter entfernt.",
                                    "%(num)s weitere passende Angebote liegen weiter entfernt.", self.ngettext),
            "widen": self.gettext("Im Umkreis von %(km)s km suchen"),
            "widenAll": self.gettext("In der ganzen Region suchen"),
            "alsoPartial": plural_forms(", danach %(num)s Angebot mit einem Teil Ihrer Suchwörter",
                                        ", danach %(num)s Angebote mit einem Teil Ihrer Suchwörter", self.ngettext),
            "partial": self.gettext(". Kein Angebot enthält alle Suchwörter; gezeigt werden Angebote mit einem "
                                    "Teil davon"),
            "ignored": self.gettext(". Ihre Suchwörter sind zu allgemein (z. B. „und“, „für“); gezeigt werden "
                                    "alle Angebote"),
            "unknownPlace": self.gettext("Den Ort „%(place)s“ kennen wir nicht. Bitte geben Sie eine Postleitzahl "
                                         "oder einen anderen Ort ein."),
            "suggestPlaces": self.gettext("Meinten Sie einen dieser Orte?"),
            "failed": self.gettext("Die Suche konnte nicht geladen werden. Bitte versuchen Sie es später erneut "
                                   "oder nutzen Sie die Listen nach Thema, Zielgruppe und Region."),
            "noLocation": self.gettext("Ihr Standort ist nicht verfügbar. Bitte geben Sie eine Postleitzahl oder "
                                       "einen Ort ein."),
            "updating": self.gettext("Die Suche wird gerade aktualisiert. Bitte laden Sie die Seite in ein paar "
                                     "Minuten neu."),
            # The labels of a result's lines (treffer.js), as on the offering page.
            "phone": self.gettext("Telefon"), "address": self.gettext("Adresse"), "email": self.gettext("E-Mail"),
            "web": self.gettext("Internet"), "cost": self.gettext("Kosten"), "access": self.gettext("Zugang"),
            "languages": self.gettext("Sprachen"), "accessibility": self.gettext("Barrierefreiheit"),
            "hours": self.gettext("Sprechzeiten"), "checked": self.gettext("Zuletzt geprüft am %(day)s"),
        }

    def search_page(self) -> GeneratedPage:
        src = self.site_map.search()
        return self.render("search.html", src, self.gettext(N_("Suche")), scripts=SEARCH_SCRIPTS,
                           facets=self.facets, messages=self.search_messages(),
                           index=self.site_map.link(src, self.site_map.search_file("")),
                           offering_link=self.site_map.link(src, self.site_map.offering(ID_PLACEHOLDER)))

    def saved_list(self) -> GeneratedPage:
        src = self.site_map.saved_list()
        return self.render("saved_list.html", src, self.gettext(N_("Merkliste")),
                           offering_link=self.site_map.link(src, self.site_map.offering(ID_PLACEHOLDER)))

    def overview_map(self) -> GeneratedPage:
        return self.render("overview_map.html", self.site_map.overview_map(), self.gettext(N_("Karte")),
                           map=self.maps.get(self.site_map.overview_map_document()))

    def by_place(self, offerings: list[Offering]) -> list[Entry]:
        """Offerings at each of their places, by town; those without a fixed place after them."""
        return [Entry(town, pair) for town, pairs in by_town(offerings, self.language) for pair in pairs] + [
            Entry(self.gettext(N_("Ohne festen Ort (aufsuchend oder online)")), (offering, None))
            for offering in offerings if not offering.places]

    def places(self) -> list[GeneratedPage]:
        return self.listing("places.html", self.site_map.places(), self.gettext(N_("Angebote nach Ort")),
                            self.by_place(self.listings.listed), in_nav=False)

    def term_pages(self, vocabulary: str, title: str) -> list[GeneratedPage]:
        pages = [self.render("facet_overview.html", self.site_map.terms(vocabulary), title,
                             vocabulary=vocabulary, counts=self.listings.term_counts(vocabulary))]
        for term in self.listings.vocabularies[vocabulary].terms.values():
            pages += self.listing(
                "facet.html", self.site_map.term(vocabulary, term.id), term.label(self.language),
                [Entry("", (offering, None)) for offering in self.listings.with_term(vocabulary, term.id)],
                in_nav=False, term=term, vocabulary=vocabulary, overview_title=title)
        return pages

    def region_pages(self) -> list[GeneratedPage]:
        directory = self.directory
        children = {r.id: directory.sub_regions(r.id) for r in directory.regions}
        pages = [self.render("regions.html", self.site_map.regions(), self.gettext(N_("Regionen")),
                             children=children, top=self.listings.top_regions())]
        for region in directory.regions:
            inside = directory.within(region.id)
            offerings = self.listings.in_region(region.id)
            parents = directory.parents(region.id)
            wider = self.listings.for_wider_region(region.id)
            also = self.gettext(N_("Auch zuständig: Angebote für %(regions)s (%(num)s)")) % {
                "regions": ", ".join(parent.name.get(self.language) for parent in parents),
                "num": len(wider)}
            pages += self.listing(
                "region.html", self.site_map.region(region.id), region.name.get(self.language),
                self.by_place(offerings) + [Entry(also, (offering, None)) for offering in wider], in_nav=False,
                region=region, children=children[region.id], parents=parents, offering_count=len(offerings),
                map=self.maps.get(self.site_map.region_map_document(region.id)),
                networks=[n for n in directory.networks if inside & set(n.regions)])
        return pages

    def network_pages(self) -> list[GeneratedPage]:
        networks = self.listings.networks()
        pages = [self.render("networks.html", self.site_map.networks(), self.gettext(N_("Netzwerke")),
                             networks=networks)]
        for network in networks:
            pages.append(self.render(
                "network.html", self.site_map.network(network.id), network.name.get(self.language), in_nav=False,
                network=network, members=self.listings.members(network),
                parts=[n for n in networks if n.part_of == network.id], events=self.listings.events_of(network),
                past_events=self.listings.past_events_of(network),
            ))
        return pages

    def organisation_page(self, organisation: Organisation) -> GeneratedPage:
        offerings = sorted(organisation.offerings, key=lambda o: sort_key(o.name.get(self.language)))
        return self.render(
            "organisation.html", self.site_map.organisation(organisation.id),
            organisation.name.get(self.language), in_nav=False, org=organisation,
            current=[o for o in offerings if not o.ended], ended=[o for o in offerings if o.ended],
            networks=self.directory.networks_of(organisation),
            structured_data=lambda: self.structured_data.organisation(organisation),
        )

    def offering_page(self, offering: Offering) -> GeneratedPage:
        return self.render(
            "offering.html", self.site_map.offering(offering.id), offering.name.get(self.language), in_nav=False,
            scripts=("sprechzeiten.js",) if said_in_the_browser(offering) else (), offering=offering,
            org=self.directory.organisation(offering.organisation_id),
            structured_data=lambda: self.structured_data.offering(offering),
        )
