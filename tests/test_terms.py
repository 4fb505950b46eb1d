"""One term for one thing, read from the built site.

English: each glossary term has one English name (docs/ordliste.en.md). A page that uses
a non-preferred variant – in running text, headings, the page title or the navigation –
fails. Danish: the words the house style rules out, and straight quotes used as quotation
marks (Danish text uses „…“).

Every page is checked, with what the package puts on it: the table and figure blocks
(titles, questions, populations, labels, reader notes, "Om tallene" with the notes and
errata), the chart pages and the data page (catalogue, data dictionary, errata). The
package's reader-facing text uses the same terms (datapackage/source/; Danish labels are
as printed and are never changed – none of them uses a word ruled out here).

Left out, and why:
- code, pre, script and style: field names, enum values and code are not prose;
- text marked `lang="en"` on Danish pages: the package's notes on single cells exist in
  English only and are shown as English ("Om tallene"); English has its own quotation
  marks and may say "survey";
- the changelog section of the data page: the changelog is kept in English (the Danish
  page says so above it), and its entries are a record of past versions, not rewritten.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

# {preferred English term: [patterns of variants that must not appear]} (case-insensitive)
PREFERRED_EN: dict[str, list[str]] = {
    # styre-/følgegruppe
    "steering/follow-up group": [
        r"steering/advisory group",
        r"steering/monitoring group",
        r"steering and follow-up group",
        r"steering or follow-up group",
        r"steering or advisory group",
    ],
    # kernedrift
    "core services": [r"core operations", r"core business"],
    # negativ social arv
    "negative social inheritance": [
        r"cycle of (?:social )?disadvantage",
        r"social heritage",
        r"(?<!negative )social inheritance",
    ],
    # styringsstreng
    "chain of governance": [
        r"line of governance",
        r"governance line",
        r"governance chain",
        r"chain of command",
    ],
    # boligsocial bestyrelse
    "social-housing board": [r"social housing board"],
    # forretningsfører
    "general manager": [r"business manager"],
    # tekstudgaven: the web text of the report the numbers are read from
    "text version": [r"source text", r"web transcript", r"\btranscript\b"],
}

# Danish: words the house style rules out (say "tekstudgaven" and "spørgeskemaundersøgelsen").
BANNED_DA: dict[str, str] = {
    r"\b(?:web)?udskrift(?:en|er|erne)?\b": "udskrift – skriv tekstudgaven",
    r"\bkildetekst(?:en|er|erne)?\b": "kildetekst – skriv tekstudgaven",
    r"\btransskriptionen\b": "transskriptionen – skriv tekstudgaven",
    r"survey(?:en|ene|s)\b": "survey – skriv spørgeskemaundersøgelsen",
}

# The changelog: kept in English, a record of past versions (not rewritten).
CHANGELOG = re.compile(r'<h2 id="(?:aendringslog|changelog)".*?(?=<h2 |</article>)', re.S)


class PageText(HTMLParser):
    """The visible text of a page, without scripts, styles, code and (on a Danish page)
    text marked as English."""

    SKIP = ("script", "style", "code", "pre")
    VOID = ("br", "img", "input", "meta", "link", "hr", "wbr", "source", "col", "area")

    def __init__(self, skip_english: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_english = skip_english
        self.depth = 0
        self.stack: list[bool] = []  # per open element: does it start a skipped part?
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.VOID:
            return
        english = self.skip_english and dict(attrs).get("lang") == "en"
        skipped = tag in self.SKIP or english
        self.stack.append(skipped)
        self.depth += skipped

    def handle_endtag(self, tag: str) -> None:
        if tag not in self.VOID and self.stack:
            self.depth -= self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def page_text(path: Path, danish: bool = False) -> str:
    html = CHANGELOG.sub(" ", path.read_text(encoding="utf-8"))
    parser = PageText(skip_english=danish)
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def written_pages(root: Path) -> list[Path]:
    """Every page of one language: the pages written in docs/ with the package's blocks,
    the chart pages and the data page (not the short-URL redirects)."""
    pages = []
    for path in sorted(root.rglob("index.html")):
        parts = path.relative_to(root).parts
        if parts[0] in ("en", "assets", "search", "download"):
            continue
        if parts[0] == "anbefalinger" and len(parts) > 2:  # short-URL redirects
            continue
        pages.append(path)
    return pages


def excerpt(text: str, match: re.Match[str]) -> str:
    return "…" + text[max(0, match.start() - 40) : match.end() + 40] + "…"


def test_the_term_list_has_no_variant_that_is_also_preferred():
    for preferred, variants in PREFERRED_EN.items():
        for variant in variants:
            assert not re.search(variant, preferred, re.I), (preferred, variant)


@pytest.mark.parametrize("preferred", sorted(PREFERRED_EN))
def test_english_pages_use_one_term(site_dir, preferred):
    pages = written_pages(site_dir / "en")
    assert pages, "no English pages built"
    found = []
    for path in pages:
        text = page_text(path)
        for variant in PREFERRED_EN[preferred]:
            for match in re.finditer(variant, text, re.I):
                found.append(f"{path.relative_to(site_dir)}: {excerpt(text, match)}")
    assert not found, f"use {preferred!r}:\n" + "\n".join(found)


def test_english_pages_use_the_preferred_terms_somewhere(site_dir):
    """Guards the test itself: the preferred terms are what the pages actually say."""
    text = " ".join(page_text(path) for path in written_pages(site_dir / "en"))
    missing = [term for term in PREFERRED_EN if term.lower() not in text.lower()]
    assert not missing, missing


def test_danish_pages_avoid_words_the_house_style_rules_out(site_dir):
    pages = written_pages(site_dir)
    assert pages, "no Danish pages built"
    found = []
    for path in pages:
        text = page_text(path, danish=True)
        for pattern, advice in BANNED_DA.items():
            for match in re.finditer(pattern, text, re.I):
                found.append(f"{path.relative_to(site_dir)}: {advice}: {excerpt(text, match)}")
    assert not found, "\n".join(found)


def test_danish_pages_quote_with_danish_quotation_marks(site_dir):
    """„…“ in Danish text; a straight " is an English quotation mark left behind."""
    found = []
    for path in written_pages(site_dir):
        text = page_text(path, danish=True)
        for match in re.finditer(r'"', text):
            found.append(f"{path.relative_to(site_dir)}: {excerpt(text, match)}")
    assert not found, "use „…“ in Danish text:\n" + "\n".join(found)


def test_package_blocks_chart_pages_and_the_data_page_are_checked(site_dir):
    """Guards the page list: what used to be left out is read now."""
    danish = {p.relative_to(site_dir).as_posix() for p in written_pages(site_dir)}
    english = {p.relative_to(site_dir / "en").as_posix() for p in written_pages(site_dir / "en")}
    for pages in (danish, english):
        assert {
            "data/index.html",
            "diagrammer/T28/index.html",
            "resultater/bidrag/index.html",
        } <= pages
    text = page_text(site_dir / "resultater" / "bidrag" / "index.html", danish=True)
    assert "Hvad helhedsplanen medvirker til" in text  # a block's title
    assert "Om tallene" in text and "tekstudgaven" in text  # the block's "Om tallene"
    assert "Not asked of project leaders" not in text  # an English cell note is left out


def test_the_text_reader_leaves_out_only_code_and_marked_english():
    html = '<p>Dansk <code>survey_code</code> <span lang="en">"English"</span> „tekst“<br>slut</p>'
    parser = PageText(skip_english=True)
    parser.feed(html)
    assert " ".join(parser.parts).split() == ["Dansk", "„tekst“", "slut"]
