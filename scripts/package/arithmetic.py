"""Arithmetic checks on the printed numbers alone.

Each check returns mismatches; the build compares them with errata.yaml. Nothing is
ever corrected: a mismatch is either a known, listed printed inconsistency or an
error in the transcription that has to be fixed against the seed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from package.problems import Problem, cell_place
from package.sources import TOTAL, Cell, Table

PERCENT_TOLERANCE = Decimal(1)
SUM_TOLERANCE = Decimal(2)
HIDDEN_MAXIMUM = Decimal(5)


@dataclass(frozen=True)
class Mismatch:
    table_id: str
    row_id: str
    group: str
    column_id: str
    check: str
    printed: str
    implied: str
    detail: str

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.table_id, self.row_id, self.group, self.column_id, self.check)

    def problem(self, file: str | None = None) -> Problem:
        """The mismatch as a build problem (when errata.yaml does not list it), coded after
        its check: percent-vs-count, sum-of-percents, sum-of-counts."""
        place = cell_place(self.table_id, self.row_id, self.group, self.column_id, file)
        message = (
            f"{self.check}: printed {self.printed}, the other printed numbers imply "
            f"{self.implied} ({self.detail}). Check the seed; if the report really prints "
            "this, list it in datapackage/source/errata.yaml"
        )
        return place.problem(self.check.replace("_", "-"), message)


def format_number(number: Decimal) -> str:
    text = format(number, "f")  # keep the printed precision ("100,0")
    return text


def printed(cell: Cell) -> str:
    parts = []
    if cell.percent is not None:
        parts.append(f"{format_number(cell.percent)}%")
    if cell.count is not None:
        parts.append(f"({cell.count})")
    if cell.value is not None:
        parts.append(format_number(cell.value))
    return " ".join(parts) or "(empty)"


def check_percent_vs_count(table: Table) -> list[Mismatch]:
    mismatches = []
    for cell in table.cells():
        if cell.percent is None or cell.count is None or not cell.base:
            continue
        implied = Decimal(100) * cell.count / cell.base
        if abs(cell.percent - implied) > PERCENT_TOLERANCE:
            mismatches.append(
                Mismatch(
                    *cell.key,
                    check="percent_vs_count",
                    printed=printed(cell),
                    implied=f"{implied:.1f}%",
                    detail=f"100 × {cell.count} / {cell.base}",
                )
            )
    return mismatches


def _lines(table: Table) -> list[tuple[str, str, str, list[Cell], Cell | None]]:
    """The lines along which shares add up: (row_id, group, column_id, parts, total)."""
    lines = []
    if table.sum == "columns":
        for row in table.rows:
            if row.id == TOTAL:
                continue
            for group, cells in row.cells.items():
                parts = [cell for cell in cells if cell.column_id != TOTAL]
                total = next((cell for cell in cells if cell.column_id == TOTAL), None)
                lines.append((row.id, group, total.column_id if total else "*", parts, total))
    elif table.sum == "rows":
        total_row = next((row for row in table.rows if row.id == TOTAL), None)
        for group in table.groups:
            for position, column in enumerate(table.columns):
                parts = [
                    row.cells[group.id][position]
                    for row in table.rows
                    if row.id != TOTAL and group.id in row.cells
                ]
                total = total_row.cells[group.id][position] if total_row else None
                lines.append((TOTAL if total else "*", group.id, column.id, parts, total))
    return lines


def check_sums(table: Table) -> list[Mismatch]:
    mismatches = []
    for row_id, group, column_id, parts, total in _lines(table):
        known = [cell.percent for cell in parts if cell.percent is not None]
        hidden = sum("hidden_below_5_percent" in cell.flags for cell in parts)
        lost = any(
            cell.percent is None and "hidden_below_5_percent" not in cell.flags for cell in parts
        )
        if known and not lost:
            expected = total.percent if total and total.percent is not None else Decimal(100)
            share_sum = sum(known, Decimal(0))
            low = expected - SUM_TOLERANCE - HIDDEN_MAXIMUM * hidden
            high = expected + SUM_TOLERANCE
            if not low <= share_sum <= high:
                mismatches.append(
                    Mismatch(
                        table.id,
                        row_id,
                        group,
                        column_id,
                        check="sum_of_percents",
                        printed=f"{format_number(expected)}%",
                        implied=f"{format_number(share_sum)}%",
                        detail=(
                            "sum of the printed shares "
                            + " + ".join(format_number(p) for p in known)
                            + (f", plus {hidden} hidden value(s) under 5%" if hidden else "")
                        ),
                    )
                )
        counts = [cell.count for cell in parts]
        if total and total.count is not None and counts and None not in counts:
            count_sum = sum(counts)
            if count_sum != total.count:
                mismatches.append(
                    Mismatch(
                        table.id,
                        row_id,
                        group,
                        column_id,
                        check="sum_of_counts",
                        printed=f"({total.count})",
                        implied=f"({count_sum})",
                        detail="sum of the printed counts " + " + ".join(map(str, counts)),
                    )
                )
    return mismatches


def check_table(table: Table) -> list[Mismatch]:
    return check_percent_vs_count(table) + check_sums(table)
