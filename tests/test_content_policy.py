"""The Content-Security-Policy of each document: inline scripts and styles allowed by the
hash of their exact text, files and data blocks left to 'self', the tag before any script."""
from __future__ import annotations

import base64
import hashlib
import html
import re

import pytest

from generator.render import content_policy
from generator.render.content_policy import allow_live_reload, policy, source_hash, tile_sources, with_policy

PAGE = """<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8">
    <title>Seite</title>
    <script>__md_scope=new URL(".",location)</script>
    <link rel="stylesheet" href="style.css">
  </head>
  <body>
    <script id="__config" type="application/json">{"base": "."}</script>
    <script src="bundle.js"></script>
    <script src="alt.js">ignored()</script>
    <script type="module">import "./m.js";</script>
    <script type="application/ld+json">{"@type": "Thing"}</script>
    <script type="text/javascript">var target = 1;</script>
  </body>
</html>
"""


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def directives(document: str) -> dict[str, list[str]]:
    content = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', document)[1]
    return {part.split()[0]: part.split()[1:] for part in html.unescape(content).split("; ")}


def test_every_inline_script_the_browser_runs_is_allowed_by_the_hash_of_its_text():
    script_src = directives(with_policy(PAGE))["script-src"]
    assert script_src == ["'self'", sha256('__md_scope=new URL(".",location)'), sha256('import "./m.js";'),
                          sha256("var target = 1;")]


def test_files_and_data_blocks_need_no_hash():
    script_src = directives(with_policy(PAGE))["script-src"]
    for not_run in ('{"base": "."}', '{"@type": "Thing"}', "ignored()"):
        assert sha256(not_run) not in script_src


def test_no_inline_script_or_style_is_allowed_without_a_hash():
    policy_text = policy(PAGE)
    assert "unsafe-inline" not in policy_text and "unsafe-eval" not in policy_text
    found = directives(with_policy(PAGE))
    assert found["default-src"] == ["'self'"] and found["object-src"] == ["'none'"]
    assert found["base-uri"] == ["'self'"] and found["form-action"] == ["'self'"]
    assert found["style-src"] == ["'self'"]


def test_inline_styles_are_allowed_by_their_hash():
    document = "<html><head><style>#map { width: 100%; }</style></head><body></body></html>"
    assert directives(with_policy(document))["style-src"] == ["'self'", sha256("#map { width: 100%; }")]


def test_the_tag_comes_after_the_character_encoding_and_before_the_first_script():
    document = with_policy(PAGE)
    tag = document.index('http-equiv="Content-Security-Policy"')
    assert document.index('<meta charset="utf-8">') < tag < document.index("<script")
    assert document.count("Content-Security-Policy") == 1


def test_without_a_declared_encoding_the_tag_opens_the_head():
    document = with_policy('<html><head class="x"><script>go()</script></head></html>')
    assert document.startswith('<html><head class="x">\n<meta http-equiv="Content-Security-Policy"')


def test_an_encoding_declared_after_a_script_does_not_move_the_tag_past_it():
    document = with_policy("<html><head><script>go()</script><meta charset=utf-8></head></html>")
    assert document.index("Content-Security-Policy") < document.index("<script")


def test_folium_s_content_type_declaration_counts_as_the_encoding():
    document = with_policy('<head>\n<title>K</title><meta http-equiv="content-type" content="text/html; '
                           'charset=UTF-8" />\n<script src="a.js"></script></head>')
    assert document.index("charset=UTF-8") < document.index("Content-Security-Policy") < document.index("<script")


def test_the_hash_is_of_the_text_as_the_browser_parses_it():
    # The parser turns CR LF into LF before the script sees its text.
    assert source_hash("a();\r\nb();\rc();") == sha256("a();\nb();\nc();")
    assert source_hash("„Beratung“") == sha256("„Beratung“")  # UTF-8


def test_the_same_script_twice_is_allowed_once():
    document = "<head><script>x()</script></head><body><script>x()</script></body>"
    assert directives(with_policy(document))["script-src"] == ["'self'", sha256("x()")]


def test_a_script_whose_attributes_contain_a_greater_than_sign_is_still_found():
    document = '<head></head><body><script data-note="a > b">run()</script></body>'
    assert sha256("run()") in directives(with_policy(document))["script-src"]


@pytest.mark.parametrize("kind, hashed", [
    ("", True), ("text/javascript", True), ("TEXT/JavaScript ", True), ("module", True), ("importmap", True),
    ("application/json", False), ("text/plain", False), ("text/javascript; charset=utf-8", False)])
def test_which_types_the_browser_runs(kind, hashed):
    document = f'<head></head><body><script type="{kind}">code()</script></body>'
    assert (sha256("code()") in directives(with_policy(document))["script-src"]) is hashed


def test_a_document_without_a_head_is_an_error():
    with pytest.raises(ValueError, match="<head>"):
        with_policy("<p>Kein Kopf</p>")


def test_the_tile_server_is_allowed_for_images_and_nothing_else():
    found = directives(with_policy(PAGE, tile_sources("https://tile.openstreetmap.org/{z}/{x}/{y}.png")))
    assert found["img-src"] == ["'self'", "data:", "https://tile.openstreetmap.org"]
    assert "https://tile.openstreetmap.org" not in found["script-src"] + found["default-src"]


@pytest.mark.parametrize("tiles, sources", [
    ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", ("https://tile.openstreetmap.org",)),
    ("https://{s}.tile.example.org/{z}/{x}/{y}.png", ("https://*.tile.example.org",)),
    ("http://127.0.0.1:8123/{z}/{x}/{y}.png", ("http://127.0.0.1:8123",)),
    ("//tiles.example.org/{z}/{x}/{y}.png", ("tiles.example.org",)),
    ("/kacheln/{z}/{x}/{y}.png", ()),  # on the site itself: 'self' allows them
])
def test_tile_sources(tiles, sources):
    assert tile_sources(tiles) == sources


def test_the_preview_allows_the_reloading_script_mkdocs_serve_writes_into_each_page(tmp_path):
    from mkdocs.livereload import LiveReloadServer

    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        allow_live_reload(server)
        served = server._inject_js_into_html(with_policy(PAGE).encode("utf-8"), 1234).decode("utf-8")
    finally:
        server.server_close()
    reloading = re.findall(r"<script>(.*?)</script>", served, re.S)[-1]
    assert "livereload(1234" in reloading
    assert source_hash(reloading) in directives(served)["script-src"]
    assert served.count("Content-Security-Policy") == 1


def test_a_script_in_a_page_s_content_is_refused_not_hashed():
    content_policy.refuse_scripts_in('<p>Beratung &lt;script&gt;</p><a href="#">x</a>', "angebote/a.md")
    with pytest.raises(content_policy.ScriptInContent, match="angebote/a.md"):
        content_policy.refuse_scripts_in("<p>Beratung</p><SCRIPT>alert(1)</SCRIPT>", "angebote/a.md")


def test_json_ld_with_markup_is_refused_before_it_reaches_the_head():
    content_policy.refuse_markup_in_data_block('{"name":"\\u003c/script\\u003e"}', "angebote/a.md")
    with pytest.raises(content_policy.ScriptInContent, match="angebote/a.md"):
        content_policy.refuse_markup_in_data_block('{"name":"</script><script>alert(1)</script>"}', "angebote/a.md")
