"""Table Schemas of the package's resources, assembled from source/fields.yaml.

fields.yaml holds what is written by hand: each resource's description, keys and fields,
with field descriptions in English (`description`, the Frictionless property) and Danish
(`description_da`). What the code already knows is only named there and filled in here
(CODE_VALUES, BUILD_VALUES): {from: <name>} in constraints, {<name>} in a description.
The build writes the result into datapackage.json, and the site's data dictionary is
generated from that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from package.problems import Place, Problem
from package.sources import (
    ALL_FLAGS,
    CHECKS,
    CODE_PATTERN,
    KINDS,
    SOURCE_DIR,
    SUM_AXES,
    CodeBook,
    SourceError,
    Table,
    file_place,
    read_source,
)

FIELDS_FILE = "fields.yaml"
FLAG_PATTERN = "^({0})(;({0}))*$".format("|".join(ALL_FLAGS))

# The values fields.yaml may name. A list fits `enum` and is written "a, b, c" in a
# description; a text fits `pattern`.
Value = list[str] | str
CODE_VALUES: dict[str, Value] = {
    "kinds": list(KINDS),
    "sum_axes": list(SUM_AXES),
    "checks": list(CHECKS),
    "flags": list(ALL_FLAGS),
    "flag_pattern": FLAG_PATTERN,
    "code_pattern": CODE_PATTERN.pattern,
}
# Known once the sources are read (build_values); all lists.
BUILD_VALUES = ("table_ids", "group_codes", "column_codes")
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class ResourceSpec:
    """One resource of fields.yaml, checked."""

    name: str
    description: str
    primary_key: list[str]
    foreign_keys: list[dict[str, Any]]
    fields: list[dict[str, Any]]

    @property
    def field_names(self) -> list[str]:
        return [field["name"] for field in self.fields]


def load_fields(path: Path | None = None) -> list[ResourceSpec]:
    """fields.yaml, checked (structure: schema/fields.schema.json; then names and values)."""
    path = path or SOURCE_DIR / FIELDS_FILE
    resources = read_source(path, "fields")["resources"]
    problems = check_fields(resources, file_place(path))
    if problems:
        raise SourceError(problems)
    return [
        ResourceSpec(
            name=resource["name"],
            description=resource["description"],
            primary_key=resource["primary_key"],
            foreign_keys=resource.get("foreign_keys", []),
            fields=resource["fields"],
        )
        for resource in resources
    ]


def check_fields(resources: list[dict[str, Any]], place: Place) -> list[Problem]:
    """Names are unique, keys name existing fields, every named value is known."""
    fields_of = {
        resource["name"]: [f["name"] for f in resource["fields"]] for resource in resources
    }
    problems = [
        place.problem("duplicate-resource", f"$.resources: {name!r} listed twice")
        for name in _twice([resource["name"] for resource in resources])
    ]
    for position, resource in enumerate(resources):
        at = f"$.resources[{position}]"
        problems += [
            place.problem("duplicate-field", f"{at}.fields: {name!r} listed twice")
            for name in _twice(fields_of[resource["name"]])
        ]
        problems += _key_problems(resource, at, fields_of, place)
        for number, field in enumerate(resource["fields"]):
            problems += _value_problems(field, f"{at}.fields[{number}]", place)
    return problems


def _twice(names: list[str]) -> list[str]:
    return sorted({name for name in names if names.count(name) > 1})


def _key_problems(
    resource: dict[str, Any], at: str, fields_of: dict[str, list[str]], place: Place
) -> list[Problem]:
    """primary_key and foreign_keys name fields (and resources) that exist."""
    own = fields_of[resource["name"]]
    named = [(f"{at}.primary_key", own, name) for name in resource["primary_key"]]
    problems = []
    for number, key in enumerate(resource.get("foreign_keys", [])):
        named += [(f"{at}.foreign_keys[{number}].fields", own, name) for name in key["fields"]]
        where, reference = f"{at}.foreign_keys[{number}].reference", key["reference"]
        if reference["resource"] not in fields_of:
            message = f"{where}: no resource {reference['resource']!r}"
            problems.append(place.problem("unknown-key-field", message))
            continue
        target = fields_of[reference["resource"]]
        named += [(where, target, name) for name in reference["fields"]]
    return problems + [
        place.problem("unknown-key-field", f"{where}: no field {name!r}")
        for where, fields, name in named
        if name not in fields
    ]


def _value_problems(field: dict[str, Any], at: str, place: Place) -> list[Problem]:
    """Every {<name>} in the descriptions and {from: <name>} in the constraints is known
    and of the right kind (a list for enum, a text for pattern)."""
    known = [*CODE_VALUES, *BUILD_VALUES]
    problems = []
    for language, text in field["description"].items():
        for name in PLACEHOLDER.findall(text):
            if name not in known:
                message = f"{at}.description.{language}: unknown value {{{name}}} (known: {', '.join(known)})"
                problems.append(place.problem("unknown-value", message))
    for key, value in field.get("constraints", {}).items():
        if not isinstance(value, dict):
            continue
        name = value["from"]
        if name not in known:
            message = (
                f"{at}.constraints.{key}.from: unknown value {name!r} (known: {', '.join(known)})"
            )
            problems.append(place.problem("unknown-value", message))
        elif isinstance(CODE_VALUES.get(name, []), str) != (key == "pattern"):
            wanted = "a text" if key == "pattern" else "a list"
            message = f"{at}.constraints.{key}.from: {name!r} is not {wanted}"
            problems.append(place.problem("wrong-value", message))
    return problems


def build_values(tables: list[Table], codes: CodeBook) -> dict[str, Value]:
    """BUILD_VALUES: the table IDs in package order, the group and column codes sorted."""
    return {
        "table_ids": [table.id for table in tables],
        "group_codes": sorted(code.id for code in codes.values() if code.kind == "group"),
        "column_codes": sorted(code.id for code in codes.values() if code.kind == "column"),
    }


def table_schema(resource: ResourceSpec, values: dict[str, Value]) -> dict[str, Any]:
    """The Table Schema of one resource; `values` gives BUILD_VALUES (see build_values)."""
    values = {**CODE_VALUES, **values}
    result: dict[str, Any] = {
        "fields": [_field(spec, values) for spec in resource.fields],
        "primaryKey": resource.primary_key,
    }
    if resource.foreign_keys:
        result["foreignKeys"] = resource.foreign_keys
    return result


def _field(spec: dict[str, Any], values: dict[str, Value]) -> dict[str, Any]:
    field: dict[str, Any] = {
        "name": spec["name"],
        "type": spec["type"],
        "description": _text(spec["description"]["en"], values),
        "description_da": _text(spec["description"]["da"], values),
    }
    constraints = {
        key: values[value["from"]] if isinstance(value, dict) else value
        for key, value in spec.get("constraints", {}).items()
    }
    if spec["required"]:
        constraints["required"] = True
    if constraints:
        field["constraints"] = constraints
    return field


def _text(text: str, values: dict[str, Value]) -> str:
    def written(match: re.Match[str]) -> str:
        value = values[match.group(1)]
        return value if isinstance(value, str) else ", ".join(value)

    return PLACEHOLDER.sub(written, text)
