"""One view of the published data package, for everything the site shows.

`load()` reads `datapackage.json` and each resource once, with pandas and the types
the frictionless schema declares (integers as nullable integers, booleans as booleans),
except `percent` and `value`, which stay the text the report printed ("100.0" keeps
its printed precision). Charts, HTML tables, per-table CSVs, number macros and the data
page all read the package through this module and nothing else.

    package = load()
    table = package.table("T28")
    table.rows, table.groups, table.columns        # Items in print order, labels da/en
    table.cell("municipality", "all", "respondents")  # a Cell, or None
    table.wide("percent")                           # rows x (group, column), via pandas
    table.csv("da")                                 # the site's per-table download
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from paths import PACKAGE_DIR

PRINTED_AS_TEXT = ("percent", "value")
LANGUAGES = ("da", "en")
TOTAL = "total"


class PackageError(Exception):
    """The published package does not have what a page asks for."""


@dataclass(frozen=True)
class Item:
    """A row, group or column of a table: its code, print position and labels."""

    id: str
    order: int
    label_da: str
    label_en: str

    def label(self, language: str) -> str:
        return self.label_da if language == "da" else self.label_en


@dataclass(frozen=True)
class Cell:
    """One printed cell. A number that is not printed (lost, hidden, not asked) is None."""

    table_id: str
    row: Item
    group: Item
    column: Item
    percent: str | None
    count: int | None
    base: int | None
    value: str | None
    flags: tuple[str, ...]
    note: str

    def number(self, field_name: str) -> str | int | None:
        return getattr(self, field_name)

    def has(self, flag: str) -> bool:
        return flag in self.flags

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.table_id, self.row.id, self.group.id, self.column.id)


def _text(value: Any) -> str | None:
    return None if value is None or value is pd.NA or value == "" else str(value)


def _integer(value: Any) -> int | None:
    return None if value is None or value is pd.NA else int(value)


@dataclass(frozen=True, eq=False)
class TableView:
    """One table or figure: its catalogue entry and its cells, in print order."""

    table_id: str
    entry: dict[str, Any]
    frame: pd.DataFrame = field(repr=False)

    def text(self, name: str, language: str) -> str:
        """A bilingual catalogue field: title, question, source, population, note."""
        return str(self.entry[f"{name}_{language}"])

    @property
    def kind(self) -> str:
        return str(self.entry["kind"])

    @property
    def number(self) -> int:
        return int(self.entry["number"])

    @property
    def in_package(self) -> bool:
        return bool(self.entry["in_package"])

    @cached_property
    def cells(self) -> list[Cell]:
        return [self._cell(record) for record in self.frame.to_dict("records")]

    def _cell(self, record: dict[str, Any]) -> Cell:
        items = {
            kind: Item(
                record[key],
                _integer(record.get(f"{kind}_order")) or 0,
                record[f"{kind}_label_da"],
                record[f"{kind}_label_en"],
            )
            for kind, key in (("row", "row_id"), ("group", "group"), ("column", "column_id"))
        }
        return Cell(
            self.table_id,
            items["row"],
            items["group"],
            items["column"],
            percent=_text(record["percent"]),
            count=_integer(record["count"]),
            base=_integer(record["base"]),
            value=_text(record["value"]),
            flags=tuple(flag for flag in record["flags"].split(";") if flag),
            note=record["note"],
        )

    @cached_property
    def _lookup(self) -> dict[tuple[str, str, str], Cell]:
        return {(c.row.id, c.group.id, c.column.id): c for c in self.cells}

    def cell(self, row_id: str, group: str, column_id: str) -> Cell | None:
        return self._lookup.get((row_id, group, column_id))

    @cached_property
    def rows(self) -> list[Item]:
        return sorted({c.row for c in self.cells}, key=lambda item: (item.order, item.id))

    @cached_property
    def columns(self) -> list[Item]:
        return sorted({c.column for c in self.cells}, key=lambda item: (item.order, item.id))

    @cached_property
    def groups(self) -> list[Item]:
        """In order of first appearance (the order the report prints them)."""
        return list(dict.fromkeys(c.group for c in self.cells))

    def without_totals(self) -> list[Cell]:
        return [c for c in self.cells if TOTAL not in (c.row.id, c.column.id)]

    def wide(self, field_name: str) -> pd.DataFrame:
        """One measure as a table: a row per row id, a column per (group, column id)."""
        wide = self.frame.pivot(index="row_id", columns=["group", "column_id"], values=field_name)
        row_order = [item.id for item in self.rows]
        column_order = [(g.id, c.id) for g in self.groups for c in self.columns]
        present = [key for key in column_order if key in wide.columns]
        return wide.reindex(index=row_order, columns=pd.MultiIndex.from_tuples(present))

    def csv(self, language: str, headers: list[str]) -> bytes:
        """The table's cells with labels in one language (the site's per-table download)."""
        columns = [
            "table_id",
            f"row_label_{language}",
            f"group_label_{language}",
            f"column_label_{language}",
            "percent",
            "count",
            "base",
            "value",
            "flags",
            "note",
        ]
        frame = self.frame[columns].set_axis(headers, axis="columns")
        return frame.to_csv(index=False, lineterminator="\n").encode("utf-8")


@dataclass(frozen=True, eq=False)
class PackageView:
    """The whole published package: descriptor and resources as typed data frames."""

    directory: Path
    descriptor: dict[str, Any]
    frames: dict[str, pd.DataFrame] = field(repr=False)

    def resource(self, name: str) -> dict[str, Any]:
        return next(r for r in self.descriptor["resources"] if r["name"] == name)

    @cached_property
    def catalogue(self) -> dict[str, dict[str, Any]]:
        records = self.frames["tables"].to_dict("records")
        return {
            record["table_id"]: {k: (None if v is pd.NA else v) for k, v in record.items()}
            for record in records
        }

    @property
    def table_ids(self) -> list[str]:
        return list(self.catalogue)

    @cached_property
    def _by_table(self) -> dict[str, pd.DataFrame]:
        observations = self.frames["observations"]
        return {str(key): frame for key, frame in observations.groupby("table_id", sort=False)}

    @cache  # noqa: B019 - one view per package, kept for the whole build
    def table(self, table_id: str) -> TableView:
        if table_id not in self.catalogue:
            raise PackageError(f"no table or figure {table_id!r} in the data package")
        empty = self.frames["observations"].iloc[0:0]
        return TableView(table_id, self.catalogue[table_id], self._by_table.get(table_id, empty))

    def tables(self) -> list[TableView]:
        return [self.table(table_id) for table_id in self.table_ids]

    def cell(self, table_id: str, row_id: str, group: str, column_id: str) -> Cell | None:
        return self.table(table_id).cell(row_id, group, column_id)

    @property
    def errata(self) -> list[dict[str, Any]]:
        return self.frames["errata"].to_dict("records")

    @cached_property
    def labels(self) -> dict[tuple[str, str], Item]:
        """The vocabulary: (kind, code) -> labels, for groups and columns."""
        return {
            (r["kind"], r["code"]): Item(r["code"], 0, r["label_da"], r["label_en"])
            for r in self.frames["codes"].to_dict("records")
        }


def read_resource(directory: Path, resource: dict[str, Any]) -> pd.DataFrame:
    """A resource as its schema types it; only empty cells are missing ("None" is a label)."""
    fields = resource["schema"]["fields"]
    integers = [f["name"] for f in fields if f["type"] == "integer"]
    booleans = [f["name"] for f in fields if f["type"] == "boolean"]
    dtypes: dict[str, str] = {f["name"]: "string" for f in fields}
    dtypes.update({name: "Int64" for name in integers})
    dtypes.update({name: "boolean" for name in booleans})
    frame = pd.read_csv(
        directory / resource["path"],
        dtype=dtypes,
        keep_default_na=False,
        na_values={name: [""] for name in integers + booleans},
        true_values=["true"],
        false_values=["false"],
        encoding="utf-8",
    )
    text_columns = [name for name, dtype in dtypes.items() if dtype == "string"]
    frame[text_columns] = frame[text_columns].astype(object)
    return frame


@cache
def load(directory: Path = PACKAGE_DIR) -> PackageView:
    descriptor_path = directory / "datapackage.json"
    if not descriptor_path.is_file():
        raise PackageError(f"{descriptor_path}: no data package; run `python scripts/build.py`")
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    frames = {r["name"]: read_resource(directory, r) for r in descriptor["resources"]}
    return PackageView(directory, descriptor, frames)
