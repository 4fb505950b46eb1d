"""HTML from Jinja templates in the theme folder (website/theme/partials/sbi/).

During a site build the hook hands over the theme's own Jinja environment (as
mkdocs-material's hooks do), so the templates can use its filters; outside MkDocs
(unit tests, one-off scripts) a plain environment over the same folder is used. Each
template turns autoescaping on itself (`{% autoescape true %}`), so both behave alike.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import jinja2

THEME_DIR = Path(__file__).with_name("theme")
_theme_environment: jinja2.Environment | None = None


def use(environment: jinja2.Environment) -> None:
    """Render with the theme's environment from now on (called by the site hook)."""
    global _theme_environment
    _theme_environment = environment


@cache
def _plain_environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(THEME_DIR),
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=False,
    )


def render(name: str, **context: Any) -> str:
    """Render `partials/sbi/<name>` with the given context."""
    environment = _theme_environment or _plain_environment()
    return environment.get_template(f"partials/sbi/{name}").render(**context)
