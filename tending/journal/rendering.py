"""Markdown to HTML that is safe to put on a page, in bounded time whatever is typed.

The renderer is cmark (CommonMark, GitHub's C implementation), which is built to stay
linear on hostile input; Python-Markdown, used before, took minutes on 30,000 `[`. Its
safe mode already leaves raw HTML and script links out; nh3 then allows only the tags
below. One thing neither bounds is nesting: 50,000 `>` make 50,000 blockquotes inside
each other, and parsing that takes the sanitiser minutes. Anything nested deeper than any
real entry is shown as plain text instead, as is anything longer than an entry may be.

An entry's HTML is made once, when it is saved, and kept with RENDERER_VERSION: change
anything here that changes the output, raise the version, and entries re-render as read.
"""

from __future__ import annotations

import html
import re

import cmarkgfm
from cmarkgfm.cmark import Options

from tending.journal.plain import plain_text

RENDERER_VERSION = 2  # 1 was Python-Markdown; 0 means never rendered
# The columns made from an entry's body when it is saved (caches: never typed, never exported).
RENDERED = ("body_html", "body_plain", "rendered_with")
BODY_LIMIT = 50_000  # characters in one entry; the longest renders in well under 100 ms
MAX_DEPTH = 40  # elements inside one another; real writing stays under ten

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "code", "pre", "blockquote", "ul", "ol", "li",
    "h1", "h2", "h3", "h4", "h5", "h6", "a", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
VOID_TAGS = ("br", "hr", "img", "!")  # tags with no end, and comments

# A line opening more containers (quotes, list items) than MAX_DEPTH; atomic, so linear.
_DEEP_LINE = re.compile(
    r"^(?>[ \t]*(?:>|[-+*](?:[ \t]|$)|[0-9]{1,9}[.)](?:[ \t]|$)))" + f"{{{MAX_DEPTH + 1}}}",
    re.MULTILINE,
)
# cmark's safe mode keeps a link whose address it refused as `href=""`: drop the attribute.
_EMPTY_HREF = re.compile(r'<a href=""')


def _too_deep(markup: str) -> bool:
    """Whether cmark's output nests past MAX_DEPTH (exact: raw HTML never reaches it)."""
    depth = 0
    for piece in markup.split("<")[1:]:
        if piece.startswith("/"):
            depth -= 1
        elif not piece.startswith(VOID_TAGS):
            depth += 1
            if depth > MAX_DEPTH:
                return True
    return False


def plain_paragraphs(text: str) -> str:
    """Text as escaped paragraphs with line breaks: the fallback for hostile input."""
    blocks = [block for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
    return "".join(
        "<p>" + "<br>\n".join(html.escape(line) for line in block.splitlines()) + "</p>\n"
        for block in blocks
    )


def render_markdown(text: str) -> str:
    """The entry's Markdown as HTML; raw HTML, scripts, event attributes and odd links dropped."""
    text = text or ""
    if len(text) > BODY_LIMIT or _DEEP_LINE.search(text):
        return plain_paragraphs(text)
    markup = cmarkgfm.markdown_to_html(text, options=Options.CMARK_OPT_HARDBREAKS)
    if _too_deep(markup):
        return plain_paragraphs(text)
    import nh3  # here, not above: the terminal's quick search reads this module's version

    return nh3.clean(
        _EMPTY_HREF.sub("<a", markup),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def rendered_columns(body: str) -> dict[str, object]:
    """What is kept of an entry's `body` besides itself: its safe HTML, its words as plain
    text (for search results: `tending.journal.plain`) and the version that made them."""
    return {
        "body_html": render_markdown(body),
        "body_plain": plain_text(body),
        "rendered_with": RENDERER_VERSION,
    }
