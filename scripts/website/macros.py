"""The one macro grammar of the page sources, and its one dispatcher.

A page writes `{{ name(arguments) }}`, arguments as Python literals:

    {{ pct("T07", "municipality", "respondents") }}    a number from the package
    {{ table("T28") }}                                  a table or figure block
    {{ chart_page("T28") }}                             the body of a chart's own page
    {{ data_dictionary() }}                             a generated part of the data page

Modules register their handlers in HANDLERS (name -> function(page, *arguments) -> text).
A macro with an unknown name, unreadable arguments, or a handler error fails the build
with the page and the macro named; so does a `{{` that is not a macro.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from dataclasses import dataclass

from website.text import TextError
from website.view import PackageError

MACRO = re.compile(r"\{\{\s*(?P<name>[a-z_]+)\((?P<args>[^)]*)\)\s*\}\}")


class MacroError(Exception):
    """A macro that cannot be rendered; the message names the page and the macro."""


@dataclass(frozen=True)
class Page:
    """What a handler may know about the page it writes into."""

    source: str  # docs-relative source path, e.g. "resultater/kontekst.en.md"
    language: str  # "da" | "en"
    root: str  # relative path from the page to the site root, e.g. "../../"
    site_url: str | None = None  # the public address, when one is configured
    repo_url: str | None = None  # the project's repository, when one is configured
    contact: str = ""  # who takes corrections besides the issue tracker, when configured

    @property
    def home(self) -> str:
        """Relative path to the home of the page's language (Danish /, English /en/)."""
        return self.root if self.language == "da" else f"{self.root}{self.language}/"

    @property
    def path(self) -> str:
        """The page's path below the site root, from its source (MkDocs' directory URLs):
        "data.en.md" -> "en/data/", "index.md" -> "", "diagrammer/T28.md" -> "diagrammer/T28/"."""
        english = self.source.endswith(".en.md")
        stem = self.source.removesuffix(".en.md").removesuffix(".md")
        if stem == "index" or stem.endswith("/index"):
            stem = stem.removesuffix("index").rstrip("/")
        path = f"{stem}/" if stem else ""
        return f"en/{path}" if english else path

    def public_url(self, path: str = "") -> str | None:
        """The absolute address of a path below the site root (the page's own by
        default), when the site has a public address; else None."""
        if not self.site_url:
            return None
        return self.site_url.rstrip("/") + "/" + (path or self.path)


Handler = Callable[..., str]
HANDLERS: dict[str, Handler] = {}


def handler(name: str) -> Callable[[Handler], Handler]:
    """Register a function as the handler of `{{ name(...) }}`."""

    def register(function: Handler) -> Handler:
        if name in HANDLERS and HANDLERS[name] is not function:
            raise MacroError(f"macro {name!r} registered twice")
        HANDLERS[name] = function
        return function

    return register


def arguments(text: str) -> tuple[object, ...]:
    return ast.literal_eval(f"({text},)") if text.strip() else ()


def calls(markdown: str, name: str) -> list[tuple[object, ...]]:
    """The arguments of every `{{ name(...) }}` in a page, in order."""
    return [arguments(m.group("args")) for m in MACRO.finditer(markdown) if m.group("name") == name]


def render(markdown: str, page: Page) -> str:
    """Replace every macro of a page; their output is not scanned again."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in HANDLERS:
            raise MacroError(f"{page.source}: unknown macro {match.group(0)!r}")
        try:
            values = arguments(match.group("args"))
        except (ValueError, SyntaxError) as error:
            raise MacroError(f"{page.source}: cannot read {match.group(0)!r}: {error}") from error
        try:
            return HANDLERS[name](page, *values)
        except (MacroError, PackageError, TextError) as error:
            raise MacroError(f"{page.source}: {match.group(0)}: {error}") from error

    leftover = MACRO.sub("", markdown)
    if "{{" in leftover:
        start = leftover.index("{{")
        raise MacroError(f"{page.source}: not a macro: {leftover[start : start + 60]!r}")
    return MACRO.sub(replace, markdown)
