"""The errata are exactly the known printed inconsistencies; numbers the report repeats agree."""

from __future__ import annotations

from conftest import read_csv

KNOWN_ERRATA = {
    ("T08", "director", "all", "share_of_all_board_members", "percent_vs_count"),
    ("T08", "head_of_department", "all", "share_of_all_board_members", "percent_vs_count"),
    ("T08", "employee", "all", "share_of_all_board_members", "percent_vs_count"),
    ("T08", "total", "all", "share_of_all_board_members", "percent_vs_count"),
    ("T21", "monitor_progress", "all", "total", "sum_of_percents"),
    ("T53", "other_cooperation", "all", "scale_5", "percent_vs_count"),
    ("T53", "other_cooperation", "all", "total", "sum_of_counts"),
}


def test_errata_are_exactly_the_known_set():
    errata = {
        (e["table_id"], e["row_id"], e["group"], e["column_id"], e["check"])
        for e in read_csv("errata")
    }
    assert errata == KNOWN_ERRATA


def test_erratum_cells_are_flagged_and_kept_as_printed(cells):
    for table, row, group, column, _ in KNOWN_ERRATA:
        assert "printed_inconsistency" in cells[(table, row, group, column)]["flags"]
    assert cells[("T21", "monitor_progress", "all", "total")]["percent"] == "1005"
    assert cells[("T53", "other_cooperation", "all", "scale_5")]["count"] == "43"


def count(cells, *key):
    return int(cells[key]["count"])


def test_board_member_respondents_agree_across_tables(cells):
    # 191 board members answered the survey (tables 7, 13, 14, 15).
    for table, column in (("T07", "respondents"), ("T13", "respondents"), ("T14", "respondents")):
        assert count(cells, table, "total", "all", column) == 191
    assert count(cells, "T15", "total", "all", "respondents") == 191


def test_project_leaders_and_plans_agree_across_tables(cells):
    # 56 project leaders, one per plan in the survey; 58 plans in LBF's register.
    assert count(cells, "T25", "total", "all", "respondents") == 56
    assert count(cells, "T35", "physical_space", "project_leaders", "total") == 56
    assert count(cells, "T03", "total", "all", "share") == 58
    assert count(cells, "T05", "total", "all", "plans") == 58


def test_police_counts_agree_between_tables_11_and_12(cells):
    # Table 12 splits table 11's "all plans" column by the municipality's share of
    # social housing; its Total column must repeat table 11's counts (prose p. 37 too).
    for row in (
        "police_on_board",
        "police_in_steering_group",
        "cooperation_on_implementation",
        "other_cooperation",
    ):
        assert count(cells, "T11", row, "all_plans", "plans") == count(
            cells, "T12", row, "all", "total"
        )
    assert (
        count(cells, "T11", "police_on_board", "all_plans", "plans") == 7
    )  # "i syv bestyrelser", p. 36


def test_crime_prevention_plans(cells):
    # Table 11 counts 36 plans with crime-prevention work; the prose (p. 37) says 37,
    # one of which had not started when the survey ran: consistent, not an erratum.
    assert cells[("T11", "police_on_board", "plans_with_crime_prevention", "plans")]["base"] == "36"
    assert cells[("T11", "police_on_board", "all_plans", "plans")]["base"] == "56"


def bases(observations, table_id, group):
    return {
        int(o["base"])
        for o in observations
        if o["table_id"] == table_id and o["group"] == group and o["base"]
    }


def test_figure_bases_agree_with_the_surveys(observations):
    # Every figure bar of project leaders has the 56 of the project-leader survey; board
    # members answered these questions 186 (figures 7, 8; table 41) or 188 times (11–16).
    for figure in ("F07", "F08", "F11", "F12", "F13", "F14", "F15", "F16"):
        assert bases(observations, figure, "project_leaders") == {56}, figure
    assert (
        bases(observations, "F07", "board_members")
        == bases(observations, "T41", "board_members")
        == {186}
    )
    for figure in ("F11", "F12", "F13", "F14", "F15", "F16"):
        assert bases(observations, figure, "board_members") == {188}, figure
    # Board members never exceed the 191 who answered the survey (table 7).
    assert (
        max(int(o["base"]) for o in observations if o["group"] == "board_members" and o["base"])
        <= 191
    )
