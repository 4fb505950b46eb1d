"""The code on the data pages runs as written against what the site lets you download."""

from __future__ import annotations

import html
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from conftest import read_csv

CODE_BLOCK = re.compile(r'<div class="highlight"><pre><span></span><code>(.*?)</code></pre>', re.S)
ZIP = "sbi-2018-09-entydig-ledelse.zip"


def python_snippets(page: Path) -> list[str]:
    blocks = [
        html.unescape(re.sub(r"<[^>]+>", "", block))
        for block in CODE_BLOCK.findall(page.read_text(encoding="utf-8"))
    ]
    return [code for code in blocks if code.startswith(("import ", "from "))]


def test_each_data_page_has_the_zip_and_frictionless_snippets(site_dir):
    for page in ("data/index.html", "en/data/index.html"):
        snippets = python_snippets(site_dir / page)
        assert len(snippets) == 2, (page, snippets)
        assert ZIP in snippets[0] and "<" not in snippets[0]


@pytest.mark.parametrize("page", ["data/index.html", "en/data/index.html"])
def test_python_snippets_run_against_the_downloaded_zip(site_dir, tmp_path, monkeypatch, page):
    """In a folder holding the downloaded zip and its unpacked files, as a reader has."""
    shutil.copy(site_dir / "download" / ZIP, tmp_path)
    with zipfile.ZipFile(tmp_path / ZIP) as archive:
        archive.extractall(tmp_path)
    monkeypatch.chdir(tmp_path)
    printed = len(read_csv("observations"))
    for code in python_snippets(site_dir / page):
        namespace: dict[str, object] = {}
        exec(compile(code, f"{page} snippet", "exec"), namespace)  # noqa: S102 - our own page
        if "observations" in namespace:
            observations = namespace["observations"]
            assert len(observations) == printed
            label = observations.loc[
                (observations.table_id == "T18") & (observations.row_id == "no_group"),
                "row_label_en",
            ]
            assert list(label) == ["None"], "pandas read the label 'None' as missing"
            assert str(observations["count"].dtype) == "Int64"
        else:
            assert "package" in namespace and namespace["package"].validate().valid
