"""Material's navigation and tabs, rendered once for each kind of page, not for every page.

Both come out the same on every page from which each entry of the navigation has the same
relative address and the same entries are active: all entry pages of one folder, thousands
of them in a large directory, share one. Material renders them anew on each page, which
took about a tenth of every language's build. ``overrides/partials/nav.html`` and
``tabs.html`` call ``material_once``; it renders Material's own file (reached under the
prefix ``material/``, since the override hides the original name) and keeps the result.

``valid_html`` takes out of each finished page the one thing of Material's base.html that
is not valid HTML.
"""
from __future__ import annotations

import re
from pathlib import Path

import material
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader, pass_context
from markupsafe import Markup
from mkdocs.utils import normalize_url

MATERIAL_TEMPLATES = Path(material.__file__).parent / "templates"


def _addresses(items):
    """Every address the navigation links to: pages, links and the pages inside sections."""
    for item in items:
        if getattr(item, "url", None) is not None:
            yield item.url
        yield from _addresses(getattr(item, "children", None) or ())


def kind_of_page(context) -> tuple | None:
    """What the navigation's HTML depends on besides the build: each entry's address as
    Material's ``url`` filter writes it on this page, and which entries are active. None
    where it is to be rendered afresh."""
    page, nav, base = context.get("page"), context.get("nav"), context.get("base_url")
    if page is None or not nav or page.toc:  # the 404 page, or a page whose contents nav.html lists
        return None
    home = context["config"].extra.get("homepage") or ""
    links = tuple(normalize_url(url, page=page, base=base) for url in (home, *_addresses(nav.items)))
    return base, links, tuple(item.file.src_uri for item in nav.pages if item.active)


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


# Material writes autocomplete="off" on its two toggle checkboxes (menu drawer and search),
# so that Firefox does not restore them on reload; HTML allows the attribute only on inputs
# that take text, so the checker reports it on every page. The checkboxes stand in
# base.html outside any template block: leaving the attribute out there would mean a copy of
# the whole template, to be kept in step with every Material release. They are the first
# two inputs of the page.
TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


def valid_html(page: str) -> str:
    """A page of Material without the attribute HTML does not allow on its toggles."""
    return TOGGLE_AUTOCOMPLETE.sub(r"\1", page, count=2)


def icon(name: str) -> Markup:
    """One of Material's bundled Material Design icons as inline SVG, hidden from screen
    readers: the words beside it say the same."""
    svg = (MATERIAL_TEMPLATES / ".icons" / "material" / f"{name}.svg").read_text(encoding="utf-8")
    return Markup(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))
