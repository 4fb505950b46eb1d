"""Charts: the form chosen from the data, marks, notes, numbers and words per language
(tiny in-memory tables), and every chart of the published package valid for Plotly."""

from __future__ import annotations

import json
import re

import plotly.graph_objects as go
import pytest

from tiny import table
from website import text
from website.charts import Chart, chart_for, design, figure_json
from website.view import TableView, load

NBSP = "\u00a0"
SHARES = [
    ("a", "all", "yes", "45", 9, ""),
    ("a", "all", "no", "55", 11, ""),
    ("b", "all", "yes", None, None, "hidden_below_5_percent"),
    ("b", "all", "no", "100.0", 20, "printed_inconsistency"),
]
DA_EN = {"yes": ("Ja", "Yes"), "no": ("Nej", "No")}


def draw(view: TableView, language: str = "en") -> Chart:
    chart = chart_for(view, language)
    assert chart is not None
    return chart


def with_values(view: TableView, values: dict[str, str]) -> TableView:
    """The tiny table with printed values (row id -> value) instead of percentages."""
    frame = view.frame.copy()
    frame["value"] = frame["row_id"].map(values).fillna("")
    return TableView(view.table_id, view.entry, frame)


def trace_named(chart: Chart, name: str) -> dict:
    return next(trace for trace in chart.figure["data"] if trace["name"] == name)


def plain(words: str) -> str:
    return re.sub(r"<[^>]+>", "", words.replace("<br>", " "))


def texts(chart: Chart, variant: str = "desktop") -> list[str]:
    """Every label, legend entry and note of a layout, without line breaks and tags."""
    return [plain(note["text"]) for note in chart.figures()[variant]["layout"]["annotations"]]


def row_labels(chart: Chart, variant: str = "desktop") -> list[str]:
    """The labels placed on the y axis, top down (the y axis counts pixels downwards)."""
    notes = chart.figures()[variant]["layout"]["annotations"]
    notes = [n for n in notes if n["yref"] == "y" and not n["text"].startswith("<i>")]
    return [plain(n["text"]) for n in sorted(notes, key=lambda n: n["y"])]


def legend(chart: Chart) -> list[str]:
    """The legend's entries: the texts placed above the plot."""
    notes = chart.figure["layout"]["annotations"]
    return [
        n["text"]
        for n in notes
        if n["yref"] == "paper" and n.get("yanchor") == "top" and n.get("y") == 1
    ]


def test_shares_adding_up_across_columns_are_stacked_most_positive_first():
    chart = draw(table(SHARES[::-1], columns=DA_EN))  # columns given no, yes
    assert chart.kind == "stacked"
    assert [trace["name"] for trace in chart.figure["data"]] == ["Yes", "No"]
    assert trace_named(chart, "Yes")["marker"]["color"] == design().ordered["yes"]
    assert chart.figure["layout"]["barmode"] == "stack"
    assert chart.bars == 3  # the hidden cell has no mark


def test_one_column_and_columns_not_adding_up_are_side_by_side_bars():
    one = draw(table([("a", "all", "share", "45", 9, ""), ("b", "all", "share", "0", 0, "")]))
    assert one.kind == "bars" and one.bars == 1  # a bar of 0 is not a mark
    assert one.figure["layout"]["barmode"] == "overlay"  # each bar on a lane of its own
    assert one.figure["layout"]["xaxis"]["range"][0] == 0
    assert not legend(one)  # one series: no legend
    two = draw(table(SHARES, sum_axis="rows"))
    assert two.kind == "bars" and len(two.figure["data"]) == 2
    yes, no = two.figure["data"]
    assert not set(yes["y"]) & set(no["y"])  # side by side: every bar its own lane
    assert legend(two) == ["Yes", "No"]  # in print order


def test_indices_from_0_to_1_are_dots_with_the_neutral_line():
    cells = [(row, "all", "scale_index", None, None, "") for row in ("a", "b")]
    view = with_values(table(cells, sum_axis="rows"), {"a": "0.51", "b": "0.39"})
    chart = draw(view, "da")
    assert chart.kind == "dots" and chart.bars == 2
    (trace,) = chart.figure["data"]
    assert trace["type"] == "scatter" and trace["x"] == [0.51, 0.39]  # top down
    assert trace["text"] == ["0,51", "0,39"]
    layout = chart.figure["layout"]
    low, high = layout["xaxis"]["range"]
    assert low < 0 and high > 1 and layout["xaxis"]["tickvals"][-1] == 1  # dots not cut
    assert any(shape.get("x0") == 0.5 for shape in layout["shapes"])
    assert "Neutral (0,5)" in texts(chart)
    assert "Neutral (0.5)" in texts(draw(view, "en"))


def test_a_hidden_cell_is_left_out_never_0_and_explained_in_the_note():
    for language in ("da", "en"):
        chart = draw(table(SHARES, columns=DA_EN), language)
        yes = chart.figure["data"][0]
        assert yes["x"] == [45.0, None]  # row b (hidden) has no bar: top down
        assert yes["text"] == ["45", ""]
        assert text.text("charts.hidden", language) in texts(chart)


def test_danish_and_english_separators_percent_text_and_flags():
    da = draw(table(SHARES, columns=DA_EN), "da")
    en = draw(table(SHARES, columns=DA_EN), "en")
    assert da.figure["layout"]["separators"] == ",."
    assert en.figure["layout"]["separators"] == ".,"
    assert da.figure["layout"]["xaxis"]["ticktext"][1] == f"25{NBSP}%"
    assert en.figure["layout"]["xaxis"]["ticktext"][1] == "25%"
    assert trace_named(da, "Nej")["text"] == ["55", "100,0"]
    assert trace_named(en, "No")["text"] == ["55", "100.0"]
    assert trace_named(da, "Ja")["hovertext"][0] == f"Ja: 45{NBSP}% (9)"
    assert trace_named(en, "No")["hovertext"][1] == (
        'No: 100.0% (20) — printed inconsistency (see "About the numbers")'
    )


def test_a_narrow_segment_leaves_its_number_to_the_hover():
    chart = draw(table([("a", "all", "yes", "5", 1, ""), ("a", "all", "no", "95", 19, "")]))
    assert trace_named(chart, "Yes")["text"] == [""]
    assert trace_named(chart, "Yes")["hovertext"] == ["Yes: 5% (1)"]


def test_multiple_response_rows_are_sorted_largest_first():
    cells = [
        ("a", "all", "share", "20", 2, ""),
        ("b", "all", "share", "60", 6, ""),
        ("c", "all", "share", None, None, "hidden_below_5_percent"),
    ]
    sorted_chart = draw(table(cells, multiple_response=True))
    assert row_labels(sorted_chart) == ["Row b", "Row a", "Row c"]  # top down
    assert "not shown (below 5%)" in texts(sorted_chart)  # in the empty bar's place
    printed_order = draw(table(cells, multiple_response=False))
    assert row_labels(printed_order) == ["Row a", "Row b", "Row c"]


def test_groups_are_bars_side_by_side_in_their_own_colours():
    cells = [
        (row, group, "share", percent, None, "")
        for row, percent in (("a", "30"), ("b", "70"))
        for group in ("project_leaders", "board_members")
    ]
    chart = draw(table(cells), "da")
    assert chart.kind == "bars" and chart.bars == 4
    colours = {trace["name"]: trace["marker"]["color"] for trace in chart.figure["data"]}
    assert colours["Projektledere"] == design().groups["project_leaders"]
    assert "fordelt på projektledere og bestyrelsesmedlemmer" in chart.alt


def test_alt_text_names_the_largest_value():
    en = draw(table(SHARES, columns=DA_EN), "en")
    assert en.alt == (
        "Stacked horizontal bars for 2 rows. Largest value: Row b – No at 100.0%. "
        "All numbers are in the table below the chart."
    )
    da = draw(table(SHARES, columns=DA_EN), "da")
    assert f"Største værdi: Række b – Nej med 100,0{NBSP}%." in da.alt


def test_a_table_without_cells_has_no_chart_and_json_is_safe_in_html():
    assert chart_for(table([("total", "all", "share", "100", 10, "")]), "en") is None
    chart = draw(table([("a", "all", "share", "45", 9, "")]))
    chart.figure["data"][0]["name"] = "<b>&"
    encoded = figure_json(chart)
    assert "<" not in encoded and "&" not in encoded
    assert json.loads(encoded)["data"][0]["name"] == "<b>&"


def test_every_chart_of_the_package_is_a_valid_plotly_figure():
    charts = [
        chart
        for view in load().tables()
        for language in ("da", "en")
        if (chart := chart_for(view, language)) is not None
    ]
    assert len(charts) == 2 * sum(1 for view in load().tables() if view.without_totals())
    for chart in charts:
        try:
            go.Figure(chart.figure)  # raises on a misspelt or invalid property
        except ValueError as error:
            pytest.fail(f"{chart.table_id} {chart.language}: {error}")
        assert chart.bars > 0 and chart.alt, chart.table_id
