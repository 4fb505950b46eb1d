"""Problems found in the sources or by the build: one record per problem.

A Problem has a stable `code` (its kind, listed in datapackage/source/README.md), the place
it concerns as fields (file, table, row, group, column, flag: for programs and tests) and
as text (`where`: for readers), and the `message`. `str(problem)` is the one line the build
prints: "<where>: <message>".
"""

from __future__ import annotations

from dataclasses import dataclass, replace

# Every kind of problem, by its stable code: what it means. datapackage/source/README.md
# lists the same codes (a test keeps the two in step); a Problem with another code is a bug.
CODES: dict[str, str] = {
    # Reading and structure (any source file)
    "unreadable": "the file cannot be read",
    "not-utf8": "the file is not UTF-8",
    "yaml-syntax": "the file is not valid YAML",
    "duplicate-key": "a key is given twice in one mapping",
    "schema": "the file breaks its JSON Schema (schema/<kind>.schema.json)",
    # Which table files (package.yaml `tables`, tables/)
    "bad-table-range": "an entry of `tables` is not an ID or a range like T01-T53",
    "declared-twice": "`tables` declares an ID twice",
    "missing-table": "a declared table has no file",
    "misnamed-table": "a declared table's file is misnamed (T04.yml, t04.yaml)",
    "undeclared-table": "a file for an ID that `tables` does not declare",
    "unexpected-file": "anything else in tables/: a folder, a second file, another file",
    "duplicate-table-id": "two files give the same table id",
    "file-name-vs-id": "a file's name is not its table's id",
    # codes.yaml
    "duplicate-code": "a group or column code is listed twice",
    # Tables
    "missing-label": "a label, or its Danish or English text, is missing",
    "kind-vs-id": "the kind does not fit the ID (tables T, figures and diagrams F)",
    "number-vs-id": "the number is not the ID's",
    "page-vs-pdf-page": "the PDF page is not the printed page + 2",
    "sum-vs-multiple-response": "a multiple-response table with a sum axis",
    "unknown-code": "a group or column code not in codes.yaml",
    "listed-twice": "a table lists a group or column twice",
    "bad-base": "a base is given for a group the table does not have",
    "diagram-with-cells": "a diagram has rows, columns or groups",
    "no-rows": "a table or figure has no rows",
    "bad-row-id": "a row id is not snake_case",
    "duplicate-row": "a row id is used twice in a table",
    "cells-need-groups": "a row of a table with several groups gives a plain list of cells",
    "groups-mismatch": "a row gives cells for other groups than the table's",
    "cell-count": "a row has not one cell per column",
    "missing-cell": "a cell is null",
    "bad-cell": "a cell cannot be read (a float, a boolean, unreadable text or number)",
    # Flags (FLAG_RULES in sources.py)
    "unknown-flag": "a flag that is not allowed",
    "erratum-flag": "printed_inconsistency written by hand (the build sets it from errata.yaml)",
    "empty-cell": "a cell without a number and without a flag saying why",
    "flag-forbids-number": "a flag says the cell has no number, but it has one",
    "flag-needs-number": "a flag says the cell has its number, but it is empty",
    "flag-forbids-base": "a flag says the cell has no base, but it has one",
    "flag-needs-note": "a flag needs a note saying what was relied on",
    "flag-combination": "two flags that cannot be combined",
    "label-vs-flag": "a row label's […] and the row's flags disagree",
    # errata.yaml and the arithmetic (arithmetic.py)
    "duplicate-erratum": "an erratum is listed twice",
    "stale-erratum": "an erratum matches no mismatch in the data",
    "unknown-table": "an erratum names a table that does not exist",
    "percent-vs-count": "a percent disagrees with 100 x count / base (not in errata.yaml)",
    "sum-of-percents": "shares do not add up to the total or 100 (not in errata.yaml)",
    "sum-of-counts": "counts do not add up to the total (not in errata.yaml)",
    # fields.yaml
    "duplicate-resource": "a resource is listed twice",
    "duplicate-field": "a field is listed twice in a resource",
    "unknown-key-field": "a primary or foreign key names a field or resource that does not exist",
    "unknown-value": "{from: <name>} or {<name>} names a value the build does not know",
    "wrong-value": "{from: <name>} gives a list for a pattern or a text for an enum",
    "resource-mismatch": "the resources are not the ones the build writes",
    "field-mismatch": "a resource's fields are not the columns the build writes",
    # The built package
    "frictionless": "frictionless finds the built package invalid",
}


@dataclass(frozen=True)
class Problem:
    code: str
    message: str
    where: str
    file: str | None = None
    table: str | None = None
    row: str | None = None
    group: str | None = None
    column: str | None = None
    flag: str | None = None

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"problem code {self.code!r} is not in CODES")

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass(frozen=True)
class Place:
    """Where problems are found: a file, or a table and inside it a row, group and column.

    `text` is how the message names the place ("table T07, row 'total'"); the narrowing
    methods extend the text and the fields together.
    """

    text: str
    file: str | None = None
    table: str | None = None
    row: str | None = None
    group: str | None = None
    column: str | None = None

    def problem(self, code: str, message: str, flag: str | None = None) -> Problem:
        return Problem(
            code=code,
            message=message,
            where=self.text,
            file=self.file,
            table=self.table,
            row=self.row,
            group=self.group,
            column=self.column,
            flag=flag,
        )

    def part(self, name: str) -> Place:
        """A named part of the place: "table T07 (T07.yaml) title", "... row 'x' label"."""
        return replace(self, text=f"{self.text} {name}")

    def at_row(self, row: str) -> Place:
        return replace(self, text=f"{self.text}, row {row!r}", row=row)

    def at_group(self, group: str) -> Place:
        return replace(self, text=f"{self.text}, group {group!r}", group=group)

    def at_column(self, column: str) -> Place:
        return replace(self, text=f"{self.text}, column {column!r}", column=column)


def cell_place(table: str, row: str, group: str, column: str, file: str | None = None) -> Place:
    """ "table T07, row 'total', group 'all', column 'respondents'"."""
    return (
        Place(f"table {table}", file=file, table=table)
        .at_row(row)
        .at_group(group)
        .at_column(column)
    )


class ProblemError(Exception):
    """One or more problems; the message is one line per problem."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))
