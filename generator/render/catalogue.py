"""The message catalogue of the site's own sentences (gettext, through Babel).

Every sentence of the page templates is a message: ``_("…")`` or ``ngettext(…)``. The
messages are German; ``locales/messages.pot`` lists them all, so that translators can make
``locales/<language>/LC_MESSAGES/messages.po`` from it. A test fails when the committed
list is not the one the templates give; ``python -m generator.render.catalogue`` writes it
anew.
"""
from __future__ import annotations

import datetime as dt
import functools
import io
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.support import Translations

from .environment import TEMPLATES

LOCALES = Path(__file__).parent / "locales"
LANGUAGES = ("cs", "en")  # besides German, in which the messages are written
TEMPLATE_FILE = LOCALES / "messages.pot"
# A fixed date keeps the file the same from one run to the next.
CREATED = dt.datetime(2026, 12, 1, tzinfo=dt.timezone.utc)


@functools.cache
def messages() -> Catalog:
    """Every message of the templates, with the templates it stands in (read once; the
    templates are part of the package and do not change while it runs)."""
    catalog = Catalog(project="Wegweiser", version="1", creation_date=CREATED, charset="utf-8",
                      msgid_bugs_address="", copyright_holder="", fuzzy=False)
    method_map = [("templates/**.html", "jinja2.ext.babel_extract"), ("*.py", "python")]
    options = {"templates/**.html": {"extensions": "jinja2.ext.do", "trim_blocks": "true", "lstrip_blocks": "true"}}
    # In Python only what N_() marks: page titles, navigation, filters, map titles.
    keywords = {"N_": None, "_": None, "gettext": None, "ngettext": (1, 2), "plural_forms": (1, 2)}
    for filename, _lineno, message, comments, context in extract_from_dir(
            TEMPLATES.parent, method_map, options, keywords=keywords):
        if filename.endswith("catalogue.py") or filename.endswith("messages.py"):
            continue  # their docstrings name the markers, they are no messages
        catalog.add(message, locations=[(filename, None)], auto_comments=comments, context=context)
    return catalog


def template_text() -> str:
    """The catalogue template (POT) as written to ``locales/messages.pot``."""
    out = io.BytesIO()
    write_po(out, messages(), width=100, sort_output=True, include_lineno=False, omit_header=False)
    return out.getvalue().decode("utf-8")


def catalogue_file(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / "messages.po"


def read(language: str) -> Catalog:
    with catalogue_file(language).open("rb") as file:
        return read_po(file, locale=language)


def translations(language: str) -> Translations:
    """The language's messages for the templates (``environment(..., translations=…)``)."""
    compiled = io.BytesIO()
    write_mo(compiled, read(language))
    compiled.seek(0)
    return Translations(compiled)


if __name__ == "__main__":
    TEMPLATE_FILE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE_FILE.write_text(template_text(), encoding="utf-8")
    print(f"{TEMPLATE_FILE}: {len(messages())} Meldungen")
