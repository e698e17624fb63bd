"""Maps of offerings, made with folium, that are safe, private, accessible and light.

Each map is a small HTML document of its own (``karten/<name>.html``) that a page embeds
in a sandboxed iframe only after the visitor clicked "Karte laden": before that, no tile
server hears of the visitor. Its markers lie in a JSON file beside it
(``karten/<name>.json``), so the document keeps the same few kilobytes however many
offerings the directory holds (issue 16). Leaflet and the clustering plugin are served from
the site (npm packages, never a CDN). folium's random element ids are renumbered, so two
builds of the same content give the same bytes.

Record text never enters a folium element: branca compiles the script a folium element
renders once more as an (unsandboxed) Jinja2 template, so a name like ``{{ 7*7 }}`` would
run as code at build time. The markers are therefore written as JSON of their own, which
our script reads, and the popups are built from text nodes, so no record value is ever
parsed as template, script or HTML. (The region name in the document's <title> is a
variable of the figure's own template, rendered once, escaped.)

How the markers reach the map: the frame's sandbox has no allow-same-origin (record text
must never run with the site's origin), so the framed document has an opaque origin, and
its fetch of the site's file would be a CORS request that a plain static server refuses.
The page (wegweiser.js) reads the file instead and hands its text to the frame with
postMessage when the frame asks; the frame takes it only from its parent on the site's
origin (karte.js). Opened on its own, not framed, the document has the site's origin and
reads the file itself, named by its ``<link rel="alternate">``.

The file keeps its name from build to build, so a browser or a CDN (GitHub Pages: ten
minutes) may still hold the last build's file when the new page comes. Every reference to
it therefore carries a version made from its content (``alle.json?v=<hash>``): a new file
is a new address, an unchanged one stays cached, and the same content gives the same bytes.
"""
from __future__ import annotations

import gettext
import hashlib
import html
import itertools
import re
from dataclasses import dataclass
from pathlib import Path

import folium
from branca.element import Figure, MacroElement
from folium.elements import JSCSSMixin
from folium.template import Template

from ..directory import Directory
from ..records import Offering
from ..settings import MapSettings
from ..text import sort_key
from ..vocab import Vocabulary
from .content_policy import script_safe_json, tile_sources, with_policy
from .listings import Listings
from .languages import GERMAN
from .messages import N_, plural_forms
from .urls import ID_PLACEHOLDER, SiteMap

OWN_ASSETS = Path(__file__).parent / "assets"
# folium writes these links into the map documents as they are: relative to a document.
ASSETS = SiteMap().link(SiteMap().overview_map_document(), SiteMap().map_asset(""))

# Files served beside the maps: (name in the assets folder, npm package, path in the package).
LIBRARY_FILES = (
    ("leaflet.js", "leaflet", "dist/leaflet.js"),
    ("leaflet.css", "leaflet", "dist/leaflet.css"),
    ("images/layers.png", "leaflet", "dist/images/layers.png"),
    ("images/layers-2x.png", "leaflet", "dist/images/layers-2x.png"),
    ("leaflet.markercluster.js", "leaflet.markercluster", "dist/leaflet.markercluster.js"),
    ("MarkerCluster.css", "leaflet.markercluster", "dist/MarkerCluster.css"),
)
OWN_FILES = (("wegweiser-karte.js", "karte.js"), ("wegweiser-karte.css", "karte.css"))


@dataclass(frozen=True)
class Marker:
    latitude: float
    longitude: float
    name: str
    offering_id: str
    organisation: str
    street: str
    town: str
    topics: tuple[str, ...]
    approximate: bool
    attribution: str
    name_in_german: bool = False  # on a Czech or English map: the offering has no name in that language
    organisation_in_german: bool = False  # the same for its organisation


@dataclass(frozen=True)
class GeneratedMap:
    src_uri: str  # e.g. "karten/region-versorgungsregion-annaberg.html"
    title: str
    html: str
    markers: tuple[Marker, ...]
    marker_file: str  # beside the document, e.g. "karten/region-versorgungsregion-annaberg.json"
    marker_data: str  # its JSON (``payload``), escaped so that no text in it reads as markup
    marker_version: str  # what every reference to the file appends as ``?v=`` (content_version)


def content_version(text: str) -> str:
    """A version of a file made from its content: it changes with any marker in it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def markers_for(offerings: list[Offering], directory: Directory, language: str = GERMAN) -> list[Marker]:
    """One marker per offering and place, sorted by town and name; shelters stay off maps."""
    markers = [
        Marker(round(place.location.latitude, 5), round(place.location.longitude, 5), offering.name.get(language),
               offering.id, directory.organisation(offering.organisation_id).name.get(language), place.street,
               place.town, offering.topics, place.location.approximate, place.location.attribution,
               offering.name.lacks(language),
               directory.organisation(offering.organisation_id).name.lacks(language))
        for offering in offerings for place in offering.places
        if place.location is not None and not place.confidential
    ]
    return sorted(markers, key=lambda m: (sort_key(m.town), sort_key(m.name), m.offering_id))


class OfferingMarkers(JSCSSMixin, MacroElement):
    """All markers of one map, drawn by our script once their JSON file has come."""

    # Only constant text and folium's own element names: the markers come from their file.
    _template = Template("""
        {% macro script(this, kwargs) %}
            var {{ this.get_name() }} = wegweiserMarkierungen({{ this._parent.get_name() }});
        {% endmacro %}
    """)
    default_js = [("leaflet_markercluster", ASSETS + "leaflet.markercluster.js"),
                  ("wegweiser_karte", ASSETS + "wegweiser-karte.js")]
    default_css = [("markercluster_css", ASSETS + "MarkerCluster.css"),
                   ("wegweiser_karte_css", ASSETS + "wegweiser-karte.css")]

    def __init__(self):
        super().__init__()
        self._name = "WegweiserMarkierungen"


def marker_json(data: dict) -> str:
    """The JSON of a map's marker file. Escaped as if for a script element: no "<", so no
    record text in it reads as markup, even where a server sends the file as HTML."""
    return script_safe_json(data) + "\n"


def map_messages(translations: gettext.NullTranslations) -> dict:
    """What karte.js says, in the page's language; counts in the forms for 1, 2 and 5.
    ``missing`` goes into the map document (its marker file is what could not be read),
    the rest into the marker file."""
    _, ngettext = translations.gettext, translations.ngettext
    return {
        "missing": _("Die Markierungen der Karte konnten leider nicht geladen werden. "
                     "Bitte versuchen Sie es später erneut."),
        "approximate": _("Lage nur ungefähr (Ortsmitte)"),
        "approximateShort": _(" (Lage ungefähr)"),
        "topic": _("Thema "),
        "allTopics": _("Alle Themen"),
        "markers": plural_forms("%(num)s Markierung auf der Karte", "%(num)s Markierungen auf der Karte", ngettext),
    }


def payload(markers: list[Marker], vocabulary: Vocabulary, offering_link: str,
            messages: dict | None = None, language: str = GERMAN) -> dict:
    """Compact rows; organisations, towns and topics once each, referred to by number.
    ``offering_link``: the link to an offering's page, with ``{id}`` for its id."""
    organisations = sorted({m.organisation for m in markers}, key=sort_key)
    towns = sorted({m.town for m in markers}, key=sort_key)
    topics = [t for t in vocabulary.terms.values() if any(t.id in m.topics for m in markers)]
    topic_index = {t.id: i for i, t in enumerate(topics)}
    org_index = {name: i for i, name in enumerate(organisations)}
    town_index = {name: i for i, name in enumerate(towns)}
    messages = messages or map_messages(gettext.NullTranslations())
    return {
        "angebot": offering_link,
        "meldungen": {key: text for key, text in messages.items() if key != "missing"},
        "traeger": organisations,
        "traegerDeutsch": [org_index[name] for name in sorted({m.organisation for m in markers
                                                                if m.organisation_in_german}, key=sort_key)],
        "orte": towns,
        "themen": [t.label(language) for t in topics],
        "quellen": sorted({m.attribution for m in markers if m.attribution}),
        "m": [[m.latitude, m.longitude, m.name, m.offering_id, org_index[m.organisation], m.street,
               town_index[m.town], [topic_index[t] for t in m.topics if t in topic_index], int(m.approximate),
               int(m.name_in_german)]
              for m in markers],
    }


def render_maps(listings: Listings, site_map: SiteMap, settings: MapSettings,
                translations: gettext.NullTranslations | None = None) -> dict[str, GeneratedMap]:
    """The overview map and one map per region with markers, by their path in the site."""
    translations = translations or gettext.NullTranslations()
    _, messages = translations.gettext, map_messages(translations)
    wanted = [(site_map.overview_map_document(), _(N_("Karte aller Angebote")), listings.listed)]
    in_region = _(N_("Karte: Angebote in %(region)s"))
    wanted += [(site_map.region_map_document(region.id), in_region % {"region": region.name.get(site_map.language)},
                listings.in_region(region.id)) for region in listings.directory.regions]
    maps = {}
    for src, title, offerings in wanted:
        markers = markers_for(offerings, listings.directory, site_map.language)
        if markers:
            maps[src] = render_map(src, title, markers, settings, listings.vocabularies["themen"],
                                   site_map.link(src, site_map.offering(ID_PLACEHOLDER)), messages,
                                   site_map.language)
    return maps


def render_map(src_uri: str, title: str, markers: list[Marker], settings: MapSettings,
               topics: Vocabulary, offering_link: str, messages: dict | None = None,
               language: str = GERMAN) -> GeneratedMap:
    figure = Figure(title=html.escape(title))
    fmap = folium.Map(location=None, tiles=None, zoom_start=9, control_scale=True, prefer_canvas=False)
    # Per instance, so no class-level list of folium is changed: our own files only.
    fmap.default_js = [("leaflet", ASSETS + "leaflet.js")]
    fmap.default_css = [("leaflet_css", ASSETS + "leaflet.css")]
    figure.add_child(fmap)
    folium.TileLayer(tiles=settings.tiles, attr=settings.attribution, max_zoom=settings.max_zoom,
                     name="Karte").add_to(fmap)
    OfferingMarkers().add_to(fmap)
    if markers:
        south = min(m.latitude for m in markers)
        north = max(m.latitude for m in markers)
        west = min(m.longitude for m in markers)
        east = max(m.longitude for m in markers)
        fmap.fit_bounds([[south, west], [north, east]], padding=(20, 20), max_zoom=13)
    _renumber(figure)
    document = figure.render().replace("<html>", f'<html lang="{language}">', 1)
    # Inserted after folium has rendered, as branca never sees it: where the markers are,
    # for the document opened on its own (framed, it is given them by the page), and what
    # it says when they cannot be read.
    messages = messages or map_messages(gettext.NullTranslations())
    marker_file = SiteMap().map_markers(src_uri)
    marker_data = marker_json(payload(markers, topics, offering_link, messages, language))
    head, head_end, rest = document.partition("</head>")
    if not head_end:
        raise RuntimeError("folium's map document has no </head>: check the folium version")
    version = content_version(marker_data)
    link = html.escape(f"{SiteMap().link(src_uri, marker_file)}?v={version}")
    document = (f'{head}    <link rel="alternate" type="application/json" href="{link}" '
                f'data-fehlt="{html.escape(messages["missing"])}">\n{head_end}{rest}')
    # folium forbids zooming the page; people with low vision need it (WCAG 1.4.4).
    document = re.sub(r'<meta name="viewport"[^>]*>',
                      '<meta name="viewport" content="width=device-width, initial-scale=1.0">', document)
    # branca writes the map's script after </body>, where HTML allows no element: into the body.
    body, body_end, after = document.rpartition("</body>")
    script, html_end, _ = after.rpartition("</html>")
    if not body_end or not html_end:
        raise RuntimeError("folium's map document has no </body> or </html>: check the folium version")
    document = body + script.strip() + "\n</body>\n</html>\n"
    # Last, so that the hashes are of the inline scripts and styles as they are written.
    document = with_policy(document, tile_sources(settings.tiles))
    return GeneratedMap(src_uri, title, document, tuple(markers), marker_file, marker_data, version)


def _renumber(element, counter=None) -> None:
    """folium names elements with random ids; number them in tree order instead."""
    counter = counter or itertools.count(1)
    element._id = f"{next(counter):04d}"
    for child in element._children.values():
        _renumber(child, counter)


def library_files(node_modules: Path, site_map: SiteMap) -> dict[str, Path]:
    """Site path -> file on disk, for every front-end file the maps need."""
    files = {site_map.map_asset(name): node_modules / package / inner for name, package, inner in LIBRARY_FILES}
    files.update({site_map.map_asset(name): OWN_ASSETS / own for name, own in OWN_FILES})
    return files

