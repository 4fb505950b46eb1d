"""Every URL and anchor we publish is a promise: the contract, and no broken links.

`tests/link_contract.txt` lists every public page, heading anchor, table/figure anchor,
recommendation anchor and short URL. Entries may be added, never removed. Regenerate the
candidate list with `python tests/test_links.py > /tmp/urls` and add new lines by hand.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

CONTRACT = Path(__file__).with_name("link_contract.txt")
SITE = Path(__file__).resolve().parent.parent / "site"


class LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")


def parse(path: Path) -> LinkParser:
    parser = LinkParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def url_of(path: Path, site: Path) -> str:
    relative = path.relative_to(site).as_posix()
    return "/" + relative.removesuffix("index.html")


def resolve(url: str, site: Path) -> Path | None:
    path = site / unquote(url).lstrip("/")
    if url.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def public_urls(site: Path) -> list[str]:
    entries = []
    for path in sorted(site.rglob("index.html")):
        if "assets" in path.parts or "search" in path.parts:
            continue
        url = url_of(path, site)
        entries.append(url)
        html = path.read_text(encoding="utf-8")
        anchors = re.findall(r'<h2 id="([^"]+)"', html)
        anchors += re.findall(r'<section class="report-table" id="([^"]+)"', html)
        entries += [f"{url}#{anchor}" for anchor in anchors]
    return entries


def test_every_contracted_url_and_anchor_exists(site_dir):
    missing = []
    for line in CONTRACT.read_text(encoding="utf-8").splitlines():
        entry = line.strip()
        if not entry or entry.startswith("#"):
            continue
        url, _, fragment = entry.partition("#")
        target = resolve(url, site_dir)
        if target is None:
            missing.append(f"{entry}: page missing")
        elif fragment and fragment not in parse(target).ids:
            missing.append(f"{entry}: anchor missing")
    assert not missing, "\n".join(missing)


def test_contract_covers_recommendations_and_every_table(site_dir, catalogue):
    contract = set(CONTRACT.read_text(encoding="utf-8").split())
    for table_id, entry in catalogue.items():
        da, en = ("tabel", "table") if table_id[0] == "T" else ("figur", "figure")
        number = int(table_id[1:])
        assert any(e.endswith(f"#{da}-{number}") and not e.startswith("/en/") for e in contract), (
            table_id
        )
        assert any(e.endswith(f"#{en}-{number}") and e.startswith("/en/") for e in contract), (
            table_id
        )
        if entry["in_package"] == "true":
            assert f"/diagrammer/{table_id}/" in contract
            assert f"/en/diagrammer/{table_id}/" in contract
    for number in range(1, 6):
        assert any(e.endswith(f"/anbefalinger/#anbefaling-{number}") for e in contract)
        assert any(e.endswith(f"/en/anbefalinger/#recommendation-{number}") for e in contract)
        assert f"/anbefalinger/{number}/" in contract
        assert f"/en/anbefalinger/{number}/" in contract


def test_every_internal_link_and_anchor_resolves(site_dir):
    broken = []
    parsed: dict[Path, LinkParser] = {}
    for page in sorted(site_dir.rglob("*.html")):
        base = (
            url_of(page, site_dir)
            if page.name == "index.html"
            else "/" + page.relative_to(site_dir).as_posix()
        )
        if page.name == "404.html":
            continue
        for href in parse(page).links:
            parts = urlparse(href)
            if parts.scheme or href.startswith(("mailto:", "//", "javascript:")):
                continue
            absolute = urljoin(base, href)
            path_part, _, fragment = absolute.partition("#")
            target = resolve(path_part, site_dir)
            if target is None:
                broken.append(f"{base}: {href} (no such file)")
                continue
            if fragment and target.suffix == ".html":
                ids = parsed.setdefault(target, parse(target)).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{base}: {href} (no anchor #{fragment})")
    assert not broken, "\n".join(broken[:40])


if __name__ == "__main__":
    extra = [f"/anbefalinger/{n}/" for n in range(1, 6)] + [
        f"/en/anbefalinger/{n}/" for n in range(1, 6)
    ]
    sys.stdout.write("\n".join(sorted(set(public_urls(SITE) + extra))) + "\n")


def test_pages_link_to_pages_in_their_own_language(site_dir):
    """An English page's links stay on English pages (downloads and assets are shared),
    and a Danish page's stay on Danish ones; only the language switcher crosses over."""
    crossing = []
    for page in sorted(site_dir.rglob("index.html")):
        base = url_of(page, site_dir)
        if base.split("/")[-2:-1] and base.rstrip("/").split("/")[-1].isdigit():
            continue  # recommendation short URLs
        english = base.startswith("/en/")
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<a href="([^"#][^"]*)"(?![^>]*hreflang)', html)
        for href in links:
            if urlparse(href).scheme or href.startswith(("mailto:", "//")):
                continue
            target = urljoin(base, href)
            if target.startswith(("/download/", "/assets/")) or "/download/" in target:
                continue
            if target.startswith("/en/") != english:
                crossing.append(f"{base}: {href}")
    assert not crossing, "\n".join(crossing[:30])
