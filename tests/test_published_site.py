"""The site as GitHub Pages publishes it: built with SITE_URL (a public address under a
sub-path, /sbi/) and REPO_URL, served under that path, with /404.html for every missing
path.

Built twice, side by side (the default build has no site_url): the two builds must be
byte-identical, and the first is served for the tests here. With a public address every
page has a canonical link, Open Graph and Twitter metadata and absolute hreflang links to
itself in both languages; there is a sitemap with a fixed lastmod; the data page's
JSON-LD and loading snippet, and each chart page's citation, use absolute addresses; the
footer sends corrections to the repository's issue tracker and the configured contact.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import io
import json
import re
import socket
import threading
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build import mkdocs_build
from conftest import PACKAGE_DIR

PREFIX = "/sbi"
REPO_URL = "https://github.com/example-owner/sbi-2018-09"
CONTACT = "rettelser@example.org"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


VERSION = json.loads((PACKAGE_DIR / "datapackage.json").read_text(encoding="utf-8"))["version"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under PREFIX/; a missing path gets /404.html, as Pages does."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path.startswith(PREFIX + "/"):
            self.path = path[len(PREFIX) :]
            target = Path(self.translate_path(self.path))
            if target.is_file() or (target / "index.html").is_file():
                return super().send_head()
        not_found = Path(self.directory) / "404.html"
        body = not_found.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def snapshot(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def build_twice(folder: Path, environment: dict[str, str | None]) -> tuple[Path, Path]:
    """Two builds with the same environment, side by side; (first, second) site folders."""
    monkeypatch = pytest.MonkeyPatch()
    for name, value in environment.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    sites = (folder / "first", folder / "second")
    try:
        with ThreadPoolExecutor(max_workers=2) as pool:
            results = list(pool.map(mkdocs_build, sites))
    finally:
        monkeypatch.undo()
    for returncode, shown in results:
        assert returncode == 0, "\n".join(shown)
    return sites


@pytest.fixture(scope="module")
def published_builds(tmp_path_factory) -> Iterator[tuple[Path, Path, str]]:
    """(site folder, its twin build, its public address); the first is served locally."""
    port = free_port()
    address = f"http://127.0.0.1:{port}{PREFIX}/"
    environment = {
        "SITE_URL": address,
        "REPO_URL": REPO_URL,
        "CONTACT": CONTACT,
        "SOURCE_DATE_EPOCH": None,  # lastmod falls back to the package's release date
    }
    site, twin = build_twice(tmp_path_factory.mktemp("published"), environment)
    handler = functools.partial(SubPathHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield site, twin, address
    httpd.shutdown()


@pytest.fixture(scope="module")
def published(published_builds) -> tuple[Path, str]:
    site, _, address = published_builds
    return site, address


# --- What a page's <head> says ------------------------------------------------------


class Head(HTMLParser):
    """The canonical link, hreflang links and meta properties of a page's <head>."""

    def __init__(self) -> None:
        super().__init__()
        self.in_head = False
        self.canonical: list[str] = []
        self.hreflang: dict[str, list[str]] = {}
        self.meta: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "head":
            self.in_head = True
        if not self.in_head:
            return
        if tag == "link" and values.get("rel") == "canonical":
            self.canonical.append(values["href"])
        if tag == "link" and values.get("rel") == "alternate" and "hreflang" in values:
            self.hreflang.setdefault(values["hreflang"], []).append(values["href"])
        if tag == "meta" and (values.get("property") or values.get("name")):
            key = values.get("property") or values["name"]
            self.meta.setdefault(key, []).append(values.get("content", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self.in_head = False


def head(path: Path) -> Head:
    parser = Head()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def content_pages(site: Path) -> list[Path]:
    """Every page MkDocs built (not the downloads, assets or recommendation short URLs)."""
    return sorted(
        path
        for path in site.rglob("index.html")
        if not {"download", "assets"} & set(path.relative_to(site).parts)
        and not re.search(r"anbefalinger/\d/index\.html$", path.as_posix())
    )


def page_path(page: Path, site: Path) -> str:
    return page.relative_to(site).as_posix().removesuffix("index.html")


def twin_paths(path: str) -> dict[str, str]:
    danish = path.removeprefix("en/")
    return {"da": danish, "en": f"en/{danish}"}


# --- The tests -----------------------------------------------------------------------


def test_two_builds_with_a_public_address_are_identical(published_builds):
    site, twin, _ = published_builds
    first, second = snapshot(site), snapshot(twin)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, differing[:20]


def test_every_page_has_canonical_open_graph_and_hreflang_links(published):
    site, address = published
    pages = content_pages(site)
    assert len(pages) > 100
    problems = []
    for page in pages:
        path = page_path(page, site)
        own = address + path
        english = path.startswith("en/")
        found = head(page)
        expected_meta = {
            "og:url": [own],
            "og:type": ["website"],
            "og:locale": ["en_GB" if english else "da_DK"],
            "og:locale:alternate": ["da_DK" if english else "en_GB"],
            "twitter:card": ["summary"],
        }
        if found.canonical != [own]:
            problems.append(f"{path}: canonical {found.canonical}")
        for key, value in expected_meta.items():
            if found.meta.get(key) != value:
                problems.append(f"{path}: {key} {found.meta.get(key)}")
        for key in ("og:title", "og:description", "og:site_name"):
            if len(found.meta.get(key, [])) != 1 or not found.meta[key][0].strip():
                problems.append(f"{path}: {key} {found.meta.get(key)}")
        alternates = {language: address + twin for language, twin in twin_paths(path).items()}
        if found.hreflang != {language: [url] for language, url in alternates.items()}:
            problems.append(f"{path}: hreflang {found.hreflang}")
        for language, twin in twin_paths(path).items():
            if not (site / twin / "index.html").is_file():
                problems.append(f"{path}: no {language} twin {twin}")
    assert not problems, "\n".join(problems[:30])


def test_open_graph_names_the_site_and_page_in_its_language(published):
    site, _ = published
    home, english_home = head(site / "index.html"), head(site / "en" / "index.html")
    assert home.meta["og:site_name"] == ["Entydig ledelse – åbne data"]
    assert home.meta["og:title"] == ["Entydig ledelse – åbne data"]
    assert english_home.meta["og:site_name"] == ["Unified management – open data"]
    context = head(site / "en" / "resultater" / "kontekst" / "index.html")
    assert context.meta["og:title"] == ["Context"]
    assert context.meta["og:description"] == context.meta["description"]


def test_recommendation_short_urls_name_the_recommendations_page_as_canonical(published):
    site, address = published
    for language, prefix in (("da", ""), ("en", "en/")):
        found = head(site / prefix / "anbefalinger" / "1" / "index.html")
        assert found.canonical == [f"{address}{prefix}anbefalinger/"], language


def test_sitemap_lists_every_page_in_both_languages_with_a_fixed_date(published):
    site, address = published
    assert not (site / "sitemap.xml.gz").exists()
    assert not (site / "en" / "sitemap.xml").exists()
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    created = json.loads((PACKAGE_DIR / "datapackage.json").read_text(encoding="utf-8"))["created"][
        :10
    ]
    listed = {}
    for url in root.iter(f"{SITEMAP}url"):
        loc = url.findtext(f"{SITEMAP}loc")
        assert url.findtext(f"{SITEMAP}lastmod") == created, loc
        listed[loc] = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
    expected = {address + page_path(page, site) for page in content_pages(site)}
    assert set(listed) == expected
    for loc, alternates in listed.items():
        path = loc.removeprefix(address)
        assert alternates == {lang: address + p for lang, p in twin_paths(path).items()}, loc


def test_data_page_json_ld_uses_absolute_addresses_that_exist(published):
    site, address = published
    for path in ("data/", "en/data/"):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        assert match, path
        dataset = json.loads(match.group(1))
        assert dataset["url"] == address + path
        for download in dataset["distribution"]:
            url = download["contentUrl"]
            assert url.startswith(address), url
            assert (site / url.removeprefix(address)).is_file(), url


def test_chart_pages_say_how_to_cite_them_with_their_address(published):
    site, address = published
    for path, words in (
        ("diagrammer/T28/", ("Sådan citeres tabellen:", f"datapakke version {VERSION}")),
        ("en/diagrammer/F03/", ("How to cite this figure:", f"data package version {VERSION}")),
    ):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        line = re.search(r'<p class="chart-page__cite">(.*?)</p>', html, re.S)
        assert line, path
        assert all(word in line.group(1) for word in words), line.group(1)
        assert line.group(1).endswith(f", {address}{path}."), line.group(1)


def test_footer_names_publisher_release_and_where_corrections_go(published):
    site, _ = published
    for page in content_pages(site):
        html = page.read_text(encoding="utf-8")
        footer = re.search(r'<div class="md-copyright__release">(.*?)</div>', html, re.S)
        assert footer, page
        assert "Open-data re-publication team" in footer.group(1), page
        assert f"Version {VERSION}" in footer.group(1), page
        assert f'<a href="{REPO_URL}/issues">' in footer.group(1), page
        assert f'<a href="mailto:{CONTACT}">{CONTACT}</a>' in footer.group(1), page
    danish = (site / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "index.html").read_text(encoding="utf-8")
    assert "2026 · Rettelser:" in danish
    assert "2026 · Corrections:" in english


def test_about_this_site_names_the_publisher_and_the_corrections_route(published):
    site, _ = published
    for path, anchor in (("om-siden/", "udgiver"), ("en/om-siden/", "publisher")):
        html = (site / path / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html
        assert '<p class="publisher">' in html and "Open-data re-publication team" in html
        corrections = re.search(r'<p class="corrections">(.*?)</p>', html, re.S)
        assert corrections, path
        assert f'href="{REPO_URL}/issues"' in corrections.group(1)
        assert f'href="mailto:{CONTACT}"' in corrections.group(1)


def test_repository_link_does_not_ask_github_for_facts(published):
    """Material's repository widget calls api.github.com on every visit when it carries
    data-md-component="source"; the theme's partials/source.html leaves it out."""
    site, _ = published
    html = (site / "index.html").read_text(encoding="utf-8")
    assert f'<a href="{REPO_URL}"' in html
    assert 'data-md-component="source"' not in html


def test_one_404_page_at_the_root(published):
    site, _ = published
    assert (site / "404.html").is_file()
    assert not (site / "en" / "404.html").exists()
    found = head(site / "404.html")
    assert not found.canonical and not found.hreflang and "og:url" not in found.meta


@pytest.mark.parametrize(
    ("path", "language", "heading"),
    [
        ("findes-ikke/", "da", "Siden findes ikke"),
        ("resultater/findes/ikke/dybt/", "da", "Siden findes ikke"),
        ("en/no-such-page/", "en", "Page not found"),
        ("en/resultater/no/such/deep/page", "en", "Page not found"),
    ],
)
def test_404_works_at_any_depth_in_both_languages(published, browser, path, language, heading):
    _, address = published
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on(
        "response",
        lambda r: failed.append(r.url) if r.status >= 400 and r.url != address + path else None,
    )
    response = page.goto(address + path, wait_until="load")
    assert response is not None and response.status == 404
    assert page.get_attribute("html", "lang") == language
    assert page.locator("h1").count() == 1
    assert heading in page.locator("h1").inner_text()
    assert page.title().startswith(heading)
    # The stylesheet arrived (Material's grid is laid out) and nothing else 404'd.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )
    assert not failed, failed
    home = page.locator(f".not-found[data-language='{language}'] a").first.get_attribute("href")
    assert home == f"{PREFIX}/" + ("en/" if language == "en" else "")
    # The footer's release line is shown in the requested path's language only.
    shown = page.locator(".md-copyright__release:visible")
    assert shown.count() == 1 and shown.get_attribute("lang") == language
    licence = page.locator(".md-copyright__highlight").inner_text()
    assert licence.startswith("Data and text" if language == "en" else "Data og tekst")
    page.close()


@pytest.mark.parametrize(
    "path", ["", "en/", "resultater/kontekst/", "en/diagrammer/T28/", "en/data/"]
)
def test_pages_with_a_public_address_load_without_errors_or_other_hosts(published, browser, path):
    """Every request succeeds (Material looks for a sitemap beside each hreflang link;
    theme/partials/sbi/head.html keeps them out of that lookup) and none leaves the
    site (the repository link fetches nothing); the hreflang links are in the page."""
    _, address = published
    host = urlsplit(address).netloc
    page = browser.new_page()
    problems: list[str] = []
    page.on("requestfailed", lambda request: problems.append(f"failed {request.url}"))
    page.on(
        "response",
        lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400 else None,
    )
    page.on(
        "request",
        lambda r: (
            problems.append(f"other host {r.url}")
            if urlsplit(r.url).scheme in ("http", "https") and urlsplit(r.url).netloc != host
            else None
        ),
    )
    response = page.goto(address + path, wait_until="load")
    assert response is not None and response.status == 200
    page.wait_for_timeout(500)
    assert not problems, problems
    hreflang = page.eval_on_selector_all(
        'link[rel="alternate"][hreflang]', "links => links.map(l => l.hreflang)"
    )
    assert hreflang == ["da", "en"]
    page.close()


def test_language_switcher_keeps_the_anchor_with_a_public_address(published, browser):
    _, address = published
    page = browser.new_page()
    page.goto(address + "om-siden/#fejl", wait_until="load")
    page.wait_for_timeout(300)
    with page.expect_navigation():
        page.eval_on_selector("a.md-select__link[hreflang='en']", "link => link.click()")
    assert page.url == address + "en/om-siden/#errors"
    page.close()


def test_loading_snippet_for_the_site_address_runs(published):
    """With a public address the data page also shows a snippet that reads from it."""
    from test_load_snippets import python_snippets

    site, address = published
    for page in ("data/index.html", "en/data/index.html"):
        snippets = python_snippets(site / page)
        from_site = [code for code in snippets if address in code]
        assert len(from_site) == 1, page
        namespace: dict[str, object] = {}
        exec(compile(from_site[0], page, "exec"), namespace)  # noqa: S102 - our own page
        assert len(namespace["observations"]) > 1000


def test_home_language_switcher_stays_under_the_sub_path(published):
    site, _ = published
    for page, expected in (
        ("index.html", ('"./"', '"en/"')),
        ("en/index.html", ('"../"', '"../en/"')),
    ):
        html = (site / page).read_text(encoding="utf-8")
        for language, href in zip(("da", "en"), expected, strict=True):
            assert f'href={href} hreflang="{language}"' in html, (page, language)
