from __future__ import annotations

import csv
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "datapackage"
SITE_DIR = Path(os.environ.get("SITE_DIR") or ROOT / "site")


def read_csv(name: str) -> list[dict[str, str]]:
    with (PACKAGE_DIR / "data" / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="session")
def observations() -> list[dict[str, str]]:
    return read_csv("observations")


@pytest.fixture(scope="session")
def catalogue() -> dict[str, dict[str, str]]:
    return {row["table_id"]: row for row in read_csv("tables")}


@pytest.fixture(scope="session")
def cells(observations) -> dict[tuple[str, str, str, str], dict[str, str]]:
    return {
        (row["table_id"], row["row_id"], row["group"], row["column_id"]): row
        for row in observations
    }


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of datapackage/ (sources and built output) to break and rebuild."""
    target = tmp_path / "datapackage"
    shutil.copytree(PACKAGE_DIR, target, ignore=shutil.ignore_patterns(".build-*"))
    return target


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE_DIR / "index.html").is_file():
        pytest.fail(f"{SITE_DIR} is not built: run `make build` (make test does it first)")
    return SITE_DIR


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--full",
        action="store_true",
        default=False,
        help="browser tests: draw every chart page and run axe on every page in both "
        "colour schemes (make test-full)",
    )


@pytest.fixture(scope="module")
def browser():
    """Chromium for the browser tests of one module (see browser_helpers for which one);
    missing, the module skips, or fails when CI is set."""
    from playwright.sync_api import sync_playwright

    from browser_helpers import browser_unavailable, chromium_launch_options

    options, path = chromium_launch_options()
    with sync_playwright() as playwright:
        failure = None
        try:
            chromium = playwright.chromium.launch(**options)
        except Exception as error:  # noqa: BLE001 - turned into one clear line below
            failure = error
        if failure is not None:  # outside the except: no chained traceback
            browser_unavailable(path, failure)
        yield chromium
        chromium.close()
