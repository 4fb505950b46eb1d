"""Shared checks for the test files that pin printed cells against the seed text.

Each `test_printed_cells_*.py` holds only what it read from the seed (EXPECTED_CELL_COUNTS
and PRINTED rows of (table, row, group, column, percent, count)) and calls these.
"""

from __future__ import annotations

from collections import Counter

import pytest

PrintedCell = tuple[str, str, str, str, str | int | None, str | int | None]


def as_text(number: str | int | None) -> str:
    """A printed number as observations.csv writes it ("" when not printed)."""
    return "" if number is None else str(number)


def check_cell_counts(observations: list[dict[str, str]], expected: dict[str, int]) -> None:
    counts = Counter(row["table_id"] for row in observations)
    assert {table: counts[table] for table in expected} == expected


def cell_params(printed: list[PrintedCell]) -> list:
    return [pytest.param(cell[:4], cell[4], cell[5], id="-".join(cell[:4])) for cell in printed]


def check_printed_cell(cells: dict, key: tuple[str, str, str, str], percent, count) -> None:
    row = cells.get(key)
    assert row is not None, "cell missing from observations.csv"
    assert (row["percent"], row["count"]) == (as_text(percent), as_text(count))
