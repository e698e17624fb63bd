"""The operator's part of the legal and explanatory pages: which values of mkdocs.yml each
page needs, the operator's own texts that replace a page's template, and the warning of
``wegweiser validate`` while the Impressum is still a template.

Each page (``render/legal_pages.py``) is a template filled with the ``operator`` and
``accessibility`` settings; where one is empty, the page shows a gap and says that it is a
template ("Vorlage"). An operator who wants other words puts a Markdown file named like
the page into the folder ``legal_pages`` of mkdocs.yml: ``impressum.md`` (German), and
``impressum.cs.md``, ``impressum.en.md`` for Czech and English. Such a file replaces the
page's whole text; a language without its own file shows the German one, marked as German.
The folder lies beside mkdocs.yml, not in content/, which holds records only.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, display_path
from .records import Text
from .render.languages import GERMAN, LANGUAGES
from .render.urls import LEGAL_PAGES
from .settings import Settings, SettingsError

# What each page cannot do without; until the operator fills them in, it is a template.
NEEDS = {
    "imprint": ("operator.name", "operator.address", "operator.email"),
    "privacy": ("operator.name", "operator.address", "operator.email", "operator.hosting"),
    "accessibility": ("operator.name", "operator.email", "accessibility.compliance",
                      "accessibility.statement_date", "accessibility.enforcement_body"),
    "easy_language": ("operator.name", "operator.email"),
    "sign_language": ("operator.email",),
}
MAX_SIZE = 200_000  # bytes of one own text; an Impressum is a few hundred


def value(settings: Settings, name: str) -> str:
    """A setting by its name in mkdocs.yml, e.g. ``operator.email``."""
    block, key = name.split(".")
    return str(getattr(getattr(settings, block), key) or "").strip()


def missing(settings: Settings, page: str) -> tuple[str, ...]:
    """The settings the page's template needs and the operator has left empty."""
    return tuple(name for name in NEEDS[page] if not value(settings, name))


@dataclass(frozen=True)
class OwnTexts:
    """The operator's own page texts (Markdown), by page and language."""

    texts: dict[str, Text] = field(default_factory=dict)  # page -> the text, German with translations

    def of(self, page: str) -> Text | None:
        return self.texts.get(page)


def file_name(page: str, language: str = GERMAN) -> str:
    stem = LEGAL_PAGES[page][: -len(".md")]
    return f"{stem}.md" if language == GERMAN else f"{stem}.{language}.md"


def own_texts(settings: Settings) -> OwnTexts:
    """The files of the folder ``legal_pages``; raises ``SettingsError`` for a missing
    folder, a file no page is named like, a link, or a translation without German text."""
    if not settings.legal_pages:
        return OwnTexts()
    folder = settings.path(settings.legal_pages)
    where = f"wegweiser: legal_pages: {display_path(folder)}"
    if folder.is_symlink() or not folder.is_dir():
        raise SettingsError(f"{where}: Diesen Ordner gibt es nicht. Legen Sie ihn neben mkdocs.yml an, "
                            "oder löschen Sie die Zeile „legal_pages“, dann gelten die Vorlagen.")
    known = {file_name(page, language): (page, language) for page in LEGAL_PAGES for language in LANGUAGES}
    found: dict[str, dict[str, str]] = {}
    for path in sorted(folder.iterdir()):
        if path.name not in known:
            if path.name.startswith(".") or path.name.lower() == "readme.md":
                continue
            raise SettingsError(f"{display_path(path)}: Zu dieser Datei gibt es keine Seite. Eigene Texte heißen "
                                f"wie die Seiten: {', '.join(sorted(known))}.")
        page, language = known[path.name]
        found.setdefault(page, {})[language] = _read(path)
    texts = {}
    for page, languages in found.items():
        if GERMAN not in languages:
            raise SettingsError(f"{display_path(folder / file_name(page, next(iter(languages))))}: Es fehlt der "
                                f"deutsche Text {file_name(page)}. Die Seite ist zuerst deutsch; die "
                                "Übersetzungen stehen daneben.")
        texts[page] = Text(languages[GERMAN], languages.get("cs", ""), languages.get("en", ""))
    return OwnTexts(texts)


def _read(path: Path) -> str:
    if path.is_symlink() or not path.is_file():
        raise SettingsError(f"{display_path(path)}: Das ist keine einfache Datei (vielleicht eine Verknüpfung). "
                            "Bitte legen Sie den Text selbst hier ab.")
    if path.stat().st_size > MAX_SIZE:
        raise SettingsError(f"{display_path(path)}: Dieser Text ist länger als {MAX_SIZE // 1000} KB.")
    try:
        text = path.read_text(encoding="utf-8").strip()
    except UnicodeDecodeError as error:
        raise SettingsError(f"{display_path(path)}: Die Datei ist nicht in UTF-8 gespeichert.") from error
    if not text:
        raise SettingsError(f"{display_path(path)}: Die Datei ist leer. Löschen Sie sie, dann gilt die Vorlage.")
    return text


def unfilled_imprint(settings: Settings) -> tuple[str, ...]:
    """What the Impressum still lacks: nothing once the operator has an own text for it."""
    return () if own_texts(settings).of("imprint") else missing(settings, "imprint")


def imprint_hints(settings: Settings, config_file: Path) -> list[Problem]:
    """A hint for ``wegweiser validate`` (not an error) while the Impressum is a template."""
    lacking = unfilled_imprint(settings)
    if not lacking:
        return []
    lines = config_file.read_text(encoding="utf-8").splitlines()
    line = next((n for pattern in (r"\s*operator:", r"\s*-\s*wegweiser\b") for n, text in enumerate(lines, 1)
                 if re.match(pattern, text)), 1)
    return [Problem(display_path(config_file), line, 1, "operator", (
        f"Das Impressum ist noch eine Vorlage: Es fehlt {', '.join(lacking)}. Tragen Sie in dieser Datei unter "
        "„plugins: - wegweiser: operator:“ Name (name), Anschrift (address) und E-Mail-Adresse (email) des "
        "Betreibers ein. Oder legen Sie Ihr eigenes Impressum als impressum.md in einen Ordner neben mkdocs.yml "
        "und nennen Sie ihn unter „legal_pages“. Bis dahin steht auf der Seite „Impressum“ der Hinweis „Vorlage“."))]
