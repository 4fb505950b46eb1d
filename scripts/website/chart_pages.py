"""Write one page per chart (docs/diagrammer/<ID>.md and <ID>.en.md) from the package.

The pages are stubs: their content is rendered from the package by the site hook
(`{{ chart_page("T28") }}`), so they hold no text of their own. They are generated
(and git-ignored) because their number follows the package.

    python scripts/build.py pages
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from paths import CHART_PAGES_DIR
from website import renders, text
from website.view import TableView, load

INDEX_NAMES = ("index.md", "index.en.md")


def stub(table: TableView, language: str) -> str:
    name = text.caption_name(table.kind, table.number, language)
    description = f"{name}. {table.text('title', language)}".replace('"', "'")
    return (
        "---\n"
        f'description: "{description}"\n'
        # The chart's PNG: the page's Open Graph image (theme main.html), from the site root.
        f"image: download/{renders.download_path(table.table_id, language, 'png')}\n"
        "hide: [navigation, toc]\n"
        # The same table stands on its findings page; keep search results to that one.
        "search:\n  exclude: true\n"
        "---\n\n"
        f'{{{{ chart_page("{table.table_id}") }}}}\n'
    )


def main(pages_dir: Path = CHART_PAGES_DIR) -> int:
    charted = [table for table in load().tables() if table.in_package]
    with tempfile.TemporaryDirectory() as temporary:
        staging = Path(temporary)
        for table in charted:
            for language in text.LANGUAGES:
                suffix = ".md" if language == "da" else f".{language}.md"
                (staging / f"{table.table_id}{suffix}").write_text(
                    stub(table, language), encoding="utf-8"
                )
        pages_dir.mkdir(exist_ok=True)
        for old in pages_dir.glob("*.md"):
            if old.name not in INDEX_NAMES:
                old.unlink()
        for new in staging.iterdir():
            shutil.copyfile(new, pages_dir / new.name)
    print(f"pages: wrote {len(text.LANGUAGES) * len(charted)} chart pages to {pages_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
