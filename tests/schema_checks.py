"""Records checked against the repository's schemas, for the tests of ``schema.py`` and of
the messages it gives (``schema_messages.py``, ``schema_corrections.py``)."""
from __future__ import annotations

import functools

from conftest import SCHEMAS
from generator import schema, synonyms, vocab, yamlsafe
from generator.render.search_index import facet_keys


def check(tmp_path, text: str, name="traeger", **context) -> list[str]:
    """The problems of a text against the schema ``name``, as "line:field: message"."""
    path = tmp_path / "x.yml"
    path.write_text(text, encoding="utf-8")
    document, problems = yamlsafe.load(path)
    assert problems == []
    schemas = schema.SchemaSet.load(SCHEMAS).with_context(
        context.get("vocabularies", {}), context.get("known_ids", {}), context.get("reserved_ids", frozenset()))
    return [f"{p.line}:{p.field}: {p.message}" for p in schema.validate(document, schemas.validator(name))]


REGION = "id: r\nname: Region\nart: landkreis\nlaender: [DE]\n"


OFFERING = ("id: t\nname: Träger\nart: verein\nangebote:\n  - id: t-a\n    name: Beratung\n    beschreibung: x\n"
            "    themen: [sucht]\n    zielgruppen: [alle]\n    zugang: [termin]\n    kontakt:\n"
            "      - rolle: Sekretariat\n        telefon: 03733 000009\n    status: aktiv\n"
            "    zuletzt_geprueft: 2026-01-01\n")


@functools.cache
def directory_words():
    """The repository's vocabularies and the search's everyday words, as the pipeline loads them."""
    schemas = schema.SchemaSet.load(SCHEMAS)
    vocabularies, problems = vocab.load_vocabularies(SCHEMAS / "vokabulare", schemas)
    found, synonym_problems = synonyms.load_synonyms(SCHEMAS / "vokabulare", schemas, vocabularies,
                                                     frozenset(facet_keys()))
    assert problems == synonym_problems == []
    return {"vocabularies": vocabularies, "synonyms": found}


RECORD = """id: t
name: Träger
art: verein
adressen:
  - id: hauptsitz
    plz: "08280"
    ort: Aue
angebote:
  - id: t-beratung
    name: Beratung
    beschreibung: Wir beraten.
    themen: [sucht]
    zielgruppen: [alle]
    zugang: [termin]
    online: ja
    kontakt:
      - rolle: Beratung
        telefon: 03733 123456
    status: aktiv
    zuletzt_geprueft: "2026-01-15"
"""


def check_record(tmp_path, old: str, new: str) -> list[str]:
    """The problems of RECORD with ``old`` replaced, with the repository's vocabularies, as "field: message"."""
    assert old in RECORD
    path = tmp_path / "x.yml"
    path.write_text(RECORD.replace(old, new), encoding="utf-8")
    document, problems = yamlsafe.load(path)
    assert problems == []
    words = directory_words()
    schemas = schema.SchemaSet.load(SCHEMAS).with_context(words["vocabularies"], {}, synonyms=words["synonyms"])
    return [f"{p.field}: {p.message}" for p in schema.validate(document, schemas.validator("traeger"))]
