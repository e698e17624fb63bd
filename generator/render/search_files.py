"""The search index as files for the browser (read by overrides/assets/javascripts/suche.js).

Small files loaded on demand, so the first query costs the manifest, one or two word files
and the few result files shown, whatever the size of the directory. ``FORMAT_VERSION``
changes whenever a file's shape changes; suche.js refuses a manifest of another version.
Arrays are read by position, to keep the files small; the positions are:

- ``manifest.json``: ``{version, docs, perFile, fields: [weight per field], shards: [xx, …],
  facets: [{key, label, values: [[value, label, ids], …]}], stopwords, endings, minStem, shortReach, weak
  (words that only rank), inLanguage (ids with texts in the site's language), tails, maxWord,
  typos: [letters for one edit, for two], synonyms: [[everyday phrases, phrases found,
  "facet=value" …, and where folding hides how a phrase is written {phrase: as written}],
  …] (``search_synonyms``)}``;
- ``w-<xx>.json``: words starting with ``xx``: ``{word: [ids in title, ids in features,
  ids in text]}``;
- ``s-<xx>.json``: the same words as written, where folding hides it: ``{"gluecksspiel":
  "glücksspiel"}`` (for "Meinten Sie …?" after an empty result);
- ``d-<n>.json``: one row per result, ``perFile`` per file: ``[name, offering id,
  organisation, towns, status label or "", details, and on a Czech or English site "de" or
  "" for the offering's and the organisation's name: whether it is the German one]``;
  ``details`` is described in ``search_rows``;
- ``h.json``: per document its opening hours ``[week, closures, holiday area]``, 1 (around
  the clock) or 0 (the "open now" filter), ``f.json``: ``{holiday area: [ISO dates from the build day on]}``;
- ``k.json``: per document, its points ``[[latitude, longitude], …]`` ("near me"), or null
  for an offering with no address at all (online, visiting people): near to every place;
- ``o-<x>.json``: places a visitor can search near, by first letter (``p`` for postcodes):
  ``[[name, latitude, longitude, and if it lies in regions: [region numbers]], …]``;
- ``z.json``: the regions, numbered by position: ``[[name, number of the region it is
  part of or -1, ids of the offerings responsible for it], …]``: an offering responsible
  for a region the searched place lies in counts as near (``search_areas``).

``ids`` are sorted document numbers written as base-36 gaps ("3,4,1,w" = 3, 7, 8, 40).
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Iterable

from ..text import fold
from .search_areas import Areas
from .search_index import FIELD_WEIGHTS, SearchIndex
from .search_rows import ResultRows
from .search_words import MAX_WORD_LENGTH, MIN_STEM, SHORT_STEM_REACH, TYPOS, WEAK_WORDS
from .urls import SiteMap

FORMAT_VERSION = 4
DOCS_PER_FILE = 50


def encode_ids(ids: Iterable[int]) -> str:
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


def search_files(index: SearchIndex, rows: ResultRows, places: list[tuple[str, float, float]],
                 site_map: SiteMap, areas: Areas | None = None) -> dict[str, str]:
    """Every file of the index: site path -> JSON text."""
    areas = areas or Areas()
    files: dict[str, str] = {}
    shards: dict[str, dict] = defaultdict(dict)
    for word in sorted(index.postings):
        shards[shard_of(word)][word] = [encode_ids(index.postings[word].get(f, ())) for f in FIELD_WEIGHTS]
    for key, entries in shards.items():
        files[site_map.search_file(f"w-{key}.json")] = compact(entries)
        # Only "Meinten Sie …?" needs these, so the words' files stay small.
        files[site_map.search_file(f"s-{key}.json")] = compact(
            {word: index.spellings[word] for word in entries if word in index.spellings})

    offerings = index.offerings
    for start in range(0, len(offerings), DOCS_PER_FILE):
        files[site_map.search_file(f"d-{start // DOCS_PER_FILE}.json")] = compact([
            rows.row(o, index.organisation_names[o.organisation_id])
            for o in offerings[start:start + DOCS_PER_FILE]])
    # The "open now" filter needs every offering's hours, the result rows only those shown.
    files[site_map.search_file("h.json")] = compact([rows.open_when(o) for o in offerings])
    files[site_map.search_file("f.json")] = compact(rows.holidays_file(offerings))

    facets = [{"key": facet.key, "label": facet.label,
               "values": [[value, label, encode_ids(members[value])]
                          for value, label in facet.values if members[value]]}
              for facet, members in index.facets]
    files[site_map.search_file("manifest.json")] = compact({
        "version": FORMAT_VERSION, "docs": len(offerings), "perFile": DOCS_PER_FILE,
        "fields": list(FIELD_WEIGHTS.values()), "shards": sorted(shards), "facets": facets,
        "stopwords": sorted(index.stopwords), "endings": list(index.endings), "minStem": MIN_STEM[index.language],
        "shortReach": SHORT_STEM_REACH,
        "weak": list(WEAK_WORDS[index.language]),
        "inLanguage": encode_ids(index.in_language), "tails": index.tails,
        "maxWord": MAX_WORD_LENGTH, "typos": list(TYPOS), "synonyms": list(index.synonyms),
    })

    files[site_map.search_file("k.json")] = compact([
        [[round(p.location.latitude, 4), round(p.location.longitude, 4)] for p in o.places if p.location is not None]
        if o.places else None
        for o in offerings
    ])
    by_letter: dict[str, list] = defaultdict(list)
    for name, latitude, longitude in places:
        key = fold(name)[:1] if not name[:1].isdigit() else "p"
        regions = areas.of_place.get((name, latitude, longitude))
        by_letter[key].append([name, round(latitude, 4), round(longitude, 4), *([regions] if regions else [])])
    for key, entries in by_letter.items():
        files[site_map.search_file(f"o-{key}.json")] = compact(sorted(entries))
    files[site_map.search_file("z.json")] = compact([
        [name, part_of, encode_ids(ids)] for name, part_of, ids in areas.rows(offerings, index.language)])
    return files
