"""Spreadsheets as provider records (``wegweiser import TABELLE --zuordnung DATEI``).

A network's partner list is a table: one row per offering (or per partner), columns such
as Name, Träger, Straße, PLZ, Ort, Telefon, E-Mail, Themen. A small mapping file (YAML,
``templates/import-zuordnung.yml`` is a commented example) says which column goes into
which field, and which values every row gets where the table says nothing:

    spalten:            # column heading: field (or a list of fields)
      Träger: traeger.name
      Name: angebot.name
    werte:              # fixed values for every row, where its cell is empty
      angebot.status: aktiv
    begriffe:           # words of the table that mean a term of a vocabulary
      themen: {Suchthilfe: sucht}
    ignorieren: [Bemerkung]   # columns that are not taken over
    blatt: Partner      # for .xlsx: the sheet (default: the first)

Rows of the same Träger become one provider file with one offering per row; the same
address in several rows is one address. The rows are read by ``spreadsheet`` (CSV, XLSX).
A table or mapping that cannot be read, and a column that is neither mapped nor ignored,
stop the import before anything is mapped (``BadInput``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from . import yamlsafe
from .import_values import CHECKED, Rule, fitting
from .spreadsheet import Row
from .import_records import BadInput, Finding, Imported, slug, term_id, text, unique
from .schema_messages import suggestion
from .vocab import Vocabulary

# Every field a column can fill: (part, field, kind). Kinds: text, terms (a list of terms
# of the vocabulary of that name), term (one term), yesno, date, postcode, url, id.
FIELDS = {
    "traeger.id": ("traeger", "id", "id"), "traeger.name": ("traeger", "name", "text"),
    "traeger.kurzname": ("traeger", "kurzname", "text"), "traeger.art": ("traeger", "art", "term:traegerarten"),
    "traeger.beschreibung": ("traeger", "beschreibung", "text"), "traeger.webseite": ("traeger", "webseite", "url"),
    "traeger.email": ("traeger", "email", "text"), "traeger.telefon": ("traeger", "telefon", "text"),
    "adresse.id": ("adresse", "id", "id"), "adresse.bezeichnung": ("adresse", "bezeichnung", "text"),
    "adresse.strasse": ("adresse", "strasse", "text"), "adresse.plz": ("adresse", "plz", "postcode"),
    "adresse.ort": ("adresse", "ort", "text"), "adresse.land": ("adresse", "land", "term:laender"),
    "adresse.hinweis": ("adresse", "hinweis", "text"), "adresse.vertraulich": ("adresse", "vertraulich", "yesno"),
    "angebot.id": ("angebot", "id", "id"), "angebot.name": ("angebot", "name", "text"),
    "angebot.beschreibung": ("angebot", "beschreibung", "text"),
    "angebot.leichte_sprache": ("angebot", "leichte_sprache", "text"),
    "angebot.themen": ("angebot", "themen", "terms:themen"),
    "angebot.zielgruppen": ("angebot", "zielgruppen", "terms:zielgruppen"),
    "angebot.rechtsgrundlagen": ("angebot", "rechtsgrundlagen", "terms:rechtsgrundlagen"),
    "angebot.regionen": ("angebot", "regionen", "terms:"), "angebot.zugang": ("angebot", "zugang", "terms:zugangswege"),
    "angebot.sprachen": ("angebot", "sprachen", "terms:sprachen"),
    "angebot.barrierefreiheit": ("angebot", "barrierefreiheit", "terms:barrierefreiheit"),
    "angebot.aufsuchend": ("angebot", "aufsuchend", "yesno"), "angebot.online": ("angebot", "online", "yesno"),
    "angebot.sprechzeiten_hinweis": ("angebot", "sprechzeiten_hinweis", "text"),
    "angebot.kosten": ("angebot", "kosten", "term:kosten"),
    "angebot.kosten_hinweis": ("angebot", "kosten_hinweis", "text"),
    "angebot.webseite": ("angebot", "webseite", "url"), "angebot.status": ("angebot", "status", "term:status"),
    "angebot.zuletzt_geprueft": ("angebot", "zuletzt_geprueft", "date"),
    "kontakt.rolle": ("kontakt", "rolle", "text"), "kontakt.telefon": ("kontakt", "telefon", "text"),
    "kontakt.email": ("kontakt", "email", "text"), "kontakt.ansprechperson": ("kontakt", "ansprechperson", "text"),
    "kontakt.durchwahl": ("kontakt", "durchwahl", "text"),
    "kontakt.durchwahl_veroeffentlichen": ("kontakt", "durchwahl_veroeffentlichen", "yesno"),
}
MAPPING_KEYS = ("spalten", "werte", "begriffe", "ignorieren", "blatt")
YES = {"ja", "j", "x", "1", "true", "wahr", "yes"}
NO = {"nein", "n", "0", "false", "falsch", "no", "-"}


@dataclass(frozen=True)
class Mapping:
    columns: dict[str, tuple[str, ...]]  # heading: fields
    values: dict[str, object] = field(default_factory=dict)  # field: value for every row
    words: dict[str, dict[str, str]] = field(default_factory=dict)  # vocabulary: {word: term}
    ignored: tuple[str, ...] = ()
    sheet: str = ""
    path: Path = Path()


# --- the mapping file ------------------------------------------------------------------------

def _fields(path: Path, where: str, value) -> tuple[str, ...]:
    names = value if isinstance(value, list) else [value]
    for name in names:
        if not isinstance(name, str) or name not in FIELDS:
            raise BadInput(f"{path}: {where}: „{name}“ ist kein Feld, in das der Import schreiben kann."
                           f"{suggestion(str(name), FIELDS)} Möglich sind: {', '.join(FIELDS)}.")
    return tuple(names)


def load_mapping(path: Path) -> Mapping:
    """The mapping file, read with the strict loader; any mistake is a ``BadInput``."""
    if not path.is_file():
        raise BadInput(f"{path}: Die Zuordnung gibt es nicht.")
    document, problems = yamlsafe.load(path)
    if problems or document is None:
        raise BadInput("\n".join(f"{p.path}:{p.line}:{p.column}: {p.message}" for p in problems)
                       or f"{path}: Die Zuordnung ist leer.")
    data = document.data
    if not isinstance(data, dict) or not isinstance(data.get("spalten"), dict) or not data["spalten"]:
        raise BadInput(f"{path}: Die Zuordnung braucht „spalten:“ mit je einer Zeile „Spaltenüberschrift: feld“, "
                       "z. B. „Träger: traeger.name“.")
    for key in data:
        if key not in MAPPING_KEYS:
            raise BadInput(f"{path}:{document.position((key,), key=True)[0]}: „{key}“ gibt es in einer Zuordnung "
                           f"nicht.{suggestion(key, MAPPING_KEYS)} Erlaubt sind: {', '.join(MAPPING_KEYS)}.")
    columns = {str(heading).strip(): _fields(path, f"Spalte „{heading}“", target)
               for heading, target in data["spalten"].items()}
    values = data.get("werte") or {}
    for name in values:
        _fields(path, "werte", name)
    words = data.get("begriffe") or {}
    if not isinstance(words, dict) or not all(isinstance(w, dict) for w in words.values()):
        raise BadInput(f"{path}: „begriffe“ ordnet je Vokabular Wörter der Tabelle Begriffen zu, z. B. "
                       "„themen: {Suchthilfe: sucht}“.")
    return Mapping(columns, dict(values), {vocabulary: {str(k).casefold(): str(v) for k, v in table.items()}
                                           for vocabulary, table in words.items()},
                   tuple(str(c).strip() for c in data.get("ignorieren") or ()), str(data.get("blatt") or ""), path)


# --- rows into records -------------------------------------------------------------------------

class _Rows:
    def __init__(self, mapping: Mapping, vocabularies: dict[str, Vocabulary], source: str, patterns: dict[str, Rule]):
        self.mapping, self.vocabularies, self.source, self.patterns = mapping, vocabularies, source, patterns
        self.findings: list[Finding] = []
        self.taken: set[str] = set()

    def where(self, row: Row) -> str:
        return f"{self.source}, Zeile {row.number}"

    def value(self, row: Row, name: str):
        """A field's value for a row: its cell, else the mapping's fixed value, converted."""
        cell = row.cells.get(name, "")
        raw = cell if cell else self.mapping.values.get(name, "")
        if raw in ("", None, []):
            return None
        kind = FIELDS[name][2]
        if kind.startswith("terms:"):
            items = raw if isinstance(raw, list) else self.words(kind[6:], str(raw))
            return self.known_terms(row, name, kind[6:], [self.term(kind[6:], str(item)) for item in items]) or None
        if kind.startswith("term:"):
            return self.term(kind[5:], str(raw))
        raw = str(raw).strip() if not isinstance(raw, str) else raw
        if kind == "yesno":
            word = raw.strip().casefold()
            return "ja" if word in YES else None if word in NO else raw
        if kind == "date":
            german = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", raw.strip())
            return f"{german[3]}-{int(german[2]):02d}-{int(german[1]):02d}" if german else raw.strip()
        if kind == "postcode":
            return raw.zfill(5) if re.fullmatch(r"\d{4}", raw) else raw
        if kind == "url":
            bare = raw.startswith("www.") or re.fullmatch(r"[\w-]+(\.[\w-]+)*\.[a-z]{2,}(/\S*)?", raw, re.IGNORECASE)
            return f"https://{raw}" if bare else raw
        return text(raw)

    def words(self, vocabulary: str, cell: str) -> list[str]:
        """The words of a cell: separated by semicolons or lines, and by commas unless the
        comma belongs to a label ("Migrantinnen, Migranten und Geflüchtete")."""
        known = self.vocabularies.get(vocabulary)
        found = []
        for piece in re.split(r"[;\n]", cell):
            parts, start = piece.split(","), 0
            while start < len(parts):  # the longest run of parts that is a label, else one part
                end = next((end for end in range(len(parts), start + 1, -1) if known is not None
                            and self.term(vocabulary, ",".join(parts[start:end])) in known), start + 1)
                found.append(",".join(parts[start:end]).strip())
                start = end
        return [word for word in found if word]

    def known_terms(self, row: Row, name: str, vocabulary: str, terms: list[str]) -> list[str]:
        """The terms of a list that are terms; a word that is none is left out and named,
        unless no term is left: then the check names every word (and the nearest term)."""
        known = self.vocabularies.get(vocabulary)
        if not known or all(term in known for term in terms) or not any(term in known for term in terms):
            return terms
        for word in [term for term in terms if term not in known]:
            self.findings.append(Finding(self.where(row), f"{FIELDS[name][1]}: „{word}“ ist kein erlaubter Begriff und "
                                                          f"wurde nicht übernommen.{suggestion(word, known.terms)}"))
        return [term for term in terms if term in known]

    def term(self, vocabulary: str, word: str) -> str:
        """The term a word names (through ``begriffe`` or by id or label), else the word
        itself, which the check then names with the nearest term."""
        word = word.strip()
        mapped = self.mapping.words.get(vocabulary, {}).get(word.casefold())
        if mapped:
            return mapped
        terms = self.vocabularies.get(vocabulary)
        return (term_id(terms, word) if terms else None) or word

    def part(self, row: Row, part: str) -> dict:
        found = {}
        for name in (name for name in FIELDS if FIELDS[name][0] == part):
            value = self.value(row, name)
            if value is not None and FIELDS[name][1] in CHECKED:
                value, why = fitting(self.patterns, FIELDS[name][1], value)
                if why:
                    self.findings.append(Finding(self.where(row), why))
            if value is not None:
                found[FIELDS[name][1]] = value
        return found

    def records(self, rows: list[Row]) -> list[Imported]:
        groups: dict[str, list[Row]] = {}
        for row in rows:
            provider = self.part(row, "traeger")
            name = provider.get("name") or self.part(row, "angebot").get("name")
            if not name and not provider.get("id"):
                self.findings.append(Finding(self.where(row), "Die Zeile nennt weder einen Träger noch ein Angebot "
                                                              "und wurde nicht übernommen."))
                continue
            groups.setdefault(provider.get("id") or slug(name), []).append(row)
        return [self.provider(key, group) for key, group in groups.items()]

    def provider(self, key: str, rows: list[Row]) -> Imported:
        first = rows[0]
        provider = self.part(first, "traeger")
        organisation_id = unique(provider.get("id") or key, self.taken)
        data: dict = {**provider, "id": organisation_id,
                      "name": provider.get("name") or self.part(first, "angebot").get("name")}
        addresses: list[dict] = []
        address_origins: list[str] = []
        taken: set[str] = set()
        offerings, origins = [], []
        for row in rows:
            offering = self.part(row, "angebot")
            own = slug(offering.get("name") or "angebot", 79 - len(organisation_id))
            offering["id"] = unique(offering.get("id") or f"{organisation_id}-{own}", self.taken)
            address = self.part(row, "adresse")
            if address:
                same = next((a for a in addresses if {k: v for k, v in a.items() if k != "id"}
                             == {k: v for k, v in address.items() if k != "id"}), None)
                if same is None:
                    address["id"] = unique(address.get("id") or slug(address.get("ort") or "standort", 40), taken)
                    addresses.append(address)
                    address_origins.append(self.where(row))
                    same = address
                offering["orte"] = [same["id"]]
            contact = self.part(row, "kontakt")
            if set(contact) - {"rolle", "durchwahl_veroeffentlichen"}:
                offering["kontakt"] = [{"rolle": "Kontakt", **contact}]
            offerings.append(offering)
            origins.append(self.where(row))
        if addresses:
            data["adressen"] = addresses
        data["angebote"] = offerings
        return Imported(data, self.where(first), origins, address_origins)


def records(rows: list[Row], mapping: Mapping, vocabularies: dict[str, Vocabulary], source: str,
            patterns: dict[str, Rule] | None = None) -> tuple[list[Imported], list[Finding]]:
    """Provider records from the rows of a table: one file per Träger, one offering per row.
    A value that does not fit its field's pattern (``import_values.patterns_of``) or a word
    that is no term is left out with a note; the rest of its row is taken over."""
    mapped = _Rows(mapping, vocabularies, source, patterns or {})
    return mapped.records(rows), mapped.findings
