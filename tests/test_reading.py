"""What a reader meets in the words of every built page: no doubled words, link text that says where
each link goes, phone numbers that can be tapped, a 404 page with its own title, print-only notes kept
off the screen. Each check runs over every page of the built example and, on a small piece of bad
HTML, shows that it can fail."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

from conftest import built_pages, main_text

# A word written twice in a row ("Made Made by"); numbers may repeat ("10 10") in tables.
DOUBLED = re.compile(r"\b([A-Za-z]{2,})\s+\1\b", re.IGNORECASE)
# UK phone numbers as written in text: 020 7946 0000, 0300 123 4567, 07700 900123.
PHONE = re.compile(r"(?<![\d/])0\d{2,4}(?: ?\d){6,8}(?![\d/])")


def doubled_words(soup: BeautifulSoup) -> list[str]:
    """Words doubled within one block of text (a paragraph, list item, cell)."""
    found = []
    for block in soup.select("#main-content p, #main-content li, #main-content td, #main-content th, "
                             "#main-content h1, #main-content h2, #main-content h3"):
        if block.find(["p", "ul", "ol", "div", "table", "blockquote"]):
            continue  # a list item or cell holding paragraphs: its paragraphs are checked one by one
        words = "".join(" [code] " if node.find_parent("code") else str(node) for node in block.find_all(string=True))
        found += [m.group(0) for m in DOUBLED.finditer(" ".join(words.split()))]  # code (a YEAR placeholder) aside
    return found


def ambiguous_links(soup: BeautifulSoup) -> list[str]:
    """Link texts that lead to more than one place on the same page (WCAG 2.4.4, 2.4.9)."""
    targets: dict[str, set[str]] = {}
    for a in soup.select("#main-content a[href]"):
        if a["href"].startswith("#") and a.find_parent("nav"):
            continue  # a page's own contents list: its context (the nav) says each link goes to a part of this page
        text = " ".join(a.get_text(" ").split()).lower()
        targets.setdefault(text, set()).add(a["href"].split("#")[0])
    return [text for text, hrefs in targets.items() if len(hrefs) > 1]


def untappable_phone_numbers(soup: BeautifulSoup) -> list[str]:
    """Phone numbers in the text that are not inside a tel: link."""
    found = []
    for node in soup.select_one("#main-content").find_all(string=PHONE):
        if node.find_parent(["code", "pre"]):
            continue  # an example of data, as the editors' guide shows it
        link = node.find_parent("a")
        if link is None or not link.get("href", "").startswith("tel:"):
            found += PHONE.findall(node)
    return found


def test_no_page_doubles_a_word_and_the_check_sees_one(site: Path, page) -> None:
    problems = {address: doubled_words(page(address)) for address in built_pages(site)}
    assert not {a: p for a, p in problems.items() if p}
    bad = BeautifulSoup('<article id="main-content"><p><strong>Made</strong> Made by Ward 7.</p></article>',
                        "html.parser")
    assert doubled_words(bad) == ["Made Made"]


def test_links_with_the_same_text_go_to_the_same_place_and_the_check_sees_two_that_do_not(site: Path, page) -> None:
    problems = {address: ambiguous_links(page(address)) for address in built_pages(site)}
    assert not {a: p for a, p in problems.items() if p}
    bad = BeautifulSoup('<article id="main-content"><a href="a/">More about this goal</a>'
                        '<a href="b/">More about this goal</a></article>', "html.parser")
    assert ambiguous_links(bad) == ["more about this goal"]
    contents = BeautifulSoup('<article id="main-content"><nav><a href="#goal-a">Goal 1</a></nav>'
                             '<a href="goal-a/">Goal 1</a><p><a href="#goal-a">Goal 1</a></p></article>', "html.parser")
    assert ambiguous_links(contents) == ["goal 1"]  # the contents list is let off; a link in the text is not


def test_every_phone_number_is_a_tel_link_and_the_check_sees_one_that_is_not(site: Path, page, trust_site: Path,
                                                                           trust_page) -> None:
    problems = {address: untappable_phone_numbers(page(address)) for address in built_pages(site)}
    assert not {a: p for a, p in problems.items() if p}
    # A fork's data may give no phone number at all (a volunteer group): the fixture trust shows the check meets real ones.
    assert any(trust_page(a).select('#main-content a[href^="tel:"]') for a in built_pages(trust_site))
    bad = BeautifulSoup('<article id="main-content"><p>Call 020 7946 0000 or '
                        '<a href="tel:02079460018">020 7946 0018</a>.</p></article>', "html.parser")
    assert untappable_phone_numbers(bad) == ["020 7946 0000"]


def test_the_404_page_has_its_own_title(page) -> None:
    title = page("404.html").title.get_text()
    home = page("").title.get_text()
    assert title.startswith("Page not found") and title != home


def test_the_strategy_page_names_its_parent_strategy_once(page) -> None:
    import yaml

    from conftest import ROOT
    parent = yaml.safe_load((ROOT / "data" / "strategy.yml").read_text(encoding="utf-8")).get("parent_strategy")
    if parent:  # any organisation's data: a parent strategy, if it has one, is named once
        assert main_text(page("strategy/")).count(parent) == 1


def test_the_a4_note_is_for_print_only(site: Path, page) -> None:
    for address in built_pages(site):
        for node in page(address).select("#main-content p"):
            if "A4" in node.get_text():
                assert "hub-print-only" in node.get("class", []), f"{address}: {node}"


def test_addresses_and_column_names_may_break_only_at_their_marks() -> None:
    # The browser check (test_charts_browser: no word broken) finds where a long name broke mid-word;
    # this is what lets it wrap instead: a <wbr> after _ / @ and before a dot between letters, text escaped.
    from engagement_hub.output.render import breakable
    assert str(breakable("reviewed_by_board")) == "reviewed_<wbr>by_<wbr>board"
    assert str(breakable("maternity.consultation@example.org")) == (
        "maternity<wbr>.consultation@<wbr>example<wbr>.org")
    assert str(breakable("<b>data/x</b>")) == "&lt;b&gt;data/<wbr>x&lt;/<wbr>b&gt;"
