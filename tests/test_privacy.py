"""Readers are not followed: no request leaves the site's own server, no cookie, no web fonts,
and "Is this page useful?" is two email links, not a tracker."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup

from conftest import built_pages, search_for, search_word

LOCAL = re.compile(r"^(?:https?://127\.0\.0\.1(?::\d+)?/|data:|blob:|about:)")


def test_no_request_leaves_127_0_0_1_and_no_cookie_is_set(site: Path, served_site: str, browser) -> None:
    context = browser.new_context()
    requests: list[tuple[str, str, str]] = []
    page = context.new_page()
    current = {"address": ""}
    page.on("request", lambda r: requests.append((current["address"], r.url, r.resource_type)))
    page.on("worker", lambda w: requests.append((current["address"], w.url, "worker")))
    cookies_in_pages = []
    for address in built_pages(site):
        current["address"] = address or "/"
        page.goto(served_site + address, wait_until="networkidle")
        if page.evaluate("document.cookie"):
            cookies_in_pages.append(f"{address or '/'}: {page.evaluate('document.cookie')}")
    # Search loads its index and worker on first use, so use it once.
    page.goto(served_site, wait_until="networkidle")
    current["address"] = "/ (search)"
    page.keyboard.press("s")
    search_for(page, search_word(), delay=30)
    cookies = context.cookies()
    context.close()

    leaving = [f"{where}: {kind} {url}" for where, url, kind in requests if not LOCAL.match(url)]
    assert len(requests) > len(built_pages(site))  # each page loads its styles at least
    assert not leaving, "requests to other servers:\n" + "\n".join(leaving)
    assert not cookies and not cookies_in_pages, (cookies, cookies_in_pages)
    assert not [r for r in requests if r[2] == "font"], "web fonts were loaded"


def test_pages_name_no_other_server_for_anything_they_load(site: Path) -> None:
    """Also true of pages the browser test cannot reach in every state, e.g. print styles."""
    found = []
    for address in built_pages(site):
        path = site / address / "index.html" if not address.endswith(".html") else site / address
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"),
                          ("source", "src"), ("video", "src"), ("audio", "src"), ("object", "data")):
            for element in soup.find_all(tag):
                value = element.get(attr, "")
                if tag == "link" and not {"stylesheet", "preload", "icon", "prefetch", "preconnect",
                                          "dns-prefetch", "modulepreload"} & set(element.get("rel", [])):
                    continue
                if urlsplit(value).scheme in ("http", "https") or value.startswith("//"):
                    found.append(f"{address or '/'}: <{tag} {attr}={value}>")
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        found += [f"{css.relative_to(site)}: {m}" for m in re.findall(r"(?:url\(|@import\s+)['\"]?(?:https?:)?//[^)'\"]+", text)]
        found += [f"{css.relative_to(site)}: @font-face" for _ in re.findall(r"@font-face", text)]
    assert not found, "\n".join(found)


def test_every_page_asks_is_this_page_useful_with_email_links_naming_the_page(site: Path, page) -> None:
    # The 404 page is not a page of content to rate; it offers the contact page instead.
    for address in [a for a in built_pages(site) if a != "404.html"]:
        soup = page(address)
        footer = soup.select_one("footer.md-footer")
        question = footer.find(id="is-this-page-useful")
        assert question is not None and question.get_text(strip=True) == "Is this page useful?", address
        links = question.find_parent(class_="hub-feedback").find_all("a")
        assert [a.get_text(" ", strip=True) for a in links] == ["Yes, this page is useful",
                                                                "No, tell us what is missing"], address
        title = soup.title.get_text().split(" - ")[0].strip()
        for link in links:
            target = urlsplit(link["href"])
            assert target.scheme == "mailto", (address, link["href"])
            subject = parse_qs(target.query)["subject"][0]
            assert title in subject, (address, title, subject)
