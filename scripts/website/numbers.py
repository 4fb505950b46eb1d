"""Numbers in page text, taken from the published data package.

Pages write `{{ pct("T07", "municipality", "respondents") }}` instead of typing "45 %";
the macro is replaced by the printed value in the page's language (Danish "45 %",
"0,51"; English "45%", "0.51"). A reference to a cell that does not exist, or whose
number is empty (lost or hidden), fails the build with the table, row, group and column
named.

    {{ pct|count|base|value(table_id, row_id, column_id[, group]) }}   group: "all"
"""

from __future__ import annotations

from website import macros, text
from website.macros import MacroError, Page
from website.view import load

FIELDS = {"pct": "percent", "count": "count", "base": "base", "value": "value"}
DEFAULT_GROUP = "all"


def number(name: str, page: Page, *arguments: object) -> str:
    """The cell's number for `{{ name(table_id, row_id, column_id[, group]) }}`."""
    if not 3 <= len(arguments) <= 4 or not all(isinstance(a, str) for a in arguments):
        raise MacroError(f"{name}: expected (table_id, row_id, column_id[, group])")
    table_id, row_id, column_id = (str(a) for a in arguments[:3])
    group = str(arguments[3]) if len(arguments) == 4 else DEFAULT_GROUP
    where = f"table {table_id}, row {row_id!r}, group {group!r}, column {column_id!r}"
    cell = load().table(table_id).cell(row_id, group, column_id)
    if cell is None:
        raise MacroError(f"{name}: no cell {where} in the data package")
    printed = cell.number(FIELDS[name])
    if printed is None:
        flags = ";".join(cell.flags) or "none"
        raise MacroError(f"{name}: {where} has no {FIELDS[name]} (flags: {flags})")
    if name == "pct":
        return text.percent(printed, page.language)
    return text.number(printed, page.language)


def _register(name: str) -> None:
    @macros.handler(name)
    def render(page: Page, *arguments: object) -> str:
        return number(name, page, *arguments)


for _name in FIELDS:
    _register(_name)
