"""Problems are records with a stable code (issue 9); the codes are documented."""

from __future__ import annotations

import re

import pytest

from conftest import PACKAGE_DIR
from package.problems import CODES, Problem, ProblemError, cell_place
from package.publish import BuildError
from package.sources import SourceError


def test_source_readme_lists_every_problem_code():
    readme = (PACKAGE_DIR / "source" / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Problem codes") :]
    listed = re.findall(r"^\| `([a-z0-9-]+)` \|", section, flags=re.M)
    assert listed == list(CODES)


def test_codes_are_stable_kebab_case():
    for code in CODES:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code), code


def test_a_problem_with_an_undocumented_code_is_a_bug():
    with pytest.raises(ValueError, match="not in CODES"):
        Problem(code="something-new", message="x", where="y")


def test_a_problem_prints_as_one_line_naming_the_place():
    place = cell_place("T07", "total", "all", "respondents", file="tables/T07.yaml")
    problem = place.problem("sum-of-counts", "sum_of_counts: printed (192)")
    assert str(problem) == (
        "table T07, row 'total', group 'all', column 'respondents': sum_of_counts: printed (192)"
    )
    assert (problem.file, problem.table, problem.row, problem.group, problem.column) == (
        "tables/T07.yaml",
        "T07",
        "total",
        "all",
        "respondents",
    )


def test_errors_carry_their_problems():
    problems = [
        Problem(code="missing-table", message="missing", where="tables/T04.yaml", table="T04"),
        Problem(code="schema", message="$: bad", where="codes.yaml", file="codes.yaml"),
    ]
    for error_class in (SourceError, BuildError):
        error = error_class(problems)
        assert isinstance(error, ProblemError)
        assert error.problems == problems
        assert str(error) == "tables/T04.yaml: missing\ncodes.yaml: $: bad"
