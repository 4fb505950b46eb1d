"""Page fragments generated from the data package, in the page's language.

Pages write `{{ data_dictionary() }}`, `{{ table_catalogue() }}`, `{{ errata_list() }}`,
`{{ dataset_jsonld() }}` or `{{ download_list() }}`; the site hook replaces them, so the
data page can never drift from the package it describes.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from typing import Any

from paths import ROOT
from website.blocks import (
    anchor,
    caption_name,
    catalogue,
    language_root,
    page_title,
    render_table_block,
    table_pages,
)

DESCRIPTOR = ROOT / "datapackage" / "datapackage.json"
ZIP_NAME = "sbi-2018-09-entydig-ledelse.zip"

WORDS = {
    "da": {
        "field": "Felt",
        "type": "Type",
        "required": "Påkrævet",
        "description": "Beskrivelse",
        "yes": "ja",
        "no": "nej",
        "resource": "Ressource",
        "id": "Id",
        "title": "Titel",
        "page": "Side",
        "where": "Findes på",
        "cells": "Celler",
        "diagram": "diagram uden tal",
        "table_word": "Tabel",
        "figure_word": "Figur",
        "check": "Tjek",
        "printed": "Trykt",
        "implied": "Udledt",
        "what": "Hvad stemmer ikke",
        "cell": "Celle",
        "keys": "Primærnøgle",
        "file": "Fil",
        "rows": "Rækker",
        "zip": "Hele datapakken (zip)",
        "checksums": "SHA256-kontrolsummer",
    },
    "en": {
        "field": "Field",
        "type": "Type",
        "required": "Required",
        "description": "Description",
        "yes": "yes",
        "no": "no",
        "resource": "Resource",
        "id": "Id",
        "title": "Title",
        "page": "Page",
        "where": "Shown on",
        "cells": "Cells",
        "diagram": "diagram without numbers",
        "table_word": "Table",
        "figure_word": "Figure",
        "check": "Check",
        "printed": "Printed",
        "implied": "Implied",
        "what": "What is inconsistent",
        "cell": "Cell",
        "keys": "Primary key",
        "file": "File",
        "rows": "Rows",
        "zip": "The whole data package (zip)",
        "checksums": "SHA256 checksums",
    },
}


def descriptor() -> dict[str, Any]:
    return json.loads(DESCRIPTOR.read_text(encoding="utf-8"))


def evidence_link(table_id: str, language: str, prefix: str, text: str) -> str:
    """A link to the table's block on the page where it stands (or the text alone)."""
    page = table_pages().get(table_id)
    if page is None:
        return text
    home = language_root(prefix, language)
    return f'<a href="{home}{page}#{anchor(table_id, language)}">{text}</a>'


def _table(head: list[str], rows: list[list[str]]) -> str:
    header = "".join(f'<th scope="col">{h}</th>' for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<div class="table-scroll"><table><thead><tr>{header}</tr>'
        f"</thead><tbody>{body}</tbody></table></div>"
    )


def data_dictionary(language: str, prefix: str) -> str:
    words = WORDS[language]
    parts = []
    for resource in descriptor()["resources"]:
        schema = resource["schema"]
        rows = []
        for field in schema["fields"]:
            description = field["description_da"] if language == "da" else field["description"]
            constraints = field.get("constraints", {})
            extra = ""
            if "enum" in constraints and len(constraints["enum"]) <= 8:
                extra = " (" + ", ".join(f"<code>{v}</code>" for v in constraints["enum"]) + ")"
            rows.append(
                [
                    f"<code>{field['name']}</code>",
                    field["type"],
                    words["yes"] if constraints.get("required") else words["no"],
                    html.escape(description) + extra,
                ]
            )
        keys = ", ".join(f"<code>{k}</code>" for k in schema["primaryKey"])
        parts.append(
            f'<h3 id="{resource["name"]}-csv"><code>{resource["path"]}</code></h3>'
            f"<p>{html.escape(resource['description'])} {words['keys']}: {keys}.</p>"
            + _table([words["field"], words["type"], words["required"], words["description"]], rows)
        )
    return "\n".join(parts)


def table_catalogue(language: str, prefix: str) -> str:
    words = WORDS[language]
    home = language_root(prefix, language)
    rows = []
    for table_id, entry in catalogue().items():
        name = words["table_word"] if table_id[0] == "T" else words["figure_word"]
        label = f"{name} {entry['number']}"
        charted = entry["in_package"] == "true"
        link = f'<a href="{home}diagrammer/{table_id}/">{label}</a>' if charted else label
        page = table_pages().get(table_id)
        where = (
            evidence_link(table_id, language, prefix, html.escape(page_title(page, language)))
            if page is not None
            else ""
        )
        cells = entry["cell_count"] if charted else words["diagram"]
        rows.append([link, html.escape(entry[f"title_{language}"]), entry["page"], cells, where])
    return _table(
        [words["id"], words["title"], words["page"], words["cells"], words["where"]], rows
    )


def errata_list(language: str, prefix: str) -> str:
    words = WORDS[language]
    errata = next(r for r in descriptor()["resources"] if r["name"] == "errata")
    path = ROOT / "datapackage" / errata["path"]
    import csv

    with path.open(encoding="utf-8", newline="") as handle:
        entries = list(csv.DictReader(handle))
    rows = []
    for entry in entries:
        table_id = entry["table_id"]
        name = words["table_word"] if table_id[0] == "T" else words["figure_word"]
        label = evidence_link(table_id, language, prefix, f"{name} {int(table_id[1:])}")
        cell = f"{label}: <code>{entry['row_id']}</code> / <code>{entry['column_id']}</code>"
        rows.append(
            [
                cell,
                f"<code>{entry['check']}</code>",
                html.escape(entry["printed"]),
                html.escape(entry["implied"]),
                html.escape(entry[f"description_{language}"]),
            ]
        )
    return _table(
        [words["cell"], words["check"], words["printed"], words["implied"], words["what"]], rows
    )


def download_list(language: str, prefix: str) -> str:
    words = WORDS[language]
    items = [f'<li><a href="{prefix}download/{ZIP_NAME}" download>{words["zip"]}</a></li>']
    items.append(f'<li><a href="{prefix}download/datapackage.json">datapackage.json</a></li>')
    for resource in descriptor()["resources"]:
        items.append(
            f'<li><a href="{prefix}download/{resource["path"]}" download>'
            f"{resource['path'].split('/')[-1]}</a> — {html.escape(resource['description'])} "
            f"({resource['bytes']:,} bytes)</li>".replace(",", "." if language == "da" else ",")
        )
    items.append(f'<li><a href="{prefix}download/SHA256SUMS">{words["checksums"]}</a></li>')
    return "<ul>" + "".join(items) + "</ul>"


def dataset_jsonld(language: str, prefix: str) -> str:
    package = descriptor()
    source = package["sources"][0]
    data = {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": package["title"] if language == "en" else package["title_da"],
        "alternateName": package["title_da"] if language == "en" else package["title"],
        "description": package["description"] if language == "en" else package["description_da"],
        "inLanguage": ["da", "en"],
        "version": package["version"],
        "license": package["licenses"][0]["path"],
        "keywords": package["keywords"],
        "creator": {"@type": "Organization", "name": package["contributors"][0]["title"]},
        "isBasedOn": {
            "@type": "Report",
            "name": source["title"],
            "author": [{"@type": "Person", "name": name} for name in source["authors"]],
            "datePublished": str(source["year"]),
            "publisher": {"@type": "Organization", "name": source["publisher"]},
            "isPartOf": {"@type": "CreativeWorkSeries", "name": source["series"]},
        },
        "citation": source["title"],
        "distribution": [
            {
                "@type": "DataDownload",
                "encodingFormat": "application/zip",
                "contentUrl": f"{prefix}download/{ZIP_NAME}",
            }
        ]
        + [
            {
                "@type": "DataDownload",
                "encodingFormat": "text/csv",
                "name": resource["name"],
                "contentUrl": f"{prefix}download/{resource['path']}",
            }
            for resource in package["resources"]
        ],
    }
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">{text}</script>'


CHART_PAGE_WORDS = {
    "da": {
        "back": "Se {name} i sammenhæng på resultatsiden",
        "licence": "Data: SBi 2018:09 (Nielsen m.fl. 2018), samlet og udgivet under "
        '<a href="https://creativecommons.org/licenses/by/4.0/deed.da">CC BY 4.0</a>.',
        "all": "Alle tabeller og figurer",
    },
    "en": {
        "back": "See {name} in context on the findings page",
        "licence": "Data: SBi 2018:09 (Nielsen et al. 2018), compiled and released under "
        '<a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a>.',
        "all": "All tables and figures",
    },
}


def chart_page(table_id: str, language: str, prefix: str) -> str:
    """The page of one chart (for links and iframes): the block, licence and a way back."""
    entry = catalogue()[table_id]
    words = CHART_PAGE_WORDS[language]
    name = caption_name(entry, language)
    back = ""
    if table_id in table_pages():
        text = words["back"].format(name=name.lower() if language == "da" else name)
        back = evidence_link(table_id, language, prefix, text) + " · "
    return (
        f"# {name}. {entry[f'title_{language}']}\n\n"
        + render_table_block(table_id, language, prefix, chart_page=True)
        + f'\n\n<p class="chart-page__footer">{back}'
        f'<a href="{language_root(prefix, language)}diagrammer/">{words["all"]}</a>'
        f"<br>{words['licence']}</p>\n"
    )


def changelog(language: str, prefix: str) -> str:
    """CHANGELOG.md (kept in English) without its title, headings moved down two levels."""
    lines = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8").splitlines()
    body = [line for line in lines if not line.startswith("# ")]
    return "\n".join("##" + line if line.startswith("#") else line for line in body)


SNIPPET_WORDS = {
    "da": {
        "zip": "Fra zip-filen (hent den ovenfor og læg den i den mappe, du kører Python fra):",
        "url": "Direkte fra sitet:",
        "na": "Kun tomme celler er manglende; en tekst som „None“ (tabel 18) forbliver tekst.",
    },
    "en": {
        "zip": "From the zip file (download it above into the folder you run Python in):",
        "url": "Straight from the site:",
        "na": 'Only empty cells are missing; a label such as "None" (table 18) stays text.',
    },
}
PANDAS_OPTIONS = 'keep_default_na=False, na_values=[""], dtype={"count": "Int64", "base": "Int64"}'
# The site's public address (site_url), set by the site hook; None builds offline snippets.
site_url: str | None = None


def load_snippets(language: str, prefix: str) -> str:
    """pandas snippets that run as written: from the downloaded zip and, when the site has
    a public address, from the site itself."""
    words = SNIPPET_WORDS[language]
    table = "tabel_28" if language == "da" else "table_28"
    zip_code = (
        "import zipfile\n\nimport pandas as pd\n\n"
        f"# {words['na']}\n"
        f"options = dict({PANDAS_OPTIONS})\n"
        f'with zipfile.ZipFile("{ZIP_NAME}") as archive:\n'
        '    observations = pd.read_csv(archive.open("data/observations.csv"), **options)\n'
        '    tables = pd.read_csv(archive.open("data/tables.csv"), **options)\n'
        f'{table} = observations[observations.table_id == "T28"]\n'
    )
    parts = [words["zip"], f"```python\n{zip_code}```"]
    if site_url:
        base = site_url.rstrip("/") + "/download/data/"
        url_code = (
            "import pandas as pd\n\n"
            f"# {words['na']}\n"
            f"options = dict({PANDAS_OPTIONS})\n"
            f'base = "{base}"\n'
            'observations = pd.read_csv(base + "observations.csv", **options)\n'
            'tables = pd.read_csv(base + "tables.csv", **options)\n'
            f'{table} = observations[observations.table_id == "T28"]\n'
        )
        parts += [words["url"], f"```python\n{url_code}```"]
    return "\n\n".join(parts)


def package_version(language: str, prefix: str) -> str:
    return str(descriptor()["version"])


FRAGMENTS: dict[str, Callable[[str, str], str]] = {
    "data_dictionary": data_dictionary,
    "table_catalogue": table_catalogue,
    "errata_list": errata_list,
    "download_list": download_list,
    "dataset_jsonld": dataset_jsonld,
    "changelog": changelog,
    "package_version": package_version,
    "load_snippets": load_snippets,
}
