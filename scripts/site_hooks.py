"""MkDocs hooks: publish the data package downloads with the site.

The files come straight from datapackage/ (built by scripts/build_package.py), so the
site always serves exactly the committed, validated package.
"""

from __future__ import annotations

import hashlib
import io
import re
import sys
import tempfile
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

sys.path.insert(0, str(Path(__file__).resolve().parent))
from numbers_in_text import NumberError, render_text  # noqa: E402
from table_blocks import TableBlockError, render_table_block  # noqa: E402

TABLE_MACRO = re.compile(r"\{\{\s*table\(\s*[\"'](?P<id>[TF]\d{2})[\"']\s*\)\s*\}\}")

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIR = ROOT / "datapackage"
DOWNLOAD_DIR = "download"
ZIP_NAME = "sbi-2018-09-entydig-ledelse.zip"
# A fixed timestamp keeps the zip byte-identical between builds.
ZIP_TIMESTAMP = (2018, 1, 1, 0, 0, 0)


def package_files() -> list[Path]:
    files = [PACKAGE_DIR / "datapackage.json", PACKAGE_DIR / "README.md"]
    files += sorted((PACKAGE_DIR / "data").glob("*.csv"))
    missing = [str(path) for path in files if not path.is_file()]
    if missing or len(files) < 3:
        sys.exit(f"site_hooks: data package not built ({missing}); run scripts/build_package.py")
    return files


def package_zip(files: list[Path]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            info = zipfile.ZipInfo(str(path.relative_to(PACKAGE_DIR)), date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def download_contents() -> dict[str, bytes]:
    files = package_files()
    # README.md travels inside the zip only: loose, MkDocs would take it for a page.
    contents = {
        str(path.relative_to(PACKAGE_DIR)): path.read_bytes()
        for path in files
        if path.suffix != ".md"
    }
    contents[ZIP_NAME] = package_zip(files)
    contents["SHA256SUMS"] = "".join(
        f"{hashlib.sha256(content).hexdigest()}  {name}\n"
        for name, content in sorted(contents.items())
    ).encode("utf-8")
    return contents


_staging: tempfile.TemporaryDirectory[str] | None = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # mkdocs-static-i18n needs every file to exist on disk, so stage them in a temp dir.
    global _staging
    if _staging is None:
        _staging = tempfile.TemporaryDirectory(prefix="site-downloads-")
        for name, content in download_contents().items():
            path = Path(_staging.name) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    for path in sorted(Path(_staging.name).rglob("*")):
        if path.is_file():
            uri = f"{DOWNLOAD_DIR}/{path.relative_to(_staging.name).as_posix()}"
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def on_shutdown() -> None:
    global _staging
    if _staging is not None:
        _staging.cleanup()
        _staging = None


def page_language(page: Page) -> str:
    return "en" if page.file.src_uri.endswith(".en.md") else "da"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page)
    try:
        markdown = TABLE_MACRO.sub(
            lambda match: render_table_block(match.group("id"), language), markdown
        )
        return render_text(markdown, language, page.file.src_uri)
    except (NumberError, TableBlockError) as error:
        raise PluginError(str(error)) from error
