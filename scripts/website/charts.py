"""A Plotly chart for every table and figure of the data package, in Danish and English.

The table blocks call `chart_for(package.table("T28"), "da")`; website/renders.py draws
each chart to SVG and PNG at build time, the page shows the SVG and plotly.js draws the
same figure only when a reader asks for it. A chart is planned from the data, then laid
out in pixels, twice: for a wide box (`figure`) and for a phone (`phone`). Its looks
(palette, sizes, both layouts) are data in `chart_design.yaml`, its words come from
`strings.yaml` and its numbers from `website/text.py`. The chart form follows from the
data:

- shares that add up across the columns of a row (`sum_axis = columns`): horizontal
  stacked bars, ordered from most to least positive, in a diverging colour-blind-safe
  palette, with "don't know", "too early", "not relevant" and "no cooperation" set
  apart in neutral greys at the end;
- several groups (project leaders vs board members): one bar per group under each item;
- one distribution or a multiple-response list: bars (multiple response sorted);
- 0–1 indices: dots on a 0–1 axis with the neutral 0.5 marked;
- averages and counts: bars of the value.

Every label is placed by this module, not by Plotly: the y axis counts pixels from the
top of the plot, and each text's width is known (website/chart_text.py), so labels wrap
to their room, numbers are written inside a segment only where they fit (never shrunk),
and nothing overlaps or leaves the chart. Wide layout: item labels left of the bars,
group labels between them and the bars. Phone layout: each item's label above its bars,
each group's label above its bar. The legend is drawn the same way (swatches and text).

Cells the report hides (< 5 %) or the transcript lost are left out of the bars (never
drawn as 0) and explained in the chart note; flagged cells are marked in the hover text.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import yaml

from website import chart_text, text
from website.view import Cell, Item, TableView

DESIGN = Path(__file__).with_name("chart_design.yaml")
LAYOUTS = ("desktop", "phone")  # chart_design.yaml `layouts`; Chart.figure, Chart.phone
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
NICE_STEPS = (1, 2, 2.5, 5)

Trace = dict[str, Any]
Look = dict[str, Any]


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
    text: dict[str, str]
    page: dict[str, str]
    bar_label: dict[str, str]
    min_contrast: float
    breakpoint: int
    layouts: dict[str, Look]
    layout: dict[str, Any]
    sizes: dict[str, Any]


@cache
def design(path: Path = DESIGN) -> Design:
    return Design(**yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))


@dataclass(frozen=True)
class Chart:
    table_id: str  # or, for a comparison chart, its theme's id
    language: str
    kind: str  # stacked | bars | dots (dumbbell: website/comparison.py)
    figure: dict[str, Any]  # the wide layout (what plotly.js draws in a wide box)
    alt: str
    bars: int  # number of drawn bar/dot marks (for tests)
    phone: dict[str, Any] = field(default_factory=dict)  # the phone layout
    download: str = ""  # its images' name under download/charts/<language>/, if not its table's

    def figures(self) -> dict[str, dict[str, Any]]:
        """Each layout's figure, by name (chart_design.yaml `layouts`)."""
        return {"desktop": self.figure, "phone": self.phone}


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

    def series(self) -> list[tuple[Item, Item]]:
        """(column, group) of each bar series of a bar chart, in print order."""
        return [(column, group) for column in self.columns for group in self.groups]

    def cell(self, row: Item, group: Item, column: Item) -> Cell | None:
        return self.table.cell(row.id, group.id, column.id)


class Rows(Protocol):
    """What lays out a chart's labels: its items, in order, and the language (a Plan,
    or the questions of a comparison chart)."""

    @property
    def rows(self) -> list[Item]: ...

    @property
    def language(self) -> str: ...


@dataclass(frozen=True)
class Lane:
    """One bar (or row of dots) of an item, top down: the item's row and group, the bar
    series it belongs to (bar charts) and the label shown beside or above it."""

    row: Item
    group: Item
    series: int
    label: str


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
    for field_name in MEASURES:
        if any(cell.number(field_name) is not None for cell in cells):
            return field_name
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


def lanes(plan: Plan) -> list[Lane]:
    """Every bar of the chart, top down in print order. Bar charts give each series its
    own bar under the item (named by the legend); stacked bars and dots give each group
    one, named beside or above it when there are several groups."""
    if plan.kind == "bars":
        series = plan.series()
        return [Lane(row, group, i, "") for row in plan.rows for i, (_, group) in enumerate(series)]
    return [
        Lane(row, group, 0, group.label(plan.language) if plan.multi_group else "")
        for row in plan.rows
        for group in plan.groups
    ]


# --- Colours and contrast --------------------------------------------------------------


def rgb(colour: str) -> tuple[float, float, float]:
    """ "#5e3c99" -> (94, 60, 153)."""
    value = colour.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of an sRGB colour."""

    def linear(channel: float) -> float:
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in rgb(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two colours (1 to 21)."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def label_colour(fill: str) -> str:
    """The colour of a number inside a bar of this fill: near-black or white, whichever
    contrasts more (chart_design.yaml `bar_label`)."""
    return max(design().bar_label.values(), key=lambda colour: contrast(colour, fill))


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


def series_colour(plan: Plan, position: int, group: Item) -> str:
    """A bar series' colour: the group's own when the groups are the series."""
    if plan.multi_group and len(plan.columns) == 1 and group.id in design().groups:
        return design().groups[group.id]
    return design().series[position % len(design().series)]


def series_name(plan: Plan, column: Item, group: Item) -> str:
    if len(plan.columns) == 1:
        return group.label(plan.language)
    if plan.multi_group:
        return f"{column.label(plan.language)} – {group.label(plan.language)}"
    return column.label(plan.language)


def legend_items(plan: Plan) -> list[tuple[str, str]]:
    """(name, colour) of each legend entry: the answer categories of stacked bars, the
    series of a bar chart with more than one; none for one series or dots."""
    if plan.kind == "stacked":
        columns = ordered_columns(plan.columns)
        return [
            (column.label(plan.language), colour(column.id, position, len(columns)))
            for position, column in enumerate(columns)
        ]
    if plan.kind == "bars" and len(plan.series()) > 1:
        return [
            (series_name(plan, column, group), series_colour(plan, position, group))
            for position, (column, group) in enumerate(plan.series())
        ]
    return []


# --- Numbers, hover and marks ----------------------------------------------------------


def number_text(cell: Cell | None, field: str, language: str) -> str:
    """A cell's number as a bar label: "45", "100,0", "1.234"; empty without one."""
    printed = cell.number(field) if cell else None
    if printed is None:
        return ""
    if field != "percent":
        return text.number(printed, language)
    return text.number(printed, language, grouping=False)  # as text.percent: no grouping


def bar_label(cell: Cell | None, field: str, language: str) -> str:
    """The number inside a segment; too narrow a share leaves it to the hover and table."""
    shown = number_text(cell, field, language)
    printed = cell.number(field) if cell else None
    if shown and field == "percent":
        if Decimal(str(printed)) < Decimal(str(design().sizes["min_labelled_percent"])):
            return ""
    return shown


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


def count_marks(kind: str, traces: list[Trace]) -> int:
    """Drawn marks: a dot at 0 is drawn, a bar of 0 is not."""
    return sum(x is not None and (kind == "dots" or x != 0) for trace in traces for x in trace["x"])


# --- Step 2: the frame (where every lane and label goes, in pixels) -------------------


@dataclass
class Frame:
    """One layout of a chart: its size and margins, the centre of each lane (pixels from
    the top of the plot, which is the y axis' unit), and the labels, legend and lines
    around the bars."""

    look: Look
    width: int
    margin_left: float
    margin_right: float
    lane_y: list[float] = field(default_factory=list)
    plot_height: float = 0.0
    top: float = 0.0  # margin above the plot
    bottom: float = 0.0  # margin below it
    annotations: list[dict[str, Any]] = field(default_factory=list)
    shapes: list[dict[str, Any]] = field(default_factory=list)
    separators: list[float] = field(default_factory=list)

    @property
    def plot_width(self) -> float:
        return self.width - self.margin_left - self.margin_right

    @property
    def height(self) -> int:
        return math.ceil(self.top + self.plot_height + self.bottom)


def font_size() -> float:
    return design().font["small"]


def text_height(label: str) -> float:
    """A text block's height in Plotly (1.3 em per line, 1 px padding each side)."""
    return len(chart_text.lines(label)) * design().layout["line_height"] + 2


def label(
    words: str, y: float, xshift: float, anchor: str, yanchor: str = "middle", **extra: Any
) -> dict[str, Any]:
    """A label placed in pixels: `xshift` from the plot's left edge, `y` on the y axis."""
    return {
        "text": words,
        "xref": "paper",
        "x": 0,
        "xshift": round(xshift, 2),
        "xanchor": anchor,
        "align": anchor,
        "yref": "y",
        "y": round(y, 2),
        "yanchor": yanchor,
        "showarrow": False,
        "font": {"size": font_size()},
    } | extra


def frame_left(plan: Rows, look: Look, chart_lanes: list[Lane]) -> Frame:
    """Wide layout: item labels right-aligned left of the bars, group labels between."""
    spacing, size = design().layout, font_size()
    gap, edge = spacing["gap"], spacing["edge"]
    width = look["width"]
    group_text = {
        lane.label: chart_text.wrap(lane.label, look["group_label_max"], size)
        for lane in chart_lanes
        if lane.label
    }
    group_column = max((chart_text.block_width(t, size) for t in group_text.values()), default=0)
    group_room = group_column + gap if group_column else 0
    item_room = width * look["label_share"] - group_room - gap - edge
    item_text = {
        row.id: chart_text.wrap(row.label(plan.language), item_room, size) for row in plan.rows
    }
    item_column = max(chart_text.block_width(t, size) for t in item_text.values())
    margin_left = max(look["margin_left_min"], edge + item_column + gap + group_room)
    found = Frame(look, width, math.ceil(margin_left), look["margin_right"])
    y = look["row_gap"] / 2
    for row in plan.rows:
        row_lanes = [lane for lane in chart_lanes if lane.row == row]
        heights = [
            max(look["lane"], text_height(group_text[lane.label]) if lane.label else 0)
            for lane in row_lanes
        ]
        block = max(sum(heights), text_height(item_text[row.id]))
        lane_top = y + (block - sum(heights)) / 2
        for lane, lane_height in zip(row_lanes, heights, strict=True):
            centre = lane_top + lane_height / 2
            found.lane_y.append(centre)
            lane_top += lane_height
            if lane.label:
                found.annotations.append(label(group_text[lane.label], centre, -gap, "right"))
        found.annotations.append(
            label(item_text[row.id], y + block / 2, -(gap + group_room), "right")
        )
        y += block + look["row_gap"]
        found.separators.append(y - look["row_gap"] / 2)
    found.plot_height = y - look["row_gap"] / 2
    found.separators.pop()
    if len(chart_lanes) == len(plan.rows):  # one bar per item: no lines needed
        found.separators.clear()
    return found


def frame_above(plan: Rows, look: Look, chart_lanes: list[Lane]) -> Frame:
    """Phone layout: each item's label above its bars (bold), each group's above its bar."""
    spacing, size = design().layout, font_size()
    edge, width = spacing["edge"], look["width"]
    found = Frame(look, width, look["margin_left"], look["margin_right"])
    room = width - 2 * edge
    xshift = edge - found.margin_left
    y = look["row_gap"] / 2
    for row in plan.rows:
        words = chart_text.wrap(row.label(plan.language), room, size, bold=True)
        found.annotations.append(label(f"<b>{words}</b>", y, xshift, "left", "top"))
        y += text_height(words) + spacing["label_gap"]
        for lane in (lane for lane in chart_lanes if lane.row == row):
            if lane.label:
                group = chart_text.wrap(lane.label, room, size)
                found.annotations.append(label(group, y, xshift, "left", "top"))
                y += (
                    text_height(group)
                    + spacing["lane_label_gap"]
                    - (look["lane"] - look["bar"]) / 2
                )
            found.lane_y.append(y + look["lane"] / 2)
            y += look["lane"]
        y += look["row_gap"]
        found.separators.append(y - look["row_gap"] / 2)
    found.plot_height = y - look["row_gap"] / 2
    found.separators.pop()
    return found


@dataclass(frozen=True)
class Legend:
    """The legend above the plot: each entry's name (wrapped), colour, column and row."""

    entries: list[tuple[str, str, int, int]]  # (wrapped name, colour, column, row)
    lefts: list[float]  # each column's left edge, px from the chart's left
    row_heights: list[float]

    @property
    def height(self) -> float:
        return sum(self.row_heights)


def plan_legend(items: list[tuple[str, str]], width: float) -> Legend:
    """As few rows as fit the width, filled column by column (a scale reads down, then
    on), each column as wide as its widest name; a name wider than the chart wraps."""
    spacing, size = design().layout, font_size()
    entry = spacing["legend_swatch"] + spacing["legend_swatch_gap"]
    gap, room = spacing["legend_column_gap"], width - 2 * spacing["edge"]
    names = [name for name, _ in items]
    rows, widths = len(names), [room - entry]
    for count in range(1, len(names) + 1):
        columns = [names[c : c + count] for c in range(0, len(names), count)]
        tried = [max(chart_text.width(name, size) for name in column) for column in columns]
        if sum(tried) + len(columns) * entry + (len(columns) - 1) * gap <= room:
            rows, widths = count, tried
            break
    entries = [
        (chart_text.wrap(name, widths[i // rows], size), fill, i // rows, i % rows)
        for i, (name, fill) in enumerate(items)
    ]
    heights = [
        max(text_height(name) for name, _, _, row in entries if row == r) + 2 for r in range(rows)
    ]
    lefts = [spacing["edge"] + sum(widths[:c]) + c * (entry + gap) for c in range(len(widths))]
    return Legend(entries, lefts, heights)


def place_legend(found: Frame, legend: Legend, swatch_shape: str = "rect") -> None:
    """Swatches (shapes: "rect" for bars, "circle" for dots) and names (annotations), in
    pixels above the plot."""
    spacing, size = design().layout, font_size()
    swatch = spacing["legend_swatch"]
    outline = {"color": design().colours["segment_outline"], "width": 0.5}
    for name, fill, column, row in legend.entries:
        row_top = spacing["top"] + sum(legend.row_heights[:row])  # px below the chart's top
        above_plot = found.top - row_top  # px from the plot's top up to the row's top
        swatch_top = above_plot - (spacing["line_height"] + 2 - swatch) / 2
        left = legend.lefts[column] - found.margin_left
        found.shapes.append(
            {
                "type": swatch_shape,
                "xref": "paper",
                "xsizemode": "pixel",
                "xanchor": 0,
                "x0": round(left, 2),
                "x1": round(left + swatch, 2),
                "yref": "paper",
                "ysizemode": "pixel",
                "yanchor": 1,
                "y0": round(swatch_top, 2),
                "y1": round(swatch_top - swatch, 2),
                "fillcolor": fill,
                "line": outline,
                "layer": "above",
            }
        )
        found.annotations.append(
            {
                "text": name,
                "xref": "paper",
                "x": 0,
                "xshift": round(left + swatch + spacing["legend_swatch_gap"], 2),
                "xanchor": "left",
                "align": "left",
                "yref": "paper",
                "y": 1,
                "yshift": round(above_plot, 2),
                "yanchor": "top",
                "showarrow": False,
                "font": {"size": size},
            }
        )


def note_box(found: Frame, notes: list[str]) -> dict[str, Any]:
    """The note lines below the x axis, wrapped to the chart's width."""
    spacing, size = design().layout, font_size()
    room = found.width - 2 * spacing["edge"]
    words = "<br>".join(chart_text.wrap(note, room, size) for note in notes)
    return {
        "text": words,
        "xref": "paper",
        "x": 0,
        "xshift": spacing["edge"] - found.margin_left,
        "xanchor": "left",
        "align": "left",
        "yref": "paper",
        "y": 0,
        "yshift": -(spacing["axis_height"] + spacing["note_gap"]),
        "yanchor": "top",
        "showarrow": False,
        "font": {"size": size},
    }


FRAMES: dict[str, Callable[[Rows, Look, list[Lane]], Frame]] = {
    "left": frame_left,
    "above": frame_above,
}


def frame(plan: Plan, variant: str, notes: list[str]) -> Frame:
    """Lanes, labels, legend, the dots' neutral label and the note, for one layout."""
    look = design().layouts[variant]
    found = FRAMES[look["labels"]](plan, look, lanes(plan))
    surround(found, legend_items(plan), notes, neutral=plan.kind == "dots")
    return found


def surround(
    found: Frame,
    items: list[tuple[str, str]],
    notes: list[str],
    neutral: bool,
    swatch_shape: str = "rect",
) -> None:
    """Around a laid-out plot: the legend and the room for the neutral line's label
    above it, the x axis and the note below it, the lines between items."""
    spacing = design().layout
    legend = plan_legend(items, found.width) if items else None
    found.top = spacing["top"]
    if neutral:
        found.top += text_height(NEUTRAL_INDEX)
    if legend:  # placed from the plot's top down, so after everything above the plot
        found.top += legend.height + spacing["legend_gap"]
        place_legend(found, legend, swatch_shape)
    found.bottom = spacing["axis_height"] + spacing["edge"]
    if notes:
        note = note_box(found, notes)
        found.annotations.append(note)
        found.bottom += spacing["note_gap"] + text_height(note["text"])
    line = {"color": design().colours["separator"], "width": 1}
    x0 = round((spacing["edge"] - found.margin_left) / found.plot_width, 4)
    found.shapes += [
        {"type": "line", "xref": "paper", "x0": x0, "x1": 1, "yref": "y", "y0": y, "y1": y}
        | {"line": line, "layer": "below"}
        for y in (round(y, 2) for y in found.separators)
    ]


# --- Step 3: the x axis and the traces ------------------------------------------------


def nice_step(raw: float) -> float:
    """The smallest 1, 2, 2.5 or 5 times a power of ten at least `raw`."""
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next((n * power for n in NICE_STEPS if n * power >= raw), 10 * power)


def ticks(upper: float, step: float, limit: float | None = None) -> list[float]:
    count = int(round(upper / step)) + 1
    values = [round(i * step, 10) for i in range(count)]
    return [v for v in values if limit is None or v <= limit]


def x_axis(plan: Plan, found: Frame, traces: list[Trace]) -> dict[str, Any]:
    """Range and ticks in the layout's pixels: no tick label runs into the next."""
    look, width = found.look, found.plot_width
    room = max(1, math.floor(width / look["tick_spacing"]))
    axis = axis_style()
    percent = plan.field == "percent"
    if plan.kind == "dots":
        step = nice_step(1 / max(1, math.floor(width / 45)))
        pad = design().sizes["dot_size"] / 2 / width
        values, bounds = ticks(1, step), [-pad, 1 + pad]
    elif plan.kind == "stacked":
        sums = [sum(x or 0 for x in xs) for xs in zip(*(t["x"] for t in traces), strict=True)]
        values, bounds = ticks(100, 25 if room >= 4 else 50), [0, max(100.0, *sums)]
    else:
        upper = bars_upper(traces, width)
        step = nice_step(upper / room)
        upper = math.ceil(upper / step - 1e-9) * step
        values, bounds = ticks(upper, step, 100 if percent else None), [0, upper]
    return axis | {
        "range": bounds,
        "tickvals": values,
        "ticktext": [tick_text(value, plan.language, percent) for value in values],
    }


def axis_style() -> dict[str, Any]:
    """The x axis' looks, without range and ticks: no automargin, ticks set by value."""
    return {
        "automargin": False,
        "zeroline": False,
        "showline": False,
        "gridcolor": design().colours["grid"],
        "fixedrange": True,
        "ticks": "",
        "tickangle": 0,
        "tickfont": {"size": font_size()},
        "tickmode": "array",
    }


def tick_text(value: float, language: str, percent: bool) -> str:
    """ "25 %", "0,5", "1.000": a tick's number as the text layer writes it."""
    number = text.number(Decimal(str(value)).normalize(), language)
    return number + percent_suffix(language) if percent else number


def bars_upper(traces: list[Trace], width: float) -> float:
    """The smallest axis end at which every bar's number fits beside it in the plot."""
    padding, size = design().layout["bar_label_padding"], font_size()
    upper = 0.0
    for trace in traces:
        for x, words in zip(trace["x"], trace["text"], strict=True):
            if x is None:
                continue
            room = width - 2 * padding - chart_text.width(words, size)
            upper = max(upper, x, x * width / room if room > 0 else x)
    return upper or 1.0


def fits(words: str, value: float | None, found: Frame, upper: float) -> bool:
    """Whether a number fits inside its segment, with padding."""
    if not words or value is None:
        return False
    segment = found.plot_width * value / upper
    padding = design().layout["bar_label_padding"]
    return chart_text.width(words, font_size()) + 2 * padding <= segment


def bar_base(
    plan: Plan, found: Frame, name: str, cells: list[Cell | None], y: list[float]
) -> Trace:
    return {
        "type": "bar",
        "orientation": "h",
        "name": name,
        "x": [drawn_at(cell, plan.field) for cell in cells],
        "y": y,
        "width": found.look["bar"],
        "hovertext": [hover(cell, plan.language, name) if cell else "" for cell in cells],
        "hoverinfo": "text",
        "showlegend": False,
    }


def stacked_traces(plan: Plan, found: Frame) -> list[Trace]:
    """One segment per answer category, most positive first, neutral answers last; a
    number inside a segment where it fits, in near-black or white for contrast."""
    chart_lanes = lanes(plan)
    columns = ordered_columns(plan.columns)
    outline = {
        "color": design().colours["segment_outline"],
        "width": design().sizes["segment_outline_width"],
    }
    traces = []
    for position, column in enumerate(columns):
        cells = [plan.cell(lane.row, lane.group, column) for lane in chart_lanes]
        fill = colour(column.id, position, len(columns))
        trace = bar_base(plan, found, column.label(plan.language), cells, found.lane_y)
        trace |= {
            "text": [bar_label(cell, plan.field, plan.language) for cell in cells],
            "marker": {"color": fill, "line": outline},
            "textposition": "inside",
            "insidetextanchor": "middle",
            "textangle": 0,
            "constraintext": "none",
            "insidetextfont": {"size": font_size(), "color": label_colour(fill)},
        }
        traces.append(trace)
    upper = max(
        100.0, *(sum(x or 0 for x in xs) for xs in zip(*(t["x"] for t in traces), strict=True))
    )
    for trace in traces:
        trace["text"] = [
            words if fits(words, x, found, upper) else ""
            for words, x in zip(trace["text"], trace["x"], strict=True)
        ]
    return traces


def bar_traces(plan: Plan, found: Frame) -> list[Trace]:
    """One series per (column, group), each on its own bar under the item, its number
    beside the bar's end."""
    chart_lanes = lanes(plan)
    traces = []
    for position, (column, group) in enumerate(plan.series()):
        mine = [
            (lane, y)
            for lane, y in zip(chart_lanes, found.lane_y, strict=True)
            if lane.series == position
        ]
        cells = [plan.cell(lane.row, lane.group, column) for lane, _ in mine]
        name = series_name(plan, column, group)
        trace = bar_base(plan, found, name, cells, [y for _, y in mine])
        trace |= {
            "text": [number_text(cell, plan.field, plan.language) for cell in cells],
            "marker": {"color": series_colour(plan, position, group)},
            "textposition": "outside",
            "textangle": 0,
            "constraintext": "none",
            "cliponaxis": False,
            "outsidetextfont": {"size": font_size()},
        }
        traces.append(trace)
    return traces


def dot_traces(plan: Plan, found: Frame) -> list[Trace]:
    """One dot per lane and index column, its value beside it (left of it near 1)."""
    chart_lanes = lanes(plan)
    traces = []
    for column in plan.columns:
        name = column.label(plan.language)
        cells = [plan.cell(lane.row, lane.group, column) for lane in chart_lanes]
        xs = [drawn_at(cell, plan.field) for cell in cells]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "orientation": "h",
                "x": xs,
                "y": found.lane_y,
                "text": ["" if x is None else text.number(f"{x:.2f}", plan.language) for x in xs],
                "textposition": [dot_label_side(x) for x in xs],
                "textfont": {"size": font_size()},
                "cliponaxis": False,
                "hovertext": [hover(cell, plan.language, name) if cell else "" for cell in cells],
                "hoverinfo": "text",
                "marker": {"size": design().sizes["dot_size"], "color": design().series[0]},
                "name": name,
                "showlegend": False,
            }
        )
    return traces


def dot_label_side(x: float | None) -> str:
    """A dot's number goes on the side away from the neutral line, unless that side has
    no room (near 0 or 1)."""
    low, high = design().layout["dot_label_room"]
    if x is not None and (high < x or low <= x < float(NEUTRAL_INDEX)):
        return "middle left"
    return "middle right"


TRACES: dict[str, Callable[[Plan, Frame], list[Trace]]] = {
    "dots": dot_traces,
    "stacked": stacked_traces,
    "bars": bar_traces,
}


# --- Step 4: the layout -----------------------------------------------------------------


def layout(plan: Plan, found: Frame, traces: list[Trace]) -> dict[str, Any]:
    axis = x_axis(plan, found, traces)
    drawn = pixel_layout(found, plan.language, axis, neutral=plan.kind == "dots")
    return drawn | {"barmode": "stack" if plan.kind == "stacked" else "overlay"}


def pixel_layout(
    found: Frame, language: str, axis: dict[str, Any], neutral: bool = False
) -> dict[str, Any]:
    """A figure's layout in the frame's pixels: no automargin, the y axis counting
    pixels from the top of the plot, text in the page's colour (light scheme); with
    `neutral`, an index's dotted 0.5 line and its label (room made by surround())."""
    colours = design().colours
    shapes, annotations = list(found.shapes), list(found.annotations)
    if neutral:
        line, label = neutral_line(language)
        shapes.append(line | {"layer": "below"})
        annotations.append(label)
    return {
        "template": "none",
        "font": {
            "family": design().font["family"],
            "size": design().font["size"],
            "color": design().text["light"],
        },
        "separators": separators(language),
        "width": found.width,
        "height": found.height,
        "margin": {
            "l": found.margin_left,
            "r": found.margin_right,
            "t": round(found.top, 2),
            "b": round(found.height - found.top - found.plot_height, 2),
            "pad": 0,
            "autoexpand": False,
        },
        "paper_bgcolor": colours["background"],
        "plot_bgcolor": colours["background"],
        "showlegend": False,
        "xaxis": axis,
        "yaxis": {
            "range": [round(found.plot_height, 2), 0],
            "visible": False,
            "fixedrange": True,
            "automargin": False,
        },
        "hovermode": "closest",
        "annotations": annotations,
        "shapes": shapes,
    }


def separators(language: str) -> str:
    """Plotly's decimal and thousands separators, as the text layer writes numbers."""
    sample = text.number("1000.5", language)  # "1.000,5" in Danish, "1,000.5" in English
    return sample[-2] + sample[1]


def percent_suffix(language: str) -> str:
    """What follows a percentage's digits: " %" (no-break space) in Danish, "%" in English."""
    return text.percent("0", language).removeprefix(text.number("0", language))


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


# --- Step 5: notes and alt text -------------------------------------------------------


def missing_reason(cell: Cell) -> str:
    """Why a cell has no mark in the chart (a key of strings.yaml `charts`)."""
    return next((reason for flag, reason in MISSING_REASONS if cell.has(flag)), OTHER_MEASURE)


def note_lines(plan: Plan) -> list[str]:
    reasons = {missing_reason(c) for c in plan.cells if c.number(plan.field) is None}
    return [text.text(f"charts.{reason}", plan.language) for reason in sorted(reasons)]


def alt_text(plan: Plan) -> str:
    """The chart's form, its size and its largest value, in one or two sentences."""
    language = plan.language
    best = max(plan.cells, key=lambda cell: sort_value(cell, plan.field))
    printed = best.number(plan.field)
    value = ""
    if printed is not None:
        shown = text.percent if plan.field == "percent" else text.number
        value = shown(printed, language)
    label_words = best.row.label(language)
    if len(plan.columns) > 1:
        label_words += f" – {best.column.label(language)}"
    groups = ""
    if plan.multi_group:
        label_words += f" ({best.group.label(language)})"
        names = [" ".join(group.label(language).split()) for group in plan.groups]
        names = [name.lower() if language == "da" else name for name in names]
        joined = f" {text.text('charts.and', language)} ".join(names)
        groups = text.text("charts.groups", language, groups=joined)
    form = text.text(f"charts.{plan.kind}", language)
    return text.text(
        "charts.alt",
        language,
        form=form,
        n=len(plan.rows),
        groups=groups,
        label=label_words,
        value=value,
    )


# --- The chart ------------------------------------------------------------------------


def lane_cells(plan: Plan, lane: Lane) -> list[Cell | None]:
    if plan.kind == "bars":
        column, group = plan.series()[lane.series]
        return [plan.cell(lane.row, group, column)]
    return [plan.cell(lane.row, lane.group, column) for column in plan.columns]


def empty_lane_notes(plan: Plan, found: Frame) -> list[dict[str, Any]]:
    """In a bar with nothing to draw, why: "ikke spurgt", "tabt i tekstudgaven" …"""
    notes = []
    for lane, y in zip(lanes(plan), found.lane_y, strict=True):
        cells = [cell for cell in lane_cells(plan, lane) if cell is not None]
        if not cells or any(cell.number(plan.field) is not None for cell in cells):
            continue
        reason = missing_reason(cells[0])
        if reason != OTHER_MEASURE:
            words = text.text(f"table_block.{reason}", plan.language)
            notes.append(label(f"<i>{words}</i>", y, design().layout["edge"], "left"))
    return notes


def draw(plan: Plan, variant: str, notes: list[str]) -> dict[str, Any]:
    """The figure of one layout (chart_design.yaml `layouts`)."""
    found = frame(plan, variant, notes)
    traces = TRACES[plan.kind](plan, found)
    found.annotations += empty_lane_notes(plan, found)
    return {"data": traces, "layout": layout(plan, found, traces)}


def chart_for(table: TableView, language: str) -> Chart | None:
    """The table's chart in one language, or None if it has no cells to draw."""
    plan = plan_chart(table, language)
    if plan is None:
        return None
    notes = note_lines(plan)
    figures = {variant: draw(plan, variant, notes) for variant in LAYOUTS}
    marks = count_marks(plan.kind, figures["desktop"]["data"])
    return Chart(
        table.table_id,
        language,
        plan.kind,
        figures["desktop"],
        alt_text(plan),
        marks,
        figures["phone"],
    )


def figure_json(chart: Chart | dict[str, Any]) -> str:
    """Deterministic JSON, safe inside <script type="application/json">."""
    figure = chart.figure if isinstance(chart, Chart) else chart
    encoded = json.dumps(figure, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return encoded.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
