"""The site's one bilingual text layer: strings and numbers in the page's language.

Strings live in `strings.yaml` beside this module (Danish and English side by side);
`text("table_block.question", "da")` returns one. A string without both languages fails
at load, so a missing translation is a build failure, never a fallback.

Numbers are formatted by babel for the language's locale, keeping the printed precision
("100.0" -> "100,0"; "0.51" -> "0,51"; 272519 -> "272.519" in Danish, "272,519" in English).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel.numbers import format_decimal

STRINGS = Path(__file__).with_name("strings.yaml")
LANGUAGES = ("da", "en")
LOCALES = {"da": "da_DK", "en": "en_GB"}


class TextError(Exception):
    """A string is missing, or lacks a language."""


def _check(node: Any, path: str, problems: list[str]) -> None:
    if isinstance(node, dict) and set(node) & set(LANGUAGES):
        for language in LANGUAGES:
            if node.get(language) in (None, "", []):
                problems.append(f"{STRINGS.name}: {path}: no {language} text")
        extra = set(node) - set(LANGUAGES)
        if extra:
            problems.append(f"{STRINGS.name}: {path}: unexpected keys {sorted(extra)}")
    elif isinstance(node, dict):
        for key, child in node.items():
            if not isinstance(key, str):
                problems.append(f"{STRINGS.name}: {path}: key {key!r} is not text (quote it)")
            _check(child, f"{path}.{key}" if path else str(key), problems)


@cache
def strings(path: Path = STRINGS) -> dict[str, Any]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    problems: list[str] = []
    _check(data, "", problems)
    if problems:
        raise TextError("; ".join(problems))
    return dict(data)


def entry(key: str) -> Any:
    """The node at a dotted key ("flags.hidden_below_5_percent")."""
    node: Any = strings()
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise TextError(f"{STRINGS.name}: no string {key!r}")
        node = node[part]
    return node


def text(key: str, language: str, **values: object) -> Any:
    """The string (or list) at `key` in `language`, with {placeholders} filled in."""
    node = entry(key)
    if not isinstance(node, dict) or language not in node:
        raise TextError(f"{STRINGS.name}: {key!r} has no {language!r} text")
    found = node[language]
    return found.format(**values) if values and isinstance(found, str) else found


def section(name: str, language: str) -> dict[str, Any]:
    """Every string of a section in one language (for templates)."""
    return {
        key: node[language]
        for key, node in entry(name).items()
        if isinstance(node, dict) and language in node
    }


def number(printed: str | int | Decimal, language: str, grouping: bool = True) -> str:
    """A number as printed, in the language's format; the printed decimals are kept."""
    amount = Decimal(str(printed))
    decimals = max(0, -amount.as_tuple().exponent)  # type: ignore[operator]
    pattern = ("#,##0" if grouping else "0") + ("." + "0" * decimals if decimals else "")
    return format_decimal(amount, format=pattern, locale=LOCALES[language])


def percent(printed: str | int | Decimal, language: str) -> str:
    """A printed percentage: "45 %" in Danish (no-break space), "45%" in English.

    No thousands separator: a percentage over 100 is a misprint and is shown as printed."""
    digits = number(printed, language, grouping=False)
    return f"{digits}\u00a0%" if language == "da" else f"{digits}%"


def caption_name(kind: str, number_printed: int, language: str) -> str:
    """ "Tabel 7", "Figure 3"."""
    return f"{text(f'names.{kind}', language)} {number_printed}"


def anchor(table_id: str, language: str) -> str:
    """The stable anchor of a table or figure block: tabel-7, table-7, figur-3, figure-3."""
    return f"{text(f'anchors.{table_id[0]}', language)}-{int(table_id[1:])}"
