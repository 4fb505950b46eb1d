"""Pages rendered in a real browser (Debian's Chromium driven by Playwright).

Serves site/ on 127.0.0.1 and, for every page in both languages, checks that it
renders with the right language, logs no console error and requests nothing from any
host but the local server. Also: the language switcher keeps the #anchor.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.skipif(
    shutil.which(CHROMIUM) is None,
    reason="Debian's chromium is not installed (apt-get install chromium)",
)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


def site_pages(site_dir: Path) -> list[str]:
    return sorted(
        "/" + path.relative_to(site_dir).as_posix().removesuffix("index.html")
        for path in site_dir.rglob("index.html")
        if not {"assets", "search", "download"} & set(path.parts) and not path.parent.name.isdigit()
    )


def test_every_page_renders_cleanly_and_only_locally(site_dir, server, browser):
    problems = []
    page = browser.new_page()
    host = urlparse(server).netloc
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url)
            if urlparse(r.url).netloc not in (host, "") and not r.url.startswith(("data:", "blob:"))
            else None
        ),
    )
    paths = site_pages(site_dir)
    assert len(paths) >= 10
    for path in paths:
        errors.clear()
        foreign.clear()
        page.goto(server + path, wait_until="load")
        language = "en" if path.startswith("/en/") else "da"
        if page.get_attribute("html", "lang") != language:
            problems.append(f"{path}: lang is not {language}")
        if not page.locator("h1").first.is_visible():
            problems.append(f"{path}: no visible h1")
        if errors:
            problems.append(f"{path}: console errors {errors}")
        if foreign:
            problems.append(f"{path}: requests to other hosts {foreign}")
    page.close()
    assert not problems, "\n".join(problems)


def test_language_switcher_keeps_the_anchor(server, browser):
    page = browser.new_page()
    page.goto(server + "/resultater/bestyrelser/#tabel-7")
    page.locator('a.md-select__link[hreflang="en"]').first.dispatch_event("click")
    page.wait_for_url("**/en/resultater/bestyrelser/**")
    assert page.url.endswith("/en/resultater/bestyrelser/#table-7")
    page.locator('a.md-select__link[hreflang="da"]').first.dispatch_event("click")
    page.wait_for_url("**/resultater/bestyrelser/#tabel-7")
    page.close()


def test_phone_width_has_no_horizontal_page_scroll(server, browser):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    for path in ("/", "/en/", "/resultater/organisationsstruktur/", "/en/anbefalinger/"):
        page.goto(server + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{path} scrolls sideways by {overflow}px on a phone"
    page.close()


COUNT_MARKS = """
(figure) => {
  const plot = figure.querySelector('.chart-plot');
  // A bar with no value (hidden, lost) or a value of 0 has no width: not a drawn mark.
  const bars = [...plot.querySelectorAll('.barlayer .point path')]
    .filter((p) => p.getBBox().width > 0.1);
  const dots = plot.querySelectorAll('.scatterlayer .point');
  return bars.length + dots.length;
}
"""


def test_every_chart_renders_all_its_marks(site_dir, server, browser):
    problems = []
    page = browser.new_page(viewport={"width": 1000, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    charts = 0
    for path in site_pages(site_dir):
        page.goto(server + path, wait_until="load")
        figures = page.locator("figure.chart")
        for index in range(figures.count()):
            figure = figures.nth(index)
            figure.scroll_into_view_if_needed()
            try:
                page.wait_for_function(
                    "(f) => f.dataset.rendered === 'true'",
                    arg=figure.element_handle(),
                    timeout=5000,
                )
            except Exception:  # noqa: BLE001 - reported below with the page and chart
                problems.append(f"{path}: chart {index + 1} did not render")
                continue
            expected = int(figure.get_attribute("data-marks"))
            drawn = figure.evaluate(COUNT_MARKS)
            if drawn != expected:
                problems.append(
                    f"{path}: chart {index + 1} drew {drawn} marks, expected {expected}"
                )
            charts += 1
    page.close()
    assert not errors, errors[:5]
    assert not problems, "\n".join(problems[:20])
    assert charts >= 2 * 53, f"only {charts} charts rendered"


@pytest.mark.parametrize(
    ("path", "query", "language"),
    [("/resultater/", "bestyrelserne", "da"), ("/en/resultater/", "board", "en")],
)
def test_search_returns_only_the_current_language(server, browser, path, query, language):
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    page.goto(server + path)
    page.fill("input.md-search__input", query)
    page.wait_for_selector(".md-search-result__item a", timeout=5000)
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    page.close()
    assert links
    in_english = [urlparse(link).path.startswith("/en/") for link in links]
    assert all(in_english) if language == "en" else not any(in_english), links


AXE = Path(__file__).with_name("vendor") / "axe-core-4.14.1.min.js"
WCAG_AA = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_have_no_wcag_aa_violations(site_dir, server, browser, scheme):
    page = browser.new_page(viewport={"width": 1200, "height": 900}, color_scheme=scheme)
    paths = [p for p in site_pages(site_dir) if "/diagrammer/T" not in p]
    paths += ["/diagrammer/T20/", "/en/diagrammer/T41/"]
    problems = []
    for path in paths:
        page.goto(server + path, wait_until="load")
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        page.wait_for_timeout(300)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            "async () => (await axe.run(document, {runOnly: " + WCAG_AA + "})).violations"
            ".map(v => `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}`)"
        )
        problems += [f"{path}: {violation}" for violation in violations]
    page.close()
    assert not problems, "\n".join(problems[:30])
