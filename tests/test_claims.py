"""Claims checked against the report once (issue 10), held in place.

Each test names the report's printed page that settles the claim. They read the page
sources in docs/, where the wording lives.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"


def page(name: str) -> str:
    return (DOCS / name).read_text(encoding="utf-8")


def line_with(text: str, marker: str) -> str:
    lines = [line for line in text.splitlines() if marker in line]
    assert len(lines) == 1, f"{marker!r}: expected one line, found {len(lines)}"
    return lines[0]


# The report's headings of its five recommendations (pp. 14-15), word for word.
REPORT_HEADINGS = {
    1: ("Samarbejdet mellem praktisk og strategisk niveau skal styrkes", 14),
    2: ("Styre-/følgegruppernes organisatoriske rolle skal ekspliciteres", 14),
    3: ("Det politiske niveau bør indtænkes i den nye struktur", 14),
    4: ("Projektlederens rolle bør præciseres", 14),
    5: ("Den datadrevne monitorering bør forbedres", 15),
}


@pytest.mark.parametrize("number", sorted(REPORT_HEADINGS))
def test_recommendations_quote_the_reports_headings(number):
    heading, printed_page = REPORT_HEADINGS[number]
    danish, english = page("anbefalinger.md"), page("anbefalinger.en.md")
    assert (
        f"## {number}. „{heading}“ {{#anbefaling-{number}}}\n\n*Rapportens overskrift (s. {printed_page}).*"
        in danish
    )
    assert re.search(
        rf"^## {number}\. \"[^\"]+\" \{{#recommendation-{number}\}}\n\n"
        rf"\*The report's heading, in our translation; in Danish „{re.escape(heading)}“ "
        rf"\(p\. {printed_page}\)\.\*",
        english,
        re.M,
    )


def test_related_findings_are_labelled_as_our_selection():
    assert (
        page("anbefalinger.md").count("**Relaterede resultater – vores udvalg, ikke rapportens:**")
        == 5
    )
    assert (
        page("anbefalinger.en.md").count("**Related findings – our selection, not the report's:**")
        == 5
    )
    assert "**Grundlag:**" not in page("anbefalinger.md")
    assert "**Evidence:**" not in page("anbefalinger.en.md")


def test_recommendation_4_keeps_the_reports_strength():
    """p. 15: „Der kan være behov for dialog med projektlederne“ – not an instruction."""
    danish = page("anbefalinger.md")
    assert "Projektlederne bør inddrages" not in danish
    assert "„Der kan være behov for dialog med projektlederne“ (s. 15)" in danish


def test_recommendation_3_leaves_the_board_question_open():
    """p. 12: the report cannot say whether the board is the right place."""
    danish, english = page("anbefalinger.md"), page("anbefalinger.en.md")
    assert "selv om de ikke sidder i bestyrelsen" not in danish
    assert "even when they do not sit on the board" not in english
    assert "hvilken rolle politikerne skal eller kan have" not in danish
    section = danish.split("{#anbefaling-3}")[1].split("{#anbefaling-4}")[0]
    assert "(s. 12)" in section and "den politiske repræsentation skal eller kan have" in section
    section = english.split("{#recommendation-3}")[1].split("{#recommendation-4}")[0]
    assert (
        "(p. 12)" in section and "what role political representation should or can have" in section
    )


def test_recommendation_5_gives_the_agreements_counterpoint():
    """p. 42 (no tight link) next to pp. 9 and 40 (a clear link in the agreements)."""
    assert "(s. 9 og 40)" in page("anbefalinger.md").split("{#anbefaling-5}")[1]
    assert "(pp. 9 and 40)" in page("anbefalinger.en.md").split("{#recommendation-5}")[1]


@pytest.mark.parametrize(
    ("name", "marker", "group_word"),
    [("index.md", "**Bred opbakning:**", "Blandt"), ("index.en.md", "**Broad support:**", "Among")],
)
def test_broad_support_is_very_positive_and_positive_in_both_groups(name, marker, group_word):
    """Figure 7 (pp. 63-64): a minority is 'very positive'; broad support needs both shares."""
    line = line_with(page(name), marker)
    for column in ("very_positive", "positive"):
        for group in ("project_leaders", "board_members"):
            assert f'pct("F07", "leadership_attention", "{column}", "{group}")' in line
    assert group_word in line
    # no sum is claimed: no macro gives one
    assert "tilsammen" not in line and "together" not in line


def test_the_home_page_counts_answers_not_questionnaires_sent():
    assert 'spørgeskemaer til {{ count("T07"' not in page("index.md")
    assert 'som {{ count("T07", "total", "respondents") }} bestyrelsesmedlemmer' in page("index.md")
    assert 'questionnaires to {{ count("T07"' not in page("index.en.md")
    assert 'answered by {{ count("T07", "total", "respondents") }} board members' in page(
        "index.en.md"
    )


def test_the_christensen_reports_are_not_sub_reports_of_this_evaluation():
    """pp. 20 and 4: earlier work, presented among earlier evaluations; this is part one."""
    danish, english = page("resultater/bidrag.md"), page("resultater/bidrag.en.md")
    assert "delrapport" not in danish
    assert "sub-report" not in english
    assert "Christensen m.fl. 2018a og 2018b" in danish and "(s. 20)" in danish
    assert "Christensen et al. 2018a and 2018b" in english and "(p. 20)" in english


def test_table_34_is_quoted_as_printed_not_as_the_prose_rounds_it():
    """p. 58: the prose says at least half; table 34 has one 'high degree' under half."""
    macro = 'pct("T34", "education_employment_facilitating", "high_degree")'
    assert macro in page("resultater/bidrag.md")
    assert macro in page("resultater/bidrag.en.md")
    assert "siger mindst halvdelen „i høj grad“ til hver arbejdsform" not in page(
        "resultater/bidrag.md"
    )


def test_the_agreements_were_meant_to_secure_clear_terms():
    """p. 79: „skulle for så vidt sikre klare aftaler fra start“."""
    assert "burde have givet" not in page("resultater/vaerktoejer.md")
    assert "var tænkt til at sikre klare aftaler" in page("resultater/vaerktoejer.md")
    assert "should have secured" not in page("resultater/vaerktoejer.en.md")
    assert "was meant to secure clear arrangements" in page("resultater/vaerktoejer.en.md")


def test_municipalities_with_many_social_housing_residents_may_have_more_experience():
    """pp. 30-31: 'kan have' and 'Det vides ikke'."""
    danish, english = page("resultater/kontekst.md"), page("resultater/kontekst.en.md")
    assert "Rapporten forventer, at kommuner med mange almene beboere" not in danish
    assert (
        "kan kommuner, hvor mange bor alment, tænkes at have mere erfaring" in danish
        and "vides ikke endnu (s. 31)" in danish
    )
    assert "The report expects municipalities" not in english
    assert "may have broader experience" in english and "not yet known (p. 31)" in english


def test_cooperation_with_the_board_works_relatively_well():
    """p. 48: „fungerer det relativt godt“."""
    assert "nogenlunde" not in page("resultater/styre-foelgegrupper.md")
    assert "relativt godt (s. 48)" in page("resultater/styre-foelgegrupper.md")
    assert "works reasonably" not in page("resultater/styre-foelgegrupper.en.md")
    assert "works relatively well (p. 48)" in page("resultater/styre-foelgegrupper.en.md")


def test_the_glossary_uses_the_reports_term_for_the_one_year_review():
    """Table of contents (p. 3): „Etårs-gennemgang“; p. 17 only places it among the tools."""
    for name in ("ordliste.md", "ordliste.en.md"):
        text = page(name)
        assert "| etårs-gennemgang | one-year review |" in text
        assert "| et-årseftersyn |" not in text
        assert "første år" not in text and "after the first year" not in text


@pytest.mark.parametrize(
    ("name", "phrases"),
    [
        ("resultater/kontekst.md", ["trykt selvmodsigende"]),
        ("resultater/kontekst.en.md", ["printed figure itself"]),
        ("resultater/styre-foelgegrupper.md", ["total trykt som", "trykfejl for 100"]),
        ("resultater/styre-foelgegrupper.en.md", ['printed as "1005"', "misprint for 100"]),
        ("om-siden.md", ["total trykt som"]),
        ("om-siden.en.md", ["total printed as"]),
    ],
)
def test_claims_about_the_print_are_about_the_text_version(name, phrases):
    text = page(name)
    for phrase in phrases:
        assert phrase not in text, f"{name}: {phrase!r} – say what the text version shows"


def test_the_text_version_is_explained_once_and_linked_from_findings_pages():
    assert "{#tekstudgaven}" in page("om-siden.md")
    assert "{#text-version}" in page("om-siden.en.md")
    pages = ["index.md"] + sorted(
        str(path.relative_to(DOCS)) for path in (DOCS / "resultater").glob("*.md")
    )
    for name in pages:
        text = page(name)
        if name.endswith(".en.md"):
            assert text.count("*2018 baseline:") == 1, name
            assert "om-siden.md#text-version" in line_with(text, "*2018 baseline:"), name
        else:
            assert text.count("*Førmåling 2018:") == 1, name
            assert "om-siden.md#tekstudgaven" in line_with(text, "*Førmåling 2018:"), name


def test_the_conclusions_page_carries_the_wider_police_and_other_actors_conclusions():
    """pp. 8-9: further involvement of other actors, and of the police also strategically."""
    danish, english = page("konklusioner.md"), page("konklusioner.en.md")
    assert "{#andre-aktoerer}" in danish and "{#politiet}" in danish
    assert "{#other-actors}" in english and "{#police}" in english
    police = danish.split("{#politiet}")[1].split("\n## ")[0]
    assert "også på det strategiske niveau" in police and "(s. 9)" in police
    ids = re.findall(r"\{#([\w-]+)\}", danish), re.findall(r"\{#([\w-]+)\}", english)
    assert len(ids[0]) == len(ids[1]) == 11
