"""Numbers in page text come from the package and fail loudly when they cannot."""

from __future__ import annotations

import pytest

from website import numbers  # noqa: F401 - registers pct, count, base and value
from website.macros import MacroError, Page, render

DANISH = Page("page.md", "da", "")
ENGLISH = Page("page.en.md", "en", "../")


def test_percent_is_formatted_per_language():
    text = 'Andel: {{ pct("T07", "municipality", "respondents") }}'
    assert render(text, DANISH) == "Andel: 45\u00a0%"
    assert render(text, ENGLISH) == "Andel: 45%"


def test_count_base_and_value():
    assert render('{{ count("T07", "municipality", "respondents") }}', DANISH) == "86"
    assert render('{{ base("T07", "municipality", "respondents") }}', ENGLISH) == "191"
    value = '{{ value("F09", "prioritisation_and_progress", "scale_index", "project_leaders") }}'
    assert render(value, DANISH) == "0,51" and render(value, ENGLISH) == "0.51"


@pytest.mark.parametrize(
    ("macro", "named"),
    [
        ('{{ pct("T07", "no_such_row", "respondents") }}', "table T07, row 'no_such_row'"),
        ('{{ pct("T99", "municipality", "respondents") }}', "'T99'"),
        (
            '{{ pct("T07", "municipality", "respondents", "project_leaders") }}',
            "group 'project_leaders'",
        ),
        ('{{ value("T07", "municipality", "respondents") }}', "has no value"),
        ('{{ pct("T07") }}', "expected (table_id, row_id, column_id"),
        ("{{ typo(1) }}", "unknown macro"),
    ],
)
def test_reference_to_a_missing_cell_or_value_fails(macro, named):
    with pytest.raises(MacroError, match="page.md") as error:
        render(macro, DANISH)
    assert named in str(error.value)


def test_no_unrendered_macros_in_the_built_site(site_dir):
    for path in site_dir.rglob("*.html"):
        assert "{{" not in path.read_text(encoding="utf-8"), path
