"""Where things are: the one place that knows the repository's layout."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "datapackage" / "source"
PACKAGE_DIR = ROOT / "datapackage"
DOCS_DIR = ROOT / "docs"
SITE_DIR = ROOT / "site"
CHART_PAGES_DIR = DOCS_DIR / "diagrammer"
# The charts' static renders, committed (website/renders.py).
RENDER_CACHE = ROOT / "scripts" / "website" / "render_cache"
CHANGELOG = ROOT / "CHANGELOG.md"
