"""Flags are held against their cell (issue 8): FLAG_RULES in scripts/package/sources.py.

Each breakage is made in a copy of datapackage/; the build must fail with a coded problem
naming table, row, group, column and flag, and leave the copy's package untouched.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from conftest import PACKAGE_DIR
from package import sources as source_tables
from package.problems import Problem
from package.publish import BuildError, build

T07 = "source/tables/T07.yaml"
# T07, row other_organisation (single group `all`, one column `respondents`).
CELL = '"2% (4)"'
WHERE = {"table": "T07", "row": "other_organisation", "group": "all", "column": "respondents"}


def snapshot(package_dir: Path) -> dict[str, str]:
    files = [package_dir / "datapackage.json", package_dir / "README.md"]
    files += sorted((package_dir / "data").glob("*"))
    return {
        str(path.relative_to(package_dir)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in files
    }


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_every_source_flag_has_a_rule_and_the_enum_order_is_unchanged():
    assert source_tables.SOURCE_FLAGS == (
        "lost_in_transcript",
        "inferred_from_text",
        "hidden_below_5_percent",
        "position_uncertain",
        "not_asked",
    )
    assert set(source_tables.FLAG_RULES) == set(source_tables.SOURCE_FLAGS)
    for flag, rule in source_tables.FLAG_RULES.items():
        assert rule.numbers in ("none", "number", "any"), flag
        assert rule.on_row in ("cells", "label_lost", "label_inferred"), flag
        assert set(rule.unless) | set(rule.excludes) <= set(source_tables.SOURCE_FLAGS), flag


def test_current_tables_use_every_flag_and_pass_the_rules():
    tables, _ = source_tables.load_tables()
    used = Counter(flag for table in tables for cell in table.cells() for flag in cell.flags)
    assert set(source_tables.SOURCE_FLAGS) <= set(used), used


def build_problems(package_dir: Path) -> list[Problem]:
    """Build; it must fail and leave the package untouched. Its problems."""
    before = snapshot(package_dir)
    with pytest.raises(BuildError) as failure:
        build(package_dir)
    assert snapshot(package_dir) == before, "a failed build must not touch the package"
    return failure.value.problems


def matching(problems: list[Problem], **expected: object) -> list[Problem]:
    """The problems whose fields have the expected values."""
    return [p for p in problems if all(getattr(p, k) == v for k, v in expected.items())]


@pytest.mark.parametrize(
    ("cell", "code", "flag"),
    [
        pytest.param(
            "{percent: 2, count: 4, flags: [hidden_below_5_percent]}",
            "flag-forbids-number",
            "hidden_below_5_percent",
            id="hidden-value-with-numbers",
        ),
        pytest.param(
            "{percent: 2, count: 4, flags: [lost_in_transcript], note: lost}",
            "flag-forbids-number",
            "lost_in_transcript",
            id="lost-value-with-numbers",
        ),
        pytest.param(
            '{value: "0,5", flags: [lost_in_transcript], note: lost}',
            "flag-forbids-number",
            "lost_in_transcript",
            id="lost-value-with-a-value",
        ),
        pytest.param(
            "{percent: null, flags: [inferred_from_text], note: from the prose}",
            "flag-needs-number",
            "inferred_from_text",
            id="inferred-without-number",
        ),
        pytest.param(
            "{percent: 2, count: 4, flags: [not_asked], note: not asked}",
            "flag-forbids-number",
            "not_asked",
            id="not-asked-with-numbers",
        ),
        pytest.param(
            "{percent: null, base: 191, flags: [not_asked], note: not asked}",
            "flag-forbids-base",
            "not_asked",
            id="not-asked-with-base",
        ),
        pytest.param(
            # T07 has a total row: the base would come from it.
            "{percent: null, flags: [not_asked], note: not asked}",
            "flag-forbids-base",
            "not_asked",
            id="not-asked-with-a-base-from-the-total-row",
        ),
        pytest.param(
            "{percent: null, flags: [not_asked, hidden_below_5_percent], note: x}",
            "flag-combination",
            "not_asked",
            id="not-asked-and-hidden",
        ),
        pytest.param(
            "{percent: null, flags: [hidden_below_5_percent, lost_in_transcript], note: x}",
            "flag-combination",
            "hidden_below_5_percent",
            id="hidden-and-lost",
        ),
        pytest.param(
            "{percent: null, flags: [lost_in_transcript]}",
            "flag-needs-note",
            "lost_in_transcript",
            id="lost-without-note",
        ),
        pytest.param(
            "{percent: 2, count: 4, flags: [position_uncertain]}",
            "flag-needs-note",
            "position_uncertain",
            id="position-uncertain-without-note",
        ),
        pytest.param(
            "{percent: null, flags: [position_uncertain], note: where?}",
            "empty-cell",
            None,
            id="empty-cell-with-only-position-uncertain",
        ),
    ],
)
def test_flag_contradicting_its_cell_fails_naming_cell_and_flag(package_copy, cell, code, flag):
    replace_in(package_copy / T07, CELL, cell)
    problems = build_problems(package_copy)
    assert matching(problems, code=code, flag=flag, **WHERE), "\n".join(map(str, problems))


def test_flag_problem_line_names_table_row_group_column_and_flag(package_copy):
    # The line documented in source/README.md ("Flag rules").
    replace_in(package_copy / T07, CELL, "{percent: 2, count: 4, flags: [hidden_below_5_percent]}")
    (problem,) = build_problems(package_copy)
    assert str(problem) == (
        "table T07, row 'other_organisation', group 'all', column 'respondents': flag "
        "hidden_below_5_percent (the report does not print values under 5 %): the cell must "
        "have no number, but it has percent 2, count 4"
    )


def test_lost_cell_with_a_number_is_allowed_when_marked_inferred(package_copy):
    # "lost ⇒ no number unless the cell is marked inferred" (the number comes from the prose).
    replace_in(
        package_copy / T07,
        CELL,
        '{percent: 2, count: 4, flags: [lost_in_transcript, inferred_from_text], note: "p. 34"}',
    )
    tables = build(package_copy, write=False)["tables"]
    cell = next(
        c for t in tables if t.id == "T07" for c in t.cells() if c.row_id == "other_organisation"
    )
    assert cell.flags == ["lost_in_transcript", "inferred_from_text"]


ROW = {"table": "T07", "row": "municipality"}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            'id: municipality, da: "Kommune", en: "Municipality",',
            'id: municipality, da: "Kommune", en: "Municipality", '
            'flags: [lost_in_transcript], note: "lost",',
            {"code": "label-vs-flag", "flag": "lost_in_transcript", "group": None},
            id="row-lost-but-label-complete",
        ),
        pytest.param(
            'da: "Kommune", en: "Municipality"',
            'da: "Kommune […]", en: "Municipality […]"',
            {"code": "label-vs-flag", "flag": None, "group": None},
            id="label-gap-without-flag",
        ),
        pytest.param(
            'da: "Kommune", en: "Municipality",',
            'da: "Kommune […]", en: "Municipality […]", flags: [inferred_from_text], note: x,',
            {"code": "label-vs-flag", "flag": "inferred_from_text", "group": None},
            id="row-inferred-but-label-still-has-gap",
        ),
        pytest.param(
            'id: municipality, da: "Kommune", en: "Municipality",',
            'id: municipality, da: "Kommune", en: "Municipality", flags: [hidden_below_5_percent],',
            {
                "code": "flag-forbids-number",
                "flag": "hidden_below_5_percent",
                "group": "all",
                "column": "respondents",
            },
            id="row-flag-for-every-cell",
        ),
        pytest.param(
            'id: municipality, da: "Kommune", en: "Municipality",',
            'id: municipality, da: "Kommune", en: "Municipality", flags: [not_asked],',
            {"code": "flag-needs-note", "flag": "not_asked", "group": None},
            id="row-not-asked-without-note",
        ),
    ],
)
def test_row_flag_contradicting_its_row_fails(package_copy, old, new, expected):
    replace_in(package_copy / T07, old, new)
    problems = build_problems(package_copy)
    assert matching(problems, **ROW, **expected), "\n".join(map(str, problems))


def test_row_label_flag_removed_from_a_label_with_a_gap_fails(package_copy):
    # T01 "Lille (under […] indb)": the row says the label lost a number.
    path = package_copy / "source" / "tables" / "T01.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index('da: "Lille (under […] indb)"')
    flag = text.index("    flags: [lost_in_transcript]\n", start)
    path.write_text(
        text[:flag] + text[flag:].replace("    flags: [lost_in_transcript]\n", "", 1),
        encoding="utf-8",
    )
    problems = build_problems(package_copy)
    assert matching(problems, code="label-vs-flag", table="T01", flag=None), problems


def test_committed_package_has_no_flag_contradicting_its_cell():
    """The same rules, read back from the published observations."""
    import csv

    with (PACKAGE_DIR / "data" / "observations.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        flags = set(filter(None, row["flags"].split(";")))
        has_number = any(row[name] for name in ("percent", "count", "value"))
        where = (row["table_id"], row["row_id"], row["group"], row["column_id"])
        if "hidden_below_5_percent" in flags or "not_asked" in flags:
            assert not has_number, where
        if "not_asked" in flags:
            assert not row["base"], where
        if not has_number:
            assert flags & {"lost_in_transcript", "hidden_below_5_percent", "not_asked"}, where
