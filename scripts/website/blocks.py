"""The table or figure block of a page: `{{ table("T28") }}`.

Readers first, forensics one click away. The block carries the stable anchor
(`tabel-28` / `table-28`, `figur-7` / `figure-7`), the title, question and source line
with table number and printed page, the chart (its static renders inline, website/
renders.py, interactive on request, with image downloads), and under it a short reader note: what
the numbers are, who answered (the population) and what a reader must keep in mind
(values under 5 % not shown, numbers lost in the text version, a printed
inconsistency …), written from the table's flags, population and errata with the words
of strings.yaml. Then the printed numbers as an accessible HTML table with their flags'
marks and legend, links to the table's CSV and chart page, and last "Om tallene" /
"About the numbers" (`<details id="tabel-28-om-tallene">`): the table's note on how the
text version was read, the printed inconsistencies and the notes on single cells –
collapsed on the findings pages, open on the chart's own page. Data come from the
package view, words from strings.yaml, numbers from the text layer, HTML from the
templates `table_block.html`, `chart.html`, `data_table.html` and `about.html`.

Also here: where each block stands (`table_pages`), so links to the evidence follow the
block when pages change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from paths import DOCS_DIR
from website import charts, downloads, macros, renders, templates, text
from website.macros import MacroError, Page
from website.view import Cell, Item, TableView, load

HIDDEN = "hidden_below_5_percent"
NOT_ASKED = "not_asked"
LOST = "lost_in_transcript"
INFERRED = "inferred_from_text"
UNCERTAIN = "position_uncertain"
INCONSISTENT = "printed_inconsistency"
INDEX_COLUMN = "scale_index"  # an index from 0 to 1 (charts.INDEX_COLUMN)
LOST_IN_LABEL = "[…]"  # where a label lost a number (datapackage/source/README.md)


@dataclass(frozen=True)
class Shown:
    """A cell as the data table shows it: its numbers (or why there are none) and marks."""

    text: str
    marks: str


@dataclass(frozen=True)
class Line:
    """A line of the data table: one row, or one group of a row."""

    row: str
    group: str
    first: bool  # the row's first group: its label spans the row's group lines
    cells: list[Shown | None]


def flag_marks() -> dict[str, str]:
    """Every flag and its mark, in legend order (strings.yaml `flags`)."""
    return {flag: node["mark"] for flag, node in text.entry("flags").items()}


def shown(cell: Cell, language: str) -> Shown:
    """ "45 % (9)", "0,51", "ikke vist (under 5 %)" …, with the marks of its flags."""
    parts = []
    if cell.percent is not None:
        parts.append(text.percent(cell.percent, language))
    if cell.count is not None:
        count = text.number(cell.count, language)
        parts.append(f"({count})" if parts else count)
    if cell.value is not None:
        parts.append(text.number(cell.value, language))
    if not parts:
        reason = "hidden" if cell.has(HIDDEN) else "not_asked" if cell.has(NOT_ASKED) else "lost"
        parts.append(text.text(f"table_block.{reason}", language))
    marks = flag_marks()
    return Shown(" ".join(parts), "".join(marks[flag] for flag in cell.flags if flag in marks))


def data_lines(table: TableView, language: str) -> list[Line]:
    """A line per row and group, a cell (or None: not printed) per column.

    Not `table.wide()`: a shown cell combines percent, count, value and flags, and the
    lines are (row, group) pairs, so the view's rows, groups, columns and cells are used."""
    return [
        Line(
            row.label(language),
            group.label(language),
            index == 0,
            [
                shown(cell, language) if cell else None
                for cell in (table.cell(row.id, group.id, column.id) for column in table.columns)
            ],
        )
        for row in table.rows
        for index, group in enumerate(table.groups)
    ]


def legend(table: TableView, language: str) -> list[tuple[str, str]]:
    """(mark, text) of every flag the table's cells carry, in legend order."""
    used = {flag for cell in table.cells for flag in cell.flags}
    return [
        (node["mark"], node["legend"][language])
        for flag, node in text.entry("flags").items()
        if flag in used
    ]


def source_line(table: TableView, language: str) -> str:
    """ "Projektledersurvey, SBi 2018:09, tabel 28, s. 55"."""
    name = text.caption_name(table.kind, table.number, language)
    name = name.lower() if language == "da" else name
    page = f"{text.text('table_block.page', language)} {table.entry['page']}"
    return f"{table.text('source', language)}, SBi 2018:09, {name}, {page}"


def meta(table: TableView, language: str) -> list[tuple[str, str]]:
    """(label, text) lines under the title: the question when printed, the source. (Who
    answered is in the reader note under the chart.)"""
    lines = []
    if table.entry.get(f"question_{language}"):
        lines.append(
            (text.text("table_block.question", language), table.text("question", language))
        )
    return lines + [(text.text("table_block.source", language), source_line(table, language))]


# --- The reader note: what the numbers are, who answered, what to keep in mind ---------


def what(table: TableView, language: str) -> str:
    """What the numbers are: percentages with counts, percentages, counts, an index, values."""
    cells = [c for c in table.cells if (c.percent, c.count, c.value) != (None, None, None)]
    values = [c for c in cells if c.value is not None]
    if values and all(c.column.id == INDEX_COLUMN for c in values):
        return text.text("table_block.what_index", language)
    if values:
        labels = dict.fromkeys(c.column.label(language) for c in values)
        return text.text("table_block.what_value", language, label="; ".join(labels))
    percents = [c for c in cells if c.percent is not None]
    if any(c.count is not None for c in percents):
        return text.text("table_block.what_percent_count", language)
    return text.text("table_block.what_percent" if percents else "table_block.what_count", language)


def who(table: TableView, language: str) -> str:
    """Who answered (or what is counted): the population as the package gives it, as a
    sentence; empty when the package has none."""
    population = (table.entry.get(f"population_{language}") or "").strip()
    return (
        population if not population or population.endswith((".", "?", "!")) else f"{population}."
    )


def _one_or_many(key: str, count: int, language: str) -> str:
    if count == 1:
        return text.text(f"{key}_one", language)
    return text.text(f"{key}_many", language, n=text.number(count, language))


def _group_names(groups: list[Item], language: str) -> str:
    """ "projektledere", "project leaders and board members": labels in running text."""
    names = [g.label(language)[:1].lower() + g.label(language)[1:] for g in groups]
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {text.text('table_block.and', language)} {names[-1]}"


def keep_in_mind(table: TableView, language: str) -> list[str]:
    """What a reader must know, one sentence each, from the flags the table's cells carry
    and the labels that lost a number; empty for a table printed whole."""

    def having(flag: str) -> list[Cell]:
        return [c for c in table.cells if c.has(flag)]

    def numbered(cells: list[Cell]) -> list[Cell]:
        return [c for c in cells if (c.percent, c.count, c.value) != (None, None, None)]

    found = []
    if having(HIDDEN):
        found.append(text.text("table_block.mind_hidden", language))
    not_asked = [g for g in table.groups if any(c.group == g for c in having(NOT_ASKED))]
    if not_asked:
        groups = _group_names(not_asked, language)
        found.append(text.text("table_block.mind_not_asked", language, groups=groups))
    lost = [c for c in having(LOST) if c not in numbered(having(LOST))]
    if lost:
        found.append(_one_or_many("table_block.mind_lost", len(lost), language))
    labels = [item.label(language) for item in table.rows + table.columns]
    if any(LOST_IN_LABEL in label for label in labels):
        found.append(text.text("table_block.mind_lost_label", language))
    if having(INFERRED):
        found.append(text.text("table_block.mind_inferred", language))
    uncertain = numbered(having(UNCERTAIN)) or having(UNCERTAIN)
    if uncertain:
        found.append(_one_or_many("table_block.mind_uncertain", len(uncertain), language))
    inconsistent = having(INCONSISTENT)
    if inconsistent:
        found.append(_one_or_many("table_block.mind_errata", len(inconsistent), language))
    return found


# --- "Om tallene" / "About the numbers": the transcription detail -----------------------


@dataclass(frozen=True)
class CellNote:
    """A note of the package on one or more cells: where (labels) and the note."""

    where: str
    note: str


def place(
    table: TableView, row_id: str, group_id: str, column_ids: list[str], language: str
) -> str:
    """Where a cell is, in labels: "Række / Gruppe / Kolonne"; the group only when the
    table has several, the columns only when not all of them; "*" is every row or column."""
    rows = {r.id: r for r in table.rows}
    columns = {c.id: c for c in table.columns}
    groups = {g.id: g for g in table.groups}
    parts = [
        rows[row_id].label(language)
        if row_id in rows
        else text.text("data_page.all_rows", language)
    ]
    if len(table.groups) > 1 and group_id in groups:
        parts.append(groups[group_id].label(language))
    if "*" in column_ids:
        parts.append(text.text("data_page.all_columns", language))
    elif set(column_ids) != set(columns):
        parts.append(", ".join(columns[c].label(language) for c in column_ids if c in columns))
    return " / ".join(parts)


def cell_notes(table: TableView, language: str) -> list[CellNote]:
    """The package's notes on single cells, each note once with every cell it is on (a
    row's note is on all its cells). The notes are in English only."""
    by_note: dict[str, dict[tuple[str, str], list[str]]] = {}
    for cell in table.cells:
        if cell.note:
            places = by_note.setdefault(cell.note, {})
            places.setdefault((cell.row.id, cell.group.id), []).append(cell.column.id)
    every_column = sorted(c.id for c in table.columns)
    found = []
    for note, places in by_note.items():
        rows = {row for row, _ in places}
        whole_rows = all(
            sorted(places.get((row, g.id), [])) == every_column
            for row in rows
            for g in table.groups
        )
        if whole_rows:  # the note is on every cell of its rows: name the rows only
            where = [r.label(language) for r in table.rows if r.id in rows]
        else:
            where = [
                place(table, row, group, columns, language)
                for (row, group), columns in places.items()
            ]
        found.append(CellNote("; ".join(where), note))
    return found


def table_errata(table_id: str) -> list[dict[str, object]]:
    """The package's errata on one table, in package order."""
    return [erratum for erratum in load().errata if erratum["table_id"] == table_id]


def about(
    table: TableView, language: str, errata: list[dict[str, object]] | None = None
) -> dict[str, object]:
    """What "Om tallene" holds: the table's note, the printed inconsistencies and the
    notes on single cells; `empty` when there is nothing to say."""
    note = table.entry.get(f"note_{language}") or ""
    errata = table_errata(table.table_id) if errata is None else errata
    descriptions = [str(erratum[f"description_{language}"]) for erratum in errata]
    notes = cell_notes(table, language) if table.in_package else []
    return {
        "note": note,
        "errata": descriptions,
        "cells": notes,
        "cells_lang": "en" if language != "en" else "",
        "empty": not (note or descriptions or notes),
    }


def block(
    table: TableView,
    page: Page,
    chart_page: bool = False,
    errata: list[dict[str, object]] | None = None,
) -> str:
    """The block's HTML in the page's language, links relative to the page. On the
    chart's own page (`chart_page`) the title is the page's h1, there are no links to
    itself, and "Om tallene" is open. `errata`: the table's errata (default: the
    package's)."""
    language = page.language
    anchor = text.anchor(table.table_id, language)
    chart = charts.chart_for(table, language) if table.in_package else None
    download = f"{page.root}download/"
    return templates.render(
        "table_block.html",
        words=text.section("table_block", language),
        table_id=table.table_id,
        anchor=anchor,
        about_id=f"{anchor}-{text.text('table_block.about_id', language)}",
        caption=text.caption_name(table.kind, table.number, language),
        title=table.text("title", language),
        meta=meta(table, language),
        what=what(table, language) if table.in_package else "",
        who=who(table, language),
        keep_in_mind=keep_in_mind(table, language) if table.in_package else [],
        about=about(table, language, errata),
        in_package=table.in_package,
        chart_page=chart_page,
        **chart_parts(chart, anchor, page),
        several_groups=len(table.groups) > 1,
        group_count=len(table.groups),
        columns=[column.label(language) for column in table.columns],
        lines=data_lines(table, language) if table.in_package else [],
        legend=legend(table, language),
        csv_href=download + downloads.table_csv(table.table_id, language),
        chart_href=f"{page.home}diagrammer/{table.table_id}/",
        # The chart page's embed code points at the page itself: its public address, or
        # "./" that site.js makes absolute from where the page is read.
        embed_href=(page.public_url() or "./") if chart_page else "",
    )


def chart_parts(chart: charts.Chart | None, anchor: str, page: Page) -> dict[str, Any]:
    """What theme/partials/sbi/chart.html takes to show a chart (a table block's or a
    comparison theme's): the chart, its figures as JSON for "Interaktiv", its static
    renders, the controls' words and its image downloads."""
    if chart is None:
        return {"chart": None}
    download = f"{page.root}download/"
    return {
        "chart": chart,
        "chart_json": charts.figure_json(chart.figure),
        "phone_json": charts.figure_json(chart.phone),
        "static": renders.static_svgs(chart, anchor),
        "controls": text.section("chart_controls", page.language),
        "svg_href": download + renders.chart_download_path(chart, "svg"),
        "png_href": download + renders.chart_download_path(chart, "png"),
    }


@macros.handler("table")
def table_macro(page: Page, table_id: str) -> str:
    return block(load().table(table_id), page)


@cache
def table_pages(docs_dir: Path = DOCS_DIR) -> dict[str, str]:
    """Where each table's block stands: table_id -> page path such as "resultater/kontekst/".

    Read from the Danish page sources (the English ones have the same structure, which
    the site hook checks), so a link to the evidence always follows the block."""
    pages: dict[str, str] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir)
        if path.name.endswith(".en.md") or relative.parts[0] == "diagrammer":
            continue
        url = relative.with_suffix("").as_posix()
        url = "" if url == "index" else url.removesuffix("/index").removesuffix("index") + "/"
        for arguments in macros.calls(path.read_text(encoding="utf-8"), "table"):
            table_id = str(arguments[0])
            if table_id in pages:
                raise MacroError(
                    f"table({table_id!r}) stands on two pages: {pages[table_id]} and {url}"
                )
            pages[table_id] = url
    return pages


def page_title(page: str, language: str, docs_dir: Path = DOCS_DIR) -> str:
    """The h1 of a page ("resultater/kontekst/") in the given language."""
    stem = page.rstrip("/") or "index"
    source = docs_dir / (f"{stem}.md" if language == "da" else f"{stem}.{language}.md")
    if not source.is_file():
        source = docs_dir / stem / ("index.md" if language == "da" else f"index.{language}.md")
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page


def evidence_href(table_id: str, page: Page) -> str | None:
    """The link from `page` to the table's block where it stands, or None."""
    where = table_pages().get(table_id)
    if where is None:
        return None
    return f"{page.home}{where}#{text.anchor(table_id, page.language)}"
