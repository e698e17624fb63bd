"""JSON Schema validation of records: which problems a record has, and where each stands.

The schemas in ``schemas/`` describe every field (German ``title``/``description``), and
two keywords of our own tie records to the rest of the directory:
``x-vokabular`` (the value must be a term of that vocabulary) and ``x-verweis`` (the value
must be the id of a record of that kind). The wording of every problem is in
``schema_corrections.py`` and ``schema_messages.py``. A quicker validator looks first
(``fast_schema.py``): a record it passes has no problems, and only the others are checked
here in full.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Mapping

from jsonschema import Draft202012Validator, ValidationError, validators
from referencing import Registry, Resource

from . import fast_schema
from . import schema_hints as hints_
from .problems import Problem
from .schema_corrections import Hints, elsewhere, hinted
from .schema_hints import Terms
from .schema_messages import also_needed, message, missing_field, term_message, unknown_field, unknown_reference

if TYPE_CHECKING:
    from .vocab import Vocabulary
    from .yamlsafe import Document

URN = "urn:wegweiser:schema:"
FORMAT_CHECKER = Draft202012Validator.FORMAT_CHECKER


@dataclass(frozen=True)
class SchemaSet:
    """All schema files of a folder, resolvable by their ``urn:wegweiser:schema:`` ids."""

    registry: Registry
    vocabularies: Mapping[str, "Vocabulary"]
    known_ids: Mapping[str, frozenset[str]]
    reserved_ids: frozenset[str] = frozenset()  # refused as a record's id: never suggested
    synonyms: tuple = ()  # the search's everyday words (synonyms.Synonym): what a term is also called

    @classmethod
    def load(cls, folder: Path) -> "SchemaSet":
        registry = Registry()
        for path in sorted(folder.glob("*.schema.json")):
            contents = json.loads(path.read_text(encoding="utf-8"))
            registry = registry.with_resource(contents["$id"], Resource.from_contents(contents))
        return cls(registry.crawl(), {}, {})

    def with_context(self, vocabularies: Mapping[str, "Vocabulary"], known_ids: Mapping[str, frozenset[str]],
                     reserved_ids: frozenset[str] = frozenset(), synonyms: Iterable = ()) -> "SchemaSet":
        """The same schemas, checking terms and references against this directory."""
        return SchemaSet(self.registry, vocabularies, known_ids, reserved_ids, tuple(synonyms))

    def schema(self, name: str) -> dict:
        return self.registry.contents(URN + name)

    def validator(self, name: str, quick: bool = True) -> Draft202012Validator:
        """The full check of the schema ``name``; with ``quick``, jsonschema-rs looks first
        (fast_schema.py), and only what it does not pass is checked in full."""
        known_ids, reserved_ids = self.known_ids, self.reserved_ids
        words = hints_.everyday_words(self.synonyms)
        terms = {name: Terms(vocabulary, words.get(name, {})) for name, vocabulary in self.vocabularies.items()}

        def vocabulary_term(validator, vocabulary_name, instance, schema):
            if not isinstance(instance, str):
                return
            vocabulary = terms.get(vocabulary_name)
            if vocabulary is None or instance in vocabulary:
                return
            yield ValidationError(term_message(instance, vocabulary))

        is_id = Draft202012Validator(self.schema("common")["$defs"]["kennung"]).is_valid

        def record_reference(validator, kind, instance, schema):
            if not isinstance(instance, str) or kind not in known_ids:
                return
            if instance in known_ids[kind]:
                return
            # A record whose id is refused ("-acord-cz", "suche") is named neither as a
            # suggestion nor as existing: its own file is told to change the id.
            ids = {i for i in known_ids[kind] if is_id(i) and i not in reserved_ids}
            yield ValidationError(unknown_reference(instance, ids, kind))

        cls = validators.extend(
            Draft202012Validator,
            {"x-vokabular": vocabulary_term, "x-verweis": record_reference},
        )
        # The messages ask the validator what they may offer: the terms, and the record's levels.
        cls.hints = Hints(terms, hints_.places(self.registry, URN + name))
        cls.quick = fast_schema.QuickCheck.of(
            {uri: self.registry[uri].contents for uri in self.registry}, URN + name,
            {key: vocabulary.terms.keys() for key, vocabulary in self.vocabularies.items()}, known_ids,
            FORMAT_CHECKER) if quick else None
        return cls(self.schema(name), registry=self.registry, format_checker=FORMAT_CHECKER)


def validate(document: "Document", validator: Draft202012Validator) -> list[Problem]:
    quick = getattr(validator, "quick", None)
    if quick is not None and quick.passes(document.data):
        return []  # the full check would find nothing either
    errors = list(validator.iter_errors(document.data))
    # A value of the wrong form also fails its format or length check: one message is enough.
    malformed = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    wrong = {tuple(e.absolute_path) for e in errors}
    problems = []
    for error in errors:
        if error.validator in ("format", "maxLength", "minLength") and tuple(error.absolute_path) in malformed:
            continue
        if error.validator in ("anyOf", "oneOf") and any(
                tuple(error.absolute_path) + (name,) in wrong for name in _named_in(error.schema[error.validator])):
            continue  # "online: yes" is one mistake: its own message says it, not also "say where"
        problems.extend(_problems_for(error, document, validator))
    return problems


def _named_in(branches) -> list[str]:
    """The fields the branches of an anyOf or oneOf ask for, in their order."""
    return list(dict.fromkeys(name for branch in branches if isinstance(branch, Mapping)
                              for name in (*branch.get("required", ()), *branch.get("properties", {}))))


def _problems_for(error: ValidationError, document: "Document", validator: Draft202012Validator) -> list[Problem]:
    path = tuple(error.absolute_path)
    kind = error.validator
    schema, instance = error.schema, error.instance
    hints = getattr(validator, "hints", None)

    if kind == "required":
        name = error.message.split("'")[1]
        return [document.problem(path, missing_field(schema, name))]
    if kind == "additionalProperties" and isinstance(instance, dict):
        return [
            document.problem(
                path + (name,),
                (hints and elsewhere(name, path, instance, document, hints)) or unknown_field(name, schema),
                key=True,
            )
            for name in instance if name not in schema.get("properties", {})
        ]
    if kind == "dependentRequired":
        missing, present = re.findall(r"'([^']*)'", error.message)[:2]
        return [document.problem(path + (present,), also_needed(schema, missing, present), key=True)]
    if list(error.absolute_schema_path)[-2:-1] == ["propertyNames"] and isinstance(instance, str):
        return [document.problem(path + (instance,), message(error), key=True)]  # where the name stands
    if kind in ("anyOf", "oneOf") and isinstance(instance, dict):
        # "orte: []" or "online: nein" is where the offering fails to say where it takes place.
        given = [name for name in _named_in(schema[kind]) if name in instance]
        if given:
            return [document.problem(path + (given[0],), message(error), key=True)]
    return [document.problem(path, (hints and hinted(error, document, validator, hints)) or message(error))]
