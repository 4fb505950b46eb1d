"""Lighthouse on the built site, as a phone user sees it: a benchmark, not a test.

    python tests/lighthouse.py                      # the default pages, mobile preset
    python tests/lighthouse.py / /en/ --desktop     # chosen pages, desktop preset
    python tests/lighthouse.py --all --failing      # every page but the chart pages

Serves site/ on 127.0.0.1 with gzip (as any real host does; Python's http.server does
not compress), runs Lighthouse 12 in Debian's Chromium (or $CHROMIUM) for each page and
prints performance, accessibility, TBT, LCP, CLS and the bytes transferred. Lighthouse
is installed with npm into a scratch folder outside the repository (LIGHTHOUSE_DIR,
default ~/.cache/sbi-lighthouse) on first use. Scores swing with machine load: compare
pages measured in one run.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
LIGHTHOUSE_VERSION = "12.2.3"
DEFAULT_PAGES = [
    "/",
    "/en/",
    "/resultater/organisationsstruktur/",
    "/en/resultater/organisationsstruktur/",
    "/diagrammer/T28/",
    "/en/diagrammer/T28/",
    "/data/",
    "/en/data/",
]
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path.split("?", 1)[0]))
        if path.is_dir():
            path = path / "index.html"
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (path.is_file() and path.suffix in COMPRESSIBLE and accepts_gzip):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def lighthouse_binary() -> Path:
    folder = Path(os.environ.get("LIGHTHOUSE_DIR", Path.home() / ".cache" / "sbi-lighthouse"))
    binary = folder / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        folder.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--prefix", str(folder), f"lighthouse@{LIGHTHOUSE_VERSION}"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return binary


def chromium() -> str:
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(found).exists():
        sys.exit("lighthouse.py: no Chromium; apt-get install -y chromium or set CHROMIUM")
    return found


class LighthouseError(Exception):
    """Lighthouse ran but gave no score for a page (it says why)."""


def every_page(site: Path) -> list[str]:
    """Every page of the site but the /diagrammer/<ID>/ chart pages (one template;
    measure a few by name), the short addresses that only redirect, and the 404 page."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        page = f"/{index.parent.relative_to(site).as_posix()}/".replace("/./", "/")
        chart_page = "/diagrammer/" in page and not page.endswith("/diagrammer/")
        if not chart_page and 'http-equiv="refresh"' not in index.read_text(encoding="utf-8"):
            pages.append(page)
    return pages


def measure(binary: Path, url: str, desktop: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        command = [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            "--only-categories=performance,accessibility",
            "--chrome-flags=--headless --no-sandbox --disable-gpu "
            "--disable-background-networking --disable-component-update --no-first-run",
        ]
        if desktop:
            command.append("--preset=desktop")
        subprocess.run(command, check=True, env={**os.environ, "CHROME_PATH": chromium()})
        data = json.loads(report.read_text(encoding="utf-8"))
    if data.get("runtimeError") or data["categories"]["performance"]["score"] is None:
        error = data.get("runtimeError") or {"code": "NO_PERFORMANCE_SCORE"}
        raise LighthouseError(f"{error.get('code')}: {error.get('message', '')}".strip(": "))
    audits = data["audits"]
    return {
        "performance": round(data["categories"]["performance"]["score"] * 100),
        "accessibility": round(data["categories"]["accessibility"]["score"] * 100),
        "tbt_ms": round(audits["total-blocking-time"]["numericValue"]),
        "lcp_s": round(audits["largest-contentful-paint"]["numericValue"] / 1000, 2),
        "cls": round(audits["cumulative-layout-shift"]["numericValue"], 3),
        "transfer_kb": round(audits["total-byte-weight"]["numericValue"] / 1024),
        "failing": [
            ref["id"]
            for ref in data["categories"]["accessibility"]["auditRefs"]
            if ref["weight"] and audits[ref["id"]]["score"] not in (None, 1)
        ],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="*", default=DEFAULT_PAGES)
    parser.add_argument("--desktop", action="store_true", help="desktop preset, not mobile")
    parser.add_argument("--site", type=Path, default=SITE, help="built site folder (site/)")
    parser.add_argument("--failing", action="store_true", help="also list failed a11y audits")
    parser.add_argument("--all", action="store_true", help="every page but the chart pages")
    arguments = parser.parse_args(argv)
    site = arguments.site
    if not (site / "index.html").is_file():
        sys.exit("lighthouse.py: site/ is not built; run `make build`")
    binary = lighthouse_binary()
    handler = lambda *a: GzipHandler(*a, directory=str(site))  # noqa: E731
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    preset = "desktop" if arguments.desktop else "mobile"
    print(f"Lighthouse {LIGHTHOUSE_VERSION}, {preset} preset, gzip, {base}")
    print("| Page | Performance | Accessibility | TBT | LCP | CLS | Transferred (gz) |")
    print("|---|---|---|---|---|---|---|")
    pages = every_page(site) if arguments.all else arguments.pages
    for page in pages:
        try:
            m = measure(binary, base + page, arguments.desktop)
        except LighthouseError as error:
            print(f"| `{page}` | no score: {error} |||||||", flush=True)
            continue
        print(
            f"| `{page}` | {m['performance']} | {m['accessibility']} | {m['tbt_ms']} ms "
            f"| {m['lcp_s']} s | {m['cls']} | {m['transfer_kb']} KB |",
            flush=True,
        )
        if arguments.failing and m["failing"]:
            print(f"|   failing accessibility audits: {', '.join(m['failing'])} |||||||")
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
