"""Numbers in page text come from the package and fail loudly when they cannot."""

from __future__ import annotations

import pytest

from website.numbers import NumberError, render_text


def test_percent_is_formatted_per_language():
    text = 'Andel: {{ pct("T07", "municipality", "respondents") }}'
    assert render_text(text, "da", "x.md") == "Andel: 45\u00a0%"
    assert render_text(text, "en", "x.md") == "Andel: 45%"


def test_count_and_base():
    assert render_text('{{ count("T07", "municipality", "respondents") }}', "da", "x") == "86"
    assert render_text('{{ base("T07", "municipality", "respondents") }}', "en", "x") == "191"


@pytest.mark.parametrize(
    "macro",
    [
        '{{ pct("T07", "no_such_row", "respondents") }}',
        '{{ pct("T99", "municipality", "respondents") }}',
        '{{ pct("T07", "municipality", "respondents", "project_leaders") }}',
        '{{ value("T07", "municipality", "respondents") }}',
        '{{ pct("T07") }}',
        "{{ typo(1) }}",
    ],
)
def test_reference_to_a_missing_cell_or_value_fails(macro):
    with pytest.raises(NumberError, match="page.md"):
        render_text(macro, "da", "page.md")


def test_no_unrendered_macros_in_the_built_site(site_dir):
    for path in site_dir.rglob("*.html"):
        assert "{{" not in path.read_text(encoding="utf-8"), path
