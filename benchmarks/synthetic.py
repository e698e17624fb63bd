"""Synthetic provider files for the benchmarks: realistic German offerings in bulk."""
from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
KINDS = ("Suchtberatung", "Schuldnerberatung", "Familienberatung", "Sozialpsychiatrischer Dienst",
         "Migrationsberatung", "Pflegeberatung", "Teilhabeberatung", "Erziehungsberatung",
         "Wohnungsnotfallhilfe", "Demenzcafé", "Jugendtreff", "Frühförderung", "Werkstatt",
         "Selbsthilfegruppe", "Bewährungshilfe", "Interventionsstelle", "Sprachcafé", "Tagesstätte")
PHRASES = ("Wir beraten Sie vertraulich und kostenlos.", "Termine nach Vereinbarung, auch telefonisch.",
           "Angehörige sind ebenfalls willkommen.", "Wir helfen bei Anträgen und Behördengängen.",
           "Die Beratung ist anonym möglich.", "Wir vermitteln in weiterführende Hilfen.",
           "Gruppenangebote finden wöchentlich statt.", "Wir kommen auch zu Ihnen nach Hause.",
           "Unterstützung bei Bürgergeld, Wohngeld und Grundsicherung.", "Hilfe bei Schulden und Mietrückständen.",
           "Beratung für Menschen mit Behinderung und ihre Familien.", "Begleitung in Krisen und bei Sucht.")
TOWNS = (("Annaberg-Buchholz", "09456"), ("Stollberg/Erzgeb.", "09366"), ("Aue-Bad Schlema", "08280"),
         ("Marienberg", "09496"), ("Andernach", "56626"), ("Mayen", "56727"), ("Koblenz", "56068"),
         ("Bergisch Gladbach", "51465"), ("Aachen", "52062"), ("Dresden", "01067"),
         ("Bad Homburg vor der Höhe", "61348"), ("Chemnitz", "09111"), ("Neuwied", "56564"))


CZECH_KINDS = {"Suchtberatung": "Poradna pro závislosti", "Schuldnerberatung": "Dluhová poradna",
               "Familienberatung": "Rodinná poradna", "Migrationsberatung": "Poradna pro migranty"}
CZECH_PHRASES = ("Poradíme Vám důvěrně a zdarma.", "Schůzky po domluvě, i telefonicky.",
                 "Vítáni jsou i rodinní příslušníci.", "Pomáháme se žádostmi a na úřadech.",
                 "Pomoc při dluzích a nedoplatcích nájemného.", "Doprovázíme v krizích a při závislosti.")


def _start(content: Path) -> tuple[dict[str, list[str]], list[str]]:
    """The example's regions in a new content folder, an empty folder of providers, and the
    terms and region ids the made-up offerings draw from."""
    shutil.copytree(REPO / "content" / "regionen", content / "regionen")
    (content / "traeger").mkdir(parents=True)
    vocabularies = {name: list(yaml.safe_load((REPO / "schemas" / "vokabulare" / f"{name}.yml").read_text()))
                    for name in ("themen", "zielgruppen", "sprachen", "barrierefreiheit", "zugangswege")}
    return vocabularies, [p.stem for p in (content / "regionen").glob("*.yml")]


def write_directory(content: Path, offerings: int, seed: int = 11, czech_share: float = 0.0) -> None:
    """Regions, networks and vocabularies of the example; organisations made up, 5 offerings
    each; ``czech_share`` of the offerings (of the kinds with a Czech name) also in Czech."""
    rng = random.Random(seed)
    vocabularies, regions = _start(content)
    for org in range(offerings // 5):
        town, postcode = rng.choice(TOWNS)
        record = {
            "id": f"traeger-{org}", "name": f"Beispielträger {org} e. V.", "art": "verein",
            "adressen": [{"id": "sitz", "strasse": f"Musterstraße {org % 90 + 1}", "plz": postcode, "ort": town}],
            "angebote": [],
        }
        for number in range(5):
            kind = rng.choice(KINDS)
            name, description = f"{kind} {town.split('/')[0]}", " ".join(rng.sample(PHRASES, 4))
            if czech_share and kind in CZECH_KINDS and rng.random() < czech_share * len(KINDS) / len(CZECH_KINDS):
                name = {"de": name, "cs": f"{CZECH_KINDS[kind]} {town.split('/')[0]}"}
                description = {"de": description, "cs": " ".join(rng.sample(CZECH_PHRASES, 3))}
            record["angebote"].append({
                "id": f"traeger-{org}-angebot-{number}", "name": name,
                "beschreibung": description,
                "themen": rng.sample(vocabularies["themen"], 2),
                "zielgruppen": rng.sample(vocabularies["zielgruppen"], 2),
                "regionen": [rng.choice(regions)], "orte": ["sitz"],
                "zugang": rng.sample(vocabularies["zugangswege"], 2),
                "sprachen": ["de"] + rng.sample([lang for lang in vocabularies["sprachen"] if lang != "de"], 1),
                "barrierefreiheit": rng.sample(vocabularies["barrierefreiheit"], 1),
                "kosten": "kostenlos", "kontakt": [{"rolle": "Sekretariat", "telefon": f"03733 {100000 + number:06d}"}],
                "status": "aktiv" if rng.random() > 0.05 else "voruebergehend-geschlossen",  # noqa: PLR2004
                "zuletzt_geprueft": "2026-06-01",
            })
        (content / "traeger" / f"traeger-{org}.yml").write_text(
            yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")


LONGER = ("In der Beratung klären wir gemeinsam, welche Unterstützung Ihnen zusteht und wie Sie sie bekommen.",
          "Wir nehmen uns Zeit für Ihre Fragen und suchen mit Ihnen nach einem Weg, der zu Ihrer Lage passt.",
          "Auf Wunsch begleiten wir Sie zu Ämtern, Ärztinnen und Ärzten oder zum Gericht.",
          "Bringen Sie zum ersten Gespräch bitte Ihre Unterlagen mit, zum Beispiel Bescheide und Briefe.",
          "Wenn Sie nicht zu uns kommen können, beraten wir Sie auch am Telefon oder per Video.",
          "Alle Gespräche sind vertraulich; wir geben nichts ohne Ihre Zustimmung weiter.")
HOURS = (("mo", "di", "mi", "do"), ("mo", "mi", "fr"), ("di", "do"), ("mo", "di", "mi", "do", "fr"))


def write_varied_directory(content: Path, offerings: int, seed: int = 16) -> None:
    """A directory of realistic variety for the size benchmark: organisations with 1 to 20
    offerings (most with few, some with many), one to three addresses, long descriptions of
    several paragraphs, opening hours, and a fifth of the offerings also in Czech."""
    rng = random.Random(seed)
    vocabularies, regions = _start(content)
    written, org = 0, 0
    while written < offerings:
        size = min(offerings - written, 20, max(1, int(rng.paretovariate(1.2))))
        places = [rng.choice(TOWNS) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
        record = {
            "id": f"traeger-{org}", "name": f"Beispielträger {org} e. V.", "art": "verein",
            "adressen": [{"id": f"ort-{n}", "strasse": f"Musterstraße {(org + n) % 90 + 1}", "plz": postcode,
                          "ort": town} for n, (town, postcode) in enumerate(places)],
            "angebote": [],
        }
        for number in range(size):
            kind = rng.choice(KINDS)
            town = places[number % len(places)][0].split("/")[0]
            paragraphs = [" ".join(rng.sample(PHRASES + LONGER, rng.randint(3, 6))) for _ in range(rng.randint(2, 5))]
            name, description = f"{kind} {town}", "\n\n".join(paragraphs) + "\n"
            if kind in CZECH_KINDS and rng.random() < 0.2 * len(KINDS) / len(CZECH_KINDS):  # noqa: PLR2004
                name = {"de": name, "cs": f"{CZECH_KINDS[kind]} {town}"}
                description = {"de": description, "cs": " ".join(rng.sample(CZECH_PHRASES, 4)) + "\n"}
            record["angebote"].append({
                "id": f"traeger-{org}-angebot-{number}", "name": name, "beschreibung": description,
                "themen": rng.sample(vocabularies["themen"], rng.randint(1, 3)),
                "zielgruppen": rng.sample(vocabularies["zielgruppen"], rng.randint(1, 3)),
                "regionen": [rng.choice(regions)], "orte": [f"ort-{number % len(places)}"],
                "sprechzeiten": [{"tage": list(rng.choice(HOURS)), "von": "09:00",
                                  "bis": rng.choice(("12:00", "16:00"))}],
                "zugang": rng.sample(vocabularies["zugangswege"], 2),
                "sprachen": ["de"] + rng.sample([lang for lang in vocabularies["sprachen"] if lang != "de"], 1),
                "barrierefreiheit": rng.sample(vocabularies["barrierefreiheit"], 1),
                "kosten": "kostenlos",
                "kontakt": [{"rolle": "Sekretariat", "telefon": f"03733 {100000 + number:06d}",
                             "email": f"beratung{number}@traeger-{org}.example"}],
                "status": "aktiv" if rng.random() > 0.05 else "voruebergehend-geschlossen",  # noqa: PLR2004
                "zuletzt_geprueft": "2026-06-01",
            })
        (content / "traeger" / f"traeger-{org}.yml").write_text(
            yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")
        written += size
        org += 1
