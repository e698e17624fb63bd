"""The directory model: lookups derived once from the records."""
from __future__ import annotations

from conftest import prepared
from generator.directory import Directory
from generator.kinds import Kind


def test_the_directory_knows_its_region_tree_in_both_directions():
    directory = prepared().directory
    assert [r.id for r in directory.sub_regions("landkreis-beispiel")] == ["beispielstadt"]
    assert [r.id for r in directory.parents("beispielstadt")] == ["landkreis-beispiel"]
    assert directory.within("landkreis-beispiel") == {"landkreis-beispiel", "beispielstadt"}
    assert directory.within("beispielstadt") == {"beispielstadt"}


def test_network_members_are_named_by_the_network_or_name_it_themselves():
    directory = prepared().directory
    network = directory.network("netzwerk-beispiel")
    members = {o.id for o in directory.members_of(network)}
    assert "beratung-beispiel" in members
    assert network in directory.networks_of(directory.organisation("beratung-beispiel"))


def test_offerings_are_those_of_all_organisations_and_know_when_they_ended():
    directory = prepared().directory
    assert len(directory.offerings) == sum(len(o.offerings) for o in directory.organisations)
    ended = [o for o in directory.offerings if o.ended]
    assert ended and all(not o.active for o in ended)


def test_a_directory_is_made_from_records_by_kind():
    directory = prepared().directory
    again = Directory.of({Kind.REGIONS: directory.regions, Kind.NETWORKS: directory.networks,
                          Kind.ORGANISATIONS: directory.organisations, Kind.EVENTS: directory.events})
    assert again == directory and again.region("beispielstadt") == directory.region("beispielstadt")
