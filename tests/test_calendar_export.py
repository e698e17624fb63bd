"""The iCalendar feeds of the events: read back by a reader of RFC 5545's rules written
here (not by the library that writes them), stable across builds, one feed per network
with exactly its events, local times with their VTIMEZONE, shelters by their town only."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re

from conftest import FIXTURE_SITE, REPO, prepared, prepared_once
from generator import calendar_export
from generator.records import Address, Text
from generator.render.urls import SiteMap

SITE_URL = "https://wegweiser.example/verzeichnis/"
TODAY = dt.date(2025, 3, 1)  # between the fixture's past and coming events


def example():
    return prepared_once(REPO / "content")


def fixture():
    return prepared_once(FIXTURE_SITE)


def fixture_feeds(directory=None, **options) -> dict[str, bytes]:
    return calendar_export.feeds(directory or fixture().directory, vocabularies=fixture().vocabularies, **options)


# --- a reader of RFC 5545, section 3 ------------------------------------------------


@dataclasses.dataclass
class Component:
    name: str
    properties: list[tuple[str, dict[str, str], str]] = dataclasses.field(default_factory=list)
    components: list["Component"] = dataclasses.field(default_factory=list)

    def all(self, name: str) -> list[tuple[dict[str, str], str]]:
        return [(params, value) for n, params, value in self.properties if n == name]

    def value(self, name: str) -> str:
        (found,) = self.all(name)
        return found[1]

    def of(self, name: str) -> list["Component"]:
        return [c for c in self.components if c.name == name]


def content_lines(data: bytes) -> list[str]:
    """Section 3.1: CRLF after every line, at most 75 octets, folded lines unfolded; a fold
    may not split a character (each octet line must be UTF-8 by itself)."""
    assert data.endswith(b"\r\n")
    unfolded: list[str] = []
    for octets in data[: -len(b"\r\n")].split(b"\r\n"):
        assert b"\r" not in octets and b"\n" not in octets, octets
        assert len(octets) <= 75, octets
        line = octets.decode("utf-8")
        if line[:1] in (" ", "\t"):
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    return unfolded


def split_line(line: str) -> tuple[str, dict[str, str], str]:
    """name *(";" param) ":" value, with quoted parameter values (section 3.1)."""
    match = re.match(r'([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*)(?:,(?:"[^"]*"|[^";:,]*))*)*):(.*)\Z',
                     line)
    assert match, line
    params = dict(re.findall(r';([A-Za-z0-9-]+)=("[^"]*"|[^;]*)', match.group(2)))
    return match.group(1).upper(), params, match.group(3)


def read(data: bytes) -> Component:
    stack: list[Component] = [Component("")]
    for line in content_lines(data):
        name, params, value = split_line(line)
        if name == "BEGIN":
            stack.append(Component(value))
        elif name == "END":
            done = stack.pop()
            assert done.name == value, f"END:{value} closes {done.name}"
            stack[-1].components.append(done)
        else:
            stack[-1].properties.append((name, params, value))
    (calendar,) = stack[0].components
    assert len(stack) == 1 and not stack[0].properties and calendar.name == "VCALENDAR"
    return calendar


def text(value: str) -> str:
    """A TEXT value unescaped (section 3.3.11)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def rfc5545_problems(calendar: Component) -> list[str]:
    problems = []
    if [v for _, v in calendar.all("VERSION")] != ["2.0"] or len(calendar.all("PRODID")) != 1:
        problems.append("VCALENDAR needs one VERSION:2.0 and one PRODID")
    if not calendar.components:
        problems.append("a VCALENDAR needs at least one component")
    zones = {zone.value("TZID") for zone in calendar.of("VTIMEZONE")}
    uids = []
    for event in calendar.of("VEVENT"):
        counts = {name: len(event.all(name)) for name in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY")}
        if counts["UID"] != 1 or counts["DTSTAMP"] != 1 or counts["DTSTART"] != 1 or counts["DTEND"] > 1:
            problems.append(f"{event.properties}: UID, DTSTAMP and DTSTART once, DTEND at most once")
            continue
        uids.append(event.value("UID"))
        if not re.fullmatch(r"\d{8}T\d{6}Z", event.value("DTSTAMP")):
            problems.append(f"DTSTAMP {event.value('DTSTAMP')} is no UTC date-time")
        times = []
        for name in ("DTSTART", "DTEND"):
            for params, value in event.all(name):
                if params.get("VALUE") == "DATE":
                    ok = re.fullmatch(r"\d{8}", value)
                else:
                    ok = re.fullmatch(r"\d{8}T\d{6}", value) and params.get("TZID") in zones
                if not ok:
                    problems.append(f"{name};{params}:{value} is no date or no local time of a VTIMEZONE")
                times.append((params.get("VALUE"), value))
        if len(times) == 2 and (times[0][0] != times[1][0] or times[1][1] <= times[0][1]):
            problems.append(f"{event.value('UID')}: DTEND is not after DTSTART, or of another type")
    if len(uids) != len(set(uids)):
        problems.append("a UID twice in one feed")
    return problems


def events_of(feed: bytes) -> dict[str, Component]:
    return {event.value("UID"): event for event in read(feed).of("VEVENT")}


# --- the feeds ----------------------------------------------------------------------


def test_the_example_feeds_keep_rfc_5545():
    feeds = calendar_export.feeds(example().directory, vocabularies=example().vocabularies, site_url=SITE_URL,
                                  today=dt.date(2026, 12, 1))
    assert set(feeds) == {"termine.ics"} | {f"termine-{n.id}.ics" for n in example().directory.networks}
    for name, feed in feeds.items():
        assert rfc5545_problems(read(feed)) == [], name
    assert len(events_of(feeds["termine.ics"])) == len(example().directory.events)


def test_the_reader_itself_sees_broken_feeds():
    feed = fixture_feeds()["termine.ics"]
    calendar = read(feed)
    calendar.properties = [p for p in calendar.properties if p[0] != "PRODID"]
    first = calendar.of("VEVENT")[0]
    first.properties = [p for p in first.properties if p[0] != "DTSTAMP"]
    assert len(rfc5545_problems(calendar)) == 2
    for broken in (feed.replace(b"\r\n", b"\n"), feed + b"X" * 80 + b"\r\n"):
        try:
            content_lines(broken)
        except AssertionError:
            continue
        raise AssertionError("a broken line passed")


def test_each_network_has_a_feed_of_exactly_its_events():
    directory = fixture().directory
    feeds = fixture_feeds(site_url=SITE_URL)
    everything = events_of(feeds["termine.ics"])
    assert set(everything) == {f"{e.id}@wegweiser.example" for e in directory.events}
    for network in directory.networks:
        feed = feeds[calendar_export.file_name(network.id)]
        assert set(events_of(feed)) == {f"{e.id}@wegweiser.example" for e in directory.events
                                        if e.network == network.id}
        assert rfc5545_problems(read(feed)) == []  # a network without events too: its VTIMEZONE
        assert text(read(feed).value("NAME")) == f"Termine: {network.name.de}"
    assert events_of(feeds["termine-arbeitskreis-sucht.ics"]) == {}


def test_each_feed_is_named_with_the_site_s_name_so_a_subscriber_tells_it_from_others():
    network = fixture().directory.networks[0]
    feeds = fixture_feeds(site_name="Wegweiser\nErzgebirge")  # a line break in mkdocs.yml, too
    everything = read(feeds["termine.ics"])
    assert text(everything.value("NAME")) == text(everything.value("X-WR-CALNAME")) == (
        "Termine – Wegweiser Erzgebirge")
    one = read(feeds[calendar_export.file_name(network.id)])
    assert text(one.value("X-WR-CALNAME")) == f"Termine: {network.name.de} – Wegweiser Erzgebirge"
    assert all(rfc5545_problems(read(feed)) == [] for feed in feeds.values())
    assert text(read(fixture_feeds()["termine.ics"]).value("X-WR-CALNAME")) == "Termine"  # without a name


def test_uids_and_bytes_stay_the_same_across_builds():
    first = calendar_export.feeds(prepared(REPO / "content").directory, site_url=SITE_URL)
    second = calendar_export.feeds(prepared(REPO / "content").directory, site_url=SITE_URL)
    assert first == second
    assert "netz-werk-statt-2024-12-04@wegweiser.example" in events_of(first["termine.ics"])
    assert set(events_of(fixture_feeds()["termine.ics"])) == {f"{e.id}@wegweiser" for e in fixture().directory.events}


def test_dtstamp_is_the_day_the_network_was_last_checked():
    events = events_of(fixture_feeds()["termine.ics"])
    network = fixture().directory.network("netzwerk-beispiel")
    assert events["treffen-2024-12-04@wegweiser"].value("DTSTAMP") == network.last_checked.strftime("%Y%m%dT000000Z")
    assert events["workshop-2025-06-02@wegweiser"].value("DTSTAMP") == "20250602T000000Z"  # no network: its own day


def test_local_times_whole_days_and_unknown_ends():
    events = events_of(fixture_feeds()["termine.ics"])
    meeting = events["treffen-2024-12-04@wegweiser"]
    assert meeting.all("DTSTART") == [({"TZID": "Europe/Berlin"}, "20241204T093000")]
    assert meeting.all("DTEND") == [({"TZID": "Europe/Berlin"}, "20241204T130000")]
    # From 14:00 on the first day to the end of the last one.
    workshop = events["werkstatt-2025-06-02@wegweiser"]
    assert (workshop.value("DTSTART"), workshop.value("DTEND")) == ("20250602T140000", "20250605T000000")
    assert events["zukunftstag-2025-03-10@wegweiser"].all("DTEND") == []  # a start, no end
    zone = read(fixture_feeds()["termine.ics"]).of("VTIMEZONE")[0]
    assert {c.value("TZOFFSETTO") for c in zone.of("DAYLIGHT")} == {"+0200"}
    event = fixture().directory.events[0]
    assert calendar_export.when(dataclasses.replace(event, start="", end="", end_date=None)) == (
        event.date, event.date + dt.timedelta(days=1))
    assert calendar_export.when(dataclasses.replace(event, start="18:00", end="02:00", end_date=None))[1] is None


def test_the_time_zone_carries_no_english_comment_of_the_library():
    for feed in (*fixture_feeds().values(), *calendar_export.feeds(dataclasses.replace(
            fixture().directory, events=())).values()):
        zone = read(feed).of("VTIMEZONE")[0]
        assert zone.value("TZID") == "Europe/Berlin" and zone.all("COMMENT") == []
        assert b"COMMENT" not in feed and b"This timezone" not in feed


def test_a_whole_day_event_is_a_date():
    directory = fixture().directory
    changed = dataclasses.replace(directory, events=tuple(
        dataclasses.replace(e, start="", end="", end_date=dt.date(2024, 12, 5)) if e.id == "treffen-2024-12-04" else e
        for e in directory.events))
    event = events_of(fixture_feeds(changed)["termine.ics"])["treffen-2024-12-04@wegweiser"]
    assert event.all("DTSTART") == [({"VALUE": "DATE"}, "20241204")]
    assert event.all("DTEND") == [({"VALUE": "DATE"}, "20241206")]


def test_texts_location_and_links():
    events = events_of(fixture_feeds(site_url=SITE_URL, today=TODAY)["termine.ics"])
    meeting = events["treffen-2024-12-04@wegweiser.example"]
    assert text(meeting.value("SUMMARY")) == "Netzwerktreffen Dezember"
    assert text(meeting.value("LOCATION")) == "Dienststelle Beispielstadt, Musterstraße 1, 09366 Stollberg"
    assert text(meeting.value("CATEGORIES")) == "Arbeit, Beschäftigung und Tagesstruktur"
    description = text(meeting.value("DESCRIPTION"))
    assert description.startswith("Thema: Arbeit, Beschäftigung und Tagesstruktur\n\nNetzwerk: Netzwerk Beispiel")
    # Over before TODAY: on the archive page; coming: on the events page.
    assert meeting.value("URL") == SITE_URL + "termine/archiv/#treffen-2024-12-04"
    assert events["zukunftstag-2025-03-10@wegweiser.example"].value("URL") == (
        SITE_URL + "termine/#zukunftstag-2025-03-10")
    assert text(events["zukunftstag-2025-03-10@wegweiser.example"].value("LOCATION")) == "Online"
    other_style = events_of(fixture_feeds(site_url=SITE_URL, site_map=SiteMap(use_directory_urls=False))[
        "termine.ics"])
    assert other_style["treffen-2024-12-04@wegweiser.example"].value("URL") == (
        SITE_URL + "termine/index.html#treffen-2024-12-04")
    assert all(not e.all("URL") for e in events_of(fixture_feeds()["termine.ics"]).values())


def test_a_czech_place_and_a_registration_in_the_example():
    feeds = calendar_export.feeds(example().directory, vocabularies=example().vocabularies,
                                  today=dt.date(2021, 11, 1))
    event = events_of(feeds["termine-euroregion-elbe-labe-soziale-ausgrenzung.ics"])[
        "euroregion-workshop-2021-11-25-usti@wegweiser"]
    assert text(event.value("LOCATION")) == "ACoRD CZ, z.s., Bozděchova 99/6, 400 01 Ústí nad Labem, Tschechien"
    description = text(event.value("DESCRIPTION"))
    assert "Anmeldung (Projektkoordination): Telefon +420 475 000 001, E-Mail projekt@acord-cz.beispiel.example" in (
        description)
    assert "Der Bezirk Ústí (Abteilung Soziales)" in description  # the provider's line breaks are gone
    later = calendar_export.feeds(example().directory, today=dt.date(2022, 1, 1))["termine.ics"]
    assert "Anmeldung" not in text(events_of(later)["euroregion-workshop-2021-11-25-usti@wegweiser"].value(
        "DESCRIPTION"))  # as on the archive page


def test_a_confidential_place_is_its_town_only():
    directory = fixture().directory
    # As if a later change let a shelter's street through to an event's record.
    shelter = Address(id="", label=Text("Schutzwohnung Nord"), street="Geheimweg 7", postcode="09366",
                      town="Stollberg", country="DE", note=Text("Hintereingang"), confidential=True)
    changed = dataclasses.replace(directory, events=tuple(
        dataclasses.replace(e, place=shelter) if e.id == "treffen-2024-12-04" else e for e in directory.events))
    feed = fixture_feeds(changed)["termine.ics"]
    assert text(events_of(feed)["treffen-2024-12-04@wegweiser"].value("LOCATION")) == "Stollberg"
    assert not any(word in text(feed.decode("utf-8").replace("\r\n ", ""))
                   for word in ("Geheimweg", "09366", "Schutzwohnung", "Hintereingang"))


def test_unwrapped_keeps_paragraphs_and_list_items():
    assert calendar_export.unwrapped("Eins\nzwei.\n\n- drei\n  vier\n- fünf\n1. sechs") == (
        "Eins zwei.\n\n- drei vier\n- fünf\n1. sechs")


def test_line_breaks_in_names_and_texts_keep_every_feed_valid():
    directory = fixture().directory
    network = directory.networks[0]
    renamed = dataclasses.replace(network, name=Text("Arbeitskreis\nSucht"))
    changed = dataclasses.replace(directory, networks=tuple(
        renamed if n.id == network.id else n for n in directory.networks), events=tuple(
        dataclasses.replace(e, title=Text("Treffen\nim Rathaus")) for e in directory.events))
    feeds = fixture_feeds(changed)
    for feed in feeds.values():
        assert rfc5545_problems(read(feed)) == []
    assert "Termine: Arbeitskreis Sucht" in feeds[calendar_export.file_name(network.id)].decode("utf-8")


def test_a_semicolon_or_comma_in_a_feeds_name_is_escaped_as_rfc_5545_asks():
    """A reader that splits at an unescaped ";" shows "Termine – Wegweiser Mayen" cut short."""
    feed = fixture_feeds(site_name="Wegweiser Mayen; Koblenz, Neuwied")["termine.ics"]
    lines = content_lines(feed)
    assert "NAME:Termine – Wegweiser Mayen\\; Koblenz\\, Neuwied" in lines
    assert "X-WR-CALNAME:Termine – Wegweiser Mayen\\; Koblenz\\, Neuwied" in lines
    assert text(read(feed).value("X-WR-CALNAME")) == "Termine – Wegweiser Mayen; Koblenz, Neuwied"
