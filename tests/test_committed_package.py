"""The package in the repository is the one the sources build.

`make test` runs `make build` first, which rewrites datapackage/ in the work tree, so
comparing a fresh build with the work tree proves nothing. Compare it with what git
holds instead (the index: in a clean checkout that is the commit; locally it is what
you have staged), so a source change without its regenerated package fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import PACKAGE_DIR, ROOT
from package.publish import build


def generated_files(package_dir: Path) -> dict[str, bytes]:
    files = [package_dir / "datapackage.json", package_dir / "README.md"]
    files += sorted((package_dir / "data").glob("*"))
    return {f"datapackage/{p.relative_to(package_dir).as_posix()}": p.read_bytes() for p in files}


def committed_files() -> dict[str, bytes]:
    """The generated package files as staged in git (path -> content)."""
    listing = (
        subprocess.run(
            [
                "git",
                "ls-files",
                "-z",
                "--",
                "datapackage/datapackage.json",
                "datapackage/README.md",
                "datapackage/data/",
            ],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode("utf-8")
        .split("\0")
    )
    return {
        path: subprocess.run(
            ["git", "show", f":{path}"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        for path in listing
        if path
    }


@pytest.fixture(scope="module")
def in_git() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        if os.environ.get("CI"):
            pytest.fail(
                "CI must run on a git checkout: the committed package is checked against git"
            )
        pytest.skip("not a git checkout")


def test_committed_package_is_what_the_sources_build(in_git, tmp_path):
    copy = tmp_path / "datapackage"
    shutil.copytree(PACKAGE_DIR / "source", copy / "source")
    build(copy)
    fresh, committed = generated_files(copy), committed_files()
    stale = sorted(p for p in fresh.keys() & committed.keys() if fresh[p] != committed[p])
    missing = sorted(fresh.keys() - committed.keys())
    extra = sorted(committed.keys() - fresh.keys())
    assert not (stale or missing or extra), (
        f"datapackage/ in git is not what the sources build: differs {stale}, "
        f"not committed {missing}, no longer built {extra}. "
        "Run `make build` and commit datapackage/."
    )
