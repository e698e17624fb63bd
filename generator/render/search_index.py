"""The search index: which offerings each word and each filter value leads to.

Words come from ``search_words`` (German-aware analysis); compounds are split when the
index is built, so "beratung" finds "Suchtberatung". How the index is written into files
for the browser is ``search_files``' business.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable

from ..directory import Directory
from ..records import OFFERING_TERMS, Offering, Text
from ..synonyms import Synonym
from ..text import sort_key
from ..vocab import Vocabulary
from .listings import Listings
from .messages import N_
from .search_synonyms import synonym_rows
from .search_words import BASE_PARTS, ENDINGS, compound_parts, glossary_words, spellings, stopwords, words

FIELD_WEIGHTS = {"titel": 10, "merkmal": 3, "text": 1}  # the order is the file format's
MAX_TAILS = 1000
MIN_KNOWN = 4  # letters a word has at least to count as a compound part


@dataclass(frozen=True)
class VocabularyFacet:
    """A filter whose values are the terms of a vocabulary: a new term needs no code."""

    key: str  # also the URL parameter
    label: str
    vocabulary: str


# Data, checked against the loaded vocabularies when the directory is prepared.
VOCABULARY_FACETS = (
    VocabularyFacet("thema", N_("Thema"), "themen"),
    VocabularyFacet("zielgruppe", N_("Zielgruppe"), "zielgruppen"),
    VocabularyFacet("recht", N_("Rechtsgrundlage"), "rechtsgrundlagen"),
    VocabularyFacet("sprache", N_("Sprache"), "sprachen"),
    VocabularyFacet("barrierefrei", N_("Barrierefreiheit"), "barrierefreiheit"),
)
ACCESS_FACET = VocabularyFacet("zugang", N_("Zugang"), "zugangswege")  # also outreach and online
# Term labels that are searchable words of an offering ("Gebärdensprache", "Schulden").
FEATURE_VOCABULARIES = tuple(OFFERING_TERMS)


def vocabularies_needed() -> set[str]:
    return {f.vocabulary for f in (*VOCABULARY_FACETS, ACCESS_FACET)} | set(FEATURE_VOCABULARIES)


def facet_keys() -> dict[str, str]:
    """The filter of each vocabulary the search filters by, vocabulary -> key: a synonym
    finds a term's offerings through it."""
    return {f.vocabulary: f.key for f in (*VOCABULARY_FACETS, ACCESS_FACET)}


@dataclass(frozen=True)
class Facet:
    key: str  # also the URL parameter
    label: str
    values: list[tuple[str, str]]  # (value id, label), in display order
    german: frozenset[str] = frozenset()  # values whose label is German on a Czech or English page


def facets_for(directory: Directory, vocabularies: dict[str, Vocabulary], language: str, gettext
               ) -> list[tuple[Facet, Callable[[Offering], set[str]]]]:
    """Each facet, in the page's language, with the function that gives an offering's values for it."""
    def related(region_id: str) -> set[str]:
        """The region, the regions it lies in, and the regions inside it."""
        return directory.within(region_id) | {r.id for r in directory.parents(region_id)}

    def region_ids(offering: Offering) -> set[str]:
        """As on the region pages: an offering for a district is found under the district,
        its parents (it lies there) and its sub-regions (it is responsible there too)."""
        return set().union(*(related(r) for r in offering.regions))

    def term_values(facet: VocabularyFacet):
        return vocabularies[facet.vocabulary].of

    def terms_of(facet: VocabularyFacet) -> list[tuple[str, str]]:
        return [(t.id, t.label(language)) for t in vocabularies[facet.vocabulary].terms.values()]

    def cost(offering: Offering) -> set[str]:
        if not offering.cost:
            return set()
        return {"kostenlos"} if offering.cost == "kostenlos" else {"nicht-kostenlos"}

    _ = gettext
    regions = sorted(directory.regions, key=lambda r: sort_key(r.name.get(language)))
    return [
        (Facet("region", _(N_("Region")), [(r.id, r.name.get(language)) for r in regions],
               frozenset(r.id for r in regions if r.name.lacks(language))), region_ids),
        *((Facet(f.key, _(f.label), terms_of(f)), term_values(f)) for f in VOCABULARY_FACETS),
        (Facet("kosten", _(N_("Kosten")), [("kostenlos", _(N_("Kostenlos"))),
                                           ("nicht-kostenlos", _(N_("Nicht kostenlos")))]), cost),
        (Facet(ACCESS_FACET.key, _(ACCESS_FACET.label), terms_of(ACCESS_FACET)), lambda o: o.ways_in),
        (Facet("status", _(N_("Status")), [("aktiv", _(N_("Nur aktive Angebote")))]), lambda o: {o.status}),
    ]


@dataclass(frozen=True)
class SearchIndex:
    offerings: list[Offering]  # document number = position here
    postings: dict[str, dict[str, set[int]]]  # word -> field -> document numbers
    tails: list[str]  # compound ends the browser may split a query word at, longest first
    facets: list[tuple[Facet, dict[str, set[int]]]]  # facet -> value -> document numbers
    organisation_names: dict[str, Text]  # organisation id -> name, for the result rows
    language: str = "de"
    stopwords: frozenset[str] = frozenset()  # left out of the index and of queries
    endings: tuple[str, ...] = ()  # a query word loses one of these (search_words.stem)
    in_language: frozenset[int] = frozenset()  # documents with a text of their own in a language other than German
    synonyms: tuple = ()  # everyday words and what they find, as the browser reads them (search_synonyms)
    # index word -> as written, where folding hides it ("gluecksspiel" -> "glücksspiel")
    spellings: dict[str, str] = dataclasses.field(default_factory=dict)


def _both(text, language: str) -> list[str]:
    """A record's text in the site's language and in German: a Czech visitor may search
    with a German word from a letter, and an untranslated offering must be found too."""
    if text is None:
        return []
    return [text.get(language), text.de] if language != "de" and text.get(language) != text.de else [text.de]


def _texts(offering: Offering, directory: Directory, vocabularies: dict[str, Vocabulary],
           language: str) -> dict[str, str]:
    """What each field of the index is made of, as written."""
    organisation = directory.organisation(offering.organisation_id)
    features = [*_both(organisation.name, language), organisation.short_name, *_both(offering.name, language)[1:]]
    german_labels = []
    for vocabulary in FEATURE_VOCABULARIES:
        terms = vocabularies[vocabulary].ordered(vocabularies[vocabulary].of(offering))  # "gehörlos" finds DGS offers
        for term in terms:
            german_labels.append(term.de)
            features += dict.fromkeys((term.label(language), german_labels[-1]))
    if language != "de":  # the words a reader of the language uses for what the labels say
        features.append(glossary_words(" ".join(german_labels), language))
    for region in offering.regions:
        features += _both(directory.region(region).name, language)
    features += [p.town for p in offering.places] + [p.postcode for p in offering.places if not p.confidential]
    text = [line for field in (offering.description, offering.easy_language, offering.hours_note, offering.cost_note)
            for line in _both(field, language)]
    if language != "de":  # what the German names say, weighed as little as running text
        text.append(glossary_words(f"{offering.name.de} {organisation.name.de}", language))
    return {"titel": offering.name.get(language), "merkmal": " ".join(features), "text": " ".join(text)}


def build_index(listings: Listings, gettext=lambda message: message, synonyms: tuple[Synonym, ...] = ()
                ) -> SearchIndex:
    """The index of the listed offerings in the listings' language (``gettext`` of that
    language names the filters; ``synonyms`` are generator/synonyms.py's)."""
    language = listings.language
    stop = stopwords(language)
    offerings = listings.listed
    texts_of = [_texts(o, listings.directory, listings.vocabularies, language) for o in offerings]
    fields_of = [{name: words(text, stop) for name, text in texts.items()} for texts in texts_of]
    written: dict[str, str] = {}
    for texts in texts_of:
        for text in texts.values():
            for folded, spelling in spellings(text).items():
                written.setdefault(folded, spelling)
    known = set(BASE_PARTS) | {w for fields in fields_of for ws in fields.values() for w in ws if len(w) >= MIN_KNOWN}
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
    frequent = sorted(sorted(shared, key=lambda t: (-tails[t], t))[:MAX_TAILS], key=lambda t: (-len(t), t))

    facets = []
    for facet, values_of in facets_for(listings.directory, listings.vocabularies, language, gettext):
        members: dict[str, set[int]] = defaultdict(set)
        for number, offering in enumerate(offerings):
            for value in values_of(offering):
                members[value].add(number)
        facets.append((facet, members))
    names = {o.id: o.name for o in listings.directory.organisations}
    own = frozenset(number for number, o in enumerate(offerings) if language != "de"
                    and not (o.name.lacks(language) and o.description.lacks(language)))
    return SearchIndex(offerings, postings, frequent, facets, names, language, stop, ENDINGS[language], own,
                       tuple(synonym_rows(synonyms, stop, facet_keys())),
                       {word: spelling for word, spelling in written.items() if word in postings})
