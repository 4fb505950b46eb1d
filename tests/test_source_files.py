"""Source files (issue 8): the expected set of tables, reading, structure (JSON Schema).

Every breakage is made in a copy of datapackage/ (fixture `package_copy`); the build must
fail with one problem per finding, coded and naming the file (printed as one line), and
leave the copy's package untouched.
"""

from __future__ import annotations

import hashlib
import inspect
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import PACKAGE_DIR, ROOT
from package import publish as build_package
from package import schema as field_schema
from package import sources as source_tables
from package.problems import Problem
from package.publish import BuildError, build

SOURCE = PACKAGE_DIR / "source"


def snapshot(package_dir: Path) -> dict[str, str]:
    files = [package_dir / "datapackage.json", package_dir / "README.md"]
    files += sorted((package_dir / "data").glob("*"))
    return {
        str(path.relative_to(package_dir)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in files
    }


def unquote_created(path: Path) -> None:
    """Write the release date unquoted, so YAML reads it as a timestamp, not text."""
    text = path.read_text(encoding="utf-8")
    unquoted = re.sub(r'^created: "([^"]+)"$', r"created: \1", text, count=1, flags=re.M)
    assert unquoted != text, f"no quoted created: in {path.name}"
    path.write_text(unquoted, encoding="utf-8")


def remove_line(path: Path, start: str) -> None:
    """Drop the line that starts with `start` (e.g. the package's version)."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in lines if not line.startswith(start)]
    assert len(kept) == len(lines) - 1, f"no single line starting {start!r} in {path.name}"
    path.write_text("".join(kept), encoding="utf-8")


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def table(package_dir: Path, table_id: str) -> Path:
    return package_dir / "source" / "tables" / f"{table_id}.yaml"


def build_fails(package_dir: Path, *expected: tuple[str, str]) -> list[Problem]:
    """Build; it must fail with a problem for each expected (code, file), naming the file
    in its printed line too, and change nothing."""
    before = snapshot(package_dir)
    with pytest.raises(BuildError) as failure:
        build(package_dir)
    problems = failure.value.problems
    found = [(problem.code, problem.file) for problem in problems]
    for code, relative in expected:
        file = source_file(package_dir, relative)
        assert (code, file) in found, str(failure.value)
    for problem in problems:
        assert problem.file is None or str(problem).startswith(problem.file + ": "), problem
    assert "Traceback" not in str(failure.value)
    assert snapshot(package_dir) == before, "a failed build must not touch the package"
    assert not list(package_dir.glob(".build-*")), "a failed build left a staging folder"
    return problems


def source_file(package_dir: Path, relative: str) -> str:
    """A file in the copy's source/, as problems name it."""
    return str(package_dir / "source" / relative)


def at(problems: list[Problem], code: str) -> list[str]:
    """Where inside its file each problem with this code is: the message up to ': '."""
    return [p.message.split(": ")[0] for p in problems if p.code == code]


# --- 1. The expected tables, declared once in package.yaml ---------------------------------


def test_package_yaml_declares_every_table_and_figure_once():
    metadata = source_tables.load_package(SOURCE / "package.yaml")
    ids = source_tables.expected_table_ids(metadata)
    assert ids == [f"T{n:02d}" for n in range(1, 54)] + [f"F{n:02d}" for n in range(1, 19)]
    assert sorted(path.stem for path in (SOURCE / "tables").iterdir()) == sorted(ids)


def test_declared_table_list_does_not_leak_into_the_descriptor():
    descriptor = json.loads((PACKAGE_DIR / "datapackage.json").read_text(encoding="utf-8"))
    assert "tables" not in descriptor
    assert "tables" in yaml.safe_load((SOURCE / "package.yaml").read_text(encoding="utf-8"))


def test_missing_table_file_fails_naming_it(package_copy):
    table(package_copy, "T04").unlink()
    problems = build_fails(package_copy, ("missing-table", "tables/T04.yaml"))
    assert [(p.code, p.table) for p in problems] == [("missing-table", "T04")]


def test_extra_table_file_fails_naming_it(package_copy):
    text = table(package_copy, "T07").read_text(encoding="utf-8")
    table(package_copy, "T54").write_text(
        text.replace("id: T07", "id: T54").replace("number: 7", "number: 54"), encoding="utf-8"
    )
    build_fails(package_copy, ("undeclared-table", "tables/T54.yaml"))


@pytest.mark.parametrize("wrong_name", ["T04.yml", "t04.yaml", "T04.yaml.bak"])
def test_misnamed_table_file_fails_naming_it(package_copy, wrong_name):
    table(package_copy, "T04").rename(package_copy / "source" / "tables" / wrong_name)
    build_fails(
        package_copy,
        ("misnamed-table", f"tables/{wrong_name}"),
        ("missing-table", "tables/T04.yaml"),
    )


def test_anything_else_in_tables_fails_naming_it(package_copy):
    (package_copy / "source" / "tables" / "notes.txt").write_text("todo\n", encoding="utf-8")
    (package_copy / "source" / "tables" / "old").mkdir()
    build_fails(
        package_copy,
        ("unexpected-file", "tables/notes.txt"),
        ("unexpected-file", "tables/old"),
    )


def test_a_new_table_needs_only_its_file_and_a_wider_range(package_copy):
    text = table(package_copy, "T07").read_text(encoding="utf-8")
    table(package_copy, "T54").write_text(
        text.replace("id: T07", "id: T54").replace("number: 7", "number: 54"), encoding="utf-8"
    )
    replace_in(package_copy / "source" / "package.yaml", "tables: [T01-T53,", "tables: [T01-T54,")
    result = build(package_copy, write=False)
    assert [t.id for t in result["tables"]].count("T54") == 1


@pytest.mark.parametrize(
    ("declared", "code", "json_path"),
    [
        ("tables: [T53-T01, F01-F18]", "bad-table-range", "$.tables[0]"),
        ("tables: [T01-F53, F01-F18]", "bad-table-range", "$.tables[0]"),
        ("tables: [T01-T53, F01-F18, T07]", "declared-twice", "$.tables[2]"),
        ("tables: [T01-T53, F1-F18]", "schema", "$.tables[1]"),
    ],
)
def test_bad_table_declaration_fails_naming_package_yaml(package_copy, declared, code, json_path):
    replace_in(package_copy / "source" / "package.yaml", "tables: [T01-T53, F01-F18]", declared)
    problems = build_fails(package_copy, (code, "package.yaml"))
    assert at(problems, code) == [json_path]


# --- 2. Duplicate keys -----------------------------------------------------------------------


def test_duplicate_key_fails_with_file_and_line(package_copy):
    path = table(package_copy, "T07")
    lines = path.read_text(encoding="utf-8").splitlines()
    title_line = next(n for n, line in enumerate(lines, start=1) if line.startswith("title:"))
    replace_in(path, "question:", 'title: {da: "Anden titel", en: "Another title"}\nquestion:')
    (problem,) = build_fails(package_copy, ("duplicate-key", "tables/T07.yaml"))
    # The line a reader needs: the file, both lines and the key.
    assert str(problem) == (
        f"{path}: line {title_line + 1}, column 1: duplicate key 'title' "
        f"(first given on line {title_line})"
    )


def test_duplicate_key_inside_a_flow_mapping_fails(package_copy):
    replace_in(table(package_copy, "T07"), 'en: "Municipality", ', 'en: "Municipality", en: "X", ')
    build_fails(package_copy, ("duplicate-key", "tables/T07.yaml"))


@pytest.mark.parametrize("name", ["codes.yaml", "errata.yaml", "package.yaml", "fields.yaml"])
def test_duplicate_key_fails_in_every_source_file(package_copy, name):
    path = package_copy / "source" / name
    text = path.read_text(encoding="utf-8")
    first = {
        "codes.yaml": "id: all,",
        "errata.yaml": "check:",
        "package.yaml": "version:",
        "fields.yaml": "    primary_key:",
    }[name]
    doubled = {
        "codes.yaml": "id: all, id: all,",
        "errata.yaml": "check: sum_of_counts\n  check:",
        "package.yaml": "version: 9.9.9\nversion:",
        "fields.yaml": "    primary_key: [table_id]\n    primary_key:",
    }[name]
    path.write_text(text.replace(first, doubled, 1), encoding="utf-8")
    build_fails(package_copy, ("duplicate-key", name))


# --- 3. One-line errors naming the file; structure checked by JSON Schema ---------------------


def test_schemas_are_draft_2020_12_and_accept_every_current_source_file():
    from jsonschema import Draft202012Validator

    kinds = {
        "codes.yaml": "codes",
        "errata.yaml": "errata",
        "package.yaml": "package",
        "fields.yaml": "fields",
    }
    kinds |= {f"tables/{path.name}": "table" for path in (SOURCE / "tables").glob("*.yaml")}
    assert len(kinds) == 4 + 71
    for kind in set(kinds.values()):
        schema = json.loads((SOURCE / "schema" / f"{kind}.schema.json").read_text("utf-8"))
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        Draft202012Validator.check_schema(schema)
    for relative, kind in kinds.items():
        path = SOURCE / relative
        data = source_tables._read_yaml(path)
        assert source_tables.schema_problems(data, kind, path) == [], relative


@pytest.mark.parametrize(
    ("breakage", "file", "code", "json_path"),
    [
        pytest.param(
            lambda d: table(d, "T07").write_bytes(
                table(d, "T07").read_bytes().replace(b"Kommune", b"Komm\xe6ne")
            ),
            "tables/T07.yaml",
            "not-utf8",
            None,
            id="non-utf8-byte",
        ),
        pytest.param(
            lambda d: replace_in(table(d, "T07"), "groups: [all]", "groups: [{id: all}]"),
            "tables/T07.yaml",
            "schema",
            "$.groups[0]",
            id="groups-of-mappings",
        ),
        pytest.param(
            lambda d: replace_in(table(d, "T07"), 'cells: ["2% (4)"]', 'cells: "2% (4)"'),
            "tables/T07.yaml",
            "schema",
            "$.rows[2].cells",
            id="cells-not-a-list",
        ),
        pytest.param(
            lambda d: replace_in(table(d, "T07"), '"2% (4)"', "{percent: 2, count: 4, cnt: 4}"),
            "tables/T07.yaml",
            "schema",
            "$.rows[2].cells[0]",
            id="unknown-cell-key",
        ),
        pytest.param(
            lambda d: replace_in(
                d / "source" / "codes.yaml",
                '- {kind: group, id: all, da: "Alle", en: "All"}',
                "- all",
            ),
            "codes.yaml",
            "schema",
            "$[0]",
            id="codes-entry-not-a-mapping",
        ),
        pytest.param(
            lambda d: replace_in(d / "source" / "errata.yaml", "check: sum_of_counts", "check: 3"),
            "errata.yaml",
            "schema",
            "$[1].check",
            id="errata-wrong-check",
        ),
        pytest.param(
            lambda d: remove_line(d / "source" / "package.yaml", "version: "),
            "package.yaml",
            "schema",
            "$",
            id="package-missing-key",
        ),
        pytest.param(
            lambda d: replace_in(d / "source" / "package.yaml", "year: 2018", 'year: "2018"'),
            "package.yaml",
            "schema",
            "$.sources[0].year",
            id="package-wrong-type",
        ),
        pytest.param(
            lambda d: unquote_created(d / "source" / "package.yaml"),
            "package.yaml",
            "schema",
            "$.created",
            id="package-unquoted-date",
        ),
        pytest.param(
            lambda d: replace_in(d / "source" / "package.yaml", "version: ", "version: ["),
            "package.yaml",
            "yaml-syntax",
            None,
            id="package-yaml-syntax",
        ),
        pytest.param(
            lambda d: (d / "source" / "codes.yaml").unlink(),
            "codes.yaml",
            "unreadable",
            None,
            id="codes-missing",
        ),
    ],
)
def test_malformed_source_file_fails_with_one_problem_naming_it(
    package_copy, breakage, file, code, json_path
):
    breakage(package_copy)
    problems = build_fails(package_copy, (code, file))
    assert len(problems) == 1, problems
    if json_path is not None:
        assert at(problems, code) == [json_path]


def test_schema_problem_line_names_file_json_path_and_what_is_wrong(package_copy):
    replace_in(table(package_copy, "T07"), "groups: [all]", "groups: [{id: all}]")
    (problem,) = build_fails(package_copy, ("schema", "tables/T07.yaml"))
    assert (
        str(problem)
        == f"{table(package_copy, 'T07')}: $.groups[0]: {{'id': 'all'}} is not of type string"
    )


def test_misspelt_key_is_reported_as_missing_and_unexpected(package_copy):
    replace_in(table(package_copy, "T07"), "multiple_response:", "multiple_responses:")
    problems = build_fails(package_copy, ("schema", "tables/T07.yaml"))
    assert len(problems) == 2, problems
    assert at(problems, "schema") == ["$", "$"]
    assert any("'multiple_response' is a required property" in p.message for p in problems)
    assert any("'multiple_responses' was unexpected" in p.message for p in problems)


def test_problems_of_all_files_are_reported_together(package_copy):
    replace_in(table(package_copy, "T07"), "groups: [all]", "groups: [{id: all}]")
    replace_in(table(package_copy, "T08"), "kind: table", "kind: tabel")
    replace_in(package_copy / "source" / "errata.yaml", "check: sum_of_counts", "check: 3")
    replace_in(package_copy / "source" / "fields.yaml", "type: integer", "type: int")
    table(package_copy, "F03").unlink()
    build_fails(
        package_copy,
        ("schema", "errata.yaml"),
        ("schema", "tables/T07.yaml"),
        ("schema", "tables/T08.yaml"),
        ("schema", "fields.yaml"),
        ("missing-table", "tables/F03.yaml"),
    )


def test_build_command_prints_one_line_per_problem_without_traceback(package_copy):
    table(package_copy, "T07").write_bytes(
        table(package_copy, "T07").read_bytes().replace(b"Kommune", b"Komm\xe6ne")
    )
    replace_in(table(package_copy, "T08"), "groups: [all]", "groups: [{id: all}]")
    replace_in(
        package_copy / "source" / "codes.yaml",
        '- {kind: group, id: all, da: "Alle", en: "All"}',
        "- all",
    )
    remove_line(package_copy / "source" / "package.yaml", "version: ")
    before = snapshot(package_copy)
    result = subprocess.run(
        [sys.executable, "scripts/build.py", "package", "--package-dir", str(package_copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == "package: FAILED"
    source = str(package_copy / "source")
    assert sorted(line.split(": ")[0] for line in lines[1:]) == [
        f"{source}/codes.yaml",
        f"{source}/package.yaml",
        f"{source}/tables/T07.yaml",
        f"{source}/tables/T08.yaml",
    ], result.stderr
    assert snapshot(package_copy) == before


# --- 5. One fast loader (libyaml) for every source file ---------------------------------------


def test_source_yaml_is_read_with_a_libyaml_loader_everywhere():
    assert issubclass(source_tables.SourceLoader, yaml.CSafeLoader)
    for module in (source_tables, build_package, field_schema):
        text = inspect.getsource(module)
        for slow in ("safe_load", "yaml.SafeLoader", "yaml.load(", "FullLoader", "yaml.Loader"):
            if module is source_tables and slow == "yaml.load(":
                assert text.count(slow) == 1 and "Loader=SourceLoader" in text
                continue
            assert slow not in text, f"{module.__name__} reads YAML with {slow}"


def test_source_loader_reads_every_file_as_the_yaml_1_2_safe_loader_did():
    class Reference(yaml.SafeLoader):
        pass

    Reference.yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }
    Reference.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false)$"), list("tf")
    )
    paths = [SOURCE / name for name in ("codes.yaml", "errata.yaml", "package.yaml", "fields.yaml")]
    paths += sorted((SOURCE / "tables").glob("*.yaml"))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        assert source_tables.read_yaml_text(text) == yaml.load(text, Loader=Reference), path.name
    assert source_tables.read_yaml_text("[yes, no, on, true]") == ["yes", "no", "on", True]
