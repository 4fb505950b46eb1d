"""Table blocks and the generated parts of pages, in both languages.

Blocks are rendered from tiny in-memory tables (tests/tiny.py); the data page's
fragments from the real package. A Danish page gets Danish words and Danish number
formats only, an English page English ones.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from tiny import table
from website import blocks, comparison, fragments, numbers, templates, text  # noqa: F401 - comparison registers its macro
from website.macros import HANDLERS, Page, render
from website.view import TableView, load

MODULES = (blocks, fragments, numbers)  # importing them registers their macros
DANISH = Page("data.md", "da", "../")
ENGLISH = Page("data.en.md", "en", "../../")
PAGES = {"da": DANISH, "en": ENGLISH}

TINY = [
    ("a", "all", "yes", "45", 9, ""),
    ("a", "all", "no", "55", 11, ""),
    ("b", "all", "yes", None, None, "hidden_below_5_percent"),
    ("b", "all", "no", "100.0", 20, "printed_inconsistency"),
]
TWO_GROUPS = [
    ("a", "project_leaders", "yes", "40", 4, ""),
    ("a", "board_members", "yes", "60", 12, ""),
    ("b", "project_leaders", "yes", None, None, "not_asked"),
    ("b", "board_members", "yes", "1005", 3, "printed_inconsistency;inferred_from_text"),
]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "da",
            [
                '<section class="report-table" id="tabel-99" data-table="T99">',
                '<h3 class="report-table__title">Tabel 99. Prøvetabel</h3>',
                "<b>Spørgsmål:</b> Spørgsmål?<br><b>Kilde:</b> Survey, SBi 2018:09, tabel 99, s. 12</p>",
                '<p class="report-table__reader"><b>Tallene:</b> Procent med antal i parentes.'
                "<br><b>Hvem:</b> Alle (N=10).<br><b>Vær opmærksom på:</b> Rapporten viser ikke "
                "værdier under 5 %; de mangler her (ukendte, ikke 0). Et trykt tal stemmer ikke "
                "med de øvrige tal; det er gengivet som trykt.</p>",
                "<td>45\u00a0% (9)</td>",
                "<td>ikke vist (under 5 %)<sup>*</sup></td>",
                "<td>100,0\u00a0% (20)<sup>§</sup></td>",
                "<b>Markeringer:</b> § trykt uoverensstemmelse, gengivet som trykt (se „Om tallene“); "
                "* rapporten viser ikke værdier under 5 % (ukendt, ikke 0)</p></details>",
                '<a href="../download/tables/da/tabel-99.csv" download>Hent tallene (CSV)</a>',
                '<a href="../diagrammer/T99/">Diagrammets egen side</a>',
            ],
        ),
        (
            "en",
            [
                '<section class="report-table" id="table-99" data-table="T99">',
                '<h3 class="report-table__title">Table 99. Test table</h3>',
                "<b>Source:</b> Survey, SBi 2018:09, Table 99, p. 12</p>",
                "<b>The numbers:</b> Percentages, with counts in brackets.<br><b>Who:</b> All "
                "(N=10).<br><b>Keep in mind:</b> The report does not show values under 5%;",
                "<td>45% (9)</td>",
                "<td>not shown (below 5%)<sup>*</sup></td>",
                "<td>100.0% (20)<sup>§</sup></td>",
                "<b>Flags:</b> § printed inconsistency, kept as printed (see &#34;About the "
                "numbers&#34;); "
                "* the report does not show values under 5% (unknown, not 0)</p>",
                '<a href="../download/tables/en/table-99.csv" download>',
                '<a href="../en/diagrammer/T99/">The chart&#39;s own page</a>',
            ],
        ),
    ],
)
def test_table_block_of_a_tiny_table(language, expected):
    html = blocks.block(table(TINY), Page("x.md", language, "../"))
    for part in expected:
        assert part in html, part
    assert html.count("<tr>") == 3  # head, rows a and b
    assert "report-table__about" not in html  # nothing more to say about a tiny table
    anchor = text.anchor("T99", language)
    assert f'<div class="chart-plot" id="chart-{anchor}" aria-describedby="alt-{anchor}">' in html
    assert '<th scope="col">Gruppe</th>' not in html and 'scope="rowgroup"' not in html


def test_table_block_with_two_groups_spans_each_row_over_its_groups():
    html = blocks.block(table(TWO_GROUPS), Page("x.md", "da", ""))
    assert '<th scope="col">Gruppe</th>' in html
    assert '<th scope="rowgroup" rowspan="2">Række a</th><th scope="row">Projektledere</th>' in html
    assert "<td>ikke spurgt<sup>–</sup></td>" in html  # not "lost in the source text"
    assert "<td>1005\u00a0% (3)<sup>§†</sup></td>" in html  # a misprint as printed
    legend = html[html.index("Markeringer") :]
    assert legend.index("†") < legend.index("§") < legend.index("–")  # legend order


def test_block_of_a_diagram_without_numbers_and_the_chart_page_variant():
    diagram = table(TINY, kind="diagram", in_package=False, note_en="A note & more")
    html = blocks.block(diagram, Page("x.en.md", "en", ""))
    assert "Figure 99. Test table" in html and "<table>" not in html
    assert "without numbers, so it is not in the data package" in html
    assert "report-table__reader" not in html  # no numbers, no reader note
    assert (
        '<details class="report-table__about" id="table-99-about-the-numbers">'
        "<summary>About the figure</summary><p>A note &amp; more</p></details>"
    ) in html
    own_page = blocks.block(table(TINY), Page("x.md", "da", "../"), chart_page=True)
    assert "<h3" not in own_page and "diagrammer/T99/" not in own_page and "<iframe" not in own_page
    assert 'class="chart-data"' in own_page


def noted_table() -> TableView:
    """A two-group table with a note and notes on single cells (as the package has them)."""
    plain = table(
        [
            ("a", "project_leaders", "yes", "40", 4, ""),
            ("a", "board_members", "yes", "60", 12, ""),
            ("b", "project_leaders", "yes", None, None, "not_asked"),
            ("b", "board_members", "yes", "50", 10, ""),
            ("c", "project_leaders", "yes", None, None, "lost_in_transcript"),
            ("c", "board_members", "yes", "20", 2, "position_uncertain"),
        ],
        table_id="T98",
        note_da="Tekstudgaven læses „sådan“.",
        note_en='The text version reads "so".',
    )
    notes = {
        ("b", "project_leaders"): "Not asked of project leaders.",
        ("c", "project_leaders"): "Lost; the count would be 0.",
        ("c", "board_members"): "Placed by reading order.",
    }
    frame = plain.frame.copy()
    keys = zip(frame.row_id, frame.group, strict=True)
    frame["note"] = [notes.get(key, "") for key in keys]
    return TableView(plain.table_id, plain.entry, frame)


ERRATUM = {
    "description_da": "Et trykt tal er forkert.",
    "description_en": "A printed number is wrong.",
}


@pytest.mark.parametrize(
    ("language", "reader", "about"),
    [
        (
            "da",
            "<b>Vær opmærksom på:</b> Nogle af spørgsmålene blev ikke stillet til projektledere; "
            "de celler er tomme. Et tal er gået tabt i tekstudgaven af rapporten og mangler. "
            "Det er usikkert, hvor ét af tallene hører til, fordi tekstudgaven har blandet "
            "tallene sammen.</p>",
            [
                '<details class="report-table__about" id="tabel-98-om-tallene"><summary>Om tallene'
                "</summary><p>Tekstudgaven læses „sådan“.</p>",
                "<p><b>Trykte uoverensstemmelser:</b></p><ul><li>Et trykt tal er forkert.</li></ul>",
                "<p><b>Noter til enkelte celler (fra datapakken, kun på engelsk):</b></p><ul>"
                '<li>Række b / Projektledere: <span lang="en">Not asked of project leaders.</span></li>'
                '<li>Række c / Projektledere: <span lang="en">Lost; the count would be 0.</span></li>',
            ],
        ),
        (
            "en",
            "<b>Keep in mind:</b> Some of the questions were not put to project leaders; those "
            "cells are empty. One number was lost in the text version of the report and is "
            "missing. Where one of the numbers belongs is uncertain, because the text version "
            "jumbled the numbers.</p>",
            [
                '<details class="report-table__about" id="table-98-about-the-numbers"><summary>'
                "About the numbers</summary><p>The text version reads &#34;so&#34;.</p>",
                "<p><b>Printed inconsistencies:</b></p><ul><li>A printed number is wrong.</li></ul>",
                "<li>Row c / Board members: <span>Placed by reading order.</span></li>",
            ],
        ),
    ],
)
def test_reader_note_first_and_the_transcription_detail_one_click_away(language, reader, about):
    page = Page("x.md", language, "../")
    html = blocks.block(noted_table(), page, errata=[ERRATUM])
    assert reader in html
    for part in about:
        assert part in html, part
    # the order: chart, reader note, numbers, links, then "Om tallene" last; the embed
    # code only on the chart's own page (what it embeds), before "Om tallene"
    order = ["chart-plot", "report-table__reader", "report-table__numbers", "report-table__links"]
    order += ["report-table__about"]
    positions = [html.index(name) for name in order]
    assert positions == sorted(positions)
    assert "report-table__embed" not in html and "embed-code" not in html
    assert '<details class="report-table__about" id=' in html and " open>" not in html
    own_page = blocks.block(noted_table(), page, chart_page=True, errata=[ERRATUM])
    assert own_page.index("report-table__embed") < own_page.index("report-table__about")
    assert 'data-embed-path="./"' in own_page  # site.js makes it absolute
    source = "diagrammer/T98.md" if language == "da" else "diagrammer/T98.en.md"
    public = Page(source, language, "../", site_url="https://example.org/sbi/")
    published = blocks.block(noted_table(), public, chart_page=True, errata=[ERRATUM])
    home = "https://example.org/sbi/" + ("" if language == "da" else "en/")
    assert f'&lt;iframe src="{home}diagrammer/T98/"' in published
    assert (
        'id="{}" open><summary>'.format(
            "tabel-98-om-tallene" if language == "da" else "table-98-about-the-numbers"
        )
        in own_page
    )


def test_what_the_numbers_are():
    def what(cells, **fields):
        return blocks.what(table(cells, **fields), "da"), blocks.what(table(cells, **fields), "en")

    assert what(TINY) == ("Procent med antal i parentes.", "Percentages, with counts in brackets.")
    assert what([("a", "all", "yes", "45", None, "")]) == ("Procent.", "Percentages.")
    assert what([("a", "all", "yes", None, 4, "")]) == ("Antal.", "Counts.")
    index = blocks.what(load().table("F09"), "en")
    assert index == "An index from 0 to 1, where 0.5 is neutral."
    assert blocks.what(load().table("F04"), "da").startswith("Værdier – Gns. antal indbyggere")


def test_reader_notes_of_the_package_say_who_answered_and_what_to_keep_in_mind():
    for language in ("da", "en"):
        t28 = blocks.keep_in_mind(load().table("T28"), language)
        assert len(t28) == 3, t28  # not asked, lost, uncertain position
        assert blocks.keep_in_mind(load().table("T07"), language) == []
    assert blocks.who(load().table("T13"), "da") == (
        "Bestyrelsesmedlemmer, der besvarede spørgeskemaet (N=191)."
    )
    assert blocks.keep_in_mind(load().table("T08"), "en") == [
        "4 printed numbers disagree with the other numbers; they are kept as printed."
    ]
    assert blocks.keep_in_mind(load().table("F07"), "da")[0].startswith(
        "Rapporten viser ikke værdier under 5 %"
    )
    lost_label = "Tal i række- eller kolonnetekster, der er gået tabt i tekstudgaven, står som […]."
    assert lost_label in blocks.keep_in_mind(load().table("T01"), "da")


def test_a_note_on_every_cell_of_some_rows_names_the_rows():
    notes = blocks.cell_notes(load().table("T34"), "en")
    age = [n for n in notes if n.note.startswith("Age range lost")]
    assert len(age) == 2  # lost (crime prevention), taken from the prose (education)
    for note in age:  # each on all cells of three rows
        assert "/" not in note.where and note.where.count("; ") == 2, note.where


def test_table_block_from_the_package_has_its_chart():
    html = render('{{ table("T28") }}', Page("resultater/bidrag.md", "da", "../../"))
    assert '<script type="application/json" class="chart-data">' in html
    assert 'aria-describedby="alt-tabel-28"' in html


def test_every_flag_in_the_package_has_a_mark_legend_and_meaning():
    flags = text.entry("flags")
    used = {flag for t in load().tables() for cell in t.cells for flag in cell.flags}
    assert used <= set(flags), used - set(flags)
    for node in flags.values():
        assert node["mark"] and node["legend"] and node["meaning"]
    assert len({node["mark"] for node in flags.values()}) == len(flags)


FRAGMENTS = [
    ("download_list", ()),
    ("flag_table", ()),
    ("table_catalogue", ()),
    ("data_dictionary", ()),
    ("errata_list", ()),
    ("package_version", ()),
    ("load_snippets", ()),
    ("dataset_jsonld", ()),
    ("changelog", ()),
    ("publisher", ()),
    ("corrections", ()),
    ("chart_page", ("T28",)),
    ("comparison", ()),
]
ENGLISH_ONLY = ["Every", "printed", "one row per cell", "bytes", "Primary key", "Catalogue"]
DANISH_ONLY = ["Primærnøgle", "Felt", "række", "Påkrævet", "Hent", "byte"]
WRONG_NUMBERS = {
    "da": [r"\d\.\d+\s?%", r"\d,\d{3} byte"],
    "en": [r"\d,\d+\s?%", r"\d\.\d{3} bytes"],
}
AS_PRINTED = re.compile(r"<td>\d+%? \(\d+\)</td>")  # the errata's "printed" column


def words_found(html: str, words: list[str]) -> list[str]:
    """Words of the text, not of codes (`<code>printed</code>` is a field name) nor of
    text marked as English on a Danish page (the package's notes on single cells)."""
    prose = re.sub(r"<code>.*?</code>|<span lang=\"en\">.*?</span>", "", html)
    return [word for word in words if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", prose)]


@pytest.mark.parametrize(("name", "arguments"), FRAGMENTS)
def test_fragments_speak_the_page_language(name, arguments):
    danish = HANDLERS[name](DANISH, *arguments)
    english = HANDLERS[name](ENGLISH, *arguments)
    if name == "changelog":  # kept in English, introduced in the page's language
        assert danish.startswith("Ændringsloggen føres på engelsk.\n")
        assert english.startswith("The changelog is kept in English.\n")
        return
    assert not words_found(danish, ENGLISH_ONLY), name
    assert not words_found(english, DANISH_ONLY), name
    for language, html in (("da", danish), ("en", english)):
        shown = AS_PRINTED.sub("", html)
        for pattern in WRONG_NUMBERS[language]:
            assert not re.findall(pattern, shown), (name, language, pattern)


def test_download_list_formats_sizes_and_describes_each_file_in_the_page_language():
    danish = HANDLERS["download_list"](DANISH)
    observations = load().resource("observations")
    size = observations["bytes"]
    assert f"({text.number(size, 'da')} byte)" in danish
    assert f"({text.number(size, 'en')} bytes)" in HANDLERS["download_list"](ENGLISH)
    assert "Hver trykt celle, én række pr. celle (langt format)." in danish
    for resource in load().descriptor["resources"]:
        assert fragments.resource_description(resource, "da") in danish


def test_errata_give_the_implied_value_in_the_page_format():
    assert fragments.implied_text("12.0%", "da") == "12,0\u00a0%"
    assert fragments.implied_text("12.0%", "en") == "12.0%"
    assert fragments.implied_text("(75)", "da") == "(75)"
    danish = HANDLERS["errata_list"](DANISH)
    assert '<a href="../resultater/bestyrelser/#tabel-8">Tabel 8</a>' in danish


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            DANISH,
            '<a href="../resultater/bestyrelser/#tabel-8">Tabel 8</a>: Direktør/kommunal direktør'
            " / Andel af alle bestyrelsesmedlemmer</td><td>Procenten passer ikke med antal og "
            "base</td>",
        ),
        (
            ENGLISH,
            "Table 21</a>: Monitor progress in the individual intervention areas / Total</td>"
            "<td>The shares do not add up to the total</td>",
        ),
    ],
)
def test_errata_name_cells_by_their_labels_and_checks_in_words(page, expected):
    html = HANDLERS["errata_list"](page)
    assert expected in html
    assert "<code>" not in html
    for erratum in load().errata:
        for code in (erratum["row_id"], erratum["column_id"], erratum["check"]):
            if "_" in code:
                assert code not in html, code


def test_flag_table_sets_code_in_backticks_as_code():
    html = HANDLERS["flag_table"](ENGLISH)
    assert "<td><code>lost_in_transcript</code></td><td>¤</td>" in html
    assert "In a row label, <code>[…]</code> marks where the number was." in html


def test_chart_page_links_back_to_where_the_table_stands():
    html = HANDLERS["chart_page"](Page("diagrammer/T28.en.md", "en", "../../"), "T28")
    assert html.startswith("# Table 28. ")
    assert '<a href="../../en/resultater/bidrag/#table-28">See Table 28 in context' in html
    assert '<a href="../../en/diagrammer/">All tables and figures</a>' in html


def test_load_snippets_from_the_site_only_with_a_public_address():
    offline = HANDLERS["load_snippets"](DANISH)
    online = HANDLERS["load_snippets"](Page("data.md", "da", "../", "https://example.org/sbi/"))
    assert offline.count("```python") == 1
    assert online.count("```python") == 2
    assert 'base = "https://example.org/sbi/download/data/"' in online


def test_one_render_replaces_every_kind_of_macro():
    page = "\n".join(
        [
            '{{ pct("T07", "municipality", "respondents") }}',
            '{{ count("T07", "municipality", "respondents") }}',
            '{{ base("T07", "municipality", "respondents") }}',
            '{{ value("F09", "prioritisation_and_progress", "scale_index", "project_leaders") }}',
            '{{ table("T07") }}',
            *(f"{{{{ {name}({', '.join(repr(a) for a in args)}) }}}}" for name, args in FRAGMENTS),
        ]
    )
    used = set(re.findall(r"\{\{ (\w+)\(", page))
    assert used == set(HANDLERS) - {"echo_for_test"}  # every registered macro
    html = render(page, DANISH)
    assert "{{" not in html
    assert html.startswith("45\u00a0%\n86\n191\n0,51\n<section")


def test_the_site_hook_hands_the_theme_environment_to_the_templates(monkeypatch):
    from mkdocs.config import load_config

    from website import hooks

    monkeypatch.setattr(templates, "_theme_environment", None)
    config = load_config(str(ROOT / "mkdocs.yml"))
    hooks.on_config(config)
    environment = templates._theme_environment
    assert environment is not None and "url" in environment.filters  # MkDocs' own filter
    assert "<ul><li>" in HANDLERS["download_list"](DANISH)
