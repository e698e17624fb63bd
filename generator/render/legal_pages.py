"""The legal and explanatory pages of every site: Impressum, Datenschutzerklärung,
Erklärung zur Barrierefreiheit, the site explained in Leichte Sprache, and a page for a
video in German Sign Language (DGS); all of them linked from every page's footer.

Each is a template named after the page (``templates/imprint.html`` …) filled with the operator's settings
(``operator``, ``accessibility`` in mkdocs.yml), which autoescape shows as text. Where a
value the page needs is empty, the page shows a gap and a note that it is a template
("Vorlage"). An own text of the operator (``legal.own_texts``) replaces the template's
words; it is Markdown, cleaned like a record's description. The pages stay out of the
navigation; the footer leads to them.
"""
from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from .. import legal
from ..settings import Settings
from .environment import GeneratedPage
from .messages import N_
from .urls import LEGAL_PAGES

TITLES = {"imprint": N_("Impressum"), "privacy": N_("Datenschutzerklärung"),
          "accessibility": N_("Erklärung zur Barrierefreiheit"), "easy_language": N_("Leichte Sprache"),
          "sign_language": N_("Deutsche Gebärdensprache (DGS)")}

# How a page names a value the operator has yet to fill in, in the gap and in the note.
VALUE_NAMES = {
    "operator.name": N_("Name des Betreibers"), "operator.address": N_("Anschrift"),
    "operator.email": N_("E-Mail-Adresse"), "operator.hosting": N_("Anbieter des Servers (Hosting)"),
    "accessibility.compliance": N_("Stand der Vereinbarkeit"),
    "accessibility.statement_date": N_("Datum der Erklärung"),
    "accessibility.enforcement_body": N_("Durchsetzungsstelle"),
}


def host(url: str) -> str:
    return urlsplit(url).netloc


def legal_pages(renderer, settings: Settings, own: legal.OwnTexts) -> list[GeneratedPage]:
    """The five pages in the renderer's language (``renderer``: a ``pages.PageRenderer``)."""
    gettext = renderer.gettext
    names = {name: gettext(label) for name, label in VALUE_NAMES.items()}
    day = settings.accessibility.statement_date
    pages = []
    for page, src in LEGAL_PAGES.items():
        lacking = () if own.of(page) else legal.missing(settings, page)
        pages.append(renderer.render(
            f"{page}.html", src, gettext(TITLES[page]), in_nav=False, own=own.of(page),
            missing=[names[name] for name in lacking], names=names, operator=settings.operator,
            accessibility=settings.accessibility, maps=settings.maps, video_host=host(settings.accessibility.dgs_video),
            enforcement_host=host(settings.accessibility.enforcement_url),
            statement_day=dt.date.fromisoformat(day) if day else None,
        ))
    return pages
