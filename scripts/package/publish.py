"""Build the open data package (datapackage/) from the transcribed source tables.

    python scripts/build.py package           # build, check and validate, then replace
    python scripts/build.py package --check   # load and check only, write nothing

The sources are checked first (sources.py: the expected set of files, UTF-8, YAML without
duplicate keys, JSON Schemas in source/schema/, flag rules; schema.py: fields.yaml); every
problem is printed as one line naming the file or cell, and the command exits 1.
The package is written to a temporary folder, checked (arithmetic, errata) and
validated with frictionless; only then are the files in datapackage/ replaced. A
failed build leaves the previous package untouched.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from package.arithmetic import check_table, format_number
from package.problems import Place, Problem, ProblemError
from package.schema import FIELDS_FILE, ResourceSpec, build_values, load_fields, table_schema
from package.sources import (
    ERRATUM_FLAG,
    SOURCE_DIR,
    Code,
    Erratum,
    SourceError,
    Sources,
    Table,
    file_place,
    load_sources,
    shown,
)

PACKAGE_DIR = SOURCE_DIR.parent
DATA_DIR_NAME = "data"
GENERATED = ("datapackage.json", "README.md", DATA_DIR_NAME)
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
# Flags whose cells the README counts.
README_FLAGS = (
    "lost_in_transcript",
    "inferred_from_text",
    "hidden_below_5_percent",
    "position_uncertain",
)


class BuildError(ProblemError):
    """The build found problems (in the sources or in what it built); `problems` lists them."""


def _csv(rows: list[dict[str, Any]], fields: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({name: _cell_text(row.get(name)) for name in fields})
    return buffer.getvalue().encode("utf-8")


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def table_rows(tables: list[Table]) -> list[dict[str, Any]]:
    rows = []
    for table in tables:
        rows.append(
            {
                "table_id": table.id,
                "kind": table.kind,
                "number": table.number,
                "title_da": table.title.da,
                "title_en": table.title.en,
                "question_da": table.question.da if table.question else None,
                "question_en": table.question.en if table.question else None,
                "source_da": table.source.da,
                "source_en": table.source.en,
                "population_da": table.population.da if table.population else None,
                "population_en": table.population.en if table.population else None,
                "page": table.page,
                "pdf_page": table.pdf_page,
                "chapter": table.chapter,
                "multiple_response": table.multiple_response,
                "sum_axis": table.sum,
                "note_da": table.note.da if table.note else None,
                "note_en": table.note.en if table.note else None,
                "in_package": bool(table.cells()),
                "cell_count": len(table.cells()),
            }
        )
    return rows


def observation_rows(tables: list[Table]) -> list[dict[str, Any]]:
    rows = []
    for table in tables:
        for row in table.rows:
            for group in table.groups:
                for column, cell in zip(table.columns, row.cells[group.id], strict=True):
                    rows.append(
                        {
                            "table_id": table.id,
                            "row_id": row.id,
                            "row_label_da": row.label.da,
                            "row_label_en": row.label.en,
                            "row_order": row.order,
                            "group": group.id,
                            "group_label_da": group.label.da,
                            "group_label_en": group.label.en,
                            "column_id": column.id,
                            "column_label_da": column.label.da,
                            "column_label_en": column.label.en,
                            "column_order": column.order,
                            "percent": None
                            if cell.percent is None
                            else format_number(cell.percent),
                            "count": cell.count,
                            "base": cell.base,
                            "value": None if cell.value is None else format_number(cell.value),
                            "flags": ";".join(cell.flags) or None,
                            "note": cell.note,
                        }
                    )
    return rows


def errata_rows(errata: list[Erratum]) -> list[dict[str, Any]]:
    return [
        {
            "table_id": e.table_id,
            "row_id": e.row_id,
            "group": e.group,
            "column_id": e.column_id,
            "check": e.check,
            "printed": e.printed,
            "implied": e.implied,
            "description_da": e.description.da,
            "description_en": e.description.en,
        }
        for e in sorted(errata, key=lambda e: e.key)
    ]


def code_rows(codes: dict[tuple[str, str], Code]) -> list[dict[str, Any]]:
    return [
        {"kind": code.kind, "code": code.id, "label_da": code.label.da, "label_en": code.label.en}
        for code in sorted(codes.values(), key=lambda code: (code.kind, code.id))
    ]


# The resources the build writes, and how each one's rows are made; fields.yaml describes
# them (in its own order, which is the order of datapackage.json).
RESOURCE_ROWS: dict[str, Callable[[Sources], list[dict[str, Any]]]] = {
    "tables": lambda sources: table_rows(sources.tables),
    "observations": lambda sources: observation_rows(sources.tables),
    "errata": lambda sources: errata_rows(sources.errata),
    "codes": lambda sources: code_rows(sources.codes),
}


def apply_errata(tables: list[Table], errata: list[Erratum], errata_file: str) -> list[Problem]:
    """Compare check mismatches with the errata; flag the cells the errata name."""
    files = {table.id: shown(table.path) for table in tables}
    mismatches = {m.key: m for table in tables for m in check_table(table)}
    listed = {erratum.key: erratum for erratum in errata}
    problems = [
        m.problem(files.get(m.table_id)) for key, m in mismatches.items() if key not in listed
    ]
    for key in listed:
        if key not in mismatches:
            table, row, group, column, check = key
            place = Place("errata.yaml", errata_file, table, row, group, column)
            message = (
                f"table {table}, row {row!r}, group {group!r}, column {column!r}, check {check}: "
                "no such mismatch in the data (fixed transcription or wrong key?)"
            )
            problems.append(place.problem("stale-erratum", message))
    for erratum in errata:
        if erratum.table_id not in files:
            place = Place("errata.yaml", errata_file, erratum.table_id)
            message = f"table {erratum.table_id} does not exist"
            problems.append(place.problem("unknown-table", message))
    cells = {cell.key: cell for table in tables for cell in table.cells()}
    for erratum in errata:
        cell = cells.get(erratum.key[:4])
        if cell and ERRATUM_FLAG not in cell.flags:
            cell.flags.append(ERRATUM_FLAG)
    return problems


def check_resources(
    resources: list[ResourceSpec], rows: dict[str, list[dict[str, Any]]], place: Place
) -> list[Problem]:
    """fields.yaml describes exactly the resources the build writes, and their columns."""
    problems = []
    names = [resource.name for resource in resources]
    if sorted(names) != sorted(RESOURCE_ROWS):
        message = f"$.resources: describes {names}; the build writes {list(RESOURCE_ROWS)}"
        problems.append(place.problem("resource-mismatch", message))
    for position, resource in enumerate(resources):
        written = list(rows[resource.name][0]) if rows.get(resource.name) else []
        at = f"$.resources[{position}].fields"
        problems += [
            place.problem(
                "field-mismatch", f"{at}: no field for the column {name!r} the build writes"
            )
            for name in written
            if name not in resource.field_names
        ]
        problems += [
            place.problem(
                "field-mismatch", f"{at}: field {name!r} is not a column the build writes"
            )
            for name in resource.field_names
            if written and name not in written
        ]
    return problems


@dataclass(frozen=True)
class FileStats:
    """What frictionless reports of a written CSV file."""

    hash: str  # "sha256:<hex>"
    bytes: int
    rows: int


def file_stats(package_dir: Path, names: list[str]) -> dict[str, FileStats]:
    """hash, bytes and rows of each data/<name>.csv, computed by frictionless."""
    from frictionless import Resource, system

    stats = {}
    with system.use_context(trusted=False):
        for name in names:
            resource = Resource(path=f"{DATA_DIR_NAME}/{name}.csv", basepath=str(package_dir))
            resource.infer(stats=True)
            assert resource.hash and resource.bytes is not None and resource.stats.rows is not None
            stats[name] = FileStats(resource.hash, resource.bytes, resource.stats.rows)
    return stats


def build_descriptor(
    metadata: dict[str, Any],
    resources: list[ResourceSpec],
    schemas: dict[str, dict[str, Any]],
    stats: dict[str, FileStats],
) -> dict[str, Any]:
    source = metadata["sources"][0]
    return {
        "$schema": PROFILE,
        "name": metadata["name"],
        "title": metadata["title"]["en"],
        "description": metadata["description"]["en"],
        "version": metadata["version"],
        "created": metadata["created"],
        "keywords": metadata["keywords"],
        "licenses": metadata["licenses"],
        "sources": [
            {
                "title": f"{', '.join(source['authors'])} ({source['year']}). {source['title']}. "
                f"{source['series']}. {source['publisher']}.",
                "authors": source["authors"],
                "series": source["series"],
                "year": source["year"],
                "publisher": source["publisher"],
            }
        ],
        "contributors": metadata["contributors"],
        "title_da": metadata["title"]["da"],
        "description_da": metadata["description"]["da"],
        "resources": [
            _resource_descriptor(resource, schemas[resource.name], stats[resource.name])
            for resource in resources
        ],
    }


def _resource_descriptor(
    resource: ResourceSpec, schema: dict[str, Any], stats: FileStats
) -> dict[str, Any]:
    return {
        "name": resource.name,
        "type": "table",
        "path": f"{DATA_DIR_NAME}/{resource.name}.csv",
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "description": resource.description,
        "bytes": stats.bytes,
        "hash": stats.hash,
        "dialect": {"delimiter": ",", "header": True},
        "schema": schema,
    }


def build_readme(sources: Sources, descriptor: dict[str, Any], stats: dict[str, FileStats]) -> str:
    """README.md from templates/README.md.j2."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        autoescape=False,  # Markdown, not HTML
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    return environment.get_template("README.md.j2").render(
        readme_context(sources, descriptor, stats)
    )


def readme_context(
    sources: Sources, descriptor: dict[str, Any], stats: dict[str, FileStats]
) -> dict[str, Any]:
    """What the README template shows: metadata, one line per resource, counts."""
    tables = sources.tables
    source = sources.metadata["sources"][0]
    cells = [cell for table in tables for cell in table.cells()]
    return {
        "metadata": sources.metadata,
        "source": source,
        "authors": ", ".join(source["authors"]),
        "resources": [
            {**resource, "rows": stats[resource["name"]].rows}
            for resource in descriptor["resources"]
        ],
        "included": sum(1 for table in tables if table.cells()),
        "diagrams": sum(1 for table in tables if table.kind == "diagram"),
        "cells": len(cells),
        "flagged": {flag: sum(flag in cell.flags for cell in cells) for flag in README_FLAGS},
        "errata": len(sources.errata),
    }


def load_inputs(source_dir: Path) -> tuple[Sources, list[ResourceSpec]]:
    """The source files and fields.yaml, checked; BuildError lists the problems of all."""
    problems: list[Problem] = []
    try:
        sources = load_sources(source_dir)
    except SourceError as error:
        problems += error.problems
    try:
        resources = load_fields(source_dir / FIELDS_FILE)
    except SourceError as error:
        problems += error.problems
    if problems:
        raise BuildError(problems)
    return sources, resources


def build(package_dir: Path = PACKAGE_DIR, write: bool = True) -> dict[str, Any]:
    """Load, check and (optionally) write the package. Raises BuildError on any problem."""
    source_dir = package_dir / "source"
    sources, resources = load_inputs(source_dir)
    problems = apply_errata(sources.tables, sources.errata, shown(source_dir / "errata.yaml"))
    rows = {name: make(sources) for name, make in RESOURCE_ROWS.items()}
    problems += check_resources(resources, rows, file_place(source_dir / FIELDS_FILE))
    if problems:
        raise BuildError(problems)
    if write:
        write_package(package_dir, sources, resources, rows)
        return {"tables": sources.tables, "rows": rows}
    return {"tables": sources.tables}


def write_package(
    package_dir: Path,
    sources: Sources,
    resources: list[ResourceSpec],
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    """Write the package into a staging folder inside package_dir, validate it, then swap
    it in; on any failure the staging folder is removed and the package left as it was."""
    values = build_values(sources.tables, sources.codes)
    schemas = {resource.name: table_schema(resource, values) for resource in resources}
    with tempfile.TemporaryDirectory(dir=package_dir, prefix=".build-") as temporary:
        staging = Path(temporary)
        (staging / DATA_DIR_NAME).mkdir()
        for resource in resources:
            content = _csv(rows[resource.name], resource.field_names)
            (staging / DATA_DIR_NAME / f"{resource.name}.csv").write_bytes(content)
        stats = file_stats(staging, [resource.name for resource in resources])
        descriptor = build_descriptor(sources.metadata, resources, schemas, stats)
        (staging / "datapackage.json").write_text(
            json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (staging / "README.md").write_text(
            build_readme(sources, descriptor, stats), encoding="utf-8"
        )
        validate(staging / "datapackage.json")
        replace_generated(staging, package_dir)


def validate(descriptor_path: Path) -> None:
    from frictionless import Package, system

    with system.use_context(trusted=False):
        report = Package(str(descriptor_path.name), basepath=str(descriptor_path.parent)).validate()
    if not report.valid:
        failed = "frictionless validation failed"
        problems = [
            Place(f"{failed}: {task.name}").problem("frictionless", error.message)
            for task in report.tasks
            for error in task.errors[:20]
        ]
        problems += [
            Place(f"{failed}: {descriptor_path.name}").problem("frictionless", error.message)
            for error in report.errors
        ]
        raise BuildError(problems)


def replace_generated(staging: Path, package_dir: Path) -> None:
    for name in GENERATED:
        target = package_dir / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
        (staging / name).rename(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="check the sources, write nothing")
    parser.add_argument(
        "--package-dir", type=Path, default=PACKAGE_DIR, help="package folder (with source/)"
    )
    arguments = parser.parse_args(argv)
    try:
        result = build(arguments.package_dir, write=not arguments.check)
    except BuildError as error:
        print(f"package: FAILED\n{error}", file=sys.stderr)
        return 1
    tables = result["tables"]
    cells = sum(len(t.cells()) for t in tables)
    action = "checked" if arguments.check else "built datapackage/ with"
    print(f"package: {action} {len(tables)} tables/figures, {cells} cells")
    return 0


if __name__ == "__main__":
    sys.exit(main())
