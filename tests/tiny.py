"""Tiny in-memory tables for unit tests of the site code (no package on disk)."""

from __future__ import annotations

from typing import Any

import pandas as pd

from website.view import TableView

OBSERVATION_COLUMNS = [
    "table_id",
    "row_id",
    "row_label_da",
    "row_label_en",
    "row_order",
    "group",
    "group_label_da",
    "group_label_en",
    "column_id",
    "column_label_da",
    "column_label_en",
    "column_order",
    "percent",
    "count",
    "base",
    "value",
    "flags",
    "note",
]
GROUP_LABELS = {
    "all": ("Alle", "All"),
    "project_leaders": ("Projektledere", "Project leaders"),
    "board_members": ("Bestyrelsesmedlemmer", "Board members"),
}


def entry(table_id: str = "T99", **fields: Any) -> dict[str, Any]:
    """A catalogue entry with plausible defaults."""
    base: dict[str, Any] = {
        "table_id": table_id,
        "kind": "table" if table_id[0] == "T" else "figure",
        "number": int(table_id[1:]),
        "title_da": "Prøvetabel",
        "title_en": "Test table",
        "question_da": "Spørgsmål?",
        "question_en": "Question?",
        "source_da": "Survey",
        "source_en": "Survey",
        "population_da": "Alle (N=10)",
        "population_en": "All (N=10)",
        "page": 12,
        "pdf_page": 14,
        "chapter": 3,
        "multiple_response": False,
        "sum_axis": "columns",
        "note_da": "",
        "note_en": "",
        "in_package": True,
        "cell_count": 0,
    }
    base.update(fields)
    return base


def table(
    cells: list[tuple[str, str, str, str | None, int | None, str]],
    table_id: str = "T99",
    columns: dict[str, tuple[str, str]] | None = None,
    **entry_fields: Any,
) -> TableView:
    """cells: (row_id, group, column_id, percent, count, flags); rows and columns are
    ordered as first given; labels are made up unless `columns` names them."""
    rows = list(dict.fromkeys(c[0] for c in cells))
    column_ids = list(dict.fromkeys(c[2] for c in cells))
    columns = columns or {}
    records = []
    for row_id, group, column_id, percent, count, flags in cells:
        da, en = columns.get(column_id, (column_id.capitalize(), column_id.capitalize()))
        records.append(
            {
                "table_id": table_id,
                "row_id": row_id,
                "row_label_da": f"Række {row_id}",
                "row_label_en": f"Row {row_id}",
                "row_order": rows.index(row_id) + 1,
                "group": group,
                "group_label_da": GROUP_LABELS[group][0],
                "group_label_en": GROUP_LABELS[group][1],
                "column_id": column_id,
                "column_label_da": da,
                "column_label_en": en,
                "column_order": column_ids.index(column_id) + 1,
                "percent": percent or "",
                "count": count,
                "base": None,
                "value": "",
                "flags": flags,
                "note": "",
            }
        )
    frame = pd.DataFrame(records, columns=OBSERVATION_COLUMNS)
    frame = frame.astype(
        {"row_order": "Int64", "column_order": "Int64", "count": "Int64", "base": "Int64"}
    )
    fields = {"cell_count": len(records), **entry_fields}
    return TableView(table_id, entry(table_id, **fields), frame)
