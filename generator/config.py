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


class WegweiserConfig(base.Config):
    # Where the JSON Schemas and, in its subfolder vokabulare/, the vocabularies are.
    schemas = c.Dir(exists=True, default="schemas")
    # Show on every page that the entries are demonstration data.
    demo_notice = c.Type(bool, default=False)
    # The geocode cache; default: geocache.json in the content folder (docs_dir).
    geocache = c.Optional(c.File(exists=False))
    # The online geocoder, used only by `wegweiser geocode` (never by a build).
    geocoder = c.SubConfig(GeocoderConfig)
