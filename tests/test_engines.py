"""The hub on other engines than MkDocs 1.6.

ProperDocs (MkDocs 1.x's maintained fork) runs the hooks as MkDocs does and
builds the same site. Zensical, Material's successor, ignores hooks: it builds
`make export`, the whole site written out as Markdown and a generated config,
and every page must come out with the same article text, contents and footer.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_env

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def languages(site: Path) -> set[str]:
    """The folders of a built site that are the site in another language (/cy/: each has a sitemap of its own)."""
    return {p.parent.name for p in site.glob("*/sitemap.xml")}


def differences(first: Path, second: Path, skip: set[str] = frozenset()) -> list[str]:
    """Files that differ between two built sites, apart from the generator tag naming the engine (and the
    folders in ``skip`` of the first)."""
    names = {p.relative_to(first) for p in first.rglob("*") if p.is_file() and p.relative_to(first).parts[0] not in skip}
    others = {p.relative_to(second) for p in second.rglob("*") if p.is_file()}
    found = [f"only in one: {name}" for name in sorted(names ^ others)]
    for name in sorted(names & others):
        a, b = (GENERATOR.sub(b"", (root / name).read_bytes()) for root in (first, second))
        if a != b:
            found.append(str(name))
    return found


def test_differences_sees_anything_but_the_generator_tag(tmp_path: Path) -> None:
    """The negative case for the comparison below: it can fail."""
    for side, extra in (("a", b""), ("b", b"!")):
        (tmp_path / side).mkdir()
        (tmp_path / side / "index.html").write_bytes(
            b'<meta name="generator" content="' + side.encode() + b'"><p>x</p>' + extra)
    assert differences(tmp_path / "a", tmp_path / "b") == ["index.html"]
    (tmp_path / "b" / "index.html").write_bytes(b'<meta name="generator" content="z"><p>x</p>')
    assert differences(tmp_path / "a", tmp_path / "b") == []


def test_properdocs_builds_the_same_site_as_mkdocs(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "properdocs-site"
    result = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                             "--site-dir", str(out)], cwd=ROOT, env=build_env(), capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert b"ProperDocs" in GENERATOR.search((out / "index.html").read_bytes()).group()
    assert differences(site, out, skip=languages(site)) == []  # the English site (the others: test_languages_site)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_page(server: subprocess.Popen, url: str) -> str:
    """The page's HTML once the server answers; fails with the server's own words if it stops instead."""
    for _ in range(1500):  # a bound against a server that hangs, far above a first build on a busy machine
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            if server.poll() is not None:
                pytest.fail(server.stderr.read().decode(errors="replace"))
            time.sleep(0.2)
    pytest.fail(f"{url} never answered")


def test_properdocs_serves_the_preview_strict_and_dirty(project: Path) -> None:
    """`make serve`'s flags: before the hub knew ProperDocs' logger names, the first build aborted."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "properdocs", "serve", "-f", "mkdocs.yml", "--strict",
                               "--dirty", "--no-livereload", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=build_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              start_new_session=True)
    try:
        html = wait_for_page(server, f"http://127.0.0.1:{port}/")
        assert "<main" in html or "<article" in html
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


# --- Zensical, building `make export` -------------------------------------------------------------------

def export_and_build(root: Path, out: Path) -> Path:
    """`make export` of the project at ``root`` into ``out``, built by Zensical (strict); the built site."""
    exported = subprocess.run([sys.executable, "-m", "engagement_hub.tools.export", "--root", str(root), "--out", str(out)],
                              cwd=root, env=build_env(), capture_output=True, text=True, timeout=300, check=False)
    assert exported.returncode == 0, exported.stderr
    zensical = Path(sys.executable).with_name("zensical")
    built = subprocess.run([str(zensical), "build", "--strict"], cwd=out, env=build_env(PYTHONPATH=str(out)),
                           capture_output=True, text=True, timeout=600, check=False)
    assert built.returncode == 0, built.stdout + built.stderr
    return out / "site"


def page_parts(html: str) -> dict[str, object]:
    """What a reader gets from a page whatever the engine: the article's characters in order (engines
    space highlighted code differently), the table of contents and the footer's text."""
    soup = BeautifulSoup(html, "html.parser")
    contents = soup.select("nav.md-nav--secondary")  # Material draws it twice (menu and sidebar); the last one
    footer = soup.select_one("footer")
    # A notice at a moved page's former address (pages/moved.py) is a file of its own, with no article.
    return {"article": "".join((soup.select_one("article") or soup).get_text().split()),
            "toc": [a.get_text(" ", strip=True) for a in contents[-1].select("a.md-nav__link")] if contents else [],
            "footer": " ".join(footer.get_text(" ").split()) if footer else ""}


def engine_differences(first: Path, second: Path) -> list[str]:
    """What differs between the pages of two builds; ``make export`` is the English site, so a site in another
    language inside ``first`` (a folder with a sitemap of its own, /cy/) is left out."""
    found = []
    skip = languages(first)
    for path in sorted(p for p in first.rglob("index.html") if p.relative_to(first).parts[0] not in skip):
        name = path.relative_to(first)
        other = second / name
        if not other.is_file():
            found.append(f"missing: {name}")
            continue
        mine, theirs = page_parts(path.read_text(encoding="utf-8")), page_parts(other.read_text(encoding="utf-8"))
        found += [f"{name}: {part}" for part in mine if mine[part] != theirs[part]]
    return found


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_and_build(ROOT, tmp_path_factory.mktemp("zensical") / "export")


def test_zensical_builds_every_page_of_the_export_as_mkdocs_does(site: Path, zensical_site: Path) -> None:
    assert len(list(site.rglob("index.html"))) > 5
    assert engine_differences(site, zensical_site) == []


@pytest.mark.parametrize("kind", ["group", "network"])
def test_zensical_builds_every_page_of_a_fixture_organisations_export(kind: str, build_org: Callable[[str], Path],
                                                                      tmp_path: Path) -> None:
    """Other shapes of data than data/'s: a group with no pledges or years, a network of members."""
    site = build_org(kind)
    assert len(list(site.rglob("index.html"))) > 5
    assert engine_differences(site, export_and_build(site.parent / "project", tmp_path / "export")) == []


def test_the_export_has_the_contents_and_the_footer(zensical_site: Path) -> None:
    """The parts Zensical could not make without the export's help: contents from the hub's HTML, feedback links."""
    # The open data page: every organisation's site has it, with several sections in its contents.
    parts = page_parts((zensical_site / "open-data" / "index.html").read_text(encoding="utf-8"))
    assert len(parts["toc"]) >= 2  # type: ignore[arg-type]
    assert "Is this page useful?" in parts["footer"]  # type: ignore[operator]
    assert "Accessibility statement" in parts["footer"]  # type: ignore[operator]


def test_engine_differences_sees_a_changed_word_a_lost_heading_and_a_lost_page(tmp_path: Path) -> None:
    """The negative case for the comparison above."""
    page = ('<article>Text <h2 id="a">A</h2></article><nav class="md-nav--secondary"><a class="md-nav__link">A</a>'
            "</nav><footer>Foot</footer>")
    changed = page.replace("Text", "Test").replace("Foot", "Feet").replace('<a class="md-nav__link">A</a>', "")
    for side, html in (("a", page), ("b", changed)):
        (tmp_path / side / "x").mkdir(parents=True)
        (tmp_path / side / "x" / "index.html").write_text(html, encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text(page, encoding="utf-8")
    assert engine_differences(tmp_path / "a", tmp_path / "b") == [
        "missing: index.html", "x/index.html: article", "x/index.html: toc", "x/index.html: footer"]
