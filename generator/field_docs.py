"""The provider documentation, generated from the schemas, so it can never fall behind:
every field with its meaning, whether it is required (also only sometimes, with the rule
that says when), its allowed values and an example; and two complete example entries."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .field_rules import section_rules
from .from_yaml import yes
from .kinds import Kind
from .text import slug
from .schema import SchemaSet
from .vocab import Vocabulary
from .yamlsafe import Document

# (section title, schema, JSON pointer inside it, where the example values come from)
SECTIONS = (
    ("Träger (Datei in content/traeger/)", "traeger", "", ("traeger",)),
    ("Angebot (unter „angebote“)", "traeger", "/$defs/angebot", ("traeger", "angebote")),
    ("Adresse (unter „adressen“, „ort“)", "common", "/$defs/adresse", ("traeger", "adressen")),
    ("Kontakt (unter „kontakt“, „koordination“, „anmeldung“)", "common", "/$defs/kontakt",
     ("traeger", "angebote", "kontakt")),
    ("Sprechzeit (unter „sprechzeiten“)", "common", "/$defs/sprechzeit", ("traeger", "angebote", "sprechzeiten")),
    ("Schließzeit (unter „schliesszeiten“)", "common", "/$defs/schliesszeit",
     ("traeger", "angebote", "schliesszeiten")),
    ("Koordinaten (unter „koordinaten“)", "common", "/$defs/koordinaten", ()),
    ("Text mit Übersetzungen", "common", "/$defs/text", ()),
    ("Netzwerk (Datei in content/netzwerke/)", "netzwerk", "", ("netzwerke",)),
    ("Region (Datei in content/regionen/)", "region", "", ("regionen",)),
    ("Termin (Datei in content/termine/)", "termin", "", ("termine",)),
)
MAX_EXAMPLE = 80  # characters: examples fit in the table's column
# Personal data is never copied from a record into the documentation, whatever the record allows.
PERSONAL_FIELDS = frozenset({"durchwahl", "ansprechperson", "koordinaten"})
GENERIC_EXAMPLES = {"ansprechperson": "Erika Mustermann", "datum": "2026-03-15", "uhrzeit": "09:30", "ja_nein": "ja",
                    "kennung": "suchtberatung-aue",
                    "webseite": "https://www.beispiel.de", "email": "beratung@beispiel.de",
                    "telefon": "03733 565729", "text": "Beratung für Familien", "name": "Suchtberatung Aue",
                    "markdown": "Wir beraten **vertraulich** und kostenlos."}


@dataclass(frozen=True)
class FieldDoc:
    name: str
    required: bool
    title: str
    description: str
    allowed: str
    example: str
    condition: str = ""  # when a field that is not always required is required, e.g. „ja, außer bei …“


@dataclass(frozen=True)
class SectionDoc:
    title: str
    anchor: str
    fields: list[FieldDoc]
    rules: tuple[str, ...] = ()  # the rules over several fields, as sentences
    sources: tuple[str, ...] = ()  # where in the schemas they stand


@dataclass(frozen=True)
class ExampleEntry:
    """A complete provider file, checked by the tests with the real validator."""

    file_name: str
    text: str


EXAMPLES = Path(__file__).parent / "templates" / "beispiele"
# The short example first: what every entry needs; then one with every field of an offering.
EXAMPLE_FILES = ("minimal.yml", "ausfuehrlich.yml")


def example_entries() -> list[ExampleEntry]:
    return [ExampleEntry(name, (EXAMPLES / name).read_text(encoding="utf-8")) for name in EXAMPLE_FILES]


def _resolve(schemas: SchemaSet, schema_name: str, pointer: str) -> dict:
    node = schemas.schema(schema_name)
    for part in filter(None, pointer.split("/")):
        node = node[part]
    return node


def _target(definition: dict) -> tuple[str, dict]:
    """The $defs name a property refers to, and the property itself merged over it."""
    reference = definition.get("$ref", "") or definition.get("items", {}).get("$ref", "")
    return reference.rsplit("/", 1)[-1], definition


def documentation(schemas: SchemaSet, vocabularies: dict[str, Vocabulary],
                  examples: dict[str, dict[str, str]]) -> list[SectionDoc]:
    sections = []
    for title, schema_name, pointer, example_path in SECTIONS:
        node = _resolve(schemas, schema_name, pointer)
        rules = section_rules(schemas, schema_name, pointer, node)
        required = set(node.get("required", ())) | rules.always
        rows = []
        for name, definition in node.get("properties", {}).items():
            kind, _ = _target(definition)
            rows.append(FieldDoc(
                name=name, required=name in required,
                condition="" if name in required else "; ".join(rules.conditions.get(name, ())),
                title=definition.get("title", name), description=definition.get("description", ""),
                allowed=_allowed(schemas, definition, vocabularies),
                example=examples.get("/".join(example_path), {}).get(name) or _generic_example(
                    schemas, definition, kind, vocabularies),
            ))
        sections.append(SectionDoc(title, slug(title.split(" ")[0]), rows, tuple(rules.sentences),
                                   tuple(rules.sources)))
    return sections


def _allowed(schemas: SchemaSet, definition: dict, vocabularies: dict[str, Vocabulary]) -> str:
    item = definition.get("items", definition)
    if "x-vokabular" in item:
        vocabulary = vocabularies[item["x-vokabular"]]
        terms = ", ".join(f"{t.id} ({t.de})" for t in vocabulary.terms.values())
        return ("Liste aus: " if "items" in definition else "Eines von: ") + terms
    if "x-verweis" in item:
        return f"Kennung{'en' if 'items' in definition else ''} aus content/{item['x-verweis']}/"
    if "enum" in item:
        return "Eines von: " + ", ".join(item["enum"])
    kind, _ = _target(definition)
    if kind:
        target = schemas.schema("common")["$defs"].get(kind) or schemas.schema("traeger")["$defs"].get(kind, {})
        if "x-fehlermeldung" in target:
            return target["x-fehlermeldung"]
        if "enum" in target:
            return "Eines von: ja, nein"
        if target.get("type") == "object" or "items" in definition:
            return "Unterfelder, siehe den passenden Abschnitt" + (" (als Liste)" if "items" in definition else "")
        if target.get("type") == ["string", "object"]:
            return "Text, auf Wunsch mit Übersetzungen (de:, cs:, en:)"
    if definition.get("type") == "array":
        return "Liste von Texten"
    return "Text"


def _generic_example(schemas: SchemaSet, definition: dict, kind: str, vocabularies) -> str:
    item = definition.get("items", definition)
    if "x-vokabular" in item:
        first = next(iter(vocabularies[item["x-vokabular"]].terms))
        return f"[{first}]" if "items" in definition else first
    if "examples" in definition:
        return str(definition["examples"][0])
    return GENERIC_EXAMPLES.get(kind, "")


def examples_from(documents: dict[Kind, list[Document]]) -> dict[str, dict[str, str]]:
    """Real values from the directory's own files, as short one-line examples."""
    found: dict[str, dict[str, str]] = {}

    def visit(path: str, data) -> None:
        if isinstance(data, list):
            for item in data:
                visit(path, item)
        elif isinstance(data, dict) and not yes(data.get("vertraulich")):  # a shelter's address: no example
            slot = found.setdefault(path, {})
            for key, value in data.items():
                if key not in slot and key not in PERSONAL_FIELDS and isinstance(value, (str, list)) and _short(value):
                    slot[key] = _short(value)
                if isinstance(value, (dict, list)) and key in ("angebote", "adressen", "kontakt", "sprechzeiten",
                                                                    "schliesszeiten"):
                    visit(f"{path}/{key}", value)

    for kind, docs in documents.items():
        for document in docs:
            visit(kind.folder, document.data)
    return found


def _short(value) -> str:
    if isinstance(value, list):
        if not value or not all(isinstance(v, str) for v in value):
            return ""
        text = "[" + ", ".join(value[:3]) + "]"
    else:
        text = value.strip().splitlines()[0] if value.strip() else ""
    return text if 0 < len(text) <= MAX_EXAMPLE else ""
