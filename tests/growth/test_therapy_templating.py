"""The therapy pages' lists and fields written in Python are the very markup their templates
made: the sessions as `list_row` rows, the list for next time, and each form field as
core/forms.html's `field` writes it, with awkward values, a form sent back with problems and
chosen values."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.template import engines
from django.utils import translation
from markupsafe import Markup

from tending.core.templating import form_field
from tending.growth.models import Goal, TherapySession
from tending.growth.therapy_forms import HomeworkForm, SessionForm
from tending.growth.therapy_queries import Flagged, SessionRow
from tending.growth.therapy_templating import (
    _widget,
    therapy_field,
    therapy_flag_items,
    therapy_session_rows,
)

AWKWARD = 'Tom & "Jerry\'s" <b>friend</b>'

# The loops exactly as growth/therapy.html had them.
SESSION_LOOP = """{% from "core/components.html" import list_row %}{% for row in sessions %}
    {% call list_row(href=url("growth:session", row.pk), meta=row.with_whom) %}
      <span>{{ row.held_on|date("l j F Y") }}</span>
      {% if row.first_line %}<span class="muted session-line" dir="auto">{{ row.first_line }}</span>{% endif %}
    {% endcall %}
    {% endfor %}"""  # noqa: E501

FLAG_LOOP = """{% for flag in waiting %}
    <li class="flag">
      <span class="flag-main">
        <a href="{{ flag.href }}" dir="auto">{{ flag.label }}</a>
        <span class="muted">{{ flag.when }}</span>
        {% if flag.note %}<span class="flag-note" dir="auto">{{ flag.note }}</span>{% endif %}
      </span>
      <form method="post" action="{{ url('growth:bring_up_remove', flag.pk) }}">{{ csrf_input }}<button type="submit" class="quiet small">{{ _("Remove") }}<span class="visually-hidden">: {{ flag.label }}</span></button></form>
    </li>
    {% endfor %}"""  # noqa: E501


def rendered(source: str, **context) -> str:
    return engines["jinja"].from_string(source).render(context)


SESSIONS = [
    SessionRow(52, dt.date(2026, 11, 23), "Dr Okafor", "Harder session. Be gentle."),
    SessionRow(7, dt.date(2026, 1, 5), "", ""),
    SessionRow(3, dt.date(999, 12, 31), AWKWARD, AWKWARD),
    SessionRow(12345678901, dt.date(2024, 2, 29), "Ünïcödé ✓", "line with 'quotes'"),
]


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("sessions", [SESSIONS, SESSIONS[:1], []])
def test_the_session_rows_are_the_list_row_macros_markup(sessions, language):
    with translation.override(language):
        written = str(therapy_session_rows(sessions))
        assert written == rendered(SESSION_LOOP, sessions=sessions)
    assert ("Montag, 23. November 2026" in written) == (language == "de" and sessions != [])


TOKEN = Markup('<input type="hidden" name="csrfmiddlewaretoken" value="a&amp;b">')
FLAGS = [
    Flagged(1, "entry", "Journal: Catching up", "2 December 2026", "/journal/2450/", "", "x", None),
    Flagged(2, "moment", "A moment with Keiko", "1 December 2026, 19:00", "/moments/9/",
            "I want to talk about this.", "", None),
    Flagged(30, "checkin", AWKWARD, AWKWARD, "/checkins/done/3/?a=1&b=2", AWKWARD, AWKWARD, 4),
]  # fmt: skip


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("flags", [FLAGS, FLAGS[2:], []])
def test_the_flag_items_are_the_loops_markup(flags, language):
    with translation.override(language):
        expected = rendered(FLAG_LOOP, waiting=flags, csrf_input=TOKEN)
        assert str(therapy_flag_items(flags, TOKEN)) == expected


def same_as_djangos(form, names: tuple[str, ...], quick: bool) -> None:
    for name in names:
        bound = form[name]
        if quick:  # written here, not handed to Django: so this compares the two
            assert not form.is_bound and _widget(bound, bound.field.widget) is not None
        assert str(therapy_field(bound)) == str(form_field(bound)), name


SESSION_FIELDS = ("held_on", "with_whom", "notes")
HOMEWORK_FIELDS = ("text", "due", "goal")


@pytest.mark.parametrize(
    "values",
    [
        {"held_on": dt.date(2026, 11, 23), "with_whom": "Dr Okafor", "notes": "Gentle."},
        {"held_on": dt.date(2026, 1, 2), "with_whom": "", "notes": ""},
        {
            "held_on": dt.date(2026, 1, 2),
            "with_whom": AWKWARD,
            "notes": f"\n{AWKWARD}\n</textarea>",
        },
        {"held_on": dt.date(2026, 1, 2), "with_whom": "0", "notes": "0"},
        {"held_on": dt.date(2026, 1, 2), "with_whom": " spaced ", "notes": "\n\n  two\r\nlines "},
    ],
)
def test_a_sessions_fields_as_opened_are_djangos_markup(values):
    session = TherapySession(id=52, owner_id=1, **values)
    same_as_djangos(SessionForm(instance=session), SESSION_FIELDS, quick=True)


@time_machine.travel(dt.datetime(2026, 3, 10, 11, tzinfo=dt.UTC), tick=False)
def test_a_new_sessions_fields_are_djangos_markup():
    form = SessionForm()
    assert "2026-03-10" in str(therapy_field(form["held_on"]))
    same_as_djangos(form, SESSION_FIELDS, quick=True)


@pytest.mark.parametrize(
    "goals",
    [
        [],
        [(2, "Keep going to therapy"), (1, "See a friend every week")],
        [(5, AWKWARD), (9, "Therapy homework"), (3, "Therapy homework")],  # the first one chosen
        [(7, "Therapy homework")],
    ],
)
def test_the_homework_fields_as_opened_are_djangos_markup(goals):
    form = HomeworkForm(user=None, goals=goals)
    same_as_djangos(form, HOMEWORK_FIELDS, quick=True)
    chosen = str(therapy_field(form["goal"]))
    assert chosen.count(" selected") == 1
    if any(title == "Therapy homework" for _, title in goals):
        assert "a new goal for it" not in chosen


@pytest.mark.django_db
def test_the_homework_fields_with_goals_read_by_the_form_are_djangos_markup(owner, other):
    Goal.objects.create(owner=owner, title=AWKWARD, area="body")
    Goal.objects.create(owner=owner, title="Done with it", area="body", status="done")
    Goal.objects.create(owner=other, title="Theirs", area="body")
    form = HomeworkForm(user=owner)
    same_as_djangos(form, HOMEWORK_FIELDS, quick=True)
    html = str(therapy_field(form["goal"]))
    assert "Theirs" not in html and "Done with it" not in html
    assert "Tom &amp; &quot;Jerry&#x27;s&quot; &lt;b&gt;" in html  # as Django escapes options


@pytest.mark.parametrize(
    "data",
    [
        {"held_on": "soon", "with_whom": AWKWARD, "notes": AWKWARD},
        {"held_on": "", "with_whom": "x" * 81, "notes": ""},
        {"held_on": "2026-03-08", "with_whom": "Kim", "notes": "Kept words"},
    ],
)
def test_a_session_form_sent_back_is_djangos_own(data):
    form = SessionForm(data, instance=TherapySession(id=1, owner_id=1, held_on=dt.date.today()))
    form.is_valid()
    same_as_djangos(form, SESSION_FIELDS, quick=False)
    for name in SESSION_FIELDS:
        if form[name].errors:
            assert 'aria-invalid="true"' in str(therapy_field(form[name]))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"goal": "9999", "text": AWKWARD, "due": "not a day"},
        {"goal": "mine", "text": "", "due": ""},
        {"goal": "", "text": "Walk at lunch", "due": "2026-03-12"},
        {"goal": "mine", "text": "Walk at lunch", "due": "2026-03-12"},
    ],
)
def test_a_homework_form_sent_back_is_djangos_own(owner, data):
    mine = Goal.objects.create(owner=owner, title=AWKWARD, area="body")
    Goal.objects.create(owner=owner, title="Keep going", area="body")
    if data["goal"] == "mine":
        data = {**data, "goal": str(mine.pk)}
    form = HomeworkForm(data, user=owner)
    form.is_valid()
    same_as_djangos(form, HOMEWORK_FIELDS, quick=False)
    if data["goal"] == str(mine.pk):
        assert f'<option value="{mine.pk}" selected>' in str(therapy_field(form["goal"]))
