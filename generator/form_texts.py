"""What ``wegweiser formular`` says: the one comment for the person who sent the form, and
the title and description of the pull request that proposes the change.

Ids are slugs (a-z, 0-9, "-") and region names come from the repository; everything the
person typed appears only as inline code, so it can mention, reference or link no one.
"""
from __future__ import annotations

from .form_reading import Proposal
from .markup import code_span

EDIT = "Bitte bearbeiten Sie Ihr Formular oben (⋯ → „Edit“); danach prüfen wir es automatisch neu."


def _list(items: list[str]) -> str:
    return "\n".join(f"- {item}" for item in items) + "\n"


def _regions(proposal: Proposal) -> str:
    names = ", ".join(f"„{region.name.get('de')}“" for region in proposal.regions)
    if not names:
        return ""
    how = "aus dem Ort abgeleitet" if proposal.regions_derived else "wie angekreuzt"
    return f"Zuständig für: {names} ({how})."


def comment(problems: list[str], notes: list[str], proposal: Proposal | None) -> str:
    """The answer to the form: every problem at once, or the proposal; and every note."""
    if problems:
        text = ("Vielen Dank für Ihren Eintrag! Bevor wir ihn aufnehmen können, fehlt noch etwas:\n\n"
                + _list(problems))
        if notes:
            text += "\nAußerdem ist uns aufgefallen:\n\n" + _list(notes)
        return text + f"\n{EDIT}\n"
    text = ("Vielen Dank für Ihren Eintrag! Wir haben daraus einen Vorschlag für den Wegweiser gemacht. "
            "Die Redaktion sieht ihn sich an und nimmt ihn dann auf.\n")
    if proposal is not None and proposal.regions:
        how = ("kreuzen Sie unter „Zuständig für (Regionen)“ die richtigen Regionen an." if proposal.regions_field
               else "schreiben Sie uns bitte in einem Kommentar, für welche Regionen das Angebot zuständig ist.")
        text += f"\n{_regions(proposal)} Wenn das nicht stimmt, {how}\n"
    if notes:
        text += "\nBitte beachten Sie:\n\n" + _list(notes)
    return text + "\nWenn Sie etwas ändern möchten, bearbeiten Sie Ihr Formular oben (⋯ → „Edit“); der Vorschlag " \
                  "wird dann neu erstellt.\n"


def _address(proposal: Proposal) -> str:
    address = proposal.address or {}
    if not proposal.address_new:
        return f"vorhandene Anschrift `{address.get('id', '')}`"
    town = " ".join(address[key] for key in ("plz", "ort") if address.get(key))
    shown = ", ".join(part for part in (address.get("strasse", ""), town, address.get("land", "")) if part)
    secret = " (vertraulich: nur der Ort)" if address.get("vertraulich") else ""
    return f"neue Anschrift `{address['id']}`: {code_span(shown, 200)}{secret}"


def pull_request(proposal: Proposal, notes: list[str]) -> tuple[str, str]:
    """Title and description: what changes in which file, so no change goes unnoticed."""
    where = f"content/{proposal.path.as_posix()}"
    if proposal.new_organisation:
        title = f"Neuer Träger „{proposal.organisation_id}“ mit dem Angebot „{proposal.offering_id}“"
        lines = [f"Legt einen neuen Träger an: `{where}`."]
    else:
        title = f"Änderung am Träger {proposal.organisation_id}: neues Angebot „{proposal.offering_id}“"
        lines = [f"**Ändert die Datei eines vorhandenen Trägers:** `{where}`. Hinzugefügt wird nur, was hier "
                 "steht; alles andere in der Datei bleibt, wie es ist."]
    added = [f"Neues Angebot `{proposal.offering_id}`"]
    if proposal.address:
        added.append("Anschrift: " + _address(proposal))
    added.append(_regions(proposal) or "Zuständig für: keine Region.")
    text = "\n".join(lines) + "\n\n" + _list(added)
    if notes:
        text += "\nHinweise aus dem Formular (auch der Person im Issue gesagt):\n\n" + _list(notes)
    return title, text
