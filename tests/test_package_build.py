"""The build: validation, determinism, and failing loudly on malformed sources."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PACKAGE_DIR, ROOT
from package.problems import Problem
from package.publish import GENERATED, BuildError, build


def snapshot(package_dir: Path) -> dict[str, str]:
    files = [package_dir / "datapackage.json", package_dir / "README.md"]
    files += sorted((package_dir / "data").glob("*"))
    return {
        str(path.relative_to(package_dir)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in files
    }


def test_committed_package_validates_with_frictionless_cli():
    result = subprocess.run(
        [sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"],
        cwd=PACKAGE_DIR,
        capture_output=True,
        text=True,
    )
    report = json.loads(result.stdout)
    assert report["valid"], result.stdout[:3000]
    assert result.returncode == 0


def test_descriptor_has_required_metadata():
    descriptor = json.loads((PACKAGE_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["$schema"].endswith("/2.0/datapackage.json")
    for key in (
        "name",
        "title",
        "description",
        "version",
        "created",
        "licenses",
        "sources",
        "contributors",
    ):
        assert descriptor[key], key
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    source = descriptor["sources"][0]
    assert source["series"] == "SBi 2018:09" and source["year"] == 2018
    assert len(source["authors"]) == 4
    names = [resource["name"] for resource in descriptor["resources"]]
    assert names == ["tables", "observations", "errata", "codes"]
    for resource in descriptor["resources"]:
        content = (PACKAGE_DIR / resource["path"]).read_bytes()
        assert resource["bytes"] == len(content)
        assert resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        assert not content.startswith(b"\xef\xbb\xbf"), "CSV must not start with a BOM"
        for field in resource["schema"]["fields"]:
            assert field["description"], (resource["name"], field["name"])
    observations = next(r for r in descriptor["resources"] if r["name"] == "observations")
    assert observations["schema"]["primaryKey"] == ["table_id", "row_id", "group", "column_id"]
    enums = {
        f["name"]: f["constraints"]["enum"]
        for f in observations["schema"]["fields"]
        if "enum" in f.get("constraints", {})
    }
    assert {"table_id", "group", "column_id"} <= set(enums)
    assert {"project_leaders", "board_members", "all"} <= set(enums["group"])


def test_build_is_deterministic(package_copy):
    build(package_copy)
    first = snapshot(package_copy)
    build(package_copy)
    assert snapshot(package_copy) == first


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


T07 = "source/tables/T07.yaml"


CELL = {"table": "T07", "group": "all", "column": "respondents"}


def matching(problems: list[Problem], **expected: object) -> list[Problem]:
    """The problems whose fields have the expected values."""
    return [p for p in problems if all(getattr(p, k) == v for k, v in expected.items())]


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        pytest.param(
            lambda d: replace_in(d / T07, "groups: [all]", "groups: [everybody]"),
            {"code": "unknown-code", "table": "T07", "row": None},
            id="unknown-group-code",
        ),
        pytest.param(
            lambda d: replace_in(d / T07, "columns: [respondents]", "columns: [respondants]"),
            {"code": "unknown-code", "table": "T07", "row": None},
            id="unknown-column-code",
        ),
        pytest.param(
            lambda d: replace_in(d / T07, '"45% (86)"', '"55% (86)"'),
            {"code": "percent-vs-count", "row": "municipality", **CELL},
            id="percent-disagrees-with-count",
        ),
        pytest.param(
            lambda d: replace_in(d / T07, 'en: "Municipality", ', ""),
            {"code": "missing-label", "table": "T07", "row": "municipality"},
            id="missing-english-label",
        ),
        pytest.param(
            lambda d: (d / "source/tables/T08.yaml").write_text(
                (d / T07).read_text(encoding="utf-8"), encoding="utf-8"
            ),
            {"code": "duplicate-table-id", "table": "T07"},
            id="duplicate-table-id",
        ),
        pytest.param(
            lambda d: replace_in(d / T07, 'cells: ["45% (86)"]', "cells: []"),
            {"code": "cell-count", "table": "T07", "row": "municipality", "group": "all"},
            id="row-with-missing-cell",
        ),
        pytest.param(
            lambda d: replace_in(d / T07, 'cells: ["45% (86)"]', "cells: [null]"),
            {"code": "missing-cell", "row": "municipality", **CELL},
            id="row-with-null-cell",
        ),
        pytest.param(
            lambda d: replace_in(d / T07, '"100% (191)"', '"100% (192)"'),
            {"code": "sum-of-counts", "row": "total", **CELL},
            id="counts-do-not-add-up",
        ),
        pytest.param(
            lambda d: replace_in(
                d / T07, '"2% (4)"', "{percent: 2, count: 4, flags: [made_up_flag]}"
            ),
            {"code": "unknown-flag", "row": "other_organisation", "flag": "made_up_flag", **CELL},
            id="unknown-flag",
        ),
    ],
)
def test_malformed_source_fails_clearly_and_keeps_previous_package(
    package_copy, breakage, expected
):
    before = snapshot(package_copy)
    breakage(package_copy)
    with pytest.raises(BuildError) as failure:
        build(package_copy)
    assert matching(failure.value.problems, **expected), str(failure.value)
    assert all(p.file and p.file.startswith(str(package_copy)) for p in failure.value.problems)
    assert snapshot(package_copy) == before, "a failed build must not touch the package"
    assert not list(package_copy.glob(".build-*")), "a failed build left a staging folder"


def test_unlisted_erratum_and_stale_erratum_both_fail(package_copy):
    errata = package_copy / "source" / "errata.yaml"
    errata.write_text(
        errata.read_text(encoding="utf-8")
        + "\n- {table_id: T07, row_id: municipality, group: all, column_id: respondents,"
        " check: percent_vs_count, printed: '45% (86)', implied: '45',"
        " description_da: 'findes ikke', description_en: 'does not exist'}\n",
        encoding="utf-8",
    )
    with pytest.raises(BuildError) as failure:
        build(package_copy)
    (stale,) = failure.value.problems
    assert (stale.code, stale.table, stale.row) == ("stale-erratum", "T07", "municipality")
    assert stale.file == str(errata)


def test_build_command_exits_non_zero_and_names_the_cell(package_copy):
    replace_in(package_copy / T07, '"45% (86)"', '"55% (86)"')
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "package", "--package-dir", str(package_copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "package: FAILED" in result.stderr
    assert "table T07, row 'municipality'" in result.stderr


def test_check_command_prints_one_line_naming_table_and_row(package_copy):
    replace_in(package_copy / T07, 'en: "Municipality", ', "")
    before = snapshot(package_copy)
    result = subprocess.run(
        [
            sys.executable,
            "scripts/build.py",
            "package",
            "--check",
            "--package-dir",
            str(package_copy),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert result.stderr.splitlines() == [
        "package: FAILED",
        "table T07, row 'municipality' label: missing English label ('en')",
    ]
    assert snapshot(package_copy) == before


def test_generated_outputs_are_the_documented_set():
    assert set(GENERATED) == {"datapackage.json", "README.md", "data"}
    assert sorted(p.name for p in (PACKAGE_DIR / "data").iterdir()) == [
        "codes.csv",
        "errata.csv",
        "observations.csv",
        "tables.csv",
    ]


def test_citation_file_has_the_package_version():
    descriptor = json.loads((PACKAGE_DIR / "datapackage.json").read_text(encoding="utf-8"))
    citation = (ROOT / "CITATION.cff").read_text(encoding="utf-8")
    assert f"\nversion: {descriptor['version']}\n" in citation
    assert f"## {descriptor['version']} " in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
