"""Charts for every table and figure of the data package, in Danish and English.

    python scripts/build_charts.py --out DIR   # writes DIR/<da|en>/<ID>.json (Plotly figures)

The site hook calls `chart_for()` for each table block. One design system for all charts
is defined here (palette, category order, fonts, sizes, number formats); the chart
form follows from the data:

- shares that add up across the columns of a row (`sum = columns`): horizontal stacked
  bars, ordered from most to least positive, in a diverging colour-blind-safe palette
  (ColorBrewer PuOr), with "don't know", "too early", "not relevant" and "no
  cooperation" set apart in neutral greys at the end;
- several groups (project leaders vs board members): adjacent bars per item;
- one distribution or a multiple-response list: bars (multiple response sorted);
- 0–1 indices: dots on a 0–1 axis with the neutral 0.5 marked;
- averages and counts: bars of the value.

Cells the report hides (< 5 %) or the transcript lost are left out of the bars (never
drawn as 0) and explained in the chart note; flagged cells are marked in the hover text.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from paths import ROOT

DATA_DIR = ROOT / "datapackage" / "data"
TOTAL = "total"

# --- Design system -------------------------------------------------------------------
FONT = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"
SERIES_COLOURS = ["#5e3c99", "#e66101", "#4393c3", "#b2abd2", "#fdb863", "#1b7837"]
GROUP_COLOURS = {"board_members": "#5e3c99", "project_leaders": "#e66101"}
# Ordered answer categories, most positive first, with their PuOr colours.
ORDERED = {
    "high_degree": "#5e3c99",
    "some_degree": "#b2abd2",
    "lesser_degree": "#fdb863",
    "not_at_all": "#e66101",
    "very_positive": "#5e3c99",
    "positive": "#b2abd2",
    "neither": "#f7f7f7",
    "negative": "#fdb863",
    "very_negative": "#e66101",
    "scale_5": "#5e3c99",
    "scale_4": "#b2abd2",
    "scale_3": "#f7f7f7",
    "scale_2": "#fdb863",
    "scale_1": "#e66101",
    "yes": "#5e3c99",
    "no": "#e66101",
    "attended_meeting": "#5e3c99",
    "not_attended_meeting": "#e66101",
}
NEUTRAL = {
    "too_early": "#9e9e9e",
    "not_yet_relevant": "#c7c7c7",
    "not_relevant": "#c7c7c7",
    "no_cooperation": "#6f6f6f",
    "dont_know": "#b0b0b0",
}
SEQUENTIAL = ["#f2f0f7", "#cbc9e2", "#9e9ac8", "#6a51a3", "#3f007d"]
BAR_HEIGHT = 26
LABEL_WIDTH = 22  # characters per line of an axis label, so labels fit a phone
HIDDEN = "hidden_below_5_percent"
MIN_LABELLED_PERCENT = Decimal(6)

TEXT = {
    "da": {
        "of": "af",
        "hidden": "Værdier under 5 % er ikke vist i rapporten og mangler derfor i søjlerne (ukendte, ikke 0).",
        "lost": "Tal, der er tabt i kildeteksten, mangler i søjlerne.",
        "not_asked": "Spørgsmål, der ikke blev stillet til en gruppe, har ingen søjle.",
        "other_measure": "Celler, der er trykt uden procent (fx et rent antal), er ikke tegnet.",
        "flag": {
            "inferred_from_text": "tal fra rapportens tekst",
            "position_uncertain": "usikker placering",
            "printed_inconsistency": "trykt uoverensstemmelse (se errata)",
        },
        "neutral": "Neutral (0,5)",
        "stacked": "Stablede vandrette søjler",
        "bars": "Vandrette søjler",
        "dots": "Punkter på en skala fra 0 til 1",
        "alt": "{form} for {n} rækker{groups}. Største værdi: {label} med {value}. Alle tal står i tabellen under diagrammet.",
        "groups": " fordelt på {groups}",
        "and": "og",
    },
    "en": {
        "of": "of",
        "hidden": "Values under 5% are not shown in the report and are missing from the bars (unknown, not 0).",
        "lost": "Numbers lost in the source text are missing from the bars.",
        "not_asked": "Questions not put to a group have no bar.",
        "other_measure": "Cells printed without a percentage (e.g. a bare count) are not drawn.",
        "flag": {
            "inferred_from_text": "number from the report's text",
            "position_uncertain": "uncertain position",
            "printed_inconsistency": "printed inconsistency (see errata)",
        },
        "neutral": "Neutral (0.5)",
        "stacked": "Stacked horizontal bars",
        "bars": "Horizontal bars",
        "dots": "Dots on a scale from 0 to 1",
        "alt": "{form} for {n} rows{groups}. Largest value: {label} at {value}. All numbers are in the table below the chart.",
        "groups": " split by {groups}",
        "and": "and",
    },
}


@dataclass(frozen=True)
class Chart:
    table_id: str
    language: str
    kind: str  # stacked | bars | dots
    figure: dict[str, Any]
    alt: str
    bars: int  # number of drawn bar/dot marks (for tests)


def _read(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def _catalogue() -> dict[str, dict[str, str]]:
    return {row["table_id"]: row for row in _read("tables")}


@cache
def _cells_by_table() -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _read("observations"):
        grouped[row["table_id"]].append(row)
    return grouped


def wrap(label: str, width: int = LABEL_WIDTH) -> str:
    """Break a long axis label into lines (Plotly understands <br>)."""
    lines: list[str] = []
    for word in label.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines)


def number_text(text: str, language: str) -> str:
    return text.replace(".", ",") if language == "da" else text


def percent_text(text: str, language: str) -> str:
    return f"{number_text(text, language)}\u00a0%" if language == "da" else f"{text}%"


def missing_reason(cell: dict[str, str]) -> str:
    """Why a cell has no mark in the chart (a key of TEXT[language])."""
    if HIDDEN in cell["flags"]:
        return "hidden"
    if "not_asked" in cell["flags"]:
        return "not_asked"
    if "lost_in_transcript" in cell["flags"]:
        return "lost"
    return "other_measure"


def chart_field(cells: list[dict[str, str]]) -> str:
    """The one measure a table's chart draws: percent if any is printed, else value, else count.

    A cell printed without that measure (e.g. a bare count in a table of percentages) is
    left out rather than drawn on the wrong scale."""
    for field in ("percent", "value", "count"):
        if any(cell[field] for cell in cells):
            return field
    return "count"


def measure(cell: dict[str, str], field: str) -> tuple[str, str] | None:
    """(field, printed text) of the number a chart draws for this cell, if printed."""
    return (field, cell[field]) if cell[field] else None


def hover(cell: dict[str, str], language: str, series: str) -> str:
    words = TEXT[language]
    parts = []
    if cell["percent"]:
        parts.append(percent_text(cell["percent"], language))
        if cell["count"] and cell["base"]:
            parts.append(f"({cell['count']} {words['of']} {cell['base']})")
        elif cell["count"]:
            parts.append(f"({cell['count']})")
    elif cell["value"]:
        parts.append(number_text(cell["value"], language))
        if cell["base"]:
            parts.append(f"(N={cell['base']})")
    elif cell["count"]:
        parts.append(cell["count"])
    flags = [words["flag"][f] for f in cell["flags"].split(";") if f in words["flag"]]
    text = f"{series}: {' '.join(parts)}"
    return text + (f" — {', '.join(flags)}" if flags else "")


def _ordered_columns(columns: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    ranked = list(ORDERED)
    ordered = [c for c in columns if c[1] in ORDERED]
    if ordered and all(c[1] in ORDERED or c[1] in NEUTRAL for c in columns):
        ordered.sort(key=lambda c: ranked.index(c[1]))
        return ordered + [c for c in columns if c[1] in NEUTRAL]
    return columns


def _colour(column_id: str, position: int, count: int) -> str:
    if column_id in ORDERED:
        return ORDERED[column_id]
    if column_id in NEUTRAL:
        return NEUTRAL[column_id]
    step = max(1, (len(SEQUENTIAL) - 1) // max(1, count - 1))
    return SEQUENTIAL[min(len(SEQUENTIAL) - 1, 1 + position * step)]


def chart_for(table_id: str, language: str) -> Chart | None:
    entry = _catalogue().get(table_id)
    cells = [c for c in _cells_by_table().get(table_id, []) if c["row_id"] != TOTAL]
    if entry is None or not cells:
        return None
    cells = [c for c in cells if c["column_id"] != TOTAL]
    words = TEXT[language]
    rows = sorted(
        {(int(c["row_order"]), c["row_id"], wrap(c[f"row_label_{language}"])) for c in cells}
    )
    groups = list(
        dict.fromkeys((c["group"], wrap(c[f"group_label_{language}"], 14)) for c in cells)
    )
    columns = sorted(
        {(int(c["column_order"]), c["column_id"], c[f"column_label_{language}"]) for c in cells}
    )
    lookup = {(c["row_id"], c["group"], c["column_id"]): c for c in cells}
    multi_group = len(groups) > 1
    is_index = all(c["value"] and not c["percent"] for c in cells) and any(
        c["column_id"] == "scale_index" for c in cells
    )
    stacked = entry["sum_axis"] == "columns" and len(columns) > 1
    notes = set()
    field = chart_field(cells)
    for cell in cells:
        if not measure(cell, field):
            notes.add(missing_reason(cell))

    if entry["multiple_response"] == "true" and not multi_group and len(columns) == 1:
        rows.sort(
            key=lambda r: -_sort_value(lookup.get((r[1], groups[0][0], columns[0][1])), field)
        )
    # Plotly draws the first category at the bottom of a horizontal bar chart.
    rows_bottom_up = list(reversed(rows))
    if multi_group:
        y_items = [r[2] for r in rows_bottom_up for _ in groups]
        y_groups = [g[1] for _ in rows_bottom_up for g in reversed(groups)]
        y: Any = [y_items, y_groups]
        keys = [(r[1], g[0]) for r in rows_bottom_up for g in reversed(groups)]
    else:
        y = [r[2] for r in rows_bottom_up]
        keys = [(r[1], groups[0][0]) for r in rows_bottom_up]

    traces: list[dict[str, Any]] = []
    marks = 0
    layout_legend_reversed = False
    if is_index:
        kind = "dots"
        for column in columns:
            xs, texts = [], []
            for row_id, group in keys:
                cell = lookup.get((row_id, group, column[1]))
                found = measure(cell, field) if cell else None
                xs.append(float(Decimal(found[1])) if found else None)
                texts.append(hover(cell, language, column[2]) if cell else "")
            marks += sum(x is not None for x in xs)
            traces.append(
                {
                    "type": "scatter",
                    "mode": "markers+text",
                    "orientation": "h",
                    "x": xs,
                    "y": y,
                    "text": [
                        number_text(f"{x:.2f}", language) if x is not None else "" for x in xs
                    ],
                    "textposition": "middle right",
                    "hovertext": texts,
                    "hoverinfo": "text",
                    "marker": {"size": 14, "color": SERIES_COLOURS[0]},
                    "name": column[2],
                    "showlegend": False,
                }
            )
    elif stacked:
        kind = "stacked"
        ordered = _ordered_columns(columns)
        for position, column in enumerate(ordered):
            trace = _bar_trace(column, keys, y, lookup, language, field)
            trace["marker"] = {
                "color": _colour(column[1], position, len(ordered)),
                "line": {"color": "rgba(128,128,128,0.6)", "width": 0.5},
            }
            marks += sum(v is not None and v != 0 for v in trace["x"])
            traces.append(trace)
    else:
        kind = "bars"
        series = [(column, group) for column in columns for group in groups]
        # Horizontal groups stack their first trace at the bottom: add them in reverse
        # and reverse the legend, so bars and legend both read in print order.
        layout_legend_reversed = len(series) > 1
        for position, (column, group) in reversed(list(enumerate(series))):
            if multi_group:
                group_keys = [(r[1], group[0]) for r in rows_bottom_up]
                group_y = [r[2] for r in rows_bottom_up]
            else:
                group_keys, group_y = keys, y
            name = group[1] if len(columns) == 1 else column[2]
            if multi_group and len(columns) > 1:
                name = f"{column[2]} – {group[1]}"
            trace = _bar_trace(column, group_keys, group_y, lookup, language, field, name)
            colour = GROUP_COLOURS.get(group[0]) if multi_group and len(columns) == 1 else None
            trace["marker"] = {"color": colour or SERIES_COLOURS[position % len(SERIES_COLOURS)]}
            trace["showlegend"] = len(series) > 1
            marks += sum(v is not None and v != 0 for v in trace["x"])
            traces.append(trace)

    percent_axis = any(c["percent"] for c in cells)
    note_lines = [words[n] for n in sorted(notes)]
    # Each category needs room for its (wrapped) label and, per group, one bar.
    lines_per_row = [r[2].count("<br>") + 1 for r in rows]
    bars_per_row = len(groups) if multi_group else 1
    if kind == "bars" and not multi_group:
        bars_per_row = max(1, len(columns))
    height = 90 + sum(max(BAR_HEIGHT * bars_per_row, 15 * lines + 8) for lines in lines_per_row)
    layout: dict[str, Any] = {
        "template": "none",
        "font": {"family": FONT, "size": 13},
        "separators": ",." if language == "da" else ".,",
        "height": height,
        "margin": {"l": 10, "r": 20, "t": 10, "b": 40 + 18 * len(note_lines)},
        "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)",
        "barmode": "stack" if kind == "stacked" else "group",
        "bargap": 0.25,
        "showlegend": kind != "dots",
        "legend": {
            "orientation": "h",
            "y": 1.0,
            "yanchor": "bottom",
            "x": 0,
            "traceorder": "normal",
        },
        "xaxis": {
            "automargin": True,
            "zeroline": False,
            "gridcolor": "rgba(128,128,128,0.25)",
            "fixedrange": True,
        },
        "yaxis": {
            "automargin": True,
            "fixedrange": True,
            "ticks": "",
            "tickfont": {"size": 11},
            "gridcolor": "rgba(128,128,128,0.25)",
        },
        "hovermode": "closest",
    }
    if kind == "bars" and layout_legend_reversed:
        layout["legend"]["traceorder"] = "reversed"
    if kind == "stacked":
        layout["legend"]["traceorder"] = "normal"
        layout["xaxis"].update(
            {
                "range": [0, 100],
                "dtick": 25,
                "tickangle": 0,
                "ticksuffix": "\u00a0%" if language == "da" else "%",
            }
        )
    elif percent_axis:
        layout["xaxis"]["ticksuffix"] = "\u00a0%" if language == "da" else "%"
        layout["xaxis"]["rangemode"] = "tozero"
    if kind == "dots":
        layout["margin"]["t"] = 28  # room for the "Neutral (0.5)" label
        layout["xaxis"].update({"range": [0, 1], "dtick": 0.1})
        layout["shapes"] = [
            {
                "type": "line",
                "x0": 0.5,
                "x1": 0.5,
                "yref": "paper",
                "y0": 0,
                "y1": 1,
                "line": {"color": "#888888", "dash": "dot", "width": 1.5},
            }
        ]
        layout["annotations"] = [
            {
                "x": 0.5,
                "y": 1,
                "yref": "paper",
                "yanchor": "bottom",
                "text": words["neutral"],
                "showarrow": False,
                "font": {"size": 11},
            }
        ]
    if note_lines:
        layout.setdefault("annotations", []).append(
            {
                "xref": "paper",
                "yref": "paper",
                "x": 0,
                "y": 0,
                "yshift": -34,
                "xanchor": "left",
                "yanchor": "top",
                "align": "left",
                "showarrow": False,
                "font": {"size": 11},
                "text": "<br>".join(note_lines),
            }
        )
    figure = {"data": traces, "layout": layout}
    return Chart(
        table_id, language, kind, figure, _alt_text(kind, rows, groups, cells, language), marks
    )


def _sort_value(cell: dict[str, str] | None, field: str) -> float:
    found = measure(cell, field) if cell else None
    return float(Decimal(found[1])) if found else -1.0


def _bar_trace(
    column: tuple[int, str, str],
    keys: list[tuple[str, str]],
    y: Any,
    lookup: dict[tuple[str, str, str], dict[str, str]],
    language: str,
    field: str,
    name: str | None = None,
) -> dict[str, Any]:
    xs: list[float | None] = []
    texts, labels = [], []
    for row_id, group in keys:
        cell = lookup.get((row_id, group, column[1]))
        found = measure(cell, field) if cell else None
        xs.append(float(Decimal(found[1])) if found else None)
        texts.append(hover(cell, language, name or column[2]) if cell else "")
        # Too narrow a segment for its label: leave it to the hover and the table.
        if found and not (found[0] == "percent" and Decimal(found[1]) < MIN_LABELLED_PERCENT):
            labels.append(number_text(found[1], language))
        else:
            labels.append("")
    return {
        "type": "bar",
        "orientation": "h",
        "name": name or column[2],
        "x": xs,
        "y": y,
        "text": labels,
        "textposition": "inside",
        "insidetextanchor": "middle",
        "textfont": {"size": 11},
        "textangle": 0,
        "constraintext": "both",
        "hovertext": texts,
        "hoverinfo": "text",
    }


def _alt_text(
    kind: str,
    rows: list[tuple[int, str, str]],
    groups: list[tuple[str, str]],
    cells: list[dict[str, str]],
    language: str,
) -> str:
    words = TEXT[language]
    field = chart_field(cells)
    best = max(cells, key=lambda c: _sort_value(c, field))
    found = measure(best, field)
    value = ""
    if found:
        value = (
            percent_text(found[1], language)
            if found[0] == "percent"
            else number_text(found[1], language)
        )
    label = best[f"row_label_{language}"]
    if len({c["column_id"] for c in cells}) > 1:
        label += f" – {best[f'column_label_{language}']}"
    if len(groups) > 1:
        label += f" ({best[f'group_label_{language}']})"
    group_text = ""
    if len(groups) > 1:
        names = [g[1].replace("<br>", " ") for g in groups]
        names = [name.lower() if language == "da" else name for name in names]
        group_text = words["groups"].format(groups=f" {words['and']} ".join(names))
    return words["alt"].format(
        form={"stacked": words["stacked"], "bars": words["bars"], "dots": words["dots"]}[kind],
        n=len(rows),
        groups=group_text,
        label=label,
        value=value,
    )


def figure_json(chart: Chart) -> str:
    """Deterministic JSON, safe inside <script type="application/json">."""
    text = json.dumps(chart.figure, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="folder for <lang>/<ID>.json")
    arguments = parser.parse_args(argv)
    written = 0
    for language in ("da", "en"):
        folder = arguments.out / language
        folder.mkdir(parents=True, exist_ok=True)
        for table_id in _catalogue():
            chart = chart_for(table_id, language)
            if chart:
                (folder / f"{table_id}.json").write_text(
                    figure_json(chart) + "\n", encoding="utf-8"
                )
                written += 1
    print(f"build_charts: wrote {written} charts to {arguments.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
