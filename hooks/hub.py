"""MkDocs hooks: the thin adapter between MkDocs and the engagement hub's core.

Everything here is MkDocs-specific plumbing. Loading, checking and shaping
the data, and drawing the pages, happen in ``engagement_hub``, which never
imports MkDocs, so another engine can replace this file alone.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from babel.support import NullTranslations
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import get_toc
from mkdocs.utils.meta import get_data

sys.path.insert(0, str(Path(__file__).parent))

from engagement_hub.output.content import at_editor_lines
from engagement_hub.output.languagebuild import LANGUAGE_ENV
from engagement_hub.output.linkwarnings import LinkWarnings
from engagement_hub.output.render import problems_page
from engagement_hub.output.sanitise import sanitise
from engagement_hub.output.search import SearchIndexError, index_site
from engagement_hub.output.site import PRINT_ENV, HubSite
from engagement_hub.output.stylesheet import COMBINED, combine
from engagement_hub.pages import fragments
from engagement_hub.pages.alternates import alternates, prefix
from engagement_hub.preview.cache import template_cache
from engagement_hub.preview.collector import IdleCollector
from engagement_hub.preview.memory import Memory
from engagement_hub.reading.languages import ENGLISH, SOURCE
from engagement_hub.reading.load import newest_date
from engagement_hub.reading.logo import site_path

log = logging.getLogger("mkdocs.hooks.engagement_hub")
_state: dict[str, object] = {"preview": False}


def _site() -> HubSite:
    return _state["site"]  # type: ignore[return-value]


def on_startup(command: str, dirty: bool) -> None:
    # `mkdocs serve` is the preview: it shows draft years so a board can review them.
    _state["preview"] = command == "serve"
    # `make serve` rebuilds with --dirty: the hub tells MkDocs which of its pages changed (on_files).
    _state["dirty"] = dirty
    # One memory for every rebuild of a preview: the speed-ups (memory.py). HUB_SPEEDUPS=0 switches them
    # off, so each rebuild starts from nothing, as a first build does.
    _state["speedups"] = os.environ.get("HUB_SPEEDUPS", "1") != "0"
    _state["memory"] = Memory()
    if command == "serve":  # Python's cycle collector runs between preview rebuilds, not during them
        _state["collector"] = IdleCollector()
        # A content/ page's broken link is shown on the page, not left to abort the rebuild (linkwarnings.py).
        links = LinkWarnings()
        for engine in _ENGINES:
            pages_log = logging.getLogger(f"{engine}.structure.pages")
            for old in [f for f in pages_log.filters if isinstance(f, LinkWarnings)]:  # a second serve's
                pages_log.removeFilter(old)
            pages_log.addFilter(links)
        _state["links"] = links
    if dirty:
        for engine in _ENGINES:  # whichever engine runs these hooks logs the notice under its own name
            logging.getLogger(f"{engine}.commands.build").addFilter(_DIRTY_NOTICE)


_ENGINES = ("mkdocs", "properdocs")  # MkDocs 1.6 and ProperDocs, its maintained fork, run these hooks alike


class _DirtyNotice(logging.Filter):
    """Drop MkDocs' warning that a --dirty build may leave pages stale.

    The hub marks every page whose content or navigation changed (and every
    hand-written page, which may show data through macros), so the warning does
    not apply; under --strict it would stop every preview rebuild.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


_DIRTY_NOTICE = _DirtyNotice()  # one filter, so a second serve in the same process does not add another


def on_config(config):  # noqa: ANN001, ANN201 - MkDocs' own signature
    if (collector := _state.get("collector")) and "site" in _state:  # a rebuild; the first build collects as usual
        collector.building()  # type: ignore[attr-defined]
    root = Path(config.config_file_path).parent
    if links := _state.get("links"):
        links.found.clear()  # type: ignore[attr-defined]
    preview = bool(_state["preview"]) or os.environ.get("HUB_PREVIEW", "") not in ("", "0")
    _state["problems"] = None
    try:
        site = HubSite.load(root, template_dir=root / "theme_overrides" / "hub",
                            content_dir=Path(config.docs_dir), preview=preview,
                            memory=_state["memory"] if _state.get("speedups") else None,
                            language=os.environ.get(LANGUAGE_ENV) or SOURCE,
                            # make board-pack's build, never published: a year's report whole, to print.
                            whole_reports=os.environ.get(PRINT_ENV, "") not in ("", "0"))
    except Exception as error:  # a DataError carries the plain-English report
        if type(error).__name__ == "BuildDateError":
            raise PluginError(str(error)) from None
        if type(error).__name__ != "DataError":
            raise
        if not _state["preview"]:
            raise PluginError("The site was not built because of problems in the data:\n\n" + str(error)) from None
        return _show_problems(config, root, error.problems)  # type: ignore[attr-defined]
    # Warnings (a channel with no way to join, an opportunity closed long ago with no outcome) are for
    # `make check` and the pull request's annotations. Logged as information here: some turn on with
    # time alone, and under --strict a warning would stop the nightly build that publishes the site.
    for problem in site.warnings:
        log.info(problem.human())
    _state["site"] = site
    # A page cannot have changed after the day it is built for, though the data may name later days (events).
    newest = newest_date(site.hub, site.memory)
    _state["data_date"] = min(newest, site.today.isoformat()) if site.today else newest
    config.nav = site.nav
    config.site_name = str(escape(site.hub.organisation.short_name))
    _state["site_url"] = site.hub.organisation.site_url
    if site.hub.organisation.site_url:
        config.site_url = site.hub.organisation.site_url.rstrip("/") + "/" + prefix(site.language)
    if site.language.code != SOURCE:
        # Material's own words (search, menus, skip link) and the page's direction, in the site's language.
        config.theme["language"] = site.language.code
        config.theme["direction"] = site.language.dir
    config.copyright = site.copyright
    for setting, name in site.brand_files.items():  # the organisation's logo and favicon, from data/
        config.theme[setting] = site_path(name)
    config.extra["hub_logo_alt"] = site.hub.organisation.logo_alt
    config.extra["hub_feed"] = site.feed_path  # main.html links the feed only when the site has one
    # The stylesheets listed in mkdocs.yml are served joined and minified, as one file (on_files).
    if COMBINED not in config.extra_css:
        _state["css_sources"] = list(config.extra_css)
        config.extra_css = [COMBINED]
    return config


def _show_problems(config, root: Path, problems: list) -> object:  # noqa: ANN001
    """`make serve` with a mistake in the data: every page shows the problems, until a save fixes them.

    The terminal alone is easy to miss while the browser keeps the last good page. The
    pages of the last good site stay at their addresses (each showing the problems), so the
    page open in the browser reloads to say what is wrong, and the next good save draws
    every page again. Logged as information: under --strict a warning would stop the
    rebuild and leave the browser on the old page.
    """
    _state["problems"] = problems_page(problems, root / "theme_overrides" / "hub")
    log.info("The preview shows these problems in the browser until they are fixed:\n\n%s",
             "\n\n".join(p.human() for p in problems))
    last = _state.get("site")
    if last is not None:
        config.nav = last.nav  # type: ignore[attr-defined]
        config.site_name = str(escape(last.hub.organisation.short_name))  # type: ignore[attr-defined]
    return config


def on_files(files: Files, config) -> Files:  # noqa: ANN001
    if _state.get("problems") is not None:
        return _problem_files(files, config)
    site = _site()
    for src, content in site.generated_files().items():
        existing = files.get_file_from_path(src)
        if existing is not None:
            if src.endswith(".md"):
                raise PluginError(f"content/{src} would replace a page the hub makes from data. "
                                  "Rename or delete content/" + src + ".")
            files.remove(existing)
        # Pages out of the menu by design (a long list's numbered pages) are not reported as missing from it.
        inclusion = InclusionLevel.UNDEFINED if not site.is_generated(src) or site.in_nav(src) else InclusionLevel.NOT_IN_NAV
        files.append(File.generated(config, src, content=content, inclusion=inclusion))
    _combine_stylesheets(files, config)
    _leave_out_hub_templates(files, config)
    if _state.get("dirty"):
        _state["written"] = {file.dest_uri for file in files}  # what this build's site holds (on_post_build)
        # MkDocs thinks every generated file changed on every rebuild; the hub knows which did.
        previous = _state.get("previous") if _state.get("speedups") else None  # none: every page redrawn
        changed = site.changed_pages(previous)  # type: ignore[arg-type]
        # A content/ page is drawn again only if it may look different (_same_content): the same settings
        # (mkdocs.yml), the same pages, menu and templates, and its own text and macros' Markdown the same.
        # The same hand-written pages too: one linking to a page since deleted must show the broken link.
        settings = (Path(config.config_file_path).read_bytes(), sorted(f.src_uri for f in files.documentation_pages()))
        expanded = _state["expanded"] = _state.get("expanded") if _state.get("settings") == settings else {}
        _state["settings"] = settings
        same_site = previous is not None and set(previous.pages) == set(site.pages) and (  # type: ignore[attr-defined]
            previous.shared_inputs() == site.shared_inputs())  # type: ignore[attr-defined]
        for file in files.documentation_pages():
            src = file.src_uri
            modified = src in changed if site.is_generated(src) else not (same_site and _same_content(file, site, expanded))
            file.is_modified = (lambda modified=modified: modified)  # type: ignore[method-assign]
    return files


def _same_content(file: File, site: HubSite, expanded: dict[str, tuple[str, str]]) -> bool:
    """Whether a content/ page would be drawn as last time: its file is the same and its macros give the same
    Markdown from today's data (the page, its menu and templates being otherwise the same, see on_files).
    A preview redrew every hand-written page on every save, as any may show data through its macros."""
    kept = expanded.get(file.src_uri)
    if kept is None or not file.abs_src_path:
        return False
    try:
        source = Path(file.abs_src_path).read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if source != kept[0]:
        return False
    text, problems = site.expand_macros(get_data(file.content_string)[0], file.src_uri)
    return not problems and text == kept[1]


def _leave_out_hub_templates(files: Files, config) -> None:  # noqa: ANN001
    """theme_overrides/hub/ holds the templates the hub draws pages with; MkDocs would publish the ones
    not ending in .html (the feed's feed.xml) as they are, template source and all, at /hub/."""
    templates = Path(config.theme.custom_dir or ".", "hub").resolve()
    for file in [f for f in files if f.abs_src_path and Path(f.abs_src_path).resolve().is_relative_to(templates)]:
        files.remove(file)


def _problem_files(files: Files, config) -> Files:  # noqa: ANN001
    """The last good site's pages, each to be drawn as the problems page; every page redrawn."""
    last = _state.get("site")
    stubs = (last.generated_files() if last is not None  # type: ignore[attr-defined]
             else {"index.md": "# Problems\n", "assets/stylesheets/hub-brand.css": ""})
    for src, content in stubs.items():
        if (existing := files.get_file_from_path(src)) is not None:
            files.remove(existing)
        files.append(File.generated(config, src, content=content))
    # content/ pages too, as every page is drawn as the problems page: one that cannot be read (not UTF-8)
    # would otherwise stop the build when MkDocs reads it.
    for file in [f for f in files.documentation_pages() if f.abs_src_path]:
        files.remove(file)
        files.append(File.generated(config, file.src_uri, content="# Problems\n"))
    for file in files.documentation_pages():
        file.is_modified = lambda: True  # type: ignore[method-assign]
    return files


def _combine_stylesheets(files: Files, config) -> None:  # noqa: ANN001
    sources = []
    for src in _state["css_sources"]:  # type: ignore[union-attr]
        file = files.get_file_from_path(src)
        if file is None:
            raise PluginError(f"mkdocs.yml lists {src} under extra_css, but there is no content/{src}.")
        sources.append((src, file.content_string))  # the file in content/, or hub-brand.css made from data
        files.remove(file)  # served inside the combined file only
    files.append(File.generated(config, COMBINED, content=combine(sources)))


def on_post_build(config) -> None:  # noqa: ANN001
    # The preview (`mkdocs serve`) has no search: indexing on every save would slow each reload.
    if not _state["preview"]:
        try:
            index_site(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
    if _state.get("dirty"):
        # What the next --dirty rebuild compares with; after the problems page, nothing: every page is redrawn.
        _state["previous"] = _state["site"] if _state.get("problems") is None else None
        written = _state.pop("written", None)
        if written is not None:
            _remove_stale(Path(config.site_dir), _state.get("last_written", set()) - written)  # type: ignore[operator]
            _state["last_written"] = written
    if links := _state.get("links"):  # checked after the pages were written (a link to a missing heading)
        for src, messages in links.found.items():  # type: ignore[attr-defined]
            log.info("In content/%s, fix before `make build`:\n%s", src, "\n".join(messages))
    if collector := _state.get("collector"):
        collector.built()  # type: ignore[attr-defined]


def _remove_stale(site_dir: Path, gone: set[str]) -> None:
    """Delete what the last build wrote and this one did not: a removed page, record or year.

    A --dirty build writes over its site folder and never empties it, so a page whose
    content file, record or progress year was removed (or whose id was renamed) would
    still be served, where a fresh build has none.
    """
    root = site_dir.resolve()
    for dest in sorted(gone):
        path = (root / dest).resolve()
        if path.is_relative_to(root) and path.is_file():
            path.unlink()
            for folder in path.parents:  # the page's folder too, once empty, as a fresh build has none
                if folder == root or any(folder.iterdir()):
                    break
                folder.rmdir()


def on_build_error(error: Exception) -> None:
    if collector := _state.get("collector"):
        collector.built()  # type: ignore[attr-defined]


def on_env(env, config, files):  # noqa: ANN001, ANN201
    # Material's templates are compiled afresh for every build; keep them compiled, as the hub's own are.
    if env.bytecode_cache is None:
        env.bytecode_cache = template_cache(env)
    # The 404 page is Material's, not the hub's: it links to the progress pages only if the data has them.
    site = _state.get("site")  # none yet when a preview starts on data with a mistake (the problems page)
    env.globals["hub_has_progress"] = bool(site and site.hub.has_progress)  # type: ignore[attr-defined]
    # The hub's words in Material's templates (main.html, partials/) in the site's language; the same
    # newstyle gettext as the hub's own templates, so the compiled templates are alike for every language.
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(site.renderer.translations if site else NullTranslations(), newstyle=True)
    # `mkdocs serve` builds one language and no search index: the other languages are named, not linked,
    # and the search box says it has no index rather than "try again".
    preview = bool(_state.get("preview"))
    env.globals["hub_preview"] = preview
    env.globals["hub_alternates"] = (lambda url: alternates(url, site.language, site.languages,  # type: ignore[union-attr]
                                                            _state.get("site_url") or "", preview)) \
        if site else (lambda url: [])
    env.globals["hub_language"] = site.language if site else ENGLISH  # type: ignore[union-attr]
    return env


def on_page_markdown(markdown: str, page, config, files) -> str:  # noqa: ANN001
    if _state.get("problems") is not None:
        return ""  # drawn as the problems page (on_page_content)
    site = _site()
    src = page.file.src_uri
    if site.is_generated(src):
        return markdown
    text, problems = site.expand_macros(markdown, src)
    if "expanded" in _state:  # a preview's: what _same_content compares with, kept once the page is drawn
        _state["expanded"].pop(src, None)  # type: ignore[attr-defined]
        page.hub_expanded = (_source(page), text) if not problems and page.file.abs_src_path else None
    if problems and page.file.abs_src_path:  # MkDocs read a lone carriage return as a line break; editors do not
        problems = at_editor_lines(problems, Path(page.file.abs_src_path).read_bytes().decode("utf-8", "replace"))
    if problems and _state["preview"]:  # the preview shows the page's problems where the author is looking
        log.info("The page shows these problems in the browser until they are fixed:\n\n%s",
                 "\n\n".join(p.human() for p in problems))
        page.hub_problems = problems_page(problems, Path(config.config_file_path).parent / "theme_overrides" / "hub")
        return ""
    if problems:
        raise PluginError("The page could not be built:\n\n" + "\n\n".join(p.human() for p in problems))
    return text


def on_page_content(html: str, page, config, files) -> str:  # noqa: ANN001
    if (shown := _state.get("problems") or getattr(page, "hub_problems", None)) is not None:
        page.toc = get_toc([])
        return shown
    site = _site()
    src = page.file.src_uri
    links = _state.get("links") if not site.is_generated(src) else None  # the hub's own pages' links are its own
    if links and (problems := links.problems(src, _source(page))):  # type: ignore[attr-defined]
        log.info("The page shows these problems in the browser until they are fixed:\n\n%s",
                 "\n\n".join(p.human() for p in problems))
        page.toc = get_toc([])
        return problems_page(problems, Path(config.config_file_path).parent / "theme_overrides" / "hub")
    if not site.is_generated(src):
        if drawn := getattr(page, "hub_expanded", None):  # drawn from its text, not as a problems page
            _state["expanded"][src] = drawn  # type: ignore[index]
        # content/ pages pass the same sanitiser as data, unless mkdocs.yml names them under extra.trusted_html.
        html = html if src in (config.extra.get("trusted_html") or []) else sanitise(html)
        # Hand-written pages are in English on every language's site: marked so, and said so.
        if site.language.code == SOURCE:
            return html
        _in_english(page.toc)  # their headings in the page's table of contents too
        return site.renderer.in_english(html)
    body = site.render(src)
    page.toc = get_toc(site.toc_tokens(body))
    return body


def _source(page) -> str:  # noqa: ANN001 - MkDocs' Page
    """The page's Markdown as its author wrote it, so a line named is a line in their editor."""
    path = page.file.abs_src_path
    return Path(path).read_bytes().decode("utf-8", "replace") if path else page.markdown or ""


def _in_english(toc) -> None:  # noqa: ANN001 - MkDocs' TableOfContents (or a heading's children)
    for heading in toc:
        heading.title = fragments.OPEN + heading.title + fragments.CLOSE
        _in_english(heading.children)


def on_page_context(context, page, config, nav):  # noqa: ANN001, ANN201
    # The page's full title (as in <title>), not its shorter menu label, names it in feedback emails.
    # Titles reach MkDocs escaped as HTML; the feedback email's subject wants the plain text back.
    title = Markup(page.meta.get("title") or page.title or "").unescape()
    if _state.get("problems") is None:
        context["hub_page"] = _site().page_chrome(page.file.src_uri, title)
    return context


def on_serve(server, config, builder):  # noqa: ANN001, ANN201
    root = Path(config.config_file_path).parent
    # MkDocs looks for changes every half second; data/ and the templates are a few dozen files, so
    # the hub looks ten times a second and a saved edit shows sooner (watchdog's poll interval).
    if isinstance(getattr(server.observer, "_timeout", None), float):
        server.observer._timeout = 0.1
    # After a change MkDocs waits until none has come for 0.1 s, to catch the rest of a save. The watcher
    # reports all it found in one look within milliseconds, and looks again only 0.1 s later, so 0.02 s
    # still catches a whole save and the rebuild starts 0.08 s sooner.
    if isinstance(getattr(server, "build_delay", None), float):
        server.build_delay = 0.02
    server.watch(str(root / "data"))
    server.watch(str(root / "theme_overrides"))
    return server


def on_pre_page(page, config, files):  # noqa: ANN001, ANN201
    # The sitemap's dates come from the data, not the clock, so two builds of the same data are byte-identical.
    page.update_date = _state.get("data_date") or page.update_date
    return page


def on_post_page(output: str, page, config) -> str:  # noqa: ANN001
    # On a site in another language, words still in English (a menu entry, a title) carry marks
    # (engagement_hub/fragments.py): in the page's text they become lang="en", elsewhere they go.
    return fragments.apply(output, _site().language).html if _state.get("problems") is None \
        and _site().language.code != SOURCE else output


def on_post_template(output_content: str, template_name: str, config) -> str:  # noqa: ANN001
    if "site" not in _state or _site().language.code == SOURCE:
        return output_content
    return fragments.apply(output_content, _site().language).html if template_name.endswith(".html") \
        else fragments.strip(output_content)
