"""The one build command: transcribed tables -> data package -> site.

Each step is its own script and can be run alone:
  1. scripts/build_package.py      source/ -> datapackage/ (checked, validated)
  2. scripts/build_chart_pages.py  datapackage/ -> docs/diagrammer/<ID>.md (one page per chart)
  3. mkdocs build --strict         docs/ + datapackage/ -> site/ (charts, via scripts/site_hooks.py,
                                   from scripts/build_charts.py)
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import build_chart_pages
import build_package

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    started = time.monotonic()
    if build_package.main([]) != 0:
        return 1
    build_chart_pages.catalogue.cache_clear()
    build_chart_pages.main()
    site = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    if site.returncode != 0:
        print("build: mkdocs build --strict FAILED", file=sys.stderr)
        return site.returncode
    print(f"build: package and site built in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
