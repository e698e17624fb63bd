"""Sentences written in Python (page titles, navigation, filter names, map titles) are
messages of the catalogue too: ``N_("…")`` marks one where it is defined, so Babel lists
it (``catalogue.py``), and it is translated where it is shown, with the page's language."""
from __future__ import annotations


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for the marker)
    """Mark a message for the catalogue; the text itself stays as it is."""
    return message
