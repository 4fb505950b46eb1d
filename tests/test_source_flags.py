"""Flags are held against their cell (issue 8): FLAG_RULES in scripts/source_tables.py.

Each breakage is made in a copy of datapackage/; the build must fail naming table, row,
group, column and flag, and leave the copy's package untouched.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from pathlib import Path

import pytest

from conftest import PACKAGE_DIR
from package import sources as source_tables
from package.publish import BuildError, build

T07 = "source/tables/T07.yaml"
# T07, row other_organisation (single group `all`, one column `respondents`).
CELL = '"2% (4)"'
WHERE = r"table T07, row 'other_organisation', group 'all', column 'respondents'"


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


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        pytest.param(
            "{percent: 2, count: 4, flags: [hidden_below_5_percent]}",
            rf"^{WHERE}: flag hidden_below_5_percent \(.*\): the cell must have no number, "
            r"but it has percent 2, count 4$",
            id="hidden-value-with-numbers",
        ),
        pytest.param(
            "{percent: 2, count: 4, flags: [lost_in_transcript], note: lost}",
            rf"^{WHERE}: flag lost_in_transcript \(.*\): the cell must have no number, "
            r"but it has percent 2, count 4$",
            id="lost-value-with-numbers",
        ),
        pytest.param(
            '{value: "0,5", flags: [lost_in_transcript], note: lost}',
            rf"^{WHERE}: flag lost_in_transcript \(.*\): .*but it has value 0\.5$",
            id="lost-value-with-a-value",
        ),
        pytest.param(
            "{percent: null, flags: [inferred_from_text], note: from the prose}",
            rf"^{WHERE}: flag inferred_from_text \(.*\): the cell must have the number, "
            r"but it is empty$",
            id="inferred-without-number",
        ),
        pytest.param(
            "{percent: 2, count: 4, flags: [not_asked], note: not asked}",
            rf"^{WHERE}: flag not_asked \(.*\): the cell must have no number, "
            r"but it has percent 2, count 4$",
            id="not-asked-with-numbers",
        ),
        pytest.param(
            "{percent: null, base: 191, flags: [not_asked], note: not asked}",
            rf"^{WHERE}: flag not_asked \(.*\): the cell must have no base, but it has base 191$",
            id="not-asked-with-base",
        ),
        pytest.param(
            # T07 has a total row: the base would come from it.
            "{percent: null, flags: [not_asked], note: not asked}",
            rf"^{WHERE}: flag not_asked \(.*\): the cell must have no base, but it has base 191$",
            id="not-asked-with-a-base-from-the-total-row",
        ),
        pytest.param(
            "{percent: null, flags: [not_asked, hidden_below_5_percent], note: x}",
            rf"^{WHERE}: flag not_asked \(.*\): cannot be combined with flag "
            r"hidden_below_5_percent$",
            id="not-asked-and-hidden",
        ),
        pytest.param(
            "{percent: null, flags: [hidden_below_5_percent, lost_in_transcript], note: x}",
            rf"^{WHERE}: flag hidden_below_5_percent \(.*\): cannot be combined with flag "
            r"lost_in_transcript$",
            id="hidden-and-lost",
        ),
        pytest.param(
            "{percent: null, flags: [lost_in_transcript]}",
            rf"^{WHERE}: flag lost_in_transcript \(.*\): needs a note",
            id="lost-without-note",
        ),
        pytest.param(
            "{percent: 2, count: 4, flags: [position_uncertain]}",
            rf"^{WHERE}: flag position_uncertain \(.*\): needs a note",
            id="position-uncertain-without-note",
        ),
        pytest.param(
            "{percent: null, flags: [position_uncertain], note: where?}",
            rf"^{WHERE}: empty cell: needs a flag saying why",
            id="empty-cell-with-only-position-uncertain",
        ),
    ],
)
def test_flag_contradicting_its_cell_fails_naming_cell_and_flag(package_copy, cell, message):
    before = snapshot(package_copy)
    replace_in(package_copy / T07, CELL, cell)
    with pytest.raises(BuildError) as failure:
        build(package_copy)
    lines = str(failure.value).splitlines()
    assert any(re.search(message, line) for line in lines), "\n".join(lines)
    assert snapshot(package_copy) == before, "a failed build must not touch the package"


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


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        pytest.param(
            'id: municipality, da: "Kommune", en: "Municipality",',
            'id: municipality, da: "Kommune", en: "Municipality", '
            'flags: [lost_in_transcript], note: "lost",',
            r"^table T07, row 'municipality': flag lost_in_transcript on a row means a number "
            r"in its label was lost: write \[…\]",
            id="row-lost-but-label-complete",
        ),
        pytest.param(
            'da: "Kommune", en: "Municipality"',
            'da: "Kommune […]", en: "Municipality […]"',
            r"^table T07, row 'municipality' label: shows \[…\] .* but the row has no flag "
            r"lost_in_transcript$",
            id="label-gap-without-flag",
        ),
        pytest.param(
            'da: "Kommune", en: "Municipality",',
            'da: "Kommune […]", en: "Municipality […]", flags: [inferred_from_text], note: x,',
            r"^table T07, row 'municipality': flag inferred_from_text on a row means the "
            r"label's lost number is taken from the prose: write it in place of \[…\]$",
            id="row-inferred-but-label-still-has-gap",
        ),
        pytest.param(
            'id: municipality, da: "Kommune", en: "Municipality",',
            'id: municipality, da: "Kommune", en: "Municipality", flags: [hidden_below_5_percent],',
            r"^table T07, row 'municipality', group 'all', column 'respondents': flag "
            r"hidden_below_5_percent \(.*\): the cell must have no number, but it has "
            r"percent 45, count 86$",
            id="row-flag-for-every-cell",
        ),
        pytest.param(
            'id: municipality, da: "Kommune", en: "Municipality",',
            'id: municipality, da: "Kommune", en: "Municipality", flags: [not_asked],',
            r"^table T07, row 'municipality': flag not_asked \(.*\) needs a note$",
            id="row-not-asked-without-note",
        ),
    ],
)
def test_row_flag_contradicting_its_row_fails(package_copy, old, new, message):
    before = snapshot(package_copy)
    replace_in(package_copy / T07, old, new)
    with pytest.raises(BuildError) as failure:
        build(package_copy)
    lines = str(failure.value).splitlines()
    assert any(re.search(message, line) for line in lines), "\n".join(lines)
    assert snapshot(package_copy) == before


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
    with pytest.raises(BuildError, match=r"table T01, row '\w+' label: shows \[…\]"):
        build(package_copy)


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
