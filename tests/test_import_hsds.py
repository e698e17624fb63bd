"""HSDS data from elsewhere taken over as far as it fits, every part that does not named;
the specification's own examples import and a site builds from them."""
from __future__ import annotations

import datetime as dt

import pytest
from conftest import build, mkdocs_config, problems_of
from importing import EXAMPLES, IMPORTS, bare_content, empty_content, files_of, records_of, run

from generator import freshness, yamlsafe


def test_hsds_from_elsewhere_is_taken_over_as_far_as_it_fits(tmp_path, capsys):
    source = IMPORTS / "fremd-wohnhilfe.json"
    content = empty_content(tmp_path)
    assert run(content, source, "--art", "verein") == 1
    out = capsys.readouterr().out
    assert "Der Begriff „Housing Support“ (Taxonomie „open-eligibility“) ist kein Begriff" in out
    # required and not in the data: the most general value, named to be checked
    assert "zielgruppen: Die Daten nennen keine Zielgruppe; angenommen ist „alle“. Bitte prüfen Sie" in out
    assert "zugang: Die Daten sagen nicht, wie man zum Angebot kommt; angenommen ist „termin“." in out
    written = files_of(content)["wohnhilfe-beispielstadt-e-v.yml"].decode()
    assert "zielgruppen: [alle]" in written and "zugang: [termin]" in written and "online: ja" in written
    assert "themen: [wohnen]" in written  # the other taxonomy names a term of ours


# Every shape the specification gives its examples in; organization_list.json holds an
# organization without services, which no provider file can be (it is named, not written).
EXAMPLE_SHAPES = ["service_full.json", "organization_full.json", "service_at_location_full.json",
                  "service_list.json", "service_at_location_list.json", "tabular.json", "csv"]


@pytest.mark.parametrize("shape", EXAMPLE_SHAPES)
def test_the_specifications_examples_are_taken_over_as_far_as_they_fit(tmp_path, capsys, shape):
    content = bare_content(tmp_path)
    assert run(content, EXAMPLES / shape, "--art", "verein", "--thema", "gesundheit") == 1
    out = capsys.readouterr().out
    assert "webseite: „http://example.com/counselling“ wurde nicht übernommen. Nur https-Adressen werden " \
           "veröffentlicht." in out
    assert "sprachen: „ur“ wurde nicht übernommen" in out or "_list" in shape  # the lists have no languages
    assert "zielgruppen: Die Daten nennen keine Zielgruppe; angenommen ist „alle“. Bitte prüfen Sie" in out
    assert "zugang: Die Daten sagen nicht, wie man zum Angebot kommt; angenommen ist „termin“." in out
    assert list(files_of(content)) == ["example-organization-inc.yml"]
    assert problems_of(content) == ()
    written = yamlsafe.load(content / "traeger" / "example-organization-inc.yml")[0].data
    offering = written["angebote"][0]
    assert offering["name"] == "Community Counselling"
    assert offering["zielgruppen"] == ["alle"] and offering["zugang"] == ["termin"]
    assert "webseite" not in offering and "webseite" not in written


def test_an_organisation_without_services_is_named_not_written(tmp_path, capsys):
    content = bare_content(tmp_path)
    assert run(content, EXAMPLES / "organization_list.json", "--art", "verein") == 1
    assert "Der Träger hat in den Daten kein Angebot (service) und wurde nicht übernommen" in capsys.readouterr().out
    assert files_of(content) == {}


def test_a_site_builds_from_the_specifications_tabular_example(tmp_path, capsys):
    content = bare_content(tmp_path)
    assert run(content, EXAMPLES / "tabular.json", "--art", "verein", "--thema", "gesundheit") == 1
    site = tmp_path / "site"
    build(mkdocs_config(content, site))
    pages = "".join(page.read_text(encoding="utf-8") for page in site.rglob("*.html"))
    assert "Example Organization Inc." in pages and "Community Counselling" in pages


def test_a_direct_line_from_elsewhere_is_not_published_without_its_persons_consent(tmp_path, capsys):
    source = IMPORTS / "fremd-durchwahl.json"
    content = empty_content(tmp_path)
    assert run(content, source, "--art", "verein", "--thema", "schulden") == 1
    assert "Die Durchwahl 03733 000777 wurde nicht übernommen" in capsys.readouterr().out
    written = files_of(content)["hilfeverein-beispiel-e-v.yml"].decode()
    assert "000777" not in written and "durchwahl_veroeffentlichen" not in written



def test_an_offering_without_a_date_of_checking_counts_as_checked_on_the_day_named(tmp_path, capsys, monkeypatch):
    """assured_date and last_modified are optional in HSDS: without them the offering is
    not lost; the day it counts as checked on is said, to be corrected."""
    source = IMPORTS / "fremd-ohne-pruefdatum.json"
    monkeypatch.setattr(freshness, "today", lambda: dt.date(2026, 12, 2))
    content = bare_content(tmp_path / "heute")
    assert run(content, source, "--art", "verein", "--thema", "sucht") == 1
    out = capsys.readouterr().out
    assert "zuletzt_geprueft: Die Daten nennen kein Prüfdatum (assured_date), also gilt der Tag des Imports " \
           "(ein Datum für alle: --geprueft JJJJ-MM-TT); angenommen ist „2026-12-02“. Bitte prüfen Sie" in out
    assert records_of(content)["suchthilfe-rhein-mosel-e-v.yml"]["angebote"][0]["zuletzt_geprueft"] == "2026-12-02"
    given = bare_content(tmp_path / "gegeben")
    assert run(given, source, "--art", "verein", "--thema", "sucht", "--geprueft", "2026-03-31") == 1
    assert "angenommen ist „2026-03-31“" in capsys.readouterr().out
    assert records_of(given)["suchthilfe-rhein-mosel-e-v.yml"]["angebote"][0]["zuletzt_geprueft"] == "2026-03-31"
    assert run(given, source, "--geprueft", "31.03.2026") == 2
    assert "„31.03.2026“ ist kein Datum; schreiben Sie es als JJJJ-MM-TT" in capsys.readouterr().err


def test_a_place_from_elsewhere_without_postcode_is_named_not_made_confidential(tmp_path, capsys):
    """Only a Wegweiser's own export gives a shelter by its town alone; elsewhere a town
    without postcode is an address not yet complete: left out and named, never turned into
    a confidential one (which no map would show)."""
    content = bare_content(tmp_path)
    assert run(content, IMPORTS / "fremd-ohne-pruefdatum.json", "--art", "verein", "--thema", "sucht") == 1
    out = capsys.readouterr().out
    assert "(location „Büro“): Der Ort (Koblenz) hat keine Postleitzahl und wurde nicht übernommen. Tragen Sie die " \
           "Anschrift unter „adressen“ selbst ein; ist es eine Schutzeinrichtung" in out
    assert "online: Kein Ort des Angebots ließ sich übernehmen, aber ein Telefon oder eine E-Mail-Adresse" in out
    written = records_of(content)["suchthilfe-rhein-mosel-e-v.yml"]
    assert "adressen" not in written and "vertraulich" not in str(written)
    assert problems_of(content) == ()


def test_a_services_own_phone_and_email_are_kept_beside_its_contacts(tmp_path, capsys):
    """The switchboard reaches a person whose direct line may not be published; what no
    contact holds becomes a contact of its own; a contact left without any way to reach it
    is named and left out, not the offering."""
    content = bare_content(tmp_path)
    assert run(content, IMPORTS / "fremd-zentrale.json", "--art", "verein", "--thema", "wohnen") == 1
    out = capsys.readouterr().out
    assert "Die Durchwahl 02651 98765-12 wurde nicht übernommen" in out
    assert "(contact „Fax“): Der Kontakt hat weder eine Telefonnummer noch eine E-Mail-Adresse, die sich übernehmen " \
           "lässt, und wurde nicht übernommen." in out
    contacts = records_of(content)["diakonie-mayen.yml"]["angebote"][0]["kontakt"]
    assert contacts == [
        {"rolle": "Beratung", "telefon": "02651 98765-0", "email": "wohnen@diakonie-mayen.beispiel.example",
         "ansprechperson": "Herr Schulz"},
        {"rolle": "Sekretariat", "telefon": "02651 98765-10"}]


def test_a_provider_left_without_offerings_is_named(tmp_path, capsys):
    content = bare_content(tmp_path)
    assert run(content, IMPORTS / "fremd-zentrale.json", "--art", "unbekannte-art", "--thema", "wohnen") == 1
    assert "Der Träger „Diakonie Mayen“ wurde deshalb nicht übernommen (keine Datei geschrieben)." in \
        capsys.readouterr().out
    assert files_of(content) == {}


def test_importing_data_without_a_date_again_keeps_the_date_of_the_first_import(tmp_path, capsys, monkeypatch):
    """A network that syncs a feed without dates every day must not make it look checked."""
    source = IMPORTS / "fremd-ohne-pruefdatum.json"
    content = bare_content(tmp_path)
    monkeypatch.setattr(freshness, "today", lambda: dt.date(2026, 12, 2))
    assert run(content, source, "--art", "verein", "--thema", "sucht") == 1
    written = files_of(content)
    monkeypatch.setattr(freshness, "today", lambda: dt.date(2027, 1, 15))
    assert run(content, source, "--art", "verein", "--thema", "sucht") == 1
    out = capsys.readouterr()
    assert "zuletzt_geprueft: Die Daten nennen kein Prüfdatum (assured_date); es bleibt das Datum des ersten " \
           "Imports; angenommen ist „2026-12-02“." in out.out
    assert files_of(content) == written and "1 unverändert" in out.err


def test_a_point_of_other_data_is_not_taken_over_the_build_places_the_address(tmp_path, capsys):
    """A point from other data is under that data's licence (often ODbL); published as the
    provider's own it would lose its attribution."""
    content = bare_content(tmp_path)
    assert run(content, IMPORTS / "fremd-mit-koordinaten.json", "--art", "verein", "--thema", "sucht") == 1
    assert "(location „Beratungsstelle“): Die Koordinaten (50.3569, 7.589) wurden nicht übernommen: Der Wegweiser " \
           "verortet die Anschrift selbst" in capsys.readouterr().out
    address = records_of(content)["suchthilfe-rhein-mosel-e-v.yml"]["adressen"][0]
    assert address == {"id": "beratungsstelle", "bezeichnung": "Beratungsstelle", "strasse": "Löhrstraße 12",
                       "plz": "56068", "ort": "Koblenz"}


def test_a_fax_is_no_phone_an_extension_belongs_to_its_number_and_a_place_reaches_an_offering(tmp_path, capsys):
    content = bare_content(tmp_path)
    assert run(content, IMPORTS / "fremd-telefone.json", "--art", "verein", "--thema", "schulden") == 1
    out = capsys.readouterr().out
    assert "(contact „Frau Kühn“): Die Nummer 02632 4711-99 ist ein Fax und wurde nicht übernommen." in out
    assert "(organization „Beratungszentrum Andernach e. V.“): Die Nummer 02632 4711-98 ist ein Fax" in out
    assert "Die Durchwahl 02632 4711-15 wurde nicht übernommen" in out  # "Direktwahl" is a direct line, too
    assert "(service „Offener Treff“): kontakt: Das Angebot nennt keinen eigenen Kontakt; übernommen ist der des " \
           "Ortes." in out
    record = records_of(content)["beratungszentrum-andernach-e-v.yml"]
    debts, meeting = record["angebote"]
    assert "telefon" not in record
    assert debts["kontakt"] == [{"rolle": "Beratung", "telefon": "02632 4711-0", "ansprechperson": "Frau Kühn"}]
    assert meeting["kontakt"] == [{"rolle": "Kontakt", "telefon": "02632 5555"}]
