"""One term for one thing, read from the built site.

English: each glossary term has one English name (docs/ordliste.en.md). A page that uses
a non-preferred variant – in running text, headings, the page title or the navigation –
fails. Danish: the words the house style rules out, and straight quotes used as quotation
marks (Danish text uses „…“).

Only the text the pages write is checked. The table and figure blocks, the generated
tables (catalogue, data dictionary) and the chart pages are built from the data package,
whose labels and notes are maintained there; variants found only in those parts are
listed in the issue for the package, not here.
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
}

# Danish: words the house style rules out (say "tekstudgaven" and "spørgeskemaundersøgelsen").
BANNED_DA: dict[str, str] = {
    r"\budskrift(?:en|er|erne)?\b": "udskrift – skriv tekstudgaven",
    r"\bkildetekst(?:en|er|erne)?\b": "kildetekst – skriv tekstudgaven",
    r"survey(?:en|ene|s)\b": "survey – skriv spørgeskemaundersøgelsen",
}

# Pages whose prose other people own (docs/data*.md); their findings go to the issue.
NOT_OURS = {"data"}

PACKAGE_BLOCKS = [
    re.compile(r'<section class="report-table".*?</section>', re.S),
    re.compile(r'<div class="table-scroll">.*?</table></div>', re.S),
]


class PageText(HTMLParser):
    """The visible text of a page, without scripts, styles and code."""

    SKIP = ("script", "style", "code", "pre")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.SKIP:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.depth:
            self.parts.append(data)


def page_text(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    for block in PACKAGE_BLOCKS:
        html = block.sub(" ", html)
    parser = PageText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def written_pages(root: Path) -> list[Path]:
    """The pages written in docs/ (not the generated chart pages), in one language."""
    pages = []
    for path in sorted(root.rglob("index.html")):
        parts = path.relative_to(root).parts
        if parts[0] in ("en", "assets", "search", "download"):
            continue
        if parts[0] == "diagrammer" and len(parts) > 2:  # diagrammer/T01/ etc.
            continue
        if parts[0] == "anbefalinger" and len(parts) > 2:  # short-URL redirects
            continue
        if parts[0] in NOT_OURS:
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
        text = page_text(path)
        for pattern, advice in BANNED_DA.items():
            for match in re.finditer(pattern, text, re.I):
                found.append(f"{path.relative_to(site_dir)}: {advice}: {excerpt(text, match)}")
    assert not found, "\n".join(found)


def test_danish_pages_quote_with_danish_quotation_marks(site_dir):
    """„…“ in Danish text; a straight " is an English quotation mark left behind."""
    found = []
    for path in written_pages(site_dir):
        text = page_text(path)
        for match in re.finditer(r'"', text):
            found.append(f"{path.relative_to(site_dir)}: {excerpt(text, match)}")
    assert not found, "use „…“ in Danish text:\n" + "\n".join(found)
