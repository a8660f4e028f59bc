"""Every word a template shows comes from the message catalogue: written as {{ _("...") }}, {{ t("...") }}
or inside {% trans %}, so `make messages` finds it and a site in another language shows it translated.
A word typed straight into a template's markup (or into a visible attribute: aria-label, title, alt,
placeholder, data-label) would stay English on every site; this finds one.

It reads the templates with Jinja's own lexer, so what it checks is what Jinja sees as the template's
text. Words passed as string literals inside an expression ("Yes" if ... else "No") are not seen
here; the Welsh site's coverage in `make check` and test_languages_site.py see their effect.
"""

from __future__ import annotations

import re

import jinja2

from conftest import ROOT

TEMPLATES = ROOT / "theme_overrides"
# The preview's page for data it cannot build speaks to the site's editors in `make check`'s words,
# which are English (engagement_hub/reading/problems.py), like the check itself.
EDITORS_ONLY = {"hub/problems.html"}

_LEXER = jinja2.Environment(extensions=["jinja2.ext.i18n"])
_HOLE = "\x00"  # where an expression or a tag was
_TAG = re.compile(r"<[^>]*>", re.DOTALL)
_ATTRIBUTE = re.compile(r'\s[\w-]+="[^"]*"')  # an attribute a macro writes outside a tag
_VISIBLE = re.compile(r'\b(?:aria-label|title|alt|placeholder|data-label)="([^"]*)"')
_FILE = re.compile(r"\S*\.(?:csv|json)\b")  # a file name's ending after its name from the data
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)  # code, which no reader sees
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]+")


def _skeleton(source: str) -> str:
    """The template's own text: every {{ }} and {% %} a hole, every {% trans %} block left out."""
    out: list[str] = []
    in_trans = tag_name_next = False
    for _, kind, value in _LEXER.lex(source):
        if kind in ("block_begin", "variable_begin"):
            out.append(_HOLE)
            tag_name_next = kind == "block_begin"
        elif kind == "name" and tag_name_next:
            tag_name_next = False
            in_trans = {"trans": True, "endtrans": False}.get(value, in_trans)
        elif kind == "data" and not in_trans:
            out.append(value)
    return "".join(out)


def fixed_words(source: str) -> list[str]:
    """Words a reader would see that no translation reaches."""
    text = _skeleton(source)
    words = [word for value in _VISIBLE.findall(text) for word in _WORD.findall(value)]
    text = _ATTRIBUTE.sub(" ", _TAG.sub(" ", _SCRIPT.sub(" ", text)))
    return words + _WORD.findall(_FILE.sub(" ", text))


def test_every_word_in_the_templates_is_translatable() -> None:
    found = {}
    for path in sorted(TEMPLATES.rglob("*.html")):
        name = path.relative_to(TEMPLATES).as_posix()
        if name not in EDITORS_ONLY and (words := fixed_words(path.read_text(encoding="utf-8"))):
            found[name] = words
    assert len(list(TEMPLATES.rglob("*.html"))) > 20
    assert not found, found


def test_a_word_outside_gettext_is_found() -> None:
    assert fixed_words('<h2 id="x">Our goals</h2>') == ["Our", "goals"]
    assert fixed_words('<nav aria-label="Pages of {{ list }}">{{ _("Next") }}</nav>') == ["Pages", "of"]
    assert fixed_words('<p>{% if a %}Draft{% endif %} {{ n }} rows</p>') == ["Draft", "rows"]
    assert fixed_words('<script>document.title="x"</script><p>Shown</p>') == ["Shown"]


def test_translated_words_and_names_from_the_data_are_not() -> None:
    assert fixed_words('<h2 id="x">{{ _("Our goals") }}</h2><p>{{ t("Home") }}</p>') == []
    assert fixed_words('<p>{% trans n=1 %}{{ n }} row{% pluralize %}{{ n }} rows{% endtrans %}</p>') == []
    assert fixed_words('<a href="{{ x }}" class="hub-card">{{ name }}.csv</a>{# a comment #}') == []
    assert fixed_words('{% macro u() %} data-print-url="{{ a }}"{% endmacro %}') == []
