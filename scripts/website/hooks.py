"""MkDocs hooks: wire the data package into the site.

- page text: every `{{ macro(...) }}` of a page (numbers, table blocks with charts,
  generated fragments, chart pages) in one pass by website/macros.py; the handlers
  register themselves in website/{numbers,blocks,fragments}.py;
- downloads: the package files, a zip, SHA256SUMS and one CSV per table and language
  (website/downloads.py);
- per-language details mkdocs-static-i18n leaves open: anchors kept by the language
  switcher, one search index per language, one bilingual 404 page, relative switcher
  links on the home pages, short URLs for the recommendations (charts are static
  SVG: site.js loads Plotly on request, not this hook); every page in both languages;
- publisher, release and corrections route in every page's footer (theme
  partials/copyright.html, fed through `config.extra.publication`);
- with a public address (site_url) only: Open Graph and Twitter metadata and absolute
  hreflang links on every page (theme main.html, fed through `sbi_head`; Material writes
  the canonical link) and a sitemap with a fixed lastmod. Without one the site keeps
  relative links only and has none of these (it works offline and under any path).

Problems are raised as PluginError, so MkDocs reports them and fails the build.
"""

from __future__ import annotations

import json
import os
import re
import sys
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # MkDocs loads us by path
import website.comparison  # noqa: E402, F401 - registers {{ comparison() }}
from website import blocks, downloads, fragments, macros, numbers, templates, text  # noqa: E402
from website.view import PackageError, load  # noqa: E402

# The modules whose import registers the page macros.
MACRO_MODULES = (blocks, fragments, numbers)

RECOMMENDATIONS = range(1, 6)
EXPLICIT_ID = re.compile(r"\{[^}]*#(?P<id>[A-Za-z][\w-]*)[^}]*\}")
HREFLANG_LINK = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[a-z]+">')
ABSOLUTE_SWITCHER = re.compile(r'href="(?P<path>/[^"]*)" hreflang=')
CONFIG_BASE = re.compile(r'("base": ")(?P<base>[^"]*)(")')
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"

_not_found_page: dict[str, bytes] = {}
_site_roots: set[Path] = set()
# Every page built with a public address, as its absolute URLs (Danish, English).
_sitemap_pages: set[tuple[str, str]] = set()


def missing_twins(docs_dir: Path) -> list[str]:
    """Every page exists in Danish (page.md) and English (page.en.md)."""
    pages = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")}
    problems = []
    for page in sorted(pages):
        if page.endswith(".en.md"):
            twin, wanted = page.removesuffix(".en.md") + ".md", "Danish"
        else:
            twin, wanted = page.removesuffix(".md") + ".en.md", "English"
        if twin not in pages:
            problems.append(f"docs/{page} has no {wanted} twin docs/{twin}")
    return problems


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problems = missing_twins(Path(config["docs_dir"]))
    if problems:
        raise PluginError("; ".join(problems))
    # Here, not in on_env: MkDocs 1.6 renders every page's Markdown (on_page_markdown)
    # before it calls on_env, and the blocks and fragments are rendered there.
    templates.use(config.theme.get_env())
    try:
        check_publisher(config)
        check_site_names(config)
        # Both languages: mkdocs-static-i18n sets this pass's language after this hook.
        config.extra["publication"] = {
            language: fragments.publication(language, config.repo_url, contact(config))
            for language in text.LANGUAGES
        }
    except PackageError as error:
        raise PluginError(str(error)) from error
    return config


def contact(config: MkDocsConfig) -> str:
    """Who takes corrections besides the issue tracker (`extra.contact`, env CONTACT)."""
    return str(config.extra.get("contact") or "")


def check_publisher(config: MkDocsConfig) -> None:
    """`extra.publisher` names the package's creator: one publisher, not two."""
    named, creator = config.extra.get("publisher"), fragments.publisher_name()
    if named != creator:
        raise PluginError(
            f"mkdocs.yml extra.publisher is {named!r}, but the package's creator is "
            f"{creator!r} (datapackage/source/package.yaml contributors): make them the same"
        )


def check_site_names(config: MkDocsConfig) -> None:
    """The chart pages cite the site by the name its header shows (site_name per
    language in mkdocs.yml) and take it from strings.yaml (chart_page.cite_site)."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return
    for language in i18n.config.languages:
        if language.locale not in text.LANGUAGES:
            continue
        cited = text.text("chart_page.cite_site", language.locale)
        if language.site_name and language.site_name != cited:
            raise PluginError(
                f"strings.yaml chart_page.cite_site.{language.locale} is {cited!r}, but "
                f"mkdocs.yml names the {language.locale} site {language.site_name!r}"
            )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        return downloads.add_to(files, config)
    except PackageError as error:
        raise PluginError(str(error)) from error


def page_language(page: Page) -> str:
    return "en" if page.file.src_uri.endswith(".en.md") else "da"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page)
    where = macros.Page(
        page.file.src_uri,
        language,
        "../" * page.url.count("/"),
        config.site_url,
        config.repo_url,
        contact(config),
    )
    try:
        rendered = macros.render(markdown, where)
    except macros.MacroError as error:
        raise PluginError(str(error)) from error
    return rendered + anchor_map_script(page, config, language)


def explicit_ids(markdown: str, language: str) -> list[str]:
    """Heading ids given with attr_list, then table/figure anchors, in page order."""
    ids = [match.group("id") for match in EXPLICIT_ID.finditer(markdown)]
    tables = macros.calls(markdown, "table")
    return ids + [text.anchor(str(arguments[0]), language) for arguments in tables]


def anchor_map_script(page: Page, config: MkDocsConfig, language: str) -> str:
    """Map this page's anchors to the other language's, so the switcher keeps #anchor.

    Both language files of a page have the same structure, so their explicit ids
    correspond by position; table anchors translate word for word.
    """
    docs = Path(config["docs_dir"])
    source = page.file.src_uri
    danish = source.replace(".en.md", ".md") if language == "en" else source
    english = danish[: -len(".md")] + ".en.md"
    if not (docs / danish).is_file() or not (docs / english).is_file():
        return ""
    da_ids = explicit_ids((docs / danish).read_text(encoding="utf-8"), "da")
    en_ids = explicit_ids((docs / english).read_text(encoding="utf-8"), "en")
    if len(da_ids) != len(en_ids):
        raise PluginError(
            f"{danish} and {english} have different structures: "
            f"{len(da_ids)} and {len(en_ids)} anchors"
        )
    pairs = zip(da_ids, en_ids, strict=True)
    mapping = {a: b for a, b in pairs} if language == "da" else {b: a for a, b in pairs}
    return (
        '\n\n<script type="application/json" id="anchor-map">'
        + json.dumps(mapping, ensure_ascii=True, sort_keys=True).replace("/", "\\/")
        + "</script>\n"
    )


def english_base(match: re.Match[str]) -> str:
    """Point an English page's search at en/search/ (its base one level below the root)."""
    base = match.group("base")
    parts = base.split("/") if base not in ("", ".") else []
    if not parts or parts[-1] != "..":
        raise PluginError(f"unexpected base {base!r} on an English page")
    parts = parts[:-1]
    return f"{match.group(1)}{'/'.join(parts) or '.'}{match.group(3)}"


def relative_from_root(path: str, base_path: str, depth: int) -> str:
    """ "/<base>/en/" seen from a page `depth` folders below the site root."""
    if base_path and (path == base_path or path.startswith(base_path + "/")):
        path = path[len(base_path) :]
    return ("../" * depth + path.lstrip("/")) or "./"


def language_paths(url: str) -> dict[str, str]:
    """A page's path in each language: every page has both ("resultater/kontekst/",
    "en/resultater/kontekst/"); the Danish one at the root, the English one under en/."""
    danish = url.removeprefix("en/")
    return {"da": danish, "en": f"en/{danish}"}


def absolute_url(site_url: str, path: str) -> str:
    return site_url.rstrip("/") + "/" + path


def head_meta(page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """What theme/partials/sbi/head.html writes into a page's <head> (site_url only)."""
    language = page_language(page)
    home = page.url in ("", "en/")
    alternates = [
        (other, absolute_url(config.site_url, path))
        for other, path in language_paths(page.url).items()
    ]
    return {
        "site_name": config.site_name,
        "title": page.meta.get("title") or (config.site_name if home else page.title),
        "description": page.meta.get("description") or config.site_description,
        "url": page.canonical_url,
        "locale": text.LOCALES[language],
        "other_locales": [text.LOCALES[other] for other in text.LANGUAGES if other != language],
        "alternates": alternates,
    }


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
) -> dict[str, Any]:
    if config.site_url:
        head = head_meta(page, config)
        if head["url"] != absolute_url(config.site_url, page.url):
            raise PluginError(f"{page.file.src_uri}: canonical URL {head['url']!r} is unexpected")
        context["sbi_head"] = head
        _sitemap_pages.add(tuple(href for _, href in head["alternates"]))
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Material writes an hreflang link for each language, relative, and fetches
    # "<alternate>/sitemap.xml" for every one: with relative links those requests 404.
    # The visible language switcher does not need them; with a public address the page
    # gets absolute ones instead (theme/partials/sbi/head.html).
    output = HREFLANG_LINK.sub("", output)
    # mkdocs-static-i18n gives the home pages' switcher root-absolute links ("/", "/en/"),
    # which break when the site is served under a path (GitHub Pages, an intranet folder).
    depth = page.url.count("/")
    base_path = urlsplit(config.site_url or "").path.rstrip("/")
    output = ABSOLUTE_SWITCHER.sub(
        lambda m: f'href="{relative_from_root(m.group("path"), base_path, depth)}" hreflang=',
        output,
    )
    if page_language(page) == "en":
        output = CONFIG_BASE.sub(english_base, output, count=1)
    # No Plotly here: the charts are static SVG, and site.js loads the pinned copy
    # (assets/vendor/) only when a reader asks for an interactive chart.
    return output


def on_post_build(config: MkDocsConfig) -> None:
    language = config["theme"]["language"]
    # mkdocs-static-i18n reports the root site_dir during the English pass too.
    root = Path(config["site_dir"])
    if root.name == "en":
        root = root.parent
    site_dir = root if language == "da" else root / language
    write_recommendation_redirects(site_dir, Path(config["docs_dir"]), language, config.site_url)
    fix_not_found_pages(root, language)
    _site_roots.add(root)


def on_shutdown() -> None:
    # After both languages' passes (mkdocs-static-i18n runs the English one inside the
    # Danish pass's post-build), hence here.
    for root in _site_roots:
        split_search_index(root)
        if _sitemap_pages:
            write_sitemap(root, sorted(_sitemap_pages), source_date())
    _site_roots.clear()
    _sitemap_pages.clear()
    downloads.cleanup()


def source_date() -> str:
    """The date a build stands for, fixed so that two builds are identical:
    SOURCE_DATE_EPOCH when set (the reproducible-builds convention), else the package's
    release date."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return datetime.fromtimestamp(int(epoch), UTC).date().isoformat()
    return str(load().descriptor["created"])[:10]


def sitemap_xml(pages: list[tuple[str, ...]], lastmod: str) -> str:
    """Every page (its absolute URLs, one per language) in each language, with its
    hreflang alternates and one fixed lastmod."""
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    urlset = ElementTree.Element(f"{{{SITEMAP_NS}}}urlset")
    for urls in pages:
        alternates = list(zip(text.LANGUAGES, urls, strict=True))
        for _, url in alternates:
            entry = ElementTree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
            ElementTree.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = url
            ElementTree.SubElement(entry, f"{{{SITEMAP_NS}}}lastmod").text = lastmod
            for language, href in alternates:
                attributes = {"rel": "alternate", "hreflang": language, "href": href}
                ElementTree.SubElement(entry, f"{{{XHTML_NS}}}link", attributes)
    ElementTree.indent(urlset)
    body = ElementTree.tostring(urlset, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def write_sitemap(root: Path, pages: list[tuple[str, ...]], lastmod: str) -> None:
    """sitemap.xml at the root: every page in both languages with its hreflang
    alternates (MkDocs' own is switched off by the empty theme/sitemap.xml)."""
    (root / "sitemap.xml").write_text(sitemap_xml(pages, lastmod), encoding="utf-8")


def recommendation_headings(docs_dir: Path, language: str) -> dict[int, str]:
    """The heading of each recommendation, read from the recommendations page."""
    source = docs_dir / ("anbefalinger.md" if language == "da" else f"anbefalinger.{language}.md")
    anchor = text.text("redirects.anchor", language)
    pattern = re.compile(rf"^##\s+(?P<text>.+?)\s*\{{#{anchor}-(?P<n>\d)\}}", re.M)
    markdown = source.read_text(encoding="utf-8")
    return {int(m.group("n")): m.group("text") for m in pattern.finditer(markdown)}


def write_recommendation_redirects(
    site_dir: Path, docs_dir: Path, language: str, site_url: str | None = None
) -> None:
    """Short stable URLs anbefalinger/1/ … 5/ that lead to the recommendation's anchor;
    with a public address their canonical link names the recommendations page."""
    headings = recommendation_headings(docs_dir, language)
    page_path = "anbefalinger/" if language == "da" else f"{language}/anbefalinger/"
    canonical = absolute_url(site_url, page_path) if site_url else None
    for number in RECOMMENDATIONS:
        if number not in headings:
            raise PluginError(f"recommendation {number} has no heading in the {language} page")
        heading = re.sub(r"^\d+\.\s*", "", headings[number])
        page = templates.render(
            "redirect.html",
            language=language,
            title=f"{text.text('redirects.word', language)} {number}: {heading}",
            target=f"../#{text.text('redirects.anchor', language)}-{number}",
            text=text.text("redirects.text", language, n=number),
            canonical=canonical,
        )
        path = site_dir / "anbefalinger" / str(number) / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page + "\n", encoding="utf-8")


def split_search_index(root: Path) -> None:
    """One search index per language, with that language's stemmer: Danish pages search
    search/, English pages en/search/ (mkdocs-static-i18n writes one mixed index)."""
    index_path = root / "search" / "search_index.json"
    if not index_path.is_file():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    english = [doc for doc in index["docs"] if doc["location"].startswith("en/")]
    danish = [doc for doc in index["docs"] if not doc["location"].startswith("en/")]
    for doc in english:
        doc["location"] = doc["location"].removeprefix("en/")
    for language, docs, path in (
        ("da", danish, index_path),
        ("en", english, root / "en" / "search" / "search_index.json"),
    ):
        path.parent.mkdir(parents=True, exist_ok=True)
        content = {**index, "config": {**index["config"], "lang": [language]}, "docs": docs}
        path.write_text(json.dumps(content, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def fix_not_found_pages(root: Path, language: str) -> None:
    """One 404 page for both languages (website/theme/404.html holds both texts): keep the
    Danish pass's at the root, where GitHub Pages looks for it, and drop the copy the
    English pass writes (mkdocs-static-i18n lets it overwrite the root one, too)."""
    if language == "da":
        # No hreflang links: Material would fetch a sitemap for each (see on_post_page).
        page = (root / "404.html").read_text(encoding="utf-8")
        _not_found_page["da"] = HREFLANG_LINK.sub("", page).encode("utf-8")
        return
    (root / language / "404.html").unlink(missing_ok=True)
    if "da" in _not_found_page:
        (root / "404.html").write_bytes(_not_found_page["da"])
