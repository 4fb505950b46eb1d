"""The site's download folder (`download/`), straight from the published package.

- the package's files as they are (`datapackage.json`, `data/*.csv`), so the site serves
  exactly the committed package; its README.md travels inside the zip only (loose,
  MkDocs would take it for a page);
- the whole package as one zip (fixed timestamps: byte-identical between builds);
- `SHA256SUMS` of those files;
- one CSV per table and language with labels in that language (`tables/da/tabel-28.csv`);
- the comparison of board members and project leaders (`comparison.csv`, bilingual) with
  its Frictionless Table Schema (`comparison.schema.json`), from website/comparison.py.

mkdocs-static-i18n needs every file on disk, so the files are written once per build to
a temporary folder (`stage()`), added to MkDocs' files (`add_to()`) in each language's
pass, and removed at the end (`cleanup()`).
"""

from __future__ import annotations

import hashlib
import io
import tempfile
import zipfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from website import renders, text
from website.view import PackageError, PackageView, load

DOWNLOAD_DIR = "download"
ZIP_NAME = "sbi-2018-09-entydig-ledelse.zip"
ZIP_TIMESTAMP = (2018, 1, 1, 0, 0, 0)

_staging: tempfile.TemporaryDirectory[str] | None = None


def table_csv(table_id: str, language: str) -> str:
    """Where a table's CSV lies under download/: "tables/da/tabel-28.csv"."""
    return f"tables/{language}/{text.anchor(table_id, language)}.csv"


def package_files(package: PackageView) -> list[Path]:
    """The descriptor, the README and every resource the descriptor lists."""
    directory = package.directory
    files = [directory / "datapackage.json", directory / "README.md"]
    files += sorted(directory / resource["path"] for resource in package.descriptor["resources"])
    missing = [str(path) for path in files if not path.is_file()]
    if missing:
        raise PackageError(f"data package incomplete ({missing}); run scripts/build.py package")
    return files


def package_zip(package: PackageView, files: list[Path]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            name = path.relative_to(package.directory).as_posix()
            info = zipfile.ZipInfo(name, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return buffer.getvalue()


def contents(package: PackageView | None = None) -> dict[str, bytes]:
    """Every file of download/, by its path there."""
    package = package or load()
    files = package_files(package)
    found = {
        path.relative_to(package.directory).as_posix(): path.read_bytes()
        for path in files
        if path.suffix != ".md"
    }
    found[ZIP_NAME] = package_zip(package, files)
    for table in package.tables():
        if table.in_package:
            for language in text.LANGUAGES:
                headers = text.text("csv_headers", language)
                found[table_csv(table.table_id, language)] = table.csv(language, headers)
    # Imported here: comparison imports blocks, which imports this module.
    from website import comparison

    found.update(comparison.downloads(package))
    found.update(renders.downloads(package))  # charts/<da|en>/<anchor>.svg|png
    found["SHA256SUMS"] = "".join(
        f"{hashlib.sha256(content).hexdigest()}  {name}\n"
        for name, content in sorted(found.items())
        if not name.startswith(("tables/", f"{renders.DOWNLOAD_DIR}/"))
    ).encode("utf-8")
    return found


def stage() -> Path:
    """The download files in a temporary folder, written on the first call of a build."""
    global _staging
    if _staging is None:
        _staging = tempfile.TemporaryDirectory(prefix="site-downloads-")
        for name, content in contents().items():
            path = Path(_staging.name) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
    return Path(_staging.name)


def add_to(files: Files, config: MkDocsConfig) -> Files:
    """Add every staged download to MkDocs' files (once per language pass)."""
    staged = stage()
    for path in sorted(staged.rglob("*")):
        if path.is_file():
            uri = f"{DOWNLOAD_DIR}/{path.relative_to(staged).as_posix()}"
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def cleanup() -> None:
    global _staging
    if _staging is not None:
        _staging.cleanup()
        _staging = None
