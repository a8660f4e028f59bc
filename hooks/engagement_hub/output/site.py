"""One built hub site: the data, its pages and navigation, ready for any engine.

This is the whole surface the MkDocs adapter uses, so a move to another
engine means rewriting ``hooks/hub.py`` only.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import quote

from markupsafe import escape

from ..pages import datapackage, feed, fragments, ics, localised, moved, opendata, wordtables
from ..pages.addresses import relative, url_of
from ..pages.alternates import prefix
from ..pages.pages import Page, build_pages, named_src, navigation
from ..pages.titles import navigation_titles, page_titles
from ..pages.words import ENGLISH_WORDS, Marked, Words
from ..preview.memory import Memory
from ..preview.sameness import Exactly, same
from ..reading import model as m
from ..reading.builddate import build_date
from ..reading.catalogue import gettext, translated_ids
from ..reading.languages import ENGLISH, SOURCE, Language
from ..reading.load import load_language
from ..reading.logo import site_path
from ..reading.problems import DataError, Problem
from .csp import with_policy
from .frontmatter import front_matter_problems
from .macros import expand
from .pagetext import unreadable_pages
from .render import Renderer, long_date
from .toc import toc_tokens

# Set (to 1) for make board-pack's own build, which is printed and never published: each year's goal
# reports all on its page, so the board's PDF is one tagged document (paging.YEAR_GOALS splits them online).
PRINT_ENV = "HUB_PRINT"


def _template_stamps(template_dir: Path | None) -> tuple[Any, ...]:
    """Every file of the theme the templates are in (theme_overrides/, MkDocs' main.html too): path, time, size."""
    themes = template_dir.parent if template_dir else None
    return tuple(sorted((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in themes.rglob("*")
                        if f.is_file())) if themes else ()


def content_clashes(content_dir: Path, pages: dict[str, Any], codes: tuple[str, ...] = ()) -> list[Problem]:
    """Hand-written pages published at the address of a page the hub makes from data, or inside the folder
    of a language ``codes`` names, where the site in that language is built (languagebuild.py).

    content/strategy.md and the hub's strategy/index.md are both /strategy/: one would
    silently replace the other; content/cy.md and the Welsh site are both /cy/.
    """
    made = {url_of(src): src for src in pages}
    problems = []
    for path in sorted(content_dir.rglob("*.md")) if content_dir.is_dir() else []:
        src = path.relative_to(content_dir).as_posix()
        url = url_of(src)
        folder = url.split("/", 1)[0]
        where = (f"where the hub already makes a page from data ({made[url]})" if url in made else
                 f"inside /{folder}/, where the site in the language '{folder}' is built" if folder in codes else "")
        if where:
            problems.append(Problem(
                f"content/{src}", 1, 1, "(the whole file)",
                f"content/{src} would be published at /{url}, {where}; one would silently replace the other.",
                expected="a page at an address of its own", hint=f"Rename content/{src}, e.g. to a name with -more."))
    return problems


def content_page_problems(content_dir: Path, pages: dict[str, Any], codes: tuple[str, ...] = ()) -> list[Problem]:
    """What stops content/'s pages from being published with ``pages`` and the sites in the languages ``codes``:
    an address taken twice, or page information the theme would print as HTML or could not build
    (frontmatter.py). `make check` asks too."""
    return content_clashes(content_dir, pages, codes) + moved.clashes(moved.moved(pages), pages, content_dir) \
        + front_matter_problems(content_dir)


def content_pages(content_dir: Path) -> list[tuple[str, str]]:
    """(title, source) of hand-written top-level pages, for the navigation.

    Pages in sub-folders (such as the comms staff guide) stay out of the
    navigation; they are reached by link.
    """
    found = []
    for path in sorted(content_dir.glob("*.md")):
        title = path.stem.replace("-", " ").capitalize()
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                title = line[2:].strip()
                break
        found.append((title, path.name))
    return found


@dataclass
class HubSite:
    hub: m.Hub
    renderer: Renderer
    pages: dict[str, Page]
    nav: list[Any]
    warnings: list[Problem] = field(default_factory=list)
    preview: bool = False
    template_dir: Path | None = None
    bodies: dict[str, str] = field(default_factory=dict, repr=False)  # each page's drawn HTML, drawn once
    today: date | None = None  # the build date (see builddate): what is open, what is past
    memory: Memory = field(default_factory=Memory, repr=False)  # what the speed-ups keep (see memory.py)
    root: Path | None = None  # the project folder, whose data/ holds the logo and favicon files
    language: Language = ENGLISH  # the language this site is in
    languages: tuple[Language, ...] = (ENGLISH,)  # every language the site is published in, English first
    feed_path: str = ""  # the Atom feed's path in the site; empty when there is nothing in it to announce
    words: Words = ENGLISH_WORDS  # the core's words in this site's language (the feed's are written here)
    template_stamps: tuple[Any, ...] | None = None
    """Each template file's path, time and size when the site was loaded (``shared_inputs``): stamps taken
    later, when a preview compares, would be today's files for the old site too and hide an edit."""

    def __post_init__(self) -> None:
        if self.template_stamps is None:
            self.template_stamps = _template_stamps(self.template_dir)

    @classmethod
    def load(cls, root: Path, *, template_dir: Path, content_dir: Path, preview: bool = False,
             today: date | None = None, memory: Memory | None = None, language: str = SOURCE,
             whole_reports: bool = False) -> HubSite:
        """Load and check data/ for the build date ``today`` (default: builddate.build_date());
        raises DataError with every problem found. ``memory`` is what the last load kept, for a
        quick preview (see memory.py); without it, nothing is shared with any other load.
        ``language``: the code of the language to build the site in (the data's translations.py).
        ``whole_reports``: each year's goal reports all on its page, the board pack's print build (paging.py)."""
        today = today or build_date()
        memory = memory or Memory()
        hub, warnings, languages, text = load_language(root, language, include_drafts=preview, today=today,
                                                       memory=memory)
        # The feed is written, and linked, only when it has something in it: an organisation with nothing
        # dated to announce yet has no feed, as a download with no rows is not offered.
        feed_path = feed.FEED_PATH if feed.entries(hub, today) else ""
        this = text.language if text else ENGLISH
        # The site's own words in its language; a word the catalogue lacks is shown in English, marked (words.py).
        translations = Marked(gettext(text.catalogue), translated_ids(text.catalogue)) if text else None
        words = Words(translations, this.code) if translations else ENGLISH_WORDS
        hub = wordtables.in_language(hub, words) if translations else hub
        pages = {page.src: page for page in build_pages(hub, today, memory, feed=feed_path, words=words,
                                                         whole_reports=whole_reports)}
        if clashes := unreadable_pages(content_dir) + content_page_problems(
                content_dir, pages, tuple(lang.code for lang in languages if lang.code != SOURCE)):
            raise DataError(clashes)
        extra = [(title, src) for title, src in content_pages(content_dir) if src not in pages]
        # A translation file's 'reviewed' (default false) covers the site's own words in that language too.
        renderer = Renderer(hub, template_dir, translations, this,
                            words_checked=text.translation.reviewed if text else True)
        nav = navigation(hub, extra)
        if text is not None:  # a site in another language than English: its page names translated
            translated = page_titles(pages, hub, renderer.translations.gettext)
            nav, pages = navigation_titles(nav, pages, translated, renderer.translations.gettext), translated
        return cls(hub=hub, renderer=renderer, pages=pages, nav=_escape_titles(nav),
                   warnings=warnings, preview=preview, template_dir=template_dir, today=today, memory=memory,
                   language=this, languages=languages, root=Path(root), feed_path=feed_path, words=words)

    @property
    def brand_files(self) -> dict[str, str]:
        """The organisation's own images, by the theme setting each fills: {"logo": "brand/logo.svg", ...}."""
        org = self.hub.organisation
        return {key: name for key, name in (("logo", org.logo_file), ("favicon", org.favicon_file)) if name}

    def is_generated(self, src: str) -> bool:
        return src in self.pages

    def in_nav(self, src: str) -> bool:
        """False for pages reached another way: a long list's numbered pages (by their pager), the
        accessibility statement (from every page's footer)."""
        return src in self._nav_srcs

    @cached_property
    def _nav_srcs(self) -> set[str]:
        return set(_nav_sources(self.nav))

    def changed_pages(self, previous: HubSite | None) -> set[str]:
        """Generated pages that may look different from the previous build's, for quick previews.

        A page's HTML is a function of its own context, the site-wide data (``Shared``: the
        templates see nothing else of the data) and the templates, so a page whose inputs are
        the same as last time is the same page. Editing one pledge redraws the few pages whose
        context holds it, not the hundreds that do not.
        """
        if previous is None or previous.shared_inputs() != self.shared_inputs():
            return set(self.pages)
        changed = set()
        for src, page in self.pages.items():
            old = previous.pages.get(src)
            if old is None or old != page or src not in previous.bodies:
                changed.add(src)
            elif same(old.context, page.context):
                self.bodies[src] = previous.bodies[src]  # same inputs, same page
            elif self.render(src) != previous.bodies[src]:
                # Its data changed and so did what it shows (a goal page shows the latest year's
                # label, not its summary, so a new summary does not redraw forty goal pages).
                changed.add(src)
        return changed

    def shared_inputs(self) -> tuple[Any, ...]:
        """Everything a page may show besides its own context (see ``changed_pages``)."""
        return (Exactly(self.renderer.shared), json.dumps(self.nav), self.preview, self.today, self.template_stamps,
                self.feed_path)  # every page's head and footer link the feed when there is one

    def generated_files(self) -> dict[str, str | bytes]:
        """Source files the engine should add: a stub per page, the brand stylesheet and the open data,
        and the logo and favicon from data/ (checked by engagement_hub.logo)."""
        files: dict[str, str | bytes] = {src: _front_matter(page) for src, page in self.pages.items()}
        files["assets/stylesheets/hub-brand.css"] = brand_css(self.hub.organisation.brand)
        for name in self.brand_files.values():
            if self.root is not None:
                files[site_path(name)] = (self.root / "data" / name).read_bytes()
        files.update(opendata.files(self.hub, self.memory))
        files.update(ics.files(self.hub, self.words))
        if self.feed_path:
            files[self.feed_path] = self.feed()
        files.update(self.moved_files())
        files.update(datapackage.files(self.hub, opendata.datasets_for(self.hub), self.words))  # what the files hold
        return files

    def feed(self) -> str:
        """The Atom feed of what changed up to the build date (written only when ``feed_path`` is set)."""
        org = self.hub.organisation
        # Each language's feed is its own: its address, its id, its words, and links to its own pages.
        folder = prefix(self.language)
        base = org.site_url.rstrip("/") + "/" + folder if org.site_url else ""
        entries = feed.entries(self.hub, self.today or build_date(), self.words)
        # With no entries yet, the feed is as new as the build date (Atom needs a date; this one is reproducible).
        newest = entries[0].updated if entries else feed.Entry("", self.today or build_date(), "", "", "", "").updated
        return str(self.renderer.fragment(
            "feed.xml", feed.FEED_PATH, entries=entries, updated=newest, feed_id=feed.feed_id(org, folder),
            subtitle=feed.subtitle(self.hub, self.words), xml_lang="en-GB" if self.language.code == SOURCE
            else self.language.code,
            self_url=base + feed.FEED_PATH if base else "", home_url=base or "./",
            href=lambda src: base + url_of(src) if base else url_of(src) or "./"))

    def moved_files(self) -> dict[str, str]:
        """A notice at each former address of a page the site has (pages/moved.py), with its own policy:
        the notice is a file, not a page, so the build's policy hook never sees it."""
        base = self.hub.organisation.site_url.rstrip("/") + "/" + prefix(self.language) \
            if self.hub.organisation.site_url else ""
        files = {}
        for notice in moved.moved(self.pages):
            target = relative(notice.link_src, notice.src)
            files[notice.file] = with_policy(str(self.renderer.fragment(
                "moved.html", notice.link_src, language=self.language, target=target,
                title=self.pages[notice.src].title, canonical=base + url_of(notice.src) if base else target)))
        return files

    def render(self, src: str) -> str:
        if (body := self.bodies.get(src)) is None:
            body = self.bodies[src] = self.renderer.page(self.pages[src])
        return body

    def expand_macros(self, markdown: str, src: str) -> tuple[str, list[Problem]]:
        return expand(markdown, self.hub, self.renderer, src, f"content/{src}")

    @staticmethod
    def toc_tokens(html: str) -> list[dict[str, Any]]:
        """Table-of-contents entries in the nested form MkDocs' toc expects (see toc.py)."""
        return toc_tokens(html)

    @property
    def copyright(self) -> str:
        org = self.hub.organisation
        words = self.renderer.translations.gettext(
            'Text is available under the <a href="%(url)s">%(licence)s</a>, except where otherwise stated.')
        # finalize: a name still in English keeps its mark (fragments.py) through the escaping.
        return f"© {escape(fragments.finalize(org.name))}. " + words % {
            "url": escape(org.licence_url), "licence": escape(fragments.finalize(org.licence_name))}

    def long_date(self, iso: str) -> str:
        """A date as the site's language writes it: 11 May 2025, 11 Mai 2025."""
        return long_date(iso) if self.language.code == SOURCE else localised.long_date(iso, self.language.code)

    def page_chrome(self, src: str, title: str) -> dict[str, str]:
        """What every page's footer needs: the feedback route with the page named."""
        contact = self.hub.organisation.contact
        target = contact.feedback_url or f"mailto:{contact.email}"
        # A title still in English carries marks (fragments.py), which have no place in an email's subject.
        subject = f"Feedback on the page: {fragments.strip(title)}"
        sep = "&" if "?" in target else "?"
        if target.startswith("mailto:"):
            useful = f"{target}{sep}subject={quote(subject + ' (useful)')}"
            not_useful = f"{target}{sep}subject={quote(subject + ' (not useful)')}&body={quote('What was missing or wrong? ')}"
        else:
            useful = f"{target}{sep}page={quote(src)}&useful=yes"
            not_useful = f"{target}{sep}page={quote(src)}&useful=no"
        org = self.hub.organisation
        return {"useful": useful, "not_useful": not_useful, "title": title,
                "accessibility": named_src("accessibility"), "preview": "yes" if self.preview else "",
                # "Page last reviewed" and "Next review due", as NHS.UK pages say (data/organisation.yml).
                "reviewed": self.long_date(org.last_reviewed) if org.last_reviewed else "",
                "reviewed_iso": org.last_reviewed,
                "review_due": self.long_date(org.next_review_due) if org.next_review_due else "",
                "review_due_iso": org.next_review_due}


def _escape_titles(nav: Any) -> Any:
    """Navigation titles as HTML: Material writes them into every page without escaping."""
    if isinstance(nav, list):
        return [_escape_titles(item) for item in nav]
    if isinstance(nav, dict):
        return {str(escape(title)): _escape_titles(value) for title, value in nav.items()}
    return nav


def _nav_sources(nav: Any) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_sources(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_sources(value)


def _front_matter(page: Page) -> str:
    # JSON strings are valid YAML, so any title is quoted safely.
    # MkDocs and Material write titles and descriptions into pages unescaped: text from data is not HTML.
    meta: dict[str, Any] = {"title": str(escape(page.title)), "description": str(escape(page.description))}
    if not page.in_search:
        meta["search"] = {"exclude": True}
    return "---\n" + "\n".join(f"{k}: {json.dumps(v)}" for k, v in meta.items() if v) + "\n---\n"


def brand_css(brand: m.Brand) -> str:
    """Material's colour variables set from the organisation's brand colours."""
    return (":root, [data-md-color-scheme=default] {\n"
            f"  --md-primary-fg-color: {brand.primary};\n"
            f"  --md-primary-fg-color--light: {brand.primary};\n"
            f"  --md-primary-fg-color--dark: {brand.accent};\n"
            f"  --md-primary-bg-color: {brand.on_primary};\n"
            f"  --md-accent-fg-color: {brand.accent};\n"
            f"  --md-typeset-a-color: {brand.primary};\n"
            "}\n")
