"""The machinery behind tests/test_browser.py: serve site/, find Chromium, and visit
every page once, collecting everything the browser tests assert on.

One visit of a page (tests/test_browser.py's `browser_pass`) records, in that one load:
the <html lang>, whether the first h1 is visible, the headings, console errors and
uncaught page errors, requests to hosts other than the local server, and (when the
plan asks for it) the marks each chart drew and axe-core's WCAG 2.1 AA violations with
every <details> opened. Pages are visited by a few browser tabs at once (async
Playwright in a thread of its own, so it does not clash with the sync API the other
tests use).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import http.server
import json
import os
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

DEFAULT_CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Desktop, and a phone (WCAG 1.4.10 reflow is judged at 320-ish CSS px): what scrolls
# sideways there must be reachable by keyboard (axe: scrollable-region-focusable).
VIEWPORTS = {"desktop": {"width": 1200, "height": 900}, "phone": {"width": 375, "height": 800}}
AXE = Path(__file__).with_name("vendor") / "axe-core-4.14.1.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHART_TIMEOUT_MS = 10_000  # for one chart to draw
VISIT_TIMEOUT_S = 120  # for everything on one page
# Tabs visiting pages at the same time: the work is CPU-bound, so one per core, at most
# four. BROWSER_TABS=n overrides.
WORKERS = int(os.environ.get("BROWSER_TABS") or max(1, min(4, os.cpu_count() or 1)))


# --- Chromium ----------------------------------------------------------------------


def chromium_launch_options() -> tuple[dict, str]:
    """Playwright launch options and the path they use, for the message if it fails.

    CHROMIUM=/path overrides Debian's /usr/bin/chromium. With neither, fall back to
    Playwright's own bundled Chromium (e.g. after `playwright install chromium`).
    """
    configured = os.environ.get("CHROMIUM", "")
    path = configured or DEFAULT_CHROMIUM
    if Path(path).is_file() or configured:
        return {"executable_path": path, "args": ARGS}, path
    return {"args": ARGS}, path


def browser_unavailable(path: str, error: BaseException | None = None) -> None:
    """Fail (in CI, where a skipped browser test would hide everything) or skip."""
    message = f"Chromium not found at {path}: apt-get install -y chromium"
    if error is not None and Path(path).is_file():
        message = f"Chromium at {path} did not start: {str(error).splitlines()[0]}"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


# --- The local server --------------------------------------------------------------


# The vendored axe-core, served next to the site (a script the browser caches and
# compiles once, rather than 500 kB sent into every page).
AXE_URL = "/__browser-tests__/axe.min.js"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive: one connection for a page's files

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def translate_path(self, path: str) -> str:
        if path.split("?")[0] == AXE_URL:
            return str(AXE)
        return super().translate_path(path)

    def handle(self) -> None:
        try:
            super().handle()
        except ConnectionError:  # the browser left the page before a file was sent
            pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


# --- Which pages, and what to do on each -------------------------------------------


def site_pages(site_dir: Path) -> list[str]:
    return sorted(
        "/" + path.relative_to(site_dir).as_posix().removesuffix("index.html")
        for path in site_dir.rglob("index.html")
        if not {"assets", "search", "download"} & set(path.parts) and not path.parent.name.isdigit()
    )


def language_of(path: str) -> str:
    return "en" if path.startswith("/en/") else "da"


CHART_PAGE = re.compile(r"^/(en/)?diagrammer/([A-Z]\d+)/$")
FIGURE = re.compile(
    r'<figure class="chart"(?P<attrs>[^>]*)>.*?'
    r'<script type="application/json" class="chart-data">(?P<json>.*?)</script>',
    re.S,
)


def charts_in(html: str) -> list[tuple[str, str]]:
    """(kind, fingerprint) of each chart: the kind names the chart's form, the
    fingerprint is the figure's attributes and data, so equal charts compare equal."""
    found = []
    for match in FIGURE.finditer(html):
        attrs, data = match["attrs"], match["json"]
        kind = re.search(r'data-chart-kind="([^"]*)"', attrs)
        try:
            y = json.loads(data)["data"][0]["y"]
            levels = "two-level axis" if y and isinstance(y[0], list) else "one-level axis"
        except (ValueError, KeyError, IndexError, TypeError):
            levels = "unreadable data"  # drawn and reported by the chart check
        fingerprint = hashlib.sha1((attrs + data).encode()).hexdigest()
        found.append((f"{kind[1] if kind else '?'}, {levels}", fingerprint))
    return found


@dataclass(frozen=True)
class Visit:
    path: str
    scheme: str = "light"
    charts: bool = False  # draw every chart and count its marks
    axe: bool = False  # open every <details>, then run axe-core
    width: str = "desktop"  # a key of VIEWPORTS

    @property
    def label(self) -> str:
        marks = [m for m in (self.scheme, self.width) if m not in ("light", "desktop")]
        return f"{self.path} [{', '.join(marks)}]" if marks else self.path

    @property
    def context(self) -> tuple[str, bool, str]:
        return (self.scheme, self.charts, self.width)


@dataclass
class Plan:
    visits: list[Visit]
    # Chart pages not drawn: each names the drawn page that shows the same chart.
    covered_elsewhere: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def plan_visits(site_dir: Path, full: bool, dark_pages: tuple[str, ...]) -> Plan:
    """Every page once in the light scheme; charts and axe everywhere but on the
    /diagrammer/<ID>/ chart pages, which repeat the charts of the findings pages in one
    template: there, one page per language and kind of chart (chart form, one- or
    two-level axis, table or figure), plus any page whose chart no other page shows.
    A few pages, one per template, again in the dark scheme. Every Danish page but the
    chart pages again at phone width, with axe (each English page is its twin's
    template; `full` checks them too).

    full: every page in both schemes, every chart drawn, axe on every page; every page
    at phone width too.
    """
    paths = site_pages(site_dir)
    if full:
        visits = [
            Visit(p, scheme, charts=True, axe=True) for scheme in ("light", "dark") for p in paths
        ]
        return Plan(visits + [Visit(p, axe=True, width="phone") for p in paths])
    plan = Plan([])
    elsewhere: dict[str, str] = {}  # chart fingerprint -> a page that draws it
    chart_pages: dict[str, list[tuple[str, str]]] = {}
    for path in paths:
        html = (site_dir / path.lstrip("/") / "index.html").read_text(encoding="utf-8")
        charts = charts_in(html)
        if CHART_PAGE.match(path):
            chart_pages[path] = charts
        else:
            for _kind, fingerprint in charts:
                elsewhere.setdefault(fingerprint, path)
    sampled: set[str] = set()
    seen_kinds: set[tuple[str, str, str]] = set()
    for path, charts in chart_pages.items():
        table_or_figure = CHART_PAGE.match(path)[2][0]
        kinds = {(language_of(path), kind, table_or_figure) for kind, _ in charts}
        if not kinds <= seen_kinds or not charts:
            sampled.add(path)
            seen_kinds |= kinds
        elif any(fingerprint not in elsewhere for _, fingerprint in charts):
            sampled.add(path)
        else:
            plan.covered_elsewhere[path] = elsewhere[charts[0][1]]
    for path in paths:
        check = path not in chart_pages or path in sampled
        plan.visits.append(Visit(path, charts=check, axe=check))
    plan.visits += [
        Visit(p, axe=True, width="phone")
        for p in paths
        if p not in chart_pages and language_of(p) == "da"
    ]
    for path in dark_pages:
        if path not in paths:
            plan.problems.append(f"{path}: dark-scheme page is not in the site (update DARK_PAGES)")
        else:
            plan.visits.append(Visit(path, "dark", charts=True, axe=True))
    return plan


# --- One visit ---------------------------------------------------------------------

# In the page: language, h1, headings; then (charts) every chart scrolled into view,
# waited for and its marks counted; then (axe) every <details> opened.
PROBE = """
async ({charts, openDetails, timeout}) => {
  const shown = (el) => {
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  const result = {
    lang: document.documentElement.getAttribute('lang'),
    h1: shown(document.querySelector('h1')),
    headings: [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
      .map((h) => [Number(h.tagName[1]), h.textContent.trim()]),
    charts: [],
  };
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  // site.js sets data-rendered="true" once Plotly has drawn the chart.
  const rendered = (figure) => new Promise((resolve) => {
    if (figure.dataset.rendered === 'true') return resolve();
    const observer = new MutationObserver(() => {
      if (figure.dataset.rendered === 'true') done();
    });
    const timer = setTimeout(() => done(), timeout);
    const done = () => { clearTimeout(timer); observer.disconnect(); resolve(); };
    observer.observe(figure, {attributes: true, attributeFilter: ['data-rendered']});
  });
  if (openDetails) {
    document.querySelectorAll('details').forEach((d) => { d.open = true; });
    // site.css leaves blocks out of view unrendered (content-visibility: auto); axe
    // judges colours and sizes from rendered boxes, so render the whole page.
    const renderAll = document.createElement('style');
    renderAll.textContent = '* { content-visibility: visible !important; }';
    document.head.append(renderAll);
    await frame();
  }
  if (charts) {
    const figures = [...document.querySelectorAll('figure.chart')];
    for (const [index, figure] of figures.entries()) {
      figure.scrollIntoView({block: 'center'});
      await rendered(figure);
      const chart = {
        number: index + 1,
        id: (figure.querySelector('.chart-plot') || {}).id || '',
        expected: Number(figure.dataset.marks),
        drawn: null,
      };
      if (figure.dataset.rendered === 'true') {
        const plot = figure.querySelector('.chart-plot');
        // A bar with no value (hidden, lost) or a value of 0 has no width: not a drawn mark.
        const bars = [...plot.querySelectorAll('.barlayer .point path')]
          .filter((p) => p.getBBox().width > 0.1);
        chart.drawn = bars.length + plot.querySelectorAll('.scatterlayer .point').length;
      }
      result.charts.push(chart);
    }
  }
  if (openDetails) {
    // As a reader would reach the end; then let anything still moving settle (a
    // half-faded title fails color-contrast).
    window.scrollTo(0, document.body.scrollHeight);
    const deadline = performance.now() + 3000;
    for (let quiet = 0; quiet < 2 && performance.now() < deadline;) {
      await frame();
      await frame();
      const ending = document.getAnimations()
        .filter((a) => a.playState !== 'finished' && a.playState !== 'idle')
        .filter((a) => a.effect && a.effect.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => null));
      quiet = ending.length ? 0 : quiet + 1;
      await Promise.race([Promise.all(ending), new Promise((r) => setTimeout(r, 1000))]);
    }
  }
  return result;
}
"""

# On a chart page not in the sample, its chart (drawn on its findings page, same data)
# is left undrawn: site.js draws a chart when it scrolls into view, and drawing is most
# of what such a page costs.
NO_CHART_DRAWING = """
(() => {
  const observe = IntersectionObserver.prototype.observe;
  IntersectionObserver.prototype.observe = function (target) {
    if (!(target instanceof Element && target.matches('figure.chart'))) observe.call(this, target);
  };
})();
"""

# axe-core, WCAG 2.1 AA. `known` maps a rule to a CSS selector: a failing node that
# matches it is marked known (left to the issue that owns it) rather than dropped.
AXE_RUN = """
async ({tags, known}) => {
  const results = await axe.run(document, {
    runOnly: {type: 'tag', values: tags},
    resultTypes: ['violations'],
  });
  const matches = (target, selector) => {
    if (!selector || target.length !== 1) return false;
    const element = document.querySelector(target[0]);
    return !!element && element.matches(selector);
  };
  return results.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.map((n) => ({
      target: n.target.join(' '),
      known: matches(n.target, known[v.id]),
    })),
  }));
}
"""


@dataclass
class PageResult:
    visit: Visit
    lang: str | None = None
    h1_visible: bool = False
    headings: list[tuple[int, str]] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    charts: list[dict] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)
    failure: str = ""  # the visit itself broke off (timeout, crash): why


async def _visit(
    page, log: dict, server: str, visit: Visit, known_axe: dict[str, str]
) -> PageResult:
    result = PageResult(visit)
    log["errors"], log["foreign"] = result.console_errors, result.foreign_requests

    async def steps() -> None:
        await page.goto(server + visit.path, wait_until="load")
        options = {"charts": visit.charts, "openDetails": visit.axe, "timeout": CHART_TIMEOUT_MS}
        found = await page.evaluate(PROBE, options)
        result.lang, result.h1_visible = found["lang"], found["h1"]
        result.headings = [tuple(h) for h in found["headings"]]
        result.charts = found["charts"]
        if visit.axe:
            await page.add_script_tag(url=AXE_URL)
            result.violations = await page.evaluate(AXE_RUN, {"tags": WCAG_AA, "known": known_axe})

    try:
        await asyncio.wait_for(steps(), VISIT_TIMEOUT_S)
    except Exception as error:  # noqa: BLE001 - reported with the page by the tests
        message = str(error).splitlines()[0] if str(error) else f"over {VISIT_TIMEOUT_S} s"
        result.failure = f"{type(error).__name__}: {message}"
    return result


class LaunchError(Exception):
    """Chromium did not start."""


async def _run(
    server: str, visits: list[Visit], launch_options: dict, known_axe: dict[str, str]
) -> list[PageResult]:
    from playwright.async_api import async_playwright

    host = urlparse(server).netloc
    queue = list(visits)
    results: list[PageResult] = []
    async with async_playwright() as playwright:
        try:
            browser = await playwright.chromium.launch(**launch_options)
        except Exception as error:
            raise LaunchError(error) from error
        # A context per colour scheme and per drawing charts or not. Reduced motion:
        # Material then drops its CSS transitions, so axe sees each state at once, not
        # a header title or a link colour half-way through a fade.
        contexts = {}
        for scheme, charts, width in dict.fromkeys(v.context for v in visits):
            context = await browser.new_context(
                viewport=VIEWPORTS[width], color_scheme=scheme, reduced_motion="reduce"
            )
            if not charts:
                await context.add_init_script(NO_CHART_DRAWING)
            contexts[scheme, charts, width] = context

        async def open_page(context):
            page = await context.new_page()
            log: dict[str, list[str]] = {"errors": [], "foreign": []}
            page.on(
                "console", lambda m: log["errors"].append(m.text) if m.type == "error" else None
            )
            page.on("pageerror", lambda e: log["errors"].append(f"page error: {e}"))

            def request(r) -> None:
                if urlparse(r.url).netloc not in (host, "") and not r.url.startswith(
                    ("data:", "blob:")
                ):
                    log["foreign"].append(r.url)

            page.on("request", request)
            return page, log

        async def worker() -> None:
            pages = {}  # this worker's tab in each context
            while queue:
                visit = queue.pop(0)
                key = visit.context
                if key not in pages:
                    pages[key] = await open_page(contexts[key])
                result = await _visit(*pages[key], server, visit, known_axe)
                results.append(result)
                if result.failure:  # a fresh tab for the next page
                    page, _log = pages.pop(key)
                    with contextlib.suppress(Exception):
                        await asyncio.wait_for(page.close(), 10)

        try:
            await asyncio.gather(*(worker() for _ in range(min(WORKERS, len(queue)))))
        finally:
            await browser.close()
    order = {visit: index for index, visit in enumerate(visits)}
    return sorted(results, key=lambda r: order[r.visit])


def run_visits(
    server: str, visits: list[Visit], launch_options: dict, known_axe: dict[str, str]
) -> list[PageResult]:
    """Visit the pages from a thread of its own: the sync Playwright API the other tests
    use keeps an event loop marked running in the main thread."""
    outcome: dict[str, object] = {}

    def target() -> None:
        try:
            outcome["results"] = asyncio.run(_run(server, visits, launch_options, known_axe))
        except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread
            outcome["error"] = error

    thread = threading.Thread(target=target, name="browser-pass")
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["results"]  # type: ignore[return-value]
