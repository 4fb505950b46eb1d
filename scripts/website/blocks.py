"""Render a table or figure of the package as an HTML block in a page.

Pages write `{{ table("T28") }}`; the block carries the stable anchor (`tabel-28` /
`table-28`, `figur-7` / `figure-7`), the title, question, population, source line with
table number and printed page, the notes, a slot for the chart, and the printed numbers
as an accessible HTML table. All text comes from the package (labels in both languages
live next to the data), never from the page.
"""

from __future__ import annotations

import csv
import html
import re
from collections import defaultdict
from functools import cache

from paths import ROOT
from website.charts import chart_for, figure_json
from website.numbers import format_decimal

DATA_DIR = ROOT / "datapackage" / "data"

WORDS = {
    "da": {
        "table": "Tabel",
        "figure": "Figur",
        "diagram": "Figur",
        "question": "Spørgsmål",
        "population": "Hvem",
        "source": "Kilde",
        "page": "s.",
        "numbers": "Se tallene som tabel",
        "note": "Note",
        "hidden": "ikke vist (under 5 %)",
        "lost": "tabt i kildeteksten",
        "not_asked": "ikke spurgt",
        "flag_notes": "Markeringer",
        "group": "Gruppe",
        "not_in_package": "Figuren er et diagram uden tal og indgår derfor ikke i datapakken.",
        "csv": "Hent tallene (CSV)",
        "own_page": "Diagrammets egen side",
        "embed": "Indlejr diagrammet på din egen side",
        "embed_help": "Kopiér koden og indsæt den i din side:",
        "chart_label": "Diagram",
    },
    "en": {
        "table": "Table",
        "figure": "Figure",
        "diagram": "Figure",
        "question": "Question",
        "population": "Who",
        "source": "Source",
        "page": "p.",
        "numbers": "See the numbers as a table",
        "note": "Note",
        "hidden": "not shown (below 5%)",
        "lost": "lost in the source text",
        "not_asked": "not asked",
        "flag_notes": "Flags",
        "group": "Group",
        "not_in_package": "The figure is a diagram without numbers, so it is not in the data package.",
        "csv": "Download the numbers (CSV)",
        "own_page": "The chart's own page",
        "embed": "Embed the chart on your own page",
        "embed_help": "Copy the code and paste it into your page:",
        "chart_label": "Chart",
    },
}
ANCHOR_WORDS = {"da": {"T": "tabel", "F": "figur"}, "en": {"T": "table", "F": "figure"}}
FLAG_MARKS = {
    "inferred_from_text": "†",
    "position_uncertain": "‡",
    "printed_inconsistency": "§",
    "lost_in_transcript": "¤",
    "hidden_below_5_percent": "*",
    "not_asked": "–",
}
FLAG_TEXT = {
    "da": {
        "inferred_from_text": "tallet er tabt i tabellen, men oplyst i rapportens tekst",
        "position_uncertain": "placeringen i figuren er usikker",
        "printed_inconsistency": "trykt uoverensstemmelse, gengivet som trykt (se errata)",
        "lost_in_transcript": "tallet er tabt i kildeteksten",
        "hidden_below_5_percent": "rapporten viser ikke værdier under 5 % (ukendt, ikke 0)",
        "not_asked": "spørgsmålet blev ikke stillet til denne gruppe",
    },
    "en": {
        "inferred_from_text": "lost in the table but stated in the report's text",
        "position_uncertain": "position in the figure is uncertain",
        "printed_inconsistency": "printed inconsistency, kept as printed (see errata)",
        "lost_in_transcript": "the number was lost in the source text",
        "hidden_below_5_percent": "the report does not show values under 5% (unknown, not 0)",
        "not_asked": "the question was not put to this group",
    },
}


class TableBlockError(Exception):
    pass


def _read(name: str) -> list[dict[str, str]]:
    with (DATA_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def catalogue() -> dict[str, dict[str, str]]:
    return {row["table_id"]: row for row in _read("tables")}


@cache
def observations_by_table() -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _read("observations"):
        grouped[row["table_id"]].append(row)
    return grouped


TABLE_MACRO = re.compile(r"\{\{\s*table\(\s*[\"'](?P<id>[TF]\d{2})[\"']\s*\)\s*\}\}")
DOCS_DIR = ROOT / "docs"


def language_root(root: str, language: str) -> str:
    """Relative path to the home of the page's language (Danish at /, English at /en/)."""
    return root if language == "da" else f"{root}{language}/"


@cache
def table_pages() -> dict[str, str]:
    """Where each table's block stands: table_id -> page path such as "resultater/kontekst/".

    Read from the Danish page sources (the English ones have the same structure), so a
    link to the evidence always follows the block when pages change.
    """
    pages: dict[str, str] = {}
    for path in sorted(DOCS_DIR.rglob("*.md")):
        relative = path.relative_to(DOCS_DIR)
        if path.name.endswith(".en.md") or relative.parts[0] == "diagrammer":
            continue
        url = relative.with_suffix("").as_posix()
        url = "" if url == "index" else url.removesuffix("/index").removesuffix("index") + "/"
        for table_id in TABLE_MACRO.findall(path.read_text(encoding="utf-8")):
            if table_id in pages:
                raise TableBlockError(
                    f"table({table_id!r}) stands on two pages: {pages[table_id]} and {url}"
                )
            pages[table_id] = url
    return pages


def page_title(page: str, language: str) -> str:
    """The h1 of a page in the given language."""
    stem = page.rstrip("/") or "index"
    source = DOCS_DIR / (f"{stem}.md" if language == "da" else f"{stem}.en.md")
    if not source.is_file():
        source = DOCS_DIR / stem / ("index.md" if language == "da" else "index.en.md")
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return page


def anchor(table_id: str, language: str) -> str:
    return f"{ANCHOR_WORDS[language][table_id[0]]}-{int(table_id[1:])}"


def caption_name(entry: dict[str, str], language: str) -> str:
    return f"{WORDS[language][entry['kind']]} {entry['number']}"


def source_line(entry: dict[str, str], language: str) -> str:
    words = WORDS[language]
    name = (
        caption_name(entry, language).lower() if language == "da" else caption_name(entry, language)
    )
    return f"{entry['source_' + language]}, SBi 2018:09, {name}, {words['page']} {entry['page']}"


def cell_text(cell: dict[str, str], language: str) -> str:
    parts = []
    if cell["percent"]:
        percent = format_decimal(cell["percent"], language)
        parts.append(f"{percent}\u00a0%" if language == "da" else f"{percent}%")
    if cell["count"]:
        parts.append(f"({cell['count']})" if parts else cell["count"])
    if cell["value"]:
        parts.append(format_decimal(cell["value"], language))
    flags = cell["flags"].split(";") if cell["flags"] else []
    if not parts:
        parts.append(
            WORDS[language]["hidden"]
            if "hidden_below_5_percent" in flags
            else WORDS[language]["lost"]
        )
    marks = "".join(FLAG_MARKS[flag] for flag in flags if flag in FLAG_MARKS)
    text = " ".join(parts)
    return f"{text}<sup>{marks}</sup>" if marks else text


def data_table_html(table_id: str, language: str) -> tuple[str, set[str]]:
    cells = observations_by_table().get(table_id, [])
    columns = sorted(
        {(int(c["column_order"]), c["column_id"], c[f"column_label_{language}"]) for c in cells}
    )
    groups = list(dict.fromkeys((c["group"], c[f"group_label_{language}"]) for c in cells))
    rows = sorted({(int(c["row_order"]), c["row_id"], c[f"row_label_{language}"]) for c in cells})
    lookup = {(c["row_id"], c["group"], c["column_id"]): c for c in cells}
    multi_group = len(groups) > 1
    used_flags: set[str] = set()
    head = "".join(f'<th scope="col">{html.escape(label)}</th>' for _, _, label in columns)
    group_head = f'<th scope="col">{WORDS[language]["group"]}</th>' if multi_group else ""
    body = []
    for _, row_id, row_label in rows:
        for index, (group, group_label) in enumerate(groups):
            row_cells = []
            for _, column_id, _ in columns:
                cell = lookup.get((row_id, group, column_id))
                if cell is None:
                    row_cells.append("<td></td>")
                    continue
                used_flags.update(flag for flag in cell["flags"].split(";") if flag)
                row_cells.append(f"<td>{cell_text(cell, language)}</td>")
            label_cell = ""
            if not multi_group:
                label_cell = f'<th scope="row">{html.escape(row_label)}</th>'
            elif index == 0:
                label_cell = (
                    f'<th scope="rowgroup" rowspan="{len(groups)}">{html.escape(row_label)}</th>'
                )
            group_cell = f'<th scope="row">{html.escape(group_label)}</th>' if multi_group else ""
            body.append(f"<tr>{label_cell}{group_cell}{''.join(row_cells)}</tr>")
    table = (
        "<table>"
        f"<thead><tr><td></td>{group_head}{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
    )
    return table, used_flags


def render_table_block(
    table_id: str, language: str, root: str = "", chart_page: bool = False
) -> str:
    """The block for one table; `root` is the relative path from the page to the site root."""
    entry = catalogue().get(table_id)
    if entry is None:
        raise TableBlockError(f"table({table_id!r}): no such table or figure in the package")
    words = WORDS[language]
    title = html.escape(entry[f"title_{language}"])
    meta = []
    if entry[f"question_{language}"]:
        meta.append(f"<b>{words['question']}:</b> {html.escape(entry['question_' + language])}")
    if entry[f"population_{language}"]:
        meta.append(f"<b>{words['population']}:</b> {html.escape(entry['population_' + language])}")
    meta.append(f"<b>{words['source']}:</b> {html.escape(source_line(entry, language))}")
    parts = [
        f'<section class="report-table" id="{anchor(table_id, language)}" data-table="{table_id}">'
    ]
    if not chart_page:  # the chart's own page has the title as its h1
        parts.append(
            f'<h3 class="report-table__title">{caption_name(entry, language)}. {title}</h3>'
        )
    parts.append(f'<p class="report-table__meta">{"<br>".join(meta)}</p>')
    if entry["in_package"] == "true":
        table, used_flags = data_table_html(table_id, language)
        parts.append(chart_html(table_id, language))
        parts.append(
            f'<details class="report-table__numbers"><summary>{words["numbers"]}</summary>'
            f'<div class="table-scroll">{table}</div></details>'
        )
        if used_flags:
            legend = "; ".join(
                f"{FLAG_MARKS[flag]} {FLAG_TEXT[language][flag]}"
                for flag in FLAG_MARKS
                if flag in used_flags
            )
            parts.append(
                f'<p class="report-table__flags"><b>{words["flag_notes"]}:</b> {legend}</p>'
            )
        links = [
            f'<a href="{root}download/tables/{csv_name(table_id, language)}" download>'
            f"{words['csv']}</a>"
        ]
        if not chart_page:
            chart_href = f"{language_root(root, language)}diagrammer/{table_id}/"
            links.append(f'<a href="{chart_href}">{words["own_page"]}</a>')
        parts.append(f'<p class="report-table__links">{" · ".join(links)}</p>')
        if not chart_page:
            parts.append(
                f'<details class="report-table__embed"><summary>{words["embed"]}</summary>'
                f"<p>{words['embed_help']}</p>"
                f'<pre><code class="embed-code" data-embed-path="{chart_href}" '
                f'data-embed-title="{html.escape(caption_name(entry, language))}">'
                f'&lt;iframe src="{chart_href}" width="100%" height="700" '
                f'title="{html.escape(caption_name(entry, language))}" '
                f'loading="lazy"&gt;&lt;/iframe&gt;</code></pre></details>'
            )
    else:
        parts.append(f"<p>{words['not_in_package']}</p>")
    if entry[f"note_{language}"]:
        parts.append(
            f'<p class="report-table__note"><b>{words["note"]}:</b> {html.escape(entry["note_" + language])}</p>'
        )
    parts.append("</section>")
    return "\n".join(parts)


def csv_name(table_id: str, language: str) -> str:
    return f"{language}/{anchor(table_id, language)}.csv"


def chart_html(table_id: str, language: str) -> str:
    chart = chart_for(table_id, language)
    if chart is None:
        return ""
    return (
        f'<figure class="chart" data-chart-kind="{chart.kind}" data-marks="{chart.bars}">'
        f'<div class="chart-plot" id="chart-{anchor(table_id, language)}" '
        f'aria-describedby="alt-{anchor(table_id, language)}"></div>'
        f'<figcaption id="alt-{anchor(table_id, language)}" class="chart-alt">'
        f"{html.escape(chart.alt)}</figcaption>"
        f'<script type="application/json" class="chart-data">{figure_json(chart)}</script>'
        "</figure>"
    )


CSV_HEADERS = {
    "da": [
        "tabel",
        "række",
        "gruppe",
        "kolonne",
        "procent",
        "antal",
        "base",
        "værdi",
        "markeringer",
        "note",
    ],
    "en": ["table", "row", "group", "column", "percent", "count", "base", "value", "flags", "note"],
}


def table_csv(table_id: str, language: str) -> bytes:
    """One table's cells with labels in one language (the site's per-table download)."""
    import csv as csv_module
    import io

    buffer = io.StringIO()
    writer = csv_module.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADERS[language])
    for cell in observations_by_table().get(table_id, []):
        writer.writerow(
            [
                table_id,
                cell[f"row_label_{language}"],
                cell[f"group_label_{language}"],
                cell[f"column_label_{language}"],
                cell["percent"],
                cell["count"],
                cell["base"],
                cell["value"],
                cell["flags"],
                cell["note"],
            ]
        )
    return buffer.getvalue().encode("utf-8")
