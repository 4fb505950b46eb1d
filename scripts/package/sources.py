"""Load and validate the transcribed source tables (datapackage/source/).

Every problem is a Problem record (problems.py) with a stable code and the file, or the
table, row, group and column it concerns, so a reviewer can go straight to the cell in
the YAML file and in the seed text. Problems are collected and reported together
(SourceError), never as a traceback.

Three layers, in this order, for every source file:
1. reading: UTF-8, YAML syntax, no duplicate keys (SourceLoader, libyaml);
2. structure: the JSON Schema in source/schema/<kind>.schema.json (keys, types, shapes);
3. meaning, here in Python: codes exist, IDs match, flags fit their cells (FLAG_RULES);
   the arithmetic is checked afterwards (arithmetic.py, publish.py).
The Python checks rely on the structure: a file that breaks its schema is not read further.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from package.problems import Place, Problem, ProblemError
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


class SourceError(ProblemError):
    """One or more problems in the source files; `problems` lists them all."""


@dataclass(frozen=True)
class Label:
    da: str
    en: str


@dataclass(frozen=True)
class Code:
    kind: str
    id: str
    label: Label


CodeBook = dict[tuple[str, str], Code]  # (kind, id) -> code


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


def file_place(path: Path) -> Place:
    """A whole source file, named as in messages."""
    return Place(shown(path), file=shown(path))


def _yaml_problem(path: Path, error: yaml.YAMLError) -> Problem:
    mark = getattr(error, "problem_mark", None)
    line = "" if mark is None else f"line {mark.line + 1}, column {mark.column + 1}: "
    problem = getattr(error, "problem", None) or str(error)
    if isinstance(error, DuplicateKeyError):
        return file_place(path).problem("duplicate-key", f"{line}{problem}")
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    if context and context_mark is not None and context_mark.line != getattr(mark, "line", None):
        context = f"{context} (from line {context_mark.line + 1})"
    detail = f"{context}, {problem}" if context else problem
    return file_place(path).problem(
        "yaml-syntax", f"{line}not valid YAML: {' '.join(detail.split())}"
    )


def _read_yaml(path: Path) -> Any:
    """Read one source file; raise SourceError with a one-line message naming it."""
    try:
        data = path.read_bytes()
    except OSError as error:
        message = f"cannot read: {error.strerror or error}"
        raise SourceError([file_place(path).problem("unreadable", message)]) from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        message = (
            f"line {line}: not UTF-8 (byte 0x{data[error.start]:02x} at column {column}); "
            "save the file as UTF-8"
        )
        raise SourceError([file_place(path).problem("not-utf8", message)]) from error
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


def schema_problems(data: Any, kind: str, path: Path) -> list[Problem]:
    """`<file>: <json path>: <message>` for every way `data` breaks <kind>.schema.json."""
    errors = sorted(_validator(kind).iter_errors(data), key=lambda e: (_path_key(e), e.message))
    place = file_place(path)
    return [place.problem("schema", f"{e.json_path}: {_schema_message(e)}") for e in errors]


def read_source(path: Path, kind: str) -> Any:
    """Read a source file and check its structure against schema/<kind>.schema.json."""
    data = _read_yaml(path)
    problems = schema_problems(data, kind, path)
    if problems:
        raise SourceError(problems)
    return data


def _label(
    value: dict[str, Any] | None, place: Place, problems: list[Problem], required: bool = True
) -> Label | None:
    """A {da, en} label whose texts are not blank (its shape is checked by the schemas)."""
    if value is None:
        if required:
            problems.append(
                place.problem("missing-label", "missing (needs Danish 'da' and English 'en')")
            )
        return None
    texts = {language: (value.get(language) or "").strip() for language in ("da", "en")}
    for language, name in (("da", "Danish"), ("en", "English")):
        if not texts[language]:
            problems.append(place.problem("missing-label", f"missing {name} label ('{language}')"))
    if not all(texts.values()):
        return None
    return Label(da=texts["da"], en=texts["en"])


def load_codes(path: Path | None = None) -> CodeBook:
    path = path or SOURCE_DIR / "codes.yaml"
    problems: list[Problem] = []
    codes: CodeBook = {}
    for position, entry in enumerate(read_source(path, "codes"), start=1):
        place = Place(f"codes.yaml entry {position}", file=shown(path))
        kind, code_id = entry["kind"], entry["id"]
        if (kind, code_id) in codes:
            problems.append(place.problem("duplicate-code", f"duplicate {kind} code {code_id!r}"))
            continue
        label = _label(entry, place.part(f"({code_id})"), problems)
        if label:
            codes[(kind, code_id)] = Code(kind=kind, id=code_id, label=label)
    if problems:
        raise SourceError(problems)
    return codes


def _parse_decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def parse_cell(raw: Any, cell: Cell, place: Place, problems: list[Problem]) -> None:
    """Fill `cell` from its transcription: printed text, a bare count or a mapping."""
    if isinstance(raw, dict):
        _read_cell_mapping(raw, cell, place, problems)
    elif isinstance(raw, str):
        _read_printed_cell(raw, cell, place, problems)
    elif raw is None:
        message = "missing cell (write what is printed, or a mapping with flags)"
        problems.append(place.problem("missing-cell", message))
    elif isinstance(raw, bool):
        problems.append(place.problem("bad-cell", f"{raw!r} is not a cell value"))
    elif isinstance(raw, int):
        cell.count = raw
    else:  # a float: the schema allows no other type
        message = f'write decimals as printed text, e.g. "0,51", not {raw!r}'
        problems.append(place.problem("bad-cell", message))


def _read_printed_cell(raw: str, cell: Cell, place: Place, problems: list[Problem]) -> None:
    """Printed text: "45% (86)", "24,5%", "(86)", or a value such as "0,51"."""
    if VALUE_PATTERN.match(raw) and "," in raw:
        cell.value = _parse_decimal(raw.strip())
        return
    match = CELL_PATTERN.match(raw)
    if not match or not (match.group("percent") or match.group("count")):
        problems.append(place.problem("bad-cell", f"cannot read printed cell {raw!r}"))
        return
    if match.group("percent"):
        cell.percent = _parse_decimal(match.group("percent"))
    if match.group("count"):
        cell.count = int(match.group("count"))


def _read_cell_mapping(
    raw: dict[str, Any], cell: Cell, place: Place, problems: list[Problem]
) -> None:
    """{percent, count, value, base, flags, note}; the schema checked keys and types."""
    for name in ("percent", "value"):
        number = raw.get(name)
        if number is None:
            continue
        try:
            setattr(cell, name, _parse_decimal(str(number)))
        except InvalidOperation:
            problems.append(place.problem("bad-cell", f"{name} {number!r} is not a number"))
    for name in ("count", "base"):
        if raw.get(name) is not None:
            setattr(cell, name, raw[name])
    cell.flags.extend(_flags(raw.get("flags") or [], place, problems))
    if raw.get("note") is not None:
        cell.note = str(raw["note"]).strip()


def _numbers(cell: Cell) -> str:
    return ", ".join(
        f"{name} {getattr(cell, name)}"
        for name in ("percent", "count", "value")
        if getattr(cell, name) is not None
    )


@dataclass(frozen=True)
class FlagCheck:
    """A cell to hold against FLAG_RULES once the bases are resolved."""

    cell: Cell
    place: Place
    own: list[str]  # the cell's own flags
    own_note: str | None
    row_wide: list[str]  # its row's flags that apply to every cell (note: the row's)


def check_cell_flags(check: FlagCheck, problems: list[Problem]) -> None:
    """Hold a cell against FLAG_RULES: its own flags and its row's flags that apply to every
    cell (their note is the row's, required in check_row_label)."""
    cell, own = check.cell, check.own
    flags = own + [flag for flag in check.row_wide if flag not in own]
    numbers = _numbers(cell)
    if not numbers and not set(EMPTY_FLAGS) & set(flags):
        message = f"empty cell: needs a flag saying why ({', '.join(EMPTY_FLAGS)})"
        problems.append(check.place.problem("empty-cell", message))
    for flag in flags:
        rule = FLAG_RULES[flag]
        said = f"flag {flag} ({rule.meaning})"
        found: list[tuple[str, str]] = []
        if rule.numbers == "none" and numbers and not set(rule.unless) & set(flags):
            found.append(
                ("flag-forbids-number", f"the cell must have no number, but it has {numbers}")
            )
        if rule.numbers == "number" and not numbers:
            found.append(("flag-needs-number", "the cell must have the number, but it is empty"))
        if not rule.base and cell.base is not None:
            found.append(
                ("flag-forbids-base", f"the cell must have no base, but it has base {cell.base}")
            )
        if rule.note and flag in own and not check.own_note:
            found.append(("flag-needs-note", "needs a note saying what was relied on"))
        found += [
            ("flag-combination", f"cannot be combined with flag {other}")
            for other in rule.excludes
            if other in flags
        ]
        problems.extend(check.place.problem(code, f"{said}: {text}", flag) for code, text in found)


def check_row_label(
    place: Place, label: Label, flags: list[str], note: str | None, problems: list[Problem]
) -> None:
    """Row flags about the label: a lost number is shown as […], an inferred one written out."""
    for flag in flags:
        rule = FLAG_RULES[flag]
        if rule.note and not note:
            message = f"flag {flag} ({rule.meaning}) needs a note"
            problems.append(place.problem("flag-needs-note", message, flag))
    lost = LOST in label.da or LOST in label.en
    label_lost = any(FLAG_RULES[flag].on_row == "label_lost" for flag in flags)
    if lost and not label_lost:
        message = (
            f"shows {LOST} (a number lost in the transcript) but the row has no flag "
            "lost_in_transcript"
        )
        problems.append(place.part("label").problem("label-vs-flag", message))
    for flag in flags:
        rule = FLAG_RULES[flag]
        if rule.on_row == "label_lost" and not (LOST in label.da and LOST in label.en):
            message = (
                f"flag {flag} on a row means a number in its label was lost: "
                f"write {LOST} where it was, in both 'da' and 'en'"
            )
            problems.append(place.problem("label-vs-flag", message, flag))
        if rule.on_row == "label_inferred" and lost and not label_lost:
            message = (
                f"flag {flag} on a row means the label's lost number is taken from "
                f"the prose: write it in place of {LOST}"
            )
            problems.append(place.problem("label-vs-flag", message, flag))


def _flags(flags: list[str], place: Place, problems: list[Problem]) -> list[str]:
    """The known flags of a cell or row; the others are problems."""
    valid = []
    for flag in flags:
        if flag == ERRATUM_FLAG:
            message = (
                f"flag {ERRATUM_FLAG!r} is set by the build from errata.yaml; "
                "list the inconsistency there instead"
            )
            problems.append(place.problem("erratum-flag", message, flag))
        elif flag not in SOURCE_FLAGS:
            message = f"unknown flag {flag!r} (allowed: {', '.join(SOURCE_FLAGS)})"
            problems.append(place.problem("unknown-flag", message, flag))
        else:
            valid.append(flag)
    return valid


def _base_mapping(
    raw: int | dict[str, int] | None, group_ids: list[str], place: Place, problems: list[Problem]
) -> dict[str, int]:
    """A base (integer for every group, or a mapping per group) as group -> N."""
    if raw is None:
        return {}
    if isinstance(raw, int):
        return {group: raw for group in group_ids}
    for group in raw:
        if group not in group_ids:
            message = f"base given for group {group!r}, not a group of the table"
            problems.append(place.problem("bad-base", message))
    return {group: number for group, number in raw.items() if group in group_ids}


def load_table(path: Path, codes: CodeBook) -> Table:
    return parse_table(read_source(path, "table"), path, codes)


def parse_table(raw: dict[str, Any], path: Path, codes: CodeBook) -> Table:
    """Check what a table file means (its structure is already checked) and build the Table."""
    return _TableReader(raw, path, codes).read()


class _TableReader:
    """Reads one table file whose structure table.schema.json has checked: one method per
    part of the file, each adding what it finds wrong to `problems`."""

    def __init__(self, raw: dict[str, Any], path: Path, codes: CodeBook) -> None:
        self.raw = raw
        self.path = path
        self.codes = codes
        self.id: str = raw["id"]
        self.kind: str = raw["kind"]
        # The table as a whole is named with its file, its rows and cells without.
        self.place = Place(f"table {self.id} ({path.name})", file=shown(path), table=self.id)
        self.row_place = Place(f"table {self.id}", file=shown(path), table=self.id)
        self.problems: list[Problem] = []
        self.flag_checks: list[FlagCheck] = []

    def read(self) -> Table:
        """The Table; SourceError if anything is wrong. The Table is built even then, so
        that the flag checks (which need the resolved bases) report too."""
        raw = self.raw
        self.check_identity()
        labels = self.labels()
        self.check_sum()
        groups = self.groups()
        columns = self.columns()
        group_ids = [group.id for group in groups]
        table_base = _base_mapping(
            raw.get("base"), group_ids, self.place.part("base"), self.problems
        )
        rows = self.rows(group_ids, columns)
        self.check_shape(rows, columns, groups)
        table = Table(
            id=self.id,
            kind=self.kind,
            number=raw["number"],
            page=raw["page"],
            pdf_page=raw["pdf_page"],
            chapter=raw["chapter"],
            title=labels["title"],
            question=labels["question"],
            source=labels["source"],
            population=labels["population"],
            note=labels["note"],
            multiple_response=raw["multiple_response"],
            sum=raw["sum"],
            groups=groups,
            columns=columns,
            rows=rows,
            path=self.path,
        )
        resolve_bases(table, table_base)
        for check in self.flag_checks:
            check_cell_flags(check, self.problems)
        if self.problems:
            raise SourceError(self.problems)
        return table

    def problem(self, code: str, message: str) -> None:
        self.problems.append(self.place.problem(code, message))

    def check_identity(self) -> None:
        """The kind fits the ID's letter, the number its digits, the PDF page the page."""
        table_id, kind = self.id, self.kind
        if kind in ("figure", "diagram") and not table_id.startswith("F"):
            self.problem("kind-vs-id", f"a {kind} needs an id starting with F")
        if kind == "table" and not table_id.startswith("T"):
            self.problem("kind-vs-id", "a table needs an id starting with T")
        number = self.raw["number"]
        if number != int(table_id[1:]):
            self.problem("number-vs-id", f"number {number!r} does not match id {table_id}")
        page, pdf_page = self.raw["page"], self.raw["pdf_page"]
        if pdf_page - page != 2:
            message = f"printed page {page} and PDF page {pdf_page} do not differ by 2"
            self.problem("page-vs-pdf-page", message)

    def labels(self) -> dict[str, Any]:
        """title, question, source, population, note; population may be null for a diagram."""
        required = {
            "title": True,
            "question": False,
            "source": True,
            "population": self.kind != "diagram",
            "note": False,
        }
        return {
            name: _label(self.raw[name], self.place.part(name), self.problems, needed)
            for name, needed in required.items()
        }

    def check_sum(self) -> None:
        sum_axis = self.raw["sum"]
        if self.raw["multiple_response"] is True and sum_axis != "none":
            message = f"a multiple-response table cannot have sum {sum_axis!r}"
            self.problem("sum-vs-multiple-response", message)

    def groups(self) -> list[Code]:
        groups: list[Code] = []
        for group_id in self.raw["groups"]:
            code = self.codes.get(("group", group_id))
            if code is None:
                message = f"unknown group code {group_id!r} (add it to codes.yaml)"
                self.problem("unknown-code", message)
            elif code in groups:
                self.problem("listed-twice", f"group {group_id!r} listed twice")
            else:
                groups.append(code)
        return groups

    def columns(self) -> list[Column]:
        """The columns in print order; a column may override its code's label."""
        columns: list[Column] = []
        for order, entry in enumerate(self.raw["columns"], start=1):
            column_id = entry["id"] if isinstance(entry, dict) else entry
            code = self.codes.get(("column", column_id))
            if code is None:
                message = f"unknown column code {column_id!r} (add it to codes.yaml)"
                self.problem("unknown-code", message)
                continue
            label = code.label
            if isinstance(entry, dict):
                place = replace(self.place.part(f"column {column_id!r} label"), column=column_id)
                label = _label(entry, place, self.problems) or label
            if any(column.id == column_id for column in columns):
                self.problem("listed-twice", f"column {column_id!r} listed twice")
            columns.append(Column(id=column_id, label=label, order=order))
        return columns

    def rows(self, group_ids: list[str], columns: list[Column]) -> list[Row]:
        rows: list[Row] = []
        seen: set[str] = set()
        for order, raw_row in enumerate(self.raw["rows"], start=1):
            row_id = raw_row["id"]
            if not CODE_PATTERN.match(row_id):
                self.problem("bad-row-id", f"row {order} has id {row_id!r}, not snake_case")
            elif row_id in seen:
                place = self.row_place.at_row(row_id)
                self.problems.append(place.problem("duplicate-row", "duplicate row id"))
            else:
                seen.add(row_id)
                row = self.row(raw_row, order, group_ids, columns)
                if row is not None:
                    rows.append(row)
        return rows

    def row(
        self, raw_row: dict[str, Any], order: int, group_ids: list[str], columns: list[Column]
    ) -> Row | None:
        """One row: its label and flags, then its cells per group."""
        place = self.row_place.at_row(raw_row["id"])
        label = _label(raw_row, place.part("label"), self.problems)
        flags = _flags(raw_row.get("flags") or [], place, self.problems)
        note = raw_row.get("note")
        if label:
            check_row_label(place, label, flags, note, self.problems)
        raw_cells = self.cells_per_group(raw_row["cells"], place, group_ids)
        if raw_cells is None:
            return None
        cells: dict[str, list[Cell]] = {}
        for group_id in group_ids:
            if group_id in raw_cells:
                parsed = self.cells(
                    raw_cells[group_id], place.at_group(group_id), columns, flags, note
                )
                if parsed is not None:
                    cells[group_id] = parsed
        return Row(
            id=raw_row["id"],
            label=label or Label("", ""),
            order=order,
            cells=cells,
            base=_base_mapping(raw_row.get("base"), group_ids, place.part("base"), self.problems),
            flags=flags,
            note=note,
        )

    def cells_per_group(
        self, raw_cells: list[Any] | dict[str, list[Any]], place: Place, group_ids: list[str]
    ) -> dict[str, list[Any]] | None:
        """The row's cells as group -> list; a plain list stands for a table's only group."""
        if isinstance(raw_cells, list):
            if len(group_ids) == 1:
                return {group_ids[0]: raw_cells}
            message = (
                f"cells must be a mapping per group {group_ids} when the table has several groups"
            )
            self.problems.append(place.problem("cells-need-groups", message))
            return None
        if set(raw_cells) != set(group_ids):
            message = (
                f"cells given for groups {sorted(raw_cells)}, the table's groups are {group_ids}"
            )
            self.problems.append(place.problem("groups-mismatch", message))
        return raw_cells

    def cells(
        self,
        raw_cells: list[Any],
        place: Place,
        columns: list[Column],
        row_flags: list[str],
        row_note: str | None,
    ) -> list[Cell] | None:
        """One group's cells of a row, one per column; they take the row's flags and note."""
        if len(raw_cells) != len(columns):
            message = (
                f"has {len(raw_cells)} cells, the table has {len(columns)} columns "
                f"({', '.join(column.id for column in columns)})"
            )
            self.problems.append(place.problem("cell-count", message))
            return None
        # Row flags about the label are not held against the cells (see FLAG_RULES).
        row_wide = [flag for flag in row_flags if FLAG_RULES[flag].on_row == "cells"]
        cells = []
        for column, raw_cell in zip(columns, raw_cells, strict=True):
            assert place.row is not None and place.group is not None
            cell = Cell(table_id=self.id, row_id=place.row, group=place.group, column_id=column.id)
            cell_place = place.at_column(column.id)
            parse_cell(raw_cell, cell, cell_place, self.problems)
            self.flag_checks.append(
                FlagCheck(cell, cell_place, list(cell.flags), cell.note, row_wide)
            )
            for flag in row_flags:
                if flag not in cell.flags:
                    cell.flags.append(flag)
            if row_note:
                cell.note = f"{row_note.strip()} {cell.note}" if cell.note else row_note.strip()
            cells.append(cell)
        return cells

    def check_shape(self, rows: list[Row], columns: list[Column], groups: list[Code]) -> None:
        if self.kind == "diagram" and (rows or columns or groups):
            self.problem("diagram-with-cells", "a diagram has no rows, columns or groups")
        if self.kind in ("table", "figure") and not rows:
            self.problem("no-rows", f"a {self.kind} needs rows")


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
    problems: list[Problem] = []
    errata: list[Erratum] = []
    for position, entry in enumerate(read_source(path, "errata") or [], start=1):
        place = Place(f"errata.yaml entry {position}", file=shown(path), table=entry["table_id"])
        description = _label(
            {"da": entry["description_da"], "en": entry["description_en"]},
            place.part("description"),
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
        table, row, group, column, _ = key
        place = Place("errata.yaml", shown(path), table, row, group, column)
        problems.append(place.problem("duplicate-erratum", f"{key} listed more than once"))
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
    place = file_place(path or SOURCE_DIR / "package.yaml")
    problems: list[Problem] = []
    ids: list[str] = []
    for position, entry in enumerate(metadata["tables"]):
        first, _, last = entry.partition("-")
        last = last or first
        if first[0] != last[0] or int(first[1:]) > int(last[1:]) or int(first[1:]) < 1:
            message = f"$.tables[{position}]: {entry!r} is not a range like T01-T53"
            problems.append(place.problem("bad-table-range", message))
            continue
        for number in range(int(first[1:]), int(last[1:]) + 1):
            table_id = f"{first[0]}{number:02d}"
            if table_id in ids:
                message = f"$.tables[{position}]: {table_id} declared twice"
                problems.append(replace(place, table=table_id).problem("declared-twice", message))
            ids.append(table_id)
    if problems:
        raise SourceError(problems)
    return ids


DECLARED = "package.yaml `tables`"  # named in messages about the files in tables/


def table_files(tables_dir: Path, expected_ids: list[str]) -> tuple[list[Path], list[Problem]]:
    """The expected `<ID>.yaml` files in tables/, and a problem for every file that is
    missing and every entry that is not exactly an expected `<ID>.yaml`."""
    expected = {f"{table_id}.yaml": table_id for table_id in expected_ids}
    present = sorted(tables_dir.iterdir()) if tables_dir.is_dir() else []
    problems = [
        _unexpected_table_file(path, present, expected_ids)
        for path in present
        if not (path.name in expected and path.is_file())
    ]
    names = {path.name for path in present if path.is_file()}
    for name, table_id in expected.items():
        if name not in names:
            place = replace(file_place(tables_dir / name), table=table_id)
            message = f"missing: {DECLARED} declares {table_id}"
            problems.append(place.problem("missing-table", message))
    files = [path for path in present if path.name in expected and path.is_file()]
    return files, problems


def _unexpected_table_file(path: Path, present: list[Path], expected_ids: list[str]) -> Problem:
    """Why an entry of tables/ is not one of the declared `<ID>.yaml` files."""
    stem = path.name.split(".")[0].upper()
    code = "unexpected-file"
    if path.is_dir():
        why = "a folder; tables/ holds only <ID>.yaml files"
    elif stem in expected_ids and f"{stem}.yaml" in {p.name for p in present}:
        why = f"a second file for {stem} next to {stem}.yaml; remove it"
    elif stem in expected_ids:
        code, why = (
            "misnamed-table",
            f"misnamed: the file for {stem} must be named exactly {stem}.yaml",
        )
    elif ID_PATTERN.match(stem):
        code, why = (
            "undeclared-table",
            f"{stem} is not a table or figure of the report (see {DECLARED})",
        )
    else:
        why = f"not a table file: tables/ holds only <ID>.yaml files for the IDs in {DECLARED}"
    return file_place(path).problem(code, why)


def load_tables(source_dir: Path | None = None) -> tuple[list[Table], CodeBook]:
    """All tables declared in package.yaml, and the codes; SourceError lists every problem."""
    source_dir = source_dir or SOURCE_DIR
    path = source_dir / "package.yaml"
    return _load_tables(source_dir, expected_table_ids(load_package(path), path))


def _load_tables(source_dir: Path, expected_ids: list[str] | None) -> tuple[list[Table], CodeBook]:
    """Load codes and tables, collecting every problem. `expected_ids` None (package.yaml
    unreadable) skips the file-set check and reads every *.yaml in tables/."""
    problems: list[Problem] = []
    codes: CodeBook | None = None
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
    tables = _read_tables(paths, codes, problems)
    if problems:
        raise SourceError(problems)
    assert codes is not None
    tables.sort(key=lambda table: (table.id[0] != "T", table.number))
    return tables, codes


def _read_tables(paths: list[Path], codes: CodeBook | None, problems: list[Problem]) -> list[Table]:
    """Each file's table; without codes only the structure is checked."""
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
        place = Place(f"table {table.id}", file=shown(path), table=table.id)
        if table.id in seen:
            message = f"duplicate table id in {path.name} and {seen[table.id].name}"
            problems.append(place.problem("duplicate-table-id", message))
            continue
        seen[table.id] = path
        if path.stem != table.id:
            message = f"file {path.name} must be named {table.id}.yaml"
            problems.append(place.problem("file-name-vs-id", message))
            continue
        tables.append(table)
    return tables


@dataclass
class Sources:
    metadata: dict[str, Any]
    tables: list[Table]
    codes: CodeBook
    errata: list[Erratum]


def load_sources(source_dir: Path | None = None) -> Sources:
    """Every source file, checked; SourceError lists the problems of all files at once."""
    source_dir = source_dir or SOURCE_DIR
    problems: list[Problem] = []
    metadata: dict[str, Any] = {}
    expected: list[str] | None = None
    try:
        metadata = load_package(source_dir / "package.yaml")
        expected = expected_table_ids(metadata, source_dir / "package.yaml")
    except SourceError as error:
        problems.extend(error.problems)
    tables: list[Table] = []
    codes: CodeBook = {}
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
