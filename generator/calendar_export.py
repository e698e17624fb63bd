"""The network events as iCalendar feeds (RFC 5545), written by the ``icalendar`` library.

``feeds`` is a pure function of the loaded directory: one feed of every event
(``termine.ics``) and one per network (``termine-<network id>.ics``, a network without
events too, so a subscription made today keeps working), the same bytes for the same
records and the same ``today`` (which decides what is past). Nothing else in a feed comes
from the clock:

- UID: the event's id at the site's host, so a calendar that subscribed updates an event
  instead of adding it twice;
- DTSTAMP: the day the network last checked its entries (its ``zuletzt_geprueft``), since
  events have no such date of their own; an event without a network gets its own day;
- the VTIMEZONE: the rules of Europe/Berlin over the years the events fall in.

Times are local (Europe/Berlin, which Czech events share: Prague has had the same rules
since 1979); an event without a start time is a whole-day event. Texts are German, as on
the German site. A confidential place (a shelter) is its town only, as on the pages.
"""
from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import icalendar

from .directory import Directory
from .hsds import page_url
from .records import Address, Contact, Event, Network
from .render.urls import SiteMap
from .vocab import Vocabulary

ALL_EVENTS = "termine.ics"
TIME_ZONE = "Europe/Berlin"
PRODID = "-//Wegweiser//Termine//DE"
# How often a subscribed calendar should ask again (RFC 7986, and Outlook's own property).
REFRESH = dt.timedelta(days=1)
LIST_ITEM = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")


def file_name(network_id: str = "") -> str:
    """The feed of one network, or of all events without ``network_id``."""
    return f"termine-{network_id}.ics" if network_id else ALL_EVENTS


def _at(day: dt.date, time: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(time), tzinfo=ZoneInfo(TIME_ZONE))


def when(event: Event) -> tuple[dt.date | dt.datetime, dt.date | dt.datetime | None]:
    """DTSTART and DTEND (None: leave it out). A whole-day event ends the day after its last
    (DTEND is exclusive); one with a start and no end time on several days, with its last
    day; one with neither end time nor end day has an unknown end, so none is claimed."""
    last_day = event.end_date or event.date
    if not event.start:
        return event.date, last_day + dt.timedelta(days=1)
    start = _at(event.date, event.start)
    if event.end:
        end = _at(last_day, event.end)
        # An end before the start on one day is a slip in the record, not a night event we could know of.
        return start, end if end > start else None
    return start, _at(last_day + dt.timedelta(days=1), "00:00") if event.end_date else None


class _Feeds:
    def __init__(self, directory: Directory, vocabularies: dict[str, Vocabulary], site_url: str | None,
                 site_map: SiteMap, today: dt.date | None, site_name: str):
        self.vocabularies, self.today = vocabularies, today
        self.site_name = " ".join(site_name.split())
        self.site_url, self.site_map = site_url, site_map
        self.host = (urlsplit(site_url).hostname if site_url else None) or "wegweiser"
        self.networks = {network.id: network for network in directory.networks}
        self.organisations = {organisation.id: organisation for organisation in directory.organisations}
        self.events = sorted(directory.events, key=lambda e: (e.date, e.start, e.id))
        days = [day for e in self.events for day in (e.date, e.end_date) if day]
        # One VTIMEZONE for every feed, from the first year of any event to the end of the year after the last.
        years = {"first_date": dt.date(min(days).year, 1, 1),
                 "last_date": dt.date(max(days).year + 2, 1, 1)} if days else {}
        self.time_zone = icalendar.Timezone.from_tzid(TIME_ZONE, **years)
        # icalendar notes the years in English ("This timezone only works from …"): a line
        # for no reader of a German feed, and the rules above say the same to a program.
        self.time_zone.pop("COMMENT", None)

    def past(self, event: Event) -> bool:
        return self.today is not None and (event.end_date or event.date) < self.today

    def label(self, vocabulary: str, term_id: str) -> str:
        terms = self.vocabularies.get(vocabulary)
        return terms.label(term_id) if terms and term_id in terms else term_id

    def calendar(self, events: list[Event], network: Network | None) -> bytes:
        key = file_name(network.id if network else "").removesuffix(".ics")
        # One line: icalendar writes the calendar's name (X-WR-CALNAME) as it is, line breaks too.
        network_name = " ".join(network.name.de.split()) if network else ""
        name = f"Termine: {network_name}" if network else "Termine"
        calendar = icalendar.Calendar.new(
            prodid=PRODID, calscale="GREGORIAN", uid=f"{key}@{self.host}",
            # In a subscriber's list of calendars, beside those of other sites, "Termine" alone says nothing.
            name=f"{name} – {self.site_name}" if self.site_name else name,
            description=f"Termine des Netzwerks {network_name}" if network else "Termine der Netzwerke",
            url=page_url(self.site_url, self.site_map,
                         self.site_map.network(network.id) if network else self.site_map.events()))
        # icalendar writes a calendar's name unescaped; as TEXT (RFC 5545, 3.3.11) a ";" or ","
        # of a network's or site's name must be escaped, or a reader cuts the name there.
        for key_name in ("NAME", "X-WR-CALNAME"):
            if key_name in calendar:
                calendar[key_name] = icalendar.vText(str(calendar[key_name]))
        calendar.add("REFRESH-INTERVAL", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("X-PUBLISHED-TTL", "P1D")
        # Always there, also in a feed without events: RFC 5545 wants at least one component.
        calendar.add_component(self.time_zone)
        for event in events:
            calendar.add_component(self.event(event))
        return calendar.to_ical()

    def event(self, event: Event) -> icalendar.Event:
        start, end = when(event)
        network = self.networks.get(event.network)
        stamp = network.last_checked if network else event.date
        page = page_url(self.site_url, self.site_map,
                        self.site_map.events_archive() if self.past(event) else self.site_map.events())
        url = f"{page}#{event.id}" if page else None  # each event is a section of its page (_event.html)
        where = location(event.place, self.label("laender", event.place.country) if event.place else "", event.online)
        # None and () leave a property out; "" and [] would write it empty.
        return icalendar.Event.new(
            uid=f"{event.id}@{self.host}", stamp=dt.datetime.combine(stamp, dt.time(), tzinfo=dt.timezone.utc),
            start=start, end=end, summary=event.title.de, description=self.description(event, network, url) or None,
            location=where or None, categories=tuple(self.label("themen", topic) for topic in event.topics), url=url)

    def description(self, event: Event, network: Network | None, url: str | None) -> str:
        organisers = [self.organisations[i].name.de if i in self.organisations else i for i in event.organisers]
        public_place = event.place if event.place and not event.place.confidential else None
        parts = [
            f"Thema: {event.topic.de}" if event.topic else "",
            unwrapped(event.description.de) if event.description else "",
            "Teilnahme online möglich." if event.online and event.place else "",
            f"Hinweis zum Ort: {public_place.note.de}" if public_place and public_place.note else "",
            f"Netzwerk: {network.name.de}" if network else "",
            f"Veranstalter: {', '.join(organisers)}" if organisers else "",
            # As on the archive page: a past event needs no registration any more.
            registration(event.registration) if event.registration and not self.past(event) else "",
            f"Mehr dazu: {url}" if url else "",
        ]
        return "\n\n".join(part.strip() for part in parts if part)


def unwrapped(text: str) -> str:
    """A Markdown text with its soft line breaks as spaces: a calendar app wraps lines to
    its own width, and a break from the provider's editor would stand in mid-sentence.
    Paragraphs and list items keep their lines; other Markdown is readable as it is."""
    lines: list[str] = []
    for line in text.strip().splitlines():
        if lines and lines[-1].strip() and line.strip() and not LIST_ITEM.match(line):
            lines[-1] += " " + line.strip()
        else:
            lines.append(line.rstrip())
    return "\n".join(lines)


def location(place: Address | None, country: str, online: bool) -> str:
    """The place in one line; a confidential one (a shelter) by its town only."""
    if place is None:
        return "Online" if online else ""
    if place.confidential:  # from_yaml keeps no more; this is the second lock
        lines = [place.town]
    else:
        lines = [place.label.de if place.label else "", place.street, f"{place.postcode} {place.town}".strip()]
    if place.country != "DE":
        lines.append(country)
    return ", ".join(line for line in lines if line)


def registration(contact: Contact) -> str:
    details = [contact.person, f"Telefon {contact.phone}" if contact.phone else "",
               f"E-Mail {contact.email}" if contact.email else ""]
    return ": ".join(part for part in (f"Anmeldung ({contact.role.de})", ", ".join(d for d in details if d)) if part)


def feeds(directory: Directory, *, vocabularies: dict[str, Vocabulary] | None = None, site_url: str | None = None,
          site_map: SiteMap | None = None, today: dt.date | None = None, site_name: str = "") -> dict[str, bytes]:
    """Every feed by its file name (``file_name``): all events, then each network's, by id.
    ``vocabularies``: for the names of topics (CATEGORIES) and countries; without them, the
    ids. ``site_url``: the site's address, for the events' and networks' pages and the UIDs'
    host; without it, no links and the host "wegweiser". ``site_map``: how pages are named.
    ``today``: events over before it link to the archive page, and lose their registration,
    as on the site; without it, every event links to the events page. ``site_name``: the
    site's German name, which ends each feed's name (X-WR-CALNAME), so that a subscriber
    tells it from other sites' calendars; without it, "Termine" alone."""
    built = _Feeds(directory, vocabularies or {}, site_url, site_map or SiteMap(), today, site_name)
    files = {ALL_EVENTS: built.calendar(built.events, None)}
    for network in sorted(directory.networks, key=lambda n: n.id):
        files[file_name(network.id)] = built.calendar([e for e in built.events if e.network == network.id], network)
    return files
