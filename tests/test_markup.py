"""Record values become safe HTML."""
from __future__ import annotations

import datetime as dt

import pytest

from generator import markup


@pytest.mark.parametrize("hostile", [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "<a href='data:text/html,<script>alert(1)</script>'>d</a>",
    "<iframe src=https://evil.example></iframe>",
    "<svg onload=alert(1)>",
    "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
])
def test_descriptions_lose_scripts_handlers_and_unsafe_links(hostile):
    html = markup.markdown_to_safe_html(hostile).lower()
    for forbidden in ("<script", "onerror", "onload", "javascript:", "data:", "<iframe", "<svg", "style="):
        assert forbidden not in html


def test_markdown_formatting_and_https_links_survive():
    html = markup.markdown_to_safe_html("Wir **beraten**.\n\n- eins\n- [Mehr](https://www.beispiel.example)")
    assert "<strong>beraten</strong>" in html
    assert '<a href="https://www.beispiel.example" rel="noopener noreferrer nofollow">Mehr</a>' in html
    assert "<li>eins</li>" in html


def test_headings_in_descriptions_sit_below_the_page_headings():
    assert markup.markdown_to_safe_html("# Titel\n\n## Unter").startswith("<h3>Titel</h3>\n<h4>Unter</h4>")
    assert markup.markdown_to_safe_html("### A\n\n#### B", 2).startswith("<h2>A</h2>\n<h3>B</h3>")


@pytest.mark.parametrize("number, href", [
    ("03733 / 565729", "tel:+493733565729"),
    ("+49 3733 565729", "tel:+493733565729"),
    ("+420 475 123 456", "tel:+420475123456"),
])
def test_phone_links_are_international(number, href):
    assert markup.tel_href(number) == href


def test_mail_links_are_encoded():
    assert markup.mailto_href("info+x@beispiel.example") == "mailto:info+x@beispiel.example"


def test_dates_are_written_the_german_way():
    assert markup.german_date(dt.date(2026, 3, 1)) == "1. März 2026"
