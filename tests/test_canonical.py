"""Canonical addresses, publisher and release are configuration, not text.

Without SITE_URL (and REPO_URL, CONTACT) the site is built as for offline use: relative
links only, no canonical link, no Open Graph or hreflang metadata, no sitemap; two such
builds are byte-identical. The footer and About this site still name the publisher and
the release, and say honestly that this copy has no address for corrections. (The build
with a public address is tested in tests/test_published_site.py.)

Also here: the fragments behind the footer, About this site, the chart pages' citation
and the data page's JSON-LD, in both modes; the sitemap's fixed date; no address
placeholder anywhere; CITATION.cff agrees with the package.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from babel.dates import format_date

from conftest import PACKAGE_DIR, ROOT
from test_published_site import Head, build_twice, content_pages, head, snapshot
from website import fragments, text
from website.macros import HANDLERS, Page

PACKAGE = json.loads((PACKAGE_DIR / "datapackage.json").read_text(encoding="utf-8"))
RELEASED = PACKAGE["created"][:10]
PLACEHOLDERS = re.compile(r"<(?:dette-site|this-site)>", re.I)
SHARING_META = re.compile(r'<meta (?:property="og:|name="twitter:)')
HREFLANG_LINK = re.compile(r"<link\b[^>]*\bhreflang=")


def package_release() -> dict[str, str]:
    """The package's version and release date as the site writes them, per language."""
    descriptor = json.loads((PACKAGE_DIR / "datapackage.json").read_text(encoding="utf-8"))
    day = datetime.fromisoformat(descriptor["created"][:10]).date()
    return {
        "version": descriptor["version"],
        "da": format_date(day, format="long", locale="da_DK"),
        "en": format_date(day, format="long", locale="en_GB"),
    }


RELEASE = package_release()
DANISH_MONTHS = (
    "januar februar marts april maj juni juli august september oktober november december"
).split()


@pytest.fixture(scope="module")
def offline_builds(tmp_path_factory) -> tuple[Path, Path]:
    """Two builds with no public address, repository or contact in the environment."""
    environment = {"SITE_URL": None, "REPO_URL": None, "CONTACT": None}
    return build_twice(tmp_path_factory.mktemp("offline"), environment)


def test_two_builds_without_a_public_address_are_identical(offline_builds):
    first, second = (snapshot(site) for site in offline_builds)
    assert first.keys() == second.keys()
    differing = [name for name in first if first[name] != second[name]]
    assert not differing, differing[:20]


def test_without_a_public_address_no_page_has_canonical_sharing_or_hreflang(offline_builds):
    site, _ = offline_builds
    problems = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        found = head(page)
        name = page.relative_to(site).as_posix()
        if found.canonical:
            problems.append(f"{name}: canonical {found.canonical}")
        if SHARING_META.search(html):
            problems.append(f"{name}: Open Graph or Twitter metadata")
        if HREFLANG_LINK.search(html.split("</head>", 1)[0]):
            problems.append(f"{name}: hreflang link in <head>")
        if "://" in " ".join(found.canonical + sum(found.hreflang.values(), [])):
            problems.append(f"{name}: absolute address")
    assert not problems, "\n".join(problems[:30])
    assert not list(site.rglob("sitemap.xml*"))


def test_without_a_repository_the_footer_says_so_and_links_nowhere(offline_builds):
    site, _ = offline_builds
    none = {language: text.text("publisher.none", language) for language in text.LANGUAGES}
    for page in content_pages(site):
        html = page.read_text(encoding="utf-8")
        footer = re.search(r'<div class="md-copyright__release">(.*?)</div>', html, re.S)
        assert footer, page
        language = "en" if page.relative_to(site).parts[0] == "en" else "da"
        assert none[language] in footer.group(1), page
        assert "<a " not in footer.group(1), page
        assert f"Version {PACKAGE['version']}" in footer.group(1), page
        assert 'class="md-source"' not in html, page  # no repository link in the header
    about = (site / "om-siden" / "index.html").read_text(encoding="utf-8")
    assert f"{none['da']}.</p>" in about


def test_chart_page_citation_has_no_address_without_one(offline_builds):
    site, _ = offline_builds
    html = (site / "diagrammer" / "T28" / "index.html").read_text(encoding="utf-8")
    line = re.search(r'<p class="chart-page__cite">(.*?)</p>', html, re.S)
    assert line
    assert "://" not in line.group(1)
    assert line.group(1).endswith(f"datapakke version {RELEASE['version']} ({RELEASE['da']}).")


# --- The fragments, in both modes ----------------------------------------------------

DANISH = Page("om-siden.md", "da", "../")
ENGLISH = Page("om-siden.en.md", "en", "../../")
REPO = "https://github.com/example-owner/sbi-2018-09/"


def test_release_date_is_the_package_date_in_the_language():
    day = datetime.fromisoformat(RELEASED)
    assert fragments.release_date("da") == f"{day.day}. {DANISH_MONTHS[day.month - 1]} {day.year}"
    assert fragments.release_date("en") == f"{day.day} {day.strftime('%B')} {day.year}"


def test_publisher_is_the_package_creator_and_named_in_mkdocs_yml():
    creators = [c["title"] for c in PACKAGE["contributors"] if "creator" in c["roles"]]
    assert fragments.publisher_name() == creators[0] == "Open-data re-publication team"
    assert re.search(
        r"^  publisher: Open-data re-publication team$",
        (ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
        re.M,
    )


@pytest.mark.parametrize(
    ("repo_url", "contact", "expected", "absent"),
    [
        (None, "", ["denne udgave af sitet er bygget uden adresse til rettelser"], ["<a "]),
        (
            REPO,
            "",
            [f'<a href="{REPO.rstrip("/")}/issues">opret en sag (issue)'],
            ["skriv til", " eller "],
        ),
        (None, "rettelser@example.org", ['skriv til <a href="mailto:rettelser@'], ["issues"]),
        (
            REPO,
            "https://example.org/kontakt",
            ["/issues", ' eller skriv til <a href="https://example.org/kontakt">'],
            ["bygget uden"],
        ),
        (None, "Jens <Hansen> & co", ["skriv til Jens &lt;Hansen&gt; &amp; co"], ["<Hansen>"]),
    ],
)
def test_corrections_route_follows_the_configuration(repo_url, contact, expected, absent):
    page = Page("om-siden.md", "da", "../", None, repo_url, contact)
    html = HANDLERS["corrections"](page)
    assert html.startswith('<p class="corrections"><strong>Sådan melder du en fejl:</strong> ')
    for part in expected:
        assert part in html, html
    for part in absent:
        assert part not in html, html


def test_publisher_fragment_names_publisher_version_and_date_in_both_languages():
    danish, english = HANDLERS["publisher"](DANISH), HANDLERS["publisher"](ENGLISH)
    assert "udgives af Open-data re-publication team" in danish
    assert f"version {RELEASE['version']}, udgivet {RELEASE['da']}." in danish
    assert "published by the Open-data re-publication team" in english
    assert f"version {RELEASE['version']}, released {RELEASE['en']}." in english


def test_footer_facts_for_both_languages():
    for language in text.LANGUAGES:
        facts = fragments.publication(language, REPO, "")
        assert facts["issues"] == "https://github.com/example-owner/sbi-2018-09/issues"
        assert facts["contact"] is None
        assert facts["footer"]["corrections"] == text.text("footer.corrections", language)


@pytest.mark.parametrize(
    ("source", "path"),
    [
        ("index.md", ""),
        ("index.en.md", "en/"),
        ("data.md", "data/"),
        ("diagrammer/index.en.md", "en/diagrammer/"),
        ("diagrammer/T28.en.md", "en/diagrammer/T28/"),
        ("resultater/kontekst.md", "resultater/kontekst/"),
    ],
)
def test_page_path_follows_mkdocs_directory_urls(source, path):
    assert Page(source, "da", "").path == path


def test_chart_citation_with_and_without_a_public_address():
    table = fragments.load().table("T28")
    offline = fragments.citation(table, Page("diagrammer/T28.md", "da", "../../"))
    online = fragments.citation(
        table, Page("diagrammer/T28.en.md", "en", "../../../", "https://example.org/sbi")
    )
    assert offline.startswith("Tabel 28 (s. 55): ")
    assert "I: Nielsen m.fl. (2018), SBi 2018:09." in offline
    assert "<em>Entydig ledelse – åbne data</em>" in offline
    assert offline.endswith(f"datapakke version {RELEASE['version']} ({RELEASE['da']}).")
    assert "In: Nielsen et al. (2018), SBi 2018:09." in online
    assert online.endswith(
        f"data package version {RELEASE['version']} ({RELEASE['en']}), "
        "https://example.org/sbi/en/diagrammer/T28/."
    )


def test_cited_site_names_are_the_site_names_in_mkdocs_yml():
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for language in text.LANGUAGES:
        name = text.text("chart_page.cite_site", language)
        assert re.search(rf"^\s+site_name: {re.escape(name)}$", config, re.M), language


def test_json_ld_is_relative_offline_and_absolute_with_an_address():
    package = fragments.load()
    offline = fragments.jsonld(package, "da", "../")
    online = fragments.jsonld(
        package, "en", "https://example.org/sbi/", "https://example.org/sbi/en/data/"
    )
    assert "url" not in offline
    assert all(d["contentUrl"].startswith("../download/") for d in offline["distribution"])
    assert online["url"] == "https://example.org/sbi/en/data/"
    assert all(
        d["contentUrl"].startswith("https://example.org/sbi/download/")
        for d in online["distribution"]
    )
    page = Page("data.en.md", "en", "../../", "https://example.org/sbi")
    html = HANDLERS["dataset_jsonld"](page)
    assert '"url": "https://example.org/sbi/en/data/"' in html
    assert '"contentUrl": "https://example.org/sbi/download/' in html


# --- The sitemap's date, placeholders, CITATION.cff ----------------------------------


def test_sitemap_date_is_source_date_epoch_else_the_release(monkeypatch):
    from website import hooks

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert hooks.source_date() == RELEASED
    epoch = int(datetime(2027, 1, 2, 3, 4, tzinfo=UTC).timestamp())
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    assert hooks.source_date() == "2027-01-02"


def test_no_address_placeholder_anywhere():
    files = [ROOT / "CITATION.cff", ROOT / "README.md"]
    for folder in ("docs", "scripts"):
        files += [
            path
            for path in (ROOT / folder).rglob("*")
            if path.is_file() and path.suffix in (".md", ".py", ".yaml", ".yml", ".html", ".txt")
        ]
    found = [
        str(path.relative_to(ROOT))
        for path in files
        if PLACEHOLDERS.search(path.read_text(encoding="utf-8", errors="ignore"))
    ]
    assert not found, found


def test_citation_cff_agrees_with_the_package():
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(citation["version"]) == PACKAGE["version"]
    assert str(citation["date-released"]) == RELEASED
    assert [author["name"] for author in citation["authors"]] == [fragments.publisher_name()]
    assert "<" not in citation["message"]


def test_head_parser_reads_canonical_and_hreflang():
    parser = Head()
    parser.feed(
        '<html><head><link rel="canonical" href="https://a/"><link rel="alternate" '
        'hreflang="en" href="https://a/en/"><meta property="og:url" content="https://a/">'
        '</head><body><link rel="canonical" href="x"></body></html>'
    )
    assert parser.canonical == ["https://a/"]
    assert parser.hreflang == {"en": ["https://a/en/"]}
    assert parser.meta == {"og:url": ["https://a/"]}
