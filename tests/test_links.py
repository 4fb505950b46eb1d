"""Every URL and anchor we publish is a promise: the contract, and no broken links.

`tests/link_contract.txt` lists every public page, heading anchor, table/figure anchor,
recommendation anchor and short URL. Entries may be added, never removed. Regenerate the
candidate list with `python tests/test_links.py > /tmp/urls` and add new lines by hand.
"""

from __future__ import annotations

import functools
import re
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

CONTRACT = Path(__file__).with_name("link_contract.txt")
SITE = Path(__file__).resolve().parent.parent / "site"


class LinkParser(HTMLParser):
    """Ids (with repeats), links, and what the page loads by itself (scripts, styles, images)."""

    def __init__(self) -> None:
        super().__init__()
        self.id_list: list[str] = []
        self.links: list[str] = []
        self.loads: list[str] = []

    @property
    def ids(self) -> set[str]:
        return set(self.id_list)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if values.get("id"):
            self.id_list.append(values["id"])
        if tag == "a" and values.get("href"):
            self.links.append(values["href"])
        if tag in ("script", "img", "source", "iframe") and values.get("src"):
            self.loads.append(values["src"])
        if tag == "link" and values.get("href"):
            rel = values.get("rel", "").lower()
            if rel not in ("canonical", "alternate", "author", "license"):
                self.loads.append(values["href"])


@functools.cache
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


def test_contract_covers_recommendations_every_table_and_comparison_chart(site_dir, catalogue):
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
    from website import comparison, renders

    for theme in comparison.themes():  # a theme's anchor is the same in both languages
        assert f"/sammenligning/#{theme.id}" in contract
        assert f"/en/sammenligning/#{theme.id}" in contract
    for chart in comparison.all_charts():
        for format_ in renders.FORMATS:
            assert f"/download/{renders.chart_download_path(chart, format_)}" in contract
    for number in range(1, 6):
        assert any(e.endswith(f"/anbefalinger/#anbefaling-{number}") for e in contract)
        assert any(e.endswith(f"/en/anbefalinger/#recommendation-{number}") for e in contract)
        assert f"/anbefalinger/{number}/" in contract
        assert f"/en/anbefalinger/{number}/" in contract


def page_url(page: Path, site: Path) -> str:
    if page.name == "index.html":
        return url_of(page, site)
    return "/" + page.relative_to(site).as_posix()


def test_every_internal_link_load_and_anchor_resolves(site_dir):
    """Links (<a href>) and what pages load (<script src>, <link href>, <img src>) all
    point at files that exist, and every #fragment at an id on the target page. The 404
    page counts too: its paths are absolute from the site's base ("/" without site_url)."""
    broken = []
    for page in sorted(site_dir.rglob("*.html")):
        base = page_url(page, site_dir)
        parsed = parse(page)
        for kind, hrefs in (("link", parsed.links), ("load", parsed.loads)):
            for href in hrefs:
                if urlparse(href).scheme or href.startswith(("mailto:", "//", "javascript:")):
                    continue
                absolute = urljoin(base, href)
                path_part, _, fragment = absolute.partition("#")
                target = resolve(path_part.partition("?")[0], site_dir)
                if target is None:
                    broken.append(f"{base}: {kind} {href} (no such file)")
                elif fragment and target.suffix == ".html":
                    if unquote(fragment) not in parse(target).ids:
                        broken.append(f"{base}: {kind} {href} (no anchor #{fragment})")
    assert not broken, "\n".join(broken[:40])


def test_no_page_repeats_an_id(site_dir):
    """A repeated id makes a link to it land on whichever comes first."""
    repeated = []
    for page in sorted(site_dir.rglob("*.html")):
        counts = Counter(parse(page).id_list)
        repeated += [
            f"{page_url(page, site_dir)}: id {i!r} x{n}" for i, n in counts.items() if n > 1
        ]
    assert not repeated, "\n".join(repeated[:40])


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
