"""The history table's rows, written in Python, read exactly as the template wrote them."""

from __future__ import annotations

from datetime import datetime

from django.template import engines

from tending.checkins.templating import history_rows

AS_A_TEMPLATE = (
    "{% set result_at = address_of('checkins:result') %}{% for c in entries %}<tr><td>"
    '<a href="{{ result_at(c["pk"]) }}">{{ c["when"] }}</a></td><td class="num">'
    '{{ c["total"]|score }}</td>{% for value in c["subscale_values"] %}<td class="num">'
    '{{ value|score }}</td>{% endfor %}{% if meaning %}<td>{{ c["band_label"] }}</td>'
    "{% endif %}</tr>{% endfor %}"
)


def rows():
    return [
        {
            "pk": 7,
            "when": "3 Mar 2026, 09:05",
            "total": 12.5,
            "subscale_values": [3, None],
            "band_label": "Lower <than> 'usual' & \"calm\"",
            "taken_at": datetime(2026, 3, 3),
        },
        {
            "pk": 12,
            "when": "<b>2 Mar</b>",
            "total": 4.0,
            "subscale_values": [2.25, 0],
            "band_label": "",
            "taken_at": datetime(2026, 3, 2),
        },
        {
            "pk": 99,
            "when": "1 Mar",
            "total": None,
            "subscale_values": [],
            "band_label": None,
            "taken_at": datetime(2026, 3, 1),
        },
    ]


def test_the_rows_read_as_the_template_wrote_them(db):
    template = engines.all()[0].env.from_string(AS_A_TEMPLATE)
    for meaning in (True, False):
        expected = template.render(entries=rows(), meaning=meaning)
        assert str(history_rows(rows(), meaning)) == expected
    html = str(history_rows(rows(), True))
    assert "&lt;b&gt;2 Mar&lt;/b&gt;" in html and "<b>" not in html
    assert html.count("<tr>") == 3 and "/checkins/done/12/" in html
    assert '<td class="num">12.5</td>' in html and '<td class="num"></td>' in html
    assert "<td>" not in str(history_rows(rows(), False)).replace("<td><a", "")
