"""The words the core writes in Python (chart titles, "No change", "Target 40 by 2027/28", the involvement
figures' names, a continuation page's title) come from the interface catalogue, like the templates' words;
and any message the catalogue has no translation for is shown in English marked lang="en", by construction
(pages/words.py), in the templates as in the core.

The site-wide check reads every page of the fixture trust built in Welsh and Urdu with the project's own
catalogues (locale/) and finds any English text of a core message that is not inside a lang="en" element;
its negatives feed it HTML with a bare English word. A signed figure (+3) is kept left to right on an
Urdu page (a <bdi dir="ltr">), or it would read 3+.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.dates import get_day_names, get_month_names
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup, Comment, Doctype
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from conftest import ROOT, TRUST, fixture_project, run_language_build, with_languages
from engagement_hub.output.render import environment, left_to_right
from engagement_hub.pages import charts, fragments, localised, progress
from engagement_hub.pages.words import ENGLISH_WORDS, Marked, Words, in_english
from engagement_hub.reading import model as m
from engagement_hub.reading import opportunities as op
from engagement_hub.reading.catalogue import Catalogue, gettext, read_catalogue, translated_ids

OPEN, CLOSE = fragments.OPEN, fragments.CLOSE
TEMPLATES = ROOT / "theme_overrides" / "hub"
MEASURE = m.Measure(id="m", name="Staff trained", unit="%", baseline=20, baseline_year="2024/25", target=40,
                    target_year="2027/28", better="higher")
GOAL = m.Goal(id="g", number=1, title="A goal", summary="", description="", patients_told_us=(), commitments=(),
              measures=(MEASURE,), value_ids=())


def welsh_words(messages: dict[str, str], code: str = "cy") -> Words:
    """Words in ``code`` from a catalogue made here: ``messages`` (English -> translation, '' for none)."""
    catalog = Catalog(locale=code)
    for english, translated in messages.items():
        catalog.add(english, translated)
    catalogue = Catalogue(code, catalog, len(messages), sum(1 for t in messages.values() if t))
    return Words(Marked(gettext(catalogue), translated_ids(catalogue)), code)


def project_words(code: str) -> Words:
    catalogue, problems = read_catalogue(ROOT, code)
    assert not [p for p in problems if p.severity == "error"], problems
    return Words(Marked(gettext(catalogue), translated_ids(catalogue)), code)


# ---- the marks: a message with no translation is English, marked, run by run ----

def test_an_untranslated_message_is_marked_english_between_its_tags_and_placeholders() -> None:
    assert in_english("No change") == f"{OPEN}No change{CLOSE}"
    assert in_english("Target %(target)s by %(year)s") == f"{OPEN}Target{CLOSE} %(target)s {OPEN}by{CLOSE} %(year)s"
    # A tag's attribute (its placeholder) is never inside a mark, so the span never splits an element.
    assert in_english('Read <a href="%(url)s">the guide</a>.') == \
        f'{OPEN}Read{CLOSE} <a href="%(url)s">{OPEN}the guide{CLOSE}</a>.'
    assert in_english("%(year)s: %(percent)s") == "%(year)s: %(percent)s"  # no words, nothing to mark
    assert in_english("100%% = target") == f"100%% {OPEN}= target{CLOSE}"


@given(st.lists(st.sampled_from(["a", "b", " ", "\u00a0", "\n", "%(n)s", "<b>", "</b>", ".", "7"]), max_size=30)
       .map("".join))
def test_no_english_run_starts_or_ends_with_a_space(message: str) -> None:
    """Inside a left-to-right span on a right-to-left page, a space at the span's edge is drawn at its far
    end, gluing the English to the figure after it ("2024/25What changed since"): spaces stay outside."""
    marked = in_english(message)
    assert marked.replace(OPEN, "").replace(CLOSE, "") == message  # nothing lost or added
    for run in re.findall(f"{OPEN}(.*?){CLOSE}", marked, re.DOTALL):
        assert run == run.strip(), repr(marked)


def test_the_space_check_can_fail() -> None:
    glued = f"{OPEN}What changed since {CLOSE}%(year)s"
    assert any(run != run.strip() for run in re.findall(f"{OPEN}(.*?){CLOSE}", glued))


def test_the_catalogue_gives_its_translation_and_marks_only_what_it_lacks() -> None:
    words = welsh_words({"No change": "Dim newid", "No earlier figure": "", "%(n)s row": ""})
    assert words.gettext("No change") == "Dim newid"
    assert words.gettext("No earlier figure") == f"{OPEN}No earlier figure{CLOSE}"  # an empty msgstr
    assert words.gettext("Not in the catalogue") == f"{OPEN}Not in the catalogue{CLOSE}"
    assert words.ngettext("%(n)s row", "%(n)s rows", 2) == f"%(n)s {OPEN}rows{CLOSE}"
    html = fragments.apply(f"<td>{words.gettext('No earlier figure')}</td><td>{words.gettext('No change')}</td>").html
    assert html == '<td><span lang="en" dir="ltr">No earlier figure</span></td><td>Dim newid</td>'


def test_a_name_in_the_pages_own_language_is_a_span_in_text_and_nothing_in_an_attribute() -> None:
    """A macro's translated name in a hand-written (English) page on the Welsh or Urdu site: marked HERE, it
    becomes a span of the page's language where it falls in the text, and only its words in a tag's attribute,
    a title or a chart's text, where no element may go (a span there would break the tag)."""
    from engagement_hub.reading.languages import Language

    here, end = fragments.HERE, fragments.HERE_END
    urdu = Language(code="ur", name="اردو", dir="rtl")
    html = (f'<title>A {here}نام{end}</title><div lang="en"><p>About {here}نام{end}.</p>'
            f'<img alt="Logo of {here}نام{end}" src="x.png"><svg><text>{here}نام{end}</text></svg></div>')
    marked = fragments.apply(html, urdu).html
    assert marked == ('<title>A نام</title><div lang="en"><p>About <span lang="ur" dir="rtl">نام</span>.</p>'
                      '<img alt="Logo of نام" src="x.png"><svg><text><tspan lang="ur">نام</tspan></text></svg></div>')
    assert fragments.apply(html).html == html.replace(here, "").replace(end, "")  # no language: only its words
    assert fragments.strip(html) == html.replace(here, "").replace(end, "")


def test_a_macros_name_is_marked_in_the_sites_language_and_not_on_the_english_site() -> None:
    from engagement_hub.output.macros import Macros
    from engagement_hub.output.render import Renderer
    from engagement_hub.reading.languages import ENGLISH, Language
    from engagement_hub.reading.load import load

    hub = load(TRUST)
    for language, marked in ((Language(code="cy", name="Cymraeg"), True), (ENGLISH, False)):
        names = Macros(hub, Renderer(hub, TEMPLATES, language=language), "about.md").as_globals()
        for key in ("organisation_name", "strategy_title"):
            assert names[key].startswith(fragments.HERE) == marked == names[key].endswith(fragments.HERE_END), key


def test_the_english_site_has_no_marks() -> None:
    assert ENGLISH_WORDS.gettext("No change") == "No change"
    assert progress.change_words(0) == "No change" and progress.change_words(None) == "No earlier figure"
    assert progress.change_words(3) == "+3" and progress.change_words(-1.5) == "−1.5"


def test_a_template_word_the_catalogue_lacks_is_marked_where_it_is_written() -> None:
    words = welsh_words({"Next page": "Tudalen nesaf", "Previous page": ""})
    env = environment(TEMPLATES, words.translations, "cy")
    html = env.from_string('<a aria-label="{{ _("Previous page") }}">{{ _("Previous page") }}</a> '
                           '<a>{{ _("Next page") }}</a> <p>{{ _("Page %(number)s", number=2) }}</p>').render()
    assert fragments.apply(html).html == (
        '<a aria-label="Previous page"><span lang="en" dir="ltr">Previous page</span></a> '
        '<a>Tudalen nesaf</a> <p><span lang="en" dir="ltr">Page</span> 2</p>')


def test_a_translated_template_word_is_not_marked() -> None:
    words = welsh_words({"Previous page": "Tudalen flaenorol"})
    html = environment(TEMPLATES, words.translations, "cy").from_string('{{ _("Previous page") }}').render()
    assert fragments.apply(html).html == "Tudalen flaenorol"


# ---- the core's words in Welsh ----

def test_chart_words_are_in_the_pages_language() -> None:
    cy = project_words("cy")
    points = progress.trend(MEASURE, GOAL, (), cy)
    chart = charts.trend_chart(MEASURE, points, "c", cy)
    assert chart.title == "Staff trained, fesul blwyddyn"
    assert chart.target_label == "Targed 40 erbyn 2027/28"
    assert chart.description.startswith("Siart llinell o staff trained (%) fesul blwyddyn")
    assert points[0].label == "2024/25 (llinell sylfaen)"
    english = charts.trend_chart(MEASURE, progress.trend(MEASURE, GOAL, ()), "c")
    assert english.title == "Staff trained, by year" and english.target_label == "Target 40 by 2027/28"
    assert progress.change_words(0, cy) == "Dim newid" and progress.change_words(None, cy) == "Dim ffigur cynharach"


def test_a_language_without_the_chart_words_shows_them_in_english_marked() -> None:
    none = welsh_words({})
    chart = charts.trend_chart(MEASURE, [progress.TrendPoint("2024/25", 20, baseline=True, words=none)], "c", none)
    assert chart.target_label == f"{OPEN}Target{CLOSE} 40 {OPEN}by{CLOSE} 2027/28"


def test_dates_and_times_are_written_as_the_language_writes_them() -> None:
    cy = project_words("cy")
    when = m.When(dt.date(2027, 1, 14), dt.time(17, 0))
    assert localised.when_words(when, "cy", cy.gettext) == "17:00 ar Dydd Iau 14 Ionawr 2027"
    assert localised.when_words(m.When(dt.date(2027, 1, 14)), "cy", cy.gettext) == "Dydd Iau 14 Ionawr 2027"
    assert op.when_words(when) == "5pm on Thursday 14 January 2027"  # the English site as it was


# ---- signed figures on a right-to-left page ----

def test_a_signed_figure_is_isolated_left_to_right() -> None:
    assert left_to_right("+3") == Markup('<bdi dir="ltr">+3</bdi>')
    assert left_to_right("−1,250.5") == Markup('<bdi dir="ltr">−1,250.5</bdi>')
    assert left_to_right("کوئی تبدیلی نہیں") == "کوئی تبدیلی نہیں"  # words are not a figure
    assert left_to_right("<b>+3</b>") == "&lt;b&gt;+3&lt;/b&gt;"  # escaped, never markup


_SIGNED = re.compile(r"^[+−-]\d")


def unisolated_figures(html: str) -> list[str]:
    """Signed figures (+3, −1) in a table cell that are not inside an element written left to right."""
    soup = BeautifulSoup(html, "html.parser")
    return [text.strip() for cell in soup.find_all("td") for text in cell.find_all(string=True)
            if _SIGNED.match(text.strip()) and not any(p.get("dir") == "ltr" for p in text.parents if p.name)]


def test_the_figure_check_finds_a_bare_signed_figure() -> None:
    assert unisolated_figures("<table><tr><td>+3 <span>(بہتر)</span></td></tr></table>") == ["+3"]
    assert unisolated_figures('<table><tr><td><bdi dir="ltr">+3</bdi> (بہتر)</td></tr></table>') == []


# ---- the site: no core English outside lang="en" ----

_NOT_WORDS = re.compile(r"<[^>]*>|%(?:\([^)]*\))?[#0+-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa%]")


def core_messages(pot: Path = ROOT / "locale" / "messages.pot") -> set[str]:
    """The English of every message the core (hooks/) writes, each run of words between placeholders."""
    with pot.open("rb") as file:
        catalog = read_po(file)
    pieces = set()
    for message in catalog:
        if message.id and any(path.startswith("hooks/") for path, _ in message.locations):
            for text in [message.id] if isinstance(message.id, str) else message.id:
                pieces |= {p.strip(" ,.:;()") for p in _NOT_WORDS.split(text)}
    return {p for p in pieces if len(re.sub(r"[^A-Za-z]", "", p)) >= 4}


CORE = core_messages()
# Days and months the core writes in dates ("5pm on Monday 3 March 2025"), which no catalogue holds.
DATE_WORDS = {*get_day_names("wide", locale="en").values(), *get_month_names("wide", locale="en").values()}


def bare_english(html: str, messages: set[str] = CORE) -> list[str]:
    """Core messages written in a page's text outside any lang="en" element. Not read: a <title> or <desc>, which can
    hold no element, an attribute, which can hold no mark, and <code>, a column's or file's name as the data
    file spells it; a word inside an address or a file name (progress/, pledges.csv) is not a word."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for text in soup.find_all(string=True):
        if isinstance(text, (Comment, Doctype)) or text.parent.name in ("script", "style", "title", "desc", "code"):
            continue
        if any(p.get("lang") == "en" for p in text.parents if p.name):
            continue
        found += [message for message in messages
                  if re.search(rf"(?<![\w/-]){re.escape(message)}(?![\w./-])", text)]
    return found


def test_the_check_finds_a_bare_english_word() -> None:
    assert "No change" in bare_english('<html lang="cy"><td>No change</td></html>')
    assert "Target" in bare_english('<p lang="cy"><text>Target 40 by 2027/28</text></p>')
    assert bare_english('<html lang="cy"><td><span lang="en" dir="ltr">No change</span></td></html>') == []
    assert bare_english('<html lang="cy"><td>Dim newid</td><title>No change</title></html>') == []
    assert bare_english('<p>Colofnau yn <code>pledges</code>, https://example.org/progress/</p>') == []
    assert len(CORE) > 50 and {"No earlier figure", "by year", "People involved"} <= CORE
    assert sorted(bare_english('<p lang="cy"><time>5pm on Monday 3 March 2025</time></p>', DATE_WORDS)) == [
        "March", "Monday"]


@pytest.fixture(scope="module")
def catalogued_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture trust in English, Welsh and Urdu, with the project's own catalogues (locale/)."""
    base = tmp_path_factory.mktemp("python-words")
    project = with_languages(fixture_project("trust", base / "project"), locale=False)
    result = run_language_build(project, base / "site")
    assert result.returncode == 0, result.stderr
    return base / "site"


def pages(site: Path, code: str) -> Iterator[tuple[str, str]]:
    for path in sorted((site / code).rglob("*.html")):
        yield path.relative_to(site).as_posix(), path.read_text(encoding="utf-8")


@pytest.mark.parametrize("code", ["cy", "ur"])
def test_no_core_word_is_english_outside_lang_en(catalogued_site: Path, code: str) -> None:
    found = {name: words for name, html in pages(catalogued_site, code) if (words := bare_english(html, CORE | DATE_WORDS))}
    assert len(list((catalogued_site / code).rglob("*.html"))) > 20
    assert not found, found


def test_welsh_pages_show_the_core_words_in_welsh(catalogued_site: Path) -> None:
    year = (catalogued_site / "cy" / "progress" / "2025-26" / "index.html").read_text(encoding="utf-8")
    assert "Pobl a gymerodd ran" in year and "People involved" not in year
    goal = next((catalogued_site / "cy" / "strategy").glob("*/index.html")).read_text(encoding="utf-8")
    assert "fesul blwyddyn" in goal and "Targed" in goal


def test_a_hand_written_pages_name_in_the_menu_is_marked_english(catalogued_site: Path) -> None:
    soup = BeautifulSoup((catalogued_site / "cy" / "index.html").read_text(encoding="utf-8"), "html.parser")
    links = soup.select('.md-nav__link[href="about/"]')
    assert links and all(link.select_one('[lang="en"]') for link in links)
    english = BeautifulSoup((catalogued_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert not english.select('.md-nav [lang="en"]')


def test_signed_figures_read_left_to_right_on_urdu_pages(catalogued_site: Path) -> None:
    year = (catalogued_site / "ur" / "progress" / "2025-26" / "index.html").read_text(encoding="utf-8")
    assert '<bdi dir="ltr">+' in year or '<bdi dir="ltr">−' in year  # the page has signed figures
    found = {name: bad for name, html in pages(catalogued_site, "ur") if (bad := unisolated_figures(html))}
    assert not found, found
    english = (catalogued_site / "progress" / "2025-26" / "index.html").read_text(encoding="utf-8")
    assert "<bdi" not in english  # English pages are as they were


_ENGLISH_SPAN = re.compile(r'<(span|tspan) lang="en"[^>]*>([^<]*)</\1>')


def spaced_english_spans(html: str) -> list[str]:
    """English runs that start or end with a space: on a right-to-left page the space is drawn at the wrong end."""
    return [text for _, text in _ENGLISH_SPAN.findall(html) if text != text.strip()]


def test_the_spaced_span_check_can_fail() -> None:
    assert spaced_english_spans('<h2><span lang="en" dir="ltr">What changed since </span>2024/25</h2>') == [
        "What changed since "]
    assert spaced_english_spans('<h2><span lang="en" dir="ltr">What changed since</span> 2024/25</h2>') == []


@pytest.mark.parametrize("code", ["cy", "ur"])
def test_english_runs_keep_their_spaces_outside(catalogued_site: Path, code: str) -> None:
    year = (catalogued_site / code / "progress" / "2025-26" / "index.html").read_text(encoding="utf-8")
    assert _ENGLISH_SPAN.search(year)  # the page has English runs to check
    found = {name: bad for name, html in pages(catalogued_site, code) if (bad := spaced_english_spans(html))}
    assert not found, found


def test_the_organisations_words_are_the_catalogues_by_default_and_its_own_marked_english_otherwise() -> None:
    import dataclasses

    from conftest import FIXTURES
    from engagement_hub.pages.wordtables import in_language
    from engagement_hub.reading import model as m
    from engagement_hub.reading.load import load
    from engagement_hub.reading.translations import Entry, InEnglish, Translated
    hub = load(FIXTURES / "trust")
    assert hub.organisation.words == m.Words()  # the fixture trust words nothing itself: the defaults
    welsh = in_language(hub, project_words("cy")).organisation.words
    assert welsh.progress_reviewed_by == "Bwrdd yr Ymddiriedolaeth"
    assert welsh.representation_page == "Lle mae gan gleifion sedd"
    own = dataclasses.replace(hub, organisation=dataclasses.replace(
        hub.organisation, words=m.Words(progress_reviewed_by="the steering group")))
    said = in_language(own, project_words("cy")).organisation.words.progress_reviewed_by
    assert said == "the steering group" and isinstance(said, InEnglish)  # shown marked lang="en"
    # make publish-year copies the words into each year (reviewed_by): the default is still the catalogue's there,
    # and a year's own reviewer, or one the data's translations give, is the year's.
    years = in_language(hub, project_words("cy")).years
    assert [y.reviewed_by for y in hub.years] == ["the Trust Board"] * len(hub.years)
    assert {y.reviewed_by for y in years} == {"Bwrdd yr Ymddiriedolaeth"}
    for own_name in (InEnglish("the steering group"), Translated("Bwrdd y Cyfarwyddwyr", Entry(
            "Bwrdd y Cyfarwyddwyr", "the Board of Directors", reviewed=True, machine=False, stale=False))):
        year = dataclasses.replace(hub.years[0], reviewed_by=own_name)
        shown = in_language(dataclasses.replace(hub, years=(year,)), project_words("cy")).years[0].reviewed_by
        assert shown is own_name


def test_each_language_has_a_feed_of_its_own_in_its_own_words(catalogued_site: Path) -> None:
    import xml.etree.ElementTree as ET
    atom = "{http://www.w3.org/2005/Atom}"
    feeds = {code: ET.parse(catalogued_site / code / "feed.xml").getroot() for code in ("", "cy", "ur")}
    assert feeds[""].get("{http://www.w3.org/XML/1998/namespace}lang") == "en-GB"
    ids = set()
    for code in ("cy", "ur"):
        feed = feeds[code]
        assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == code
        own = feed.find(f"{atom}link[@rel='self']").get("href")
        assert own == f"https://engagement.example.org/{code}/feed.xml" and feed.find(f"{atom}id").text == own
        ids.add(own)
        links = [e.find(f"{atom}link").get("href") for e in feed.iter(f"{atom}entry")]
        assert links and all(link.startswith(f"https://engagement.example.org/{code}/") for link in links)
        text = ET.tostring(feed, encoding="unicode")
        assert not [w for w in ("what's new", "What happened:", "Our report for", "Open from", "Pledge update from")
                    if w in text], code
    english = ET.tostring(feeds[""], encoding="unicode")
    assert "what's new" in english and ("Open from" in english or "Our report for" in english)  # the opposite case
    assert len(ids | {feeds[""].find(f"{atom}id").text}) == 3


CALENDAR_WORDS = ("Closes:", " closes at ", "Access:", "How to join:", ": ways to take part", "LOCATION:Online")


def calendar_text(site: Path, code: str) -> str:
    """The calendar of every opportunity, its folded lines joined (RFC 5545 folds at 75 octets)."""
    return (site / code / "calendar" / "all.ics").read_text(encoding="utf-8").replace("\r\n ", "")


def test_each_languages_calendar_is_in_its_own_words(catalogued_site: Path) -> None:
    english = calendar_text(catalogued_site, "")
    assert all(word in english for word in CALENDAR_WORDS), english  # the words to look for are there in English
    for code in ("cy", "ur"):
        text = calendar_text(catalogued_site, code)
        assert not [word for word in CALENDAR_WORDS if word in text], code
        assert not fragments._MARKS.search(text)  # a calendar is not HTML: no marks left in it
    assert "Yn cau: " in calendar_text(catalogued_site, "cy") and "رسائی: " in calendar_text(catalogued_site, "ur")


def test_a_calendar_word_the_catalogue_lacks_is_english_without_marks() -> None:
    from engagement_hub.pages import ics
    from engagement_hub.reading.load import check
    hub, problems = check(TRUST, today=dt.date(2026, 12, 1))
    assert hub is not None, problems
    files = ics.files(hub, welsh_words({"Online": "Ar-lein"}))
    text = "".join(files.values())
    assert "Closes: " in text and "Ar-lein" in text and "LOCATION:Online" not in text
    assert not fragments._MARKS.search(text)


def test_messages_pot_holds_every_word_the_site_adds() -> None:
    """`make messages` would write the catalogue's template as committed: no word is missing from it, so none is
    dropped from (commented out of) a language's catalogue the next time someone runs it."""
    from engagement_hub.tools.messages import template

    with (ROOT / "locale" / "messages.pot").open("rb") as file:
        committed = {message.id for message in read_po(file) if message.id}
    assert {message.id for message in template(ROOT) if message.id} == committed
