"""Unit tests of the package view and the text layer, on tiny in-memory tables."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tiny import table
from website import text
from website.macros import MacroError, Page, handler, render
from website.view import load

SAMPLE = [
    ("a", "all", "yes", "45", 9, ""),
    ("a", "all", "no", "55", 11, ""),
    ("b", "all", "yes", None, None, "hidden_below_5_percent"),
    ("b", "all", "no", "100.0", 20, "printed_inconsistency"),
]


def test_view_gives_items_in_print_order_and_cells_by_key():
    view = table(SAMPLE)
    assert [r.id for r in view.rows] == ["a", "b"]
    assert [c.id for c in view.columns] == ["yes", "no"]
    assert [g.id for g in view.groups] == ["all"]
    assert view.rows[1].label("en") == "Row b"
    hidden = view.cell("b", "all", "yes")
    assert hidden is not None and hidden.percent is None and hidden.count is None
    assert hidden.has("hidden_below_5_percent")
    assert view.cell("b", "all", "no").percent == "100.0"  # printed precision kept
    assert view.cell("c", "all", "no") is None


def test_view_pivots_one_measure_with_pandas():
    wide = table(SAMPLE).wide("count")
    assert list(wide.index) == ["a", "b"]
    assert list(wide.columns) == [("all", "yes"), ("all", "no")]
    assert wide.loc["a", ("all", "no")] == 11


def test_per_table_csv_keeps_empty_cells_empty():
    csv = table(SAMPLE).csv("da", text.text("csv_headers", "da")).decode("utf-8").splitlines()
    assert csv[0] == "tabel,række,gruppe,kolonne,procent,antal,base,værdi,markeringer,note"
    assert csv[3] == "T99,Række b,Alle,Yes,,,,,hidden_below_5_percent,"
    assert csv[4].startswith("T99,Række b,Alle,No,100.0,20,")


def test_published_package_reads_none_as_a_label():
    cell = load().cell("T18", "no_group", "all", "share")
    assert cell is not None and cell.row.label("en") == "None" and cell.count == 7


@pytest.mark.parametrize(
    ("printed", "language", "expected"),
    [
        ("45", "da", "45\u00a0%"),
        ("45", "en", "45%"),
        ("100.0", "da", "100,0\u00a0%"),
        ("1005", "da", "1005\u00a0%"),  # a misprint stays as printed
    ],
)
def test_percent_keeps_printed_precision(printed, language, expected):
    assert text.percent(printed, language) == expected


@pytest.mark.parametrize(
    ("printed", "language", "expected"),
    [
        ("0.51", "da", "0,51"),
        ("0.51", "en", "0.51"),
        (272519, "da", "272.519"),
        (272519, "en", "272,519"),
        ("18.0", "da", "18,0"),
    ],
)
def test_number_is_formatted_by_locale(printed, language, expected):
    assert text.number(printed, language) == expected


def test_every_string_has_both_languages_and_a_missing_one_fails(tmp_path: Path):
    assert text.text("names.table", "da") == "Tabel"
    assert text.anchor("T07", "en") == "table-7" and text.anchor("F03", "da") == "figur-3"
    broken = yaml.safe_load(text.STRINGS.read_text(encoding="utf-8"))
    broken["names"]["table"]["en"] = ""
    path = tmp_path / "strings.yaml"
    path.write_text(yaml.safe_dump(broken, allow_unicode=True), encoding="utf-8")
    with pytest.raises(text.TextError, match="names.table: no en text"):
        text.strings.__wrapped__(path)


def test_macros_dispatch_by_name_and_name_the_page_on_error():
    @handler("echo_for_test")
    def echo(page: Page, word: str) -> str:
        return f"{word}/{page.language}"

    page = Page("x.en.md", "en", "../")
    assert render('A {{ echo_for_test("b") }} C', page) == "A b/en C"
    with pytest.raises(MacroError, match=r"x.en.md: unknown macro"):
        render("{{ nothing() }}", page)
    with pytest.raises(MacroError, match=r"x.en.md: not a macro"):
        render("{{ broken", page)
