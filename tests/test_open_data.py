"""The open data files: HSDS as JSON tables and as a CSV datapackage, the same for the
same records, with every column of the specification."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import stat
import zipfile

import pytest

from conftest import prepared, site_settings, with_cached_point
from generator import open_data
from generator.freshness import Limits
from generator.hsds import TABLE_FILES
from generator.hsds_tables import COLUMNS
from generator.settings import OpenDataSettings, SettingsError
from hsds_schemas import HSDS

DAY = dt.date(2026, 11, 22)


def files_of(**settings) -> dict[str, bytes]:
    directory = prepared()
    return {file.name: file.content for file in open_data.data_files(
        directory.directory, directory.vocabularies, site_settings(**settings), Limits(today=DAY))}


def test_the_same_records_give_the_same_files_byte_for_byte():
    assert files_of() == files_of()


def test_the_csv_datapackage_holds_every_table_with_every_column_of_the_specification():
    with zipfile.ZipFile(io.BytesIO(files_of()["hsds-csv.zip"])) as archive:
        package = json.loads(archive.read("datapackage.json"))
        assert sorted(archive.namelist()) == sorted(["datapackage.json", *TABLE_FILES.values()])
        tables = json.loads(files_of()["hsds.json"])
        for resource in package["resources"]:
            rows = list(csv.DictReader(io.StringIO(archive.read(resource["path"]).decode("utf-8"))))
            assert [field["name"] for field in resource["schema"]["fields"]] == list(COLUMNS[resource["name"]])
            assert len(rows) == len(tables[resource["name"]])
    assert package["licenses"][0] == {"name": "CC-BY-4.0", "title": "CC BY 4.0",
                                      "path": "https://creativecommons.org/licenses/by/4.0/deed.de"}


def package_of(directory=None, **settings) -> dict:
    return open_data.package(site_settings(**settings), directory or prepared().directory)


def test_the_datapackage_names_the_sources_of_the_points_it_holds():
    package = package_of()  # the fixture's points: town centres and one typed into its record
    assert package["sources"] == [{"title": "Ortsdaten: GeoNames (CC BY 4.0)", "path": "https://www.geonames.org/"}]
    assert [licence["name"] for licence in package["licenses"]] == ["CC-BY-4.0"]  # GeoNames' is the data's
    assert "GeoNames: 2; Eintrag des Trägers: 1" in package["description"]
    assert "„koordinatenquelle“ in attributes.csv" in package["description"]


def test_the_datapackage_is_titled_with_the_site_s_name_and_whom_to_name():
    site = "Wegweiser Erzgebirge"
    assert package_of(german_site_name=site)["title"] == site
    assert package_of(german_site_name=site, open_data=OpenDataSettings(attribution="Landkreis Beispiel"))[
        "title"] == "Wegweiser Erzgebirge: Landkreis Beispiel"
    with zipfile.ZipFile(io.BytesIO(files_of(german_site_name=site)["hsds-csv.zip"])) as archive:
        assert json.loads(archive.read("datapackage.json"))["title"] == site


def test_the_feeds_carry_the_site_s_name():
    feed = files_of(german_site_name="Wegweiser Erzgebirge")["termine.ics"].decode("utf-8")
    assert "X-WR-CALNAME:Termine – Wegweiser Erzgebirge\r\n" in feed


def test_points_from_openstreetmap_are_named_with_their_own_licence_in_the_datapackage():
    directory, _ = with_cached_point(prepared().directory)
    package = package_of(directory)
    assert {"title": "Geodaten © OpenStreetMap-Mitwirkende (ODbL)",
            "path": "https://www.openstreetmap.org/copyright"} in package["sources"]
    assert package["licenses"][1] == {"name": "ODbL-1.0", "path": "https://opendatacommons.org/licenses/odbl/1-0/",
                                      "title": "ODbL 1.0 (Koordinaten aus OpenStreetMap)"}
    assert "Ausgenommen von der Lizenz CC BY 4.0 sind die Koordinaten aus OpenStreetMap" in package["description"]
    # Data under the ODbL: then OpenStreetMap's points are no exception, GeoNames' are.
    odbl = package_of(directory, open_data=OpenDataSettings("ODbL 1.0"))
    assert [licence["name"] for licence in odbl["licenses"]] == ["ODbL-1.0", "CC-BY-4.0"]
    assert "sind die Koordinaten aus GeoNames: Sie stehen unter der Lizenz CC BY 4.0." in odbl["description"]
    assert "aus OpenStreetMap:" not in odbl["description"]
    own = package_of(open_data=OpenDataSettings("Eigene Lizenz", "https://beispiel.de/lizenz"))
    # A licence of one's own has no Open Definition id; GeoNames' points stay under theirs.
    assert own["licenses"][0] == {"path": "https://beispiel.de/lizenz", "title": "Eigene Lizenz"}
    assert own["licenses"][1]["name"] == "CC-BY-4.0"


def test_the_csv_files_unzip_readable_for_everyone():
    with zipfile.ZipFile(io.BytesIO(files_of()["hsds-csv.zip"])) as archive:
        # unzip gives each file the Unix mode in the entry's upper 16 bits: rw-r--r--, not owner-only.
        assert {stat.filemode(stat.S_IFREG | info.external_attr >> 16) for info in archive.infolist()} == {
            "-rw-r--r--"}


def test_a_csv_cell_is_what_the_json_holds():
    tables = json.loads(files_of()["hsds.json"])
    with zipfile.ZipFile(io.BytesIO(files_of()["hsds-csv.zip"])) as archive:
        services = list(csv.DictReader(io.StringIO(archive.read("services.csv").decode("utf-8"))))
    first = tables["service"][0]
    assert {key: services[0][key] for key in first} == {key: str(value) for key, value in first.items()}


@pytest.mark.parametrize("table", sorted(COLUMNS))
def test_the_columns_are_the_scalar_fields_of_the_official_schema_in_its_order(table):
    schema = json.loads((HSDS / f"{table}.json").read_text(encoding="utf-8"))
    scalar = {name: (field.get("type"), field.get("format")) for name, field in schema["properties"].items()
              if field.get("type") not in ("array", "object") and "$ref" not in field}
    assert COLUMNS[table] == scalar


def test_the_licence_is_named_with_its_text_and_another_needs_its_address():
    assert OpenDataSettings().url == "https://creativecommons.org/licenses/by/4.0/deed.de"
    assert OpenDataSettings().link("cs") == "https://creativecommons.org/licenses/by/4.0/deed.cs"
    assert OpenDataSettings("CC0 1.0").link("en") == "https://creativecommons.org/publicdomain/zero/1.0/deed.en"
    assert OpenDataSettings("dl-de/by-2-0").link("en") == "https://www.govdata.de/dl-de/by-2-0"
    assert OpenDataSettings("Eigene Lizenz", "https://beispiel.de/lizenz").url == "https://beispiel.de/lizenz"
    with pytest.raises(SettingsError, match="open_data.licence_url"):
        OpenDataSettings("Eigene Lizenz")
