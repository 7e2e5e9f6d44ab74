"""The journal list's items, written in Python, say what the template they replace said."""

from __future__ import annotations

import re
from datetime import date

from django.template import engines

from tending.journal.rows import EntryRow
from tending.journal.templating import entry_items

# journal/_entry_item.html as it was, included once per row.
AS_A_TEMPLATE = """{% from "core/components.html" import chip %}{% for entry in entries %}
<li>
  <a href="{{ url('journal:detail', entry.pk) }}"><span class="when">{{ entry.when }}</span>{% if entry.title %} · <bdi dir="auto">{{ entry.title }}</bdi>{% endif %}</a>
  <div class="muted" dir="auto">{{ entry.snippet }}</div>
  {% if entry.people or entry.tags %}<div class="entry-chips">{% for name in entry.people %}{{ chip(name, "person") }} {% endfor %}{% for name in entry.tags %}{{ chip(name) }} {% endfor %}</div>{% endif %}
</li>{% endfor %}"""  # noqa: E501


def plain(html: str) -> str:
    """Whitespace between tags, and runs of it, as a browser reads them: the same."""
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def test_the_items_say_what_the_template_said(db):
    rows = [
        EntryRow(
            7,
            date(2026, 3, 3),
            "Tue 3 Mar 2026",
            "Tea & <cake>",
            "We said \"yes\" & 'no'",
            ["Sam <b>", "Ana"],
            ["walk", "a&b"],
        ),
        EntryRow(12, date(2026, 3, 2), "Mon 2 Mar 2026", "", "Only words.", [], []),
        EntryRow(13, date(2026, 3, 1), "Sun 1 Mar 2026", "Title", "", [], ["rest"]),
    ]
    expected = engines.all()[0].env.from_string(AS_A_TEMPLATE).render(entries=rows)
    html = str(entry_items(rows))
    assert plain(html) == plain(expected)
    assert "Tea &amp; &lt;cake&gt;" in html and "<b>" not in html and "#a&amp;b" in html
    assert html.count("<li>") == 3 and "/journal/12/" in html
    assert str(entry_items([])) == ""
