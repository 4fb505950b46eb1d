"""Load and validate the transcribed source tables (datapackage/source/).

Every problem is reported with the table, row, group and column it concerns, so a
reviewer can go straight to the cell in the YAML file and in the seed text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "datapackage" / "source"

KINDS = ("table", "figure", "diagram")
SUM_AXES = ("rows", "columns", "none")
SOURCE_FLAGS = (
    "lost_in_transcript",
    "inferred_from_text",
    "hidden_below_5_percent",
    "position_uncertain",
    # Extension: a question the report did not put to this group (T28: two items went to
    # board members only). The cell is empty because no number exists, not because it
    # was lost.
    "not_asked",
)
# Added by the build from errata.yaml, never written in a source file.
ERRATUM_FLAG = "printed_inconsistency"
ALL_FLAGS = (*SOURCE_FLAGS, ERRATUM_FLAG)
CHECKS = ("percent_vs_count", "sum_of_percents", "sum_of_counts")
TOTAL = "total"

ID_PATTERN = re.compile(r"^(T|F)\d{2}$")
CODE_PATTERN = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
CELL_PATTERN = re.compile(
    r"^\s*(?:(?P<percent>\d+(?:[.,]\d+)?)\s*%)?\s*(?:\(\s*(?P<count>\d+)\s*\))?\s*$"
)
VALUE_PATTERN = re.compile(r"^\s*\d+(?:,\d+)?\s*$")


class SourceError(Exception):
    """One or more problems in the source files; the message lists them all."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass(frozen=True)
class Label:
    da: str
    en: str


@dataclass(frozen=True)
class Code:
    kind: str
    id: str
    label: Label


@dataclass
class Cell:
    table_id: str
    row_id: str
    group: str
    column_id: str
    percent: Decimal | None = None
    count: int | None = None
    value: Decimal | None = None
    base: int | None = None
    flags: list[str] = field(default_factory=list)
    note: str | None = None

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.table_id, self.row_id, self.group, self.column_id)

    def where(self) -> str:
        return (
            f"table {self.table_id}, row {self.row_id!r}, group {self.group!r}, "
            f"column {self.column_id!r}"
        )


@dataclass
class Row:
    id: str
    label: Label
    order: int
    cells: dict[str, list[Cell]]  # group -> cells in column order
    base: dict[str, int]
    flags: list[str]
    note: str | None


@dataclass
class Column:
    id: str
    label: Label
    order: int


@dataclass
class Table:
    id: str
    kind: str
    number: int
    page: int
    pdf_page: int
    chapter: int
    title: Label
    question: Label | None
    source: Label
    population: Label | None
    note: Label | None
    multiple_response: bool
    sum: str
    groups: list[Code]
    columns: list[Column]
    rows: list[Row]
    path: Path

    def cells(self) -> list[Cell]:
        return [
            cell
            for row in self.rows
            for group in self.groups
            for cell in row.cells.get(group.id, [])
        ]


@dataclass
class Erratum:
    table_id: str
    row_id: str
    group: str
    column_id: str
    check: str
    printed: str
    implied: str | None
    description: Label

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.table_id, self.row_id, self.group, self.column_id, self.check)


class _Yaml12BoolLoader(yaml.SafeLoader):
    """SafeLoader where only true/false are booleans, so the codes `yes`/`no` stay text."""


_Yaml12BoolLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Yaml12BoolLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)


def read_yaml_text(text: str) -> Any:
    return yaml.load(text, Loader=_Yaml12BoolLoader)  # noqa: S506 - a SafeLoader subclass


def _read_yaml(path: Path) -> Any:
    try:
        return read_yaml_text(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise SourceError([f"{path.name}: not valid YAML: {error}"]) from error


def _label(value: Any, where: str, problems: list[str], required: bool = True) -> Label | None:
    if value is None:
        if required:
            problems.append(f"{where}: missing (needs Danish 'da' and English 'en')")
        return None
    if not isinstance(value, dict):
        problems.append(f"{where}: must be a mapping with 'da' and 'en', got {value!r}")
        return None
    for language, name in (("da", "Danish"), ("en", "English")):
        text = value.get(language)
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: missing {name} label ('{language}')")
    unknown = set(value) - {"da", "en"}
    if unknown:
        problems.append(f"{where}: unknown language keys {sorted(unknown)}")
    if any(not isinstance(value.get(k), str) or not value.get(k, "").strip() for k in ("da", "en")):
        return None
    return Label(da=value["da"].strip(), en=value["en"].strip())


def load_codes(path: Path | None = None) -> dict[tuple[str, str], Code]:
    path = path or SOURCE_DIR / "codes.yaml"
    problems: list[str] = []
    codes: dict[tuple[str, str], Code] = {}
    for position, entry in enumerate(_read_yaml(path) or [], start=1):
        where = f"codes.yaml entry {position}"
        kind, code_id = entry.get("kind"), entry.get("id")
        if kind not in ("group", "column"):
            problems.append(f"{where}: kind must be 'group' or 'column', got {kind!r}")
            continue
        if not isinstance(code_id, str) or not CODE_PATTERN.match(code_id):
            problems.append(f"{where}: id {code_id!r} is not snake_case")
            continue
        if (kind, code_id) in codes:
            problems.append(f"{where}: duplicate {kind} code {code_id!r}")
            continue
        label = _label({k: entry.get(k) for k in ("da", "en")}, f"{where} ({code_id})", problems)
        if label:
            codes[(kind, code_id)] = Code(kind=kind, id=code_id, label=label)
    if problems:
        raise SourceError(problems)
    return codes


def _parse_decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def parse_cell(raw: Any, cell: Cell, problems: list[str]) -> None:
    """Fill `cell` from its transcription (string, integer or mapping)."""
    where = cell.where()
    if raw is None:
        problems.append(f"{where}: missing cell (write what is printed, or a mapping with flags)")
        return
    if isinstance(raw, bool):
        problems.append(f"{where}: {raw!r} is not a cell value")
        return
    if isinstance(raw, int):
        cell.count = raw
        return
    if isinstance(raw, float):
        problems.append(f'{where}: write decimals as printed text, e.g. "0,51", not {raw!r}')
        return
    if isinstance(raw, str):
        if VALUE_PATTERN.match(raw) and "," in raw:
            cell.value = _parse_decimal(raw.strip())
            return
        match = CELL_PATTERN.match(raw)
        if not match or not (match.group("percent") or match.group("count")):
            problems.append(f"{where}: cannot read printed cell {raw!r}")
            return
        if match.group("percent"):
            cell.percent = _parse_decimal(match.group("percent"))
        if match.group("count"):
            cell.count = int(match.group("count"))
        return
    if not isinstance(raw, dict):
        problems.append(f"{where}: cannot read cell {raw!r}")
        return
    unknown = set(raw) - {"percent", "count", "value", "base", "flags", "note"}
    if unknown:
        problems.append(f"{where}: unknown cell keys {sorted(unknown)}")
    for name in ("percent", "value"):
        number = raw.get(name)
        if number is None:
            continue
        try:
            setattr(cell, name, _parse_decimal(str(number)))
        except InvalidOperation:
            problems.append(f"{where}: {name} {number!r} is not a number")
    for name in ("count", "base"):
        number = raw.get(name)
        if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
            problems.append(f"{where}: {name} {number!r} is not an integer")
        elif number is not None:
            setattr(cell, name, number)
    flags = raw.get("flags") or []
    cell.flags.extend(_flags(flags, where, problems))
    note = raw.get("note")
    if note is not None:
        cell.note = str(note).strip()
    if cell.percent is None and cell.count is None and cell.value is None and not cell.flags:
        problems.append(f"{where}: empty cell without a flag saying why it is empty")
    if (
        cell.percent is None
        and cell.count is None
        and cell.value is None
        and not ({"lost_in_transcript", "hidden_below_5_percent", "not_asked"} & set(cell.flags))
    ):
        problems.append(
            f"{where}: an empty cell needs flag lost_in_transcript, hidden_below_5_percent "
            "or not_asked"
        )
    if {"lost_in_transcript", "inferred_from_text", "position_uncertain", "not_asked"} & set(
        cell.flags
    ) and not cell.note:
        problems.append(f"{where}: flags {cell.flags} need a note saying what was relied on")


def _flags(flags: Any, where: str, problems: list[str]) -> list[str]:
    if not isinstance(flags, list):
        problems.append(f"{where}: flags must be a list, got {flags!r}")
        return []
    valid = []
    for flag in flags:
        if flag == ERRATUM_FLAG:
            problems.append(
                f"{where}: flag {ERRATUM_FLAG!r} is set by the build from errata.yaml; "
                "list the inconsistency there instead"
            )
        elif flag not in SOURCE_FLAGS:
            problems.append(f"{where}: unknown flag {flag!r} (allowed: {', '.join(SOURCE_FLAGS)})")
        else:
            valid.append(flag)
    return valid


def _base_mapping(
    raw: Any, group_ids: list[str], where: str, problems: list[str]
) -> dict[str, int]:
    if raw is None:
        return {}
    if isinstance(raw, int) and not isinstance(raw, bool):
        return {group: raw for group in group_ids}
    if isinstance(raw, dict):
        base = {}
        for group, number in raw.items():
            if group not in group_ids:
                problems.append(
                    f"{where}: base given for group {group!r}, not a group of the table"
                )
            elif isinstance(number, bool) or not isinstance(number, int):
                problems.append(f"{where}: base for {group!r} must be an integer, got {number!r}")
            else:
                base[group] = number
        return base
    problems.append(f"{where}: base must be an integer or a mapping per group, got {raw!r}")
    return {}


def load_table(path: Path, codes: dict[tuple[str, str], Code]) -> Table:
    raw = _read_yaml(path)
    problems: list[str] = []
    if not isinstance(raw, dict):
        raise SourceError([f"{path.name}: must be a mapping"])
    table_id = raw.get("id")
    where = f"table {table_id} ({path.name})"
    if not isinstance(table_id, str) or not ID_PATTERN.match(table_id):
        raise SourceError([f"{path.name}: id {table_id!r} must look like T01 or F03"])
    kind = raw.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}: kind {kind!r} must be one of {', '.join(KINDS)}")
    if kind in ("figure", "diagram") and not table_id.startswith("F"):
        problems.append(f"{where}: a {kind} needs an id starting with F")
    if kind == "table" and not table_id.startswith("T"):
        problems.append(f"{where}: a table needs an id starting with T")
    number = raw.get("number")
    if number != int(table_id[1:]):
        problems.append(f"{where}: number {number!r} does not match id {table_id}")
    integers = {}
    for name in ("page", "pdf_page", "chapter"):
        integers[name] = raw.get(name)
        if isinstance(integers[name], bool) or not isinstance(integers[name], int):
            problems.append(f"{where}: {name} must be an integer, got {integers[name]!r}")
    if isinstance(integers["page"], int) and isinstance(integers["pdf_page"], int):
        if integers["pdf_page"] - integers["page"] != 2:
            problems.append(
                f"{where}: printed page {integers['page']} and PDF page "
                f"{integers['pdf_page']} do not differ by 2"
            )
    title = _label(raw.get("title"), f"{where} title", problems)
    question = _label(raw.get("question"), f"{where} question", problems, required=False)
    source = _label(raw.get("source"), f"{where} source", problems)
    population = _label(
        raw.get("population"), f"{where} population", problems, required=kind != "diagram"
    )
    note = _label(raw.get("note"), f"{where} note", problems, required=False)
    multiple_response = raw.get("multiple_response")
    if not isinstance(multiple_response, bool):
        problems.append(f"{where}: multiple_response must be true or false")
    sum_axis = raw.get("sum")
    if sum_axis not in SUM_AXES:
        problems.append(f"{where}: sum {sum_axis!r} must be one of {', '.join(SUM_AXES)}")
    if multiple_response is True and sum_axis != "none":
        problems.append(f"{where}: a multiple-response table cannot have sum {sum_axis!r}")

    groups: list[Code] = []
    for group_id in raw.get("groups") or []:
        code = codes.get(("group", group_id))
        if code is None:
            problems.append(f"{where}: unknown group code {group_id!r} (add it to codes.yaml)")
        elif code in groups:
            problems.append(f"{where}: group {group_id!r} listed twice")
        else:
            groups.append(code)

    columns: list[Column] = []
    for order, entry in enumerate(raw.get("columns") or [], start=1):
        column_id = entry.get("id") if isinstance(entry, dict) else entry
        code = codes.get(("column", column_id))
        if code is None:
            problems.append(f"{where}: unknown column code {column_id!r} (add it to codes.yaml)")
            continue
        label = code.label
        if isinstance(entry, dict):
            label = (
                _label(
                    {"da": entry.get("da"), "en": entry.get("en")},
                    f"{where} column {column_id!r} label",
                    problems,
                )
                or label
            )
        if any(column.id == column_id for column in columns):
            problems.append(f"{where}: column {column_id!r} listed twice")
        columns.append(Column(id=column_id, label=label, order=order))

    group_ids = [group.id for group in groups]
    table_base = _base_mapping(raw.get("base"), group_ids, f"{where} base", problems)
    rows: list[Row] = []
    seen_rows: set[str] = set()
    for order, raw_row in enumerate(raw.get("rows") or [], start=1):
        row_id = raw_row.get("id") if isinstance(raw_row, dict) else None
        row_where = f"table {table_id}, row {row_id!r}"
        if not isinstance(row_id, str) or not CODE_PATTERN.match(row_id):
            problems.append(f"{where}: row {order} has id {row_id!r}, not snake_case")
            continue
        if row_id in seen_rows:
            problems.append(f"{row_where}: duplicate row id")
            continue
        seen_rows.add(row_id)
        unknown = set(raw_row) - {"id", "da", "en", "cells", "base", "flags", "note"}
        if unknown:
            problems.append(f"{row_where}: unknown keys {sorted(unknown)}")
        label = _label(
            {"da": raw_row.get("da"), "en": raw_row.get("en")}, f"{row_where} label", problems
        )
        row_flags = _flags(raw_row.get("flags") or [], row_where, problems)
        row_note = raw_row.get("note")
        if {"lost_in_transcript", "inferred_from_text", "position_uncertain"} & set(
            row_flags
        ) and not row_note:
            problems.append(f"{row_where}: flags {row_flags} need a note")
        raw_cells = raw_row.get("cells")
        if isinstance(raw_cells, list):
            if len(group_ids) != 1:
                problems.append(
                    f"{row_where}: cells must be a mapping per group {group_ids} "
                    "when the table has several groups"
                )
                continue
            raw_cells = {group_ids[0]: raw_cells}
        if not isinstance(raw_cells, dict):
            problems.append(f"{row_where}: cells missing")
            continue
        if set(raw_cells) != set(group_ids):
            problems.append(
                f"{row_where}: cells given for groups {sorted(raw_cells)}, "
                f"the table's groups are {group_ids}"
            )
        cells_by_group: dict[str, list[Cell]] = {}
        for group_id in group_ids:
            group_cells = raw_cells.get(group_id)
            if not isinstance(group_cells, list):
                continue
            if len(group_cells) != len(columns):
                problems.append(
                    f"{row_where}, group {group_id!r}: has {len(group_cells)} cells, "
                    f"the table has {len(columns)} columns "
                    f"({', '.join(column.id for column in columns)})"
                )
                continue
            parsed = []
            for column, raw_cell in zip(columns, group_cells, strict=True):
                cell = Cell(table_id=table_id, row_id=row_id, group=group_id, column_id=column.id)
                parse_cell(raw_cell, cell, problems)
                for flag in row_flags:
                    if flag not in cell.flags:
                        cell.flags.append(flag)
                if row_note:
                    cell.note = f"{row_note.strip()} {cell.note}" if cell.note else row_note.strip()
                parsed.append(cell)
            cells_by_group[group_id] = parsed
        rows.append(
            Row(
                id=row_id,
                label=label or Label("", ""),
                order=order,
                cells=cells_by_group,
                base=_base_mapping(raw_row.get("base"), group_ids, f"{row_where} base", problems),
                flags=row_flags,
                note=row_note,
            )
        )
    if kind == "diagram" and (rows or columns or groups):
        problems.append(f"{where}: a diagram has no rows, columns or groups")
    if kind in ("table", "figure") and not rows:
        problems.append(f"{where}: a {kind} needs rows")
    if problems:
        raise SourceError(problems)
    table = Table(
        id=table_id,
        kind=kind,
        number=number,
        page=integers["page"],
        pdf_page=integers["pdf_page"],
        chapter=integers["chapter"],
        title=title,
        question=question,
        source=source,
        population=population,
        note=note,
        multiple_response=multiple_response,
        sum=sum_axis,
        groups=groups,
        columns=columns,
        rows=rows,
        path=path,
    )
    resolve_bases(table, table_base)
    return table


def resolve_bases(table: Table, table_base: dict[str, int]) -> None:
    """Give every cell the N its percent refers to (see source/README.md, "Base")."""
    column_ids = [column.id for column in table.columns]
    total_column = column_ids.index(TOTAL) if TOTAL in column_ids else None
    total_row = next((row for row in table.rows if row.id == TOTAL), None)
    for row in table.rows:
        for group, cells in row.cells.items():
            for position, cell in enumerate(cells):
                if cell.base is not None:
                    continue
                if group in row.base:
                    cell.base = row.base[group]
                elif group in table_base:
                    cell.base = table_base[group]
                elif total_column is not None and position != total_column:
                    cell.base = cells[total_column].count
                elif total_row is not None and row is not total_row:
                    total_cells = total_row.cells.get(group)
                    cell.base = total_cells[position].count if total_cells else None


def load_errata(path: Path | None = None) -> list[Erratum]:
    path = path or SOURCE_DIR / "errata.yaml"
    problems: list[str] = []
    errata: list[Erratum] = []
    for position, entry in enumerate(_read_yaml(path) or [], start=1):
        where = f"errata.yaml entry {position}"
        if not isinstance(entry, dict):
            problems.append(f"{where}: must be a mapping")
            continue
        missing = [
            name
            for name in ("table_id", "row_id", "group", "column_id", "check", "printed")
            if not entry.get(name)
        ]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        if entry["check"] not in CHECKS:
            problems.append(f"{where}: check {entry['check']!r} must be one of {', '.join(CHECKS)}")
        description = _label(
            {"da": entry.get("description_da"), "en": entry.get("description_en")},
            f"{where} description",
            problems,
        )
        implied = entry.get("implied")
        errata.append(
            Erratum(
                table_id=entry["table_id"],
                row_id=str(entry["row_id"]),
                group=entry["group"],
                column_id=str(entry["column_id"]),
                check=entry["check"],
                printed=str(entry["printed"]),
                implied=None if implied is None else str(implied),
                description=description or Label("", ""),
            )
        )
    keys = [erratum.key for erratum in errata]
    for key in sorted({key for key in keys if keys.count(key) > 1}):
        problems.append(f"errata.yaml: {key} listed more than once")
    if problems:
        raise SourceError(problems)
    return errata


def load_tables(source_dir: Path | None = None) -> tuple[list[Table], dict[tuple[str, str], Code]]:
    source_dir = source_dir or SOURCE_DIR
    codes = load_codes(source_dir / "codes.yaml")
    problems: list[str] = []
    tables: list[Table] = []
    seen: dict[str, Path] = {}
    for path in sorted((source_dir / "tables").glob("*.yaml")):
        try:
            table = load_table(path, codes)
        except SourceError as error:
            problems.extend(error.problems)
            continue
        if table.id in seen:
            problems.append(
                f"table {table.id}: duplicate table id in {path.name} and {seen[table.id].name}"
            )
            continue
        seen[table.id] = path
        if path.stem != table.id:
            problems.append(f"table {table.id}: file {path.name} must be named {table.id}.yaml")
            continue
        tables.append(table)
    if problems:
        raise SourceError(problems)
    tables.sort(key=lambda table: (table.id[0] != "T", table.number))
    return tables, codes
