"""What the goal pages write in Python is the markup the templates and Django's widgets made:
the form's chips (core/forms.html's `choice_field` macro) for new and changed goals, with
choices made, after a form came back with notes, with names that need escaping, and for
fields of other shapes; and a goal's list of steps, as goal.html's loop wrote it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types

import pytest
from django import forms
from django.template import engines
from markupsafe import Markup

from tending.growth.goal_forms import GoalForm
from tending.growth.goal_queries import GoalChoices, StepRow
from tending.growth.goal_templating import _chips, goal_choice_field, goal_step_items
from tending.growth.models import Goal

MACRO = '{% from "core/forms.html" import choice_field %}{{ choice_field(form[name], wide=wide) }}'
AWKWARD = [
    "Ada & <b>Bea</b>",
    "Zed\x1fZoe",
    'Chris "CJ" O\'Neil',
    "Dana",
    "Ελένη",
    "{{ not a template }}",
]
CHOICES = GoalChoices(
    people=[(10 + at, name) for at, name in enumerate(AWKWARD)],
    brave_steps=[(30, "Say hello"), (31, "Ask <Sam> & co"), (32, "Call 'Mum'")],
    chosen_people=[11, 13],
    chosen_brave_steps=[31],
)


def djangos(form, name: str, wide: bool) -> str:
    return engines["jinja"].from_string(MACRO).render({"form": form, "name": name, "wide": wide})


def same_as_djangos(form, name: str, wide: bool, written_here: bool = True) -> str:
    assert bool(_chips(form[name])) is written_here  # not left to Django's widgets
    ours = str(goal_choice_field(form[name], wide=wide))
    assert ours == djangos(form, name, wide)
    return ours


def a_goal(owner) -> Goal:
    return Goal.objects.create(owner=owner, title="See friends", area="body", status="paused")


@pytest.mark.parametrize("wide", [True, False])
@pytest.mark.parametrize("name", ["area", "people", "brave_steps"])
@pytest.mark.django_db
def test_a_new_goals_chips_are_djangos_own(owner, name, wide):
    nothing = dataclasses.replace(CHOICES, chosen_people=[], chosen_brave_steps=[])
    form = GoalForm(instance=Goal(owner=owner), user=owner, choices=nothing)
    html = same_as_djangos(form, name, wide)
    assert " checked" not in html  # a new goal holds nothing yet
    assert "&lt;b&gt;" in html or name != "people"


@pytest.mark.parametrize("name", ["area", "status", "people", "brave_steps"])
@pytest.mark.django_db
def test_a_goals_own_choices_come_checked(owner, name):
    form = GoalForm(instance=a_goal(owner), user=owner, choices=CHOICES)
    html = same_as_djangos(form, name, True)
    assert html.count(" checked") == {"area": 1, "status": 1, "people": 2, "brave_steps": 1}[name]


SENT = [
    {"title": "", "area": "nowhere", "people": ["11", "999", "<x>"], "brave_steps": ["30"]},
    {"title": "Walk", "area": "body", "people": ["12", "12"], "brave_steps": ["31", "x"]},
    {"title": "Walk", "status": "done", "people": [], "brave_steps": []},
    {"title": "Walk", "area": "new", "status": "let-go"},
]


@pytest.mark.parametrize("data", SENT)
@pytest.mark.parametrize("name", ["area", "status", "people", "brave_steps"])
@pytest.mark.parametrize("new", [True, False])
@pytest.mark.django_db
def test_a_sent_form_comes_back_as_django_writes_it_with_its_notes(owner, data, name, new):
    goal = Goal(owner=owner) if new else a_goal(owner)
    form = GoalForm(data, instance=goal, user=owner, choices=CHOICES)
    form.is_valid()
    if name not in form.fields:
        return  # a new goal has no status to choose
    html = same_as_djangos(form, name, wide=name != "status")
    if form[name].errors:
        assert 'aria-invalid="true"' in html and f'id="id_{name}_error"' in html
    sent = data.get(name, [])
    assert html.count(" checked") == len(
        {value for value in ([sent] if isinstance(sent, str) else sent)}
        & {"11", "12", "30", "31", "body", "new", "done", "let-go"}
    )


class OtherShapes(forms.Form):
    """Fields of shapes the goal form does not use: help text, own attributes, an empty
    choice, no ids, grouped choices (the last two are left to Django's widgets)."""

    hinted = forms.ChoiceField(
        label="Hinted <one>",
        help_text="Pick 'one' & only one",
        choices=[("", "None yet"), ("a", "A & a"), ("b", "B")],
        widget=forms.RadioSelect(attrs={"class": "x", "data-n": 3, "hidden-ish": True}),
    )
    own_id = forms.MultipleChoiceField(
        choices=[("1", "One"), ("2", "Two")],
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"id": "my-own", "data-off": False}),
    )
    grouped = forms.ChoiceField(
        choices=[("Fruit", [("apple", "Apple"), ("pear", "Pear")]), ("nut", "Nut")],
        widget=forms.RadioSelect,
    )


@pytest.mark.parametrize(
    "data",
    [None, {"hinted": "a", "own_id": ["2", "1"]}, {"hinted": "zzz", "grouped": "pear"}, {}],
)
@pytest.mark.parametrize("name", ["hinted", "own_id", "grouped"])
@pytest.mark.parametrize("auto_id", ["id_%s", False])
def test_other_shapes_of_field_too(data, name, auto_id):
    form = OtherShapes(data, auto_id=auto_id)
    if data is not None:
        form.is_valid()
    has_ids = bool(auto_id) or name == "own_id"  # its widget names its own id
    same_as_djangos(form, name, wide=False, written_here=has_ids and name != "grouped")


@pytest.mark.django_db
def test_the_form_page_offers_ones_own_people_and_steps_as_chips(owner, owner_client):
    from django.urls import reverse

    from tending.growth.models import BraveStep
    from tests.factories import PersonFactory

    PersonFactory(owner=owner, name="Sam & <Al>")
    BraveStep.objects.create(owner=owner, text="Wave", hardness=10, added_on=dt.date(2026, 1, 1))
    html = owner_client.get(reverse("growth:goal_new")).content.decode()
    assert "<span>Sam &amp; &lt;Al&gt;</span>" in html and "<span>Wave</span>" in html
    assert html.count('class="chip"') == 5 + 1 + 1  # the areas, one person, one step


# A goal's steps: goal_step_items against goal.html's loop as it was written.

STEPS_LOOP = """{% for step in page.steps %}
    <li class="goal-step{% if step.done_on %} done{% endif %}" id="step-{{ step.pk }}">
      <form method="post" action="{{ url('growth:goal_step_done', goal.pk, step.pk) }}">{{ csrf_input }}<button type="submit" class="secondary tick" aria-pressed="{{ 'true' if step.done_on else 'false' }}"><span aria-hidden="true">{% if step.done_on %}✓{% endif %}</span><span class="visually-hidden">{{ _("Done: %(step)s", step=step.text) }}</span></button></form>
      <span class="step-main">
        <span class="step-text" dir="auto">{{ step.text }}</span>
        <span class="step-when muted">{% if step.done_on %}{{ _("done %(day)s", day=step.done_on|date("j F")) }}{% elif step.waiting %}{{ _("whenever you're ready") }}{% elif step.due %}{{ step.due|date("l j F") }}{% endif %}{% if step.session_id %}{% if step.done_on or step.due %} · {% endif %}{{ _('homework from <a href="%(href)s">your session of %(day)s</a>', href=url('growth:session', step.session_id), day=step.session_on|date("j F")) }}{% endif %}</span>
      </span>
      <a class="step-change" href="{{ url('growth:goal_step_edit', goal.pk, step.pk) }}">{{ _("Change") }}<span class="visually-hidden">: {{ step.text }}</span></a>
    </li>
    {% endfor %}"""  # noqa: E501
TOKEN = Markup('<input type="hidden" name="csrfmiddlewaretoken" value="abc&amp;123">')
MARCH = dt.date(2026, 3, 2)


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_goals_steps_are_the_templates_own_markup(language):
    from django.utils import translation

    steps = [
        StepRow(1, "Text <Sam> & 'Al'", None, None, False, None, None),
        StepRow(2, "Done one", MARCH, dt.date(2026, 3, 4), False, None, None),
        StepRow(3, "Waiting", MARCH, None, True, None, None),
        StepRow(4, "Saturday", dt.date(2026, 3, 14), None, False, None, None),
        StepRow(5, "Homework", None, None, False, 7, dt.date(2026, 1, 31)),
        StepRow(6, "Homework done", None, MARCH, False, 8, dt.date(2025, 12, 1)),
        StepRow(7, "Homework due", MARCH, None, True, 9, MARCH),
        StepRow(8, 'Say "hi"', dt.date(2027, 7, 5), None, False, 10, None),  # session gone
    ]
    page = types.SimpleNamespace(steps=steps)
    context = {"page": page, "goal": types.SimpleNamespace(pk=42), "csrf_input": TOKEN}
    with translation.override(language):
        templates = engines["jinja"].from_string(STEPS_LOOP).render(context)
        ours = str(goal_step_items(steps, 42, TOKEN))
        assert str(goal_step_items([], 42, TOKEN)) == ""
    assert ours == templates
    saturday = "Samstag, 14. März" if language == "de" else "Saturday 14 March"
    assert ours.count("&lt;Sam&gt;") == 3 and saturday in ours
