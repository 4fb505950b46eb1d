"""The static charts in a real browser, with JavaScript off (Debian's Chromium driven by
Playwright, as in tests/test_published_site.py).

Every findings page, every chart page and the comparison page shows all its charts
with no script: each table block's and each comparison theme's <figure class="chart">
has a visible static SVG (website/renders.py) that draws every mark `data-marks`
promises. At a phone (375 px) and a desktop (1280 px)
width, in the layout the page shows there, every text of every chart lies inside the
chart, overlaps no other text and no bar (a number only its own bar), and is at least
11 px once the SVG is scaled to its box. The charts are checked once each, on the
findings pages and on the chart pages of tables no findings page shows.

Chromium: CHROMIUM=/path, else /usr/bin/chromium, else Playwright's own. Missing, the
tests skip, but fail when CI is set.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

WIDTHS = {"phone": 375, "desktop": 1280}
MIN_FONT_PX = 11
CHART_PAGE = re.compile(r"^/(en/)?diagrammer/[A-Z]\d+/$")
FIGURE = re.compile(
    r'<section class="report-table" id="([^"]+)"[^>]*>.*?<figure class="chart"', re.S
)
# A theme of the comparison page (website/comparison.py), named by its id.
THEME_FIGURE = re.compile(
    r'<div class="comparison-theme" data-theme="([^"]+)"[^>]*>.*?<figure class="chart"', re.S
)
COMPARISON_PAGES = ("/sammenligning/", "/en/sammenligning/")

# In the page: each static chart's visible SVG, its marks, and every text's problems.
PROBE = """
() => {
  const TOLERANCE = 0.5;
  const box = (el) => el.getBoundingClientRect();
  const overlap = (a, b) => a.left < b.right - TOLERANCE && b.left < a.right - TOLERANCE
    && a.top < b.bottom - TOLERANCE && b.top < a.bottom - TOLERANCE;
  const inside = (a, b) => a.left >= b.left - TOLERANCE && a.right <= b.right + TOLERANCE
    && a.top >= b.top - TOLERANCE && a.bottom <= b.bottom + TOLERANCE;
  const name = (t) => JSON.stringify(t.textContent.trim().slice(0, 40));
  return [...document.querySelectorAll('figure.chart')].map((figure) => {
    const section = figure.closest('section.report-table, div.comparison-theme');
    const id = section ? section.id || section.dataset.theme : '?';
    const chart = {id: id, expected: Number(figure.dataset.marks),
                   static: figure.dataset.mode === 'static', drawn: null, problems: []};
    const svg = [...figure.querySelectorAll('.chart-plot > svg, .chart-narrow > svg')]
      .find((s) => box(s).width > 0);
    if (!svg) return chart;
    chart.layout = svg.parentElement.classList.contains('chart-narrow') ? 'phone' : 'desktop';
    const frame = box(svg);
    const scale = frame.width / svg.viewBox.baseVal.width;
    const bars = [...svg.querySelectorAll('.barlayer .point path')]
      .filter((p) => p.getBBox().width > 0.1);
    const dots = [...svg.querySelectorAll('.scatterlayer .point')];
    chart.drawn = bars.length + dots.length;
    const texts = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() && box(t).width > 0);
    texts.forEach((t, i) => {
      const size = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (size < %(min_font)s - 0.05) {
        chart.problems.push(`text ${name(t)} is ${size.toFixed(1)} px`);
      }
      if (!inside(box(t), frame)) chart.problems.push(`text ${name(t)} is cut off`);
      texts.slice(i + 1).forEach((other) => {
        if (overlap(box(t), box(other))) {
          chart.problems.push(`text ${name(t)} overlaps text ${name(other)}`);
        }
      });
      const own = t.classList.contains('bartext') ? t.closest('.point').querySelector('path') : null;
      if (own && t.classList.contains('bartext-inside') && !inside(box(t), box(own))) {
        chart.problems.push(`number ${name(t)} does not fit its bar`);
      }
      bars.filter((bar) => bar !== own && overlap(box(t), box(bar))).forEach(() => {
        chart.problems.push(`text ${name(t)} overlaps a bar`);
      });
      dots.filter((dot) => overlap(box(t), box(dot))).forEach(() => {
        chart.problems.push(`text ${name(t)} overlaps a dot`);
      });
    });
    return chart;
  });
}
""".replace("%(min_font)s", str(MIN_FONT_PX))


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture(scope="module")
def server(site_dir: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def pages_with_charts(site_dir: Path) -> dict[str, list[str]]:
    """Every page with a table block's or a comparison theme's chart: its path and the
    blocks' anchors or the themes' ids."""
    found = {}
    for index in sorted(site_dir.rglob("index.html")):
        parts = index.relative_to(site_dir).parts
        if {"assets", "download", "search"} & set(parts):
            continue
        html = index.read_text(encoding="utf-8")
        anchors = FIGURE.findall(html) + THEME_FIGURE.findall(html)
        if anchors:
            found["/" + index.relative_to(site_dir).as_posix().removesuffix("index.html")] = anchors
    return found


def each_chart_once(pages: dict[str, list[str]]) -> list[str]:
    """The findings pages, and the chart pages of tables they do not show."""
    shown = {
        anchor
        for path, anchors in pages.items()
        if not CHART_PAGE.match(path)
        for anchor in anchors
    }
    return [
        path
        for path, anchors in pages.items()
        if not CHART_PAGE.match(path) or not set(anchors) <= shown
    ]


@pytest.fixture(scope="module")
def charts_pages(site_dir: Path) -> dict[str, list[str]]:
    pages = pages_with_charts(site_dir)
    assert len([p for p in pages if CHART_PAGE.match(p)]) >= 2 * 60, "chart pages missing"
    return pages


def test_the_comparison_page_has_every_themes_chart_in_both_languages(charts_pages):
    from website import comparison

    ids = [theme.id for theme in comparison.themes()]
    for path in COMPARISON_PAGES:
        assert charts_pages.get(path) == ids, path


def probe(browser, server: str, paths: list[str], width: int) -> dict[str, list[dict]]:
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": width, "height": 900}
    )
    page = context.new_page()
    found = {}
    try:
        for path in paths:
            page.goto(server + path, wait_until="load")
            found[path] = page.evaluate(PROBE)
    finally:
        context.close()
    return found


def report(problems: list[str], limit: int = 60) -> str:
    more = f"\n… and {len(problems) - limit} more" if len(problems) > limit else ""
    return f"{len(problems)} problem(s):\n" + "\n".join(problems[:limit]) + more


def test_every_page_shows_all_its_charts_without_javascript(browser, server, charts_pages):
    problems = []
    results = probe(browser, server, list(charts_pages), WIDTHS["desktop"])
    for path in COMPARISON_PAGES:
        found = [chart["id"] for chart in results[path]]
        if found != charts_pages[path]:
            problems.append(f"{path}: charts {found}, themes {charts_pages[path]}")
    for path, charts in results.items():
        if len(charts) != len(charts_pages[path]):
            problems.append(f"{path}: {len(charts)} charts, {len(charts_pages[path])} blocks")
        for chart in charts:
            where = f"{path}#{chart['id']}"
            if not chart["static"] or chart["drawn"] is None:
                problems.append(f"{where}: no static chart shown")
            elif chart["drawn"] != chart["expected"]:
                problems.append(f"{where}: {chart['drawn']} marks, expected {chart['expected']}")
    assert not problems, report(problems)


@pytest.mark.parametrize("device", list(WIDTHS))
def test_chart_text_is_readable_and_overlaps_nothing(browser, server, charts_pages, device):
    paths = each_chart_once(charts_pages)
    assert set(COMPARISON_PAGES) <= set(paths)
    results = probe(browser, server, paths, WIDTHS[device])
    problems, checked = [], 0
    for path, charts in results.items():
        for chart in charts:
            checked += 1
            if chart.get("layout") != device:
                problems.append(f"{path}#{chart['id']}: shows the {chart.get('layout')} layout")
            problems += [f"{path}#{chart['id']}: {problem}" for problem in chart["problems"]]
    assert checked >= 2 * 60, f"only {checked} charts checked"
    assert not problems, report(problems)
