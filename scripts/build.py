"""The one build command: transcribed tables -> data package -> site.

Each step is its own script and can be run alone:
  1. scripts/build_package.py   source/ -> datapackage/ (checked, validated)
  2. mkdocs build --strict      docs/ + datapackage/ -> site/
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import build_package

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    started = time.monotonic()
    if build_package.main([]) != 0:
        return 1
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
