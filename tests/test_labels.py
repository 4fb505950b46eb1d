"""Printed labels are kept whole (issue 10).

Every label below was compared with the seed transcript
(../shared/seed/000_8edc72f3b5a13a6f.txt; seed line = 8 + 2 x PDF page) and is the
printed wording in full, punctuation included, not copied from the YAML sources. Where
the transcript lost a number inside a label it is written "[…]" (README of the sources).
Labels are read from the published datapackage/data/observations.csv.
"""

from __future__ import annotations

import pytest

from conftest import read_csv

# (table, row id, language, label): row labels as printed (Danish) and their translations.
ROW_LABELS = [
    # Seed line 158 (PDF 75, p. 73): the row is named after the question, printed in full.
    (
        "T50",
        "coordination_of_tools",
        "da",
        "Oplevelse af at indførelse af boligsociale bestyrelse har styrket koordineringen af "
        "de forskellige redskaber, som boligorganisation og/eller kommune kan anvende for at "
        "løfte de udsatte boligområder",
    ),
    (
        "T50",
        "coordination_of_tools",
        "en",
        "Experience that the introduction of the social-housing board has strengthened the "
        "coordination of the various tools that the housing organisation and/or municipality "
        "can use to lift the disadvantaged housing areas",
    ),
    # Seed line 144 (PDF 68, p. 66): the question, with its question mark.
    (
        "T42",
        "cooperation_within_board",
        "da",
        "Vurdering af samarbejdet internt i den boligsociale bestyrelse?",
    ),
    (
        "T42",
        "cooperation_within_board",
        "en",
        "Assessment of the cooperation within the social-housing board?",
    ),
    # Seed line 152 (PDF 72, p. 70): bar labels carry their N.
    ("F09", "prioritisation_and_progress", "da", "Prioritering og fremdrift (N=40)"),
    (
        "F09",
        "knowledge_among_key_actors",
        "da",
        "Viden blandt centrale aktører i kommune og boligorganisation (N=50)",
    ),
    # Seed line 154 (PDF 73, p. 71).
    ("F10", "coordination", "da", "Koordinering (Bestyrelse N=71)"),
    (
        "F10",
        "knowledge_among_key_actors",
        "da",
        "Viden blandt centrale aktører i kommune og boligorganisation (Bestyrelse N=119)",
    ),
    (
        "F10",
        "knowledge_among_key_actors",
        "en",
        "Knowledge among key actors in the municipality and housing organisation (Board N=119)",
    ),
    # Seed line 148: "Klart defineret ansvarsfordelin g", a word broken by the transcript.
    ("F08", "clear_division_of_responsibility", "da", "Klart defineret ansvarsfordeling"),
    # Abbreviated or truncated as printed.
    ("T29", "voluntary_associations", "da", "Frivillige foren"),  # line 124
    (
        "T28",
        "new_methods",
        "da",
        "Udvikle nye metoder til at løse udfordr. i de udsatte boligområder",
    ),  # line 122
    ("T10", "organisation_board_members", "da", "Medl. af org. best."),  # line 84
    ("T09", "managing_director", "da", "Adm. dir eller forretningsfører"),  # line 84
    ("T52", "social_housing_staff", "da", "De boligsociale medarbejder"),  # line 160
    ("T36", "communication_forms", "da", "kommunikationsformer"),  # line 132
    # Long labels in full.
    (
        "T25",
        "secretariat",
        "da",
        "Et sekretariat forankret i boligorganisation og/eller kommune",
    ),  # line 114
    ("T33", "adult_residents", "da", "De voksne beboere i boligområdet (30-59 år)"),  # line 128
    (
        "T51",
        "coordination_with_physical_interventions",
        "da",
        "Sker der en koordinering mellem de boligsociale indsatser og evt. fysiske indsatser?",
    ),  # line 160
    (
        "T45",
        "barriers_raised_in_board",
        "da",
        "Barrierer i forbindelse med implementering af indsatser løftes op og tematiseres i bestyrelsen?",
    ),  # line 146
    # A number lost inside a label stays "[…]" (line 70: "Lille (under indb)").
    ("T01", "small", "da", "Lille (under […] indb)"),
]

# (table, column id, language, label): column headings as printed.
COLUMN_LABELS = [
    # Line 158: "Svækket Styrket For tidligt at vurdere Ved ikke Total".
    ("T50", "scale_1", "da", "Svækket"),
    ("T50", "scale_5", "da", "Styrket"),
    ("T50", "scale_5", "en", "Strengthened"),
    # Lines 108, 144, 160, 162: "Dårligt … Godt"; no scale numbers in the transcript.
    ("T20", "scale_1", "da", "Dårligt"),
    ("T42", "scale_5", "da", "Godt"),
    ("T53", "scale_1", "en", "Poor"),
    ("T52", "no_cooperation", "da", "Intet samarbejde"),
    ("T21", "no_cooperation", "da", "Ikke samarbejde herom"),
    ("T45", "not_yet_relevant", "da", "Har endnu ikke været relevant"),
    ("T18", "share", "da", "Procent"),
    ("T04", "count", "da", "Antal områder"),
]

# (table, language, title): captions without their closing full stop.
TITLES = [
    (
        "T50",
        "da",
        "Betydning af boligsociale bestyrelse for koordinering af redskaber til at løfte udsatte områder",
    ),
    ("T21", "da", "Samarbejdet med de boligsociale medarbejde og styre-/følgegruppen"),
    ("T45", "da", "Bestyrelsens betydning for adresssering og mindskning af barrierer"),
    ("T31", "da", "Samarbejde ift […] årige ift. kriminalitet i området"),
]


def labels(kind: str) -> dict[tuple[str, str, str], set[str]]:
    found: dict[tuple[str, str, str], set[str]] = {}
    for row in read_csv("observations"):
        for language in ("da", "en"):
            key = (row["table_id"], row[f"{kind}_id"], language)
            found.setdefault(key, set()).add(row[f"{kind}_label_{language}"])
    return found


@pytest.mark.parametrize(("table", "row_id", "language", "label"), ROW_LABELS)
def test_row_label_is_printed_whole(table, row_id, language, label):
    assert labels("row")[(table, row_id, language)] == {label}


@pytest.mark.parametrize(("table", "column_id", "language", "label"), COLUMN_LABELS)
def test_column_label_is_as_printed(table, column_id, language, label):
    assert labels("column")[(table, column_id, language)] == {label}


@pytest.mark.parametrize(("table", "language", "title"), TITLES)
def test_title_is_the_printed_caption(table, language, title):
    catalogue = {row["table_id"]: row for row in read_csv("tables")}
    assert catalogue[table][f"title_{language}"] == title


def test_no_scale_column_claims_a_number_the_transcript_does_not_show():
    # The transcript prints only the end points of the 1-5 scales ("Dårligt … Godt",
    # "Svækket … Styrket"); whether the print numbers them cannot be seen.
    for (_, column_id, language), found in labels("column").items():
        if column_id in ("scale_1", "scale_5") and language == "da":
            assert all(not label[0].isdigit() for label in found), found
