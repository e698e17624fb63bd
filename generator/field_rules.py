"""When a field is required, read from the schemas the validator checks with, for the
provider documentation: required where a section is used (an address under „adressen“
needs an id, the place of an event does not), required unless or if another field says so
(if/else, dependentRequired, dependentSchemas), and one of several fields (anyOf)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .schema import URN, SchemaSet

# The schemas a provider writes records with, and where their sections are used.
RECORD_SCHEMAS = ("traeger", "netzwerk", "region", "termin", "common")


@dataclass(frozen=True)
class Use:
    """One field whose value is the section (or a list of it), with what it adds to it."""

    schema_title: str  # „Träger“, „Termin“
    field: str  # „adressen“, „ort“
    required: frozenset[str]


@dataclass
class SectionRules:
    """What is required in one section beyond its own „required“: per field a short
    condition for the table, and the rules as sentences below it."""

    always: set[str] = field(default_factory=set)  # required wherever the section is used
    conditions: dict[str, list[str]] = field(default_factory=dict)
    sentences: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # schema pointers the rules come from

    def add(self, names, condition: str) -> None:
        for name in names:
            self.conditions.setdefault(name, []).append(condition)


def _quoted(name: str, value: str | None = None) -> str:
    return f"„{name}: {value}“" if value else f"„{name}“"


def _or(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " oder " + parts[-1]


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " und " + parts[-1]


def _stated_value(definition: dict) -> str | None:
    """The value a branch asks for, as a provider writes it („ja“ for [ja, true])."""
    if "const" in definition:
        return str(definition["const"])
    return str(definition["enum"][0]) if definition.get("enum") else None


def uses(schemas: SchemaSet, schema_name: str, pointer: str) -> list[Use]:
    """Every field of every record schema whose value is the section at ``pointer``."""
    found: list[Use] = []

    def visit(node, owner: str, title: str, name: str) -> None:
        if isinstance(node, list):
            for item in node:
                visit(item, owner, title, name)
            return
        if not isinstance(node, dict):
            return
        reference = node.get("$ref", "")
        target = (reference[len(URN):].partition("#") if reference.startswith(URN)
                  else (owner, "#", reference[1:]) if reference.startswith("#") else None)
        if target and (target[0], target[2]) == (schema_name, pointer):
            found.append(Use(title, name, frozenset(node.get("required", ()))))
        for key, value in node.items():
            if key == "properties":
                for child, definition in value.items():
                    visit(definition, owner, title, child)
            elif key == "$defs":  # a field of an offering is used in an offering, not a provider
                for definition in value.values():
                    visit(definition, owner, definition.get("title", title), name)
            elif key not in ("if", "then", "else"):
                visit(value, owner, title, name)

    for owner in RECORD_SCHEMAS:
        schema = schemas.schema(owner)
        visit(schema, owner, schema.get("title", owner), "")
    return found


def section_rules(schemas: SchemaSet, schema_name: str, pointer: str, node: dict) -> SectionRules:
    found = SectionRules()
    _where_used(found, uses(schemas, schema_name, pointer), frozenset(node.get("required", ())),
                schema_name + pointer)
    parts = [("", node)] + [(f"/allOf/{i}", part) for i, part in enumerate(node.get("allOf", ()))]
    for where, part in parts:
        source = f"{schema_name}{pointer}{where}"
        if _conditional(found, part):
            found.sources.append(f"{source}/if")
        if _one_of_several(found, part):
            found.sources.append(f"{source}/anyOf")
    for trigger, names in node.get("dependentRequired", {}).items():
        found.add(names, f"ja, wenn {_quoted(trigger)} angegeben ist")
        found.sentences.append(f"Wer {_quoted(trigger)} angibt, muss auch {_and([_quoted(n) for n in names])} "
                               "angeben.")
        found.sources.append(f"{schema_name}{pointer}/dependentRequired/{trigger}")
    for trigger, narrowed in node.get("dependentSchemas", {}).items():
        values = [(name, _stated_value(d)) for name, d in narrowed.get("properties", {}).items()]
        values = [(name, value) for name, value in values if value]
        for name, value in values:
            found.add([name], f"bei {_quoted(trigger)} nur „{value}“")
        found.sentences.append(f"Wer {_quoted(trigger)} angibt, muss "
                               f"{_and([_quoted(name, value) for name, value in values])} angeben.")
        found.sources.append(f"{schema_name}{pointer}/dependentSchemas/{trigger}")
    return found


def _where_used(found: SectionRules, section_uses: list[Use], required: frozenset[str], source: str) -> None:
    """A field required in some uses of the section only: say where."""
    for name in sorted({n for use in section_uses for n in use.required} - required):
        needed = [use for use in section_uses if name in use.required]
        elsewhere = [use for use in section_uses if name not in use.required]
        if not elsewhere:
            found.always.add(name)
            continue
        places = _or([f"unter {_quoted(use.field)} ({use.schema_title})" for use in needed])
        others = _or([f"unter {_quoted(use.field)} ({use.schema_title})" for use in elsewhere])
        found.add([name], f"ja, {places}")
        found.sentences.append(f"{_quoted(name)} ist Pflicht {places}; {others} ist es freiwillig.")
        found.sources.append(f"{source}/required-where-used/{name}")


def _condition(branch: dict) -> str:
    """What an „if“ asks for, e.g. „vertraulich: ja“."""
    return _and([_quoted(name, _stated_value(d)) for name, d in branch.get("properties", {}).items()])


def _conditional(found: SectionRules, part: dict) -> bool:
    if "if" not in part:
        return False
    condition = _condition(part["if"])
    then, otherwise = part.get("then", {}).get("required", ()), part.get("else", {}).get("required", ())
    for names, phrase in ((then, f"bei {condition}"), (otherwise, f"außer bei {condition}")):
        if names:
            found.add(names, f"ja, {phrase}")
            found.sentences.append(f"{_and([_quoted(n) for n in names])} "
                                   f"{'ist' if len(names) == 1 else 'sind'} Pflicht, {phrase}.")
    return bool(then or otherwise)


def _one_of_several(found: SectionRules, part: dict) -> bool:
    """anyOf of „required“ branches: at least one of these fields (with that value)."""
    branches = part.get("anyOf", ())
    if not branches:
        return False
    names, short, stated = [], [], []
    for branch in branches:
        for name in branch.get("required", ()):
            narrowed = branch.get("properties", {}).get(name, {})
            names.append(name)
            short.append(_quoted(name, _stated_value(narrowed)))
            stated.append(short[-1] + (" (mit mindestens einem Eintrag)" if narrowed.get("minItems") else ""))
    found.add(names, f"mindestens eines von {_or(short)}")
    found.sentences.append(f"Mindestens eine dieser Angaben ist Pflicht: {_or(stated)}.")
    return True
