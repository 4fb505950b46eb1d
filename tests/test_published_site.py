"""The site as GitHub Pages publishes it: built with SITE_URL (a public address under a
sub-path, /sbi/), served under that path, with /404.html for every missing path.

One build of its own (the default build has no site_url), shared by the tests here.
"""

from __future__ import annotations

import functools
import http.server
import io
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from build import mkdocs_build

PREFIX = "/sbi"


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


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Iterator[tuple[Path, str]]:
    """(site folder, its public address) for a build with SITE_URL, served locally."""
    port = free_port()
    address = f"http://127.0.0.1:{port}{PREFIX}/"
    site = tmp_path_factory.mktemp("published") / "site"
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("SITE_URL", address)
    returncode, shown = mkdocs_build(site)
    monkeypatch.undo()
    assert returncode == 0, "\n".join(shown)
    handler = functools.partial(SubPathHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield site, address
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    from test_browser import ARGS, CHROMIUM

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def test_one_404_page_at_the_root(published):
    site, _ = published
    assert (site / "404.html").is_file()
    assert not (site / "en" / "404.html").exists()


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
