"""Tables 1–14 (printed pages 29–39): cell counts and printed cells, read from the seed.

Numbers are copied from the seed transcript (PDF pages 31–41), not from the YAML
sources, so a transcription slip shows up here.
"""

from __future__ import annotations

import pytest

from printed_cells import cell_params, check_cell_counts, check_printed_cell

EXPECTED_CELL_COUNTS = {
    "T01": 4, "T02": 4, "T03": 4, "T04": 5, "T05": 4, "T06": 4, "T07": 4,
    "T08": 8, "T09": 8, "T10": 8, "T11": 10, "T12": 16, "T13": 3, "T14": 3,
}  # fmt: skip

# (table, row, group, column, percent as printed, count as printed)
PRINTED = [
    ("T01", "small", "all", "share", "29", "10"),
    ("T01", "medium", "all", "share", "51", "18"),
    ("T01", "large", "all", "share", "20", "7"),
    ("T01", "total", "all", "share", "100", "35"),
    ("T02", "small_share", "all", "share", "40", "14"),
    ("T02", "medium_share", "all", "share", "51", "18"),
    ("T02", "large_share", "all", "share", "9", "3"),
    ("T03", "large", "all", "share", "40", "23"),
    ("T03", "medium", "all", "share", "17", "10"),
    ("T03", "small", "all", "share", "43", "25"),
    ("T03", "total", "all", "share", "100", "58"),
    ("T04", "started_after_survey", "all", "count", "", ""),
    ("T04", "under_3_months", "all", "count", "", "14"),
    ("T04", "months_4_12", "all", "count", "", "13"),
    ("T04", "over_15_months", "all", "count", "", "8"),
    ("T05", "smaller", "all", "plans", "34", "20"),
    ("T05", "medium", "all", "plans", "31", "18"),
    ("T05", "larger", "all", "plans", "34", "20"),
    ("T05", "total", "all", "plans", "100", "58"),
    ("T06", "dkk_5_10_million", "all", "plans", "30", "17"),
    ("T06", "dkk_10_15_million", "all", "plans", "44", "25"),
    ("T06", "dkk_15_million_or_more", "all", "plans", "26", "15"),
    ("T06", "total", "all", "plans", "100", "57"),
    ("T07", "municipality", "all", "respondents", "45", "86"),
    ("T07", "housing_organisation", "all", "respondents", "53", "101"),
    ("T07", "other_organisation", "all", "respondents", "2", "4"),
    ("T07", "total", "all", "respondents", "100", "191"),
    ("T08", "director", "all", "share_of_all_board_members", "8", "23"),
    ("T08", "director", "all", "share_of_municipal_representatives", "27", "23"),
    ("T08", "head_of_department", "all", "share_of_municipal_representatives", "60", "50"),
    ("T08", "employee", "all", "share_of_all_board_members", "4", "11"),
    ("T08", "total", "all", "share_of_all_board_members", "31", "84"),
    ("T09", "managing_director", "all", "share_of_all_board_members", "36", "68"),
    ("T09", "managing_director", "all", "share_of_housing_representatives", "67", "68"),
    ("T09", "manager", "all", "share_of_housing_representatives", "2", "2"),
    ("T09", "total", "all", "share_of_housing_representatives", "74", "75"),
    ("T10", "municipal_politicians", "all", "share_of_all_board_members", "1", ""),
    ("T10", "organisation_board_members", "all", "share_of_political_representatives", "79", "22"),
    ("T10", "estate_board_members", "all", "share_of_political_representatives", "14", "4"),
    ("T10", "total", "all", "share_of_all_board_members", "15", ""),
    ("T11", "police_on_board", "all_plans", "plans", "13", "7"),
    ("T11", "police_on_board", "plans_with_crime_prevention", "plans", "17", "6"),
    ("T11", "police_in_steering_group", "all_plans", "plans", "29", "16"),
    ("T11", "cooperation_on_implementation", "plans_with_crime_prevention", "plans", "61", "22"),
    ("T11", "other_cooperation", "all_plans", "plans", "36", "20"),
    ("T11", "other_cooperation", "plans_with_crime_prevention", "plans", "25", "9"),
    ("T12", "police_on_board", "all", "social_housing_share_under_15", "7", "1"),
    ("T12", "police_on_board", "all", "social_housing_share_15_45", "15", "6"),
    ("T12", "police_on_board", "all", "social_housing_share_over_45", "", "0"),
    ("T12", "cooperation_on_implementation", "all", "social_housing_share_over_45", "67", "2"),
    ("T12", "cooperation_on_implementation", "all", "total", "59", "33"),
    ("T12", "other_cooperation", "all", "social_housing_share_15_45", "36", "14"),
    ("T13", "yes", "all", "respondents", "78", "149"),
    ("T13", "no", "all", "respondents", "22", "42"),
    ("T13", "total", "all", "respondents", "100", "191"),
    ("T14", "during_application", "all", "respondents", "71", "136"),
    ("T14", "at_or_after_start", "all", "respondents", "29", "55"),
    ("T14", "total", "all", "respondents", "100", "191"),
]


def test_cell_counts_per_table(observations):
    check_cell_counts(observations, EXPECTED_CELL_COUNTS)



@pytest.mark.parametrize(("key", "percent", "count"), cell_params(PRINTED))
def test_printed_cell(cells, key, percent, count):
    check_printed_cell(cells, key, percent, count)


def test_lost_and_inferred_numbers_are_flagged(cells):
    assert "lost_in_transcript" in cells[("T04", "started_after_survey", "all", "count")]["flags"]
    assert "inferred_from_text" in cells[("T04", "under_3_months", "all", "count")]["flags"]
    assert "lost_in_transcript" in cells[("T01", "small", "all", "share")]["flags"]
    assert "inferred_from_text" in cells[("T06", "dkk_10_15_million", "all", "plans")]["flags"]
