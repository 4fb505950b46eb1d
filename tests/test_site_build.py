"""The site step: strict (every MkDocs warning fails), complete (every page in both
languages) and atomic (a failed build leaves the previous site/ exactly as it was).

Runs the real build on a copy of the project, so the work tree is never touched.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from build import STAGING_PREFIX, build_site
from conftest import ROOT


def snapshot(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Iterator[Path]:
    """A copy of the project with a site built by build_site (so the swap is exercised)."""
    root = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "CHANGELOG.md", "CITATION.cff"):
        shutil.copy(ROOT / name, root)
    ignore = shutil.ignore_patterns("__pycache__", ".build-*")
    for folder in ("docs", "scripts", "datapackage"):
        shutil.copytree(ROOT / folder, root / folder, ignore=ignore)
    assert build_site(root) == 0
    yield root


@pytest.fixture
def previous_site(project) -> Iterator[dict[str, str]]:
    """The built site before a test breaks a page; the page is restored afterwards."""
    docs = project / "docs"
    backup = {path: path.read_bytes() for path in docs.glob("*.md")}
    yield snapshot(project / "site")
    for path in docs.glob("*.md"):
        if path not in backup:
            path.unlink()
    for path, content in backup.items():
        path.write_bytes(content)


def test_build_writes_both_languages_and_leaves_no_staging(project):
    site = project / "site"
    assert (site / "index.html").is_file() and (site / "en" / "index.html").is_file()
    assert not list(project.glob(f"{STAGING_PREFIX}*"))


def failed_build(project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert build_site(project) == 1
    assert not list(project.glob(f"{STAGING_PREFIX}*"))
    return capsys.readouterr().err


def test_a_broken_link_fails_the_build_and_keeps_the_site(project, previous_site, capsys):
    with (project / "docs" / "ordliste.md").open("a", encoding="utf-8") as page:
        page.write("\n[x](findes-ikke.md)\n")
    output = failed_build(project, capsys)
    assert "ordliste.md" in output and "findes-ikke.md" in output
    assert snapshot(project / "site") == previous_site


def test_a_broken_anchor_fails_the_build(project, previous_site, capsys):
    with (project / "docs" / "ordliste.en.md").open("a", encoding="utf-8") as page:
        page.write("\n[x](data.md#no-such-heading)\n")
    output = failed_build(project, capsys)
    assert "no-such-heading" in output
    assert snapshot(project / "site") == previous_site


@pytest.mark.parametrize(
    ("removed", "twin"), [("om-siden.en.md", "om-siden.md"), ("om-siden.md", "om-siden.en.md")]
)
def test_a_page_without_its_twin_fails_the_build(project, previous_site, capsys, removed, twin):
    (project / "docs" / removed).unlink()
    output = failed_build(project, capsys)
    assert f"docs/{twin} has no" in output
    assert snapshot(project / "site") == previous_site


def test_an_error_on_an_english_page_keeps_the_whole_previous_site(project, previous_site, capsys):
    """Before the staging folder, this left a Danish-only site/."""
    with (project / "docs" / "anbefalinger.en.md").open("a", encoding="utf-8") as page:
        page.write('\nSee {{ pct("T99", "x", "y") }}.\n')
    output = failed_build(project, capsys)
    assert "T99" in output
    assert snapshot(project / "site") == previous_site
