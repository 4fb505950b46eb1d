"""Parts of pages generated from the data package, in the page's language.

The data page writes `{{ download_list() }}`, `{{ flag_table() }}`, `{{ load_snippets() }}`,
`{{ table_catalogue() }}`, `{{ data_dictionary() }}`, `{{ errata_list() }}`,
`{{ package_version() }}`, `{{ changelog() }}` and `{{ dataset_jsonld() }}`; each chart's
own page is `{{ chart_page("T28") }}`, with a line on how to cite it. About this site
writes `{{ publisher() }}` and `{{ corrections() }}`; the footer of every page uses the same
`publication()`. So the pages can never drift from the package they describe. Data come from the package view, words from strings.yaml (Danish on
Danish pages, English on English ones), numbers from the text layer, HTML from the
templates in theme/partials/sbi/.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date
from typing import Any

from babel.dates import format_date
from markupsafe import Markup

from paths import CHANGELOG
from website import blocks, downloads, templates, text
from website.macros import Page, handler
from website.view import PackageError, PackageView, TableView, load

PERCENT = re.compile(r"(?P<number>\d+(?:\.\d+)?)%")
EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
CODE = re.compile(r"`([^`]+)`")
MAX_LISTED_VALUES = 8  # a field's allowed values are listed in the dictionary up to this many


def words(language: str) -> dict[str, str]:
    return text.section("data_page", language)


def with_code(plain: str) -> Markup:
    """Text with `code` in backticks, as HTML: escaped, the code set in <code>."""
    return Markup(CODE.sub(r"<code>\1</code>", str(html.escape(plain, quote=False))))


def resource_description(resource: dict[str, Any], language: str) -> str:
    """The package's description, or for Danish its description_da, else strings.yaml's."""
    if language == "en":
        return str(resource["description"])
    return str(resource.get("description_da") or text.entry(f"resources_da.{resource['name']}"))


@handler("download_list")
def download_list(page: Page) -> str:
    resources = [
        {
            "path": resource["path"],
            "file": resource["path"].rsplit("/", 1)[-1],
            "description": resource_description(resource, page.language),
            "size": text.text(
                "data_page.bytes", page.language, n=text.number(resource["bytes"], page.language)
            ),
        }
        for resource in load().descriptor["resources"]
    ]
    return templates.render(
        "download_list.html",
        words=words(page.language),
        root=page.root,
        zip_name=downloads.ZIP_NAME,
        resources=resources,
    )


@handler("flag_table")
def flag_table(page: Page) -> str:
    flags = [
        {"code": flag, "mark": node["mark"], "meaning": with_code(node["meaning"][page.language])}
        for flag, node in text.entry("flags").items()
    ]
    return templates.render("flag_table.html", words=words(page.language), flags=flags)


def dictionary_field(field: dict[str, Any], language: str) -> dict[str, Any]:
    constraints = field.get("constraints", {})
    enum = constraints.get("enum", [])
    return {
        "name": field["name"],
        "type": field["type"],
        "required": words(language)["answer_yes" if constraints.get("required") else "answer_no"],
        "description": field["description_da" if language == "da" else "description"],
        "enum": enum if len(enum) <= MAX_LISTED_VALUES else [],
    }


@handler("data_dictionary")
def data_dictionary(page: Page) -> str:
    resources = [
        {
            "name": resource["name"],
            "path": resource["path"],
            "description": resource_description(resource, page.language),
            "primary_key": resource["schema"]["primaryKey"],
            "fields": [dictionary_field(f, page.language) for f in resource["schema"]["fields"]],
        }
        for resource in load().descriptor["resources"]
    ]
    return templates.render("data_dictionary.html", words=words(page.language), resources=resources)


def caption(table: TableView, language: str) -> str:
    return text.caption_name(table.kind, table.number, language)


def catalogue_entry(table: TableView, page: Page) -> dict[str, Any]:
    """A line of the catalogue: name (linked to the chart page when there is a chart),
    title, printed page, cells, and the page where the table stands."""
    language = page.language
    where = blocks.table_pages().get(table.table_id)
    charted = table.in_package
    return {
        "name": caption(table, language),
        "chart_href": f"{page.home}diagrammer/{table.table_id}/" if charted else None,
        "title": table.text("title", language),
        "page": table.entry["page"],
        "cells": text.number(table.entry["cell_count"], language)
        if charted
        else words(language)["diagram"],
        "href": blocks.evidence_href(table.table_id, page),
        "page_title": blocks.page_title(where, language) if where is not None else None,
    }


@handler("table_catalogue")
def table_catalogue(page: Page) -> str:
    entries = [catalogue_entry(table, page) for table in load().tables()]
    return templates.render("table_catalogue.html", words=words(page.language), entries=entries)


def implied_text(implied: str, language: str) -> str:
    """An erratum's implied value in the page's format ("12.0%" -> "12,0 %"); other
    forms ("(75)") as they are."""
    match = PERCENT.fullmatch(implied)
    return text.percent(match.group("number"), language) if match else implied


@handler("errata_list")
def errata_list(page: Page) -> str:
    """The printed inconsistencies: the cell by its labels ("Tabel 8: Direktør / Andel af
    alle bestyrelsesmedlemmer"), what the check found in words, the printed and the
    implied value, the description. The codes (row and column ids, check names) are in
    errata.csv; readers see labels and words."""
    language = page.language
    package = load()
    errata = [
        {
            "name": caption(package.table(erratum["table_id"]), language),
            "href": blocks.evidence_href(erratum["table_id"], page),
            "place": blocks.place(
                package.table(erratum["table_id"]),
                erratum["row_id"],
                erratum["group"],
                [erratum["column_id"]],
                language,
            ),
            "check": text.text(f"data_page.checks.{erratum['check']}", language),
            "printed": erratum["printed"],
            "implied": implied_text(erratum["implied"] or "", language),
            "description": erratum[f"description_{language}"],
        }
        for erratum in package.errata
    ]
    return templates.render("errata_list.html", words=words(language), errata=errata)


def jsonld(
    package: PackageView, language: str, root: str, url: str | None = None
) -> dict[str, Any]:
    """schema.org Dataset metadata of the package, named in the page's language first.
    `root` leads to the site root (the absolute address when there is one); `url` is the
    page's own address, when known."""
    descriptor = package.descriptor
    source = descriptor["sources"][0]
    other = "en" if language == "da" else "da"
    title = {"en": descriptor["title"], "da": descriptor["title_da"]}
    csv_downloads = [
        {
            "@type": "DataDownload",
            "encodingFormat": "text/csv",
            "name": resource["name"],
            "contentUrl": f"{root}download/{resource['path']}",
        }
        for resource in descriptor["resources"]
    ]
    zip_download = {
        "@type": "DataDownload",
        "encodingFormat": "application/zip",
        "contentUrl": f"{root}download/{downloads.ZIP_NAME}",
    }
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        **({"url": url} if url else {}),
        "name": title[language],
        "alternateName": title[other],
        "description": descriptor["description" if language == "en" else "description_da"],
        "inLanguage": list(text.LANGUAGES),
        "version": descriptor["version"],
        "license": descriptor["licenses"][0]["path"],
        "keywords": descriptor["keywords"],
        "datePublished": str(descriptor["created"])[:10],
        "creator": {"@type": "Organization", "name": publisher_name()},
        "publisher": {"@type": "Organization", "name": publisher_name()},
        "isBasedOn": {
            "@type": "Report",
            "name": source["title"],
            "author": [{"@type": "Person", "name": name} for name in source["authors"]],
            "datePublished": str(source["year"]),
            "publisher": {"@type": "Organization", "name": source["publisher"]},
            "isPartOf": {"@type": "CreativeWorkSeries", "name": source["series"]},
        },
        "citation": source["title"],
        "distribution": [zip_download, *csv_downloads],
    }


@handler("dataset_jsonld")
def dataset_jsonld(page: Page) -> str:
    root = page.site_url.rstrip("/") + "/" if page.site_url else page.root
    data = jsonld(load(), page.language, root, page.public_url())
    encoded = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return templates.render("dataset_jsonld.html", json=encoded)


@handler("package_version")
def package_version(page: Page) -> str:
    return str(load().descriptor["version"])


def publisher_name() -> str:
    """Who publishes the site and the package: the package's creator (its contributors)."""
    for contributor in load().descriptor.get("contributors", []):
        if "creator" in contributor.get("roles", []):
            return str(contributor["title"])
    raise PackageError("datapackage.json names no contributor with the role 'creator'")


def release_date(language: str) -> str:
    """The package's release date (`created`, fixed in the sources, not the build time),
    written out in the language: "27. november 2026", "27 November 2026"."""
    created = date.fromisoformat(str(load().descriptor["created"])[:10])
    return format_date(created, format="long", locale=text.LOCALES[language])


def contact_link(contact: str) -> Markup:
    """A configured contact as HTML: an e-mail address or a web address as a link,
    anything else as text."""
    if EMAIL.fullmatch(contact):
        return Markup('<a href="mailto:{0}">{0}</a>').format(contact)
    if contact.startswith(("https://", "http://")):
        return Markup('<a href="{0}">{0}</a>').format(contact)
    return Markup("{0}").format(contact)


def publication(language: str, repo_url: str | None, contact: str = "") -> dict[str, Any]:
    """Publisher, release and where corrections go, in the language: for the footer of
    every page and for About this site. The issue tracker when the build knows the
    repository, the contact when one is configured; with neither, `issues` and `contact`
    are empty and the words say so (templates: partials/sbi/corrections.html)."""
    said = text.section("publisher", language)
    contact = contact.strip()
    return {
        "publisher": publisher_name(),
        "version": str(load().descriptor["version"]),
        "date": release_date(language),
        "issues": f"{repo_url.rstrip('/')}/issues" if repo_url else None,
        "contact": Markup(said["contact"]).format(contact=contact_link(contact))
        if contact
        else None,
        "words": said,
        "footer": text.section("footer", language),
    }


@handler("publisher")
def publisher(page: Page) -> str:
    """Who publishes the site, and the package release it shows."""
    facts = publication(page.language, page.repo_url, page.contact)
    return templates.render("publisher.html", publication=facts)


@handler("corrections")
def corrections(page: Page) -> str:
    """Where to report an error: the issue tracker and/or the contact, or that this copy
    of the site has neither."""
    facts = publication(page.language, page.repo_url, page.contact)
    return templates.render("corrections_paragraph.html", publication=facts)


@handler("changelog")
def changelog(page: Page) -> str:
    """CHANGELOG.md (kept in English) without its title, headings one level down (its
    versions become h3 under the page's h2), after a line in the page's language saying
    it is in English."""
    lines = CHANGELOG.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith("# ")]
    moved = "\n".join("#" + line if line.startswith("#") else line for line in body)
    return f"{words(page.language)['changelog']}\n\n{moved}"


PANDAS_OPTIONS = 'keep_default_na=False, na_values=[""], dtype={"count": "Int64", "base": "Int64"}'


@handler("load_snippets")
def load_snippets(page: Page) -> str:
    """pandas snippets (Markdown code blocks) that run as written: from the downloaded zip
    and, when the site has a public address, from the site itself."""
    snippet = text.section("load_snippets", page.language)
    table = "tabel_28" if page.language == "da" else "table_28"
    zip_code = (
        "import zipfile\n\nimport pandas as pd\n\n"
        f"# {snippet['na']}\n"
        f"options = dict({PANDAS_OPTIONS})\n"
        f'with zipfile.ZipFile("{downloads.ZIP_NAME}") as archive:\n'
        '    observations = pd.read_csv(archive.open("data/observations.csv"), **options)\n'
        '    tables = pd.read_csv(archive.open("data/tables.csv"), **options)\n'
        f'{table} = observations[observations.table_id == "T28"]\n'
    )
    parts = [snippet["zip"], f"```python\n{zip_code}```"]
    if page.site_url:
        base = page.site_url.rstrip("/") + "/download/data/"
        url_code = (
            "import pandas as pd\n\n"
            f"# {snippet['na']}\n"
            f"options = dict({PANDAS_OPTIONS})\n"
            f'base = "{base}"\n'
            'observations = pd.read_csv(base + "observations.csv", **options)\n'
            'tables = pd.read_csv(base + "tables.csv", **options)\n'
            f'{table} = observations[observations.table_id == "T28"]\n'
        )
        parts += [snippet["url"], f"```python\n{url_code}```"]
    return "\n\n".join(parts)


def citation(table: TableView, page: Page) -> Markup:
    """How to cite a table or figure, as one line: the table (number, printed page,
    title), the report (first author, year, series), this site, the package release and,
    when the site has a public address, the page's address."""
    language = page.language
    package = load()
    source = package.descriptor["sources"][0]
    url = page.public_url()
    return Markup(text.text("chart_page.cite", language)).format(
        name=caption(table, language),
        page=table.entry["page"],
        title=table.text("title", language).rstrip("."),
        author=source["authors"][0].split()[-1],
        year=source["year"],
        series=source["series"],
        site=Markup("<em>{0}</em>").format(text.text("chart_page.cite_site", language)),
        version=package.descriptor["version"],
        date=release_date(language),
        url=f", {url}" if url else "",
    )


@handler("chart_page")
def chart_page(page: Page, table_id: str) -> str:
    """The page of one chart (for links and iframes): the block, how to cite it, a way
    back, the licence."""
    table = load().table(table_id)
    language = page.language
    name = caption(table, language)
    back = text.text("chart_page.back", language, name=name.lower() if language == "da" else name)
    said = text.section("chart_page", language)
    footer = templates.render(
        "chart_page_footer.html",
        words=said,
        cite_label=text.text(
            "chart_page.cite_label",
            language,
            what=said["cite_table" if table.kind == "table" else "cite_figure"],
        ),
        citation=citation(table, page),
        home=page.home,
        back=back,
        back_href=blocks.evidence_href(table_id, page),
    )
    return (
        f"# {name}. {table.text('title', language)}\n\n"
        + blocks.block(table, page, chart_page=True)
        + f"\n\n{footer}\n"
    )
