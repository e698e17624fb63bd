"""Taxonomy terms of HSDS data as terms of our vocabularies (``wegweiser import``).

Our own export links every term by its vocabulary's name (the attribute's ``link_type``);
data from elsewhere has taxonomies of its own, whose terms are taken over where they name
a term of ours by id or label (``Wohnen`` → ``wohnen``), and named once where they do not.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .hsds import PRECISION
from .import_records import slug, term_id
from .records import OFFERING_TERMS
from .schema_messages import suggestion

if TYPE_CHECKING:
    from .import_hsds import Mapping


def linked_terms(mapping: Mapping, link_id: str) -> dict[str, list[tuple[str, dict]]]:
    """The terms linked to an object by vocabulary: ours by name, others as HSDS says."""
    found: dict[str, list[tuple[str, dict]]] = {}
    for attribute in mapping.under("attribute", "link_id", link_id):
        term = mapping.by_id["taxonomy_term"].get(attribute.get("taxonomy_term_id"), {})
        taxonomy = mapping.by_id["taxonomy"].get(term.get("taxonomy_id"), {})
        name = attribute.get("link_type") if attribute.get("link_type") in (
            *mapping.vocabularies, PRECISION) else term.get("taxonomy") or taxonomy.get("name") or ""
        found.setdefault(name, []).append((term.get("code") or term.get("name") or "", term))
    return found


def our_terms(mapping: Mapping, linked: dict, vocabulary: str) -> list[str]:
    """The terms of one of our vocabularies; those of other taxonomies that name a term
    of it by id or label; each other term is named once (``foreign_terms``)."""
    terms = mapping.vocabularies[vocabulary]
    found = [code for code, _ in linked.get(vocabulary, []) if code in terms]
    found += [term_id(terms, code) for code, _ in linked.get(vocabulary, []) if code not in terms
              and term_id(terms, code)]
    for name, entries in linked.items():
        if name in mapping.vocabularies or name == PRECISION:
            continue
        for code, term in entries:
            match = term_id(terms, code) or term_id(terms, term.get("name", ""))
            if match:
                found.append(match)
    return list(dict.fromkeys(found))


def foreign_terms(mapping: Mapping, table: str, row: dict, linked: dict) -> None:
    wanted = [mapping.vocabularies[v] for v in OFFERING_TERMS if v in mapping.vocabularies]
    for name, entries in linked.items():
        if name in mapping.vocabularies or name == PRECISION:
            continue
        for code, term in entries:
            label = term.get("name") or code
            if not any(term_id(v, code) or term_id(v, label) for v in wanted):
                themes = mapping.vocabularies.get("themen")
                hint = suggestion(slug(label), themes.terms) if themes else ""
                mapping.note(table, row, f"Der Begriff „{label}“ (Taxonomie „{name}“) ist kein Begriff der "
                                      f"Vokabulare des Wegweisers und wurde nicht übernommen.{hint}")
