"""Every link between pages of the built site leads to a page that exists."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from conftest import built_pages

BASE = "http://site.test/"


def target_file(site: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path).lstrip("/")
    candidate = site / path
    return candidate / "index.html" if path == "" or path.endswith("/") or candidate.is_dir() else candidate


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    broken: list[str] = []
    checked = 0
    for address in built_pages(site):
        if address == "404.html":
            continue  # its links are absolute to the deployed site's root, checked below
        page_url = urljoin(BASE, address)
        soup = BeautifulSoup((site / address / "index.html").read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("a[href], link[href]"):
            url = urljoin(page_url, tag["href"])
            if not url.startswith(BASE):
                continue
            checked += 1
            file = target_file(site, url[len(BASE) - 1:])
            if not file.is_file():
                broken.append(f"{address or 'home'} -> {tag['href']}")
                continue
            fragment = urlsplit(url).fragment
            if fragment and file.suffix == ".html":
                target = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
                if target.find(id=unquote(fragment)) is None:
                    broken.append(f"{address or 'home'} -> {tag['href']} (no such anchor)")
    assert checked > len(built_pages(site)), checked  # every page links to others: the check really ran
    assert broken == []


def test_the_404_page_links_to_real_pages(site: Path) -> None:
    soup = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = [a["href"] for a in soup.select("article a[href]")]
    assert hrefs
    for href in hrefs:
        assert href.startswith("/"), href
        assert target_file(site, href).is_file(), href
