"""The directory: every record of one site, with the lookups the stages need, derived
once from the records (regions inside regions, members of networks, offerings)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .kinds import Kind
from .records import Event, Network, Offering, Organisation, Region
from .text import sort_key


@dataclass(frozen=True)
class Directory:
    """Everything the site is built from. Lookups are derived, not stored twice."""

    regions: tuple[Region, ...] = ()
    networks: tuple[Network, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    events: tuple[Event, ...] = ()
    _index: dict = field(default_factory=dict, init=False, compare=False, repr=False)

    @classmethod
    def of(cls, records: dict[Kind, list]) -> "Directory":
        """From the records of each kind, as ``from_yaml.record`` builds them."""
        return cls(regions=tuple(records.get(Kind.REGIONS, ())), networks=tuple(records.get(Kind.NETWORKS, ())),
                   organisations=tuple(records.get(Kind.ORGANISATIONS, ())),
                   events=tuple(records.get(Kind.EVENTS, ())))

    def __post_init__(self) -> None:
        members: dict[str, list[Organisation]] = {}
        for network in self.networks:
            named = set(network.members)
            members[network.id] = [o for o in self.organisations if o.id in named or network.id in o.networks]
        sub_regions: dict[str, list[Region]] = {r.id: [] for r in self.regions}
        for region in sorted(self.regions, key=lambda r: sort_key(r.name)):
            if region.part_of in sub_regions:
                sub_regions[region.part_of].append(region)
        self._index.update(
            sub_regions=sub_regions,
            regions={r.id: r for r in self.regions},
            networks={n.id: n for n in self.networks},
            organisations={o.id: o for o in self.organisations},
            offerings=tuple(o for org in self.organisations for o in org.offerings),
            members=members,
            memberships=self._memberships(members),
        )

    def _memberships(self, members: dict[str, list[Organisation]]) -> dict[str, list[Network]]:
        networks: dict[str, list[Network]] = {o.id: [] for o in self.organisations}
        for network in self.networks:
            for organisation in members[network.id]:
                networks[organisation.id].append(network)
        return networks

    @property
    def offerings(self) -> tuple[Offering, ...]:
        return self._index["offerings"]

    def region(self, region_id: str) -> Region:
        return self._index["regions"][region_id]

    def sub_regions(self, region_id: str) -> list[Region]:
        """The regions directly inside a region, in German order."""
        return self._index["sub_regions"][region_id]

    def parents(self, region_id: str) -> list[Region]:
        """The regions a region lies in, nearest first (rules.py has ruled out circles)."""
        chain, seen = [], {region_id}
        parent = self.region(region_id).part_of
        while parent and parent not in seen:
            seen.add(parent)
            chain.append(self.region(parent))
            parent = chain[-1].part_of
        return chain

    def within(self, region_id: str) -> set[str]:
        """The region and every region inside it, at any depth."""
        found, todo = set(), [region_id]
        while todo:
            current = todo.pop()
            if current not in found:
                found.add(current)
                todo += [r.id for r in self.sub_regions(current)]
        return found

    def network(self, network_id: str) -> Network:
        return self._index["networks"][network_id]

    def organisation(self, organisation_id: str) -> Organisation:
        return self._index["organisations"][organisation_id]

    def members_of(self, network: Network) -> list[Organisation]:
        """Members named by the network or naming the network themselves."""
        return self._index["members"][network.id]

    def networks_of(self, organisation: Organisation) -> list[Network]:
        return self._index["memberships"][organisation.id]

