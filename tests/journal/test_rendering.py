"""Markdown in journal entries reaches the page as safe HTML, whatever is typed."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tending.journal.rendering import render_markdown

HOSTILE = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<div onclick="alert(1)">hi</div>',
    '<svg onload="alert(1)"><circle/></svg>',
    '<iframe src="javascript:alert(1)"></iframe>',
    "<style>body{display:none}</style>",
    '<p style="background:url(javascript:alert(1))">x</p>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "[x](&#106;avascript:alert(1))",
    "![x](javascript:alert(1))",
    '<a href="vbscript:msgbox(1)">x</a>',
    "<form action=/x><button>go</button></form>",
    "<!-- <script>alert(1)</script> -->",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_reaches_the_page(text):
    html = render_markdown(text).lower()
    assert "<script" not in html
    assert "javascript:" not in html and "vbscript:" not in html and "data:" not in html
    for dangerous in ("onerror", "onclick", "onload", "<img", "<iframe", "<svg", "<style"):
        assert dangerous not in html
    assert "style=" not in html and "<form" not in html and "<div" not in html


def test_nested_script_trick_leaves_only_text():
    html = render_markdown("<scr<script>ipt>alert(1)</scr</script>ipt>")
    assert "<script" not in html.lower()
    assert "<scr" not in html.replace("&lt;scr", "")


def test_entities_stay_text():
    assert "&lt;script&gt;" in render_markdown("&lt;script&gt;")


def test_markdown_is_rendered():
    html = render_markdown("# Day\n\n*soft* and **strong**\n\n- one\n- two\n\n> said\n\n`code`")
    for tag in ("<h1>", "<em>soft</em>", "<strong>strong</strong>", "<li>one</li>", "<blockquote>"):
        assert tag in html
    assert "<code>code</code>" in html


def test_web_links_are_kept_with_a_safe_rel():
    html = render_markdown("[walk](https://example.org/path) and [mail](mailto:sam@example.org)")
    assert 'href="https://example.org/path"' in html
    assert 'href="mailto:sam@example.org"' in html
    assert html.count('rel="noopener noreferrer"') == 2


def test_a_javascript_link_keeps_its_words_but_not_the_link():
    html = render_markdown("[click me](javascript:alert(1))")
    assert "click me" in html and "href" not in html


def test_line_breaks_are_kept():
    assert "<br" in render_markdown("first line\nsecond line")


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("<>/\"'=:;&#()[]! \nascriptjvonerrorimg")), max_size=80)
)
def test_nothing_executable_from_any_mix_of_characters(text):
    html = render_markdown(text).lower()
    assert "<script" not in html and "javascript:" not in html
    assert not re.search(r"<[^>]*\son\w*\s*=", html)
    assert set(re.findall(r"<(\w+)", html)) <= {"p", "br", "a", "code", "pre", "em", "strong"} | {
        "h1",
        "h2",
        "ul",
        "ol",
        "li",
        "blockquote",
        "hr",
    }
