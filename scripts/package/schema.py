"""Table Schemas of the package's resources, with field descriptions in English
(`description`, the Frictionless property) and Danish (`description_da`).

This is the one place where the package's fields are described: the build writes it
into datapackage.json and the site's data dictionary is generated from that.
"""

from __future__ import annotations

from typing import Any

from package.sources import ALL_FLAGS, CHECKS, KINDS

FLAG_PATTERN = "^({0})(;({0}))*$".format("|".join(ALL_FLAGS))
CODE = "^[a-z0-9]+(_[a-z0-9]+)*$"

# (name, type, required, English description, Danish description, constraints)
FieldSpec = tuple[str, str, bool, str, str, dict[str, Any]]

TABLES: list[FieldSpec] = [
    (
        "table_id",
        "string",
        True,
        "Identifier: T01–T53 for tables, F01–F18 for figures.",
        "Id: T01–T53 for tabeller, F01–F18 for figurer.",
        {"unique": True, "pattern": "^(T|F)[0-9]{2}$"},
    ),
    (
        "kind",
        "string",
        True,
        "table, figure (with numbers) or diagram (no numbers).",
        "table (tabel), figure (figur med tal) eller diagram (uden tal).",
        {"enum": list(KINDS)},
    ),
    (
        "number",
        "integer",
        True,
        "The table's or figure's number in the report.",
        "Tabellens eller figurens nummer i rapporten.",
        {},
    ),
    ("title_da", "string", True, "Title as printed (Danish).", "Titel som trykt (dansk).", {}),
    ("title_en", "string", True, "Title in English.", "Titel på engelsk.", {}),
    (
        "question_da",
        "string",
        False,
        "Survey question or heading as printed (Danish); empty if none.",
        "Spørgsmål eller overskrift som trykt (dansk); tom hvis ingen.",
        {},
    ),
    (
        "question_en",
        "string",
        False,
        "Survey question or heading in English; empty if none.",
        "Spørgsmål eller overskrift på engelsk; tom hvis ingen.",
        {},
    ),
    (
        "source_da",
        "string",
        True,
        "The printed source line ('Kilde').",
        'Den trykte kildelinje ("Kilde").',
        {},
    ),
    ("source_en", "string", True, "The source line in English.", "Kildelinjen på engelsk.", {}),
    (
        "population_da",
        "string",
        False,
        "Who answered or what is counted (Danish).",
        "Hvem der har svaret, eller hvad der tælles (dansk).",
        {},
    ),
    (
        "population_en",
        "string",
        False,
        "Who answered or what is counted (English).",
        "Hvem der har svaret, eller hvad der tælles (engelsk).",
        {},
    ),
    (
        "page",
        "integer",
        True,
        "Printed page number in the report (PDF page minus 2).",
        "Trykt sidetal i rapporten (PDF-side minus 2).",
        {},
    ),
    (
        "pdf_page",
        "integer",
        True,
        "Page number in the PDF (and line prefix in the seed transcript).",
        "Sidetal i PDF'en (og linjens nummer i kildeteksten).",
        {},
    ),
    ("chapter", "integer", True, "Chapter of the report.", "Rapportens kapitel.", {}),
    (
        "multiple_response",
        "boolean",
        True,
        "True when respondents could give several answers, so shares need not sum to 100.",
        "Sand, når man kunne give flere svar, så andelene ikke summerer til 100.",
        {},
    ),
    (
        "sum_axis",
        "string",
        True,
        "How the shares add up to 100 (or to the printed total): across the columns of a row, "
        "down the rows of a column, or none (multiple response or independent shares).",
        "Hvordan andelene summerer til 100 (eller den trykte total): hen over en rækkes kolonner "
        "(columns), ned ad en kolonnes rækker (rows) eller slet ikke (none).",
        {"enum": ["rows", "columns", "none"]},
    ),
    (
        "note_da",
        "string",
        False,
        "Printed note and transcription notes (Danish).",
        "Trykt note og transskriptionsnoter (dansk).",
        {},
    ),
    (
        "note_en",
        "string",
        False,
        "Printed note and transcription notes (English).",
        "Trykt note og transskriptionsnoter (engelsk).",
        {},
    ),
    (
        "in_package",
        "boolean",
        True,
        "True when the table's cells are in the observations resource (false for diagrams "
        "without numbers).",
        "Sand, når tabellens celler er i observations (falsk for diagrammer uden tal).",
        {},
    ),
    (
        "cell_count",
        "integer",
        True,
        "Number of cells of this table in observations.",
        "Antal celler fra tabellen i observations.",
        {},
    ),
]

OBSERVATIONS: list[FieldSpec] = [
    (
        "table_id",
        "string",
        True,
        "Table or figure the cell belongs to (see resource tables).",
        "Tabel eller figur, cellen hører til (se tables).",
        {},
    ),
    (
        "row_id",
        "string",
        True,
        "Stable identifier of the row within the table.",
        "Rækkens faste id i tabellen.",
        {"pattern": CODE},
    ),
    (
        "row_label_da",
        "string",
        True,
        "Row label as printed (Danish); […] marks a number the transcript lost.",
        "Rækkens tekst som trykt (dansk); […] markerer et tal, der er tabt i kildeteksten.",
        {},
    ),
    ("row_label_en", "string", True, "Row label in English.", "Rækkens tekst på engelsk.", {}),
    (
        "row_order",
        "integer",
        True,
        "Position of the row in the printed table (1 = first).",
        "Rækkens plads i den trykte tabel (1 = første).",
        {},
    ),
    (
        "group",
        "string",
        True,
        "Respondent group or sub-population (see resource codes).",
        "Svargruppe eller delpopulation (se codes).",
        {},
    ),
    ("group_label_da", "string", True, "Group label (Danish).", "Gruppens navn (dansk).", {}),
    ("group_label_en", "string", True, "Group label (English).", "Gruppens navn (engelsk).", {}),
    (
        "column_id",
        "string",
        True,
        "Response category or column (see resource codes).",
        "Svarkategori eller kolonne (se codes).",
        {},
    ),
    ("column_label_da", "string", True, "Column label (Danish).", "Kolonnens navn (dansk).", {}),
    ("column_label_en", "string", True, "Column label (English).", "Kolonnens navn (engelsk).", {}),
    (
        "column_order",
        "integer",
        True,
        "Position of the column in the printed table (1 = first).",
        "Kolonnens plads i den trykte tabel (1 = første).",
        {},
    ),
    (
        "percent",
        "number",
        False,
        "Percentage exactly as printed; empty when not printed, hidden or lost (see flags).",
        "Procent præcis som trykt; tom når den ikke er trykt, er skjult eller tabt (se flags).",
        {},
    ),
    (
        "count",
        "integer",
        False,
        "Count exactly as printed; empty when not printed.",
        "Antal præcis som trykt; tom når det ikke er trykt.",
        {},
    ),
    (
        "base",
        "integer",
        False,
        "The N the percentage refers to (row or column total, or the N printed for the bar).",
        "Det N, procenten er beregnet af (række- eller kolonnetotal eller søjlens trykte N).",
        {},
    ),
    (
        "value",
        "number",
        False,
        "A number that is not a percentage (index on a 0–1 scale, average), as printed.",
        "Et tal, der ikke er en procent (indeks på en skala fra 0 til 1, gennemsnit), som trykt.",
        {},
    ),
    (
        "flags",
        "string",
        False,
        "Semicolon-separated flags: " + ", ".join(ALL_FLAGS) + ".",
        "Markeringer adskilt af semikolon: " + ", ".join(ALL_FLAGS) + ".",
        {"pattern": FLAG_PATTERN},
    ),
    (
        "note",
        "string",
        False,
        "Transcription note for this cell (what was lost, inferred or uncertain, and what was "
        "relied on).",
        "Transskriptionsnote til cellen (hvad der er tabt, udledt eller usikkert, og hvad der "
        "er lagt til grund).",
        {},
    ),
]

ERRATA: list[FieldSpec] = [
    (
        "table_id",
        "string",
        True,
        "Table of the inconsistent cell.",
        "Tabellen med den uoverensstemmende celle.",
        {},
    ),
    (
        "row_id",
        "string",
        True,
        "Row of the cell ('*' when a sum down a column without a total row).",
        'Cellens række ("*" ved en sum ned ad en kolonne uden totalrække).',
        {},
    ),
    ("group", "string", True, "Group of the cell.", "Cellens gruppe.", {}),
    (
        "column_id",
        "string",
        True,
        "Column of the cell ('*' when a sum across a row without a total column).",
        'Cellens kolonne ("*" ved en sum hen over en række uden totalkolonne).',
        {},
    ),
    (
        "check",
        "string",
        True,
        "The arithmetic check that fails.",
        "Det regnetjek, der fejler.",
        {"enum": list(CHECKS)},
    ),
    ("printed", "string", True, "What the report prints.", "Det, rapporten trykker.", {}),
    (
        "implied",
        "string",
        False,
        "The value implied by the other printed numbers, where one can be derived.",
        "Den værdi, de øvrige trykte tal giver, hvor en sådan kan udledes.",
        {},
    ),
    (
        "description_da",
        "string",
        True,
        "What is inconsistent (Danish).",
        "Hvad der ikke stemmer (dansk).",
        {},
    ),
    (
        "description_en",
        "string",
        True,
        "What is inconsistent (English).",
        "Hvad der ikke stemmer (engelsk).",
        {},
    ),
]

CODES: list[FieldSpec] = [
    (
        "kind",
        "string",
        True,
        "group or column.",
        "group (gruppe) eller column (kolonne).",
        {"enum": ["group", "column"]},
    ),
    (
        "code",
        "string",
        True,
        "The code used in observations.group or observations.column_id.",
        "Koden, som den står i observations.group eller observations.column_id.",
        {},
    ),
    ("label_da", "string", True, "Danish label.", "Dansk betegnelse.", {}),
    ("label_en", "string", True, "English label.", "Engelsk betegnelse.", {}),
]

PRIMARY_KEYS = {
    "tables": ["table_id"],
    "observations": ["table_id", "row_id", "group", "column_id"],
    "errata": ["table_id", "row_id", "group", "column_id", "check"],
    "codes": ["kind", "code"],
}
SPECS = {"tables": TABLES, "observations": OBSERVATIONS, "errata": ERRATA, "codes": CODES}
TABLE_REFERENCE = {
    "fields": ["table_id"],
    "reference": {"resource": "tables", "fields": ["table_id"]},
}


def _field(spec: FieldSpec, enums: dict[str, list[str]]) -> dict[str, Any]:
    name, field_type, required, english, danish, constraints = spec
    field: dict[str, Any] = {
        "name": name,
        "type": field_type,
        "description": english,
        "description_da": danish,
    }
    constraints = dict(constraints)
    if name in enums:
        constraints["enum"] = enums[name]
    if required:
        constraints["required"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def schema(resource: str, enums: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The Table Schema of one resource; `enums` adds the code lists known at build time."""
    result: dict[str, Any] = {
        "fields": [_field(spec, enums or {}) for spec in SPECS[resource]],
        "primaryKey": PRIMARY_KEYS[resource],
    }
    if resource in ("observations", "errata"):
        result["foreignKeys"] = [TABLE_REFERENCE]
    return result
