"""Journal text as plain words, for snippets in lists and search results.

Takes an entry's Markdown or the HTML it was rendered to: either way the marks (`**`,
`- `, tags) go and the words stay, as one line of text with entities turned back into
the characters they stand for (escape it again when putting it on a page). Linear time:
cmark parses the Markdown, passing HTML through as it is, and a regex takes out the tags.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import cmarkgfm
from cmarkgfm.cmark import Options

# Tags that end a block: there the words on either side are apart, so leave a space.
# `[^<>]` rather than `[^>]`, so a run of `<` with no `>` costs linear time, not quadratic.
_BLOCK_TAG = re.compile(
    r"</?(?:p|br|hr|li|ul|ol|blockquote|pre|h[1-6]|div|tr|td|th|table)\b[^<>]*>", re.IGNORECASE
)
_ANY_TAG = re.compile(r"<[^<>]*>")
# What never shows as words: comments, and the insides of scripts and styles.
HIDDEN = (("<!--", "-->"), ("<script", "</script"), ("<style", "</style"))


def _without_hidden(markup: str) -> str:
    """`markup` less what HIDDEN names, in one pass (an unclosed one hides the rest)."""
    lowered = markup.lower()  # same length and offsets: these markers are all ASCII
    kept, at = [], 0
    # Where each marker next starts, looked up again only once passed: linear overall.
    next_at = {start: lowered.find(start) for start, _ in HIDDEN}
    while True:
        for start in next_at:
            if 0 <= next_at[start] < at:
                next_at[start] = lowered.find(start, at)
        found = [(where, start) for start, where in next_at.items() if where >= 0]
        if not found:
            kept.append(markup[at:])
            break
        where, start = min(found)
        kept.append(markup[at:where])
        stop = lowered.find(dict(HIDDEN)[start], where + len(start))
        stop = lowered.find(">", stop) if stop >= 0 else -1
        if stop < 0:
            break
        at = stop + 1
    return " ".join(kept)


def plain_text(markdown_or_html: str) -> str:
    """The words of an entry (Markdown, or HTML made from it) as one line of plain text."""
    markup = cmarkgfm.markdown_to_html(markdown_or_html or "", options=Options.CMARK_OPT_UNSAFE)
    markup = _without_hidden(markup)
    markup = _ANY_TAG.sub("", _BLOCK_TAG.sub(" ", markup))
    # str.split() breaks at the same white space as the regex \s, in C and at once.
    return " ".join(html.unescape(markup).split())


# A title's start that Markdown would read as a list item or a quote ("3. March", "- maybe",
# "> said"): escaped, so the words the person typed there stay as they typed them.
_TITLE_BLOCK = re.compile(r"^(\s*)(\d{1,9}(?=[.)](?:\s|$))|[-+*](?=\s|$)|>)")


def _escape_block(found: re.Match) -> str:
    space, mark = found[1], found[2]
    return f"{space}{mark}\\" if mark.isdigit() else f"{space}\\{mark}"


@lru_cache(maxsize=4096)  # a list shows the same titles visit after visit; Markdown is slow
def plain_title(title: str) -> str:
    """A title's words without Markdown's marks (`**`, `_`, a heading's `#`), as the list and
    the entry show it; a leading number or dash stays, and so does anything in angle
    brackets (a title is never HTML). A title that is only marks is kept."""
    if not title:
        return ""
    escaped = _TITLE_BLOCK.sub(_escape_block, title.replace("<", "\\<"))
    return plain_text(escaped) or title.strip()
