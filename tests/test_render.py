"""The render stage as a whole: which vocabularies it needs, and what a site holds."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import SCHEMAS, rendered
from generator import pipeline
from generator.render import VOCABULARIES
from generator.render.environment import TEMPLATES


def test_every_vocabulary_a_template_shows_is_declared_as_needed():
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r'(?:label|terms|term_links)\("([a-z]+)"', template.read_text(encoding="utf-8")))
        used |= set(re.findall(r'vocab\["([a-z]+)"\]', template.read_text(encoding="utf-8")))
    assert used and used <= VOCABULARIES


def test_a_missing_vocabulary_is_a_located_problem_before_anything_is_built(tmp_path, site_copy):
    schemas = tmp_path / "schemas"
    shutil.copytree(SCHEMAS, schemas)
    (schemas / "vokabulare" / "wochentage.yml").unlink()
    with pytest.raises(pipeline.InvalidContent) as raised:
        pipeline.prepare(pipeline.Sources(site_copy, schemas))
    messages = [p.message for p in raised.value.problems if p.path.endswith("wochentage.yml")]
    assert messages and "fehlt" in messages[0]


def test_a_site_holds_pages_maps_search_files_and_the_files_to_copy():
    site = rendered()
    assert len({p.src_uri for p in site.pages}) == len(site.pages)
    assert "karten/alle.html" in {m.src_uri for m in site.maps}
    assert all(m.src_uri.startswith("karten/") for m in site.maps)
    assert "suche/manifest.json" in site.search_files
    assert set(site.static_files) >= {"karten/assets/leaflet.js", "karten/assets/wegweiser-karte.js"}
