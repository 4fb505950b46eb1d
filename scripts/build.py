"""The one build command: transcribed tables -> data package -> site.

    python scripts/build.py            # all steps, in order (what `make build` runs)
    python scripts/build.py package    # one step alone: package | pages | charts | site

  1. package  datapackage/source/ -> datapackage/ (checked, validated; scripts/package/)
  2. pages    datapackage/ -> docs/diagrammer/<ID>.md, one page per chart (website/chart_pages.py)
  3. charts   datapackage/ -> scripts/website/render_cache/: each chart's SVG and PNG renders,
              drawn (with Chromium) only when a chart changed (website/renders.py)
  4. site     mkdocs build --strict: docs/ + datapackage/ -> site/ (website/hooks.py)

The site is built into a staging folder next to site/ and swapped in only when MkDocs
succeeded with no warning, so a failed or interrupted build leaves the previous site/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from package import publish
from paths import ROOT, SITE_DIR
from website import chart_pages, renders, view

STAGING_PREFIX = ".site-staging-"
RETIRED_PREFIX = ".site-retired-"
# MkDocs' own progress lines; everything else (warnings, errors, tracebacks) is shown.
QUIET_PREFIXES = ("INFO ", "  - ")


def mkdocs_build(site_dir: Path, root: Path = ROOT) -> tuple[int, list[str]]:
    """Run `mkdocs build --strict` into site_dir; return its exit code and the lines worth
    showing. Not `--quiet`: with it MkDocs stops counting warnings (mkdocs/mkdocs#4126)."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )
    output = (result.stdout + result.stderr).splitlines()
    shown = [line for line in output if line.strip() and not line.startswith(QUIET_PREFIXES)]
    return result.returncode, shown


def remove_leftovers(root: Path) -> None:
    """Staging or retired folders of an earlier interrupted build."""
    for prefix in (STAGING_PREFIX, RETIRED_PREFIX):
        for leftover in root.glob(f"{prefix}*"):
            shutil.rmtree(leftover, ignore_errors=True)


def swap_in(staging: Path, target: Path) -> None:
    """Replace target by staging with two renames (same file system, so each is atomic)."""
    retired = target.parent / f"{RETIRED_PREFIX}{os.getpid()}"
    if target.exists():
        target.rename(retired)
    staging.rename(target)
    shutil.rmtree(retired, ignore_errors=True)


def build_site(root: Path = ROOT) -> int:
    """Build root/site atomically: into a staging folder beside it, swapped in on success."""
    target = root / SITE_DIR.name
    remove_leftovers(root)
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    try:
        returncode, shown = mkdocs_build(staging, root)
        for line in shown:
            print(line, file=sys.stderr)
        if returncode != 0:
            print(
                f"build: mkdocs build --strict FAILED (exit {returncode}); {target} is unchanged",
                file=sys.stderr,
            )
            return 1
        swap_in(staging, target)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def build_package(options: list[str]) -> int:
    """The package step. It rewrites datapackage/, so the package view this process may
    have loaded is forgotten: the next step (pages) reads the new package, not a stale
    copy. (The view is cached per process; the site step runs MkDocs in a new one.)"""
    returncode = publish.main(options)
    view.load.cache_clear()
    return returncode


STEPS: dict[str, Callable[[list[str]], int]] = {
    "package": build_package,  # options: --check, --package-dir DIR
    "pages": lambda options: chart_pages.main(),
    "charts": lambda options: renders.main(),
    "site": lambda options: build_site(),
}


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    if arguments and arguments[0] in ("-h", "--help"):
        print(__doc__)
        return 0
    step, options = (arguments[0], arguments[1:]) if arguments else (None, [])
    if step is not None and step not in STEPS:
        print(f"build: unknown step {step!r}; steps: {', '.join(STEPS)}", file=sys.stderr)
        return 2
    started = time.monotonic()
    for name, run in STEPS.items():
        if step in (None, name) and run(options) != 0:
            return 1
    print(f"build: {step or ', '.join(STEPS)} built in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
