"""Sentences written in Python (page titles, navigation, filter names, map titles) are
messages of the catalogue too: ``N_("…")`` marks one where it is defined, so Babel lists
it (``catalogue.py``), and it is translated where it is shown, with the page's language."""
from __future__ import annotations


# The counts a script needs forms for: 1, 2 and 5 cover German, English and Czech
# (one / few / many); the scripts pick by the same rule.
COUNT_FORMS = (("one", 1), ("few", 2), ("many", 5))


def plural_forms(one: str, many: str, ngettext) -> dict[str, str]:
    """A counted message in each form a script may need, ``%(num)s`` left for it to fill."""
    return {form: ngettext(one, many, n) for form, n in COUNT_FORMS}


def N_(message: str) -> str:  # noqa: N802 (gettext's own name for the marker)
    """Mark a message for the catalogue; the text itself stays as it is."""
    return message
