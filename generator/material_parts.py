"""Material's navigation and tabs, rendered once for each kind of page, not for every page.

Both come out the same on every page that lies in the same folder and has the same entry
of the navigation marked active: all entry pages of a language, thousands of them, have
none. Material renders them anew on each page, which took about a tenth of every
language's build. ``overrides/partials/nav.html`` and ``tabs.html`` call
``material_once``; it renders Material's own file (reached under the prefix
``material/``, since the override hides the original name) and keeps the result.
"""
from __future__ import annotations

import posixpath
from pathlib import Path

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from markupsafe import Markup

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def kind_of_page(context) -> tuple | None:
    """What the navigation's HTML depends on besides the build: where relative links start,
    and which entries are active. None where it is to be rendered afresh."""
    page, nav = context.get("page"), context.get("nav")
    if page is None or not nav or page.toc:  # the 404 page, or a page whose contents nav.html lists
        return None
    url = page.url
    if url.endswith("/") and any(item.url.startswith(url) for item in nav.pages):
        where = url  # an entry lies in the page's own folder: its links start there
    else:
        where = posixpath.dirname(url.rstrip("/"))  # the same for every page beside it
    return context["base_url"], where, tuple(item.file.src_uri for item in nav.pages if item.active)


def install(env: Environment) -> None:
    """Gives the templates of one build (one language) ``material_once``."""
    env.loader = ChoiceLoader([env.loader, PrefixLoader({"material": FileSystemLoader(MATERIAL_TEMPLATES)})])
    rendered: dict[tuple, Markup] = {}

    @pass_context
    def material_once(context, name: str) -> Markup:
        template = env.get_template(f"material/{name}")
        kind = kind_of_page(context)
        if kind is None:
            return Markup(template.render(context.get_all()))
        if (name, kind) not in rendered:
            rendered[name, kind] = Markup(template.render(context.get_all()))
        return rendered[name, kind]

    env.globals["material_once"] = material_once
