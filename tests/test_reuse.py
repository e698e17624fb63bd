"""Pages found again between the builds of one process (generator/render/reuse.py)."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from conftest import SCHEMAS

from generator import pipeline
from generator.records import Text
from generator.render import reuse
from generator.render.environment import GeneratedPage
from generator.render.reuse import REUSABLE, NotFrozen, Reuse, Same, frozen

TEMPLATES = Path(reuse.__file__).parent / "templates"


def a_page(text: str) -> GeneratedPage:
    return GeneratedPage("angebote/x.md", "X", text)


def test_a_page_of_the_last_build_is_found_again_while_the_world_stays():
    pages = Reuse()
    pages.start(("de", 1))
    first = pages.get("key", lambda: a_page("eins"))
    pages.start(("de", 1))
    assert pages.get("key", lambda: a_page("zwei")) is first
    assert pages.reused == 1


def test_a_changed_world_renders_every_page_anew():
    pages = Reuse()
    pages.start(("de", 1))
    pages.get("key", lambda: a_page("eins"))
    pages.start(("de", 2))
    assert pages.get("key", lambda: a_page("zwei")).body == "zwei"
    assert pages.reused == 0


def test_only_the_latest_build_is_kept():
    pages = Reuse()
    pages.start("w")
    pages.get("alt", lambda: a_page("alt"))
    pages.start("w")
    pages.get("neu", lambda: a_page("neu"))
    pages.start("w")
    assert pages.get("alt", lambda: a_page("wieder")).body == "wieder"


def test_a_record_is_found_by_identity_and_never_mistaken_for_a_different_one():
    text = Text("Suchtberatung")
    assert Same(text) == Same(text) and hash(Same(text)) == hash(Same(text))
    assert Same(text) != Same(Text("Schuldnerberatung"))
    assert Same(text) == Same(Text("Suchtberatung"))  # equal by value: a collision finds no wrong page


def test_an_offering_brings_its_provider_into_the_key(site_copy):
    prepared = pipeline.prepare(pipeline.Sources(site_copy, SCHEMAS))
    offering = prepared.directory.offerings[0]
    provider = prepared.directory.organisation(offering.organisation_id)
    renamed = dataclasses.replace(provider, name=Text("Ein anderer Name"))
    assert frozen({"offering": offering}, lambda o: provider) != frozen({"offering": offering}, lambda o: renamed)
    assert frozen([offering], lambda o: provider) == frozen([offering], lambda o: provider)


def test_a_value_that_cannot_be_compared_is_refused():
    with pytest.raises(NotFrozen):
        frozen({"call": lambda: 1}, lambda o: None)


@pytest.mark.parametrize("template", sorted(REUSABLE))
def test_reused_templates_reach_no_record_except_through_their_context(template):
    """A reused page may look records up only where the key covers them: ``organisation()``
    for an offering's provider; ``directory`` (every record) would reach past its key."""
    names = {template}
    seen: set[str] = set()
    while names:
        name = names.pop()
        seen.add(name)
        source = (TEMPLATES / name).read_text(encoding="utf-8")
        assert not re.search(r"\bdirectory\b", source), f"{name} liest aus dem ganzen Verzeichnis"
        names |= set(re.findall(r"""(?:import|from|include)\s+["']([\w.]+\.html)["']""", source)) - seen
        for looked_up in re.findall(r"\|\s*record_links\(\"(\w+)\"\)", source):
            assert looked_up in {"region", "network"}, f"{name} schlägt {looked_up} nach"
