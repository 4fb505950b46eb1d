"""Load and validate the transcribed source tables (datapackage/source/).

Every problem is reported with the file, or the table, row, group and column it concerns,
so a reviewer can go straight to the cell in the YAML file and in the seed text. Problems
are collected and reported together (SourceError), never as a traceback.

Three layers, in this order, for every source file:
1. reading: UTF-8, YAML syntax, no duplicate keys (SourceLoader, libyaml);
2. structure: the JSON Schema in source/schema/<kind>.schema.json (keys, types, shapes);
3. meaning, here in Python: codes exist, IDs match, flags fit their cells (FLAG_RULES);
   the arithmetic is checked afterwards (arithmetic.py, build_package.py).
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from paths import ROOT

SOURCE_DIR = ROOT / "datapackage" / "source"
SCHEMA_DIR = SOURCE_DIR / "schema"
TABLES_DIR_NAME = "tables"

KINDS = ("table", "figure", "diagram")
SUM_AXES = ("rows", "columns", "none")
LOST = "[…]"  # written in a label where the transcript lost a number


@dataclass(frozen=True)
class FlagRule:
    """What a source flag means for the cell (and the row) that carries it."""

    meaning: str
    # "none": the cell has no percent, count or value; "number": it has one; "any": either.
    numbers: str
    # Flags on the same cell that lift the `numbers` rule.
    unless: tuple[str, ...] = ()
    # May the cell have a base (its own, or one resolved from a total)?
    base: bool = True
    # Needs a note saying what was relied on.
    note: bool = False
    # Flags it cannot be combined with on one cell.
    excludes: tuple[str, ...] = ()
    # On a row: "cells" = applies to every cell of the row; "label_lost" / "label_inferred" =
    # about a number in the row's label (shown as […] when lost, written out when inferred).
    on_row: str = "cells"


# One entry per flag a source file may use; order = order in datapackage.json's enum.
FLAG_RULES: dict[str, FlagRule] = {
    "lost_in_transcript": FlagRule(
        meaning="the transcript lost the number",
        numbers="none",
        unless=("inferred_from_text",),
        note=True,
        on_row="label_lost",
    ),
    "inferred_from_text": FlagRule(
        meaning="the transcript lost the number, the report's prose states it",
        numbers="number",
        note=True,
        on_row="label_inferred",
    ),
    "hidden_below_5_percent": FlagRule(
        meaning="the report does not print values under 5 %",
        numbers="none",
        excludes=("lost_in_transcript", "inferred_from_text"),
    ),
    "position_uncertain": FlagRule(
        meaning="the transcript does not settle which bar or column the number belongs to",
        numbers="any",
        note=True,
    ),
    # Extension: a question the report did not put to this group (T28: two items went to
    # board members only). The cell is empty because no number exists, not because it
    # was lost.
    "not_asked": FlagRule(
        meaning="the report did not put the question to this group",
        numbers="none",
        base=False,
        note=True,
        excludes=(
            "lost_in_transcript",
            "inferred_from_text",
            "hidden_below_5_percent",
            "position_uncertain",
        ),
    ),
}
SOURCE_FLAGS = tuple(FLAG_RULES)
# Flags that may stand for a missing number (an empty cell needs one of them).
EMPTY_FLAGS = tuple(flag for flag, rule in FLAG_RULES.items() if rule.numbers == "none")
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


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping names the same key twice (plain YAML would silently keep the last)."""


class SourceLoader(yaml.CSafeLoader):
    """Safe YAML loader on libyaml for every source file.

    Differences from yaml.CSafeLoader: only `true`/`false` are booleans (YAML 1.2), so the
    codes `yes`/`no` stay text; a key given twice in one mapping is an error.
    """

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, _ in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.get(key)
                except TypeError:  # unhashable key: the base class reports it
                    continue
                if first is not None:
                    raise DuplicateKeyError(
                        None,
                        None,
                        f"duplicate key {key!r} (first given on line {first})",
                        key_node.start_mark,
                    )
                seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


SourceLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
SourceLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
)


def read_yaml_text(text: str) -> Any:
    return yaml.load(text, Loader=SourceLoader)  # noqa: S506 - a CSafeLoader subclass


def shown(path: Path) -> str:
    """The path as written in messages: relative to the repository when inside it."""
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _yaml_problem(path: Path, error: yaml.YAMLError) -> str:
    mark = getattr(error, "problem_mark", None)
    where = shown(path)
    if mark is not None:
        where += f": line {mark.line + 1}, column {mark.column + 1}"
    problem = getattr(error, "problem", None) or str(error)
    if isinstance(error, DuplicateKeyError):
        return f"{where}: {problem}"
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    if context and context_mark is not None and context_mark.line != getattr(mark, "line", None):
        context = f"{context} (from line {context_mark.line + 1})"
    detail = f"{context}, {problem}" if context else problem
    return f"{where}: not valid YAML: {' '.join(detail.split())}"


def _read_yaml(path: Path) -> Any:
    """Read one source file; raise SourceError with a one-line message naming it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise SourceError([f"{shown(path)}: cannot read: {error.strerror or error}"]) from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise SourceError(
            [
                f"{shown(path)}: line {line}: not UTF-8 (byte 0x{data[error.start]:02x} at "
                f"column {column}); save the file as UTF-8"
            ]
        ) from error
    try:
        return read_yaml_text(text)
    except yaml.YAMLError as error:
        raise SourceError([_yaml_problem(path, error)]) from error


@functools.cache
def _validator(kind: str) -> Draft202012Validator:
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _schema_message(error: ValidationError) -> str:
    if error.validator == "type":
        expected = error.validator_value
        names = " or ".join(expected) if isinstance(expected, list) else expected
        instance = repr(error.instance)
        if len(instance) > 60:
            instance = instance[:57] + "..."
        return f"{instance} is not of type {names}"
    message = " ".join(error.message.split())
    return message if len(message) <= 200 else message[:197] + "..."


def _path_key(error: ValidationError) -> tuple[tuple[int, Any], ...]:
    return tuple((0, part) if isinstance(part, int) else (1, str(part)) for part in error.path)


def schema_problems(data: Any, kind: str, path: Path) -> list[str]:
    """`<file>: <json path>: <message>` for every way `data` breaks <kind>.schema.json."""
    errors = sorted(_validator(kind).iter_errors(data), key=lambda e: (_path_key(e), e.message))
    return [f"{shown(path)}: {error.json_path}: {_schema_message(error)}" for error in errors]


def read_source(path: Path, kind: str) -> Any:
    """Read a source file and check its structure against schema/<kind>.schema.json."""
    data = _read_yaml(path)
    problems = schema_problems(data, kind, path)
    if problems:
        raise SourceError(problems)
    return data


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
    for position, entry in enumerate(read_source(path, "codes") or [], start=1):
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


def _numbers(cell: Cell) -> str:
    return ", ".join(
        f"{name} {getattr(cell, name)}"
        for name in ("percent", "count", "value")
        if getattr(cell, name) is not None
    )


def check_cell_flags(
    cell: Cell, own: list[str], own_note: str | None, row_wide: list[str], problems: list[str]
) -> None:
    """Hold a cell against FLAG_RULES: its own flags and its row's flags that apply to every
    cell (`row_wide`; their note is the row's, required in check_row_label). Run after the
    bases are resolved."""
    flags = own + [flag for flag in row_wide if flag not in own]
    where = cell.where()
    numbers = _numbers(cell)
    if not numbers and not set(EMPTY_FLAGS) & set(flags):
        problems.append(f"{where}: empty cell: needs a flag saying why ({', '.join(EMPTY_FLAGS)})")
    for flag in flags:
        rule = FLAG_RULES[flag]
        said = f"{where}: flag {flag} ({rule.meaning})"
        if rule.numbers == "none" and numbers and not set(rule.unless) & set(flags):
            problems.append(f"{said}: the cell must have no number, but it has {numbers}")
        if rule.numbers == "number" and not numbers:
            problems.append(f"{said}: the cell must have the number, but it is empty")
        if not rule.base and cell.base is not None:
            problems.append(f"{said}: the cell must have no base, but it has base {cell.base}")
        if rule.note and flag in own and not own_note:
            problems.append(f"{said}: needs a note saying what was relied on")
        for other in rule.excludes:
            if other in flags:
                problems.append(f"{said}: cannot be combined with flag {other}")


def check_row_label(
    row_where: str, label: Label, flags: list[str], note: Any, problems: list[str]
) -> None:
    """Row flags about the label: a lost number is shown as […], an inferred one written out."""
    for flag in flags:
        rule = FLAG_RULES[flag]
        if rule.note and not note:
            problems.append(f"{row_where}: flag {flag} ({rule.meaning}) needs a note")
    lost = LOST in label.da or LOST in label.en
    label_lost = any(FLAG_RULES[flag].on_row == "label_lost" for flag in flags)
    if lost and not label_lost:
        problems.append(
            f"{row_where} label: shows {LOST} (a number lost in the transcript) but the row "
            "has no flag lost_in_transcript"
        )
    for flag in flags:
        rule = FLAG_RULES[flag]
        if rule.on_row == "label_lost" and not (LOST in label.da and LOST in label.en):
            problems.append(
                f"{row_where}: flag {flag} on a row means a number in its label was lost: "
                f"write {LOST} where it was, in both 'da' and 'en'"
            )
        if rule.on_row == "label_inferred" and lost and not label_lost:
            problems.append(
                f"{row_where}: flag {flag} on a row means the label's lost number is taken from "
                f"the prose: write it in place of {LOST}"
            )


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
    return parse_table(read_source(path, "table"), path, codes)


def parse_table(raw: Any, path: Path, codes: dict[tuple[str, str], Code]) -> Table:
    """Check what a table file means (its structure is already checked) and build the Table."""
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
    flag_checks: list[tuple[Cell, list[str], str | None, list[str]]] = []
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
        if label:
            check_row_label(row_where, label, row_flags, row_note, problems)
        # Row flags about the label are not held against the cells (see FLAG_RULES).
        cell_wide = [flag for flag in row_flags if FLAG_RULES[flag].on_row == "cells"]
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
                flag_checks.append((cell, list(cell.flags), cell.note, cell_wide))
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
    # Built even when there are problems, so that the flag checks below (which need the
    # resolved bases) report too; a table with problems is never returned.
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
    for cell, own, own_note, row_wide in flag_checks:
        check_cell_flags(cell, own, own_note, row_wide, problems)
    if problems:
        raise SourceError(problems)
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
    for position, entry in enumerate(read_source(path, "errata") or [], start=1):
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


def load_package(path: Path | None = None) -> dict[str, Any]:
    """package.yaml: package metadata and the list of expected tables, checked."""
    path = path or SOURCE_DIR / "package.yaml"
    metadata = read_source(path, "package")
    expected_table_ids(metadata, path)
    return metadata


def expected_table_ids(metadata: dict[str, Any], path: Path | None = None) -> list[str]:
    """Expand package.yaml's `tables` (IDs and ranges such as T01-T53) into IDs."""
    where = shown(path or SOURCE_DIR / "package.yaml")
    problems: list[str] = []
    ids: list[str] = []
    for position, entry in enumerate(metadata["tables"]):
        first, _, last = entry.partition("-")
        last = last or first
        if first[0] != last[0] or int(first[1:]) > int(last[1:]) or int(first[1:]) < 1:
            problems.append(f"{where}: $.tables[{position}]: {entry!r} is not a range like T01-T53")
            continue
        for number in range(int(first[1:]), int(last[1:]) + 1):
            table_id = f"{first[0]}{number:02d}"
            if table_id in ids:
                problems.append(f"{where}: $.tables[{position}]: {table_id} declared twice")
            ids.append(table_id)
    if problems:
        raise SourceError(problems)
    return ids


def table_files(tables_dir: Path, expected_ids: list[str]) -> tuple[list[Path], list[str]]:
    """The expected `<ID>.yaml` files in tables/, and a problem for every file that is
    missing and every entry that is not exactly an expected `<ID>.yaml`."""
    expected = {f"{table_id}.yaml": table_id for table_id in expected_ids}
    declared = "package.yaml `tables`"
    present = sorted(tables_dir.iterdir()) if tables_dir.is_dir() else []
    problems: list[str] = []
    for path in present:
        if path.name in expected and path.is_file():
            continue
        stem = path.name.split(".")[0].upper()
        if path.is_dir():
            why = "a folder; tables/ holds only <ID>.yaml files"
        elif stem in expected_ids and f"{stem}.yaml" in {p.name for p in present}:
            why = f"a second file for {stem} next to {stem}.yaml; remove it"
        elif stem in expected_ids:
            why = f"misnamed: the file for {stem} must be named exactly {stem}.yaml"
        elif ID_PATTERN.match(stem):
            why = f"{stem} is not a table or figure of the report (see {declared})"
        else:
            why = f"not a table file: tables/ holds only <ID>.yaml files for the IDs in {declared}"
        problems.append(f"{shown(path)}: {why}")
    names = {path.name for path in present if path.is_file()}
    for name, table_id in expected.items():
        if name not in names:
            problems.append(f"{shown(tables_dir / name)}: missing: {declared} declares {table_id}")
    files = [path for path in present if path.name in expected and path.is_file()]
    return files, problems


def load_tables(source_dir: Path | None = None) -> tuple[list[Table], dict[tuple[str, str], Code]]:
    """All tables declared in package.yaml, and the codes; SourceError lists every problem."""
    source_dir = source_dir or SOURCE_DIR
    path = source_dir / "package.yaml"
    return _load_tables(source_dir, expected_table_ids(load_package(path), path))


def _load_tables(
    source_dir: Path, expected_ids: list[str] | None
) -> tuple[list[Table], dict[tuple[str, str], Code]]:
    """Load codes and tables, collecting every problem. `expected_ids` None (package.yaml
    unreadable) skips the file-set check and reads every *.yaml in tables/."""
    problems: list[str] = []
    codes: dict[tuple[str, str], Code] | None = None
    try:
        codes = load_codes(source_dir / "codes.yaml")
    except SourceError as error:
        problems.extend(error.problems)
    tables_dir = source_dir / TABLES_DIR_NAME
    if expected_ids is None:
        paths = sorted(tables_dir.glob("*.yaml"))
    else:
        paths, file_problems = table_files(tables_dir, expected_ids)
        problems.extend(file_problems)
    tables: list[Table] = []
    seen: dict[str, Path] = {}
    for path in paths:
        try:
            raw = read_source(path, "table")
            if codes is None:  # structure checked; the meaning needs the codes
                continue
            table = parse_table(raw, path, codes)
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
    assert codes is not None
    tables.sort(key=lambda table: (table.id[0] != "T", table.number))
    return tables, codes


@dataclass
class Sources:
    metadata: dict[str, Any]
    tables: list[Table]
    codes: dict[tuple[str, str], Code]
    errata: list[Erratum]


def load_sources(source_dir: Path | None = None) -> Sources:
    """Every source file, checked; SourceError lists the problems of all files at once."""
    source_dir = source_dir or SOURCE_DIR
    problems: list[str] = []
    metadata: dict[str, Any] = {}
    expected: list[str] | None = None
    try:
        metadata = load_package(source_dir / "package.yaml")
        expected = expected_table_ids(metadata, source_dir / "package.yaml")
    except SourceError as error:
        problems.extend(error.problems)
    tables: list[Table] = []
    codes: dict[tuple[str, str], Code] = {}
    try:
        tables, codes = _load_tables(source_dir, expected)
    except SourceError as error:
        problems.extend(error.problems)
    errata: list[Erratum] = []
    try:
        errata = load_errata(source_dir / "errata.yaml")
    except SourceError as error:
        problems.extend(error.problems)
    if problems:
        raise SourceError(problems)
    return Sources(metadata=metadata, tables=tables, codes=codes, errata=errata)
