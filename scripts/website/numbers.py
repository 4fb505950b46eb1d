"""Numbers in page text, taken from the published data package.

Pages write `{{ pct("T07", "municipality", "respondents") }}` instead of typing "45 %";
the MkDocs hook replaces it with the printed value, formatted for the page's language
(Danish "45 %", "0,51"; English "45%", "0.51"). A reference to a cell that does not
exist, or whose value is empty (lost or hidden), fails the build.

Functions: pct, count, base, value — arguments (table_id, row_id, column_id, group="all").
"""

from __future__ import annotations

import ast
import csv
import re
from decimal import Decimal
from functools import cache
from pathlib import Path

from paths import ROOT

OBSERVATIONS = ROOT / "datapackage" / "data" / "observations.csv"
MACRO = re.compile(r"\{\{\s*(?P<name>pct|count|base|value)\((?P<args>[^)]*)\)\s*\}\}")


class NumberError(Exception):
    pass


@cache
def load_cells(path: Path = OBSERVATIONS) -> dict[tuple[str, str, str, str], dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            (row["table_id"], row["row_id"], row["group"], row["column_id"]): row
            for row in csv.DictReader(handle)
        }


def format_decimal(text: str, language: str) -> str:
    number = Decimal(text)
    plain = format(number, "f")  # keep the printed precision ("100,0")
    return plain.replace(".", ",") if language == "da" else plain


def render_number(name: str, args: tuple[str, ...], language: str) -> str:
    if not 3 <= len(args) <= 4 or not all(isinstance(arg, str) for arg in args):
        raise NumberError(f"{name}{args}: expected (table_id, row_id, column_id[, group])")
    table_id, row_id, column_id = args[:3]
    group = args[3] if len(args) == 4 else "all"
    cell = load_cells().get((table_id, row_id, group, column_id))
    if cell is None:
        raise NumberError(
            f"{name}: no cell table {table_id}, row {row_id!r}, group {group!r}, "
            f"column {column_id!r} in the data package"
        )
    field = {"pct": "percent", "count": "count", "base": "base", "value": "value"}[name]
    if not cell[field]:
        raise NumberError(
            f"{name}: table {table_id}, row {row_id!r}, group {group!r}, column {column_id!r} "
            f"has no {field} (flags: {cell['flags'] or 'none'})"
        )
    text = format_decimal(cell[field], language)
    if name == "pct":
        return f"{text}\u00a0%" if language == "da" else f"{text}%"
    return text


def render_text(markdown: str, language: str, where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        try:
            args = ast.literal_eval(f"({match.group('args')},)")
            return render_number(match.group("name"), tuple(args), language)
        except (ValueError, SyntaxError) as error:
            raise NumberError(f"{where}: cannot read {match.group(0)!r}: {error}") from error
        except NumberError as error:
            raise NumberError(f"{where}: {error}") from error

    rendered = MACRO.sub(replace, markdown)
    if "{{" in rendered:
        leftover = rendered[rendered.index("{{") :][:60]
        raise NumberError(f"{where}: unknown macro {leftover!r}")
    return rendered
