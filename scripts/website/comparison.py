"""The strategic and the practical level side by side: `{{ comparison() }}`.

The page docs/sammenligning*.md compares the board members (strategic level) and the
project leaders (practical level) on every question both groups were asked with the
same answer scale. Everything here is read from the published package:

- questions: the rows where a table has both groups with the same columns (neither left
  out as not asked), and the rows of two figures that each hold one group with the same
  rows and columns (figures 9 and 10: one index per group);
- the positive share of a group: the sum of the printed percentages of the categories
  `comparison.yaml` counts as positive for the table's answer scale. Only printed numbers
  are summed: a hidden category (< 5 %) makes the sum a lower bound ("at least"), a lost
  one makes it unknown; neither is ever drawn or written as 0. A 0–1 index is compared as
  printed;
- a Wilson score interval per share: this site's addition, not the report's;
- themes: the section of the findings page where the table's block stands (its nearest
  heading); when tables of one section ask the same items (figures 11–16 each ask about
  the same two kinds of goals), each such table is a theme of its own, named by its title.
  Within a theme the questions run from the largest gap to the smallest.

The macro renders the generated part of the page (summary, rule, largest gaps, one
dot plot per theme with its alt text and data table) from the template comparison.html;
`downloads()` gives download/comparison.csv and its Table Schema.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from statistics import NormalDist
from typing import Any

import yaml
from markupsafe import Markup, escape

from paths import DOCS_DIR, ROOT
from website import blocks, chart_text, charts, macros, templates, text
from website.macros import Page
from website.view import Cell, Item, PackageError, PackageView, TableView, load

SETTINGS = Path(__file__).with_name("comparison.yaml")
SHARE, INDEX = "share", "index"
COMPLETE, AT_LEAST, HIDDEN, LOST = "complete", "at_least", "hidden", "lost"
STATUSES = (COMPLETE, AT_LEAST, HIDDEN, LOST)
HIDDEN_FLAG = blocks.HIDDEN
NOT_ASKED_FLAG = blocks.NOT_ASKED
# A printed N at the end of a row label ("Koordinering (N=38)", "(Board N=71)"): the
# page shows N in its own column, and the two figures' labels then agree.
PRINTED_N = re.compile(r"\s*\((?:[^()]*\s)?N\s*=\s*\d+\)\s*$")
HEADING = re.compile(r"^#{2,6}\s+(?P<title>.+?)\s*\{#(?P<anchor>[A-Za-z][\w-]*)\}\s*$")
PAGE = "sammenligning"  # docs/sammenligning.md, the same path in both languages
KIND = "dumbbell"  # the chart's data-chart-kind
CSV_NAME = "comparison.csv"
SCHEMA_NAME = "comparison.schema.json"


# --- Settings (comparison.yaml) -------------------------------------------------------


@dataclass(frozen=True)
class Scale:
    """An answer scale: its categories, most positive first, and those counted positive."""

    name: str
    categories: tuple[str, ...]
    positive: tuple[str, ...]


@dataclass(frozen=True)
class Settings:
    groups: tuple[str, str]  # strategic level first; the gap is first minus second
    scales: tuple[Scale, ...]
    outside: tuple[str, ...]
    total: str
    index_column: str
    confidence: float
    looks: dict[str, Any] = field(hash=False)
    csv: dict[str, Any] = field(hash=False)


@cache
def settings(path: Path = SETTINGS) -> Settings:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    scales = tuple(
        Scale(name, tuple(node["categories"]), tuple(node["positive"]))
        for name, node in data["scales"].items()
    )
    for scale in scales:
        if not scale.positive or not set(scale.positive) <= set(scale.categories):
            raise PackageError(f"{path.name}: scale {scale.name}: positive not among categories")
    groups = tuple(data["groups"])
    if len(groups) != 2:
        raise PackageError(f"{path.name}: groups must name the two groups compared")
    return Settings(
        groups=(groups[0], groups[1]),
        scales=scales,
        outside=tuple(data["outside"]),
        total=data["total"],
        index_column=data["index_column"],
        confidence=float(data["confidence"]),
        looks=data["looks"],
        csv=data["csv"],
    )


# --- The questions both groups were asked ---------------------------------------------


@dataclass(frozen=True, eq=False)
class Question:
    """A row both groups answered on the same scale: in one table, or in two figures
    that hold one group each (`tables` in the order of `settings().groups`)."""

    tables: tuple[TableView, TableView]
    row_id: str
    measure: str  # share | index
    scale: Scale | None  # None for an index

    @property
    def in_order(self) -> list[TableView]:
        """The tables it stands in, in report order (one when both are the same)."""
        unique = {t.table_id: t for t in self.tables}
        return sorted(unique.values(), key=report_order)

    @property
    def table_ids(self) -> list[str]:
        return [t.table_id for t in self.in_order]

    @property
    def key(self) -> str:
        return f"{'+'.join(self.table_ids)}:{self.row_id}"

    def table(self, group: str) -> TableView:
        return self.tables[settings().groups.index(group)]

    def label(self, language: str) -> str:
        """The row label as printed, without a printed N (shown in its own column)."""
        row = next(r for r in self.tables[0].rows if r.id == self.row_id)
        return PRINTED_N.sub("", row.label(language))


def report_order(table: TableView) -> tuple[int, str, int]:
    return (int(table.entry["page"]), table.kind, table.number)


def asked_columns(table: TableView, row_id: str, group: str) -> frozenset[str] | None:
    """The columns a group has in a row (without the total), or None if it has none or
    was not asked."""
    cells = [
        c
        for c in table.cells
        if c.row.id == row_id and c.group.id == group and c.column.id != settings().total
    ]
    if not cells or all(c.has(NOT_ASKED_FLAG) for c in cells):
        return None
    return frozenset(c.column.id for c in cells)


def answer_scale(table: TableView, columns: frozenset[str]) -> tuple[str, Scale | None]:
    """An index, or the answer scale whose categories the table's columns are."""
    config = settings()
    if columns == {config.index_column}:
        return INDEX, None
    for scale in config.scales:
        on_scale = columns - set(config.outside)
        if on_scale <= set(scale.categories) and set(scale.positive) <= columns:
            return SHARE, scale
    raise PackageError(
        f"{table.table_id}: columns {sorted(columns)} fit no answer scale in "
        f"{SETTINGS.name}; say there which of them count as positive"
    )


def question(first: TableView, second: TableView, row_id: str) -> Question | None:
    """The row as a question both groups answered alike, or None."""
    groups = settings().groups
    columns = [asked_columns(t, row_id, g) for t, g in zip((first, second), groups, strict=True)]
    if columns[0] is None or columns[0] != columns[1]:
        return None
    measure, scale = answer_scale(first, columns[0])
    return Question((first, second), row_id, measure, scale)


def paired_tables(tables: list[TableView]) -> Iterator[tuple[TableView, TableView]]:
    """Two tables holding one group each, with the same rows and columns."""
    first_group, second_group = settings().groups

    def alone(group: str) -> list[TableView]:
        return [t for t in tables if [g.id for g in t.groups] == [group]]

    for first in alone(first_group):
        for second in alone(second_group):
            same_rows = [r.id for r in first.rows] == [r.id for r in second.rows]
            if same_rows and [c.id for c in first.columns] == [c.id for c in second.columns]:
                yield first, second


def questions(tables: list[TableView] | None = None) -> list[Question]:
    """Every question both groups were asked with the same answer scale, in report order."""
    tables = [t for t in (tables if tables is not None else load().tables()) if t.in_package]
    groups = set(settings().groups)
    found: list[Question] = []
    pairs = [(t, t) for t in tables if groups <= {g.id for g in t.groups}]
    pairs += list(paired_tables(tables))
    for first, second in sorted(pairs, key=lambda pair: min(map(report_order, pair))):
        for row in first.rows:
            if row.id != settings().total and (found_question := question(first, second, row.id)):
                found.append(found_question)
    return found


# --- A group's value: summed printed shares, or a printed index -----------------------


@dataclass(frozen=True)
class Value:
    """What a group's answer comes to. `amount` is a percentage (share) or an index; it is
    None when unknown (hidden or lost), and a lower bound when `status` is at_least."""

    status: str  # complete | at_least | hidden | lost
    amount: Decimal | None
    base: int | None
    flags: tuple[str, ...]
    interval: tuple[float, float] | None  # percent, for complete shares with a base

    @property
    def drawn(self) -> bool:
        return self.amount is not None


def unique_flags(cells: list[Cell]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(flag for cell in cells for flag in cell.flags))


def common_base(cells: list[Cell], where: str) -> int | None:
    bases = {cell.base for cell in cells if cell.base is not None}
    if len(bases) > 1:
        raise PackageError(f"{where}: summed cells have different bases {sorted(bases)}")
    return bases.pop() if bases else None


def positive_share(table: TableView, row_id: str, group: str, positive: tuple[str, ...]) -> Value:
    """The sum of the printed percentages of the positive categories.

    complete: every category printed; at_least: some hidden (< 5 %, unknown), the sum of
    the printed ones is a lower bound; hidden: none printed, all hidden; lost: a category
    lost in the text version (or missing), so the sum is unknown."""
    where = f"{table.table_id}, row {row_id!r}, group {group!r}"
    cells = []
    for column in positive:
        cell = table.cell(row_id, group, column)
        if cell is None:
            raise PackageError(f"{where}: no cell {column!r}")
        cells.append(cell)
    printed = [Decimal(cell.percent) for cell in cells if cell.percent is not None]
    missing = [cell for cell in cells if cell.percent is None]
    base = common_base(cells, where)
    flags = unique_flags(cells)
    if any(not cell.has(HIDDEN_FLAG) for cell in missing):
        return Value(LOST, None, base, flags, None)
    if missing and not printed:
        return Value(HIDDEN, None, base, flags, None)
    amount = sum(printed, Decimal(0))
    if missing:
        return Value(AT_LEAST, amount, base, flags, None)
    interval = None
    if base:
        low, high = wilson(min(1.0, float(amount) / 100), base, settings().confidence)
        interval = (low * 100, high * 100)
    return Value(COMPLETE, amount, base, flags, interval)


def index_value(table: TableView, row_id: str, group: str) -> Value:
    cell = table.cell(row_id, group, settings().index_column)
    if cell is None:
        raise PackageError(f"{table.table_id}, row {row_id!r}, group {group!r}: no index")
    flags = unique_flags([cell])
    if cell.value is None:
        return Value(HIDDEN if cell.has(HIDDEN_FLAG) else LOST, None, cell.base, flags, None)
    return Value(COMPLETE, Decimal(cell.value), cell.base, flags, None)


def wilson(share: float, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval of a proportion `share` observed among `n` (as fractions).

    Unlike share ± z·se it stays within 0–1 and behaves near 0 and 1 and for small n."""
    if n <= 0 or not 0.0 <= share <= 1.0:
        raise ValueError(f"no interval for a share of {share} among {n}")
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (share + z2 / (2 * n)) / denominator
    half = z * math.sqrt(share * (1 - share) / n + z2 / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True, eq=False)
class Comparison:
    question: Question
    values: tuple[Value, Value]  # in the order of settings().groups

    def value(self, group: str) -> Value:
        return self.values[settings().groups.index(group)]

    @property
    def gap(self) -> Decimal | None:
        """First group minus second (percentage points, or index points), when both are
        known completely."""
        first, second = self.values
        if first.status == COMPLETE and second.status == COMPLETE:
            assert first.amount is not None and second.amount is not None
            return first.amount - second.amount
        return None

    @property
    def overlap(self) -> bool | None:
        """Whether the two intervals overlap (None without both intervals)."""
        first, second = (value.interval for value in self.values)
        if first is None or second is None:
            return None
        return first[0] <= second[1] and second[0] <= first[1]


def compare(question: Question) -> Comparison:
    values = []
    for group in settings().groups:
        table = question.table(group)
        if question.measure == INDEX:
            values.append(index_value(table, question.row_id, group))
        else:
            assert question.scale is not None
            values.append(positive_share(table, question.row_id, group, question.scale.positive))
    return Comparison(question, (values[0], values[1]))


def by_gap(comparisons: list[Comparison]) -> list[Comparison]:
    """Largest gap (either way) first; unknown gaps last, in report order."""
    return sorted(comparisons, key=lambda c: (c.gap is None, -abs(c.gap or 0)))


# --- Themes: where the tables stand on the findings pages -----------------------------


@dataclass(frozen=True)
class Section:
    """The heading a table's block stands under: its page, anchor and title."""

    page: str  # "resultater/organisationsstruktur/"
    anchor: str | None  # None: the block stands before the page's first section
    title: str  # as the page writes it (Markdown)
    page_title: str


def page_source(page: str, language: str, docs_dir: Path) -> Path:
    stem = page.rstrip("/") or "index"
    name = f"{stem}.md" if language == "da" else f"{stem}.{language}.md"
    source = docs_dir / name
    if not source.is_file():
        source = docs_dir / stem / ("index.md" if language == "da" else f"index.{language}.md")
    return source


@cache
def sections(language: str, docs_dir: Path = DOCS_DIR) -> dict[str, Section]:
    """table_id -> the section its block stands in, read from the page in `language`."""
    found: dict[str, Section] = {}
    for page in sorted(set(blocks.table_pages(docs_dir).values())):
        page_title = blocks.page_title(page, language, docs_dir)
        anchor, title = None, page_title
        source = page_source(page, language, docs_dir)
        for line in source.read_text(encoding="utf-8").splitlines():
            heading = HEADING.match(line)
            if heading:
                anchor, title = heading.group("anchor"), heading.group("title")
            for arguments in macros.calls(line, "table"):
                found[str(arguments[0])] = Section(page, anchor, title, page_title)
    return found


@dataclass(frozen=True, eq=False)
class Theme:
    id: str  # the same anchor in both languages, from its tables: "f08-t46"
    measure: str
    comparisons: list[Comparison]  # largest gap first
    titled_by_table: bool  # the section asks the same items in several tables

    @property
    def tables(self) -> list[TableView]:
        unique = {t.table_id: t for c in self.comparisons for t in c.question.in_order}
        return sorted(unique.values(), key=report_order)

    def section(self, language: str) -> Section:
        return sections(language)[self.comparisons[0].question.tables[0].table_id]

    def title(self, language: str) -> str:
        if self.titled_by_table:
            return self.tables[0].text("title", language)
        return self.section(language).title


def themes(found: list[Question] | None = None) -> list[Theme]:
    """The questions grouped by the section their table stands in (see the module)."""
    found = found if found is not None else questions()
    where = sections("da")
    grouped: dict[tuple[str, str | None, str], list[Question]] = {}
    for item in found:
        section = where.get(item.tables[0].table_id)
        if section is None:
            raise PackageError(f"{item.key}: the table stands on no page, so it has no theme")
        grouped.setdefault((section.page, section.anchor, item.measure), []).append(item)
    result = []
    for members in grouped.values():
        repeated = [n for n, k in Counter(q.row_id for q in members).items() if k > 1]
        parts = [members]
        if repeated:  # each table its own theme
            by_table: dict[str, list[Question]] = {}
            for item in members:
                by_table.setdefault(item.table_ids[0], []).append(item)
            parts = list(by_table.values())
        for part in parts:
            comparisons = by_gap([compare(q) for q in part])
            tables = {t.table_id: t for q in part for t in q.in_order}
            ids = [t.table_id for t in sorted(tables.values(), key=report_order)]
            result.append(
                Theme("-".join(ids).lower(), part[0].measure, comparisons, bool(repeated))
            )
    return sorted(result, key=lambda theme: report_order(theme.tables[0]))


# --- Words and numbers in the page's language -----------------------------------------


def words(language: str) -> dict[str, Any]:
    return text.section("comparison", language)


def group_label(group: str, language: str, package: PackageView | None = None) -> str:
    return (package or load()).labels[("group", group)].label(language)


def amount_text(amount: Decimal, measure: str, language: str) -> str:
    return text.percent(amount, language) if measure == SHARE else text.number(amount, language)


def value_text(value: Value, measure: str, language: str) -> str:
    """ "89 %", "mindst 40 %", "ukendt (…)"."""
    if value.status == COMPLETE and value.amount is not None:
        return amount_text(value.amount, measure, language)
    if value.status == AT_LEAST and value.amount is not None:
        return text.text(
            "comparison.at_least", language, value=amount_text(value.amount, measure, language)
        )
    return text.text(f"comparison.{value.status}", language)


def interval_text(interval: tuple[float, float] | None, language: str) -> str:
    """ "84–93 %" (whole percentages), or "" without an interval."""
    if interval is None:
        return ""
    low, high = (f"{bound:.0f}" for bound in interval)
    return f"{text.number(low, language)}–{text.percent(high, language)}"


def gap_text(gap: Decimal | None, measure: str, language: str) -> str:
    if gap is None:
        return text.text("comparison.no_gap", language)
    sign = "+" if gap > 0 else "−" if gap < 0 else "±"
    return f"{sign}{text.number(abs(gap), language)}"


def base_text(base: int | None, language: str) -> str:
    return (
        text.number(base, language)
        if base is not None
        else text.text("comparison.no_base", language)
    )


def positive_labels(item: Question, language: str) -> str:
    """The summed categories as the table labels them: "I høj grad + I nogen grad"."""
    if item.scale is None:
        return ""
    table = item.tables[0]
    labels = {c.id: c.label(language) for c in table.columns}
    return " + ".join(labels[column] for column in item.scale.positive)


# --- The dot plot -----------------------------------------------------------------------
#
# Laid out in pixels like the table blocks' charts (website/charts.py), twice: a wide
# layout (question labels left of the dots) and a phone layout (each label above its
# dots), each drawn at build time (website/renders.py). Each question is one lane: the
# light bar between the two dots, each dot's value on its outer side, the first group's
# interval just below the lane's centre line and the second group's just above it, clear
# of the values' text.

LEFT, RIGHT = "middle left", "middle right"
BOTH_GROUPS = Item("both_groups", 0, "", "")  # a question's one lane holds both dots


@dataclass(frozen=True)
class Questions:
    """A theme's questions as a chart's items (charts.Rows), largest gap first."""

    rows: list[Item]
    language: str


@dataclass(frozen=True)
class Dot:
    """A drawn value: where it lies and which side of it its text goes."""

    x: float
    text: str
    side: str  # LEFT | RIGHT


def chart_questions(theme: Theme, language: str) -> Questions:
    rows = [
        Item(c.question.key, position, c.question.label("da"), c.question.label("en"))
        for position, c in enumerate(theme.comparisons)
    ]
    return Questions(rows, language)


def look(variant: str) -> charts.Look:
    """The table charts' layout (chart_design.yaml), with comparison.yaml's changes."""
    return charts.design().layouts[variant] | settings().looks["layouts"][variant]


def base_range(measure: str) -> tuple[float, float]:
    return (0.0, 100.0) if measure == SHARE else (0.0, 1.0)


def dots(comparison: Comparison, measure: str, language: str) -> list[Dot | None]:
    """Each group's dot (None when unknown). Of two dots the smaller one's text goes
    left and the larger one's right (the first group's left when equal), so a text never
    runs into the other dot; a lone dot's text goes to the side with more room."""
    amounts = [None if v.amount is None else float(v.amount) for v in comparison.values]
    low, high = base_range(measure)
    found: list[Dot | None] = []
    for position, value in enumerate(comparison.values):
        x, partner = amounts[position], amounts[1 - position]
        if x is None:
            found.append(None)
            continue
        if partner is None:
            left = x > (low + high) / 2
        else:
            left = x < partner or (x == partner and position == 0)
        found.append(Dot(x, value_text(value, measure, language), LEFT if left else RIGHT))
    return found


def text_reach(words: str) -> float:
    """Pixels from a dot's centre to the far end of its text (Plotly sets a text beside
    a marker 1 px beyond 1.25 times its radius)."""
    radius = charts.design().sizes["dot_size"] / 2
    return radius / 0.8 + 1 + chart_text.width(words, charts.font_size())


def x_range(placed: list[Dot], measure: str, width: float) -> tuple[float, float]:
    """The smallest range around the measure's scale in which every dot and its text
    stay inside the plot. A wider range shrinks the pixels per unit, so the reach in
    units grows: repeated until it stands still (it converges while the texts of the
    two ends together are narrower than the plot)."""
    low, high = base_range(measure)
    edge = charts.design().sizes["dot_size"] / 2 + 1
    lo, hi = low, high
    for _ in range(100):
        unit = (hi - lo) / width
        new_lo = min(
            [low] + [d.x - unit * (text_reach(d.text) if d.side == LEFT else edge) for d in placed]
        )
        new_hi = max(
            [high]
            + [d.x + unit * (text_reach(d.text) if d.side == RIGHT else edge) for d in placed]
        )
        if abs(new_lo - lo) < 1e-9 and abs(new_hi - hi) < 1e-9:
            break
        lo, hi = new_lo, new_hi
    digits = 2 if measure == SHARE else 4
    return math.floor(lo * 10**digits) / 10**digits, math.ceil(hi * 10**digits) / 10**digits


def x_axis(
    measure: str, language: str, found: charts.Frame, bounds: tuple[float, float]
) -> dict[str, Any]:
    """Ticks on the measure's own scale only (0–100 % or 0–1), as many as its width has
    room for; the range may reach beyond it, for the texts at the ends."""
    low, high = base_range(measure)
    span = found.plot_width * (high - low) / (bounds[1] - bounds[0])
    room = max(1, math.floor(span / found.look["tick_spacing"]))
    percent = measure == SHARE
    if percent:
        values = charts.ticks(100, 25 if room >= 4 else 50)
    else:  # as the table charts' 0-1 index axis
        values = charts.ticks(1, charts.nice_step(1 / max(1, math.floor(span / 45))))
    return charts.axis_style() | {
        "range": list(bounds),
        "tickvals": values,
        "ticktext": [charts.tick_text(value, language, percent) for value in values],
    }


def dot_trace(
    theme: Theme, group: str, language: str, placed: list[list[Dot | None]], lane_y: list[float]
) -> charts.Trace:
    """One group's dots, each with its value beside it."""
    design, position = charts.design(), settings().groups.index(group)
    xs, ys, labels, sides, symbols, hovers = [], [], [], [], [], []
    for comparison, row, y in zip(theme.comparisons, placed, lane_y, strict=True):
        dot = row[position]
        if dot is None:
            continue
        xs.append(dot.x)
        ys.append(round(y, 2))
        labels.append(dot.text)
        sides.append(dot.side)
        status = comparison.value(group).status
        symbols.append("circle" if status == COMPLETE else settings().looks["lower_bound_symbol"])
        hovers.append(hover(comparison, group, language))
    return {
        "type": "scatter",
        "mode": "markers+text",
        "name": group_label(group, language),
        "legendgroup": group,
        "x": xs,
        "y": ys,
        "text": labels,
        "textposition": sides,
        "textfont": {"size": charts.font_size()},
        "cliponaxis": False,
        "marker": {
            "size": design.sizes["dot_size"],
            "color": design.groups[group],
            "symbol": symbols,
            "line": {"width": 2, "color": design.groups[group]},
        },
        "hovertext": hovers,
        "hoverinfo": "text",
        "showlegend": False,
    }


def hover(comparison: Comparison, group: str, language: str) -> str:
    value = comparison.value(group)
    measure = comparison.question.measure
    parts = [f"{group_label(group, language)}: {value_text(value, measure, language)}"]
    parts.append(f"N={base_text(value.base, language)}")
    if value.interval is not None:
        parts.append(
            text.text(
                "comparison.hover_interval",
                language,
                interval=interval_text(value.interval, language),
            )
        )
    flags = [
        text.text(f"flags.{flag}.hover", language) for flag in value.flags if charts.has_hover(flag)
    ]
    return ", ".join(parts) + (f" — {', '.join(flags)}" if flags else "")


def interval_trace(
    theme: Theme, group: str, language: str, lane_y: list[float]
) -> charts.Trace | None:
    """One group's intervals: thin lines just below (first group) or above (second) the
    line of the dots, clear of the values' text; None when no question has one."""
    looks = settings().looks
    offset = looks["interval_offset"] * (1 if group == settings().groups[0] else -1)
    xs: list[float | None] = []
    ys: list[float | None] = []
    for comparison, y in zip(theme.comparisons, lane_y, strict=True):
        interval = comparison.value(group).interval
        if interval is not None:
            xs += [round(interval[0], 2), round(interval[1], 2), None]
            ys += [round(y + offset, 2), round(y + offset, 2), None]
    if not xs:
        return None
    return {
        "type": "scatter",
        "mode": "lines",
        "name": text.text("comparison.interval_name", language, group=group_label(group, language)),
        "legendgroup": group,
        "showlegend": False,
        "x": xs,
        "y": ys,
        "line": {"color": charts.design().groups[group], "width": looks["interval_width"]},
        "hoverinfo": "skip",
    }


def connector_trace(theme: Theme, lane_y: list[float]) -> charts.Trace:
    """The light bar between a question's two dots (both must be drawn)."""
    looks = settings().looks
    xs: list[float | None] = []
    ys: list[float | None] = []
    for comparison, y in zip(theme.comparisons, lane_y, strict=True):
        first, second = comparison.values
        if first.amount is not None and second.amount is not None:
            xs += [float(first.amount), float(second.amount), None]
            ys += [round(y, 2), round(y, 2), None]
    return {
        "type": "scatter",
        "mode": "lines",
        "name": "",
        "showlegend": False,
        "x": xs,
        "y": ys,
        "line": {"color": looks["connector"], "width": looks["connector_width"]},
        "hoverinfo": "skip",
    }


def note_lines(theme: Theme, language: str) -> list[str]:
    notes = []
    values = [v for c in theme.comparisons for v in c.values]
    if theme.measure == SHARE:
        notes.append(text.text("comparison.note_interval", language))
    else:
        notes.append(
            text.text(
                "comparison.note_neutral",
                language,
                value=text.number(charts.NEUTRAL_INDEX, language),
            )
        )
    if any(v.status == AT_LEAST for v in values):
        notes.append(text.text("comparison.note_at_least", language))
    if any(v.amount is None for v in values):
        notes.append(text.text("comparison.note_unknown", language))
    return notes


def figure(theme: Theme, language: str, variant: str = "desktop") -> dict[str, Any]:
    """The theme's dot plot in one layout (chart_design.yaml `layouts`), in pixels."""
    chosen = look(variant)
    items = chart_questions(theme, language)
    chart_lanes = [charts.Lane(row, BOTH_GROUPS, 0, "") for row in items.rows]
    found = charts.FRAMES[chosen["labels"]](items, chosen, chart_lanes)
    legend = [(group_label(g, language), charts.design().groups[g]) for g in settings().groups]
    index = theme.measure == INDEX
    charts.surround(found, legend, note_lines(theme, language), index, swatch_shape="circle")
    placed = [dots(c, theme.measure, language) for c in theme.comparisons]
    drawn = [dot for row in placed for dot in row if dot is not None]
    bounds = x_range(drawn, theme.measure, found.plot_width)
    traces = [connector_trace(theme, found.lane_y)]
    traces += [
        trace
        for group in settings().groups
        if (trace := interval_trace(theme, group, language, found.lane_y))
    ]
    traces += [
        dot_trace(theme, group, language, placed, found.lane_y) for group in settings().groups
    ]
    axis = x_axis(theme.measure, language, found, bounds)
    return {"data": traces, "layout": charts.pixel_layout(found, language, axis, neutral=index)}


def largest_gaps(comparisons: list[Comparison], language: str, limit: int = 3) -> list[str]:
    """ "Label: board members 40 %, project leaders 59 % (gap −19)" for the largest gaps."""
    known = [c for c in by_gap(comparisons) if c.gap is not None][:limit]
    return [gap_sentence(c, language) for c in known]


def gap_sentence(comparison: Comparison, language: str) -> str:
    measure = comparison.question.measure
    values = ", ".join(
        f"{group_label(g, language).lower()} {value_text(comparison.value(g), measure, language)}"
        for g in settings().groups
    )
    unit = "points" if measure == SHARE else "index_points"
    return text.text(
        f"comparison.gap_{unit}",
        language,
        label=comparison.question.label(language),
        values=values,
        gap=gap_text(comparison.gap, measure, language),
    )


def alt_text(theme: Theme, language: str) -> str:
    gaps = largest_gaps(theme.comparisons, language)
    names = [group_label(g, language).lower() for g in settings().groups]
    form = text.text(
        f"comparison.alt_{theme.measure}",
        language,
        n=text.number(len(theme.comparisons), language),
        groups=f" {text.text('comparison.and', language)} ".join(names),
        neutral=text.number(charts.NEUTRAL_INDEX, language),
    )
    found = (
        text.text("comparison.alt_gaps", language, gaps="; ".join(gaps))
        if gaps
        else text.text("comparison.alt_no_gaps", language)
    )
    return f"{form} {found} {text.text('comparison.alt_table', language)}"


def download_name(theme: Theme) -> str:
    """The name of a theme's chart images under download/charts/<language>/, after the
    page and the theme's anchor there (the same in both languages)."""
    return f"{PAGE}-{theme.id}"


def dot_plot(theme: Theme, language: str) -> charts.Chart:
    """The theme's chart in both layouts, as the renders and the page take a chart."""
    figures = {variant: figure(theme, language, variant) for variant in charts.LAYOUTS}
    marks = sum(len(t["x"]) for t in figures["desktop"]["data"] if t["mode"] == "markers+text")
    return charts.Chart(
        theme.id,
        language,
        KIND,
        figures["desktop"],
        alt_text(theme, language),
        marks,
        figures["phone"],
        download=download_name(theme),
    )


def all_charts(package: PackageView | None = None) -> list[charts.Chart]:
    """Every theme's chart, in both languages."""
    found = themes(questions(package.tables() if package else None))
    return [dot_plot(theme, language) for theme in found for language in text.LANGUAGES]


# --- The generated part of the page ---------------------------------------------------


def flag_legend(comparisons: list[Comparison], language: str) -> list[tuple[str, str]]:
    used = {flag for c in comparisons for v in c.values for flag in v.flags}
    return [
        (node["mark"], node["legend"][language])
        for flag, node in text.entry("flags").items()
        if flag in used
    ]


def marks(value: Value) -> str:
    known = blocks.flag_marks()
    return "".join(known[flag] for flag in value.flags if flag in known)


def line(comparison: Comparison, page: Page) -> dict[str, Any]:
    """A data-table line: the question, its source links, and per group value, N, interval."""
    language, item = page.language, comparison.question
    sources = []
    for table in item.in_order:
        name = text.caption_name(table.kind, table.number, language)
        sources.append(
            {
                "name": name,
                "href": blocks.evidence_href(table.table_id, page),
            }
        )
    return {
        "key": item.key,
        "label": item.label(language),
        "sources": sources,
        "positive": positive_labels(item, language),
        "groups": [
            {
                "value": value_text(value, item.measure, language),
                "marks": marks(value),
                "base": base_text(value.base, language),
                "interval": interval_text(value.interval, language),
            }
            for value in comparison.values
        ],
        "gap": gap_text(comparison.gap, item.measure, language),
    }


def source_line(theme: Theme, page: Page) -> Markup:
    """ "Fra afsnittet <a>Mål</a> på siden Den nye organisationsstruktur." (linked)."""
    section = theme.section(page.language)
    page_href = f"{page.home}{section.page}"
    page_link = Markup('<a href="{}">{}</a>').format(page_href, section.page_title)
    if section.anchor is None:
        return Markup(escape(text.text("comparison.from_page", page.language))).format(
            page=page_link
        )
    section_link = Markup('<a href="{}#{}">{}</a>').format(page_href, section.anchor, section.title)
    return Markup(escape(text.text("comparison.from_section", page.language))).format(
        section=section_link, page=page_link
    )


def questions_text(n: int, language: str) -> str:
    key = "comparison.questions_one" if n == 1 else "comparison.questions_many"
    return text.text(key, language, n=text.number(n, language))


def theme_context(theme: Theme, page: Page) -> dict[str, Any]:
    """A theme's part of the page; its chart as chart.html takes a table block's."""
    language = page.language
    plot = dot_plot(theme, language)
    title = theme.title(language)
    return {
        "id": theme.id,
        "title": title,
        "heading": f"### {title} {{#{theme.id}}}",
        "source": source_line(theme, page),
        "measure": theme.measure,
        "count_text": questions_text(len(theme.comparisons), language),
        "chart_parts": blocks.chart_parts(plot, theme.id, page),
        "lines": [line(c, page) for c in theme.comparisons],
        "legend": flag_legend(theme.comparisons, language),
        "count": len(theme.comparisons),
    }


def rule_lines(found: list[Question], language: str) -> list[dict[str, str]]:
    """Per answer scale in use: what counts as positive, out of which categories."""
    labels = load().labels
    used = Counter(item.scale.name for item in found if item.scale is not None)
    present = {
        (item.scale.name, column.id)
        for item in found
        if item.scale is not None
        for table in item.tables
        for column in table.columns
    }
    lines = []
    for scale in settings().scales:
        if scale.name not in used:
            continue
        name = [labels[("column", c)].label(language) for c in scale.positive]
        every = [
            labels[("column", c)].label(language)
            for c in scale.categories
            if (scale.name, c) in present
        ]
        lines.append(
            {
                "positive": " + ".join(name),
                "scale": ", ".join(every),
                "n": questions_text(used[scale.name], language),
            }
        )
    return lines


def outside_labels(found: list[Question], language: str) -> str:
    """The off-scale answers the compared tables have, as labelled in the vocabulary."""
    labels = load().labels
    present = {column.id for item in found for table in item.tables for column in table.columns}
    names = [labels[("column", c)].label(language) for c in settings().outside if c in present]
    return ", ".join(f"„{n}“" if language == "da" else f"'{n}'" for n in names)


def typical_base(found: list[Question], group: str) -> int:
    bases = [
        value.base
        for item in found
        if item.measure == SHARE
        for value in [compare(item).value(group)]
        if value.base is not None
    ]
    return Counter(bases).most_common(1)[0][0]


def uncertainty(found: list[Question], language: str) -> dict[str, str]:
    """The interval of a 50 % share for the usual N of each group."""
    result = {}
    for position, group in enumerate(settings().groups):
        n = typical_base(found, group)
        low, high = wilson(0.5, n, settings().confidence)
        result[f"n{position}"] = text.number(n, language)
        result[f"interval{position}"] = interval_text((low * 100, high * 100), language)
        result[f"group{position}"] = group_label(group, language).lower()
    return result


def page_context(page: Page) -> dict[str, Any]:
    language = page.language
    found = questions()
    all_themes = themes(found)
    comparisons = [c for theme in all_themes for c in theme.comparisons]
    shares = [c for c in comparisons if c.question.measure == SHARE]
    theme_of = {c.question.key: theme for theme in all_themes for c in theme.comparisons}
    top = [c for c in by_gap(shares) if c.gap is not None][:3]
    names = [group_label(g, language) for g in settings().groups]
    number = text.number
    return {
        "words": words(language),
        "summary": text.text(
            "comparison.summary",
            language,
            count=number(len(found), language),
            shares=number(len(shares), language),
            indices=number(len(found) - len(shares), language),
            themes=number(len(all_themes), language),
        ),
        "themes": [theme_context(theme, page) for theme in all_themes],
        "rules": [
            text.text("comparison.rule_line", language, **rule)
            for rule in rule_lines(found, language)
        ],
        "outside": text.text(
            "comparison.rule_outside", language, outside=outside_labels(found, language)
        ),
        "uncertainty": text.text(
            "comparison.uncertainty", language, **uncertainty(found, language)
        ),
        "top": [
            {
                "sentence": gap_sentence(c, language),
                "theme_id": theme_of[c.question.key].id,
                "theme": theme_of[c.question.key].title(language),
                "overlap": overlap_sentence(c, language),
            }
            for c in top
        ],
        "groups": names,
        "gap_explained": text.text(
            "comparison.gap_explained", language, first=names[0].lower(), second=names[1].lower()
        ),
        "settings_file": SETTINGS.relative_to(ROOT).as_posix(),
        "root": page.root,
        "csv": CSV_NAME,
        "schema": SCHEMA_NAME,
    }


def overlap_sentence(comparison: Comparison, language: str) -> str:
    if comparison.overlap is None:
        return ""
    joined = f" {text.text('comparison.and', language)} ".join(
        interval_text(v.interval, language) for v in comparison.values
    )
    key = "comparison.overlap_yes" if comparison.overlap else "comparison.overlap_no"
    return text.text(key, language, intervals=joined)


@macros.handler("comparison")
def comparison_macro(page: Page) -> str:
    return templates.render("comparison.html", **page_context(page))


# --- download/comparison.csv and its Table Schema -------------------------------------

ENUMS = {"measures": [SHARE, INDEX], "statuses": list(STATUSES)}


def schema_fields() -> list[dict[str, Any]]:
    """The CSV's fields as comparison.yaml describes them, per-group runs expanded."""
    first, second = settings().groups
    entries = settings().csv["fields"]
    fields: list[dict[str, Any]] = []
    position = 0
    while position < len(entries):
        run = [entries[position]]
        while entries[position].get("per_group") and position + 1 < len(entries):
            if not entries[position + 1].get("per_group"):
                break
            position += 1
            run.append(entries[position])
        position += 1
        groups = settings().groups if run[0].get("per_group") else (None,)
        for group in groups:
            for entry in run:
                fields.append(schema_field(entry, group, first, second))
    return fields


def schema_field(
    entry: dict[str, Any], group: str | None, first: str, second: str
) -> dict[str, Any]:
    words = {"group": (group or "").replace("_", " "), "first": first, "second": second}
    name = entry["name"].format(group=group or "")
    field: dict[str, Any] = {
        "name": name,
        "type": entry["type"],
        "description": entry["description"].format(**words),
    }
    constraints = {key: entry[key] for key in ("required", "unique") if key in entry}
    if "enum" in entry:
        constraints["enum"] = ENUMS[entry["enum"]]
    if constraints:
        field["constraints"] = constraints
    return field


def schema(package: PackageView | None = None) -> dict[str, Any]:
    """The CSV's Frictionless Table Schema, its description stating the category rule."""
    package = package or load()
    found = questions(package.tables())
    first, second = settings().groups
    rules = "; ".join(f"{r['positive']} (of {r['scale']})" for r in rule_lines(found, "en"))
    description = " ".join(settings().csv["description"].split()).format(
        first=first.replace("_", " "),
        second=second.replace("_", " "),
        rules=rules,
        outside=outside_labels(found, "en"),
    )
    return {
        "title": settings().csv["title"],
        "description": description,
        "fields": schema_fields(),
        "primaryKey": [schema_fields()[0]["name"]],
        "missingValues": [""],
    }


def csv_rows(package: PackageView | None = None) -> list[dict[str, str]]:
    package = package or load()
    rows = []
    for theme in themes(questions(package.tables())):
        for comparison in theme.comparisons:
            item = comparison.question
            row = {
                "item_id": item.key,
                "theme_id": theme.id,
                "theme_da": theme.title("da"),
                "theme_en": theme.title("en"),
            }
            for group in settings().groups:
                row[f"table_id_{group}"] = item.table(group).table_id
            row |= {
                "row_id": item.row_id,
                "row_label_da": item.label("da"),
                "row_label_en": item.label("en"),
                "measure": item.measure,
                "positive_categories": ";".join(item.scale.positive) if item.scale else "",
            }
            for group in settings().groups:
                value = comparison.value(group)
                low, high = value.interval or (None, None)
                row |= {
                    f"{group}_value": "" if value.amount is None else str(value.amount),
                    f"{group}_status": value.status,
                    f"{group}_base": "" if value.base is None else str(value.base),
                    f"{group}_ci_low": "" if low is None else f"{low:.1f}",
                    f"{group}_ci_high": "" if high is None else f"{high:.1f}",
                    f"{group}_flags": ";".join(value.flags),
                }
            row["gap"] = "" if comparison.gap is None else str(comparison.gap)
            rows.append(row)
    return rows


def downloads(package: PackageView | None = None) -> dict[str, bytes]:
    """download/comparison.csv and download/comparison.schema.json."""
    described = schema(package)
    names = [f["name"] for f in described["fields"]]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=names, lineterminator="\n")
    writer.writeheader()
    writer.writerows(csv_rows(package))
    encoded = json.dumps(described, ensure_ascii=False, indent=2) + "\n"
    return {CSV_NAME: buffer.getvalue().encode("utf-8"), SCHEMA_NAME: encoded.encode("utf-8")}
