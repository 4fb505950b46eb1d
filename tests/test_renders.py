"""The charts' static renders (website/renders.py): the committed cache is exactly what
the charts need, every chart has its SVG and PNG in both languages, each SVG is sized
and draws the chart's marks, every text on or beside a bar is legible (WCAG 4.5:1) in
both colour schemes, and a build with an unchanged cache needs no Chromium, while a
build that must draw without one stops with one line saying how to get it."""

from __future__ import annotations

import re
import shutil
import struct
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from pathlib import Path

import pytest

from build import build_site
from conftest import ROOT
from website import charts, renders, text
from website.charts import Chart, design
from website.view import load

SVG = "{http://www.w3.org/2000/svg}"
PATH_WIDTH = re.compile(r"^M(?P<x0>[-\d.]+),[-\d.]+V[-\d.]+H(?P<x1>[-\d.]+)V")


@pytest.fixture(scope="module")
def all_charts() -> list[Chart]:
    return renders.all_charts()


# --- The cache ------------------------------------------------------------------------


def test_the_committed_cache_is_exactly_what_the_charts_need(all_charts):
    needed = {r.name for chart in all_charts for r in renders.chart_renders(chart).values()}
    cached = {
        path.name for path in renders.RENDER_CACHE.iterdir() if path.suffix in (".svg", ".png")
    }
    missing, extra = sorted(needed - cached), sorted(cached - needed)
    assert not missing, (
        f"{len(missing)} render(s) missing, e.g. {missing[:3]}: run `python scripts/build.py "
        "charts` (with Chromium) and commit scripts/website/render_cache/"
    )
    assert not extra, f"{len(extra)} render(s) no chart uses, e.g. {extra[:3]}: run the build"
    assert len(needed) == len(renders.VARIANTS) * len(all_charts)  # no two charts alike


def test_the_renderer_named_in_every_key_is_the_one_the_lock_pins():
    lock = dict(
        line.split("==")
        for line in (ROOT / "requirements.lock").read_text(encoding="utf-8").split()
        if "==" in line
    )
    assert {name: lock[name] for name in renders.RENDERER} == renders.RENDERER


def test_a_key_changes_with_the_figure_and_with_every_render_setting(all_charts):
    figure = all_charts[0].figure
    render = renders.Render(figure, "svg")
    changed = renders.as_drawn(figure)
    changed["layout"]["height"] += 1
    others = [renders.Render(figure, "png"), renders.Render(figure, "svg", 2)]
    others.append(renders.Render(changed, "svg"))
    assert len({render.key, *(other.key for other in others)}) == 4
    assert renders.Render(renders.as_drawn(figure), "svg").key == render.key  # deterministic


# --- Each chart's images --------------------------------------------------------------


def svg_marks(svg: str) -> int:
    """Bars with a width and dots: what the browser check counts (.barlayer .point path,
    .scatterlayer .point)."""
    root = ElementTree.fromstring(svg)
    count = 0
    for layer in root.iter(f"{SVG}g"):
        classes = layer.get("class", "").split()
        if "barlayer" in classes:
            for path in layer.iter(f"{SVG}path"):
                match = PATH_WIDTH.match(path.get("d", ""))
                count += bool(match) and abs(float(match["x1"]) - float(match["x0"])) > 0.1
        elif "scatterlayer" in classes:
            count += sum("point" in p.get("class", "").split() for p in layer.iter(f"{SVG}path"))
    return count


def png_size(content: bytes) -> tuple[int, int]:
    assert content[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", content[16:24])


def test_the_comparison_page_charts_are_drawn_too(all_charts):
    from website import comparison

    dumbbells = [chart for chart in all_charts if chart.kind == comparison.KIND]
    assert len(dumbbells) == len(text.LANGUAGES) * len(comparison.themes())
    assert {chart.table_id for chart in dumbbells} == {t.id for t in comparison.themes()}
    for chart in dumbbells:  # in the page's pixels, like every other chart
        assert chart.figure["layout"]["width"] == design().layouts["desktop"]["width"]
        assert chart.phone["layout"]["width"] == design().layouts["phone"]["width"]


def test_every_chart_has_its_svg_and_png_in_both_languages(all_charts):
    downloads = renders.downloads()
    tables = {chart.table_id for chart in all_charts if not chart.download}
    for table_id in tables:
        for language in text.LANGUAGES:
            for format_ in renders.FORMATS:
                assert renders.download_path(table_id, language, format_) in downloads
    assert len(downloads) == 2 * len(all_charts)
    assert renders.download_path("T28", "da", "png") == "charts/da/tabel-28.png"
    for language in text.LANGUAGES:  # the comparison's: named by the page and the theme
        for format_ in renders.FORMATS:
            assert f"charts/{language}/sammenligning-t52.{format_}" in downloads
    for chart in all_charts:
        png = downloads[renders.chart_download_path(chart, "png")]
        width, height = chart.figure["layout"]["width"], chart.figure["layout"]["height"]
        assert png_size(png) == (renders.PNG_SCALE * width, renders.PNG_SCALE * height)
        svg = downloads[renders.chart_download_path(chart, "svg")].decode()
        assert "fill: rgb(255, 255, 255); fill-opacity: 1;" in svg[:600]  # on white


def test_every_svg_is_sized_and_draws_the_charts_marks(all_charts):
    problems = []
    for chart in all_charts:
        for variant in ("desktop", "phone"):
            render = renders.chart_renders(chart)[variant]
            svg = render.path().read_text(encoding="utf-8")
            size = (render.width, render.height)
            view_box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
            if not view_box or tuple(int(float(v)) for v in view_box.groups()) != size:
                problems.append(f"{chart.table_id} {chart.language} {variant}: viewBox")
            if f'id="defs-{renders.STABLE_UID}"' not in svg:  # no random ids: reproducible
                problems.append(f"{chart.table_id} {chart.language} {variant}: random ids")
            if svg_marks(svg) != chart.bars:
                problems.append(
                    f"{chart.table_id} {chart.language} {variant}: {svg_marks(svg)} marks, "
                    f"expected {chart.bars}"
                )
            for label in chart_texts(render.figure):
                if label not in svg:
                    problems.append(f"{chart.table_id} {chart.language} {variant}: {label!r}")
    assert not problems, "\n".join(problems[:40])


def chart_texts(figure: dict) -> list[str]:
    """Each bar number and the first line of each label, as the SVG writes them."""
    found = [t for trace in figure["data"] for t in trace.get("text", []) if t]
    for note in figure["layout"].get("annotations", []):
        first = re.sub(r"<[^>]+>", "", note["text"].split("<br>")[0])
        found.append(first.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
    return found


def test_a_render_stands_in_a_page_with_ids_of_its_own(all_charts):
    chart = next(c for c in all_charts if c.table_id == "T28" and c.language == "da")
    svgs = renders.static_svgs(chart, "tabel-28")
    assert svgs is not None
    for variant, static in svgs.items():
        svg = static.svg
        layout = chart.figures()[variant]["layout"]
        assert (static.width, static.height) == (layout["width"], layout["height"])
        ids = re.findall(r'\bid="([^"]+)"', svg)
        assert ids and all(f"tabel-28-{variant}" in i for i in ids), ids
        for reference in re.findall(r"url\(#([^)]+)\)", svg):
            assert reference in ids
        assert svg.startswith(
            f'<svg style="max-width:{chart.figures()[variant]["layout"]["width"]}px;'
        )
        assert 'aria-hidden="true"' in svg[:300] and "font-family" in svg[:300]
        assert svg.count("font-family") == 1


# --- Contrast ---------------------------------------------------------------------------


def wcag_luminance(colour: str) -> float:
    """Relative luminance (WCAG 2.1), written here again rather than taken from charts."""
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def ratio(first: str, second: str) -> float:
    high, low = sorted((wcag_luminance(first), wcag_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_text_on_or_beside_a_bar_meets_4_5_to_1_in_both_schemes(all_charts):
    """Numbers inside a bar against the bar's fill (the same in both schemes); every
    other text (numbers beside bars and dots, labels, legend, notes, axis) in the
    scheme's text colour against the scheme's page background."""
    looks = design()
    problems = []
    for scheme in ("light", "dark"):
        beside = ratio(looks.text[scheme], looks.page[scheme])
        if beside < 4.5:
            problems.append(f"{scheme}: text beside the bars {beside:.2f}:1")
    for chart in all_charts:
        for variant, figure in chart.figures().items():
            assert figure["layout"]["font"]["color"] == looks.text["light"]
            for trace in figure["data"]:
                numbers = [t for t in trace.get("text", []) if t]
                if not numbers or trace.get("textposition") != "inside":
                    assert "color" not in trace.get("outsidetextfont", {})
                    assert "color" not in trace.get("textfont", {})
                    continue
                fill, ink = trace["marker"]["color"], trace["insidetextfont"]["color"]
                if ratio(ink, fill) < 4.5:
                    problems.append(
                        f"{chart.table_id} {chart.language} {variant} {trace['name']}: "
                        f"{ink} on {fill} {ratio(ink, fill):.2f}:1"
                    )
            for note in figure["layout"]["annotations"]:
                assert "color" not in note.get("font", {}), note  # follows the scheme
    assert not problems, "\n".join(problems)


def test_each_bar_label_colour_is_the_better_of_near_black_and_white():
    for fill in {**design().ordered, **design().neutral}.values():
        chosen = charts.label_colour(fill)
        assert ratio(chosen, fill) == max(ratio(c, fill) for c in design().bar_label.values())
        assert ratio(chosen, fill) >= design().min_contrast, fill


def test_the_page_code_uses_the_designs_colours_and_breakpoint():
    css = (ROOT / "docs/assets/stylesheets/site.css").read_text(encoding="utf-8")
    script = (ROOT / "docs/assets/javascripts/site.js").read_text(encoding="utf-8")
    looks = design()
    assert f"@container (max-width: {looks.breakpoint - 0.02}px)" in css
    assert f"fill: {looks.text['dark']} !important" in css
    assert f'light: "{looks.text["light"]}", dark: "{looks.text["dark"]}"' in script
    for variant, look in looks.layouts.items():  # no text under 11 px where it shows
        narrowest = looks.breakpoint if variant == "desktop" else 294  # a 360-px phone
        scale = min(1, narrowest / look["width"])
        assert looks.font["small"] * scale >= 11, variant


# --- Builds ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Iterator[Path]:
    """A copy of the project (as tests/test_site_build.py makes one)."""
    root = tmp_path_factory.mktemp("project")
    for name in ("mkdocs.yml", "CHANGELOG.md", "CITATION.cff"):
        shutil.copy(ROOT / name, root)
    ignore = shutil.ignore_patterns("__pycache__", ".build-*", ".drawing-*")
    for folder in ("docs", "scripts", "datapackage"):
        shutil.copytree(ROOT / folder, root / folder, ignore=ignore)
    yield root


def test_a_build_with_an_unchanged_cache_needs_no_chromium(project, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "")  # no browser: drawing anything would fail
    monkeypatch.setenv("SITE_URL", "https://example.org/sbi/")
    assert build_site(project) == 0
    site = project / "site"
    assert (site / "download/charts/da/tabel-28.png").is_file()
    assert (site / "download/charts/en/table-28.svg").is_file()
    page = (site / "diagrammer/T28/index.html").read_text(encoding="utf-8")
    assert page.count("<svg ") >= 2 and "plotly-basic" not in page
    # The chart page previews with its PNG, by its absolute address; other pages have none.
    image = '<meta property="og:image" content="https://example.org/sbi/download/charts/'
    assert f'{image}da/tabel-28.png">' in page
    english = (site / "en/diagrammer/T28/index.html").read_text(encoding="utf-8")
    assert f'{image}en/table-28.png">' in english
    assert "og:image" not in (site / "resultater/bidrag/index.html").read_text(encoding="utf-8")


def test_a_build_that_must_draw_without_chromium_says_how_to_get_it(project, monkeypatch, capsys):
    cache = project / "scripts/website/render_cache"
    victim = next(cache.glob("*.svg"))
    stale = cache / ("0" * 64 + ".png")
    stale.write_bytes(b"stale")
    victim.unlink()
    monkeypatch.setenv("BROWSER_PATH", "")
    assert build_site(project) == 1
    output = capsys.readouterr().err
    lines = [line for line in output.splitlines() if renders.INSTALL in line]
    assert len(lines) == 1, output
    assert "1 chart image(s)" in lines[0] and "BROWSER_PATH" in lines[0]
    assert stale.is_file()  # nothing is removed before the missing ones are drawn


# --- In the page ------------------------------------------------------------------------


def test_a_table_block_shows_its_renders_the_button_and_the_downloads():
    from website import blocks
    from website.macros import Page

    html = blocks.block(load().table("T28"), Page("resultater/bidrag.md", "da", "../../"))
    figure = html[html.index('<figure class="chart"') : html.index("</figure>")]
    assert 'data-mode="static" data-rendered="true"' in figure
    plot = figure[
        figure.index('<div class="chart-plot"') : figure.index('<div class="chart-narrow"')
    ]
    height = charts.chart_for(load().table("T28"), "da").figure["layout"]["height"]
    assert f'style="max-width:680px;aspect-ratio:680/{height}">' in plot  # the box
    assert plot.count("<svg ") == 1 and "max-width:680px" in plot
    narrow = figure[figure.index('<div class="chart-narrow"') : figure.index("<figcaption")]
    assert narrow.count("<svg ") == 1 and "max-width:300px;aspect-ratio:300/" in narrow
    assert '<button type="button" class="md-button chart-interactive"' in figure
    assert 'aria-pressed="false"' in figure and ">Interaktiv</button>" in figure
    assert " hidden>" in figure  # shown by site.js: no dead button without JavaScript
    for format_ in ("SVG", "PNG"):
        href = f"../../download/charts/da/tabel-28.{format_.lower()}"
        assert f'<a href="{href}" download>Hent som billede ({format_})</a>' in figure
    assert 'class="chart-data">' in figure and 'class="chart-data-phone">' in figure
    assert figure.index("<figcaption") < figure.index("chart-controls")


def test_a_chart_with_no_render_is_left_to_the_script():
    from tiny import table
    from website import blocks
    from website.macros import Page

    html = blocks.block(table([("a", "all", "share", "45", 9, "")]), Page("x.md", "en", ""))
    assert '<figure class="chart" data-chart-kind="bars" data-marks="1">' in html
    assert "<svg" not in html and "<button" not in html and "download/charts" not in html


def test_chart_pages_name_their_png_as_the_open_graph_image():
    from website import chart_pages

    for language, expected in (("da", "download/charts/da/tabel-28.png"), ("en", None)):
        stub = chart_pages.stub(load().table("T28"), language)
        image = re.search(r"^image: (\S+)$", stub, re.M)
        assert image, stub
        if expected:
            assert image[1] == expected
        assert image[1].removeprefix("download/") == renders.download_path("T28", language, "png")
