"""The table or figure block of a page: `{{ table("T28") }}`.

The block carries the stable anchor (`tabel-28` / `table-28`, `figur-7` / `figure-7`),
the title, question, population, source line with table number and printed page, the
chart, the printed numbers as an accessible HTML table with their flags' marks and
legend, links to the table's CSV and chart page, and the notes. Data come from the
package view, words from strings.yaml, numbers from the text layer, HTML from the
templates `table_block.html`, `chart.html` and `data_table.html`.

Also here: where each block stands (`table_pages`), so links to the evidence follow the
block when pages change.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from paths import DOCS_DIR
from website import charts, downloads, macros, templates, text
from website.macros import MacroError, Page
from website.view import Cell, TableView, load

HIDDEN = "hidden_below_5_percent"
NOT_ASKED = "not_asked"


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
    """(label, text) lines under the title: question and population when printed, source."""
    lines = [
        (text.text(f"table_block.{name}", language), table.text(name, language))
        for name in ("question", "population")
        if table.entry.get(f"{name}_{language}")
    ]
    return lines + [(text.text("table_block.source", language), source_line(table, language))]


def block(table: TableView, page: Page, chart_page: bool = False) -> str:
    """The block's HTML in the page's language, links relative to the page. On the
    chart's own page (`chart_page`) the title is the page's h1 and there are no links to
    itself."""
    language = page.language
    anchor = text.anchor(table.table_id, language)
    chart = charts.chart_for(table, language) if table.in_package else None
    return templates.render(
        "table_block.html",
        words=text.section("table_block", language),
        table_id=table.table_id,
        anchor=anchor,
        caption=text.caption_name(table.kind, table.number, language),
        title=table.text("title", language),
        meta=meta(table, language),
        note=table.entry.get(f"note_{language}") or "",
        in_package=table.in_package,
        chart_page=chart_page,
        chart=chart,
        chart_json=charts.figure_json(chart) if chart else "",
        several_groups=len(table.groups) > 1,
        group_count=len(table.groups),
        columns=[column.label(language) for column in table.columns],
        lines=data_lines(table, language) if table.in_package else [],
        legend=legend(table, language),
        csv_href=f"{page.root}download/{downloads.table_csv(table.table_id, language)}",
        chart_href=f"{page.home}diagrammer/{table.table_id}/",
    )


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
