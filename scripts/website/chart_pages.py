"""Write one page per chart (docs/diagrammer/<ID>.md and <ID>.en.md) from the catalogue.

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

from paths import ROOT
from website.blocks import caption_name, catalogue

PAGES_DIR = ROOT / "docs" / "diagrammer"
INDEX_NAMES = ("index.md", "index.en.md")


def stub(table_id: str, language: str) -> str:
    entry = catalogue()[table_id]
    title = f"{caption_name(entry, language)}. {entry[f'title_{language}']}"
    description = title.replace('"', "'")
    return (
        "---\n"
        f'description: "{description}"\n'
        "hide: [navigation, toc]\n"
        # The same table stands on its findings page; keep search results to that one.
        "search:\n  exclude: true\n"
        "---\n\n"
        f'{{{{ chart_page("{table_id}") }}}}\n'
    )


def main() -> int:
    charted = [t for t, entry in catalogue().items() if entry["in_package"] == "true"]
    with tempfile.TemporaryDirectory() as temporary:
        staging = Path(temporary)
        for table_id in charted:
            (staging / f"{table_id}.md").write_text(stub(table_id, "da"), encoding="utf-8")
            (staging / f"{table_id}.en.md").write_text(stub(table_id, "en"), encoding="utf-8")
        PAGES_DIR.mkdir(exist_ok=True)
        for old in PAGES_DIR.glob("*.md"):
            if old.name not in INDEX_NAMES:
                old.unlink()
        for new in staging.iterdir():
            shutil.copyfile(new, PAGES_DIR / new.name)
    print(f"pages: wrote {2 * len(charted)} chart pages to {PAGES_DIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
