"""A Content-Security-Policy for every document of the site, written into the document.

The site is static and may be served by any web server, so the policy travels as a
``<meta http-equiv="Content-Security-Policy">`` tag, not as a header. It allows only what
the site serves itself (``default-src 'self'``): no script, style or font from elsewhere,
no plugin, no form or ``<base>`` that leads off the site. Inline scripts (Material writes
a few into every page, folium into every map) are allowed one by one, by the SHA-256 hash
of their text, computed here from the finished document; an inline script that anyone
slips in later in the browser, or an event handler attribute, does not run. Since every
inline script in the finished document is allowed, a page's own content (where record
text goes) must hold none: ``refuse_scripts_in`` stops the build if it does. A meta tag cannot say
``frame-ancestors`` (nor ``report-uri`` or ``sandbox``); only a header can.

The hashes must be of the text exactly as the browser parses it, so the tag is added last,
to the document as it is written (the plugin's ``on_post_page``, and ``render_map`` for
the map documents), and goes before the first script, since a meta policy only governs
what follows it.
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from urllib.parse import urlsplit

# The text of a script or style element runs to the first "</script" ("</style"); our
# templates escape "<" in text and in JSON data blocks, so nothing ends one early.
_ATTRIBUTES = r"""(?P<attributes>(?:[^>"']|"[^"]*"|'[^']*')*)"""
SCRIPT = re.compile(rf"<script\b{_ATTRIBUTES}>(?P<text>.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
STYLE = re.compile(rf"<style\b{_ATTRIBUTES}>(?P<text>.*?)</style\s*>", re.IGNORECASE | re.DOTALL)
ATTRIBUTE = re.compile(r"""(?P<name>[^\s"'>/=]+)"""
                       r"""(?:\s*=\s*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|(?P<bare>[^\s>]+)))?""")
HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
# The character encoding must be declared in the first 1024 bytes: the policy goes after it.
ENCODING = re.compile(r"""<meta\s[^>]*(?:charset\s*=|http-equiv\s*=\s*["']?content-type)[^>]*>""", re.IGNORECASE)
FIRST_SCRIPT = re.compile(r"<script\b", re.IGNORECASE)

# Types with which a browser runs a script element (HTML, "prepare the script element");
# every other type ("application/json", "application/ld+json") is a data block: not run,
# not subject to the policy, so it needs no hash. An import map and speculation rules are
# not run either, but the policy governs them like scripts.
JAVASCRIPT_TYPES = frozenset({
    "", "module", "importmap", "speculationrules",
    "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
    "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
})

# Images: the site's own, and data: URLs, which Material's stylesheet uses for its icons
# (CSS masks count as images). Styles: no 'unsafe-inline'. Neither Material nor Leaflet
# writes a style attribute into markup (both set styles through the DOM, which a policy
# does not restrict), and the <style> elements folium writes into a map are hashed like
# scripts. Fetches (connect-src) fall back to default-src 'self': the page reads the search
# files and the maps' markers from the site; a framed map fetches nothing, the page hands it
# its markers (maps.py), as its sandbox leaves it no origin that the site's files would allow.
FIXED = (
    ("default-src", ("'self'",)),
    ("base-uri", ("'self'",)),
    ("object-src", ("'none'",)),
    ("form-action", ("'self'",)),
)
IMAGES = ("'self'", "data:")


def _attributes(text: str) -> dict[str, str]:
    values = {}
    for match in ATTRIBUTE.finditer(text):
        value = next((v for v in match.group("double", "single", "bare") if v is not None), "")
        values.setdefault(match["name"].lower(), html.unescape(value))
    return values


def runs(attributes: str) -> bool:
    """Whether a script element with these attributes is inline code the browser runs."""
    values = _attributes(attributes)
    if "src" in values:
        return False  # the file comes from its address ('self'); any text inside is ignored
    kind = values.get("type")
    if kind is None:  # an old "language" attribute names the type when there is none
        kind = f"text/{values['language']}" if values.get("language") else ""
    return kind.strip().lower() in JAVASCRIPT_TYPES


def source_hash(text: str) -> str:
    """The policy's source expression for an inline script or style with this text."""
    # The HTML parser turns CR LF and lone CR into LF (and NUL into U+FFFD) before a
    # script sees its text; the browser hashes that text, encoded as UTF-8.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\0", "\ufffd")
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _hashes(pattern: re.Pattern, document: str, wanted=lambda attributes: True) -> list[str]:
    found = [source_hash(m["text"]) for m in pattern.finditer(document) if wanted(m["attributes"])]
    return list(dict.fromkeys(found))  # each once, in document order


class ScriptInContent(ValueError):
    """A page's own content holds a script element: text meant to be shown would run."""


def refuse_scripts_in(content: str, page: str) -> None:
    """The policy allows every inline script it finds in the finished document, so a
    script in our pages' content (where record text goes) must stop the build instead:
    our templates write none, and record text is escaped, so one there is a bug."""
    if FIRST_SCRIPT.search(content):
        raise ScriptInContent(
            f"{page}: Der Inhalt der Seite enthält ein <script>-Element. Texte aus den Einträgen dürfen nie "
            "als Programm laufen; bitte melden Sie diesen Fehler den Entwicklern von Wegweiser (mit dem "
            "Eintrag, der auf dieser Seite steht). Die Seite wurde nicht erstellt.")


def refuse_markup_in_data_block(data: str, page: str) -> None:
    """The page's JSON-LD goes into its <head> as written, where ``refuse_scripts_in`` does
    not look: a "<" in it could end its element and open a script that the policy would
    then allow by its hash. Serialized as structured_data.py does it, it has none."""
    if "<" in data:
        raise ScriptInContent(
            f"{page}: Die strukturierten Daten der Seite (JSON-LD) enthalten ein „<“. Texte aus den Einträgen "
            "dürfen nie als Programm laufen; bitte melden Sie diesen Fehler den Entwicklern von Wegweiser (mit "
            "dem Eintrag, der auf dieser Seite steht). Die Seite wurde nicht erstellt.")


def policy(document: str, images: tuple[str, ...] = ()) -> str:
    """The policy for this document: its own inline scripts and styles by hash, images also
    from ``images`` (the map's tile server)."""
    directives = [*FIXED,
                  ("script-src", ("'self'", *_hashes(SCRIPT, document, runs))),
                  ("style-src", ("'self'", *_hashes(STYLE, document))),
                  ("img-src", (*IMAGES, *images))]
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives)


def with_policy(document: str, images: tuple[str, ...] = ()) -> str:
    """The document with its policy as the first thing in <head> that it can govern: after
    the declaration of the character encoding, before any script."""
    head = HEAD.search(document)
    if head is None:
        raise ValueError("Das Dokument hat kein <head>: die Content-Security-Policy hat keinen Platz.")
    at = head.end()
    encoding = ENCODING.search(document, at)
    first_script = FIRST_SCRIPT.search(document, at)
    if encoding and (first_script is None or encoding.start() < first_script.start()):
        at = encoding.end()
    content = html.escape(policy(document, images), quote=False).replace('"', "&quot;")  # ' may stay
    tag = f'\n<meta http-equiv="Content-Security-Policy" content="{content}">'
    return document[:at] + tag + document[at:]


def tile_sources(tiles: str) -> tuple[str, ...]:
    """The source expression that lets a map load tiles from this URL template; none for
    tiles on the site itself ('self' allows them)."""
    parts = urlsplit(tiles)
    if not parts.netloc:
        return ()
    # Leaflet fills "{s}" (or another placeholder) with a subdomain: a policy allows any
    # with "*" as the leftmost label.
    host = re.sub(r"^\{[^}]*\}(?=\.)", "*", parts.netloc)
    return (f"{parts.scheme}://{host}" if parts.scheme else host,)


def allow_live_reload(server) -> None:
    """Lets the preview of ``mkdocs serve`` reload itself under the policy.

    Its server writes an inline script into every HTML document it serves, different for
    each request (it names the time), so no hash made at build time can allow it. The
    server's method that writes it is wrapped: the document it returns allows exactly that
    script by its hash. The built site never has it. Should MkDocs rename the method, the
    preview is still served, only without reloading by itself.
    """
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:
        return

    def inject_allowed(content: bytes, epoch: int) -> bytes:
        document = inject(content, epoch).decode("utf-8", "surrogateescape")
        added = list(SCRIPT.finditer(document))
        if added:
            document = document.replace("script-src 'self'", f"script-src 'self' {source_hash(added[-1]['text'])}", 1)
        return document.encode("utf-8", "surrogateescape")

    server._inject_js_into_html = inject_allowed


# "<" also stops "<!--" and "</script", which would change how a script element is parsed;
# U+2028/2029 are escaped for old script parsers that end a line there.
SCRIPT_ESCAPES = str.maketrans({"&": "\\u0026", "<": "\\u003c", ">": "\\u003e", "\u2028": "\\u2028",
                                "\u2029": "\\u2029"})


def script_safe_json(value) -> str:
    """JSON that no text inside can end its <script> element or turn into markup (the
    maps' marker files, the pages' JSON-LD)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).translate(SCRIPT_ESCAPES)
