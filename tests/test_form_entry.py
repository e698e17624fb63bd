"""A submitted "Neues Angebot eintragen" form becomes a valid provider file, or an answer
that says what is missing; bodies are real issue-form Markdown (tests/fixtures/formulare/)."""
from __future__ import annotations

import difflib
import json
import re
import shutil

import pytest

from conftest import FIXTURES, REPO, SCHEMAS, prepared, problems_of
from generator import cli
from generator.form_entry import in_form_words
from generator.form_reading import FROM_FORM, LABELS
from test_reminders import HOSTILE, assert_only_as_code

BODIES = FIXTURES / "formulare"


def submit(project, name, capsys, *extra):
    code = cli.main(["--content", str(project), "--schemas", str(SCHEMAS), "formular", "--heute", "2026-11-22",
                     str(BODIES / f"{name}.md"), *extra])
    return code, capsys.readouterr().out


def valid(project) -> bool:
    return problems_of(project) == ()


def test_a_complete_form_for_a_new_provider_becomes_a_new_valid_file(site_copy, capsys):
    code, out = submit(site_copy, "neuer-traeger", capsys)
    assert code == 0
    info = json.loads(out)
    assert info["neuer_traeger"] is True
    written = (site_copy / "traeger" / "beratungsstelle-sonnenschein-e-v.yml").read_text(encoding="utf-8")
    assert "    themen:\n      - schulden\n      - existenzsicherung\n" in written
    assert "zuletzt_geprueft: '2026-11-22'" in written and "sprachen:\n      - de\n      - ru\n" in written
    assert valid(site_copy)


def test_a_form_for_an_existing_provider_adds_the_offering_to_its_file(site_copy, capsys):
    before = (site_copy / "traeger" / "beratung-beispiel.yml").read_text(encoding="utf-8")
    code, out = submit(site_copy, "vorhandener-traeger", capsys)
    assert code == 0 and json.loads(out)["angebot"] == "beratung-beispiel-online-gruppe-fuer-angehoerige"
    directory = prepared(site_copy).directory
    organisation = directory.organisation("beratung-beispiel")
    assert len(organisation.offerings) == before.count("  - id: beratung-beispiel-") + 1
    assert organisation.offerings[-1].online


def test_an_incomplete_form_is_answered_with_everything_missing_and_writes_nothing(site_copy, capsys, tmp_path):
    files = sorted(p.name for p in (site_copy / "traeger").iterdir())
    comment = tmp_path / "kommentar.md"
    code, _ = submit(site_copy, "unvollstaendig", capsys, "--kommentar", str(comment))
    assert code == 1
    text = comment.read_text(encoding="utf-8")
    for expected in ("„Veröffentlichung“", "„Name des Angebots“", "„Themen“", "Postleitzahl und Ort",
                     "Telefonnummer oder eine E-Mail-Adresse", "„Art der Organisation“"):
        assert expected in text
    assert sorted(p.name for p in (site_copy / "traeger").iterdir()) == files


def test_wrong_values_are_named_by_their_form_label(site_copy, capsys):
    code, out = submit(site_copy, "falsche-werte", capsys)
    assert code == 1
    assert "- „Telefon“: `Bitte geben Sie eine Telefonnummer mit Vorwahl an" in out
    assert "- „Postleitzahl“: `Eine deutsche Postleitzahl hat genau fünf Ziffern" in out
    assert "- „Internetseite des Angebots“: `Bitte geben Sie eine vollständige Internetadresse an" in out


def test_hostile_answers_stay_plain_text_in_a_valid_file(site_copy, capsys):
    code, out = submit(site_copy, "feindlich", capsys)
    assert code == 0
    directory = prepared(site_copy).directory
    organisation = next(o for o in directory.organisations if o.id.startswith("script"))
    assert str(organisation.name) == "</script><script>alert(1)</script> ${alert(2)}"
    assert organisation.offerings[0].id.endswith("name-gekapert-id-boese")  # one offering, no injected keys
    assert "!!python" in organisation.offerings[0].description.de  # kept as text, never a tag


def test_a_czech_shelter_gets_a_confidential_address_without_street(site_copy, capsys):
    code, out = submit(site_copy, "tschechisch-vertraulich", capsys)
    assert code == 0
    directory = prepared(site_copy).directory
    [address] = directory.organisation("azylovy-dum-usti").addresses
    assert (address.country, address.town, address.street, address.confidential) == ("CZ", "Ústí nad Labem", "", True)
    written = (site_copy / "traeger" / "azylovy-dum-usti.yml").read_text(encoding="utf-8")
    assert "strasse" not in written and "vertraulich: ja" in written


@pytest.mark.parametrize("name", ["neuer-traeger", "vorhandener-traeger", "tschechisch-vertraulich"])
def test_every_accepted_form_leaves_the_whole_directory_valid(site_copy, capsys, name):
    assert submit(site_copy, name, capsys)[0] == 0
    assert valid(site_copy)


def test_long_names_still_give_an_id_within_the_limit(site_copy, capsys, tmp_path):
    body = (BODIES / "neuer-traeger.md").read_text(encoding="utf-8")
    body = body.replace("Beratungsstelle Sonnenschein e. V.", "Gemeinnützige Beratungs- und Begegnungsstätte " * 3)
    body = body.replace("Schuldnerberatung Sonnenschein", "Schuldner- und Insolvenzberatung mit Hausbesuchen " * 3)
    (tmp_path / "lang.md").write_text(body, encoding="utf-8")
    code = cli.main(["--content", str(site_copy), "--schemas", str(SCHEMAS), "formular", "--heute", "2026-11-22",
                     str(tmp_path / "lang.md")])
    assert code == 0
    assert len(json.loads(capsys.readouterr().out)["angebot"]) <= 80


def test_submitted_values_in_the_comment_are_code_that_mentions_and_links_no_one(site_copy, capsys, tmp_path):
    comment = tmp_path / "kommentar.md"
    assert submit(site_copy, "erwaehnungen", capsys, "--kommentar", str(comment))[0] == 1
    text = comment.read_text(encoding="utf-8")
    for submitted in ("#1 @org/team ``", "@user &commat;user &#64;user", "[x](https://evil.example) <img src=x"):
        assert_only_as_code(text, submitted)
    assert "- „Telefon“: `" in text  # the form's own label stays plain


@pytest.mark.parametrize("text", HOSTILE)
def test_an_unknown_provider_id_is_repeated_only_as_code(site_copy, capsys, tmp_path, text):
    body = (BODIES / "neuer-traeger.md").read_text(encoding="utf-8").replace(
        "### Kennung Ihres Trägers (falls schon im Verzeichnis)\n\n_No response_",
        f"### Kennung Ihres Trägers (falls schon im Verzeichnis)\n\nx {text}", 1)
    (tmp_path / "formular.md").write_text(body, encoding="utf-8")
    code = cli.main(["--content", str(site_copy), "--schemas", str(SCHEMAS), "formular", "--heute", "2026-11-22",
                     str(tmp_path / "formular.md"), "--kommentar", str(tmp_path / "kommentar.md")])
    assert code == 1
    text_in_comment = (tmp_path / "kommentar.md").read_text(encoding="utf-8")
    assert "Einen Träger mit der Kennung `" in text_in_comment
    assert "wurden nicht übernommen, weil Ihr Träger schon im Verzeichnis steht" not in text_in_comment
    assert_only_as_code(text_in_comment, f"x {text}")


def test_an_existing_provider_file_ending_in_yaml_gets_the_offering(site_copy, capsys):
    (site_copy / "traeger" / "beratung-beispiel.yml").rename(site_copy / "traeger" / "beratung-beispiel.yaml")
    code, out = submit(site_copy, "vorhandener-traeger", capsys)
    assert code == 0 and json.loads(out)["datei"].endswith("traeger/beratung-beispiel.yaml")
    assert not (site_copy / "traeger" / "beratung-beispiel.yml").exists()
    assert valid(site_copy)


@pytest.fixture
def content_copy(tmp_path):
    """A writable copy of the real content: Caritas Rhein-Berg, the regions of the Erzgebirge."""
    target = tmp_path / "project" / "content"
    shutil.copytree(REPO / "content", target)
    return target


def submit_with_texts(project, name, capsys, tmp_path):
    """Run the form as the workflow does; the comment, the pull request's title and description."""
    texts = {key: tmp_path / f"{key}.txt" for key in ("kommentar", "titel", "beschreibung")}
    options = [part for key, path in texts.items() for part in (f"--{key}", str(path))]
    code, out = submit(project, name, capsys, *options)
    return code, out, {key: path.read_text(encoding="utf-8") if path.exists() else "" for key, path in texts.items()}


def test_a_heading_inside_the_description_stays_part_of_it(site_copy, capsys):
    assert submit(site_copy, "ueberschrift-in-beschreibung", capsys)[0] == 0
    organisation = next(o for o in prepared(site_copy).directory.organisations if o.id.startswith("beratungsstelle"))
    assert organisation.offerings[0].description.de.endswith("### Ablauf\n\nErst ein Termin, dann die Beratung.")


@pytest.mark.parametrize("name", sorted(path.stem for path in BODIES.glob("*.md")))
def test_githubs_placeholder_for_an_empty_answer_is_never_quoted_or_written(content_copy, capsys, tmp_path, name):
    before = {path: path.read_text(encoding="utf-8") for path in (content_copy / "traeger").iterdir()}
    code, out, texts = submit_with_texts(content_copy, name, capsys, tmp_path)
    written = [path.read_text(encoding="utf-8") for path in (content_copy / "traeger").iterdir()
               if before.get(path) != path.read_text(encoding="utf-8")]
    assert (code == 0) == bool(written)
    for text in [out, *texts.values(), *written]:
        assert "No response" not in text


def test_a_provider_id_inside_the_description_cannot_add_to_another_providers_file(content_copy, capsys):
    caritas = (content_copy / "traeger" / "caritas-rhein-berg.yml").read_text(encoding="utf-8")
    code, out = submit(content_copy, "kennung-in-beschreibung", capsys)
    assert code == 0 and json.loads(out)["neuer_traeger"] is True
    assert (content_copy / "traeger" / "caritas-rhein-berg.yml").read_text(encoding="utf-8") == caritas


def test_an_offering_for_an_existing_provider_only_adds_lines_and_says_so(content_copy, capsys, tmp_path):
    path = content_copy / "traeger" / "caritas-rhein-berg.yml"
    before = path.read_text(encoding="utf-8")
    code, out, texts = submit_with_texts(content_copy, "caritas-neues-angebot", capsys, tmp_path)
    assert code == 0, texts["kommentar"]
    after = path.read_text(encoding="utf-8")
    changes = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and line[:3] not in ("+++", "---")]
    assert changes and all(line.startswith("+") for line in changes), changes  # comments and layout kept
    assert after.startswith(before.split("angebote:")[0])  # the address "Musterstraße 1" already exists
    assert "\n  - id: caritas-rhein-berg-schuldnerberatung-sonnenschein\n    name: Schuldnerberatung Sonnenschein\n" \
        in after
    assert "    regionen:\n      - rheinisch-bergischer-kreis\n" in after
    assert texts["titel"].startswith("Änderung am Träger caritas-rhein-berg: neues Angebot "
                                     "„caritas-rhein-berg-schuldnerberatung-sonnenschein“")
    assert "`content/traeger/caritas-rhein-berg.yml`" in texts["beschreibung"]
    assert "vorhandene Anschrift `bergisch-gladbach`" in texts["beschreibung"]
    assert "„Rheinisch-Bergischer Kreis“ (aus dem Ort abgeleitet)" in texts["beschreibung"]
    assert valid(content_copy)


def test_the_regions_come_from_the_town_most_specific_first(content_copy, capsys, tmp_path):
    code, out, texts = submit_with_texts(content_copy, "neuer-traeger", capsys, tmp_path)
    assert code == 0
    offering = next(o for o in prepared(content_copy).directory.offerings if o.id == json.loads(out)["angebot"])
    assert list(offering.regions) == ["versorgungsregion-aue-schwarzenberg"]  # not also the Erzgebirgskreis
    assert "Zuständig für: „Versorgungsregion Aue/Schwarzenberg“ (aus dem Ort abgeleitet)." in texts["kommentar"]


def test_ticked_regions_are_taken_as_they_are(content_copy, capsys, tmp_path):
    body = (BODIES / "neuer-traeger.md").read_text(encoding="utf-8") + "\n"
    body = body.replace("### Zuständig für (Regionen)\n", "### Zuständig für (Regionen)\n\n- [X] Erzgebirgskreis\n")
    (tmp_path / "formular.md").write_text(body, encoding="utf-8")
    assert cli.main(["--content", str(content_copy), "--schemas", str(SCHEMAS), "formular",
                     str(tmp_path / "formular.md")]) == 0
    offering_id = json.loads(capsys.readouterr().out)["angebot"]
    offering = next(o for o in prepared(content_copy).directory.offerings if o.id == offering_id)
    assert list(offering.regions) == ["erzgebirgskreis"]


def test_a_form_from_before_the_regions_field_gets_the_regions_from_the_town_and_says_so(content_copy, capsys,
                                                                                         tmp_path):
    code, out, texts = submit_with_texts(content_copy, "altes-formular-ohne-regionen", capsys, tmp_path)
    assert code == 0, texts["kommentar"]
    offering = next(o for o in prepared(content_copy).directory.offerings if o.id == json.loads(out)["angebot"])
    assert list(offering.regions) == ["versorgungsregion-aue-schwarzenberg"]
    said = "Ihr Formular hat noch kein Feld „Zuständig für (Regionen)“ (es kam später dazu)."
    assert said in texts["kommentar"] and said in texts["beschreibung"]
    assert "„Versorgungsregion Aue/Schwarzenberg“ (aus dem Ort abgeleitet)" in texts["kommentar"]
    assert "in einem Kommentar, für welche Regionen" in texts["kommentar"]
    assert "kreuzen Sie unter „Zuständig für (Regionen)“" not in texts["kommentar"]  # the old form has no boxes


def test_a_form_from_before_the_regions_field_without_an_address_is_said_to_have_no_region(site_copy, capsys,
                                                                                          tmp_path):
    body = (BODIES / "online-ohne-ort.md").read_text(encoding="utf-8")
    start, end = body.index("### Zuständig für (Regionen)"), body.index("### Sprechzeiten")
    body = body[:start] + body[end:]
    body = body.replace("Musterstraße 5\n", "_No response_\n").replace("09366\n", "_No response_\n")
    (tmp_path / "formular.md").write_text(body, encoding="utf-8")
    code = cli.main(["--content", str(site_copy), "--schemas", str(SCHEMAS), "formular", "--heute", "2026-11-22",
                     str(tmp_path / "formular.md"), "--kommentar", str(tmp_path / "kommentar.md")])
    comment = (tmp_path / "kommentar.md").read_text(encoding="utf-8")
    assert code == 0, comment
    assert "(es kam später dazu). Das Angebot ist darum keiner Region zugeordnet." in comment


def test_a_town_in_no_region_is_said(site_copy, capsys, tmp_path):
    code, _, texts = submit_with_texts(site_copy, "neuer-traeger", capsys, tmp_path)
    assert code == 0
    assert "Der Ort `Stollberg/Erzgeb.` liegt in keiner Region des Wegweisers" in texts["kommentar"]
    assert "Der Ort `Stollberg/Erzgeb.` liegt in keiner Region" in texts["beschreibung"]


def test_line_breaks_in_the_opening_hours_are_kept(site_copy, capsys):
    assert submit(site_copy, "neuer-traeger", capsys)[0] == 0
    written = (site_copy / "traeger" / "beratungsstelle-sonnenschein-e-v.yml").read_text(encoding="utf-8")
    assert "    sprechzeiten_hinweis: |-\n      Di und Do 9 bis 12 Uhr,\n      sonst nach Vereinbarung\n" in written


def test_an_address_without_its_town_is_asked_for_not_dropped(site_copy, capsys, tmp_path):
    code, _, texts = submit_with_texts(site_copy, "online-ohne-ort", capsys, tmp_path)
    assert code == 1
    assert "Zur Anschrift fehlt der Ort." in texts["kommentar"] and not texts["titel"]


def test_the_typed_part_of_an_incomplete_address_is_checked_in_the_same_round(site_copy, capsys, tmp_path):
    body = (BODIES / "online-ohne-ort.md").read_text(encoding="utf-8").replace(
        "### Postleitzahl\n\n09366", "### Postleitzahl\n\n0936")
    (tmp_path / "formular.md").write_text(body, encoding="utf-8")
    assert cli.main(["--content", str(site_copy), "--schemas", str(SCHEMAS), "formular",
                     str(tmp_path / "formular.md")]) == 1
    out = capsys.readouterr().out
    assert "Zur Anschrift fehlt der Ort." in out and "- „Postleitzahl“: `Eine deutsche Postleitzahl" in out


def test_every_answer_not_taken_over_is_said_in_the_comment_and_the_pull_request(content_copy, capsys, tmp_path):
    code, _, texts = submit_with_texts(content_copy, "hinweise", capsys, tmp_path)
    assert code == 0, texts["kommentar"]
    for said in ("`Astrologie` angekreuzt", "„Land“ wurde nicht übernommen",
                 "„Name der Organisation“ und „Art der Organisation“ wurden nicht übernommen"):
        assert said in texts["kommentar"] and said in texts["beschreibung"], said


def test_a_confidential_address_says_that_street_and_postcode_are_left_out(site_copy, capsys, tmp_path):
    code, _, texts = submit_with_texts(site_copy, "tschechisch-vertraulich", capsys, tmp_path)
    assert code == 0
    assert "Straße und Postleitzahl wurden nicht übernommen" in texts["kommentar"]


def test_one_comment_names_missing_and_wrong_answers_together(site_copy, capsys, tmp_path):
    code, _, texts = submit_with_texts(site_copy, "fehlend-und-falsch", capsys, tmp_path)
    assert code == 1
    comment = texts["kommentar"]
    assert "Bitte füllen Sie „Kontakt: wofür“ aus." in comment
    assert "- „Telefon“: `Bitte geben Sie eine Telefonnummer mit Vorwahl an" in comment
    assert "- „Postleitzahl“: `Eine deutsche Postleitzahl hat genau fünf Ziffern" in comment
    assert "wählen Sie unter „Land“ „Tschechien“" in comment and "land: CZ" not in comment


@pytest.mark.parametrize(("body", "extra", "said"), [
    (b"\x9f\x00\xff", [], "nicht in UTF-8"),
    (None, [], "Datei nicht gefunden"),
    (b"### x\n", ["--heute", "morgen"], "Datum wie 2026-12-01"),
])
def test_an_unreadable_body_or_a_wrong_date_is_wrong_use_with_a_message_not_a_traceback(
        site_copy, tmp_path, capsys, body, extra, said):
    path = tmp_path / "issue.md"
    if body is not None:
        path.write_bytes(body)
    assert cli.main(["--content", str(site_copy), "--schemas", str(SCHEMAS), "formular", *extra, str(path)]) == 2
    assert said in capsys.readouterr().err


def with_answer(body: str, label: str, answer: str) -> str:
    """The body with the answer under "### <label>" replaced."""
    start = body.index(f"### {label}\n") + len(f"### {label}\n")
    end = body.find("\n### ", start)
    return body[:start] + f"\n{answer}\n" + (body[end:] if end >= 0 else "")


LONG = "Sehr viel Text. " * 1300  # longer than any text field of the file allows
# For each field of the form: an answer, and what the comment says about it.
EACH_FIELD = {
    "traeger_kennung": ("gibt-es-nicht", "Einen Träger mit der Kennung `gibt-es-nicht` gibt es nicht."),
    "traeger_name": ("Verein " * 40, "- „Name der Organisation“: `Der Text ist 279 Zeichen lang; erlaubt sind "
                                     "höchstens 200."),
    "traeger_art": ("Astrologie", "Unter „Art der Organisation“ steht `Astrologie`; das bietet das Formular nicht an."),
    "angebot_name": ("Beratung " * 30, "- „Name des Angebots“: `Der Text ist 269 Zeichen lang"),
    "beschreibung": (LONG, "- „Beschreibung“: `Der Text ist 20799 Zeichen lang"),
    "leichte_sprache": (LONG, "- „In Leichter Sprache (freiwillig)“: `Der Text ist 20799 Zeichen lang"),
    "themen": ("- [ ] Schulden", "Bitte kreuzen Sie bei „Themen“ mindestens eine Antwort an."),
    "zielgruppen": ("- [ ] Familien", "Bitte kreuzen Sie bei „Zielgruppen“ mindestens eine Antwort an."),
    "strasse": ("Weg " * 60, "- „Straße und Hausnummer“: `Der Text ist 239 Zeichen lang"),
    "plz": ("0936", "- „Postleitzahl“: `Eine deutsche Postleitzahl hat genau fünf Ziffern, z. B. „01307“ oder „09366“. "
                    "Für eine Adresse in Tschechien wählen Sie unter „Land“ „Tschechien“. Gefunden: „0936“.`"),
    "ort": ("Ort " * 30, "- „Ort“: `Der Text ist 119 Zeichen lang; erlaubt sind höchstens 100."),
    "land": ("Polen", "Unter „Land“ steht `Polen`; das bietet das Formular nicht an."),
    "wo": ("- [X] Im Park", "Unter „Wo findet das Angebot außerdem statt?“ ist `Im Park` angekreuzt"),
    "regionen": ("- [X] Mars", "Unter „Zuständig für (Regionen)“ ist `Mars` angekreuzt"),
    "sprechzeiten": (LONG, "- „Sprechzeiten“: `Der Text ist 20799 Zeichen lang"),
    "kosten": ("Gratis", "Unter „Kosten“ steht `Gratis`; das bietet das Formular nicht an."),
    "zugang": ("- [ ] Mit Termin", "Bitte kreuzen Sie bei „Zugang“ mindestens eine Antwort an."),
    "sprachen": ("- [X] Klingonisch", "Unter „Sprachen der Beratung“ ist `Klingonisch` angekreuzt"),
    "barrierefreiheit": ("- [X] Rutsche", "Unter „Barrierefreiheit“ ist `Rutsche` angekreuzt"),
    "kontakt_rolle": ("Rolle " * 40, "- „Kontakt: wofür“: `Der Text ist 239 Zeichen lang"),
    "telefon": ("abc", "- „Telefon“: `Bitte geben Sie eine Telefonnummer mit Vorwahl an"),
    "email": ("x at y", "- „E-Mail“: `Bitte geben Sie eine E-Mail-Adresse wie „beratung@beispiel.de“ an"),
    "webseite": ("www.x.de", "- „Internetseite des Angebots“: `Bitte geben Sie eine vollständige Internetadresse an"),
    "einverstaendnis": ("- [ ] Ja", "Bitte bestätigen Sie unter „Veröffentlichung“"),
}
FILE_KEYS = sorted({key for keys in FROM_FORM.values() for key in keys})


def test_every_field_of_the_form_has_a_message_below():
    assert set(EACH_FIELD) == set(LABELS)


@pytest.mark.parametrize("field_id", sorted(EACH_FIELD))
def test_a_message_about_each_field_names_it_by_its_form_label_not_the_files_key(site_copy, capsys, tmp_path,
                                                                                 field_id):
    answer, said = EACH_FIELD[field_id]
    body = with_answer((BODIES / "neuer-traeger.md").read_text(encoding="utf-8"), LABELS[field_id], answer)
    (tmp_path / "formular.md").write_text(body, encoding="utf-8")
    cli.main(["--content", str(site_copy), "--schemas", str(SCHEMAS), "formular", "--heute", "2026-11-22",
              str(tmp_path / "formular.md"), "--kommentar", str(tmp_path / "kommentar.md")])
    comment = (tmp_path / "kommentar.md").read_text(encoding="utf-8")
    assert said in comment
    assert not re.search(f"„(?:{'|'.join(FILE_KEYS)})(?:: [^“]*)?“", comment), comment


def test_a_field_of_the_file_named_in_a_message_is_said_in_the_forms_words_but_a_typed_value_is_kept():
    message = "Für eine Adresse in Tschechien schreiben Sie „land: CZ“. Gefunden: „ergänzen Sie „land: CZ““."
    assert in_form_words(message, ["adressen", "plz"], ["ergänzen Sie „land: CZ“"]) == (
        "Für eine Adresse in Tschechien wählen Sie unter „Land“ „Tschechien“. Gefunden: „ergänzen Sie „land: CZ““.")
    assert in_form_words("Bitte geben Sie an, wo das Angebot stattfindet: „orte“ (Adressen des Trägers), "
                         "„aufsuchend: ja“ oder „online: ja“.", ["angebote"]) == (
        "Bitte geben Sie an, wo das Angebot stattfindet: „Ort“ (Adressen des Trägers), „aufsuchend“ oder „online“.")
    assert in_form_words("Wer „strasse“ angibt, muss auch „plz“ angeben. Bitte schreiben Sie „ja“ oder „nein“.",
                         ["adressen", "plz"]) == ("Wer „Straße und Hausnummer“ angibt, muss auch „Postleitzahl“ "
                                                  "angeben. Bitte schreiben Sie „ja“ oder „nein“.")
