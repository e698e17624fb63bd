"""Wegweiser: a directory of social-service offerings, from YAML records to a static site.

The pipeline (``pipeline.py``) reads load -> validate -> geocode -> render; the MkDocs
plugin (``plugin.py``) and the command line (``cli.py``) are thin adapters over it.
"""
