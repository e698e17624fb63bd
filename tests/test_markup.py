"""Record values become safe HTML."""
from __future__ import annotations

import datetime as dt
import re
import time
from html.parser import HTMLParser

import pytest

from generator import markup


class Elements(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, attrs))


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
    elements = Elements()
    elements.feed(markup.markdown_to_safe_html(hostile))
    for tag, attributes in elements.found:
        assert tag in markup.ALLOWED_TAGS
        for name, value in attributes:
            assert name in ("href", "rel") and not re.match(r"\s*(javascript|data|vbscript):", value or "", re.I)


def test_raw_html_in_a_description_is_shown_as_text_not_dropped():
    html = markup.markdown_to_safe_html("Bitte <b>nicht</b> & <script>x</script>")
    assert html == "<p>Bitte &lt;b&gt;nicht&lt;/b&gt; &amp; &lt;script&gt;x&lt;/script&gt;</p>\n"


@pytest.mark.slow  # about 0.4 s each
@pytest.mark.parametrize("unit", ["[", "![", "[](", "<a ", "*a", "[[", "<http://", "`a``"])
def test_pathological_markdown_at_the_size_limit_takes_well_under_two_seconds(unit):
    text = (unit * 20000)[:20000]  # the schema's longest description
    start = time.perf_counter()
    markup.markdown_to_safe_html(text)
    assert time.perf_counter() - start < 2.0


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


def test_a_mail_links_subject_and_text_are_encoded_so_that_no_value_adds_a_header_or_recipient():
    href = markup.mailto_href("redaktion@beispiel.example", "Korrektur: Sucht & Drogen?\nBcc: x@y.example",
                              "Seite: https://w.example/a?b=1#c\n\nÄnderung: 50 %")
    address, _, query = href.partition("?")
    assert address == "mailto:redaktion@beispiel.example"
    subject, body = query.split("&")
    assert subject == "subject=Korrektur%3A%20Sucht%20%26%20Drogen%3F%20Bcc%3A%20x%40y.example"
    assert body == ("body=Seite%3A%20https%3A%2F%2Fw.example%2Fa%3Fb%3D1%23c%0D%0A%0D%0A"
                    "%C3%84nderung%3A%2050%20%25")


def test_dates_are_written_the_german_way():
    assert markup.german_date(dt.date(2026, 3, 1)) == "1. März 2026"


@pytest.mark.parametrize("text", [
    "".join("  " * i + f"- Ebene {i}\n" for i in range(12)) + "\nEnde der Beschreibung.",
    "> " * 30 + "tief\n\nEnde der Beschreibung.",
])
def test_text_nested_deeper_than_the_parser_goes_is_shown_whole_as_plain_text(text):
    html = markup.markdown_to_safe_html(text)
    assert "Ende der Beschreibung." in html
    assert "Ebene 11" in html or "tief" in html


def test_ordinary_nesting_stays_markdown():
    html = markup.markdown_to_safe_html("- eins\n  - zwei\n    - drei\n\n> Zitat")
    assert html.count("<ul>") == 3 and "<blockquote>" in html


def test_plain_text_of_a_description_keeps_its_words_lines_and_paragraphs_and_drops_its_markup():
    text = ("Hilfe bei **Schulden**,\nauch [online](https://beispiel.example).\n\n- Beratung\n- Begleitung\n\n"
            "Raw <b>HTML</b> & </script> stays text.")
    assert markup.markdown_to_plain_text(text) == (
        "Hilfe bei Schulden, auch online.\n\nBeratung\nBegleitung\n\nRaw <b>HTML</b> & </script> stays text.")
