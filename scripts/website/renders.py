"""Static renders of every chart: SVG for the pages, SVG and PNG for download.

Each chart (website/charts.py, and the comparison page's: website/comparison.py) is
drawn three times per language by Python plotly's own static export (kaleido, driving
Chromium): its wide and its phone layout as SVG (inlined in the page, see blocks.py,
comparison.py and theme/partials/sbi/chart.html) and its wide
layout as PNG at twice the size on white (a download, and the chart page's Open Graph
image). The SVG download is the wide SVG on white.

A render is named by its key: the SHA-256 of the canonical JSON of the figure as drawn
and of the render settings (format, size, scale, kaleido and plotly versions). The
renders are committed in `scripts/website/render_cache/<key>.svg|png`, as the data
package is, so a build draws only what changed: a build with every chart unchanged
neither needs nor starts Chromium. When something must be drawn and no Chromium is
found, the build stops with one line saying how to get one. Renders no chart uses any
more are removed by the build; tests/test_renders.py checks that the committed cache
is exactly what the charts need.

    python scripts/build.py charts      # draw what is missing, remove what is stale
"""

from __future__ import annotations

import asyncio
import copy
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
import sys
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from paths import RENDER_CACHE
from website import charts, text
from website.charts import Chart
from website.view import PackageError, PackageView, load

# What draws the renders; part of every key. tests/test_renders.py checks these against
# requirements.lock, and drawing checks them against what is installed.
RENDERER = {"kaleido": "1.5.0", "plotly": "7.1.0"}
PNG_SCALE = 2
STABLE_UID = "chart"  # in place of the random uid Plotly names a render's ids after
TABS = 2  # Chromium tabs drawing at once
FORMATS = ("svg", "png")
VARIANTS = ("desktop", "phone", "png")  # what each chart is drawn as, per language
DOWNLOAD_DIR = "charts"  # under the site's download/
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTALL = "apt-get install -y chromium"
BACKGROUND_RECT = re.compile(r'^(<svg[^>]*>)<rect ([^>]*)style="[^"]*"/>')
ID = re.compile(r'\bid="([^"]+)"')
ATTRIBUTE = re.compile(r'="([^"]*)"')
LONG_DECIMAL = re.compile(r"(\d\.\d\d)\d+")
FONT_FAMILY = re.compile(r"font-family: [^;]*; ")
# What minified() leaves out: attributes and declarations that only restate a default,
# annotations' invisible boxes and empty groups (repeated, most of a render's size).
DROPPED = (
    re.compile(r' data-(?:index|notex|unformatted|math)="[^"]*"'),
    re.compile(r'<rect class="bg" x="0\.5" y="0\.5" [^>]*fill-opacity: 0;"/>'),
    re.compile(r"(?:vector-effect: none|opacity: 1|fill-opacity: 1|stroke-opacity: 1); ?"),
    re.compile(r' style=""'),
)
EMPTY_GROUP = re.compile(r'<g(?: class="[^"]*")?/>|<g(?: class="[^"]*")?></g>')


class RenderError(PackageError):
    """A chart could not be drawn (no Chromium, a failed render)."""


@dataclass(frozen=True)
class Render:
    """One image of one figure: what is drawn and how."""

    figure: dict[str, Any]
    format: str  # svg | png
    scale: int = 1

    @property
    def width(self) -> int:
        return int(self.figure["layout"]["width"])

    @property
    def height(self) -> int:
        return int(self.figure["layout"]["height"])

    @cached_property
    def key(self) -> str:
        settings = {"format": self.format, "scale": self.scale, "width": self.width}
        settings |= {"height": self.height, **RENDERER}
        canonical = json.dumps(
            {"figure": self.figure, "settings": settings},
            ensure_ascii=False,
            sort_keys=True,
            separators=(",", ":"),
        )
        return hashlib.sha256(canonical.encode("utf-8")).hexdigest()

    @property
    def name(self) -> str:
        return f"{self.key}.{self.format}"

    def path(self, cache: Path = RENDER_CACHE) -> Path:
        return cache / self.name


def as_drawn(figure: dict[str, Any], background: str | None = None) -> dict[str, Any]:
    """The figure as the renderer gets it: fonts from the system stack (the same in the
    page, the SVG and a slide), on a background when one is given."""
    drawn = copy.deepcopy(figure)
    layout = drawn["layout"]
    layout["font"] = {**layout.get("font", {}), "family": charts.design().font["family"]}
    if background:
        layout["paper_bgcolor"] = layout["plot_bgcolor"] = background
    return drawn


def chart_renders(chart: Chart) -> dict[str, Render]:
    """The three images of a chart in one language (VARIANTS)."""
    white = charts.design().page["light"]
    return {
        "desktop": Render(as_drawn(chart.figure), "svg"),
        "phone": Render(as_drawn(chart.phone), "svg"),
        "png": Render(as_drawn(chart.figure, white), "png", PNG_SCALE),
    }


def all_charts(package: PackageView | None = None) -> list[Chart]:
    """Every chart of the package and of the comparison page, in both languages."""
    # Imported here: comparison imports blocks, which imports this module.
    from website import comparison

    package = package or load()
    tables = [
        chart
        for table in package.tables()
        if table.in_package
        for language in text.LANGUAGES
        if (chart := charts.chart_for(table, language)) is not None
    ]
    return tables + comparison.all_charts(package)


def needed(package: PackageView | None = None) -> dict[str, Render]:
    """Every render the charts need, by file name."""
    return {
        render.name: render
        for chart in all_charts(package)
        for render in chart_renders(chart).values()
    }


# --- Drawing --------------------------------------------------------------------------


def browser_path() -> str | None:
    """The Chromium to draw with: BROWSER_PATH (kaleido's own setting; set but empty or
    wrong, there is none), else CHROMIUM (the browser tests' setting), else the first of
    BROWSERS on the PATH."""
    configured = os.environ.get("BROWSER_PATH")
    if configured is not None:
        return configured if configured and Path(configured).is_file() else None
    chromium = os.environ.get("CHROMIUM", "")
    if chromium and Path(chromium).is_file():
        return chromium
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def check_renderer() -> None:
    """The installed kaleido and plotly are the ones the keys name."""
    for package, wanted in RENDERER.items():
        try:
            installed = importlib.metadata.version(package)
        except importlib.metadata.PackageNotFoundError:
            installed = "not installed"
        if installed != wanted:
            raise RenderError(
                f"renders: {package} {wanted} draws the charts, but {installed} is installed "
                "(pip install -r requirements.lock)"
            )


def draw(renders: Iterable[Render], cache: Path = RENDER_CACHE) -> float:
    """Draw renders into the cache in one Chromium; return the seconds it took."""
    renders = list(renders)
    if not renders:
        return 0.0
    browser = browser_path()
    if browser is None:
        where = os.environ.get("BROWSER_PATH")
        found = f"BROWSER_PATH={where!r} is not a browser" if where is not None else "none found"
        raise RenderError(
            f"renders: {len(renders)} chart image(s) are not in {cache.name}/ and drawing "
            f"them needs Chromium ({found}): {INSTALL}, or set BROWSER_PATH to a "
            "Chrome/Chromium binary"
        )
    check_renderer()
    started = time.monotonic()
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".drawing-", dir=cache) as temporary:
        staging = Path(temporary)
        specs = [
            {
                "fig": render.figure,
                "path": staging / render.name,
                "opts": {
                    "format": render.format,
                    "width": render.width,
                    "height": render.height,
                    "scale": render.scale,
                },
            }
            for render in renders
        ]
        in_thread(lambda: asyncio.run(kaleido_draw(specs, browser)))
        for render in renders:
            drawn = staging / render.name
            if not drawn.is_file() or not drawn.stat().st_size:
                raise RenderError(f"renders: kaleido drew nothing for {render.name}")
            if render.format == "svg":  # the same chart, the same file: no random ids
                svg = drawn.read_text(encoding="utf-8")
                drawn.write_text(with_uid(svg, STABLE_UID), encoding="utf-8")
            os.replace(drawn, render.path(cache))
    return time.monotonic() - started


async def kaleido_draw(specs: list[dict[str, Any]], browser: str) -> None:
    import kaleido  # only when something is drawn: a build from the cache needs none
    import plotly

    plotly_js = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    async with kaleido.Kaleido(
        n=min(TABS, len(specs)), plotlyjs=str(plotly_js), mathjax=False, path=browser
    ) as renderer:
        await renderer.write_fig_from_object(specs, cancel_on_error=True)


def in_thread(work: Any) -> None:
    """Run work in a thread of its own, so it gets an event loop even when the caller
    has one running (Playwright's sync API in the tests)."""
    failure: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread
            failure.append(error)

    thread = threading.Thread(target=target, name="renders")
    thread.start()
    thread.join()
    if failure:
        error = failure[0]
        if isinstance(error, RenderError):
            raise error
        raise RenderError(f"renders: drawing failed: {type(error).__name__}: {error}") from error


def stale(cache: Path, keep: Iterable[str]) -> list[Path]:
    """Renders in the cache that no chart uses."""
    wanted = set(keep)
    return sorted(
        path
        for path in cache.glob("*")
        if path.is_file() and path.suffix[1:] in FORMATS and path.name not in wanted
    )


def ensure(package: PackageView | None = None, cache: Path = RENDER_CACHE) -> tuple[int, int]:
    """Draw every render the charts need that the cache lacks and remove the ones no
    chart uses; return (drawn, removed). Nothing missing, no browser is started."""
    renders = needed(package)
    missing = [render for name, render in renders.items() if not (cache / name).is_file()]
    seconds = draw(missing, cache)
    removed = stale(cache, renders)
    for path in removed:
        path.unlink()
    if missing or removed:
        print(
            f"renders: drew {len(missing)} chart image(s) in {seconds:.1f} s, removed "
            f"{len(removed)} no chart uses ({cache})"
        )
    return len(missing), len(removed)


# --- Using the renders ------------------------------------------------------------------


def minified(svg: str, root_style: str = "") -> str:
    """Smaller, same picture: the font family once in the <svg>'s style (every text has
    the same), no restated defaults, invisible boxes or empty groups, two decimals.
    `root_style`: more of the <svg>'s style."""
    family = FONT_FAMILY.search(svg)
    if family:
        svg = FONT_FAMILY.sub("", svg)
        root_style += family[0].strip().removesuffix(";").replace(": ", ":", 1)
    if root_style:
        svg = svg.replace("<svg ", f'<svg style="{root_style}" ', 1)
    for pattern in DROPPED:
        svg = pattern.sub("", svg)
    while EMPTY_GROUP.search(svg):
        svg = EMPTY_GROUP.sub("", svg)
    return ATTRIBUTE.sub(lambda m: '="' + LONG_DECIMAL.sub(r"\1", m[1]) + '"', svg)


def with_uid(svg: str, uid: str) -> str:
    """Plotly names a figure's ids after a random uid ("clip30603exyplot"): the same ids
    with `uid` instead, and every reference to them."""
    found = re.search(r'id="defs-([^"]+)"', svg)
    for old in ID.findall(svg):
        new = old.replace(found[1], uid) if found else f"{uid}-{old}"
        svg = svg.replace(f'id="{old}"', f'id="{new}"').replace(f"#{old})", f"#{new})")
        svg = svg.replace(f'"#{old}"', f'"#{new}"')
    return svg


def inline_svg(svg: str, prefix: str) -> str:
    """A render ready to stand in a page: ids unique on the page (prefixed), hidden from
    assistive technology (the figure's caption and data table say what it shows), sized
    by its viewBox and never wider than drawn."""
    svg = with_uid(svg, prefix)
    width = re.search(r'<svg[^>]*\bwidth="([\d.]+)"', svg)
    svg = svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1)
    return minified(svg, f"max-width:{width[1]}px;" if width else "")


def on_white(svg: str) -> str:
    """The SVG download: the wide render on a white background (for any slide)."""
    white = 'style="fill: rgb(255, 255, 255); fill-opacity: 1;"/>'
    return BACKGROUND_RECT.sub(lambda m: f"{m[1]}<rect {m[2]}{white}", svg, count=1)


def cached(render: Render, cache: Path = RENDER_CACHE) -> bytes | None:
    path = render.path(cache)
    return path.read_bytes() if path.is_file() else None


@dataclass(frozen=True)
class Static:
    """A render as it stands in a page: the inline SVG and the size it was drawn at
    (the page reserves exactly its box: site.css, theme/partials/sbi/chart.html)."""

    svg: str
    width: int
    height: int


def static_svgs(chart: Chart, anchor: str, cache: Path = RENDER_CACHE) -> dict[str, Static] | None:
    """The chart's wide and phone SVG for its block in a page, or None if not drawn yet
    (a chart the build does not know, e.g. in a unit test): then site.js draws it."""
    found = {}
    for variant in ("desktop", "phone"):
        render = chart_renders(chart)[variant]
        content = cached(render, cache)
        if content is None:
            return None
        svg = inline_svg(content.decode("utf-8"), f"{anchor}-{variant}")
        found[variant] = Static(svg, render.width, render.height)
    return found


def download_path(table_id: str, language: str, format_: str) -> str:
    """Where a chart's image lies under download/: "charts/da/tabel-28.png"."""
    return f"{DOWNLOAD_DIR}/{language}/{text.anchor(table_id, language)}.{format_}"


def chart_download_path(chart: Chart, format_: str) -> str:
    """Where any chart's image lies under download/: a table's as download_path says, a
    comparison chart's by its own name ("charts/da/sammenligning-t52.png")."""
    if chart.download:
        return f"{DOWNLOAD_DIR}/{chart.language}/{chart.download}.{format_}"
    return download_path(chart.table_id, chart.language, format_)


def downloads(package: PackageView | None = None, cache: Path = RENDER_CACHE) -> dict[str, bytes]:
    """Every chart's SVG and PNG download, by path under download/ (after ensure())."""
    ensure(package, cache)
    found: dict[str, bytes] = {}
    for chart in all_charts(package):
        renders = chart_renders(chart)
        svg = renders["desktop"].path(cache).read_text(encoding="utf-8")
        found[chart_download_path(chart, "svg")] = on_white(svg).encode()
        found[chart_download_path(chart, "png")] = renders["png"].path(cache).read_bytes()
    return found


def main() -> int:
    """The build's charts step: draw what is missing, remove what is stale."""
    try:
        ensure()
    except RenderError as error:
        print(f"build: {error}", file=sys.stderr)
        return 1
    return 0
