"""Turning record values into safe HTML pieces: sanitized Markdown, contact links, dates.

Descriptions are CommonMark, parsed by markdown-it-py with raw HTML switched off (it shows
as text) and images off. Python-Markdown, which MkDocs uses, took 90 s on a run of 20,000
"[" and passes raw HTML and ``javascript:`` links through; markdown-it-py's work grows
about linearly with the text. The result still goes through an allowlist (nh3), and every
contact link is built from a value the schema has already validated.
"""
from __future__ import annotations

import datetime as dt
import functools
import re
from html import unescape
from urllib.parse import quote

import nh3
from markupsafe import escape
from markdown_it import MarkdownIt

ALLOWED_TAGS = {"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote",
                "code", "h2", "h3", "h4", "h5", "h6"}
ALLOWED_SCHEMES = ("https:", "mailto:", "tel:")
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")


def _only_safe_links(tag: str, attribute: str, value: str) -> str | None:
    if tag == "a" and attribute == "href":
        return value if value.strip().lower().startswith(ALLOWED_SCHEMES) else None
    return value


def _shift_headings(html: str, top: int) -> str:
    """The description's highest heading becomes ``top``; the others keep their distance."""
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html)]
    if not levels:
        return html
    shift = top - min(levels)
    return re.sub(r"<(/?)h([1-6])\b", lambda m: f"<{m.group(1)}h{min(6, int(m.group(2)) + shift)}", html)


_MARKDOWN = MarkdownIt("commonmark", {"html": False}).disable("image")


def _as_plain_paragraphs(text: str) -> str:
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join(f"<p>{escape(p).replace(chr(10), '<br>' + chr(10))}</p>\n" for p in paragraphs)


def markdown_to_safe_html(text: str, top_heading: int = 3) -> str:
    """``top_heading``: the level the description's headings start at, below the page's own."""
    return _safe_html(text, top_heading)  # one key however it is called


@functools.lru_cache(maxsize=1024)  # a page shows a description and gives it again as plain text (JSON-LD)
def _safe_html(text: str, top_heading: int) -> str:
    tokens = _MARKDOWN.parse(text)
    if tokens and max(t.level for t in tokens) >= _MARKDOWN.options["maxNesting"] - 2:
        # markdown-it stops at its nesting limit and drops the rest of the text without a
        # word; a text nested this deep is shown as plain paragraphs instead, all of it.
        html = _as_plain_paragraphs(text)
    else:
        html = _MARKDOWN.renderer.render(tokens, _MARKDOWN.options, {})
    return nh3.clean(
        _shift_headings(html, top_heading),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        attribute_filter=_only_safe_links,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )


def markdown_to_plain_text(text: str) -> str:
    """A description as plain text, for data that is not HTML (the pages' JSON-LD): the
    words the page shows, each list item on a line of its own, paragraphs (and lists)
    apart by an empty line, as in the record."""
    flowing = re.sub(r"\s*\n\s*", " ", markdown_to_safe_html(text))  # a soft line break is a space
    blocks = re.sub(r"</(?:p|h[2-6]|blockquote|ul|ol)>", "\n\n", flowing)
    lines = re.sub(r"<br\s*/?>|</li>", "\n", blocks)
    plain = unescape(nh3.clean(lines, tags=set()))  # no tag left, the text as the page shows it
    paragraphs = ("\n".join(line.strip() for line in block.splitlines() if line.strip())
                  for block in re.split(r"\n\s*\n", plain))
    return "\n\n".join(paragraph for paragraph in paragraphs if paragraph)


def tel_href(number: str) -> str:
    """``03733 / 565729`` -> ``tel:+493733565729``; the schema has checked the form."""
    digits = re.sub(r"[^0-9+]", "", number)
    if digits.startswith("0"):
        digits = "+49" + digits[1:]
    return "tel:" + digits


def mailto_href(address: str, subject: str = "", body: str = "") -> str:
    """A ``mailto:`` link, with a subject and the first lines of the text where given
    (RFC 6068: everything but letters, digits and ``-._~`` percent-encoded, UTF-8, line
    breaks as CRLF), so that no value can add a header or a recipient."""
    href = "mailto:" + quote(address, safe="@.+-_")
    fields = [f"{name}={quote(value, safe='')}" for name, value in (
        ("subject", " ".join(subject.split())), ("body", re.sub(r"\r\n|\r|\n", "\r\n", body))) if value]
    return href + ("?" + "&".join(fields) if fields else "")


def german_date(day: dt.date) -> str:
    """``2026-03-01`` -> ``1. März 2026``."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def code_span(text, limit: int | None = None) -> str:
    """Text as Markdown inline code, for every value a bot repeats in an issue or comment.

    GitHub shows code literally: no mention (``@user``, ``@org/team``), reference (``#1``),
    link, HTML or character reference (``&commat;``) comes to life, however the text is
    written. The fence is one backtick longer than any run inside, so the text cannot end
    the span; line breaks become spaces, since a blank line would end it as well.
    """
    text = " ".join(str(text).split())
    if limit is not None and len(text) > limit:
        text = text[:limit].rstrip() + "…"
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    # CommonMark drops one space at each end; without it a backtick at an end would join the fence.
    padding = " " if not text or text[0] == "`" or text[-1] == "`" else ""
    return f"{fence}{padding}{text}{padding}{fence}"
