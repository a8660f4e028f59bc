"""`make serve` shows a mistake in the data in the browser, and the site again once it is fixed."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_env

WAITING = "The preview is waiting for a fix"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(project: Path) -> tuple[str, subprocess.Popen]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--strict", "--dirty",
                               "--dev-addr", f"127.0.0.1:{port}"], cwd=project, env=build_env(),
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    return f"http://127.0.0.1:{port}", server


def stop(server: subprocess.Popen) -> None:
    if server.poll() is None:  # a server that stopped on its own has said why in the failure already
        os.killpg(server.pid, signal.SIGTERM)
    server.wait(timeout=60)


@pytest.fixture
def preview(project: Path) -> Iterator[tuple[Path, str, subprocess.Popen]]:
    """`mkdocs serve` with `make serve`'s flags, on a scratch copy of the project."""
    base, server = start(project)
    try:
        yield project, base, server
    finally:
        stop(server)


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode("utf-8")


def until(server: subprocess.Popen, url: str, test: Callable[[str], bool]) -> str:
    """The page once ``test`` holds for it; the preview rebuilds in the background after a save."""
    html = ""
    for _ in range(1500):  # a bound against a preview that never updates, far above a rebuild on a busy machine
        if server.poll() is not None:
            pytest.fail("the preview stopped:\n" + server.stderr.read().decode(errors="replace"))
        try:
            html = fetch(url)
        except OSError:
            html = ""
        if html and test(html):
            return html
        time.sleep(0.2)
    pytest.fail(f"{url} never showed what was expected; last seen:\n{html[:2000]}")


def test_a_mistake_shows_in_the_browser_and_goes_when_fixed(preview) -> None:
    project, base, server = preview
    url = f"{base}/strategy/"
    good = until(server, url, lambda html: "<h1" in html and WAITING not in html)
    pledges = project / "data" / "pledges.yml"
    original = pledges.read_text(encoding="utf-8")
    line = original.splitlines().index(next(x for x in original.splitlines() if "status: kept" in x)) + 1
    pledges.write_text(original.replace("status: kept", "status: maybe", 1), encoding="utf-8")

    shown = until(server, url, lambda html: WAITING in html)
    text = " ".join(BeautifulSoup(shown, "html.parser").get_text(" ").split())
    assert f"data/pledges.yml, line {line}" in text  # the file and line, as make check gives them
    assert "status" in text and "How to fix it" in text
    assert "maybe" in text
    assert until(server, f"{base}/", lambda html: WAITING in html)  # every page says so, not just one

    pledges.write_text(original, encoding="utf-8")
    fixed = until(server, url, lambda html: WAITING not in html and "<h1" in html)
    squeeze = lambda html: BeautifulSoup(html, "html.parser").select_one("article").get_text(" ").split()  # noqa: E731
    assert squeeze(fixed) == squeeze(good)


def test_a_broken_macro_shows_on_its_page(preview) -> None:
    project, base, server = preview
    until(server, f"{base}/", lambda html: "<h1" in html)
    about = project / "content" / "about.md"
    original = about.read_text(encoding="utf-8")
    about.write_text(original + "\n{{ value_pledges('no-such-value') }}\n", encoding="utf-8")
    shown = until(server, f"{base}/about/", lambda html: WAITING in html)
    assert "no-such-value" in shown and "content/about.md" in shown
    about.write_text(original, encoding="utf-8")
    until(server, f"{base}/about/", lambda html: WAITING not in html and "<h1" in html)


def test_a_broken_macro_after_lone_carriage_returns_shows_the_editors_line(preview) -> None:
    """MkDocs reads a lone carriage return as a line break; the page names the line as an editor counts it."""
    project, base, server = preview
    until(server, f"{base}/", lambda html: "<h1" in html)
    (project / "content" / "extra.md").write_bytes(b"# Extra\n\nOne\rtwo\rthree.\n\n{{ value_pledges('kindnes') }}\n")
    shown = until(server, f"{base}/extra/", lambda html: WAITING in html)
    assert "content/extra.md, line 5" in " ".join(BeautifulSoup(shown, "html.parser").get_text(" ").split())


def test_a_broken_link_in_a_content_page_shows_on_its_page_and_the_preview_goes_on(preview) -> None:
    """--strict made MkDocs' warning abort the rebuild, and MkDocs then held every request: the browser hung."""
    project, base, server = preview
    until(server, f"{base}/", lambda html: "<h1" in html)
    about = project / "content" / "about.md"
    original = about.read_text(encoding="utf-8")
    about.write_text(original + "\nRead [our plans](no-such-page.md).\n", encoding="utf-8")
    shown = until(server, f"{base}/about/", lambda html: WAITING in html)
    text = " ".join(BeautifulSoup(shown, "html.parser").get_text(" ").split())
    line = len(original.splitlines()) + 2
    assert f"content/about.md, line {line}" in text and "no-such-page.md" in text and "does not exist" in text
    assert until(server, f"{base}/strategy/", lambda html: "<h1" in html and WAITING not in html)  # the rest is built
    about.write_text(original, encoding="utf-8")
    until(server, f"{base}/about/", lambda html: WAITING not in html and "<h1" in html)


def test_a_content_page_not_saved_as_utf8_shows_the_problem_then_the_site(preview) -> None:
    """A page saved in Windows' old encoding stopped the rebuild with a traceback, and the browser hung."""
    project, base, server = preview
    until(server, f"{base}/", lambda html: "<h1" in html)
    about = project / "content" / "about.md"
    original = about.read_bytes()
    about.write_bytes(original + "\nOur caf\u00e9 is open.\n".encode("cp1252"))
    shown = until(server, f"{base}/about/", lambda html: WAITING in html)
    text = " ".join(BeautifulSoup(shown, "html.parser").get_text(" ").split())
    line = len(original.splitlines()) + 2
    assert f"content/about.md, line {line}" in text and "UTF-8" in text
    about.write_bytes(original)
    until(server, f"{base}/about/", lambda html: WAITING not in html and "<h1" in html)


def test_a_preview_started_on_broken_data_shows_the_problems_then_the_site(project: Path) -> None:
    """No good build to fall back on: the home page says what is wrong until the data is fixed."""
    channels = project / "data" / "channels.yml"
    original = channels.read_text(encoding="utf-8")
    channels.write_text(original.replace("kind: governance", "kind: gossip", 1), encoding="utf-8")
    base, server = start(project)
    try:
        shown = until(server, f"{base}/", lambda html: WAITING in html)
        assert "data/channels.yml" in shown and "gossip" in shown
        channels.write_text(original, encoding="utf-8")
        until(server, f"{base}/strategy/", lambda html: WAITING not in html and "<h1" in html)
    finally:
        stop(server)


def test_make_serve_says_what_to_do_when_the_port_is_taken() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(["make", "--no-print-directory", "serve", f"PORT={port}"], cwd=ROOT,
                                capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode != 0
    assert f"Port {port} is already in use" in result.stderr and "make serve PORT=" in result.stderr


def test_make_serve_says_when_the_port_is_not_a_port_number() -> None:
    """Not 'already in use', which sent the editor looking for another preview that was never there."""
    for port in ("abc", "99999", "0"):
        result = subprocess.run(["make", "--no-print-directory", "serve", f"PORT={port}"], cwd=ROOT,
                                capture_output=True, text=True, timeout=120, check=False)
        assert result.returncode != 0
        assert f"PORT={port} is not a port number" in result.stderr and "already in use" not in result.stderr


def test_a_content_page_follows_the_data_its_macros_show(preview) -> None:
    """The preview draws a hand-written page again only when its text or what its macros show changed
    (hooks/hub.py, _same_content): an edited pledge reaches a page listing its value's pledges, and so does
    the undo, though the menu and every other input of the page stayed the same."""
    import yaml

    project, base, server = preview
    until(server, f"{base}/", lambda html: "<h1" in html)
    pledges = project / "data" / "pledges.yml"
    original = pledges.read_text(encoding="utf-8")
    pledge = yaml.safe_load(original)["pledges"][0]
    (project / "content" / "extra.md").write_text(f"# Extra\n\n{{{{ value_pledges('{pledge['values'][0]}') }}}}\n",
                                                  encoding="utf-8")
    first = until(server, f"{base}/extra/", lambda html: "<h1" in html and WAITING not in html)
    assert "Editedpledge" not in first
    data = yaml.safe_load(original)
    data["pledges"][0]["text"] = "Editedpledge " + pledge["text"]
    pledges.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    until(server, f"{base}/extra/", lambda html: "Editedpledge" in html)
    pledges.write_text(original, encoding="utf-8")
    until(server, f"{base}/extra/", lambda html: "Editedpledge" not in html and "<h1" in html)


def test_a_content_page_linking_to_a_deleted_page_shows_the_broken_link(preview) -> None:
    """A hand-written page is kept from the last build only while every page is still there: one whose link
    now goes nowhere is drawn again and shows the broken link, as a fresh build would."""
    project, base, server = preview
    until(server, f"{base}/", lambda html: "<h1" in html)
    (project / "content" / "more").mkdir(exist_ok=True)
    (project / "content" / "more" / "plans.md").write_text("# Our plans\n\nSoon.\n", encoding="utf-8")
    (project / "content" / "extra.md").write_text("# Extra\n\nRead [our plans](more/plans.md).\n", encoding="utf-8")
    until(server, f"{base}/extra/", lambda html: "<h1" in html and "plans/" in html and WAITING not in html)
    (project / "content" / "more" / "plans.md").unlink()
    shown = until(server, f"{base}/extra/", lambda html: WAITING in html)
    assert "more/plans.md" in shown
