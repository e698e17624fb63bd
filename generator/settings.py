"""Every setting of a directory, declared once.

The operator writes them in mkdocs.yml under ``plugins: - wegweiser:``. MkDocs checks
them through ``config.py``, whose options are made from the dataclasses below, and the
command line reads the same file the same way (``from_mkdocs_yml``): a broken mkdocs.yml
is an error for both, never a silent fall back to defaults.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from .content import GEOCACHE_NAME
from .freshness import parse_age

PUBLIC_NOMINATIM = "nominatim.openstreetmap.org"
# An e-mail address as a mailto: link needs it: a local part of the characters RFC 5322
# allows without quotes, "@", and a domain of two labels or more (letters of any script,
# digits, hyphens inside a label).
EMAIL = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                   r"@(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_](?:[\w-]*[^\W_])?")


class SettingsError(Exception):
    """mkdocs.yml cannot be read or has a wrong setting; the message says which."""


@dataclass(frozen=True)
class MapSettings:
    # The tile server: loaded only after the visitor clicks "Karte laden". Point it at a
    # self-hosted or EU server if you prefer; name it for the consent sentence.
    tiles: str = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    attribution: str = ('&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
                        "-Mitwirkende")
    tile_server_name: str = "OpenStreetMap Foundation"
    max_zoom: int = 19

    @property
    def tile_host(self) -> str:
        return urlsplit(self.tiles.replace("{s}", "a")).netloc or self.tiles


@dataclass(frozen=True)
class GeocoderSettings:
    """Used only by ``wegweiser geocode``, never by a build."""

    # Point domain at a self-hosted server for bulk work.
    service: str = field(default="nominatim", metadata={"choices": ("nominatim", "photon")})
    domain: str = PUBLIC_NOMINATIM
    scheme: str = field(default="https", metadata={"choices": ("https", "http")})
    # The Nominatim usage policy asks for a User-Agent naming the application and a contact.
    user_agent: str = "Wegweiser-Verzeichnis"
    contact: str = ""
    # Seconds between two requests; the public Nominatim allows at most one per second.
    pause: float = 1.0
    timeout: float = 10.0
    # Answers farther from the town than this are not stored but listed for review.
    max_distance_km: float = 30.0
    retries: int = 3  # for answers that say "too many requests"

    @property
    def min_pause(self) -> float:
        return max(self.pause, 1.0) if self.domain == PUBLIC_NOMINATIM else self.pause


@dataclass(frozen=True)
class InOtherLanguages:
    """A text of mkdocs.yml (the site's name, its description) in Czech and English."""

    cs: str | None = None
    en: str | None = None


def _email(name: str, value: str | None) -> None:
    if value and not EMAIL.fullmatch(value):
        raise SettingsError(f"wegweiser: {name}: „{value}“ ist keine gültige E-Mail-Adresse. Bitte geben Sie "
                            "nur die Adresse an, ohne Namen, Leerzeichen und spitze Klammern, z. B. "
                            "redaktion@beispiel.de.")


def _https(name: str, value: str) -> None:
    if value and not value.startswith("https://"):
        raise SettingsError(f"wegweiser: {name}: „{value}“ ist keine Internetadresse mit https://. "
                            "Bitte geben Sie die ganze Adresse an, z. B. https://www.beispiel.de/video.")


@dataclass(frozen=True)
class OperatorSettings:
    """Who runs the site: the Impressum, the privacy and the accessibility statement name
    them (``render/legal_pages.py``). What is empty stays a marked gap on those pages, and
    ``wegweiser validate`` warns while the Impressum lacks name, address or e-mail."""

    name: str = ""  # the organisation (or person) responsible for the site
    address: str = ""  # postal address; one line each for street, postcode and town
    email: str = ""
    phone: str = ""
    represented_by: str = ""  # e.g. "Vorstand: …" or "Landrätin …" (for a legal person)
    responsible: str = ""  # responsible for the content according to § 18 Abs. 2 MStV
    register: str = ""  # e.g. "Vereinsregister Amtsgericht Chemnitz, VR 1234"
    # Where the site is hosted, for the privacy statement: that server receives every request.
    hosting: str = ""
    privacy_contact: str = ""  # the data protection officer, if there is one

    def __post_init__(self) -> None:
        if self.email and ("@" not in self.email or any(c.isspace() for c in self.email.strip())):
            raise SettingsError(f"wegweiser: operator.email: „{self.email}“ ist keine E-Mail-Adresse.")


@dataclass(frozen=True)
class AccessibilitySettings:
    """The accessibility statement (BITV 2.0, EU directive 2016/2102) and the sign language video."""

    # How far the site meets BITV 2.0 (WCAG 2.1 AA), by the operator's own check.
    compliance: str | None = field(default=None, metadata={"choices": ("full", "partial", "none")})
    statement_date: str | None = field(default=None, metadata={"date": True})  # when it was made, YYYY-MM-DD
    evaluation: str = ""  # how, e.g. "Selbstbewertung" or "BITV-Test durch …"
    # The enforcement body a visitor may turn to: the Schlichtungsstelle nach § 16 BGG for
    # federal bodies, the state's body for those of a state or a municipality.
    enforcement_body: str = ""
    enforcement_url: str = ""
    dgs_video: str = ""  # a video explaining the site in German Sign Language (DGS), linked, never embedded

    def __post_init__(self) -> None:
        if self.statement_date is not None:
            text = str(self.statement_date)  # YAML gives a date, the command line may give text
            try:
                dt.date.fromisoformat(text)
            except ValueError as error:
                raise SettingsError(f"wegweiser: accessibility.statement_date: „{text}“ ist kein Datum in der "
                                    "Form JJJJ-MM-TT, z. B. 2026-01-15.") from error
            object.__setattr__(self, "statement_date", text)
        _https("accessibility.dgs_video", self.dgs_video)
        _https("accessibility.enforcement_url", self.enforcement_url)


# Licences open data is commonly published under in Germany and Czechia, with their texts.
LICENCES = {
    "CC BY 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC BY-SA 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "CC0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "dl-de/by-2-0": "https://www.govdata.de/dl-de/by-2-0",
    "dl-de/zero-2-0": "https://www.govdata.de/dl-de/zero-2-0",
    "ODbL 1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
}
# Their ids in the Open Definition's list, which a Data Package's "licenses" name them by.
LICENCE_IDS = {"CC BY 4.0": "CC-BY-4.0", "CC BY-SA 4.0": "CC-BY-SA-4.0", "CC0 1.0": "CC0-1.0",
               "dl-de/by-2-0": "dl-de-by-2.0", "dl-de/zero-2-0": "dl-de-zero-2.0", "ODbL 1.0": "ODbL-1.0"}
CREATIVE_COMMONS = "https://creativecommons.org/"
DEED_LANGUAGES = ("de", "cs", "en")  # Creative Commons has a summary (deed) in each of the site's languages


def licence_link(url: str, language: str = "de") -> str:
    """Where a reader finds a licence: a Creative Commons licence's summary (its deed) in
    the reader's language, any other licence's text as it is."""
    if url.startswith(CREATIVE_COMMONS) and url.endswith("/"):
        return f"{url}deed.{language if language in DEED_LANGUAGES else 'de'}"
    return url


@dataclass(frozen=True)
class OpenDataSettings:
    """The licence of the data every build publishes under daten/ (the page "Offene Daten")."""

    licence: str = "CC BY 4.0"  # one of LICENCES, or any other with licence_url
    licence_url: str = ""  # the licence's text; needed for a licence not in LICENCES
    attribution: str = ""  # how users are to name the source; default: the operator's name, else the site's

    def __post_init__(self) -> None:
        if not self.licence_url and self.licence not in LICENCES:
            raise SettingsError(
                f"wegweiser: open_data.licence: „{self.licence}“ ist keine bekannte Lizenz ({', '.join(LICENCES)}). "
                "Bitte geben Sie unter open_data.licence_url die Adresse des Lizenztextes an.")
        _https("open_data.licence_url", self.licence_url)

    @property
    def url(self) -> str:
        """The licence's text for the data, which are German: a CC licence's German deed."""
        return self.link("de")

    def link(self, language: str) -> str:
        """The licence for a reader of the page in ``language``; an own licence_url as it is."""
        return self.licence_url or licence_link(LICENCES[self.licence], language)

    @property
    def open_definition_id(self) -> str:
        """The licence's id in the Open Definition's list; "" for a licence not in LICENCES."""
        return LICENCE_IDS.get(self.licence, "")


@dataclass(frozen=True)
class Settings:
    """The plugin's block in mkdocs.yml, with paths resolved against that file."""

    # Where the JSON Schemas and, in its subfolder vokabulare/, the vocabularies are.
    schemas: str = field(default="schemas", metadata={"path": "folder"})
    # Show on every page that the entries are demonstration data.
    demo_notice: bool = False
    # Entries last checked longer ago than this are marked as possibly outdated (12m = 12
    # months, 90d = days, 2j = years); past hide_after they leave listings, maps and search.
    stale_after: str | None = None
    hide_after: str | None = None
    # The geocode cache; default: geocache.json in the content folder (docs_dir).
    geocache: str | None = field(default=None, metadata={"path": "file"})
    # The GitHub repository ("owner/name") for "Fehler melden / Eintrag ändern" links and
    # the provider documentation; without it, pages show no such links.
    repository: str | None = None
    # The editorial team's e-mail address: offering and provider pages and "Mitmachen" then
    # offer an e-mail to it, with subject and page address filled in, to report an error
    # without a GitHub account. Without it, pages show no such links.
    editorial_email: str | None = None
    # Where npm installed Leaflet (`npm ci`, run by make).
    node_modules: str = "node_modules"
    # The languages besides German: each is a site of its own under /cs/, /en/, with the
    # records' texts in that language where they have them and Material's interface too.
    languages: tuple[str, ...] = field(default=("cs", "en"), metadata={"choices": ("cs", "en"), "many": True})
    # site_name and site_description of mkdocs.yml in those languages (else the German).
    site_name: InOtherLanguages = InOtherLanguages()
    site_description: InOtherLanguages = InOtherLanguages()
    maps: MapSettings = MapSettings()
    geocoder: GeocoderSettings = GeocoderSettings()
    # The legal and explanatory pages (Impressum, Datenschutz, Barrierefreiheit, Leichte
    # Sprache, Gebärdensprache) fill their templates with these values ...
    operator: OperatorSettings = OperatorSettings()
    accessibility: AccessibilitySettings = AccessibilitySettings()
    open_data: OpenDataSettings = OpenDataSettings()
    # ... unless this folder (beside mkdocs.yml, not in content/) holds a page's own text:
    # impressum.md, datenschutz.md, … in German, impressum.cs.md, impressum.en.md translated.
    legal_pages: str | None = None
    # From MkDocs' own settings, not the plugin block.
    content: str = field(default="content", metadata={"mkdocs": "docs_dir"})
    use_directory_urls: bool = field(default=True, metadata={"mkdocs": "use_directory_urls"})
    base: Path = field(default=Path("."), metadata={"mkdocs": "config_file_path"})
    site_url: str | None = field(default=None, metadata={"mkdocs": "site_url"})  # pages' whole addresses
    # The site's German name (site_name of mkdocs.yml); "" only in settings made without MkDocs.
    german_site_name: str = field(default="", metadata={"mkdocs": "site_name"})

    def site_name_in(self, language: str) -> str:
        """The site's name in ``language`` (site_name, else the German one)."""
        return getattr(self.site_name, language, None) or self.german_site_name

    def path(self, value: str) -> Path:
        """A path from mkdocs.yml, relative to the folder mkdocs.yml is in."""
        return self.base / value

    def __post_init__(self) -> None:
        for name in ("stale_after", "hide_after"):
            value = getattr(self, name)
            if value is not None:
                try:
                    parse_age(value)
                except ValueError as error:
                    raise SettingsError(f"wegweiser: {name}: {error}") from error
        _email("editorial_email", self.editorial_email)

    @property
    def geocache_file(self) -> Path:
        return self.path(self.geocache) if self.geocache else self.path(self.content) / GEOCACHE_NAME

    @classmethod
    def from_plugin(cls, plugin_config, mkdocs_config) -> "Settings":
        """From MkDocs' checked configuration (``config.py``)."""
        values = {f.name: plugin_config[f.name] for f in dataclasses.fields(cls) if "mkdocs" not in f.metadata}
        values["maps"] = MapSettings(**plugin_config["maps"])
        values["languages"] = tuple(dict.fromkeys(plugin_config["languages"]))
        values["site_name"] = InOtherLanguages(**plugin_config["site_name"])
        values["site_description"] = InOtherLanguages(**plugin_config["site_description"])
        values["geocoder"] = GeocoderSettings(**plugin_config["geocoder"])
        values["operator"] = OperatorSettings(**plugin_config["operator"])
        values["accessibility"] = AccessibilitySettings(**plugin_config["accessibility"])
        values["open_data"] = OpenDataSettings(**plugin_config["open_data"])
        config_file = mkdocs_config.config_file_path
        base = Path(config_file).parent if config_file else Path(".")
        docs_dir = Path(mkdocs_config.docs_dir)
        return cls(**values, content=str(docs_dir if docs_dir.is_absolute() else base / docs_dir),
                   use_directory_urls=mkdocs_config.use_directory_urls, base=base,
                   site_url=mkdocs_config.site_url or None, german_site_name=mkdocs_config.site_name or "")


def from_mkdocs_yml(path: Path) -> Settings:
    """The settings as MkDocs itself reads them, for the command line.

    Without the file, the defaults: a directory needs no mkdocs.yml to be checked.
    """
    if not path.exists():
        return Settings()
    try:
        config = load_config(str(path))
    except (MkDocsException, OSError) as error:
        # MkDocs has already logged which setting is wrong and why.
        raise SettingsError(f"{path}: Die Einstellungen lassen sich nicht lesen: {error}") from error
    plugin = config.plugins.get("wegweiser")
    if plugin is None:
        raise SettingsError(f"{path}: Unter „plugins:“ fehlt „- wegweiser“.")
    return Settings.from_plugin(plugin.config, config)
