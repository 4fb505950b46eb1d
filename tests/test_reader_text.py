"""Readers first: no internal code in what a reader sees, a reader note under every table.

The package's codes – flag names (`not_asked`), check names (`percent_vs_count`) and the
snake_case ids of rows, groups and columns (`share_of_all_board_members`) – are for
data users: they belong in the CSV files and, set as `<code>`, on the data page. A
reader sees labels and words. This reads the built site (every page, both languages,
the chart pages and the collapsed "Om tallene" blocks included) and fails on any code in
visible text outside `<code>`, `<pre>`, scripts and attributes. The only exception is the
data page's data dictionary, whose field descriptions list the allowed values (the
flags) for data users.

It also holds the block's reader-first layout on the built pages: every table block with
numbers has its reader note, and "Om tallene" / "About the numbers" is collapsed on the
findings pages and open on the chart's own page, with an id derived from the block's
anchor.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import PACKAGE_DIR, read_csv

# The data dictionary documents the allowed values of each field for data users.
DICTIONARY = re.compile(r'<h2 id="(?:dataordbog|data-dictionary)".*?(?=<h2 )', re.S)
ABOUT_IDS = {"da": "om-tallene", "en": "about-the-numbers"}


def package_codes() -> set[str]:
    """Every flag, check and snake_case row, group and column id of the published package."""
    descriptor = json.loads((PACKAGE_DIR / "datapackage.json").read_text(encoding="utf-8"))
    fields = {
        (resource["name"], field["name"]): field.get("constraints", {})
        for resource in descriptor["resources"]
        for field in resource["schema"]["fields"]
    }
    flag_pattern = fields[("observations", "flags")]["pattern"]
    flags = set(re.match(r"\^\(([^)]*)\)", flag_pattern).group(1).split("|"))
    checks = set(fields[("errata", "check")]["enum"])
    ids = {row[key] for row in read_csv("observations") for key in ("row_id", "group", "column_id")}
    ids |= {row["code"] for row in read_csv("codes")}
    return flags | checks | {code for code in ids if "_" in code}


CODES = package_codes()
CODE_IN_TEXT = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(map(re.escape, CODES), key=len, reverse=True)) + r")(?![\w-])"
)


class VisibleText(HTMLParser):
    """Text a reader sees (collapsed <details> included), without code, scripts, styles."""

    SKIP = ("script", "style", "code", "pre", "template")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def codes_in(html: str) -> list[str]:
    text = visible_text(DICTIONARY.sub("", html))
    return [
        f"{match.group(1)!r} in …{text[max(0, match.start() - 60) : match.end() + 30]}…"
        for match in CODE_IN_TEXT.finditer(text)
    ]


def reader_pages(site: Path) -> list[Path]:
    return [
        path
        for path in sorted(site.rglob("index.html"))
        if not {"assets", "search", "download"} & set(path.relative_to(site).parts)
    ]


def test_the_code_list_holds_flags_checks_and_ids():
    for code in ("not_asked", "printed_inconsistency", "percent_vs_count", "sum_of_counts"):
        assert code in CODES
    assert "share_of_all_board_members" in CODES and "municipal_problem_solving" in CODES
    assert "total" not in CODES and "yes" not in CODES  # plain words, not codes


def test_the_check_finds_codes_in_text_but_not_in_code_or_attributes():
    assert codes_in("<p>De står som tomme celler med flaget not_asked.</p>")
    assert codes_in("<details><summary>Om</summary><p>… director / share_of_all_board_members</p>")
    assert not codes_in('<p>Markeret <code>not_asked</code>.</p><p data-x="not_asked">x</p>')
    assert not codes_in("<p>not asked, percent vs count</p>")


@pytest.mark.parametrize(
    "where",
    [
        "resultater",
        "en/resultater",
        "index.html",
        "en/index.html",
        "anbefalinger",
        "en/anbefalinger",
        "konklusioner",
        "en/konklusioner",
        "diagrammer",
        "en/diagrammer",
        "data",
        "en/data",
    ],
)
def test_no_code_in_what_a_reader_sees(site_dir, where):
    target = site_dir / where
    pages = [target] if target.is_file() else sorted(target.rglob("index.html"))
    if where in ("resultater", "diagrammer", "anbefalinger", "konklusioner", "data"):
        pages = [p for p in pages if "en" not in p.relative_to(site_dir).parts[:1]]
    assert pages, f"{where}: not built"
    found = [f"{p.relative_to(site_dir)}: {hit}" for p in pages for hit in codes_in(p.read_text())]
    assert not found, "codes in reader text:\n" + "\n".join(found[:40])


def test_no_code_on_any_other_page(site_dir):
    """Pages added later (a comparison page, the about pages) are held to the same rule."""
    found = [
        f"{path.relative_to(site_dir)}: {hit}"
        for path in reader_pages(site_dir)
        for hit in codes_in(path.read_text(encoding="utf-8"))
    ]
    assert not found, "codes in reader text:\n" + "\n".join(found[:40])


BLOCK = re.compile(
    r'<section class="report-table" id="(?P<anchor>[^"]+)" data-table="(?P<id>[^"]+)">'
    r"(?P<body>.*?)</section>",
    re.S,
)


def blocks_on(path: Path) -> list[re.Match[str]]:
    return list(BLOCK.finditer(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_table_block_reads_reader_first(site_dir, catalogue, language):
    root = site_dir / ("resultater" if language == "da" else "en/resultater")
    seen = set()
    for path in sorted(root.rglob("index.html")):
        for block in blocks_on(path):
            table_id, anchor, body = block["id"], block["anchor"], block["body"]
            seen.add(table_id)
            where = f"{path.relative_to(site_dir)}#{anchor}"
            if catalogue[table_id]["in_package"] == "true":
                reader = body.index('class="report-table__reader"')
                assert body.index('class="chart') < reader < body.index("report-table__numbers"), (
                    where
                )
            about = re.search(r'<details class="report-table__about" id="([^"]+)"( open)?>', body)
            has_detail = catalogue[table_id][f"note_{language}"] or table_id in {
                e["table_id"] for e in read_csv("errata")
            }
            if has_detail:
                assert about, f"{where}: no 'Om tallene'"
            if about:
                assert about.group(1) == f"{anchor}-{ABOUT_IDS[language]}", where
                assert not about.group(2), f"{where}: 'Om tallene' is open on a findings page"
                assert body.rstrip().endswith("</details>"), f"{where}: 'Om tallene' is not last"
            assert "report-table__note" not in body, where  # the long note moved into it
    assert {"T28", "T08", "F07"} <= seen


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_chart_page_shows_the_transcription_detail_open(site_dir, language):
    prefix = "" if language == "da" else "en/"
    body = (site_dir / f"{prefix}diagrammer/T28/index.html").read_text(encoding="utf-8")
    anchor = "tabel-28" if language == "da" else "table-28"
    assert f'<details class="report-table__about" id="{anchor}-{ABOUT_IDS[language]}" open>' in body
    note = read_csv("tables")[27][f"note_{language}"]
    assert note[:60].replace('"', "&#34;").replace("'", "&#39;") in body


READER_NOTES = {
    ("T13", "da"): "<b>Hvem:</b> Bestyrelsesmedlemmer, der besvarede spørgeskemaet (N=191).",
    ("T13", "en"): "<b>Who:</b> Board members who answered the survey (N=191).",
    ("T28", "da"): "Et tal er gået tabt i tekstudgaven af rapporten og mangler.",
    ("T28", "en"): "One number was lost in the text version of the report and is missing.",
    ("F07", "da"): "Rapporten viser ikke værdier under 5 %; de mangler her (ukendte, ikke 0).",
    ("F07", "en"): "The report does not show values under 5%; they are missing here",
    ("T08", "da"): "4 trykte tal stemmer ikke med de øvrige tal; de er gengivet som trykt.",
    ("T08", "en"): "4 printed numbers disagree with the other numbers; they are kept as printed.",
}


@pytest.mark.parametrize(("table_id", "language"), sorted(READER_NOTES))
def test_reader_notes_on_the_findings_pages(site_dir, table_id, language):
    root = site_dir / ("resultater" if language == "da" else "en/resultater")
    bodies = [
        b["body"] for p in root.rglob("index.html") for b in blocks_on(p) if b["id"] == table_id
    ]
    assert len(bodies) == 1
    reader = re.search(r'<p class="report-table__reader">(.*?)</p>', bodies[0], re.S)
    assert reader and READER_NOTES[(table_id, language)] in reader.group(1)
