"""The strategic and practical level side by side (website/comparison.py): the questions
come from the package, positive shares are summed from printed numbers only (a hidden
category gives a lower bound, a lost one an unknown), the Wilson interval, the dot plots,
the CSV against its Table Schema, and both language pages with the same questions."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from decimal import Decimal

import plotly.graph_objects as go
import pytest
from frictionless import Resource, Schema

from tiny import table
from website import chart_text, comparison, renders, text
from website.comparison import (
    AT_LEAST,
    COMPLETE,
    HIDDEN,
    LOST,
    Comparison,
    Theme,
    dot_plot,
    positive_share,
    questions,
    themes,
    wilson,
)
from website.macros import HANDLERS, Page
from website.view import PackageError, TableView

BOARD, LEADERS = "board_members", "project_leaders"
HIDDEN_FLAG = "hidden_below_5_percent"


def with_base(view: TableView, base: dict[str, int]) -> TableView:
    """The tiny table with a base (the number who answered) per group."""
    frame = view.frame.copy()
    frame["base"] = frame["group"].map(base).astype("Int64")
    return TableView(view.table_id, view.entry, frame)


def degree_table(cells, table_id: str = "T98", **fields) -> TableView:
    """A tiny two-group table on the high/some/lesser/not-at-all scale."""
    return with_base(table(cells, table_id, **fields), {BOARD: 186, LEADERS: 56})


# --- The questions: from the package, not by hand -------------------------------------


def expected_questions(observations) -> set[str]:
    """Worked out here straight from observations.csv: rows where both groups have the
    same columns (total left out) and neither was not asked; and rows of two tables that
    hold one group each with the same rows and columns."""
    columns: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    asked: dict[tuple[str, str, str], bool] = defaultdict(bool)
    groups: dict[str, set[str]] = defaultdict(set)
    for cell in observations:
        table_id, row, group = cell["table_id"], cell["row_id"], cell["group"]
        groups[table_id].add(group)
        if cell["column_id"] == "total" or row == "total":
            continue
        columns[table_id, row][group].add(cell["column_id"])
        if "not_asked" not in cell["flags"].split(";"):
            asked[table_id, row, group] = True
    found = {
        f"{table_id}:{row}"
        for (table_id, row), by_group in columns.items()
        if by_group.get(BOARD)
        and by_group[BOARD] == by_group.get(LEADERS)
        and asked[table_id, row, BOARD]
        and asked[table_id, row, LEADERS]
    }
    alone = {g: [t for t, gs in groups.items() if gs == {g}] for g in (BOARD, LEADERS)}
    for first in alone[BOARD]:
        for second in alone[LEADERS]:
            rows_first = {r for (t, r) in columns if t == first}
            rows_second = {r for (t, r) in columns if t == second}
            same_columns = all(
                columns[first, r][BOARD] == columns[second, r][LEADERS] for r in rows_first
            )
            if rows_first == rows_second and same_columns:
                pair = "+".join(sorted((first, second)))
                found |= {f"{pair}:{r}" for r in rows_first}
    return found


def test_the_questions_are_listed_from_the_package(observations):
    found = questions()
    keys = [q.key for q in found]
    assert len(keys) == len(set(keys))
    assert set(keys) == expected_questions(observations)
    assert "T28:municipal_problem_solving" in keys  # both groups, same answer options
    assert "T28:new_methods" not in keys  # put to the board members only
    assert "F09+F10:resident_involvement" in keys  # one figure per group
    for item in found:
        for group in (BOARD, LEADERS):
            view = item.table(group)
            assert view.cell(
                item.row_id, group, item.scale.positive[0] if item.scale else "scale_index"
            )


def test_a_row_is_left_out_when_a_group_was_not_asked_or_has_other_columns():
    view = degree_table(
        [
            ("a", BOARD, "high_degree", "40", 2, ""),
            ("a", BOARD, "some_degree", "20", 1, ""),
            ("a", LEADERS, "high_degree", "30", 3, ""),
            ("a", LEADERS, "some_degree", "30", 3, ""),
            ("b", BOARD, "high_degree", "40", 2, ""),
            ("b", BOARD, "some_degree", "20", 1, ""),
            ("b", LEADERS, "high_degree", None, None, "not_asked"),
            ("b", LEADERS, "some_degree", None, None, "not_asked"),
            ("c", BOARD, "high_degree", "40", 2, ""),
            ("c", BOARD, "some_degree", "20", 1, ""),
            ("c", LEADERS, "high_degree", "50", 5, ""),
        ]
    )
    assert [q.key for q in questions([view])] == ["T98:a"]


def test_a_table_on_no_known_answer_scale_fails_loudly():
    view = degree_table(
        [
            ("a", BOARD, "sometimes", "40", 2, ""),
            ("a", LEADERS, "sometimes", "30", 3, ""),
        ]
    )
    with pytest.raises(PackageError, match="fit no answer scale"):
        questions([view])


# --- Positive shares: printed numbers only --------------------------------------------

SCALE = ("high_degree", "some_degree")


def test_positive_share_sums_the_printed_percentages():
    view = degree_table(
        [
            ("a", BOARD, "high_degree", "40", 74, ""),
            ("a", BOARD, "some_degree", "19.5", 36, "position_uncertain"),
            ("a", BOARD, "lesser_degree", "40.5", 76, ""),
        ]
    )
    value = positive_share(view, "a", BOARD, SCALE)
    assert value.status == COMPLETE and value.amount == Decimal("59.5")
    assert value.base == 186 and value.flags == ("position_uncertain",)
    low, high = wilson(0.595, 186)
    assert value.interval == pytest.approx((low * 100, high * 100))


@pytest.mark.parametrize(
    ("cells", "status", "amount"),
    [
        # A hidden category (< 5 %): the printed rest is a lower bound, never the sum.
        ([("high_degree", "40", 2, ""), ("some_degree", None, None, HIDDEN_FLAG)], AT_LEAST, "40"),
        # Every summed category hidden: unknown, not 0.
        (
            [("high_degree", None, None, HIDDEN_FLAG), ("some_degree", None, None, HIDDEN_FLAG)],
            HIDDEN,
            None,
        ),
        # A number lost in the text version: unknown, even next to a hidden one.
        (
            [
                ("high_degree", None, None, "lost_in_transcript"),
                ("some_degree", None, None, HIDDEN_FLAG),
            ],
            LOST,
            None,
        ),
        (
            [("high_degree", "40", 2, ""), ("some_degree", None, None, "lost_in_transcript")],
            LOST,
            None,
        ),
    ],
)
def test_a_hidden_or_lost_category_is_never_summed_as_zero(cells, status, amount):
    view = degree_table([("a", LEADERS, column, *rest) for column, *rest in cells])
    value = positive_share(view, "a", LEADERS, SCALE)
    assert value.status == status
    assert value.amount == (None if amount is None else Decimal(amount))
    assert value.interval is None  # no interval for an incomplete share


def lower_bound_theme() -> Theme:
    view = degree_table(
        [
            ("a", BOARD, "high_degree", "40", 74, ""),
            ("a", BOARD, "some_degree", "19", 36, ""),
            ("a", LEADERS, "high_degree", "30", 17, ""),
            ("a", LEADERS, "some_degree", None, None, HIDDEN_FLAG),
            ("b", BOARD, "high_degree", "50", 93, ""),
            ("b", BOARD, "some_degree", "20", 37, ""),
            ("b", LEADERS, "high_degree", None, None, "lost_in_transcript"),
            ("b", LEADERS, "some_degree", "10", 6, ""),
            ("c", BOARD, "high_degree", "10", 19, ""),
            ("c", BOARD, "some_degree", "20", 37, ""),
            ("c", LEADERS, "high_degree", "30", 17, ""),
            ("c", LEADERS, "some_degree", "20", 11, ""),
        ]
    )
    found = questions([view])
    return Theme("t98", "share", comparison.by_gap([comparison.compare(q) for q in found]), False)


def test_lower_bounds_and_unknowns_in_the_chart_and_gap():
    theme = lower_bound_theme()
    by_row = {c.question.row_id: c for c in theme.comparisons}
    assert by_row["a"].gap is None and by_row["b"].gap is None  # never a gap from a bound
    assert by_row["c"].gap == Decimal(-20)
    assert [c.question.row_id for c in theme.comparisons][0] == "c"  # known gaps first
    plot = dot_plot(theme, "da")
    leaders = next(t for t in plot.figure["data"] if t.get("name") == "Projektledere")
    assert leaders["x"] == [50.0, 30.0]  # row c, then a's lower bound; b is not drawn
    assert leaders["marker"]["symbol"] == ["circle", "triangle-right-open"]
    assert leaders["text"] == ["50\u00a0%", "mindst 30\u00a0%"]
    assert plot.bars == 5  # three board dots, two project-leader dots
    for drawn in plot.figures().values():
        notes = " ".join(a["text"] for a in drawn["layout"]["annotations"]).replace("<br>", " ")
        assert "Åben trekant: mindst denne andel" in notes
        assert "Ukendte værdier er ikke tegnet" in notes
    board = next(t for t in plot.figure["data"] if t.get("name") == "Bestyrelsesmedlemmer")
    # c: 30 < 50, so the board's text goes left; b: 70 alone, so towards the room on the left
    assert board["textposition"] == ["middle left", "middle right", "middle left"]
    assert leaders["textposition"] == ["middle right", "middle left"]
    assert "tabt i tekstudgaven" in comparison.value_text(by_row["b"].values[1], "share", "da")


# --- The Wilson interval --------------------------------------------------------------


@pytest.mark.parametrize(
    ("k", "n", "low", "high"),
    [  # Newcombe (1998), Statistics in Medicine 17:857-872, table II, method 3 (Wilson)
        (81, 263, 0.2553, 0.3662),
        (15, 148, 0.0624, 0.1605),
        (0, 20, 0.0, 0.1611),
        (1, 29, 0.0061, 0.1718),
        (29, 29, 0.8830, 1.0),
    ],
)
def test_wilson_interval_matches_published_values(k, n, low, high):
    assert wilson(k / n, n) == pytest.approx((low, high), abs=5e-5)


def test_wilson_interval_is_wider_for_the_smaller_group_and_refuses_nonsense():
    small, large = wilson(0.5, 56), wilson(0.5, 186)
    assert small[0] < large[0] < 0.5 < large[1] < small[1]
    with pytest.raises(ValueError):
        wilson(0.5, 0)
    with pytest.raises(ValueError):
        wilson(1.2, 10)


# --- The dot plots --------------------------------------------------------------------


@pytest.fixture(scope="module")
def all_themes() -> list[Theme]:
    return themes()


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_dot_plot_is_a_valid_plotly_figure_in_the_site_design(all_themes, language):
    design = comparison.charts.design()
    for theme in all_themes:
        plot = dot_plot(theme, language)
        assert plot.kind == "dumbbell" and plot.alt
        for variant, figure in plot.figures().items():
            where = f"{theme.id} {language} {variant}"
            try:
                go.Figure(figure)  # raises on a misspelt or invalid property
            except ValueError as error:
                pytest.fail(f"{where}: {error}")
            layout = figure["layout"]
            assert layout["width"] == design.layouts[variant]["width"], where  # 680, 300
            assert layout["width"] == {"desktop": 680, "phone": 300}[variant]
            assert isinstance(layout["height"], int) and layout["height"] > 0
            assert layout["xaxis"]["automargin"] is False and layout["yaxis"]["automargin"] is False
            assert layout["margin"]["autoexpand"] is False and layout["showlegend"] is False
            assert "automargin" not in json.dumps(figure).replace('"automargin": false', "")
            assert layout["font"]["family"] == design.font["family"]
            assert layout["font"]["color"] == design.text["light"]  # the page's text colour
            assert layout["separators"] == (",." if language == "da" else ".,")
            dots = [t for t in figure["data"] if t["mode"] == "markers+text"]
            assert [t["marker"]["color"] for t in dots] == [
                design.groups[BOARD],
                design.groups[LEADERS],
            ]
            drawn = sum(c.values[0].drawn + c.values[1].drawn for c in theme.comparisons)
            assert plot.bars == drawn == sum(len(t["x"]) for t in dots) > 0
            sizes = [a["font"]["size"] for a in layout["annotations"]]
            sizes += [t["textfont"]["size"] for t in dots] + [layout["xaxis"]["tickfont"]["size"]]
            narrowest = design.breakpoint if variant == "desktop" else 294  # a 360-px phone
            assert min(sizes) * min(1, narrowest / layout["width"]) >= 11, where


def plot_px(figure: dict, x: float) -> float:
    """Where a value lies, in pixels from the plot's left edge."""
    layout = figure["layout"]
    low, high = layout["xaxis"]["range"]
    width = layout["width"] - layout["margin"]["l"] - layout["margin"]["r"]
    return (x - low) / (high - low) * width


def value_text_problems(figure: dict, where: str) -> list[str]:
    """A value's text must stay inside the plot and clear of the other group's dot; an
    interval line must pass clear of the texts on its question's line."""
    layout, design = figure["layout"], comparison.charts.design()
    width = layout["width"] - layout["margin"]["l"] - layout["margin"]["r"]
    radius = design.sizes["dot_size"] / 2 + 1  # the dot and its outline
    dots = [t for t in figure["data"] if t["mode"] == "markers+text"]
    at = defaultdict(list)  # lane -> (px, trace) of each dot on it
    for position, trace in enumerate(dots):
        for x, y in zip(trace["x"], trace["y"], strict=True):
            at[y].append((plot_px(figure, x), position))
    problems = []
    for position, trace in enumerate(dots):
        for x, y, words, side in zip(
            trace["x"], trace["y"], trace["text"], trace["textposition"], strict=True
        ):
            px = plot_px(figure, x)
            near = design.sizes["dot_size"] / 2 / 0.8 + 1
            far = near + chart_text.width(words, design.font["small"])
            span = (px - far, px - near) if side == "middle left" else (px + near, px + far)
            if span[0] < -0.01 or span[1] > width + 0.01:
                problems.append(f"{where}: {words!r} leaves the plot {span} of {width}")
            for other_px, other in at[y]:
                if (
                    other != position
                    and span[0] < other_px + radius
                    and other_px - radius < span[1]
                ):
                    problems.append(f"{where}: {words!r} runs into the other dot")
    half_text = design.layout["line_height"] / 2
    for trace in figure["data"]:
        if trace["mode"] != "lines" or not trace["name"]:
            continue
        lanes = sorted(at)
        for y in (y for y in trace["y"] if y is not None):
            gap = min(abs(y - lane) for lane in lanes)
            if gap < half_text + trace["line"]["width"] / 2:
                problems.append(f"{where}: an interval line {gap} px from its texts' middle")
    return problems


def test_no_value_text_leaves_the_plot_or_meets_a_dot_or_an_interval(all_themes):
    problems = []
    for theme in [*all_themes, lower_bound_theme()]:
        for language in text.LANGUAGES:
            for variant, figure in dot_plot(theme, language).figures().items():
                problems += value_text_problems(figure, f"{theme.id} {language} {variant}")
    assert not problems, "\n".join(problems[:30])


def test_a_value_at_either_end_widens_the_axis_just_enough():
    texts = {0: "mindst 1\u00a0%", 1: "99\u00a0%"}
    placed = [
        comparison.Dot(1.0, texts[0], comparison.LEFT),
        comparison.Dot(99.0, texts[1], comparison.RIGHT),
    ]
    low, high = comparison.x_range(placed, "share", 300)
    assert low < 0 < 100 < high
    unit = (high - low) / 300
    assert (1.0 - low) / unit >= comparison.text_reach(texts[0]) - 0.01
    assert (high - 99.0) / unit >= comparison.text_reach(texts[1]) - 0.01
    inside = [comparison.Dot(50.0, "50\u00a0%", comparison.RIGHT)]
    assert comparison.x_range(inside, "share", 300) == (0.0, 100.0)  # room enough: as is
    assert comparison.x_range(inside[:0], "index", 300) == (0.0, 1.0)


@pytest.mark.parametrize("language", ["da", "en"])
def test_question_labels_are_wrapped_beside_or_above_their_dots(all_themes, language):
    design = comparison.charts.design()
    size, edge = design.font["small"], design.layout["edge"]
    for theme in all_themes:
        plot = dot_plot(theme, language)
        labels = [c.question.label(language) for c in theme.comparisons]
        wide = [a for a in plot.figure["layout"]["annotations"] if a.get("xanchor") == "right"]
        assert [" ".join(a["text"].split("<br>")) for a in wide] == labels, theme.id
        room = 680 * design.layouts["desktop"]["label_share"] - design.layout["gap"] - edge
        assert all(chart_text.block_width(a["text"], size) <= room for a in wide)
        assert all(a["xshift"] < 0 for a in wide)  # in the margin, left of the plot
        above = [a for a in plot.phone["layout"]["annotations"] if a["text"].startswith("<b>")]
        found = [a["text"].removeprefix("<b>").removesuffix("</b>") for a in above]
        assert [" ".join(t.split("<br>")) for t in found] == labels, theme.id
        for note, words in zip(above, found, strict=True):
            assert note["yanchor"] == "top" and note["xanchor"] == "left"
            assert chart_text.block_width(words, size, bold=True) <= 300 - 2 * edge
        lanes = plot.phone["data"][-1]["y"]  # each question's dots below its label
        tops = [a["y"] for a in above]
        assert all(top < lane for top, lane in zip(tops, sorted(set(lanes)), strict=False))


def test_alt_text_states_the_largest_gaps(all_themes):
    police = next(t for t in all_themes if t.id == "t52")
    for language in ("da", "en"):
        alt = dot_plot(police, language).alt
        first = police.comparisons[0]
        assert first.question.label(language) in alt
        gap = comparison.gap_text(first.gap, "share", language)
        assert gap in alt and abs(first.gap) >= abs(police.comparisons[-1].gap)
    assert "Største forskelle:" in dot_plot(police, "da").alt
    assert "procentpoint" in dot_plot(police, "da").alt
    assert "Largest gaps:" in dot_plot(police, "en").alt


def test_questions_run_from_the_largest_gap_within_each_theme(all_themes):
    for theme in all_themes:
        gaps = [abs(c.gap) for c in theme.comparisons if c.gap is not None]
        assert gaps == sorted(gaps, reverse=True), theme.id


# --- The page and the download --------------------------------------------------------


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_macro_renders_every_question_with_its_link_and_numbers(language):
    source = "sammenligning.md" if language == "da" else "sammenligning.en.md"
    html = HANDLERS["comparison"](Page(source, language, "../"))
    found = questions()
    assert html.count("<tr data-item=") == len(found)
    assert html.count('<figure class="chart"') == len(themes())
    # Each chart as a table block's (chart.html): static, both renders, button, downloads.
    figures = re.findall(r'<figure class="chart".*?</figure>', html, re.S)
    for theme, figure in zip(themes(), figures, strict=True):
        assert f'data-chart-kind="dumbbell" data-marks="{2 * len(theme.comparisons)}"' in figure
        assert 'data-mode="static" data-rendered="true"' in figure
        assert f'<div class="chart-plot" id="chart-{theme.id}"' in figure
        assert figure.count("<svg ") == 2 and 'class="chart-narrow"' in figure
        assert 'class="md-button chart-interactive"' in figure and " hidden>" in figure
        for format_ in renders.FORMATS:
            href = f"../download/charts/{language}/sammenligning-{theme.id}.{format_}"
            assert f'<a href="{href}" download>' in figure
        assert 'class="chart-data">' in figure and 'class="chart-data-phone">' in figure
    anchor = text.anchor("T28", language)
    home = "../" if language == "da" else "../en/"
    assert f'<a href="{home}resultater/bidrag/#{anchor}">' in html
    for line in re.findall(r"^### .*$", html, re.M):
        assert re.fullmatch(r"### .+ \{#[a-z0-9-]+\}", line), line
    rule = "I høj grad + I nogen grad" if language == "da" else "To a high degree + To some degree"
    assert rule in html


def test_the_csv_validates_against_its_table_schema(tmp_path):
    files = comparison.downloads()
    (tmp_path / "comparison.csv").write_bytes(files["comparison.csv"])
    described = json.loads(files["comparison.schema.json"])
    report = Resource(
        path="comparison.csv", basepath=str(tmp_path), schema=Schema.from_descriptor(described)
    ).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert "To a high degree + To some degree" in described["description"]
    assert "lower bound" in described["description"]
    lines = files["comparison.csv"].decode("utf-8").splitlines()
    assert len(lines) == 1 + len(questions())


def test_both_language_pages_are_built_with_the_same_questions(site_dir):
    pages = {
        language: (site_dir / prefix / "sammenligning" / "index.html").read_text(encoding="utf-8")
        for language, prefix in (("da", ""), ("en", "en"))
    }
    items = {
        language: re.findall(r'<tr data-item="([^"]+)"', html) for language, html in pages.items()
    }
    assert items["da"] == items["en"]
    assert len(items["da"]) == len(questions())
    assert pages["da"].count('<figure class="chart"') == pages["en"].count('<figure class="chart"')
    built = (site_dir / "download" / "comparison.csv").read_bytes()
    assert built == comparison.downloads()["comparison.csv"]


def test_a_comparison_knows_its_gap_only_from_complete_values():
    view = degree_table(
        [
            ("a", BOARD, "high_degree", "40", 74, ""),
            ("a", BOARD, "some_degree", "19", 36, ""),
            ("a", LEADERS, "high_degree", "30", 17, ""),
            ("a", LEADERS, "some_degree", "20", 11, ""),
        ]
    )
    found = comparison.compare(questions([view])[0])
    assert isinstance(found, Comparison)
    assert found.gap == Decimal(9)
    assert found.overlap is True
