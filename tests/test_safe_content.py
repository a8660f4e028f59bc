"""content/ pages and the macros in them are held to the same rule as data.

* Raw HTML, event handlers, script links and third-party images written in a
  content page are removed by the sanitiser after Markdown; a page named in
  mkdocs.yml under extra.trusted_html keeps its HTML (the documented opt-in).
* Text from data that a macro places in a page is not read again as Markdown:
  attr_list cannot add an attribute, and a name cannot become a link.
* A content page's template is bounded: a runaway loop, a huge string, a
  division by zero, recursion or a macro printed without brackets each end in a
  message naming the file and line, never a traceback or a stalled build.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, run_build
from engagement_hub.output.macros import expand
from engagement_hub.output.sanitise import sanitise
from engagement_hub.output.site import HubSite

HOSTILE_PAGE = """# Hostile

<script>window.__pwned=1</script>

[click](javascript:alert(1)) [data](data:text/html,<script>alert(1)</script>) [split](java
script:alert(1))

<a href="java&#10;script:alert(1)">entity-split</a>

<svg><animate onbegin="alert(1)" attributeName="x"/></svg>
<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>

<img src="https://tracker.example/pixel.gif" alt="tracker">
<img src="//tracker.example/pixel.gif" alt="tracker2">

<pre class="mermaid"><code>graph TD; A-->B</code></pre>

Focus me
{: tabindex=0 autofocus onfocus=alert(1) }

*emphasis*{onmouseover=alert(1) style="position:fixed"}

<iframe src="https://example.org/"></iframe><form action="https://example.org/"><input autofocus></form>
"""


def article(html: str) -> BeautifulSoup:
    soup = BeautifulSoup(html, "html.parser")
    return soup.find("article") or soup


def unsafe_markup(node: BeautifulSoup) -> list[str]:
    """Everything in a page's content that could run script or reach another site."""
    found = []
    for tag in node.find_all(True):
        if tag.name in {"script", "iframe", "form", "input", "object", "embed", "style", "link", "base", "meta"}:
            found.append(f"<{tag.name}>")
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else str(value)
            if name.startswith("on") or name in {"autofocus", "style", "srcdoc", "formaction"}:
                found.append(f"{tag.name}[{name}]")
            squeezed = re.sub(r"[\x00-\x20]", "", text).lower()
            if name in {"href", "src", "action", "xlink:href"} and squeezed.startswith(("javascript:", "data:", "vbscript:")):
                found.append(f"{tag.name}[{name}={text[:20]}]")
            if name == "src" and (squeezed.startswith(("http:", "https:", "//")) or "\\" in squeezed):
                found.append(f"{tag.name}[src={text[:30]}]")
            if name == "class" and "mermaid" in text:
                found.append(f"{tag.name}.mermaid")
    return found


def test_the_checker_finds_what_the_sanitiser_must_remove() -> None:
    """The test's own eye can fail: unsanitised hostile HTML is caught by it."""
    import markdown

    raw = markdown.markdown(HOSTILE_PAGE, extensions=["attr_list"])
    found = unsafe_markup(BeautifulSoup(raw, "html.parser"))
    for expected in ("<script>", "a[href=javascript:alert(1)]", "img[src=https://tracker.example/pix", "pre.mermaid",
                     "p[onfocus]", "em[onmouseover]", "<iframe>"):
        assert any(item.startswith(expected) for item in found), (expected, found)
    assert unsafe_markup(BeautifulSoup(sanitise(raw), "html.parser")) == []


def test_sanitiser_keeps_ordinary_prose() -> None:
    html = ('<h2 id="x">Hi</h2><p><a href="../about/">a</a> <a href="https://nhs.uk/">b</a> '
            '<img src="../assets/a.png" alt="A"></p><div class="hub-table-wrap" role="region" '
            'aria-label="Measures" tabindex="0"><table><tbody><tr><th scope="col">x</th></tr></tbody></table></div>')
    assert sanitise(html) == html


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from conftest import fixture_project

    project = fixture_project("trust", tmp_path_factory.mktemp("hostile") / "project")
    (project / "content" / "hostile.md").write_text(HOSTILE_PAGE, encoding="utf-8")
    (project / "content" / "trusted.md").write_text(
        "# Trusted\n\n<p class=\"kept-raw\" style=\"color: red\">Raw HTML the site chose to trust.</p>\n", encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "trusted_html: []" in config
    (project / "mkdocs.yml").write_text(config.replace("trusted_html: []", "trusted_html: [trusted.md]", 1), encoding="utf-8")
    organisation = project / "data" / "organisation.yml"
    text = organisation.read_text(encoding="utf-8")
    name = "name: Southbank Hospitals NHS Foundation Trust"
    organisation.write_text(text.replace(
        name, "name: \"Southbank *x*{tabindex=0 autofocus onfocus=alert(1)} [y](java\\nscript:alert(1)) Trust\"", 1),
        encoding="utf-8")
    site = project / "built"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_hostile_content_page_is_sanitised(hostile_build: Path) -> None:
    node = article((hostile_build / "hostile" / "index.html").read_text(encoding="utf-8"))
    assert unsafe_markup(node) == []
    assert "Focus me" in node.get_text()


def test_data_placed_by_a_macro_is_not_read_as_markdown(hostile_build: Path) -> None:
    node = article((hostile_build / "about" / "index.html").read_text(encoding="utf-8"))
    assert unsafe_markup(node) == []
    text = node.get_text(" ")
    assert "*x*{tabindex=0 autofocus onfocus=alert(1)}" in text, "the name is shown as the text it is"
    assert not node.find("em", string="x") and not node.find("a", string="y")


def test_trusted_html_is_an_explicit_opt_in(hostile_build: Path) -> None:
    kept = article((hostile_build / "trusted" / "index.html").read_text(encoding="utf-8")).find("p", class_="kept-raw")
    assert kept is not None and kept.get("style") == "color: red"


# --- the page template's bounds, checked in process on the example data ---


@pytest.fixture(scope="module")
def site() -> HubSite:
    return HubSite.load(ROOT, template_dir=ROOT / "theme_overrides" / "hub", content_dir=ROOT / "content")


@pytest.mark.parametrize(("source", "words"), [
    ("Intro\n\n{{ goals }}\n", "without brackets"),
    ("Intro\n\n{{ 'x' * 10**8 }}\n", "longer than"),
    ("Intro\n\n{% for i in range(10**6) %}{% for j in range(10**6) %}{% endfor %}{% endfor %}\n", "range()"),
    ("Intro\n\n{% for c in organisation_name * 1000 %}{% for d in organisation_name * 1000 %}x{% endfor %}{% endfor %}\n",
     "more than"),
    ("Intro\n\n{{ 1 / 0 }}\n", "ZeroDivisionError"),
    ("Intro\n\n{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n", "recursion"),
    ("Intro\n\n{{ 2 ** 100000 }}\n", "power"),
])
def test_content_template_is_bounded_and_located(site: HubSite, source: str, words: str) -> None:
    _text, problems = expand(source, site.hub, site.renderer, "bounded.md", "content/bounded.md")
    assert len(problems) == 1, problems
    problem = problems[0]
    assert (problem.file, problem.line) == ("content/bounded.md", 3)
    assert words in problem.message, problem.message
    assert "Traceback" not in problem.human() and " at 0x" not in problem.human()


def test_macros_still_work(site: HubSite) -> None:
    text, problems = expand("{{ organisation_name }}\n\n{{ goals() }}\n", site.hub, site.renderer, "ok.md", "content/ok.md")
    assert problems == []
    assert "hub-card" in text


@pytest.mark.parametrize("name", ["strategy.md", "values/index.md", "index.md"])
def test_a_content_page_at_the_address_of_a_generated_page_is_an_error(tmp_path: Path, name: str) -> None:
    from conftest import copy_project

    project = copy_project(tmp_path / "project")
    (project / "content" / name).parent.mkdir(parents=True, exist_ok=True)
    (project / "content" / name).write_text("# Mine\n\nHand-written.\n", encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert f"content/{name} would be published at /" in result.stderr
    assert "Traceback" not in result.stderr
