"""Shared fixtures: sites built once by the real strict build, and scratch copies of the
project for tests that break the data on purpose.

Two kinds of site. ``site`` (with ``page``, ``served_site``, ``build_log``) is this
repository's own site, built from whatever data/ holds: the checks a fork keeps for
its own data (strict build, links, accessibility, valid HTML) run on it and must not
depend on what the data says. Tests of the hub's behaviour run on the fixture
organisations in tests/fixtures/ instead (``trust_site``, ``trust_page``,
``org_site``, ``project``), so a fork that replaces data/ keeps them green.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "bench"))

import synthetic  # noqa: E402 - the benchmark's data at many times the example, for large_site
from project import copy_project  # noqa: E402 - the benchmark's copy routine, shared with the tests

from engagement_hub.output.chromium import FLAGS, find_chromium, serve  # noqa: E402 - needs the path above
from engagement_hub.pages.moved import addresses as moved_addresses  # noqa: E402 - needs the path above
from engagement_hub.reading.builddate import ENV as BUILD_DATE_ENV  # noqa: E402 - needs the path above

# Every build and check in the tests is for this date, so results do not change with the day the tests run
# (what is open, what is stale). Set here, before any test starts a build, and inherited by every subprocess.
TEST_DATE = "2026-12-01"
os.environ[BUILD_DATE_ENV] = TEST_DATE

FIXTURES = ROOT / "tests" / "fixtures"
# The fixture organisations, each a whole data/ folder and an about page (see tests/fixtures/README.md).
ORG_KINDS = ("trust", "group", "network")
TRUST = FIXTURES / "trust"
TRUST_DATA = TRUST / "data"


def fixture_project(kind: str, dest: Path) -> Path:
    """A scratch project whose data/ and content/about.md are those of the fixture organisation ``kind``."""
    copy_project(dest, with_data=False)
    shutil.copytree(FIXTURES / kind / "data", dest / "data")
    about = FIXTURES / kind / "about.md"
    if about.is_file():
        shutil.copy2(about, dest / "content" / "about.md")
    return dest


LANGUAGES = FIXTURES / "languages"  # the fixture trust in Welsh and Urdu (tests/fixtures/languages/README.md)


def with_languages(root: Path, *, cy: bool = True, ur: bool = True, locale: bool = True) -> Path:
    """``root`` given the fixture trust's data/ in Welsh and Urdu, and their catalogues in locale/."""
    if not (root / "data").exists():
        shutil.copytree(TRUST_DATA, root / "data")
    organisation = root / "data" / "organisation.yml"
    organisation.write_text(organisation.read_text(encoding="utf-8")
                            + (LANGUAGES / "organisation.yml").read_text(encoding="utf-8"), encoding="utf-8")
    (root / "data" / "translations").mkdir()
    for code, wanted in (("cy", cy), ("ur", ur)):
        if wanted:
            shutil.copy(LANGUAGES / f"{code}.yml", root / "data" / "translations" / f"{code}.yml")
    if locale:
        shutil.rmtree(root / "locale", ignore_errors=True)
        (root / "locale").mkdir()
        for name in ("messages.pot", "cy.po", "ur.po"):
            shutil.copy(LANGUAGES / name, root / "locale" / name)
    return root


def run_language_build(project: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Every language's strict build, as `make build` runs them (engagement_hub/languagebuild.py)."""
    return subprocess.run(
        [sys.executable, "-m", "engagement_hub.output.languagebuild", sys.executable, "-m", "mkdocs", "build", "--strict",
         "--site-dir", str(site_dir)],
        cwd=project, env=build_env(), capture_output=True, text=True, timeout=600, check=False)


@pytest.fixture(scope="session")
def languages_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture trust in English, Welsh (/cy/) and Urdu (/ur/), built as `make build` builds them."""
    base = tmp_path_factory.mktemp("languages")
    project = with_languages(fixture_project("trust", base / "project"))
    result = run_language_build(project, base / "site")
    assert result.returncode == 0, f"the fixture trust's languages did not build:\n{result.stderr}"
    return base / "site"


# Property tests: the same examples on every run (derandomize, no example database), so a failure in
# CI or on a laptop is a real failure that the next run shows again, never a coin toss. A longer run
# on fresh random examples, saving what it finds, is on demand: `make test-explore`
# (HYPOTHESIS_PROFILE=explore), which draws EXPLORE_FACTOR times as many examples.
EXPLORE_FACTOR = 10
settings.register_profile("repeatable", derandomize=True, database=None, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True, max_examples=100 * EXPLORE_FACTOR)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "repeatable")
settings.load_profile(PROFILE)


def examples(count: int) -> int:
    """How many examples a property test draws: ``count``, or more on an exploratory run."""
    return count * EXPLORE_FACTOR if PROFILE == "explore" else count


def build_env(**extra: str) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks"), **extra}
    for name in ("HUB_PREVIEW", "HUB_PRINT"):  # a preview or print build only when a test asks for one
        if name not in extra:
            env.pop(name, None)
    return env


def run_build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """The real strict MkDocs build, as `make build` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project, env=build_env(**env), capture_output=True, text=True, timeout=300, check=False,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's own data/ built into a site by the real strict build (checks a fork keeps), in every
    language the data lists, as `make build` builds it."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = run_language_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def build_org(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Build a fixture organisation's site once per session: build_org('group') -> the site folder."""
    built: dict[str, Path] = {}

    def get(kind: str) -> Path:
        if kind not in built:
            base = tmp_path_factory.mktemp(f"org-{kind}")
            result = run_build(fixture_project(kind, base / "project"), base / "site")
            assert result.returncode == 0, f"the {kind} fixture did not build:\n{result.stderr}"
            built[kind] = base / "site"
        return built[kind]

    return get


@pytest.fixture(scope="session", params=ORG_KINDS)
def org_site(request: pytest.FixtureRequest, build_org: Callable[[str], Path]) -> tuple[str, Path]:
    """(kind, site folder) for each fixture organisation in turn."""
    return request.param, build_org(request.param)


@pytest.fixture(scope="session")
def trust_site(build_org: Callable[[str], Path]) -> Path:
    """The fixture NHS trust (tests/fixtures/trust) built into a site."""
    return build_org("trust")


def page_reader(site: Path) -> Callable[[str], BeautifulSoup]:
    """Parse a built page of ``site`` by its address, e.g. get('values/compassion/')."""
    cache: dict[str, BeautifulSoup] = {}

    def get(url: str) -> BeautifulSoup:
        if url not in cache:
            path = site / url / "index.html" if not url.endswith(".html") else site / url
            cache[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        return cache[url]

    return get


@pytest.fixture(scope="session")
def trust_page(trust_site: Path) -> Callable[[str], BeautifulSoup]:
    """Parse a page of the fixture trust's site by its address."""
    return page_reader(trust_site)


@pytest.fixture(scope="session")
def large_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The project built by the real strict build from 10x the example data (bench/synthetic.py)."""
    project = copy_project(tmp_path_factory.mktemp("large") / "project")
    synthetic.generate(10, project / "data")
    synthetic.use_example_about(project)
    site = project.parent / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stderr
    (project.parent / "build.log").write_text(result.stderr, encoding="utf-8")
    return project, site


@pytest.fixture(scope="session")
def build_log(site: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("site-log") / "site"
    return run_build(ROOT, out).stderr


@pytest.fixture(scope="session")
def page(site: Path) -> Callable[[str], BeautifulSoup]:
    """Parse a page of this repository's own site by its address, e.g. page('values/')."""
    return page_reader(site)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch copy of the whole project holding the fixture trust's data, safe to break."""
    return fixture_project("trust", tmp_path / "project")


def main_text(soup: BeautifulSoup) -> str:
    """The text of the page's main content, whitespace squeezed."""
    article = soup.select_one("article") or soup
    return " ".join(article.get_text(" ").split())


# --- A real browser (Debian's chromium, driven by Playwright) on a local server ---

CHROMIUM_FLAGS = list(FLAGS)
serve_directory = serve  # (base_url, server) for a built site on 127.0.0.1


def chromium_path() -> str:
    found = find_chromium()
    if not found:
        pytest.fail("Debian's chromium is not installed: run `make system-deps` (make test does this).")
    return found


@pytest.fixture(scope="session")
def served_site(site: Path):
    """The example site on http://127.0.0.1:PORT/, as a reader's browser would fetch it."""
    base, server = serve_directory(site)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def served_org(request: pytest.FixtureRequest, build_org: Callable[[str], Path]):
    """served_org('group') -> (site folder, its address on 127.0.0.1): a fixture organisation's site, built and
    served once per session; 'languages' is the fixture trust in English, Welsh and Urdu (``languages_site``)."""
    served: dict[str, tuple[Path, str]] = {}
    servers = []

    def get(kind: str) -> tuple[Path, str]:
        if kind not in served:
            folder = request.getfixturevalue("languages_site") if kind == "languages" else build_org(kind)
            base, server = serve_directory(folder)
            servers.append(server)
            served[kind] = (folder, base)
        return served[kind]

    yield get
    for server in servers:
        server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium from Debian (never a browser download)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_FLAGS)
        yield CspBypassingBrowser(instance)
        instance.close()


# How long a browser test waits for what it waits for (a page, a search, a state): a bound, never a measure.
# Another build running beside the tests on two cores makes everything several times slower than on an
# idle machine; Playwright's 30 s default leaves too little room for that.
BUSY_MACHINE_MS = 120_000


class CspBypassingBrowser:
    """The browser, whose pages by default let the tests add their own script and styles.

    Tests inject axe-core and insert deliberately broken markup (style attributes, small
    links), which every page's Content-Security-Policy would block, as it should; so they
    bypass it, as a browser extension may. tests/test_csp.py asks for bypass_csp=False and
    checks that every page keeps its own policy with no violation.
    """

    def __init__(self, browser) -> None:
        self._browser = browser

    def new_context(self, **options):
        context = self._browser.new_context(**{"bypass_csp": True, **options})
        context.set_default_timeout(BUSY_MACHINE_MS)
        return context

    def new_page(self, **options):
        page = self._browser.new_page(**{"bypass_csp": True, **options})
        page.set_default_timeout(BUSY_MACHINE_MS)
        return page

    def __getattr__(self, name: str):
        return getattr(self._browser, name)


# Wait until the page has stopped moving: every finite CSS transition and animation finished, then two
# frames drawn. Material fades the search results and slides the drawer in; a check that measures colour
# or position mid-transition sees blended colours (search results at #777, 4.47:1) or moving boxes, and
# passes or fails with the machine's load. Infinite animations (spinners) are left running.
SETTLE = """async () => {
  const finite = document.getAnimations().filter(a => {
    const t = a.effect && a.effect.getComputedTiming ? a.effect.getComputedTiming() : {};
    return t.endTime !== Infinity;
  });
  await Promise.all(finite.map(a => a.finished.catch(() => null)));
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
}"""


# A part of a page drawn only as it nears the window (content-visibility: auto; hub.css no longer does it). A check
# that reads colours or positions from what is drawn (axe-core's contrast, the target-size check) finds, on a
# part not yet drawn, whatever lies there instead (the footer's black, say), which a reader never sees. Drawn,
# each part looks as it will when scrolled to; the closed phone menu stays hidden (visibility), as a reader finds it.
DRAW_EVERYTHING = "* { content-visibility: visible !important; }"


def settle(page) -> None:
    """Return once nothing on the page is transitioning or animating (see SETTLE)."""
    page.evaluate(SETTLE)


def search_word() -> str:
    """A word the search of this repository's own site must find, whatever data/ holds: the longest word
    of the first goal's title (browser tests search the site a fork builds from its own data)."""
    import yaml

    strategy = yaml.safe_load((ROOT / "data" / "strategy.yml").read_text(encoding="utf-8"))
    title = min(strategy["goals"], key=lambda goal: goal["number"])["title"]
    return max(re.findall(r"[A-Za-z]+", title), key=len).lower()


def search_for(page, word: str, delay: int = 20) -> None:
    """Type ``word`` into the focused page's search box and return once the results for the whole word are
    drawn (hub-search.js marks the list with the query its results answer): never the results of the first
    letters, which a busy machine may draw before the last key arrives."""
    page.locator(".md-search__input").press_sequentially(word, delay=delay)
    page.wait_for_function("(q) => (document.getElementById('hub-search-results') || {dataset: {}}).dataset.hubQuery === q",
                           arg=word)


def built_pages(site_dir: Path) -> list[str]:
    """Every page address in a built site, e.g. '', 'values/compassion/', '404.html'; not those of the site in
    another language inside it (/cy/: a folder with a sitemap of its own), which test_languages_site.py samples,
    nor the notices at moved pages' former addresses, which send the reader on at once (test_moved.py)."""
    languages = {p.parent.name for p in site_dir.glob("*/sitemap.xml")}
    former = set(moved_addresses())
    pages = sorted(str(p.parent.relative_to(site_dir)) + "/" for p in site_dir.rglob("index.html")
                   if p.relative_to(site_dir).parts[0] not in languages
                   and p.parent.relative_to(site_dir).as_posix() + "/" not in former)
    return [("" if p == "./" else p) for p in pages] + ["404.html"]


# Words that belong to an NHS trust: none may appear on another organisation's site unless its data says so.
TRUST_WORDS = re.compile(r"\b(trusts?|boards?|nhs|hospitals?|patients?)\b", re.IGNORECASE)
# assets/ holds Material's own scripts. The editors' guide is checked: it is written for any organisation.
NOT_THE_ORGANISATIONS_WORDS = ("assets/",)


def words_not_in_data(site: Path, data_text: str) -> list[str]:
    """Each trust word found in the built site (pages, open data, search index) but nowhere in the data."""
    allowed = {w.lower() for w in TRUST_WORDS.findall(data_text)}
    found = []
    for path in sorted(site.rglob("*")):
        relative = path.relative_to(site).as_posix()
        if path.suffix not in (".html", ".csv", ".json") or relative.startswith(NOT_THE_ORGANISATIONS_WORDS):
            continue
        # <wbr> only marks where a long name may wrap (render.breakable): reviewed_<wbr>by_<wbr>board is one name.
        text = path.read_text(encoding="utf-8").replace("<wbr>", "")
        for match in TRUST_WORDS.finditer(text):
            if match.group(1).lower() not in allowed:
                found.append(f"{relative}: ...{text[max(0, match.start() - 60):match.end() + 30]}...")
    return found


def on_the_fixture_trust() -> tuple[Callable[..., Path], Callable[..., Callable[[str], BeautifulSoup]]]:
    """``site`` and ``page`` fixtures that mean the fixture trust's site, for a module of behaviour tests:
    ``site, page = on_the_fixture_trust()``. A fork that replaces data/ keeps those tests green."""

    @pytest.fixture(scope="session", name="site")
    def trust_as_site(trust_site: Path) -> Path:
        return trust_site

    @pytest.fixture(scope="session", name="page")
    def trust_as_page(trust_page: Callable[[str], BeautifulSoup]) -> Callable[[str], BeautifulSoup]:
        return trust_page

    return trust_as_site, trust_as_page
