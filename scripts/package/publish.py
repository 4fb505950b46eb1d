"""Build the open data package (datapackage/) from the transcribed source tables.

    python scripts/build.py package           # build, check and validate, then replace
    python scripts/build.py package --check   # load and check only, write nothing

The sources are checked first (scripts/source_tables.py: the expected set of files,
UTF-8, YAML without duplicate keys, JSON Schemas in source/schema/, flag rules); every
problem is printed as one line naming the file or cell, and the command exits 1.
The package is written to a temporary folder, checked (arithmetic, errata) and
validated with frictionless; only then are the files in datapackage/ replaced. A
failed build leaves the previous package untouched.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from package.arithmetic import check_table, format_number
from package.schema import schema
from package.sources import (
    ERRATUM_FLAG,
    SOURCE_DIR,
    Code,
    Erratum,
    SourceError,
    Table,
    load_sources,
)

PACKAGE_DIR = SOURCE_DIR.parent
DATA_DIR_NAME = "data"
GENERATED = ("datapackage.json", "README.md", DATA_DIR_NAME)
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


class BuildError(Exception):
    pass


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


def apply_errata(tables: list[Table], errata: list[Erratum]) -> list[str]:
    """Compare check mismatches with the errata; flag the cells the errata name."""
    problems: list[str] = []
    mismatches = {m.key: m for table in tables for m in check_table(table)}
    listed = {erratum.key: erratum for erratum in errata}
    for key, mismatch in mismatches.items():
        if key not in listed:
            problems.append(
                f"{mismatch.message()}. Check the seed; if the report really prints this, "
                "list it in datapackage/source/errata.yaml"
            )
    for key, erratum in listed.items():
        if key not in mismatches:
            problems.append(
                f"errata.yaml: table {erratum.table_id}, row {erratum.row_id!r}, group "
                f"{erratum.group!r}, column {erratum.column_id!r}, check {erratum.check}: "
                "no such mismatch in the data (fixed transcription or wrong key?)"
            )
    cells = {cell.key: cell for table in tables for cell in table.cells()}
    for erratum in errata:
        cell = cells.get(erratum.key[:4])
        if cell and ERRATUM_FLAG not in cell.flags:
            cell.flags.append(ERRATUM_FLAG)
    return problems


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


RESOURCES = (
    ("tables", "Catalogue of the report's tables and figures: one row per table or figure."),
    ("observations", "Every printed cell, one row per cell (long format)."),
    ("errata", "Printed inconsistencies in the report, kept as printed in observations."),
    ("codes", "Labels (Danish and English) of every group and column code."),
)


def build_descriptor(
    metadata: dict[str, Any], files: dict[str, bytes], schemas: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    resources = []
    for name, description in RESOURCES:
        content = files[name]
        resources.append(
            {
                "name": name,
                "type": "table",
                "path": f"{DATA_DIR_NAME}/{name}.csv",
                "scheme": "file",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "description": description,
                "bytes": len(content),
                "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
                "dialect": {"delimiter": ",", "header": True},
                "schema": schemas[name],
            }
        )
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
        "resources": resources,
    }


def _count_flags(tables: list[Table], flag: str) -> int:
    return sum(flag in cell.flags for table in tables for cell in table.cells())


def build_readme(
    metadata: dict[str, Any], tables: list[Table], errata: list[Erratum], descriptor: dict[str, Any]
) -> str:
    source = metadata["sources"][0]
    authors = ", ".join(source["authors"])
    included = [t for t in tables if t.cells()]
    diagrams = [t for t in tables if t.kind == "diagram"]
    cell_total = sum(len(t.cells()) for t in tables)
    lines = [
        f"# {metadata['title']['en']}",
        "",
        metadata["description"]["en"],
        "",
        f"*Dansk:* {metadata['description']['da']}",
        "",
        f"Version {metadata['version']}. Generated by `scripts/build.py package` from the "
        "transcribed sources in `source/`; do not edit by hand.",
        "",
        "## Data",
        "",
        "| Resource | File | Rows | Description |",
        "| --- | --- | --- | --- |",
    ]
    for resource in descriptor["resources"]:
        rows = resource["_rows"]
        lines.append(
            f"| `{resource['name']}` | `{resource['path']}` | {rows} | {resource['description']} |"
        )
    lines += [
        "",
        f"The package holds {len(included)} tables and figures with {cell_total} printed "
        f"cells; {len(diagrams)} diagrams without numbers are listed in `tables` "
        "(`in_package = false`) so that the catalogue is complete.",
        "",
        "**Coverage.** The source text is a web transcript of PDF pages 1–82. Pages 83–99 "
        "(the end of chapter 5, chapter 6 on the tools, the literature list and appendix 1 on "
        "data and method) are not in it, so any table or figure printed there is not included.",
        "",
        "Codes: `group` and `column_id` are listed with Danish and English labels in `codes`. "
        "`flags` is a semicolon-separated list:",
        "",
        "- `lost_in_transcript` — the number was lost in the web transcript; the cell (or the "
        "number in the label, shown as `[…]`) is empty.",
        "- `inferred_from_text` — the number was lost in the table but the report's own prose "
        "states it; the note quotes the sentence and page.",
        "- `hidden_below_5_percent` — the report's figure does not show values under 5 %; the "
        "value is unknown (never 0).",
        "- `position_uncertain` — the transcript jumbled a figure's numbers; the note says how "
        "the number was assigned to its bar.",
        "- `not_asked` — the report did not put this question to this group (table 28: two "
        "items went to board members only); no number exists.",
        "- `printed_inconsistency` — the printed cell disagrees with the other printed "
        "numbers; it is kept as printed and described in `errata`.",
        "",
        f"Counts in this version: {_count_flags(tables, 'lost_in_transcript')} cells lost in "
        f"transcript, {_count_flags(tables, 'inferred_from_text')} inferred from the text, "
        f"{_count_flags(tables, 'hidden_below_5_percent')} hidden below 5 %, "
        f"{_count_flags(tables, 'position_uncertain')} with uncertain position, "
        f"{len(errata)} errata.",
        "",
        "## Preparation",
        "",
        "Each table was transcribed from the web transcript into one YAML file per table "
        "(`source/tables/`), close to the print (cells as printed, e.g. `45% (86)`), with "
        "metadata in Danish and English. The build turns them into long-format CSV and checks "
        "the arithmetic from the printed numbers alone: a percent agrees with "
        "100·count/base within ±1; the shares of a single-response row or column sum to its "
        "total (or 100) ± 2; counts add up to the printed total. A mismatch fails the build "
        "unless it is listed in `errata`. Nothing is corrected. The package is validated with "
        "frictionless on every build.",
        "",
        "## License",
        "",
        "The compiled data are released under Creative Commons Attribution 4.0 (CC BY 4.0). "
        "The numbers are from the report below; credit it as the source.",
        "",
        "## Citation",
        "",
        f"Source: {authors} ({source['year']}). *{source['title']}.* {source['series']}. "
        f"{source['publisher']}.",
        "",
        f"Dataset: {metadata['title']['en']}, version {metadata['version']}. "
        f"Compiled from {source['series']}. CC BY 4.0.",
        "",
    ]
    return "\n".join(lines)


def build(package_dir: Path = PACKAGE_DIR, write: bool = True) -> dict[str, Any]:
    """Load, check and (optionally) write the package. Raises BuildError on any problem."""
    source_dir = package_dir / "source"
    try:
        sources = load_sources(source_dir)
    except SourceError as error:
        raise BuildError("\n".join(error.problems)) from error
    metadata, tables, codes, errata = (
        sources.metadata,
        sources.tables,
        sources.codes,
        sources.errata,
    )
    problems = apply_errata(tables, errata)
    table_ids = [t.id for t in tables]
    for erratum in errata:
        if erratum.table_id not in table_ids:
            problems.append(f"errata.yaml: table {erratum.table_id} does not exist")
    if problems:
        raise BuildError("\n".join(problems))
    if not write:
        return {"tables": tables}

    group_ids = sorted(code.id for code in codes.values() if code.kind == "group")
    column_ids = sorted(code.id for code in codes.values() if code.kind == "column")
    schemas = {
        "tables": schema("tables"),
        "observations": schema(
            "observations", {"table_id": table_ids, "group": group_ids, "column_id": column_ids}
        ),
        "errata": schema("errata", {"table_id": table_ids}),
        "codes": schema("codes"),
    }
    rows = {
        "tables": table_rows(tables),
        "observations": observation_rows(tables),
        "errata": errata_rows(errata),
        "codes": code_rows(codes),
    }
    files = {name: _csv(rows[name], [f["name"] for f in schemas[name]["fields"]]) for name in rows}
    descriptor = build_descriptor(metadata, files, schemas)
    for resource in descriptor["resources"]:
        resource["_rows"] = len(rows[resource["name"]])
    readme = build_readme(metadata, tables, errata, descriptor)
    for resource in descriptor["resources"]:
        del resource["_rows"]

    with tempfile.TemporaryDirectory(dir=package_dir, prefix=".build-") as temporary:
        staging = Path(temporary)
        (staging / DATA_DIR_NAME).mkdir()
        for name, content in files.items():
            (staging / DATA_DIR_NAME / f"{name}.csv").write_bytes(content)
        (staging / "datapackage.json").write_text(
            json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
        (staging / "README.md").write_text(readme, encoding="utf-8")
        validate(staging / "datapackage.json")
        replace_generated(staging, package_dir)
    return {"tables": tables, "rows": rows}


def validate(descriptor_path: Path) -> None:
    from frictionless import Package, system

    with system.use_context(trusted=False):
        report = Package(str(descriptor_path.name), basepath=str(descriptor_path.parent)).validate()
    if not report.valid:
        messages = []
        for task in report.tasks:
            for error in task.errors[:20]:
                messages.append(f"{task.name}: {error.message}")
        for error in report.errors:
            messages.append(error.message)
        raise BuildError("frictionless validation failed:\n" + "\n".join(messages))


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
