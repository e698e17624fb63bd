"""The MkDocs plugin's settings (``plugins: - wegweiser: ...`` in mkdocs.yml)."""
from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c


class WegweiserConfig(base.Config):
    # Where the JSON Schemas and, in its subfolder vokabulare/, the vocabularies are.
    schemas = c.Dir(exists=True, default="schemas")
    # Show on every page that the entries are demonstration data.
    demo_notice = c.Type(bool, default=False)
