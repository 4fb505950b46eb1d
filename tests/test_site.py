"""The built site: both languages, correct lang, downloads, no third-party requests."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

from conftest import PACKAGE_DIR

ZIP = "download/sbi-2018-09-entydig-ledelse.zip"


def pages(site_dir: Path) -> list[Path]:
    return sorted(
        path
        for path in site_dir.rglob("index.html")
        if "download" not in path.parts and "assets" not in path.parts
    )


def danish_pages(site_dir: Path) -> set[str]:
    return {
        str(path.relative_to(site_dir))
        for path in pages(site_dir)
        if path.relative_to(site_dir).parts[0] != "en"
    }


def english_pages(site_dir: Path) -> set[str]:
    return {
        str(path.relative_to(site_dir / "en"))
        for path in pages(site_dir)
        if path.relative_to(site_dir).parts[0] == "en"
    }


def test_both_languages_have_the_same_pages(site_dir):
    danish, english = danish_pages(site_dir), english_pages(site_dir)
    assert danish, "no Danish pages built"
    assert danish == english


class ResourceCollector(HTMLParser):
    """Collects every URL the browser would fetch by itself (not plain links)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and values.get("src"):
            self.urls.append(values["src"] or "")
        if tag == "link" and values.get("href"):
            rel = (values.get("rel") or "").lower()
            if rel not in ("canonical", "alternate", "author", "license"):
                self.urls.append(values["href"] or "")


def test_no_page_loads_anything_from_another_host(site_dir):
    offenders = []
    for path in site_dir.rglob("*.html"):
        collector = ResourceCollector()
        collector.feed(path.read_text(encoding="utf-8"))
        offenders += [(str(path), url) for url in collector.urls if re.match(r"^(https?:)?//", url)]
    for path in site_dir.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", path.read_text(encoding="utf-8", errors="ignore")):
            if re.match(r"^[\"']?(https?:)?//", url):
                offenders.append((str(path), url))
    assert not offenders, offenders[:10]


def test_download_zip_holds_exactly_the_committed_package(site_dir):
    archive = zipfile.ZipFile(io.BytesIO((site_dir / ZIP).read_bytes()))
    names = sorted(archive.namelist())
    expected = ["README.md", "datapackage.json"] + sorted(
        f"data/{p.name}" for p in (PACKAGE_DIR / "data").glob("*.csv")
    )
    assert names == sorted(expected)
    for name in names:
        assert archive.read(name) == (PACKAGE_DIR / name).read_bytes(), name


def test_checksums_match_the_downloads(site_dir):
    lines = (site_dir / "download" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 6
    for line in lines:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((site_dir / "download" / name).read_bytes()).hexdigest() == digest


def test_home_pages_link_the_package_download(site_dir):
    assert ZIP in (site_dir / "index.html").read_text(encoding="utf-8")
    assert "../" + ZIP in (site_dir / "en" / "index.html").read_text(encoding="utf-8")


# Percentages that are category bounds or the report's display rule, not results:
# "under 15 %", "15–45 %", "over 45 %" (municipal groups), "under 5 %" (hidden values),
# "100 %" (a misprinted total described in words).
CATEGORY_BOUNDS = {"5", "15", "45", "100"}


def test_no_result_percentages_are_typed_by_hand_in_page_text():
    docs = Path(__file__).resolve().parent.parent / "docs"
    typed = []
    for path in sorted(docs.rglob("*.md")):
        text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)
        text = re.sub(r"\{\{[^}]*\}\}", "", text)
        for match in re.finditer(r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?%", text):
            if match.group(1) not in CATEGORY_BOUNDS:
                typed.append(f"{path.relative_to(docs)}: {match.group(0)!r}")
    assert not typed, "use a number macro (pct/count/value) instead:\n" + "\n".join(typed)


def test_every_page_has_its_own_description_for_link_previews(site_dir):
    defaults = set()
    for path in pages(site_dir):
        html = path.read_text(encoding="utf-8")
        match = re.search(r'<meta name="description" content="([^"]+)"', html)
        assert match, f"{path}: no description"
        defaults.add(match.group(1))
    # Each page has its own text, not the site-wide default.
    assert len(defaults) == len(pages(site_dir)), "some pages share a description"


def test_pages_use_relative_links_so_the_site_works_under_any_path(site_dir):
    """No root-absolute URL (href="/…"): the site can be served from a sub-folder
    (GitHub Pages project site, an intranet share) or opened offline."""
    absolute = []
    for path in site_dir.rglob("*.html"):
        if path.name == "404.html":  # served at arbitrary URLs, so it needs root paths
            continue
        for match in re.finditer(
            r'(?:href|src)="(/[^/"][^"]*|/)"', path.read_text(encoding="utf-8")
        ):
            absolute.append(f"{path.relative_to(site_dir)}: {match.group(1)}")
    assert not absolute, absolute[:10]
