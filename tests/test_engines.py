"""The hub on other engines than MkDocs 1.6: ProperDocs (its maintained fork) builds and serves it alike."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ROOT, build_env

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def differences(first: Path, second: Path) -> list[str]:
    """Files that differ between two built sites, apart from the generator tag naming the engine."""
    names = {p.relative_to(first) for p in first.rglob("*") if p.is_file()}
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
    assert differences(site, out) == []


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
