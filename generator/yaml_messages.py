"""Every problem libyaml can report, in plain German with what to do.

libyaml's own words ("found a tab character that violates indentation") mean nothing to
someone who keeps a counselling centre's entry. The keys are the beginnings of its problem
texts (src/scanner.c, src/parser.c, src/reader.c of libyaml); a problem not listed here
gets GENERAL, never the English text. ``context`` is what libyaml was reading when it
stopped ("while scanning a quoted scalar"): for some problems it says more than the
problem does, and its position is where the mistake was made.
"""
from __future__ import annotations

INDENTATION = ("Die Einrückung stimmt nicht: Felder, die zusammengehören, müssen genau gleich weit "
               "eingerückt sein, und zwar nur mit Leerzeichen.")
TAB = "Die Zeile enthält ein Tabulatorzeichen. Bitte rücken Sie nur mit Leerzeichen ein."
QUOTE_OPEN = ("Der Text in Anführungszeichen, der hier beginnt, wird nicht geschlossen. Bitte setzen "
              "Sie an sein Ende das passende schließende Anführungszeichen (\" oder ').")
FORBIDDEN_SYNTAX = ("Hier steht am Anfang eines Wertes ein Zeichen, das YAML als Schreibweise für "
                    "Fortgeschrittene liest (ein Sternchen * oder & wie in Markdown **fett**, ein "
                    "Ausrufezeichen !, ein Prozentzeichen % oder spitze Klammern). Bitte setzen Sie den ganzen "
                    "Text in Anführungszeichen.")
GENERAL = ("Diese Zeile kann nicht gelesen werden. Bitte prüfen Sie: Steht nach jedem Feldnamen "
           "ein Doppelpunkt mit einem Leerzeichen? Sind Felder, die zusammengehören, gleich weit "
           "eingerückt? Sind Anführungszeichen und Klammern geschlossen?")

PROBLEMS = {
    # scanner.c
    "found character that cannot start any token": (
        "Hier steht ein Zeichen, mit dem kein Wert beginnen darf (z. B. @, ` oder ein "
        "Tabulator). Bitte rücken Sie nur mit Leerzeichen ein und setzen Sie Texte, die mit "
        "@ oder ` beginnen, in Anführungszeichen."),
    "found a tab character": TAB,
    "mapping values are not allowed": (
        "Hier steht ein Doppelpunkt, wo keiner stehen darf. Setzen Sie Texte, die einen "
        "Doppelpunkt enthalten, in Anführungszeichen, z. B. name: \"Beratung: Sucht\". Oder "
        "fehlt in der Zeile davor ein Doppelpunkt, ein Anführungszeichen oder eine Klammer?"),
    "mapping keys are not allowed": (
        "Ein Fragezeichen am Anfang eines Wertes ist in YAML ein Zeichen für Fortgeschrittene. "
        "Bitte setzen Sie den Text in Anführungszeichen."),
    "block sequence entries are not allowed": (
        "Hier beginnt ein Listenpunkt („- “), wo keiner stehen darf. Steht der Strich "
        "richtig eingerückt unter dem Feldnamen der Liste? Gehört er zum Text, setzen Sie "
        "den Text in Anführungszeichen."),
    "could not find expected ':'": (
        "Nach einem Feldnamen fehlt der Doppelpunkt mit einem Leerzeichen danach "
        "(name: Beratung), oder die Einrückung stimmt nicht."),
    "found unexpected ':'": (
        "Hier steht ein Doppelpunkt, wo keiner stehen darf. Bitte setzen Sie den Text in "
        "Anführungszeichen."),
    "found unexpected end of stream": (
        "Die Datei endet mitten in einem Text. Fehlt ein schließendes Anführungszeichen?"),
    "found unexpected document indicator": (
        "Eine Zeile „---“ oder „...“ steht mitten in einem Text in Anführungszeichen. Fehlt "
        "davor ein schließendes Anführungszeichen?"),
    "found unknown escape character": (
        "In einem Text in doppelten Anführungszeichen steht ein ungültiger Rückstrich (\\). "
        "Verwenden Sie einfache Anführungszeichen oder verdoppeln Sie den Rückstrich."),
    "found invalid Unicode character escape code": (
        "In einem Text in doppelten Anführungszeichen steht ein ungültiger Zeichencode "
        "(\\u…). Schreiben Sie das Zeichen selbst oder verwenden Sie einfache "
        "Anführungszeichen."),
    "did not find expected hexdecimal number": (
        "In einem Text in doppelten Anführungszeichen steht ein unvollständiger Zeichencode "
        "(\\x…, \\u…). Schreiben Sie das Zeichen selbst oder verwenden Sie einfache "
        "Anführungszeichen."),
    "found an indentation indicator equal to 0": (
        "Nach „|“ oder „>“ steht eine 0. Bitte löschen Sie sie: Der Text darunter wird nur "
        "mit Leerzeichen eingerückt."),
    "did not find expected comment or line break": (
        "Nach „|“ oder „>“ darf in derselben Zeile nichts mehr stehen. Bitte schreiben Sie "
        "den Text eingerückt in die folgenden Zeilen."),
    "found an incorrect leading UTF-8 octet": "Die Datei ist nicht in UTF-8 gespeichert.",
    "found an incorrect trailing UTF-8 octet": "Die Datei ist nicht in UTF-8 gespeichert.",
    "found unknown directive name": FORBIDDEN_SYNTAX,
    "found extremely long version number": FORBIDDEN_SYNTAX,
    "found unexpected non-alphabetical character": FORBIDDEN_SYNTAX,
    "did not find expected '!'": FORBIDDEN_SYNTAX,
    "did not find the expected '>'": FORBIDDEN_SYNTAX,
    "did not find expected whitespace": FORBIDDEN_SYNTAX,
    "did not find expected version number": FORBIDDEN_SYNTAX,
    "did not find expected tag URI": FORBIDDEN_SYNTAX,
    "did not find expected digit or '.' character": FORBIDDEN_SYNTAX,
    "did not find expected alphabetic or numeric character": FORBIDDEN_SYNTAX,
    "did not find URI escaped octet": FORBIDDEN_SYNTAX,
    "could not find expected directive name": FORBIDDEN_SYNTAX,
    # parser.c
    "did not find expected key": INDENTATION,
    "did not find expected '-' indicator": (
        "Die Einrückung einer Liste stimmt nicht: Jeder Listenpunkt beginnt mit „- “ auf "
        "derselben Einrückung."),
    "did not find expected ',' or ']'": "Eine Liste in eckigen Klammern [ ] ist nicht geschlossen.",
    "did not find expected ',' or '}'": "Eine Angabe in geschweiften Klammern { } ist nicht geschlossen.",
    "did not find expected node content": (
        "Hier fehlt ein Wert, oder ein Zeichen steht an falscher Stelle (z. B. ein Komma "
        "oder eine Klammer). Setzen Sie Texte mit solchen Zeichen in Anführungszeichen."),
    "did not find expected <document start>": (
        "Nach dem Ende des Eintrags (eine Zeile „...“ oder „---“) steht noch etwas. Bitte "
        "löschen Sie diese Zeile oder den Text danach."),
    "found duplicate %": FORBIDDEN_SYNTAX,
    "found incompatible YAML document": FORBIDDEN_SYNTAX,
    "found undefined tag handle": FORBIDDEN_SYNTAX,
    # the parser's own, libyaml and PyYAML alike
    "expected <block end>, but found": INDENTATION,
}


def german(problem: str | None, context: str | None) -> tuple[str, bool]:
    """The German message for a libyaml problem, and whether it is about the place where
    ``context`` began (an unclosed quote) rather than where libyaml stopped."""
    if (context or "").startswith(("while scanning a quoted scalar", "while parsing a quoted scalar")) \
            and (problem or "").startswith(("found unexpected end of stream", "found unexpected document")):
        return QUOTE_OPEN, True
    problem = problem or ""
    return next((text for key, text in PROBLEMS.items() if problem.startswith(key)), GENERAL), False
