"""Rendering the directory into pages: one per offering and organisation (kept out of the
navigation), listings per topic, target group, region and network, an A–Z page and a
start page that leads to all of them.

Pages are HTML fragments from Jinja templates with autoescaping on, wrapped as Markdown
files for MkDocs (``File.generated``). Links between generated pages are computed here,
since MkDocs does not rewrite links inside raw HTML.
"""
from __future__ import annotations

import html
import posixpath
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import jinja2
import yaml
from markupsafe import Markup

from . import freshness, maps, markup, search
from .records import Address, Directory, Offering, Organisation
from .text import sort_key
from .vocab import Vocabulary

TEMPLATES = Path(__file__).parent / "templates"

# Listing pages by facet: URL folder, the offering field, the vocabulary, the title.
FACETS = (
    ("themen", "topics", "themen", "Themen"),
    ("zielgruppen", "target_groups", "zielgruppen", "Zielgruppen"),
)


@dataclass(frozen=True)
class ContributionLinks:
    """Links into the repository on GitHub, where providers change their entries."""

    repository: str | None = None  # "owner/name"

    @property
    def enabled(self) -> bool:
        return bool(self.repository)

    def form(self, template: str, **fields: str) -> str:
        """A GitHub issue form, its fields prefilled from the URL (field id = parameter)."""
        from urllib.parse import urlencode
        return f"https://github.com/{self.repository}/issues/new?" + urlencode({"template": template, **fields})


@dataclass(frozen=True)
class GeneratedPage:
    src_uri: str  # as MkDocs names it, e.g. "angebote/suchtberatung-aue.md"
    title: str
    body: str  # HTML
    in_nav: bool = True

    @property
    def markdown(self) -> str:
        """What MkDocs reads: only the title. The body never passes through Markdown (whose
        fenced-code step would rewrite ``` in record text); the plugin puts it in as HTML."""
        # Material writes meta titles into <title> and the header unescaped, so the title
        # is HTML-escaped here, and dumped by YAML itself so it cannot end the front matter.
        title = html.escape(self.title, quote=True)
        front = yaml.safe_dump({"title": title}, allow_unicode=True, width=10_000)
        return f"---\n{front}---\n"


def page_url(src_uri: str) -> str:
    """The directory URL MkDocs gives a page: ``a/b.md`` -> ``a/b/``, ``a/index.md`` -> ``a/``."""
    stem = src_uri[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
        return stem
    return stem + "/"


def relative_url(from_src: str, to_src: str) -> str:
    """A link from one page to another page (``.md``) or to a file such as a map."""
    if not to_src.endswith(".md"):
        relative = posixpath.relpath(to_src, page_url(from_src) or ".")
        return relative + "/" if to_src.endswith("/") and relative != "." else ("./" if relative == "." else relative)
    here, there = page_url(from_src), page_url(to_src)
    relative = posixpath.relpath(there or ".", here or ".")
    return "./" if relative == "." else relative + "/"


def by_town(offerings: Iterable[Offering]) -> list[tuple[str, list[tuple[Offering, Address]]]]:
    """Every (offering, place) pair grouped by town, in German order: the maps' text alternative."""
    groups: dict[str, list[tuple[Offering, Address]]] = defaultdict(list)
    for offering in offerings:
        for place in offering.places:
            groups[place.town].append((offering, place))
    return [(town, sorted(groups[town], key=lambda pair: (sort_key(pair[0].name), pair[0].id)))
            for town in sorted(groups, key=sort_key)]


def offering_src(offering_id: str) -> str:
    return f"angebote/{offering_id}.md"


def organisation_src(organisation_id: str) -> str:
    return f"traeger/{organisation_id}.md"


class SiteRenderer:
    """Renders every page of one directory. Holds the derived listings once."""

    def __init__(self, directory: Directory, vocabularies: dict[str, Vocabulary],
                 map_settings: maps.MapSettings | None = None, limits: freshness.Limits | None = None,
                 provider_docs=(), links: ContributionLinks | None = None):
        self.directory = directory
        self.provider_docs = list(provider_docs)
        self.links = links or ContributionLinks()
        self.vocabularies = vocabularies
        self.map_settings = map_settings or maps.MapSettings()
        self.limits = limits or freshness.Limits()
        self.maps: list[maps.GeneratedMap] = []
        # Ended offerings, and by configuration very old ones, keep their page but leave
        # the listings, the maps and the search.
        self.listed = sorted(
            (o for o in directory.offerings if o.status != "beendet" and not self.limits.is_hidden(o)),
            key=lambda o: (sort_key(o.name), o.id),
        )
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(TEMPLATES),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            extensions=["jinja2.ext.do"],
        )
        self.env.globals.update(
            label=self.label,
            markdown=lambda text, level=3: Markup(markup.markdown_to_safe_html(text.de, level)) if text else "",
            german_date=markup.german_date,
            tel_href=markup.tel_href,
            mailto_href=markup.mailto_href,
            directory=directory,
            vocab=vocabularies,
            organisation=directory.organisation,
            offering_src=offering_src,
            organisation_src=organisation_src,
            map_settings=self.map_settings,
            is_stale=self.limits.is_stale,
            links=self.links,
            stale_before=self.limits.stale_before,
            listed_of=lambda org: [o for o in self.listed if o.organisation_id == org.id],
            attributions=lambda addresses: sorted(
                {a.location.attribution for a in addresses if a.location and a.location.attribution}),
        )

    def label(self, vocabulary: str, term_id: str) -> str:
        return self.vocabularies[vocabulary].label(term_id)

    def render(self, template: str, src_uri: str, title: str, in_nav: bool = True, **context) -> GeneratedPage:
        body = self.env.get_template(template).render(
            here=src_uri, title=title,
            url=lambda target: relative_url(src_uri, target),
            **context,
        )
        return GeneratedPage(src_uri, title, body.strip(), in_nav)

    def pages(self) -> list[GeneratedPage]:
        pages = [self.start_page(), self.a_to_z(), self.organisations_overview(), self.events(),
                 self.overview_map(), self.places(), self.search_page(), self.contribute()]
        for folder, attribute, vocabulary, title in FACETS:
            pages += self.facet_pages(folder, attribute, vocabulary, title)
        pages += self.region_pages()
        pages += self.network_pages()
        pages += [self.organisation_page(org) for org in self.directory.organisations]
        pages += [self.offering_page(o) for o in self.directory.offerings]
        return pages

    # --- pages ------------------------------------------------------------------

    def start_page(self) -> GeneratedPage:
        counts = {
            folder: self._counts(attribute, vocabulary)
            for folder, attribute, vocabulary, _ in FACETS
        }
        return self.render(
            "start.html", "index.md", "Hilfe und Beratung finden",
            counts=counts, offerings=self.listed, regions=self._top_regions(),
        )

    def a_to_z(self) -> GeneratedPage:
        by_letter: dict[str, list[Offering]] = defaultdict(list)
        for offering in self.listed:
            first = sort_key(offering.name)[:1].upper()
            by_letter[first if first.isalpha() else "#"].append(offering)
        return self.render("a_z.html", "a-z.md", "Alle Angebote von A bis Z",
                           letters=sorted(by_letter.items()))

    def organisations_overview(self) -> GeneratedPage:
        organisations = sorted(self.directory.organisations, key=lambda o: sort_key(o.name))
        return self.render("organisations.html", "traeger/index.md", "Träger von A bis Z",
                           organisations=organisations)

    def events(self) -> GeneratedPage:
        events = sorted(self.directory.events, key=lambda e: (e.date, e.id), reverse=True)
        return self.render("events.html", "termine/index.md", "Termine", events=events)

    def map_of(self, src_uri: str, title: str, offerings: list[Offering]) -> maps.GeneratedMap | None:
        markers = maps.markers_for(offerings, self.directory)
        if not markers:
            return None
        generated = maps.render_map(src_uri, title, markers, self.map_settings, self.vocabularies["themen"])
        self.maps.append(generated)
        return generated

    def contribute(self) -> GeneratedPage:
        return self.render("contribute.html", "mitmachen.md", "Mitmachen: Einträge anlegen und ändern",
                           sections=self.provider_docs)

    def search_page(self) -> GeneratedPage:
        facets = [facet for facet, _ in search.facets_for(self.directory, self.vocabularies)]
        return self.render("search.html", "suche.md", "Suche", facets=facets)

    def search_index(self, places) -> dict[str, str]:
        return search.build_index(self.directory, self.vocabularies, self.listed, places)

    def overview_map(self) -> GeneratedPage:
        generated = self.map_of(f"{maps.MAPS_FOLDER}/alle.html", "Karte aller Angebote", self.listed)
        return self.render("overview_map.html", "karte.md", "Karte", map=generated)

    def places(self) -> GeneratedPage:
        return self.render("places.html", "orte.md", "Angebote nach Ort", in_nav=False,
                           groups=by_town(self.listed),
                           elsewhere=[o for o in self.listed if not o.places])

    def facet_pages(self, folder: str, attribute: str, vocabulary: str, title: str) -> list[GeneratedPage]:
        counts = self._counts(attribute, vocabulary)
        pages = [self.render("facet_overview.html", f"{folder}/index.md", title,
                             folder=folder, vocabulary=vocabulary, counts=counts)]
        for term in self.vocabularies[vocabulary].terms.values():
            offerings = [o for o in self.listed if term.id in getattr(o, attribute)]
            pages.append(self.render(
                "facet.html", f"{folder}/{term.id}.md", term.de, in_nav=False,
                term=term, offerings=offerings, overview=f"{folder}/index.md", overview_title=title,
            ))
        return pages

    def region_pages(self) -> list[GeneratedPage]:
        directory = self.directory
        children = {r.id: directory.sub_regions(r.id) for r in directory.regions}
        pages = [self.render("regions.html", "regionen/index.md", "Regionen",
                             children=children, top=self._top_regions())]
        for region in directory.regions:
            inside = directory.within(region.id)
            parents = directory.parents(region.id)
            upward = {r.id for r in parents}
            offerings = [o for o in self.listed if inside & set(o.regions)]
            pages.append(self.render(
                "region.html", f"regionen/{region.id}.md", str(region.name), in_nav=False,
                region=region, children=children[region.id], parents=parents,
                offerings=offerings, groups=by_town(offerings),
                elsewhere=[o for o in offerings if not o.places],
                map=self.map_of(f"{maps.MAPS_FOLDER}/region-{region.id}.html",
                                f"Karte: Angebote in {region.name}", offerings),
                wider=[o for o in self.listed if upward & set(o.regions) and not inside & set(o.regions)],
                networks=[n for n in directory.networks if inside & set(n.regions)],
            ))
        return pages

    def network_pages(self) -> list[GeneratedPage]:
        networks = sorted(self.directory.networks, key=lambda n: sort_key(n.name))
        pages = [self.render("networks.html", "netzwerke/index.md", "Netzwerke", networks=networks)]
        for network in networks:
            members = sorted(self.directory.members_of(network), key=lambda o: sort_key(o.name))
            pages.append(self.render(
                "network.html", f"netzwerke/{network.id}.md", str(network.name), in_nav=False,
                network=network, members=members,
                parts=[n for n in networks if n.part_of == network.id],
                events=sorted((e for e in self.directory.events if e.network == network.id),
                              key=lambda e: e.date, reverse=True),
            ))
        return pages

    def organisation_page(self, organisation: Organisation) -> GeneratedPage:
        offerings = sorted(organisation.offerings, key=lambda o: sort_key(o.name))
        return self.render(
            "organisation.html", organisation_src(organisation.id), str(organisation.name),
            in_nav=False, org=organisation,
            current=[o for o in offerings if o.status != "beendet"],
            ended=[o for o in offerings if o.status == "beendet"],
            networks=self.directory.networks_of(organisation),
        )

    def offering_page(self, offering: Offering) -> GeneratedPage:
        return self.render(
            "offering.html", offering_src(offering.id), str(offering.name), in_nav=False,
            offering=offering, org=self.directory.organisation(offering.organisation_id),
        )

    # --- helpers ----------------------------------------------------------------

    def _counts(self, attribute: str, vocabulary: str) -> list[tuple]:
        counts = defaultdict(int)
        for offering in self.listed:
            for term_id in getattr(offering, attribute):
                counts[term_id] += 1
        return [(term, counts[term.id]) for term in self.vocabularies[vocabulary].terms.values()]

    def _top_regions(self):
        return sorted((r for r in self.directory.regions if not r.part_of), key=lambda r: sort_key(r.name))


@dataclass(frozen=True)
class Site:
    pages: list[GeneratedPage]
    maps: list[maps.GeneratedMap]
    search_files: dict[str, str]  # site path -> JSON


def render_site(directory: Directory, vocabularies: dict[str, Vocabulary],
                map_settings: maps.MapSettings | None = None, places=(),
                limits: freshness.Limits | None = None, provider_docs=(),
                links: ContributionLinks | None = None) -> Site:
    renderer = SiteRenderer(directory, vocabularies, map_settings, limits, provider_docs, links)
    pages = renderer.pages()
    seen: set[str] = set()
    for page in pages:
        if page.src_uri in seen:  # rules.py reserves ids like "index"; this is the last guard
            raise ValueError(f"Zwei Seiten hätten dieselbe Adresse: {page.src_uri}")
        seen.add(page.src_uri)
    return Site(pages, renderer.maps, renderer.search_index(list(places)))
