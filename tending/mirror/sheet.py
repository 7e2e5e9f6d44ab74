"""The answer sheet: one self-contained HTML file for one invitation, sent by any message to a
friend who cannot reach this tending (it listens only on this computer). Opened from disk,
with no connection, it lets them pick words and answer, and writes an answer code to send
back (tending/mirror/codes.py). Pure: no Django (its texts are marked here and said in a
language by the caller).

Nothing in the file comes from anywhere else: its style and scripts are inside it, and its
Content Security Policy forbids loading anything at all. All text from the person (their
name, their message, the invitation's label) is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from importlib import resources

from tending.mirror.codes import ANSWER_MOST
from tending.mirror.words import FEWEST, MOST, PLACE, shown_order, shown_words

POLICY = (
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
    "img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'"
)

STYLE = """
:root { color-scheme: light dark; --ink: #1f2a2e; --paper: #fbfaf7; --line: #c9c3b6;
  --accent: #2f6f62; --soft: #e8f0ec; --warn: #8a2f1d; }
@media (prefers-color-scheme: dark) { :root { --ink: #e9ece8; --paper: #182022;
  --line: #4b5756; --accent: #8fd0bf; --soft: #22332f; --warn: #f0a28e; } }
* { box-sizing: border-box; }
body { margin: 0; font: 1.0625rem/1.5 system-ui, -apple-system, "Segoe UI", sans-serif;
  color: var(--ink); background: var(--paper); overflow-wrap: anywhere; }
main { max-width: 40rem; margin: 0 auto; padding: 1.25rem 1rem 3rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 .75rem; }
.message { white-space: pre-wrap; border-left: 4px solid var(--accent); padding: .5rem .75rem;
  background: var(--soft); border-radius: 0 .5rem .5rem 0; }
fieldset { border: 0; padding: 0; margin: 1.5rem 0 0; }
legend { font-weight: 600; margin-bottom: .5rem; }
.words { display: flex; flex-wrap: wrap; gap: .5rem; }
.words label { display: inline-flex; align-items: center; gap: .35rem; min-height: 2.75rem;
  padding: .25rem .85rem; border: 1px solid var(--line); border-radius: 999px; cursor: pointer; }
.words input { width: 1.1rem; height: 1.1rem; accent-color: var(--accent); }
.words label:has(input:checked) { background: var(--soft); border-color: var(--accent); }
label.question { display: block; font-weight: 600; margin: 1.25rem 0 .35rem; }
textarea { width: 100%; min-height: 6rem; font: inherit; padding: .6rem; color: inherit;
  background: transparent; border: 1px solid var(--line); border-radius: .5rem; }
button { font: inherit; font-weight: 600; min-height: 2.75rem; padding: .5rem 1.25rem;
  border: 0; border-radius: .5rem; background: var(--accent); color: var(--paper);
  cursor: pointer; margin-top: 1.25rem; }
.hint { font-size: .95rem; opacity: .85; }
.problem { color: var(--warn); font-weight: 600; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
#result { margin-top: 1.75rem; padding: 1rem; border: 2px solid var(--accent);
  border-radius: .75rem; }
#code { min-height: 7rem; font-family: ui-monospace, monospace; word-break: break-all; }
"""


def _script(name: str) -> str:
    return resources.files("tending.mirror").joinpath("static", "mirror", name).read_text()


def _safe_json(data: dict) -> str:
    """JSON that cannot close the <script> element it sits in."""
    return json.dumps(data).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def gettext_noop(text: str) -> str:
    """Marks a text for the catalogue (scripts/messages.py gathers it); the caller's
    `translate` says it in a language."""
    return text


TEXTS = {
    "title": gettext_noop("A few words for %(name)s"),
    "anonymous": gettext_noop(
        "Your answers are added to the others’ without your name, and %(name)s sees them "
        "only once at least three people have answered."
    ),
    "named": gettext_noop(
        "%(name)s will see your answers with the name this sheet was made for: “%(label)s”."
    ),
    "private": gettext_noop("Nothing leaves this page until you send the code yourself."),
    "question": gettext_noop("Which %(fewest)d or %(most)d words describe %(name)s?"),
    "feeling": gettext_noop("Go with your first feeling. There are no wrong words."),
    "too_few": gettext_noop("Please pick at least %(fewest)d words."),
    "too_many": gettext_noop("Please pick no more than %(most)d words."),
    "valued": gettext_noop("What do you value in %(name)s?"),
    "unseen": gettext_noop("What might %(name)s not see about themselves?"),
    "if_you_like": gettext_noop("(if you like)"),
    "make": gettext_noop("Make my answer code"),
    "code": gettext_noop("Your answer code"),
    "send_back": gettext_noop(
        "Send all of this code back to %(name)s by any message. It works only for this "
        "sheet,\nuntil %(date)s."
    ),
    "copy": gettext_noop("Copy the code"),
    "copied": gettext_noop("Copied."),
}


def answer_sheet(
    *,
    name: str,
    message: str,
    anonymous: bool,
    label: str,
    round_id: int,
    invitation_id: int,
    secret: bytes,
    until: str,
    language: str = "en",
    translate: Callable[[str], str] = str,
) -> str:
    """The sheet's HTML, in `language`, its texts said by `translate` (gettext, for the
    language of the person who downloads it and sends it on). `name` is how the person
    asked to be called, `until` when the invitation expires, in words ("17 December
    2026")."""
    who = escape(name)
    values = {"name": who, "label": escape(label), "date": escape(until)}
    values |= {"fewest": FEWEST, "most": MOST}

    def said(key: str) -> str:
        """A text in the language, its own words escaped and the (escaped) values put in."""
        text = escape(translate(TEXTS[key]), quote=False)
        return text % values if "%" in text else text

    shown = shown_words(language)
    words = "\n".join(
        f'<label><input type="checkbox" name="word" value="{PLACE[word]}"> '
        f"{escape(shown[word])}</label>"
        for word in shown_order(language)
    )
    data = {
        "secret": secret.hex(),
        "round": round_id,
        "invitation": invitation_id,
        "fewest": FEWEST,
        "most": MOST,
        "tooFew": translate(TEXTS["too_few"]) % {"fewest": FEWEST},
        "tooMany": translate(TEXTS["too_many"]) % {"most": MOST},
    }
    title, if_you_like = said("title"), said("if_you_like")
    return f"""<!doctype html>
<html lang="{escape(language)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{POLICY}">
<meta name="referrer" content="no-referrer">
<title>{title}</title>
<style>{STYLE}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p class="message">{escape(message)}</p>
<p class="hint">{said("anonymous" if anonymous else "named")} {said("private")}</p>
<form id="answer" novalidate>
<fieldset id="words" aria-describedby="words-hint words-problem">
<legend>{said("question")}</legend>
<p class="hint" id="words-hint">{said("feeling")}</p>
<div class="words">
{words}
</div>
<p class="problem" id="words-problem" tabindex="-1" role="alert" hidden></p>
</fieldset>
<label class="question" for="valued">{said("valued")}
<span class="hint">{if_you_like}</span></label>
<textarea id="valued" maxlength="{ANSWER_MOST}"></textarea>
<label class="question" for="unseen">{said("unseen")}
<span class="hint">{if_you_like}</span></label>
<textarea id="unseen" maxlength="{ANSWER_MOST}"></textarea>
<button type="submit">{said("make")}</button>
</form>
<section id="result" hidden aria-labelledby="result-heading">
<h2 id="result-heading">{said("code")}</h2>
<p>{said("send_back")}</p>
<textarea id="code" readonly aria-labelledby="result-heading"></textarea>
<button type="button" id="copy">{said("copy")}</button>
<p class="hint" id="copied" role="status" hidden>{said("copied")}</p>
</section>
</main>
<script type="application/json" id="sheet-data">{_safe_json(data)}</script>
<script>{_script("answer_code.js")}</script>
<script>{_script("sheet.js")}</script>
</body>
</html>
"""
