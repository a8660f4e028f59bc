"""What a reader pays: bytes a real browser fetches on a first visit and a first search, and Lighthouse.

The built site is served from this machine by a small server that gzips text as web hosts do (GitHub
Pages, Netlify and the like all do), so the figures are what a reader's browser really transfers, not
artefacts of a plain file server. Debian's Chromium, driven by Playwright, visits a page with an empty
cache and counts the encoded bytes of every response (everything the page fetches: HTML, CSS,
scripts, icons, the search files); then it types a word in the search box and counts what the search
fetched. Lighthouse (from npm, pinned in package.json) runs on the same Chromium (CHROME_PATH) with its
default mobile settings and reports the performance score with LCP, CLS and TBT, the median of a few runs.

Run it on its own for one page of a site at a size (it builds that site first):

    .venv/bin/python bench/reader.py --scale 100 --page progress/2025-26/
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import mimetypes
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(BENCH))

import synthetic  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from project import copy_project  # noqa: E402

from engagement_hub.output.chromium import FLAGS, find_chromium  # noqa: E402

SEARCH_WORD = "patient"  # a word on most pages, so the search fetches as many results as it ever shows
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class _Gzipping(SimpleHTTPRequestHandler):
    """Files as a web host serves them: text gzipped when the browser accepts it; Pagefind's index files
    are already compressed and go as they are."""

    cache: dict[tuple[Path, int, int], bytes]

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            path, status = Path(self.directory) / "404.html", 404
        body = path.read_bytes()
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if kind.startswith(COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
            key = (path, len(body), path.stat().st_mtime_ns)  # each file compressed once, unless it changes
            if key not in self.cache:
                self.cache[key] = gzip.compress(body, compresslevel=6, mtime=0)
            body = self.cache[key]
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def serve_gzipped(directory: Path) -> tuple[str, ThreadingHTTPServer]:
    handler = type("Handler", (_Gzipping,), {"cache": {}})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


def _transferred(requests: list[Any]) -> tuple[int, int]:
    """Encoded response bytes (bodies and headers) of finished requests, and how many there were."""
    total = 0
    for request in requests:
        sizes = request.sizes()
        total += max(sizes["responseBodySize"], 0) + max(sizes["responseHeadersSize"], 0)
    return total, len(requests)


def visit_and_search(browser: Any, base: str, address: str) -> dict[str, Any]:
    """Bytes of a first visit (empty cache) to the page, then of a first search typed on it."""
    context = browser.new_context(viewport={"width": 412, "height": 823})  # a phone, as Lighthouse's mobile
    page = context.new_page()
    finished: list[Any] = []

    def keep(request: Any) -> None:  # Playwright wraps handlers, so a bound builtin like list.append will not do
        finished.append(request)

    page.on("requestfinished", keep)
    page.goto(base + address, wait_until="networkidle")
    visit, visit_files = _transferred(finished)
    search_files = [r.url for r in finished if "/pagefind/" in r.url]
    done = len(finished)
    page.keyboard.press("/")
    page.keyboard.type(SEARCH_WORD, delay=30)
    # A locator, not wait_for_function: that evaluates a string, which the page's own CSP (kept on, so the
    # figures are the real page's) refuses.
    page.locator("#hub-search-status", has_text="match").wait_for(timeout=180_000)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    search, search_files_n = _transferred(finished[done:])
    status = page.inner_text("#hub-search-status")
    context.close()
    return {"visit": visit, "visit_files": visit_files, "search_on_visit": search_files,
            "search": search, "search_files": search_files_n, "search_status": status}


def lighthouse(url: str, runs: int = 3) -> dict[str, float]:
    """Median Lighthouse mobile performance score, LCP (s), CLS and TBT (ms) over ``runs`` runs."""
    if not LIGHTHOUSE.is_file():
        raise SystemExit("Lighthouse is not installed: run `npm ci` (package.json pins it).")
    chromium = find_chromium()
    if not chromium:
        raise SystemExit("Debian's chromium is not installed: run `make system-deps`.")
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="hub-lighthouse-") as profile:
            out = subprocess.run(
                ["node", str(LIGHTHOUSE), url, "--only-categories=performance", "--output=json",
                 "--output-path=stdout", "--quiet", f"--chrome-flags={' '.join(FLAGS)} --user-data-dir={profile}"],
                env={**os.environ, "CHROME_PATH": chromium}, capture_output=True, text=True, timeout=300, check=False)
        if out.returncode:
            raise SystemExit(f"Lighthouse failed on {url}:\n{out.stderr[-2000:]}")
        report = json.loads(out.stdout)
        audits = report["audits"]
        results.append({"score": report["categories"]["performance"]["score"],
                        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
                        "cls": audits["cumulative-layout-shift"]["numericValue"],
                        "tbt_ms": audits["total-blocking-time"]["numericValue"]})
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def measure_site(site: Path, pages: dict[str, str], runs: int = 3, with_lighthouse: bool = True) -> dict[str, Any]:
    """Reader figures for each named page of a built site."""
    base, server = serve_gzipped(site)
    out: dict[str, Any] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=find_chromium(), args=list(FLAGS))
            for name, address in pages.items():
                out[name] = {"address": address, **visit_and_search(browser, base, address)}
            browser.close()
        if with_lighthouse:
            for name, address in pages.items():
                out[name]["lighthouse"] = lighthouse(base + address, runs)
    finally:
        server.shutdown()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=1, help="multiple of the example data (default 1)")
    parser.add_argument("--page", default="", help="the page's address, e.g. progress/2025-26/ (default: home)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs; the median counts")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hub-reader-") as tmp:
        project = copy_project(Path(tmp) / "project", with_data=args.scale == 1)
        if args.scale != 1:
            synthetic.generate(args.scale, project / "data")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project / "hooks")}
        site = Path(tmp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                       cwd=project, env=env, check=True)
        if not (site / args.page / "index.html").is_file():
            raise SystemExit(f"There is no page {args.page!r} at {args.scale}x.")
        print(json.dumps(measure_site(site, {"page": args.page}, args.runs), indent=2))
        shutil.rmtree(site)
    return 0


if __name__ == "__main__":
    sys.exit(main())
