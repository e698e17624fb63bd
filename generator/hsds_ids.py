"""Stable identifiers for the HSDS export: every HSDS object gets a UUID derived from our
own ids, so that the same record has the same UUID in every build and a consumer can
follow it from one export to the next.

The UUIDs are version 5 (SHA-1 of a name in a namespace). The namespace is ours and fixed
forever: changing it would give every object of every published export a new identity.
The name always begins with the kind of object ("offering:…", "address:…"), so that an
offering and an organisation of the same id never share a UUID.
"""
from __future__ import annotations

import uuid

# uuid5(NAMESPACE_URL, "urn:wegweiser:hsds"), written out so that it can never drift.
NAMESPACE = uuid.UUID("e26315f1-a7b9-52a0-a046-f7164c069044")


def uuid_of(kind: str, *parts: str) -> str:
    """``uuid_of("offering", "caritas-aue-schuldnerberatung")``: the UUID of one object of
    one kind, named by our ids (an address by its organisation and its own id)."""
    if not kind or ":" in kind or any(not part for part in parts):
        raise ValueError(f"an HSDS name needs a kind and non-empty parts: {kind!r} {parts!r}")
    # "/" separates the parts: none of our ids contains it (they are [a-z0-9-]).
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{'/'.join(parts)}"))


def organisation(organisation_id: str) -> str:
    return uuid_of("organisation", organisation_id)


def offering(offering_id: str) -> str:
    return uuid_of("offering", offering_id)


def location(organisation_id: str, address_id: str) -> str:
    """An address of an organisation as an HSDS location (address ids are unique only
    within their organisation)."""
    return uuid_of("location", organisation_id, address_id)


def address(organisation_id: str, address_id: str) -> str:
    """The same address as HSDS address, the postal part of the location."""
    return uuid_of("address", organisation_id, address_id)


def service_at_location(offering_id: str, organisation_id: str, address_id: str) -> str:
    return uuid_of("offering-place", offering_id, organisation_id, address_id)


def taxonomy(vocabulary: str) -> str:
    return uuid_of("vocabulary", vocabulary)


def term(vocabulary: str, term_id: str) -> str:
    return uuid_of("term", vocabulary, term_id)
