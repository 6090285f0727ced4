"""Rendering: offsets become correctly nested markup, and hostile article text stays text."""

from __future__ import annotations

import base64
import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt

from storydiff.model import (
    Analysis,
    Article,
    Comparison,
    Entity,
    FigureRow,
    Finding,
    Point,
    Quote,
    RemovedLine,
    SourceCount,
    Span,
    Speaker,
    Statement,
    StatementRef,
)
from storydiff.render import (
    Annotation,
    analyses_markdown,
    annotate_html,
    md_escape,
    paragraph_ranges,
    render_analyses_markdown,
    render_comparison_fragment,
    render_comparison_html,
    render_comparison_markdown,
)

HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE_SPEAKER = 'Dmitry "Peskov" <spokesman>'
HOSTILE_REMOVED = "</details><script>alert(2)</script>"
VOID = {"meta", "br", "img", "input", "hr", "link", "area", "base", "col", "embed", "source", "wbr"}


# --- parsing helpers -------------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    words: str = ""
    classes: set[str] = field(default_factory=set)
    ancestors: tuple[int, ...] = ()


class Tree(HTMLParser):
    """Every element with its attributes and own text, plus any tag that closed out of order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[Element] = []
        self.elements: list[Element] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        classes = set(values.get("class", "").split())
        ancestors = tuple(id(e) for e in self.stack)
        element = Element(tag, values, classes=classes, ancestors=ancestors)
        self.elements.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1].tag != tag:
            open_tags = [e.tag for e in self.stack]
            self.errors.append(f"</{tag}> closes nothing open on top of {open_tags}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        in_label = any("tag" in e.classes for e in self.stack)
        for element in self.stack:
            element.text += data
            if not in_label:
                element.words += data

    def by_id(self) -> dict[str, Element]:
        return {e.attrs["id"]: e for e in self.elements if "id" in e.attrs}

    def find(self, tag: str | None = None, cls: str | None = None) -> list[Element]:
        return [
            e
            for e in self.elements
            if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)
        ]


def _inside(tree: Tree, outer: Element) -> list[Element]:
    return [e for e in tree.elements if id(outer) in e.ancestors]


def parse(markup: str) -> Tree:
    tree = Tree()
    tree.feed(markup)
    tree.close()
    assert tree.errors == []
    assert [e.tag for e in tree.stack] == []
    return tree


class Coverage(HTMLParser):
    """Each visible character of annotated text with the annotations (``data-k``) around it.

    Labels (``span.tag``) are skipped: they are not the article's words.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.paragraphs: list[list[tuple[str, frozenset[str]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack.append((tag, {k: v or "" for k, v in attrs}))
        if tag == "p":
            self.paragraphs.append([])

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1][0] == tag, f"misnested </{tag}>"
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if any("tag" in attrs.get("class", "").split() for _, attrs in self.stack):
            return
        if not self.stack:
            assert data.strip() == "", f"text outside any paragraph: {data!r}"
            return
        keys = frozenset(a["data-k"] for _, a in self.stack if "data-k" in a)
        self.paragraphs[-1].extend((char, keys) for char in data)


def coverage(markup: str) -> list[list[tuple[str, frozenset[str]]]]:
    parser = Coverage()
    parser.feed(markup)
    parser.close()
    assert parser.stack == []
    return parser.paragraphs


# --- the span-nesting function ---------------------------------------------------------------


def test_paragraph_ranges_split_on_blank_lines_and_trim() -> None:
    assert paragraph_ranges("") == []
    assert paragraph_ranges("a\n\nb") == [(0, 1), (3, 4)]
    assert paragraph_ranges("a\nb") == [(0, 3)]
    assert paragraph_ranges("\n\n  a  \n \n\n b\n") == [(4, 5), (12, 13)]
    assert paragraph_ranges(" \n\n \n") == []


def test_no_annotations_escapes_text_into_paragraphs() -> None:
    assert annotate_html("", []) == ""
    assert annotate_html("a < b & c\n\nd > e", []) == "<p>a &lt; b &amp; c</p>\n<p>d &gt; e</p>"


def test_nested_annotation_sits_inside() -> None:
    markup = annotate_html(
        "abcdef", [Annotation(0, 6, "stmt"), Annotation(2, 4, "quote", tag="mark")]
    )
    assert markup == '<p><span class="stmt">ab<mark class="quote">cd</mark>ef</span></p>'


def test_nesting_does_not_depend_on_input_order() -> None:
    markup = annotate_html(
        "abcdef", [Annotation(2, 4, "quote", tag="mark"), Annotation(0, 6, "stmt")]
    )
    assert markup == '<p><span class="stmt">ab<mark class="quote">cd</mark>ef</span></p>'


def test_overlap_is_split_into_fragments() -> None:
    markup = annotate_html("abcdef", [Annotation(0, 4, "a"), Annotation(2, 6, "b")])
    assert markup == (
        '<p><span class="a">ab<span class="b">cd</span></span><span class="b cont">ef</span></p>'
    )


def test_overlap_from_the_other_side() -> None:
    markup = annotate_html("abcdef", [Annotation(2, 6, "b"), Annotation(0, 4, "a")])
    assert markup == (
        '<p><span class="a">ab<span class="b">cd</span></span><span class="b cont">ef</span></p>'
    )


def test_adjacent_annotations_do_not_nest() -> None:
    markup = annotate_html("abcdef", [Annotation(3, 6, "b"), Annotation(0, 3, "a")])
    assert markup == '<p><span class="a">abc</span><span class="b">def</span></p>'


def test_same_span_first_given_is_outer() -> None:
    markup = annotate_html("abc", [Annotation(0, 3, "stmt"), Annotation(0, 3, "quote")])
    assert markup == '<p><span class="stmt"><span class="quote">abc</span></span></p>'


def test_shared_start_longer_is_outer_shared_end_earlier_start_is_outer() -> None:
    markup = annotate_html("abcdef", [Annotation(0, 2, "short"), Annotation(0, 6, "long")])
    assert markup == '<p><span class="long"><span class="short">ab</span>cdef</span></p>'
    markup = annotate_html("abcdef", [Annotation(4, 6, "short"), Annotation(0, 6, "long")])
    assert markup == '<p><span class="long">abcd<span class="short">ef</span></span></p>'


def test_empty_reversed_and_outside_annotations_are_dropped_and_long_ones_clipped() -> None:
    annotations = [
        Annotation(1, 1, "empty"),
        Annotation(2, 1, "reversed"),
        Annotation(10, 12, "after"),
        Annotation(-5, 1, "before"),
        Annotation(2, 99, "past"),
    ]
    markup = annotate_html("abc", annotations)
    assert markup == '<p><span class="before">a</span>b<span class="past">c</span></p>'


def test_span_across_paragraph_break_is_closed_and_reopened() -> None:
    annotation = Annotation(1, 5, "q", {"id": "x", "data-k": "1"}, "mark", "Speaker")
    markup = annotate_html("ab\n\ncd", [annotation])
    assert markup == (
        '<p>a<mark class="q" id="x" data-k="1"><span class="tag">Speaker</span>b</mark></p>\n'
        '<p><mark class="q cont" data-k="1">c</mark>d</p>'
    )


def test_annotation_inside_paragraph_separator_vanishes() -> None:
    assert annotate_html("ab\n\ncd", [Annotation(2, 4, "gap")]) == "<p>ab</p>\n<p>cd</p>"


def test_three_way_overlap_with_nesting_keeps_every_character_covered() -> None:
    text = "0123456789"
    annotations = [
        Annotation(0, 6, "a", {"data-k": "a"}),
        Annotation(3, 9, "b", {"data-k": "b"}),
        Annotation(4, 5, "c", {"data-k": "c"}),
        Annotation(5, 10, "d", {"data-k": "d"}),
    ]
    (paragraph,) = coverage(annotate_html(text, annotations))
    expected = [
        {k for k, s, e in [("a", 0, 6), ("b", 3, 9), ("c", 4, 5), ("d", 5, 10)] if s <= i < e}
        for i in range(10)
    ]
    assert "".join(c for c, _ in paragraph) == text
    assert [set(keys) for _, keys in paragraph] == expected


def test_text_and_attributes_are_escaped() -> None:
    annotation = Annotation(0, 3, "q", {"title": '"><script>alert(1)</script>'}, label="<b>")
    markup = annotate_html('<i>&"x', [annotation])
    assert "<script>" not in markup and "<i>" not in markup and "<b>" not in markup
    tree = parse(markup)
    (span,) = tree.find(cls="q")
    assert span.attrs["title"] == '"><script>alert(1)</script>'
    assert tree.find("p")[0].text == '<b><i>&"x'


def test_an_id_is_emitted_once_even_when_two_annotations_share_it() -> None:
    markup = annotate_html(
        "abcdef", [Annotation(0, 3, "a", {"id": "x"}), Annotation(3, 6, "b", {"id": "x"})]
    )
    assert markup.count('id="x"') == 1


@pytest.mark.parametrize(
    "annotation",
    [
        Annotation(0, 1, "a", tag="script src=x"),
        Annotation(0, 1, "a", {"onclick": "alert(1)"}),
        Annotation(0, 1, "a", {'x" onload="y': "z"}),
    ],
)
def test_unsafe_tag_and_attribute_names_are_refused(annotation: Annotation) -> None:
    with pytest.raises(ValueError):
        annotate_html("abc", [annotation])


def test_random_annotations_nest_and_cover_exactly_their_ranges() -> None:
    rng = random.Random(20180907)
    alphabet = ["a", "b", " ", "<", "&", "\n", "\n\n", '"']
    for _ in range(600):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        annotations = []
        for k in range(rng.randint(0, 7)):
            start = rng.randint(-2, len(text) + 2)
            end = rng.randint(start - 1, len(text) + 2)
            attrs = {"data-k": str(k), "id": f"x{k % 3}"}
            annotations.append(Annotation(start, end, rng.choice(["s", "q"]), attrs, label="L"))
        markup = annotate_html(text, annotations)
        tree = parse(markup)
        ids = [e.attrs["id"] for e in tree.elements if "id" in e.attrs]
        assert len(ids) == len(set(ids)), markup
        ranges = paragraph_ranges(text)
        paragraphs = coverage(markup)
        assert len(paragraphs) == len(ranges)
        for (low, high), emitted in zip(ranges, paragraphs, strict=True):
            expected = [
                (
                    text[i],
                    frozenset(str(k) for k, a in enumerate(annotations) if a.start <= i < a.end),
                )
                for i in range(low, high)
            ]
            assert emitted == expected, (text, annotations, markup)
        labels = [e for e in tree.find(cls="tag")]
        assert len(labels) == len(
            {str(k) for k, a in enumerate(annotations) if _visible(text, a, ranges)}
        )


def _visible(text: str, annotation: Annotation, ranges: list[tuple[int, int]]) -> bool:
    return any(max(annotation.start, lo) < min(annotation.end, hi) for lo, hi in ranges)


# --- a small, hostile comparison ----------------------------------------------------------------


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase), phrase)


def _statement(text: str, phrase: str, attributed_to: str | None = None) -> Statement:
    span = _span(text, phrase)
    return Statement(span.start, span.end, phrase, attributed_to)


def _ref(article: Article, phrase: str) -> StatementRef:
    span = _span(article.text, phrase)
    return StatementRef(article.id, span.start, span.end, phrase)


SKY_TEXT = (
    "The Kremlin said the army was ready to solve the issue. <img src=x onerror=alert(1)>\n\n"
    'Mr Trump said: "Don\'t let that happen!" Officials in Ankara agreed.\n\n'
    "The province is held by rebels | fighters."
)
SPUTNIK_TEXT = (
    "Peskov said the army was ready to solve the issue.\n\n"
    "Terrorists hold the province. Trump warned against an attack."
)


def hostile_comparison() -> Comparison:
    """Three articles, hostile text, overlapping quotes and statements: reused by browser tests."""
    sky = Article(
        id="sky",
        source="seeds/000_sky.txt",
        text=SKY_TEXT,
        title=HOSTILE_TITLE,
        outlet="Sky News",
        published="2018-09-07",
        url="javascript:alert(3)",
        removed=(
            RemovedLine(HOSTILE_REMOVED, "caption", 5),
            RemovedLine("Why you can trust Sky News", "promo", 9),
        ),
    )
    sputnik = Article(
        id="sputnik",
        source="seeds/001_sputnik.txt",
        text=SPUTNIK_TEXT,
        title="Kremlin: army ready to deal with 'pocket of terrorism'",
        outlet="Sputnik",
        published="07.09.2018",
        removed=(RemovedLine("Subscribe | now\nor never", "promo"),),
    )
    bare = Article(id="bare", source="/tmp/third.txt", text="A third, short text.")
    peskov = Entity("e1", HOSTILE_SPEAKER, "PERSON", (_span(SKY_TEXT, "The Kremlin"),))
    trump = Entity(
        "e2", "Donald Trump", "PERSON", (_span(SKY_TEXT, "Mr Trump"),), ("US President",)
    )
    sky_quotes = (
        # A quote that crosses the paragraph break and overlaps two statements.
        Quote(
            Speaker(HOSTILE_SPEAKER, "e1", _span(SKY_TEXT, "The Kremlin")),
            Span(SKY_TEXT.index("army"), SKY_TEXT.index("Mr Trump") + 2, ""),
            "indirect",
            _span(SKY_TEXT, "said"),
        ),
        Quote(
            Speaker("Donald Trump", "e2", _span(SKY_TEXT, "Mr Trump")),
            _span(SKY_TEXT, '"Don\'t let that happen!"'),
            "direct",
        ),
    )
    sky_statements = (
        _statement(SKY_TEXT, "The Kremlin said the army was ready to solve the issue."),
        _statement(SKY_TEXT, 'Mr Trump said: "Don\'t let that happen!"', "e2"),
        _statement(SKY_TEXT, "Officials in Ankara agreed."),
        _statement(SKY_TEXT, "The province is held by rebels | fighters."),
    )
    sputnik_statements = (
        _statement(SPUTNIK_TEXT, "Peskov said the army was ready to solve the issue."),
        _statement(SPUTNIK_TEXT, "Terrorists hold the province."),
        _statement(SPUTNIK_TEXT, "Trump warned against an attack."),
    )
    sputnik_quotes = (
        Quote(
            Speaker("Dmitry Peskov"),
            _span(SPUTNIK_TEXT, "the army was ready to solve the issue"),
            "indirect",
        ),
        # Starts in one statement and ends inside the next, so that one is cut in two.
        Quote(Speaker(None), _span(SPUTNIK_TEXT, "the province. Trump warned"), "mixed"),
    )
    return Comparison(
        articles=(
            Analysis(sky, (peskov, trump), sky_quotes, sky_statements),
            Analysis(sputnik, (), sputnik_quotes, sputnik_statements),
            Analysis(bare),
        ),
        points=(
            Point(
                "agree",
                (
                    _ref(sky, "The Kremlin said the army was ready to solve the issue."),
                    _ref(sputnik, "Peskov said the army was ready to solve the issue."),
                ),
                "The army is ready <b>now</b>",
            ),
            Point(
                "framing",
                (
                    _ref(sky, "The province is held by rebels | fighters."),
                    _ref(sputnik, "Terrorists hold the province."),
                ),
                "",
            ),
        ),
        only_in={
            "sky": (
                _statement(SKY_TEXT, 'Mr Trump said: "Don\'t let that happen!"'),
                _statement(SKY_TEXT, "Officials in Ankara agreed."),
            ),
            "sputnik": (_statement(SPUTNIK_TEXT, "Trump warned against an attack."),),
        },
        sources={
            "sky": (SourceCount(HOSTILE_SPEAKER, 2, "e1"), SourceCount("Donald Trump", 1, "e2")),
            "sputnik": (SourceCount("Dmitry Peskov", 1), SourceCount("Donald Trump", 1)),
        },
        summary=(
            Finding("3 articles: they share <b>2</b> points.", "points"),
            Finding(
                f"Only Sky News quotes {HOSTILE_SPEAKER}.",
                "sources",
                (
                    _ref(sky, "The Kremlin said the army was ready to solve the issue."),
                    _ref(sky, "Officials in Ankara agreed."),
                ),
            ),
        ),
    )


@pytest.fixture(scope="module")
def comparison() -> Comparison:
    return hostile_comparison()


@pytest.fixture(scope="module")
def page(comparison: Comparison) -> str:
    return render_comparison_html(comparison)


@pytest.fixture(scope="module")
def tree(page: str) -> Tree:
    return parse(page)


def test_page_is_well_formed_with_unique_ids(tree: Tree) -> None:
    ids = [e.attrs["id"] for e in tree.elements if "id" in e.attrs]
    assert len(ids) == len(set(ids))


def test_hostile_text_is_never_markup(page: str, tree: Tree) -> None:
    for raw in (HOSTILE_TITLE, "<img", HOSTILE_REMOVED, HOSTILE_SPEAKER, "<spokesman>", "<b>now"):
        assert raw not in page
    assert [e.tag for e in tree.elements].count("script") == 1
    assert not tree.find("img") and not tree.find("spokesman") and not tree.find("b")
    # Every <details> is one the template writes: none injected by the removed lines' text.
    kinds = {"finding", "outlet-filter", "only-in-fold", "article-fold", "removed", "related"}
    assert all(e.classes & kinds for e in tree.find("details"))
    assert len(tree.find("details", "removed")) == 2  # Sky and Sputnik have removed lines
    assert not [e for e in tree.elements for name in e.attrs if name.startswith("on")]
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_hostile_text_is_shown_as_text(tree: Tree) -> None:
    assert HOSTILE_TITLE in tree.by_id()["a0-title"].text
    assert HOSTILE_TITLE in tree.find("title")[0].text
    speakers = {e.attrs["title"] for e in tree.find("mark", "quote") if "data-qid" in e.attrs}
    assert HOSTILE_SPEAKER in speakers
    removed = [e.text for e in tree.find(cls="removed-text")]
    assert HOSTILE_REMOVED in removed


def test_nothing_is_loaded_from_anywhere(page: str, tree: Tree) -> None:
    assert "<link" not in page.lower()
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:[a-z]+:|//)""", page, re.IGNORECASE)
    assert not re.search(r"@import|url\(", page)
    for element in tree.elements:
        assert "src" not in element.attrs
        assert element.attrs.get("href", "#").startswith("#")
    assert "javascript:alert(3)" in page  # the article's URL, as text only


def test_content_security_policy_pins_the_inline_script_and_style(page: str, tree: Tree) -> None:
    (meta,) = [
        e for e in tree.find("meta") if e.attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    policy = dict(
        (d.split()[0], d.split()[1:]) for d in meta.attrs["content"].split(";") if d.strip()
    )
    assert policy["default-src"] == ["'none'"]
    assert policy["connect-src"] == ["'none'"]
    for tag, directive in (("script", "script-src"), ("style", "style-src")):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.DOTALL)
        assert body is not None
        digest = base64.b64encode(hashlib.sha256(body.group(1).encode()).digest()).decode()
        assert policy[directive] == [f"'sha256-{digest}'"]
    assert "'unsafe-inline'" not in meta.attrs["content"]
    assert "frame-ancestors" not in meta.attrs["content"]  # ignored in <meta>, with a warning


ROOT = "storydiff-report"


def css_selectors(css: str) -> list[str]:
    """Every selector of a style sheet, those inside ``@media`` blocks too."""
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    selectors: list[str] = []
    prelude_start = 0
    for match in re.finditer(r"[{};]", css):
        prelude = css[prelude_start : match.start()].strip()
        prelude_start = match.end()
        if match.group() == "{" and not prelude.startswith("@"):
            selectors += [s.strip() for s in prelude.split(",")]
    return selectors


def test_css_selectors_reads_rules_inside_media_blocks() -> None:
    css = "a, b c { x: 1; } /* d { } */ @media print { e > f { y: 2 } g { } }"
    assert css_selectors(css) == ["a", "b c", "e > f", "g"]


def _assert_scoped(style: str) -> None:
    selectors = css_selectors(style)
    assert len(selectors) > 50
    for selector in selectors:
        assert selector == f".{ROOT}" or selector.startswith(f".{ROOT} "), selector


def test_the_page_styles_only_its_root_the_body(page: str, tree: Tree) -> None:
    (body,) = tree.find("body")
    assert body.classes == {ROOT}
    _assert_scoped(re.search(r"<style>(.*?)</style>", page, re.DOTALL).group(1))


def test_the_notebook_fragment_is_one_element_that_styles_only_itself(
    comparison: Comparison,
) -> None:
    fragment = render_comparison_fragment(comparison)
    tree = parse(fragment)
    root = tree.elements[0]
    assert root.tag == "div" and root.classes == {ROOT}
    assert all(id(root) in e.ancestors for e in tree.elements[1:])
    assert fragment.strip().endswith("</div>") and "<!doctype" not in fragment.lower()
    assert not {"html", "head", "body", "meta", "script"} & {e.tag for e in tree.elements}
    (style,) = re.findall(r"<style>(.*?)</style>", fragment, re.DOTALL)
    _assert_scoped(style)
    # The same report, untrusted text escaped as on the page.
    assert HOSTILE_TITLE not in fragment
    assert [e.text for e in tree.find("h3") if e.attrs.get("id") == "a0-title"] == [HOSTILE_TITLE]
    ids = {e.attrs["id"] for e in tree.elements if "id" in e.attrs}
    assert {"p0", "p1", "a0", "a1", "a2", "sources", "points"} <= ids


def test_every_point_target_exists_and_is_a_statement(tree: Tree) -> None:
    by_id = tree.by_id()
    controls = [e for e in tree.elements if "data-targets" in e.attrs]
    points = [e for e in controls if e.tag == "button" and "point" in e.classes]
    assert len(points) == 2
    for control in controls:
        targets = control.attrs["data-targets"].split()
        assert targets, control
        for target in targets:
            assert re.fullmatch(r"a\d+-s\d+-\d+", target)
            assert "stmt" in by_id[target].classes
            assert by_id[target].attrs["data-sid"] == target


def test_point_buttons_carry_kind_and_statements(tree: Tree, comparison: Comparison) -> None:
    agree, framing = tree.find("button", "point")
    sky, sputnik = comparison.articles[0].article, comparison.articles[1].article
    first = _ref(sky, "The Kremlin said the army was ready to solve the issue.")
    second = _ref(sputnik, "Peskov said the army was ready to solve the issue.")
    assert agree.attrs["data-targets"] == (
        f"a0-s{first.start}-{first.end} a1-s{second.start}-{second.end}"
    )
    assert agree.attrs["aria-pressed"] == "false" and agree.attrs["type"] == "button"
    assert "agree" in agree.text and first.text in agree.text and second.text in agree.text
    assert "framing" in framing.text and "point-framing" in framing.classes


def test_statements_cut_by_a_quote_keep_one_id_and_share_data_sid(tree: Tree) -> None:
    trump = _statement(SPUTNIK_TEXT, "Trump warned against an attack.")
    sid = f"a1-s{trump.start}-{trump.end}"
    pieces = [e for e in tree.elements if e.attrs.get("data-sid") == sid]
    assert [e.attrs.get("id") for e in pieces] == [sid, None]
    assert "cont" in pieces[1].classes and {"stmt", "only"} <= pieces[1].classes
    assert "".join(e.words for e in pieces) == trump.text
    quote = [e for e in tree.elements if e.attrs.get("data-qid") == "a1-q1"]
    assert [e.attrs.get("id") for e in quote] == ["a1-q1", None]  # cut by the first's end
    assert "".join(e.words for e in quote) == "the province. Trump warned"
    assert all(e.attrs["title"] == "Unnamed speaker" and "quote-mixed" in e.classes for e in quote)


def test_a_quote_across_a_paragraph_break_is_one_quote_in_fragments(tree: Tree) -> None:
    fragments = [e for e in tree.elements if e.attrs.get("data-qid") == "a0-q0"]
    assert len(fragments) >= 3  # cut by a statement's end and by the paragraph break
    assert [e.attrs.get("id") for e in fragments].count("a0-q0") == 1
    assert {e.attrs["title"] for e in fragments} == {HOSTILE_SPEAKER}
    assert {e.attrs["data-speaker"] for e in fragments} == {HOSTILE_SPEAKER}
    assert [t.text for t in tree.find(cls="tag")].count(HOSTILE_SPEAKER) == 1
    start, end = SKY_TEXT.index("army"), SKY_TEXT.index("Mr Trump") + 2
    assert "".join(e.words for e in fragments) == SKY_TEXT[start:end].replace("\n\n", "")


def test_article_columns_show_the_text_and_metadata(tree: Tree, comparison: Comparison) -> None:
    bodies = tree.find("div", "article-body")
    for index, analysis in enumerate(comparison.articles):
        article = analysis.article
        column = tree.by_id()[f"a{index}"]
        assert column.tag == "article"
        assert " ".join(bodies[index].words.split()) == " ".join(article.text.split())
        assert any(e.tag == "p" for e in _inside(tree, bodies[index]))
        assert article.source.rsplit("/", 1)[-1] in column.text
    assert tree.find("time")[0].attrs["datetime"] == "2018-09-07"
    assert "07.09.2018" in tree.by_id()["a1"].text


def test_only_in_entries_link_to_their_sentences(tree: Tree) -> None:
    only_in = _inside(tree, tree.by_id()["only-in"])
    links = [e for e in only_in if e.tag == "a" and "data-targets" in e.attrs]
    assert len(links) == 3
    for link in [e for e in tree.find("a") if "data-targets" in e.attrs]:
        assert link.attrs["href"] == "#" + link.attrs["data-targets"]


def test_sources_table_marks_speakers_only_one_outlet_quotes(tree: Tree) -> None:
    rows = [e for e in tree.find("tr") if e.text.strip() and "Speaker" not in e.text]
    assert [r.text.split()[0] for r in rows][:1] == ["Dmitry"]
    only = tree.find("tr", "only-one")
    assert len(only) == 2  # the Sky speaker and Dmitry Peskov; Trump is quoted by both
    assert {b.text for b in tree.find(cls="only-one-badge")} >= {"only Sky News", "only Sputnik"}


def test_summary_sentences_open_their_evidence_or_link_to_their_section(tree: Tree) -> None:
    summary = tree.by_id()["summary"]
    items = [e for e in _inside(tree, summary) if e.tag == "li" and e.ancestors[-1] == id(summary)]
    assert len(items) == 2
    assert "3 articles: they share <b>2</b> points." in items[0].text
    assert not [e for e in _inside(tree, items[0]) if e.tag == "details"]
    (finding,) = tree.find("details", "finding")
    assert "open" not in finding.attrs  # opened in place by the reader
    (text,) = [e for e in _inside(tree, finding) if "finding-text" in e.classes]
    assert text.text == f"Only Sky News quotes {HOSTILE_SPEAKER}."
    targets = finding.attrs["data-evidence"].split()
    sky = "The Kremlin said the army was ready to solve the issue."
    start = SKY_TEXT.index(sky)
    assert targets[0] == f"a0-s{start}-{start + len(sky)}"
    assert set(targets) <= set(tree.by_id())
    # The evidence sits under the sentence: each statement with its article, linking to it.
    cited = [e for e in _inside(tree, finding) if e.tag == "li"]
    assert [" ".join(e.text.split()) for e in cited] == [
        f"Sky News: {sky}",
        "Sky News: Officials in Ankara agreed.",
    ]
    links = [e for e in _inside(tree, finding) if e.tag == "a" and "data-targets" in e.attrs]
    assert [link.attrs["data-targets"] for link in links] == targets
    more = [e.attrs["href"] for e in tree.find("a", "more")]
    assert more == ["#points", "#sources"]


def test_rendering_is_deterministic(comparison: Comparison, page: str) -> None:
    assert render_comparison_html(comparison) == page


def test_removed_lines_are_collapsed_with_reasons(tree: Tree) -> None:
    details = tree.find("details", "removed")
    assert "open" not in details[0].attrs
    assert [e.text for e in tree.find(cls="reason")] == ["caption", "promo", "promo"]


def test_ten_articles_and_empty_ones_render() -> None:
    articles = tuple(
        Analysis(Article(id=f"x{i}", source=f"{i}.txt", text="" if i == 0 else f"Text {i}."))
        for i in range(10)
    )
    tree = parse(render_comparison_html(Comparison(articles)))
    assert len(tree.find("article")) == 10
    assert not tree.find("button", "point")


def test_point_citing_an_unknown_article_or_a_vanished_span_has_no_dead_target() -> None:
    article = Article(id="x", source="x.txt", text="One.\n\nTwo.")
    ghost = Point("conflict", (StatementRef("nope", 0, 3, "Gone"), StatementRef("x", 4, 6, "")), "")
    tree = parse(render_comparison_html(Comparison((Analysis(article),), (ghost,))))
    (button,) = tree.find("button")
    assert button.attrs["data-targets"] == ""
    assert "unknown article" in button.text


# --- markdown -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def markdown(comparison: Comparison) -> str:
    return render_comparison_markdown(comparison)


def test_markdown_has_summary_sources_table_points_and_only_in(markdown: str) -> None:
    lines = markdown.splitlines()
    assert lines[0] == "# How 3 articles tell the story"
    header = lines.index("| Speaker | Sky News | Sputnik | third.txt |")
    assert lines[header + 1] == "| --- | ---: | ---: | ---: |"
    speaker = md_escape(HOSTILE_SPEAKER)
    assert lines[header + 2] == f"| {speaker} (only Sky News) | 2 | 0 | 0 |"
    assert "| Donald Trump | 1 | 1 | 0 |" in lines
    assert "1. **agree** The army is ready \\<b\\>now\\</b\\>" in lines
    assert "   - *Sputnik*: Peskov said the army was ready to solve the issue." in lines
    assert "2. **framing**" in lines
    assert "   - *Sky News*: The province is held by rebels \\| fighters." in lines
    assert "## Only in Sputnik (1)" in lines and "- Officials in Ankara agreed." in lines
    assert "- 3 articles: they share \\<b\\>2\\</b\\> points." in lines
    assert f"- Only Sky News quotes {speaker}." in lines
    assert "  - *Sky News*: Officials in Ankara agreed." in lines
    assert "## Only in third.txt (0)" in lines


def test_markdown_tables_have_the_same_number_of_cells_in_every_row(markdown: str) -> None:
    rows = [line for line in markdown.splitlines() if line.startswith("|")]
    assert rows
    widths = {len(re.split(r"(?<!\\)\|", row)) for row in rows}
    assert len(widths) == 1


def test_markdown_escapes_hostile_text(markdown: str) -> None:
    assert not re.search(r"(?<!\\)[<>]", markdown)
    assert "Subscribe | now" not in markdown
    assert "\\<script\\>alert(1)\\</script\\>" in markdown
    assert "- *promo*: Subscribe \\| now or never" in markdown
    assert "- *caption* (line 5): \\</details\\>\\<script\\>alert(2)\\</script\\>" in markdown


def test_markdown_lists_quotes_with_speakers(markdown: str) -> None:
    assert '- **Donald Trump** (direct): "Don\'t let that happen!"' in markdown
    assert "- **Dmitry Peskov** (indirect): the army was ready to solve the issue" in markdown
    assert "- **Unnamed speaker** (mixed): the province. Trump warned" in markdown


def test_analyses_markdown_has_quotes_entities_and_removed_lines(comparison: Comparison) -> None:
    text = render_analyses_markdown(comparison.articles)
    lines = text.splitlines()
    assert lines[0] == "## \\<script\\>alert(1)\\</script\\>"
    assert "Sky News · 2018-09-07 · seeds/000\\_sky.txt · javascript:alert(3)" in lines
    assert "Sputnik · 07.09.2018 · seeds/001\\_sputnik.txt" in lines
    assert "- **Donald Trump** (PERSON; US President), 1 mention: Mr Trump" in lines
    assert "- *promo* (line 9): Why you can trust Sky News" in lines
    assert "## (untitled)" in lines
    assert text.count("### Quotes") == 3 and text.count("None found.") >= 2
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_analyses_markdown_writes_each_section_before_the_next_analysis_is_made(
    comparison: Comparison,
) -> None:
    made: list[str] = []

    def analyses() -> Iterator[Analysis]:
        for analysis in comparison.articles:
            made.append(analysis.article.id)
            yield analysis

    sections = analyses_markdown(analyses())
    first = next(sections)
    assert len(made) == 2  # the first section is written once the second has begun
    assert first.startswith("## ") and first.endswith("\n")
    rest = list(sections)
    assert len(made) == len(comparison.articles) == len(rest) + 1
    assert first + "".join(rest) == render_analyses_markdown(comparison.articles)


@pytest.mark.parametrize(
    ("raw", "escaped"),
    [
        ("a | b", "a \\| b"),
        ("line\nbreak", "line break"),
        ("<b>*x*</b>", "\\<b\\>\\*x\\*\\</b\\>"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("1. not a list", "1\\. not a list"),
        ("1) not a list", "1\\) not a list"),
        ("07.09.2018", "07.09.2018"),
        ("--- not a rule", "\\--- not a rule"),
        ("a - b # c", "a - b # c"),
        ("[link](x)", "\\[link\\](x)"),
        (None, ""),
    ],
)
def test_md_escape(raw: str | None, escaped: str) -> None:
    assert md_escape(raw) == escaped


def _markdown_to_html(text: str) -> str:
    return str(MarkdownIt("commonmark").enable("table").render(text))


MARKDOWN_TAGS = {"h1", "h2", "h3", "p", "ol", "ul", "li", "strong", "em"}
MARKDOWN_TAGS |= {"table", "thead", "tbody", "tr", "th", "td"}


def test_rendered_markdown_has_no_injected_markup(markdown: str, comparison: Comparison) -> None:
    for text in (markdown, render_analyses_markdown(comparison.articles)):
        tree = parse(_markdown_to_html(text))
        assert {e.tag for e in tree.elements} <= MARKDOWN_TAGS
    tree = parse(_markdown_to_html(markdown))
    rows = tree.find("tr")
    assert len(rows) == 4
    assert {sum(1 for e in _inside(tree, row) if e.tag in {"th", "td"}) for row in rows} == {4}


def test_md_escape_round_trips_through_a_markdown_renderer() -> None:
    rng = random.Random(7)
    pieces = ["<b>", "*", "_", "`", "[x](y)", "|", "# ", "- ", "1. ", "&amp;", "\\", "~~", "> "]
    pieces += ["<http://x>", "![i](j)", "a", " ", "\n", "2)", "+", "---", "==", "<!--", "&#60;"]
    for _ in range(300):
        raw = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        tree = parse(_markdown_to_html(f"- {md_escape(raw)}\n"))
        items = tree.find("li")
        expected = " ".join(raw.split())
        if not expected:
            continue
        assert [e.tag for e in tree.elements] == ["ul", "li"], (raw, md_escape(raw))
        assert items[0].text.strip() == expected, (raw, md_escape(raw))


def test_quote_share_chart_has_one_segment_per_speaker_and_outlet(tree: Tree) -> None:
    chart = tree.by_id()["chart-quote-share"]
    assert chart.tag == "svg" and chart.attrs["role"] == "img"
    segments = [e for e in _inside(tree, chart) if e.tag == "rect" and "fill" in e.attrs]
    tips = [e.text for e in _inside(tree, chart) if e.tag == "title" and "quotes (" in e.text]
    # Sky: the hostile speaker 2 and Trump 1; Sputnik: Peskov 1 and Trump 1; third.txt none.
    assert sorted(tips) == sorted(
        [
            f"Sky News: {HOSTILE_SPEAKER}, 2 of 3 quotes (67%)",
            "Sky News: Donald Trump, 1 of 3 quotes (33%)",
            "Sputnik: Donald Trump, 1 of 2 quotes (50%)",
            "Sputnik: Dmitry Peskov, 1 of 2 quotes (50%)",
        ]
    )
    assert len(segments) == 4 + 3  # and one legend swatch per speaker
    assert "no quotes" in chart.text  # third.txt quotes no one


def test_charts_carry_no_style_and_escape_names(page: str) -> None:
    svg = page[page.index('<svg class="chart"') :]
    assert " style=" not in svg
    assert "<spokesman>" not in svg and "&lt;spokesman&gt;" in svg


def test_many_speakers_fold_into_one_other_segment() -> None:
    from storydiff.render.charts import MAX_SPEAKERS, quote_share_chart
    from storydiff.render.common import SpeakerRow

    rows = [SpeakerRow(f"Speaker {k}", (1, 0)) for k in range(MAX_SPEAKERS + 3)]
    chart = parse(str(quote_share_chart(rows, ["One", "Two"])))
    names = [e.text for e in chart.find("text")]
    assert "3 other speakers" in names
    assert "no quotes" in names  # the second outlet quotes no one


def test_labels_chart_splits_each_outlets_terms_by_voice_on_one_scale() -> None:
    from storydiff.render.charts import labels_by_voice_chart
    from storydiff.render.common import FramingRow, FramingTerm

    row = FramingRow(
        "armed <groups>",
        True,
        [
            [FramingTerm("rebel", "own", "own", 3), FramingTerm("terrorist", "attributed", "x", 2)],
            [FramingTerm("terrorist", "own", "own", 4)],
        ],
    )
    chart = parse(str(labels_by_voice_chart([row], ["Left", "Right"])))
    bars = [e for e in chart.find("rect") if e.attrs.get("height") == "22"]
    widths = [float(e.attrs["width"]) for e in bars]
    tips = [e.text for e in chart.find("title")]
    assert "Left, armed <groups>, own voice: rebel ×3" in tips
    assert "Left, armed <groups>, attributed voice: terrorist ×2" in tips
    assert "Right, armed <groups>, own voice: terrorist ×4" in tips
    # One scale: Left's 5 terms make the longest bar; Right's 4 are four fifths of it.
    assert widths[0] + widths[1] == pytest.approx(widths[2] * 5 / 4, rel=1e-3)


def test_figures_compared_across_articles_come_first() -> None:
    from storydiff.render.common import numbers_rows

    articles = tuple(Analysis(Article(id=k, source=f"{k}.txt", text="x")) for k in "ab")
    numbers = (
        FigureRow("only a", {"a": ("3",)}),
        FigureRow("both", {"a": ("5",), "b": ("5",)}),
        FigureRow("only b", {"b": ("7",)}),
        FigureRow("both again", {"a": ("1",), "b": ("2",)}, conflict=True),
    )
    rows = numbers_rows(Comparison(articles, numbers=numbers))
    assert [row.counts for row in rows] == ["both", "both again", "only a", "only b"]


def test_a_speaker_known_by_several_names_lists_them_as_english() -> None:
    from storydiff.render.common import speaker_rows

    articles = tuple(Analysis(Article(id=k, source=f"{k}.txt", text="x")) for k in "abc")
    sources = {
        "a": (SourceCount("Bashar Assad", 2, actor="Bashar al Assad"),),
        "b": (SourceCount("Assad", 1, actor="Bashar al Assad"),),
        "c": (SourceCount("al-Assad", 1, actor="Bashar al Assad"),),
    }
    (row,) = speaker_rows(Comparison(articles, sources=sources))
    assert row.speaker == "Bashar al Assad (as Assad, Bashar Assad and al-Assad)"
    assert row.counts == (2, 1, 1)
