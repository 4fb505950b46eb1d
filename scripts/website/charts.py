"""A Plotly chart for every table and figure of the data package, in Danish and English.

The table blocks call `chart_for(package.table("T28"), "da")` and embed `figure_json()`.
A chart is planned from the data, then drawn in small steps (plan -> traces -> layout,
notes, alt text); its looks (palette, category order, fonts, sizes) are data in
`chart_design.yaml`, its words come from `strings.yaml` and its numbers from
`website/text.py`. The chart form follows from the data:

- shares that add up across the columns of a row (`sum_axis = columns`): horizontal
  stacked bars, ordered from most to least positive, in a diverging colour-blind-safe
  palette, with "don't know", "too early", "not relevant" and "no cooperation" set
  apart in neutral greys at the end;
- several groups (project leaders vs board members): adjacent bars per item;
- one distribution or a multiple-response list: bars (multiple response sorted);
- 0–1 indices: dots on a 0–1 axis with the neutral 0.5 marked;
- averages and counts: bars of the value.

Cells the report hides (< 5 %) or the transcript lost are left out of the bars (never
drawn as 0) and explained in the chart note; flagged cells are marked in the hover text.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from website import text
from website.view import Cell, Item, TableView

DESIGN = Path(__file__).with_name("chart_design.yaml")
MEASURES = ("percent", "value", "count")  # the first one a table prints is drawn
INDEX_COLUMN = "scale_index"
NEUTRAL_INDEX = "0.5"
# Why a cell has no mark: its first matching flag names the note line (strings.yaml charts.*).
MISSING_REASONS = (
    ("hidden_below_5_percent", "hidden"),
    ("not_asked", "not_asked"),
    ("lost_in_transcript", "lost"),
)
OTHER_MEASURE = "other_measure"

Trace = dict[str, Any]
Categories = list[str] | list[list[str]]


@dataclass(frozen=True)
class Design:
    """The charts' looks, as `chart_design.yaml` gives them."""

    ordered: dict[str, str]
    neutral: dict[str, str]
    sequential: list[str]
    series: list[str]
    groups: dict[str, str]
    colours: dict[str, str]
    font: dict[str, Any]
    sizes: dict[str, Any]


@cache
def design(path: Path = DESIGN) -> Design:
    return Design(**yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))


@dataclass(frozen=True)
class Chart:
    table_id: str
    language: str
    kind: str  # stacked | bars | dots
    figure: dict[str, Any]
    alt: str
    bars: int  # number of drawn bar/dot marks (for tests)


@dataclass(frozen=True)
class Plan:
    """What a chart draws, decided from the data before any trace is built."""

    table: TableView
    language: str
    kind: str  # stacked | bars | dots
    field: str  # the one measure drawn: percent | value | count
    cells: list[Cell]  # without totals, in print order
    rows: list[Item]  # in print order (multiple response: largest first)
    groups: list[Item]
    columns: list[Item]

    @property
    def multi_group(self) -> bool:
        return len(self.groups) > 1

    @property
    def bottom_up(self) -> list[Item]:
        """Plotly draws the first category at the bottom of a horizontal bar chart."""
        return self.rows[::-1]

    def row_labels(self) -> list[str]:
        return [wrap(row.label(self.language)) for row in self.bottom_up]

    def group_label(self, group: Item) -> str:
        return wrap(group.label(self.language), design().sizes["group_label_width"])

    def keys(self) -> list[tuple[str, str]]:
        """(row id, group id) of each category on the y axis, bottom up."""
        return [(row.id, group.id) for row in self.bottom_up for group in self.groups[::-1]]

    def y(self) -> Categories:
        """The y axis categories: row labels, or (row label, group label) pairs."""
        if not self.multi_group:
            return self.row_labels()
        groups = [self.group_label(group) for group in self.groups[::-1]]
        return [
            [label for label in self.row_labels() for _ in groups],
            [group for _ in self.rows for group in groups],
        ]

    def cells_at(self, keys: list[tuple[str, str]], column: Item) -> list[Cell | None]:
        return [self.table.cell(row_id, group, column.id) for row_id, group in keys]


# --- Step 1: the plan (kind, field, order) --------------------------------------------


def plan_chart(table: TableView, language: str) -> Plan | None:
    cells = table.without_totals()
    if not cells:
        return None
    columns = sorted({c.column for c in cells}, key=lambda item: (item.order, item.id))
    groups = list(dict.fromkeys(c.group for c in cells))
    field = chart_field(cells)
    rows = order_rows(table, cells, groups, columns, field)
    kind = chart_kind(table, cells, columns)
    return Plan(table, language, kind, field, cells, rows, groups, columns)


def chart_kind(table: TableView, cells: list[Cell], columns: list[Item]) -> str:
    """Dots for 0–1 indices, stacked bars for shares adding up across columns, else bars."""
    index = all(c.value is not None and c.percent is None for c in cells)
    if index and any(c.column.id == INDEX_COLUMN for c in cells):
        return "dots"
    if table.entry["sum_axis"] == "columns" and len(columns) > 1:
        return "stacked"
    return "bars"


def chart_field(cells: list[Cell]) -> str:
    """The one measure a table's chart draws: percent if any is printed, else value, else count.

    A cell printed without that measure (e.g. a bare count in a table of percentages) is
    left out rather than drawn on the wrong scale."""
    for field in MEASURES:
        if any(cell.number(field) is not None for cell in cells):
            return field
    return "count"


def order_rows(
    table: TableView, cells: list[Cell], groups: list[Item], columns: list[Item], field: str
) -> list[Item]:
    """Print order; a multiple-response list of one series from largest to smallest."""
    rows = sorted({c.row for c in cells}, key=lambda item: (item.order, item.id))
    if table.entry["multiple_response"] and len(groups) == 1 and len(columns) == 1:
        rows.sort(
            key=lambda row: -sort_value(table.cell(row.id, groups[0].id, columns[0].id), field)
        )
    return rows


def sort_value(cell: Cell | None, field: str) -> float:
    position = drawn_at(cell, field)
    return -1.0 if position is None else position


def drawn_at(cell: Cell | None, field: str) -> float | None:
    """Where the cell's mark goes on the x axis; None leaves it out (never 0)."""
    printed = cell.number(field) if cell else None
    return None if printed is None else float(Decimal(str(printed)))


def wrap(label: str, width: int | None = None) -> str:
    """Break a long axis label into lines (Plotly understands <br>)."""
    width = width or design().sizes["label_width"]
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


# --- Step 2: the traces ---------------------------------------------------------------


def dot_traces(plan: Plan) -> list[Trace]:
    """One row of dots per index column, each labelled with its value."""
    traces = []
    for column in plan.columns:
        name = column.label(plan.language)
        cells = plan.cells_at(plan.keys(), column)
        xs = [drawn_at(cell, plan.field) for cell in cells]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "orientation": "h",
                "x": xs,
                "y": plan.y(),
                "text": ["" if x is None else text.number(f"{x:.2f}", plan.language) for x in xs],
                "textposition": "middle right",
                "hovertext": [hover(cell, plan.language, name) if cell else "" for cell in cells],
                "hoverinfo": "text",
                "marker": {"size": design().sizes["dot_size"], "color": design().series[0]},
                "name": name,
                "showlegend": False,
            }
        )
    return traces


def stacked_traces(plan: Plan) -> list[Trace]:
    """One segment per answer category, most positive first, neutral answers last."""
    columns = ordered_columns(plan.columns)
    outline = {
        "color": design().colours["segment_outline"],
        "width": design().sizes["segment_outline_width"],
    }
    traces = []
    for position, column in enumerate(columns):
        trace = bar_trace(plan, column, plan.keys(), plan.y(), column.label(plan.language))
        trace["marker"] = {"color": colour(column.id, position, len(columns)), "line": outline}
        traces.append(trace)
    return traces


def bar_traces(plan: Plan) -> list[Trace]:
    """One series per (column, group), side by side."""
    series = [(column, group) for column in plan.columns for group in plan.groups]
    one_column = len(plan.columns) == 1
    traces = []
    # Horizontal groups stack their first trace at the bottom: add them in reverse
    # and reverse the legend (see layout), so bars and legend both read in print order.
    for position, (column, group) in reversed(list(enumerate(series))):
        keys, y = plan.keys(), plan.y()
        if plan.multi_group:
            keys, y = [(row.id, group.id) for row in plan.bottom_up], plan.row_labels()
        trace = bar_trace(plan, column, keys, y, series_name(plan, column, group))
        fixed = design().groups.get(group.id) if plan.multi_group and one_column else None
        trace["marker"] = {"color": fixed or design().series[position % len(design().series)]}
        trace["showlegend"] = len(series) > 1
        traces.append(trace)
    return traces


def series_name(plan: Plan, column: Item, group: Item) -> str:
    if len(plan.columns) == 1:
        return plan.group_label(group)
    if plan.multi_group:
        return f"{column.label(plan.language)} – {plan.group_label(group)}"
    return column.label(plan.language)


def bar_trace(
    plan: Plan, column: Item, keys: list[tuple[str, str]], y: Categories, name: str
) -> Trace:
    cells = plan.cells_at(keys, column)
    return {
        "type": "bar",
        "orientation": "h",
        "name": name,
        "x": [drawn_at(cell, plan.field) for cell in cells],
        "y": y,
        "text": [bar_label(cell, plan.field, plan.language) for cell in cells],
        "textposition": "inside",
        "insidetextanchor": "middle",
        "textfont": {"size": design().font["small"]},
        "textangle": 0,
        "constraintext": "both",
        "hovertext": [hover(cell, plan.language, name) if cell else "" for cell in cells],
        "hoverinfo": "text",
    }


def bar_label(cell: Cell | None, field: str, language: str) -> str:
    """The number inside a bar; too narrow a segment leaves it to the hover and the table."""
    printed = cell.number(field) if cell else None
    if printed is None:
        return ""
    if field != "percent":
        return text.number(printed, language)
    if Decimal(str(printed)) < Decimal(str(design().sizes["min_labelled_percent"])):
        return ""
    return text.number(printed, language, grouping=False)  # as text.percent: no grouping


def hover(cell: Cell, language: str, series: str) -> str:
    """ "Series: 45 % (9 of 20) — flag, flag"."""
    parts = []
    if cell.percent is not None:
        parts.append(text.percent(cell.percent, language))
        if cell.count is not None and cell.base is not None:
            of = text.text("charts.of", language)
            parts.append(
                f"({text.number(cell.count, language)} {of} {text.number(cell.base, language)})"
            )
        elif cell.count is not None:
            parts.append(f"({text.number(cell.count, language)})")
    elif cell.value is not None:
        parts.append(text.number(cell.value, language))
        if cell.base is not None:
            parts.append(f"(N={text.number(cell.base, language)})")
    elif cell.count is not None:
        parts.append(text.number(cell.count, language))
    flags = [text.text(f"flags.{flag}.hover", language) for flag in cell.flags if has_hover(flag)]
    return f"{series}: {' '.join(parts)}" + (f" — {', '.join(flags)}" if flags else "")


def has_hover(flag: str) -> bool:
    node = text.entry("flags").get(flag)
    return isinstance(node, dict) and "hover" in node


def ordered_columns(columns: list[Item]) -> list[Item]:
    """Answer categories of a known scale most positive first, neutral ones last."""
    ordered, neutral = design().ordered, design().neutral
    ranked = [c for c in columns if c.id in ordered]
    if ranked and all(c.id in ordered or c.id in neutral for c in columns):
        ranked.sort(key=lambda c: list(ordered).index(c.id))
        return ranked + [c for c in columns if c.id in neutral]
    return columns


def colour(column_id: str, position: int, count: int) -> str:
    ordered, neutral, sequential = design().ordered, design().neutral, design().sequential
    if column_id in ordered:
        return ordered[column_id]
    if column_id in neutral:
        return neutral[column_id]
    step = max(1, (len(sequential) - 1) // max(1, count - 1))
    return sequential[min(len(sequential) - 1, 1 + position * step)]


def count_marks(kind: str, traces: list[Trace]) -> int:
    """Drawn marks: a dot at 0 is drawn, a bar of 0 is not."""
    return sum(x is not None and (kind == "dots" or x != 0) for trace in traces for x in trace["x"])


TRACES: dict[str, Callable[[Plan], list[Trace]]] = {
    "dots": dot_traces,
    "stacked": stacked_traces,
    "bars": bar_traces,
}


# --- Step 3: the layout ---------------------------------------------------------------


def layout(plan: Plan, notes: list[str]) -> dict[str, Any]:
    sizes, colours = design().sizes, design().colours
    series = len(plan.columns) * len(plan.groups)
    top = sizes["margin_top_dots"] if plan.kind == "dots" else sizes["margin_top"]
    bottom = sizes["margin_bottom"] + sizes["note_line_height"] * len(notes)
    return {
        "template": "none",
        "font": {"family": design().font["family"], "size": design().font["size"]},
        "separators": separators(plan.language),
        "height": height(plan),
        "margin": {"l": sizes["margin_left"], "r": sizes["margin_right"], "t": top, "b": bottom},
        "paper_bgcolor": colours["background"],
        "plot_bgcolor": colours["background"],
        "barmode": "stack" if plan.kind == "stacked" else "group",
        "bargap": sizes["bargap"],
        "showlegend": plan.kind != "dots",
        "legend": {
            "orientation": "h",
            "y": 1.0,
            "yanchor": "bottom",
            "x": 0,
            "traceorder": "reversed" if plan.kind == "bars" and series > 1 else "normal",
        },
        "xaxis": x_axis(plan),
        "yaxis": {
            "automargin": True,
            "fixedrange": True,
            "ticks": "",
            "tickfont": {"size": design().font["small"]},
            "gridcolor": colours["grid"],
        },
        "hovermode": "closest",
    } | annotations(plan, notes)


def x_axis(plan: Plan) -> dict[str, Any]:
    axis: dict[str, Any] = {
        "automargin": True,
        "zeroline": False,
        "gridcolor": design().colours["grid"],
        "fixedrange": True,
    }
    suffix = percent_suffix(plan.language)
    if plan.kind == "stacked":
        axis |= {"range": [0, 100], "dtick": 25, "tickangle": 0, "ticksuffix": suffix}
    elif any(c.percent is not None for c in plan.cells):
        axis |= {"ticksuffix": suffix, "rangemode": "tozero"}
    if plan.kind == "dots":
        axis |= {"range": [0, 1], "dtick": 0.1}
    return axis


def height(plan: Plan) -> int:
    """Each category needs room for its (wrapped) label and, per group, one bar."""
    sizes = design().sizes
    bars_per_row = len(plan.groups) if plan.multi_group else 1
    if plan.kind == "bars" and not plan.multi_group:
        bars_per_row = max(1, len(plan.columns))
    label_lines = [label.count("<br>") + 1 for label in plan.row_labels()]
    return sizes["plot_height"] + sum(
        max(
            sizes["bar_height"] * bars_per_row,
            sizes["label_line_height"] * lines + sizes["label_padding"],
        )
        for lines in label_lines
    )


def separators(language: str) -> str:
    """Plotly's decimal and thousands separators, as the text layer writes numbers."""
    sample = text.number("1000.5", language)  # "1.000,5" in Danish, "1,000.5" in English
    return sample[-2] + sample[1]


def percent_suffix(language: str) -> str:
    """What follows a percentage's digits: " %" (no-break space) in Danish, "%" in English."""
    return text.percent("0", language).removeprefix(text.number("0", language))


def annotations(plan: Plan, notes: list[str]) -> dict[str, Any]:
    """Shapes and annotations: an index chart's neutral line, the note below the axis."""
    found: dict[str, Any] = {}
    if plan.kind == "dots":
        line, label = neutral_line(plan.language)
        found |= {"shapes": [line], "annotations": [label]}
    if notes:
        found.setdefault("annotations", []).append(note_annotation(notes))
    return found


def neutral_line(language: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The dotted line at the neutral 0.5 of an index, and its label above the plot."""
    neutral = float(NEUTRAL_INDEX)
    style = {
        "color": design().colours["neutral_line"],
        "dash": "dot",
        "width": design().sizes["neutral_line_width"],
    }
    line = {"type": "line", "x0": neutral, "x1": neutral, "yref": "paper", "y0": 0, "y1": 1}
    label = {
        "x": neutral,
        "y": 1,
        "yref": "paper",
        "yanchor": "bottom",
        "text": text.text(
            "charts.neutral_at", language, value=text.number(NEUTRAL_INDEX, language)
        ),
        "showarrow": False,
        "font": {"size": design().font["small"]},
    }
    return line | {"line": style}, label


# --- Step 4: notes and alt text -------------------------------------------------------


def missing_reason(cell: Cell) -> str:
    """Why a cell has no mark in the chart (a key of strings.yaml `charts`)."""
    return next((reason for flag, reason in MISSING_REASONS if cell.has(flag)), OTHER_MEASURE)


def note_lines(plan: Plan) -> list[str]:
    reasons = {missing_reason(c) for c in plan.cells if c.number(plan.field) is None}
    return [text.text(f"charts.{reason}", plan.language) for reason in sorted(reasons)]


def note_annotation(notes: list[str]) -> dict[str, Any]:
    """The note lines, left-aligned below the x axis."""
    return {
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "yshift": design().sizes["note_offset"],
        "xanchor": "left",
        "yanchor": "top",
        "align": "left",
        "showarrow": False,
        "font": {"size": design().font["small"]},
        "text": "<br>".join(notes),
    }


def alt_text(plan: Plan) -> str:
    """The chart's form, its size and its largest value, in one or two sentences."""
    language = plan.language
    best = max(plan.cells, key=lambda cell: sort_value(cell, plan.field))
    printed = best.number(plan.field)
    value = ""
    if printed is not None:
        shown = text.percent if plan.field == "percent" else text.number
        value = shown(printed, language)
    label = best.row.label(language)
    if len(plan.columns) > 1:
        label += f" – {best.column.label(language)}"
    groups = ""
    if plan.multi_group:
        label += f" ({best.group.label(language)})"
        names = [" ".join(group.label(language).split()) for group in plan.groups]
        names = [name.lower() if language == "da" else name for name in names]
        joined = f" {text.text('charts.and', language)} ".join(names)
        groups = text.text("charts.groups", language, groups=joined)
    form = text.text(f"charts.{plan.kind}", language)
    return text.text(
        "charts.alt", language, form=form, n=len(plan.rows), groups=groups, label=label, value=value
    )


# --- The chart ------------------------------------------------------------------------


def chart_for(table: TableView, language: str) -> Chart | None:
    """The table's chart in one language, or None if it has no cells to draw."""
    plan = plan_chart(table, language)
    if plan is None:
        return None
    traces = TRACES[plan.kind](plan)
    figure = {"data": traces, "layout": layout(plan, note_lines(plan))}
    marks = count_marks(plan.kind, traces)
    return Chart(table.table_id, language, plan.kind, figure, alt_text(plan), marks)


def figure_json(chart: Chart) -> str:
    """Deterministic JSON, safe inside <script type="application/json">."""
    encoded = json.dumps(chart.figure, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
