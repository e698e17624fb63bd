"""The kinds of record, declared once: where each kind's files lie, which schema checks
them and how messages name them. The folder names are German because providers see them;
they are also the values of ``x-verweis`` in the schemas."""
from __future__ import annotations

from enum import Enum


class Kind(Enum):
    # Declaration order is loading order: regions and networks before those naming them.
    REGIONS = ("regionen", "region", "Region", "keine Region")
    NETWORKS = ("netzwerke", "netzwerk", "Netzwerk", "kein Netzwerk")
    ORGANISATIONS = ("traeger", "traeger", "Träger", "keinen Träger")
    EVENTS = ("termine", "termin", "Termin", "keinen Termin")

    def __init__(self, folder: str, schema: str, noun: str, none_such: str):
        self.folder = folder  # content/<folder>/<id>.yml
        self.schema = schema  # schemas/<schema>.schema.json
        self.noun = noun  # "ein anderer Eintrag (Träger)"
        self.none_such = none_such  # "Es gibt keinen Träger mit der Kennung …"

    @classmethod
    def of_folder(cls, folder: str) -> "Kind | None":
        return next((kind for kind in cls if kind.folder == folder), None)
