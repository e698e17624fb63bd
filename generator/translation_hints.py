"""Hints for bilingual networks: which offerings of their members lack a text in one of
the network's working languages (``arbeitssprachen``). These are hints, not problems:
``wegweiser validate`` shows them and still succeeds, since a missing translation only
means that the Czech or English page shows the German text, marked as German."""
from __future__ import annotations

from .directory import Directory
from .problems import Problem, display_path

# The language's name as the hint needs it: "der tschechische Text", "auf Tschechisch".
IN_GERMAN = {"cs": ("tschechische", "Tschechisch"), "en": ("englische", "Englisch")}


def missing_translations(directory: Directory) -> list[Problem]:
    hints: set[Problem] = set()
    for network in directory.networks:
        languages = [language for language in network.working_languages if language in IN_GERMAN]
        for organisation in directory.members_of(network) if languages else ():
            for offering in (o for o in organisation.offerings if not o.ended):
                for language in languages:
                    fields = [field for field, text in (("name", offering.name), ("beschreibung", offering.description))
                              if text.lacks(language)]
                    if fields:
                        adjective, name = IN_GERMAN[language]
                        hints.add(Problem(
                            display_path(offering.source.path), offering.source.line, 1, offering.id, (
                                f"Hier fehlt der {adjective} Text für "
                                f"{' und '.join(f'„{field}“' for field in fields)}. Das Netzwerk "
                                f"„{network.name.de}“ arbeitet auch auf {name}; ohne Übersetzung zeigt die "
                                f"{adjective} Seite den deutschen Text. So ergänzen Sie ihn: unter „{fields[0]}:“ "
                                f"eingerückt „de: …“ (der bisherige Text) und „{language}: …“.")))
    return sorted(hints)
