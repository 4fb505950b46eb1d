"""fields.yaml: the package's field descriptions as data (issue 9), and frictionless stats.

Breakages are made in a copy of datapackage/ (fixture `package_copy`); the build must fail
with coded problems naming fields.yaml and leave the copy's package untouched.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from conftest import PACKAGE_DIR
from package import schema as field_schema
from package.problems import Problem
from package.publish import RESOURCE_ROWS, BuildError, build, file_stats
from package.sources import load_sources

FIELDS = "source/fields.yaml"


def snapshot(package_dir: Path) -> dict[str, str]:
    files = [package_dir / "datapackage.json", package_dir / "README.md"]
    files += sorted((package_dir / "data").glob("*"))
    return {
        str(path.relative_to(package_dir)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in files
    }


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def fields_problems(package_dir: Path) -> list[Problem]:
    """Build; it must fail, only with problems in fields.yaml, and change nothing."""
    before = snapshot(package_dir)
    with pytest.raises(BuildError) as failure:
        build(package_dir)
    problems = failure.value.problems
    assert {p.file for p in problems} == {str(package_dir / FIELDS)}, str(failure.value)
    assert all(str(p).startswith(f"{package_dir / FIELDS}: $.resources") for p in problems)
    assert snapshot(package_dir) == before, "a failed build must not touch the package"
    return problems


def descriptor(package_dir: Path = PACKAGE_DIR) -> dict:
    return json.loads((package_dir / "datapackage.json").read_text(encoding="utf-8"))


def test_fields_yaml_describes_every_resource_and_column_the_build_writes():
    resources = field_schema.load_fields()
    assert [r.name for r in resources] == ["tables", "observations", "errata", "codes"]
    assert sorted(r.name for r in resources) == sorted(RESOURCE_ROWS)
    sources = load_sources()
    values = field_schema.build_values(sources.tables, sources.codes)
    published = {r["name"]: r["schema"] for r in descriptor()["resources"]}
    for resource in resources:
        assert field_schema.table_schema(resource, values) == published[resource.name]


def test_values_from_the_code_are_named_not_copied():
    text = (PACKAGE_DIR / FIELDS).read_text(encoding="utf-8")
    for flag in ("lost_in_transcript", "printed_inconsistency", "percent_vs_count"):
        assert flag not in text, f"{flag} is copied into fields.yaml; name the value instead"
    observations = next(r for r in descriptor()["resources"] if r["name"] == "observations")
    flags = next(f for f in observations["schema"]["fields"] if f["name"] == "flags")
    assert "printed_inconsistency" in flags["description"]
    assert "printed_inconsistency" in flags["constraints"]["pattern"]


def test_a_description_is_changed_in_one_place(package_copy):
    replace_in(package_copy / FIELDS, '"Title in English."', '"Title in English (as translated)."')
    build(package_copy)
    tables = descriptor(package_copy)["resources"][0]
    field = next(f for f in tables["schema"]["fields"] if f["name"] == "title_en")
    assert field["description"] == "Title in English (as translated)."


@pytest.mark.parametrize(
    ("old", "new", "codes"),
    [
        pytest.param(
            "constraints: {enum: {from: kinds}}",
            "constraints: {enum: {from: kindz}}",
            ["unknown-value"],
            id="unknown-value",
        ),
        pytest.param(
            '"Semicolon-separated flags: {flags}."',
            '"Semicolon-separated flags: {flagz}."',
            ["unknown-value"],
            id="unknown-placeholder",
        ),
        pytest.param(
            "constraints: {pattern: {from: code_pattern}}",
            "constraints: {pattern: {from: kinds}}",
            ["wrong-value"],
            id="list-for-a-pattern",
        ),
        pytest.param(
            "primary_key: [kind, code]",
            "primary_key: [kind, cod]",
            ["unknown-key-field"],
            id="key-names-no-field",
        ),
        pytest.param(
            "reference: {resource: tables, fields: [table_id]}}",
            "reference: {resource: tablez, fields: [table_id]}}",
            ["unknown-key-field"],
            id="reference-names-no-resource",
        ),
        pytest.param(
            "      - name: label_en\n",
            "      - name: label_da\n",
            ["duplicate-field"],  # the columns are compared once fields.yaml loads
            id="duplicate-field",
        ),
        pytest.param(
            "      - name: cell_count\n",
            "      - name: cells\n",
            ["field-mismatch", "field-mismatch"],
            id="field-the-build-does-not-write",
        ),
        pytest.param(
            "  - name: codes\n",
            "  - name: vocabulary\n",
            ["resource-mismatch"],
            id="resource-the-build-does-not-write",
        ),
        pytest.param(
            "        type: integer\n",
            "        type: int\n",
            ["schema"],
            id="structure",
        ),
    ],
)
def test_broken_fields_yaml_fails_naming_it(package_copy, old, new, codes):
    replace_in(package_copy / FIELDS, old, new)
    assert sorted(p.code for p in fields_problems(package_copy)) == sorted(codes)


def test_fields_problems_are_reported_with_the_other_sources(package_copy):
    replace_in(package_copy / FIELDS, "{from: kinds}", "{from: kindz}")
    replace_in(package_copy / "source/tables/T07.yaml", 'en: "Municipality", ', "")
    with pytest.raises(BuildError) as failure:
        build(package_copy, write=False)
    codes = {(p.code, p.table) for p in failure.value.problems}
    assert codes == {("unknown-value", None), ("missing-label", "T07")}


def test_frictionless_stats_are_the_files_own():
    names = [r["name"] for r in descriptor()["resources"]]
    stats = file_stats(PACKAGE_DIR, names)
    for resource in descriptor()["resources"]:
        content = (PACKAGE_DIR / resource["path"]).read_bytes()
        found = stats[resource["name"]]
        assert found.hash == resource["hash"] == "sha256:" + hashlib.sha256(content).hexdigest()
        assert found.bytes == resource["bytes"] == len(content)
        assert found.rows == content.count(b"\n") - 1  # no field spans lines today
