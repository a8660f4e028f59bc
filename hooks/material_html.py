"""MkDocs hook: corrects the two bits of Material's HTML no template block reaches.

Material 9 writes them in ``base.html`` outside any block and in
``partials/toc.html`` for every page, so the only place to fix them without
copying Material's whole base template is the finished page. Each fix names
the HTML checker's error it removes; ``tests/test_html_validity.py`` runs the
checker over every built page, so a Material upgrade that changes this markup
shows up there.
"""

from __future__ import annotations

import re

# Material puts autocomplete="off" on its drawer and search toggles so Firefox
# does not restore them open; the attribute is not allowed on checkboxes
# (Nu Html Checker: "Attribute autocomplete is only allowed when the input type is ...").
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?)\s+autocomplete="off"')

# On section index pages there is no __toc checkbox, but the sidebar's table of
# contents still has a label for it ("The value of the for attribute of the
# label element must be the ID of a non-hidden form control").
_TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">(.*?)</label>', re.DOTALL)


# A code block wider than the page scrolls sideways, so the keyboard must be able to reach it
# (axe-core scrollable-region-focusable, WCAG 2.1.1). Material's JavaScript gave each one tabindex="0";
# the hub does not load that script (theme_overrides/main.html), so the page carries the attribute itself.
_CODE_BLOCK = re.compile(r"<pre([^>]*)><code(?![^>]*\btabindex=)")
# The same for a table written in Markdown on a content page: Material's stylesheet lets a table with no
# class scroll sideways itself (the hub's own tables scroll in a focusable .hub-table-wrap).
_PLAIN_TABLE = "<table>"


# Material's templates indent every navigation and contents entry by up to 20
# spaces over several lines; with a long navigation that indentation alone was
# about 30 KB of a year page at 100 times the example data (issue 7's budget is
# 200 KB of HTML). A run of whitespace that holds a line break renders exactly
# as a single line break, except inside elements that keep their whitespace.
_KEEPS_WHITESPACE = re.compile(r"<(pre|textarea|script|style|code)\b.*?</\1>", re.DOTALL | re.IGNORECASE)
_INDENTED_LINE_BREAKS = re.compile(r"\n[ \t\r\n]+")


def squeeze_indentation(html: str) -> str:
    """The page with each run of line breaks and indentation cut to one line break, outside ``pre`` and the like."""
    parts, last = [], 0
    for kept in _KEEPS_WHITESPACE.finditer(html):
        parts += [_INDENTED_LINE_BREAKS.sub("\n", html[last:kept.start()]), kept.group(0)]
        last = kept.end()
    parts.append(_INDENTED_LINE_BREAKS.sub("\n", html[last:]))
    return "".join(parts)


def fix_material_html(html: str) -> str:
    """The page with Material's invalid markup made valid, its code blocks and plain tables reachable by
    keyboard and its indentation squeezed, and nothing else changed."""
    html = _CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)
    html = _CODE_BLOCK.sub(r'<pre\1><code tabindex="0"', html)
    html = html.replace(_PLAIN_TABLE, '<table tabindex="0">')
    if 'id="__toc"' not in html:
        html = _TOC_LABEL.sub(r'<span class="md-nav__title">\1</span>', html)
    return squeeze_indentation(html)


def on_post_page(output: str, page, config) -> str:  # noqa: ANN001 - MkDocs' own signature
    return fix_material_html(output)


def on_post_template(output_content: str, template_name: str, config) -> str:  # noqa: ANN001
    # The 404 page is a theme template, not a page, so it comes through here.
    return fix_material_html(output_content) if template_name.endswith(".html") else output_content
