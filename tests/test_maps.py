"""Map documents: only our own files, markers as escaped JSON in a file beside them, the
same size however many markers there are, stable bytes, honest markers."""
from __future__ import annotations

import dataclasses
import gzip
import json
import re

import pytest

from conftest import REPO, prepared
from generator.render import maps
from generator.render.urls import SiteMap
from generator.settings import MapSettings

OFFERING_LINK = "../angebote/{id}/"


@pytest.fixture(scope="module")
def fixture_directory():
    directory = prepared()
    return directory.directory, directory.vocabularies


def listed(directory):
    return [o for o in directory.offerings if not o.ended]


def render(fixture_directory, settings=None):
    directory, vocabularies = fixture_directory
    markers = maps.markers_for(listed(directory), directory)
    return maps.render_map("karten/test.html", "Karte: <Test> & Co", markers, settings or MapSettings(),
                           vocabularies["themen"], OFFERING_LINK)


def payload_of(generated: maps.GeneratedMap) -> dict:
    return json.loads(generated.marker_data)


def test_markers_leave_out_shelters_and_ended_offerings_and_are_sorted_by_town(fixture_directory):
    directory, _ = fixture_directory
    markers = maps.markers_for(listed(directory), directory)
    ids = [m.offering_id for m in markers]
    assert "beratung-beispiel-schutzwohnung" not in ids  # confidential address
    assert "beratung-beispiel-alte-gruppe" not in ids  # ended, and has no place anyway
    assert [m.town for m in markers] == sorted((m.town for m in markers), key=str.casefold)


def test_the_document_loads_only_our_own_files(fixture_directory):
    document = render(fixture_directory).html
    sources = re.findall(r'<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"', document)
    assert sources and all(s.startswith(("assets/", "test.json?v=")) for s in sources)  # and the markers
    for host in ("jsdelivr", "cdnjs", "jquery", "bootstrap", "font-awesome", "googleapis", "unpkg"):
        assert host not in document


def test_hostile_names_stay_inside_the_json_data(fixture_directory):
    generated = render(fixture_directory)
    document = generated.html
    assert "</script><img" not in document and "<img src=x" not in document and "alert" not in document
    assert document.count("</script>") == document.count("<script")
    names = [row[2] for row in payload_of(generated)["m"]]
    assert any("</script><img src=x onerror=alert(1)>" in name or "${alert(1)}" in name
               for name in names + payload_of(generated)["traeger"])
    assert not set(generated.marker_data) & set("<>&\u2028\u2029")  # no markup, read as whatever it may be


TEMPLATE_SYNTAX = ("{{ 7*7 }}", "{% raw %}", "{# Kommentar #}", "{{ lipsum.__globals__.os.getcwd() }}",
                   "Am Markt 1 {% Hof", "${7*7}", "`backtick`", "</script><b>", "<!--", "\u2028")


def test_record_text_in_a_map_is_data_and_never_runs_as_a_template():
    hostile = " ".join(TEMPLATE_SYNTAX)
    markers = [maps.Marker(50.5, 12.9, hostile, "angebot", hostile, hostile, hostile, ("sucht",), False, hostile)]
    topics = prepared().vocabularies["themen"]
    generated = maps.render_map("karten/x.html", hostile, markers, MapSettings(), topics, OFFERING_LINK)
    document = generated.html
    for text in (document, generated.marker_data):
        assert "49" not in text.replace("0049", "")  # {{ 7*7 }} was not evaluated
        assert str(REPO) not in text
    data = payload_of(generated)
    assert data["m"][0][2] == hostile and data["traeger"] == [hostile] and data["orte"] == [hostile]
    assert data["m"][0][5] == hostile and data["quellen"] == [hostile]
    assert not set(generated.marker_data) & set("<>&\u2028\u2029")
    # The only scripts are the libraries and folium's constant setup; the title is escaped.
    assert document.count("<script") == document.count("</script>")
    assert "<b>" not in document and "<!--" not in document


def synthetic_markers(count: int) -> list[maps.Marker]:
    """Markers of a large directory: long names, a town and organisation each in ten."""
    return [maps.Marker(47.5 + (i % 700) / 100, 6.0 + (i % 1250) / 100,
                        f"Beratungsstelle für Menschen mit Behinderung {i}", f"traeger-{i // 3}-angebot-{i}",
                        f"Träger Beispiel {i // 10} e. V.", f"Hauptstraße {i % 99 + 1}", f"Musterstadt {i // 10}",
                        ("sucht",), i % 5 == 0, "Ortsdaten: GeoNames (CC BY 4.0)" if i % 5 == 0 else "")
            for i in range(count)]


def test_a_map_document_has_the_same_small_size_however_many_markers_it_shows():
    """Issue 16: no page grows with the directory beyond what it lists; the markers lie in
    a file of their own."""
    topics = prepared().vocabularies["themen"]
    sizes = {}
    for count in (10, 10_000):
        generated = maps.render_map("karten/alle.html", "Karte aller Angebote", synthetic_markers(count),
                                    MapSettings(), topics, OFFERING_LINK)
        document = generated.html.encode("utf-8")
        sizes[count] = len(document)
        assert len(document) < 8_000 and len(gzip.compress(document)) < 3_000
        assert "Beratungsstelle" not in generated.html and "Musterstadt" not in generated.html
        data = payload_of(generated)
        assert [row[3] for row in data["m"]] == [m.offering_id for m in synthetic_markers(count)]
    assert abs(sizes[10_000] - sizes[10]) < 50  # only the bounds' digits differ


def test_the_markers_lie_in_a_json_file_beside_the_document_that_names_it(fixture_directory):
    generated = render(fixture_directory)
    assert generated.marker_file == "karten/test.json"
    assert (f'<link rel="alternate" type="application/json" href="test.json?v={generated.marker_version}"'
            in generated.html)
    assert generated.marker_data.endswith("}\n") and "wegweiser-markierungen" not in generated.html
    assert len(payload_of(generated)["m"]) == len(generated.markers)


def test_the_site_publishes_each_maps_markers_and_its_page_names_them_for_the_script():
    from conftest import rendered

    site = rendered()
    assert {m.marker_file for m in site.maps} == {m.src_uri.removesuffix(".html") + ".json" for m in site.maps}
    overview = next(p for p in site.pages if p.src_uri == "karte.md")
    overview_map = next(m for m in site.maps if m.src_uri == "karten/alle.html")
    assert 'data-karte="karten/alle.html"' in overview.body.replace("../", "")
    assert (f'data-karte-markierungen="karten/alle.json?v={overview_map.marker_version}"'
            in overview.body.replace("../", ""))
    assert 'data-karte-fehlt="Die Markierungen der Karte konnten leider nicht geladen werden.' in overview.body


def marker_reference(document: str) -> str:
    return re.search(r'<link rel="alternate" type="application/json" href="([^"]*)"', document)[1]


def test_the_references_to_the_marker_file_change_with_its_content_and_only_with_it(fixture_directory):
    """A browser or CDN may keep the last build's marker file (GitHub Pages: ten minutes):
    a new file must come under a new address, and an unchanged one keep its address."""
    directory, vocabularies = fixture_directory
    markers = maps.markers_for(listed(directory), directory)
    renamed = [dataclasses.replace(markers[0], name=markers[0].name + " (neu)"), *markers[1:]]

    def rendered_with(chosen):
        return maps.render_map("karten/test.html", "Karte", chosen, MapSettings(), vocabularies["themen"],
                               OFFERING_LINK)

    first, again, changed = rendered_with(markers), rendered_with(markers), rendered_with(renamed)
    assert first.html == again.html and first.marker_data == again.marker_data
    assert marker_reference(first.html) == marker_reference(again.html) == f"test.json?v={first.marker_version}"
    assert re.fullmatch(r"[0-9a-f]{10}", first.marker_version)
    assert first.marker_version == maps.content_version(first.marker_data)
    assert changed.marker_version != first.marker_version
    assert marker_reference(changed.html) == f"test.json?v={changed.marker_version}"
    # The bounds are the same, so the document differs only in the reference.
    assert changed.html.replace(changed.marker_version, first.marker_version) == first.html


def test_each_page_names_the_version_of_its_maps_markers_that_the_map_document_names():
    from conftest import rendered

    site = rendered()
    for generated in site.maps:
        name = generated.marker_file.rpartition("/")[2]
        assert marker_reference(generated.html) == f"{name}?v={generated.marker_version}"
        pages = [p for p in site.pages if f"/{generated.marker_file}?v=" in p.body]
        assert pages, generated.src_uri
        assert all(f'/{generated.marker_file}?v={generated.marker_version}"' in p.body for p in pages)


def test_a_map_document_says_in_its_language_when_its_markers_cannot_be_read(fixture_directory):
    from generator.render import catalogue

    directory, vocabularies = fixture_directory
    markers = maps.markers_for(listed(directory), directory, "cs")
    for language, sentence in (("de", "Die Markierungen der Karte konnten leider nicht geladen werden."),
                               ("cs", "Značky mapy se bohužel nepodařilo načíst.")):
        messages = maps.map_messages(catalogue.translations(language)) if language != "de" else None
        generated = maps.render_map("karten/test.html", "Karte", markers, MapSettings(), vocabularies["themen"],
                                    OFFERING_LINK, messages, language)
        assert re.search(r'<link rel="alternate" type="application/json" href="[^"]*" data-fehlt="'
                         + re.escape(sentence), generated.html)
        assert "missing" not in payload_of(generated)["meldungen"]  # the file is what would be missing


def test_two_renders_are_byte_identical(fixture_directory):
    assert render(fixture_directory).html == render(fixture_directory).html


def test_the_document_has_a_language_an_escaped_title_and_allows_zooming(fixture_directory):
    document = render(fixture_directory).html
    assert '<html lang="de">' in document
    assert "<title>Karte: &lt;Test&gt; &amp; Co</title>" in document
    assert "user-scalable=no" not in document and "maximum-scale" not in document


def test_the_map_opens_on_the_extent_of_its_markers(fixture_directory):
    generated = render(fixture_directory)
    south = min(m.latitude for m in generated.markers)
    assert f"[[{south}," in generated.html and "fitBounds" in generated.html


def test_approximate_positions_are_flagged_and_sources_credited(fixture_directory):
    data = payload_of(render(fixture_directory))
    assert any(row[8] == 1 for row in data["m"])
    assert any("GeoNames" in source for source in data["quellen"])


def test_the_tile_server_is_configuration(fixture_directory):
    settings = MapSettings(tiles="https://kacheln.beispiel.example/{z}/{x}/{y}.png", tile_server_name="Beispiel")
    assert "https://kacheln.beispiel.example/{z}/{x}/{y}.png" in render(fixture_directory, settings).html
    assert settings.tile_host == "kacheln.beispiel.example"


def test_the_front_end_libraries_come_from_node_modules_and_sit_beside_the_maps():
    files = maps.library_files(REPO / "node_modules", SiteMap())
    assert files["karten/assets/leaflet.js"] == REPO / "node_modules" / "leaflet" / "dist" / "leaflet.js"
    assert files["karten/assets/wegweiser-karte.js"].name == "karte.js"


def test_markers_link_to_offering_pages_in_either_url_style(fixture_directory):
    data = payload_of(render(fixture_directory))
    assert data["angebot"] == OFFERING_LINK
    from conftest import rendered
    for use_directory_urls, link in ((True, "../angebote/{id}/"), (False, "../angebote/{id}.html")):
        site = rendered(use_directory_urls=use_directory_urls)
        assert all(payload_of(m)["angebot"] == link for m in site.maps)


def test_what_the_map_says_comes_in_the_pages_language(fixture_directory):
    from generator.render import catalogue

    assert payload_of(render(fixture_directory))["meldungen"]["allTopics"] == "Alle Themen"
    czech = maps.map_messages(catalogue.translations("cs"))
    assert czech["allTopics"] == "Všechna témata"
    assert czech["markers"] == {"one": "%(num)s značka na mapě", "few": "%(num)s značky na mapě",
                                "many": "%(num)s značek na mapě"}


def test_a_czech_map_names_offerings_and_topics_in_czech_and_flags_german_names(fixture_directory):
    directory, vocabularies = fixture_directory
    markers = maps.markers_for(listed(directory), directory, "cs")
    generated = maps.render_map("karten/test.html", "Mapa", markers, MapSettings(), vocabularies["themen"],
                                OFFERING_LINK, None, "cs")
    assert '<html lang="cs">' in generated.html
    data = payload_of(generated)
    rows = {row[3]: row for row in data["m"]}
    assert rows["beratung-beispiel-poradna"][2] == "Poradna pro rodiny v Ústí"
    assert rows["beratung-beispiel-poradna"][9] == 0
    assert rows["beratung-beispiel-suchtberatung"][2] == "Suchtberatung Beispielstadt"
    assert rows["beratung-beispiel-suchtberatung"][9] == 1  # karte.js marks it lang="de"
    assert "Závislosti" in data["themen"]


def test_the_script_stands_inside_the_body_and_nothing_after_it(fixture_directory):
    document = render(fixture_directory).html
    assert document.index("<body>") < document.rindex("<script>") < document.index("</body>")
    assert document.rstrip().endswith("</script>\n</body>\n</html>")


def test_the_map_carries_a_policy_that_allows_its_own_scripts_and_the_tile_server(fixture_directory):
    from generator.render.content_policy import source_hash

    settings = MapSettings(tiles="https://{s}.kacheln.beispiel.example/{z}/{x}/{y}.png")
    document = render(fixture_directory, settings).html
    content = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', document)[1]
    assert document.index("Content-Security-Policy") < document.index("<script")
    assert "unsafe-inline" not in content and "img-src 'self' data: https://*.kacheln.beispiel.example" in content
    inline = re.findall(r"<script>(.*?)</script>", document, re.S)
    assert len(inline) == 2 and all(source_hash(text) in content for text in inline)
    styles = re.findall(r"<style>(.*?)</style>", document, re.S)
    assert styles and all(source_hash(text) in content for text in styles)
