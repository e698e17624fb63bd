"""The search index: German-aware, faceted, split into small files loaded on demand.

Why our own index and not Material's lunr or Pagefind: lunr matches word beginnings only
and has no German stemmer (5 MB of index at 3,000 pages); Pagefind does not split
compounds in the page text and its first query alone costs about 161 KB. This index
splits compounds when it is built ("Suchtberatung" is also found as "beratung"), folds
umlauts and their transliterations ("Schlüssel" = "Schluessel", "Straße" = "Strasse"),
and the browser matches word beginnings after stripping German endings
("Alleinerziehende" -> "alleinerziehend", "Schulden" -> "schuld"). It is split into:

- ``manifest.json``: the facet values with their offerings, and which word files exist;
- ``w-<xx>.json``: words starting with ``xx`` and the offerings they occur in;
- ``d-<n>.json``: what a result shows (name, link, organisation, towns), 50 per file;
- ``k.json`` and ``o-<x>.json``: coordinates and places, loaded only for "near me".

So the first query loads the manifest, one or two word files and the few document files
of the results shown, whatever the size of the directory.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass

from .records import Directory, Offering
from .text import fold, sort_key
from .vocab import Vocabulary

FOLDER = "suche"
DOCS_PER_FILE = 50
STOPWORDS = frozenset("""
aber alle als am an auch auf aus bei beim bis da das dass dem den der des die dies diese
dieser durch ein eine einem einen einer eines es fuer gibt hat haben ich ihr ihre im in ist
ja kann koennen man mit nach nicht noch nur oder ohne sich sie sind so ueber um und uns unter
vom von vor was wer wie wir wird zu zum zur
""".split())
# Word parts that compounds in social services end with, known even if no record
# uses them on their own.
BASE_PARTS = frozenset("""
beratung hilfe hilfen dienst dienste stelle stellen gruppe gruppen angebot angebote
arbeit betreuung begleitung pflege wohnen schutz haus zentrum netz netzwerk kreis
sprache kurs kurse training therapie klinik ambulanz schule treff ort projekt helfer
""".split())
FIELD_WEIGHTS = {"titel": 10, "merkmal": 3, "text": 1}
MAX_TAILS = 1000
# Bounds on what one record can put into the index, so no text (a 20,000-character run
# of one letter, thousands of invented words) can blow up the files or push real words
# out: longer words are cut (suche.js cuts the query the same way, from the manifest),
# and each field of an offering counts at most so many different words.
MAX_WORD_LENGTH = 40
MAX_WORDS_PER_FIELD = 1000


def words(text: str) -> list[str]:
    """The different words of a text, in order of appearance, within the bounds above."""
    found = dict.fromkeys(w[:MAX_WORD_LENGTH] for w in re.findall(r"[a-z0-9]+", fold(text))
                          if len(w) > 1 and w not in STOPWORDS)
    return list(found)[:MAX_WORDS_PER_FIELD]


def compound_parts(word: str, known: frozenset[str] | set[str]) -> list[str]:
    """Known words a compound ends with: "suchtberatungsstelle" -> beratungsstelle, stelle."""
    return [word[i:] for i in range(3, len(word) - 3) if word[i:] in known]


@dataclass(frozen=True)
class Facet:
    key: str  # also the URL parameter
    label: str
    values: list[tuple[str, str]]  # (value id, German label), in display order


def facets_for(directory: Directory, vocabularies: dict[str, Vocabulary]) -> list[tuple[Facet, callable]]:
    """Each facet with the function that gives an offering's values for it."""
    def related(region_id: str) -> set[str]:
        """The region, the regions it lies in, and the regions inside it."""
        return directory.within(region_id) | {r.id for r in directory.parents(region_id)}

    def region_ids(offering: Offering) -> set[str]:
        """As on the region pages: an offering for a district is found under the district,
        its parents (it lies there) and its sub-regions (it is responsible there too)."""
        return set().union(*(related(r) for r in offering.regions))

    def terms(name):
        return [(t.id, t.de) for t in vocabularies[name].terms.values()]

    regions = sorted(directory.regions, key=lambda r: sort_key(r.name))
    access = [("offene-sprechstunde", "Offene Sprechstunde"), ("termin", "Mit Termin"),
              ("aufsuchend", "Aufsuchend"), ("online", "Online oder Telefon")]
    return [
        (Facet("region", "Region", [(r.id, str(r.name)) for r in regions]), region_ids),
        (Facet("thema", "Thema", terms("themen")), lambda o: set(o.topics)),
        (Facet("zielgruppe", "Zielgruppe", terms("zielgruppen")), lambda o: set(o.target_groups)),
        (Facet("recht", "Rechtsgrundlage", terms("rechtsgrundlagen")), lambda o: set(o.legal_bases)),
        (Facet("sprache", "Sprache", terms("sprachen")), lambda o: set(o.languages)),
        (Facet("barrierefrei", "Barrierefreiheit", terms("barrierefreiheit")), lambda o: set(o.accessibility)),
        (Facet("kosten", "Kosten", [("kostenlos", "Kostenlos"), ("nicht-kostenlos", "Nicht kostenlos")]),
         lambda o: {"kostenlos"} if o.cost == "kostenlos" else ({"nicht-kostenlos"} if o.cost else set())),
        (Facet("zugang", "Zugang", access), lambda o: (set(o.access) | ({"aufsuchend"} if o.outreach else set())
                                                       | ({"online"} if o.online else set())) & {a for a, _ in access}),
        (Facet("status", "Status", [("aktiv", "Nur aktive Angebote")]), lambda o: {o.status}),
    ]


def encode_ids(ids) -> str:
    """Sorted document numbers as base-36 gaps: [3, 7, 8, 40] -> "3,4,1,w"."""
    out, previous = [], 0
    for number in sorted(ids):
        out.append(_base36(number - previous))
        previous = number
    return ",".join(out)


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    text = ""
    while True:
        number, rest = divmod(number, 36)
        text = digits[rest] + text
        if number == 0:
            return text


def shard_of(word: str) -> str:
    return word[:2]


def compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def build_index(directory: Directory, vocabularies: dict[str, Vocabulary], offerings: list[Offering],
                places: list[tuple[str, float, float]]) -> dict[str, str]:
    """Every file of the index: site path -> JSON text."""
    labels = {name: {t.id: t.de for t in v.terms.values()} for name, v in vocabularies.items()}
    fields_of = []
    for offering in offerings:
        organisation = directory.organisation(offering.organisation_id)
        features = [str(organisation.name), organisation.short_name]
        features += [labels["themen"][t] for t in offering.topics]
        features += [labels["zielgruppen"][t] for t in offering.target_groups]
        features += [labels["sprachen"][t] for t in offering.languages]
        features += [labels["barrierefreiheit"][t] for t in offering.accessibility]
        features += [labels["zugangswege"][t] for t in offering.access]
        features += [labels["rechtsgrundlagen"][t] for t in offering.legal_bases]
        features += [str(directory.region(r).name) for r in offering.regions]
        features += [p.town for p in offering.places] + [p.postcode for p in offering.places if not p.confidential]
        text = [offering.description.de, str(offering.easy_language or ""), str(offering.hours_note or ""),
                str(offering.cost_note or "")]
        fields_of.append({"titel": words(str(offering.name)), "merkmal": words(" ".join(features)),
                          "text": words(" ".join(text))})

    known = set(BASE_PARTS) | {w for fields in fields_of for ws in fields.values() for w in ws if len(w) >= 4}
    postings: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    tails: dict[str, int] = defaultdict(int)
    for number, fields in enumerate(fields_of):
        parts_here = set()
        for field, field_words in fields.items():
            for word in field_words:
                postings[word][field].add(number)
                for part in compound_parts(word, known):
                    postings[part]["text" if field == "text" else "merkmal"].add(number)
                    parts_here.add(part)
        for part in parts_here:  # once per offering: repeating a word in one record gains nothing
            tails[part] += 1
    # The browser splits a query compound at these word ends ("suchtberatung" -> sucht +
    # beratung) to find "Sucht- und Drogenberatung" as well: the known parts, and those
    # that end words in more than one offering, so no single record decides the list.
    shared = [t for t in tails if tails[t] > 1 or t in BASE_PARTS]
    frequent_tails = sorted(sorted(shared, key=lambda t: (-tails[t], t))[:MAX_TAILS], key=lambda t: (-len(t), t))

    files: dict[str, str] = {}
    shards: dict[str, dict] = defaultdict(dict)
    for word in sorted(postings):
        shards[shard_of(word)][word] = [encode_ids(postings[word].get(f, ())) for f in FIELD_WEIGHTS]
    for key, entries in shards.items():
        files[f"{FOLDER}/w-{key}.json"] = compact(entries)

    for start in range(0, len(offerings), DOCS_PER_FILE):
        files[f"{FOLDER}/d-{start // DOCS_PER_FILE}.json"] = compact([
            [str(o.name), o.id, str(directory.organisation(o.organisation_id).name),
             ", ".join(sorted({p.town for p in o.places}, key=sort_key))
             or ("aufsuchend" if o.outreach else "online" if o.online else ""),
             "" if o.status == "aktiv" else vocabularies["status"].label(o.status)]
            for o in offerings[start:start + DOCS_PER_FILE]
        ])

    facets = []
    for facet, values_of in facets_for(directory, vocabularies):
        members = defaultdict(set)
        for number, offering in enumerate(offerings):
            for value in values_of(offering):
                members[value].add(number)
        facets.append({"key": facet.key, "label": facet.label,
                       "values": [[value, label, encode_ids(members[value])]
                                  for value, label in facet.values if members[value]]})
    files[f"{FOLDER}/manifest.json"] = compact({
        "docs": len(offerings), "perFile": DOCS_PER_FILE, "fields": list(FIELD_WEIGHTS.values()),
        "shards": sorted(shards), "facets": facets, "stopwords": sorted(STOPWORDS),
        "tails": frequent_tails, "maxWord": MAX_WORD_LENGTH,
    })

    files[f"{FOLDER}/k.json"] = compact([
        [[round(p.location.latitude, 4), round(p.location.longitude, 4)]
         for p in o.places if p.location is not None]
        for o in offerings
    ])
    by_letter: dict[str, list] = defaultdict(list)
    for name, latitude, longitude in places:
        key = fold(name)[:1] if not name[:1].isdigit() else "p"
        by_letter[key].append([name, round(latitude, 4), round(longitude, 4)])
    for key, entries in by_letter.items():
        files[f"{FOLDER}/o-{key}.json"] = compact(sorted(entries))
    return files
