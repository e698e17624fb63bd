"""The MkDocs plugin's settings (``plugins: - wegweiser: ...`` in mkdocs.yml)."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class GeocoderConfig(base.Config):
    # "nominatim" or "photon"; point domain at a self-hosted server for bulk work.
    service = c.Choice(("nominatim", "photon"), default="nominatim")
    domain = c.Type(str, default="nominatim.openstreetmap.org")
    scheme = c.Choice(("https", "http"), default="https")
    # The Nominatim usage policy asks for a User-Agent naming the application and a contact.
    user_agent = c.Type(str, default="Wegweiser-Verzeichnis")
    contact = c.Type(str, default="")
    # Seconds between two requests; the public Nominatim allows at most one per second.
    pause = c.Type((int, float), default=1.0)
    timeout = c.Type((int, float), default=10)


class MapConfig(base.Config):
    # The tile server: loaded only after the visitor clicks "Karte laden". Point it at a
    # self-hosted or EU server if you prefer; name it for the consent sentence.
    tiles = c.Type(str, default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
    attribution = c.Type(str, default='&copy; <a href="https://www.openstreetmap.org/copyright">'
                                      'OpenStreetMap</a>-Mitwirkende')
    tile_server_name = c.Type(str, default="OpenStreetMap Foundation")
    max_zoom = c.Type(int, default=19)


class WegweiserConfig(base.Config):
    # Where the JSON Schemas and, in its subfolder vokabulare/, the vocabularies are.
    schemas = c.Dir(exists=True, default="schemas")
    # Show on every page that the entries are demonstration data.
    demo_notice = c.Type(bool, default=False)
    # Entries last checked longer ago than this are marked as possibly outdated (12m = 12
    # months, 90d = days, 2j = years); past hide_after they leave listings, maps and search.
    stale_after = c.Optional(c.Type(str))
    hide_after = c.Optional(c.Type(str))
    # The geocode cache; default: geocache.json in the content folder (docs_dir).
    geocache = c.Optional(c.File(exists=False))
    # The GitHub repository ("owner/name") for "Fehler melden / Eintrag ändern" links and
    # the provider documentation; without it, pages show no such links.
    repository = c.Optional(c.Type(str))
    # Maps: the tile server, and where npm installed Leaflet (`npm ci`, run by make).
    maps = c.SubConfig(MapConfig)
    node_modules = c.Type(str, default="node_modules")
    # The online geocoder, used only by `wegweiser geocode` (never by a build).
    geocoder = c.SubConfig(GeocoderConfig)
