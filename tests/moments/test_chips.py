"""The moments pages write choices from plain values: the same HTML Django's widgets write."""

from __future__ import annotations

import datetime
import re

import pytest
from django.template import engines
from django.utils import timezone

from tending.moments.forms import MomentFilterForm, MomentForm, NarrowingForm, QuickMomentForm
from tending.moments.models import Moment
from tending.moments.queries import list_time, local_format
from tending.moments.templating import people_groups, radio_chips
from tests.factories import MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db


def people(owner):
    return [
        PersonFactory(owner=owner, name="Ana O'Brien", ring="inner"),
        PersonFactory(owner=owner, name="Ben <b>", ring="outer"),
        PersonFactory(owner=owner, name="Cleo", ring="middle"),
        PersonFactory(owner=owner, name="Gone", is_archived=True),
    ]


def check_people(field):
    """Each chip's input is the widget's own subwidget tag, with the same id."""
    by_id = {str(choice.id_for_label): str(choice.tag()) for choice in field}
    groups, count = people_groups(field)
    chips = [chip for _, group in groups for chip in group]
    assert count == len(chips) == len(by_id)
    for chip in chips:
        assert str(chip["tag"]) == by_id[chip["id"]]
    return chips


def check_radios(field):
    expected = [(str(c.id_for_label), str(c.tag()), str(c.choice_label)) for c in field]
    assert [(c["id"], str(c["tag"]), str(c["label"])) for c in radio_chips(field)] == expected


def test_people_chips_are_the_widgets_own(owner):
    sam, *_ = people(owner)
    for form in (
        QuickMomentForm(user=owner),
        QuickMomentForm(user=owner, initial={"people": [str(sam.pk)]}),
        QuickMomentForm({}, user=owner),
        QuickMomentForm({"people": [str(sam.pk), "x1"]}, user=owner),
        MomentForm({"people": [sam.pk]}, user=owner, instance=Moment(owner=owner)),
    ):
        form.is_bound and form.is_valid()
        check_people(form["people"])


def test_an_edited_moments_archived_person_is_ticked_as_the_widget_ticks_them(owner):
    found = people(owner)
    moment = MomentFactory(owner=owner, people=[found[0], found[-1]])
    chips = check_people(MomentForm(user=owner, instance=moment)["people"])
    assert sum(" checked" in str(chip["tag"]) for chip in chips) == 2


def test_radio_chips_are_the_widgets_own(owner):
    sam = PersonFactory(owner=owner)
    moment = MomentFactory(owner=owner, people=[sam], channel="call", self_disclosure=0)
    bad = {"people": [sam.pk], "felt_understood": "9", "channel": "video", "self_disclosure": ""}
    for form in (
        MomentForm(user=owner, instance=Moment(owner=owner)),
        MomentForm(user=owner, instance=moment),
        MomentForm(bad, user=owner, instance=Moment(owner=owner)),
    ):
        form.is_bound and form.is_valid()
        for name, field in form.fields.items():
            if getattr(field.widget, "input_type", "") == "radio":
                check_radios(form[name])


def select_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.search(r"<select.*?</select>", html, re.S).group(0))


@pytest.mark.parametrize("query", [{}, {"person": "PK"}, {"person": "abc", "tag": "99"}])
def test_filter_selects_are_as_django_writes_them(owner, query):
    sam, *_ = people(owner)
    MomentFactory(owner=owner, people=[sam]).tags.create(owner=owner, name="it's")
    data = {k: str(sam.pk) if v == "PK" else v for k, v in query.items()} or None

    class Django(NarrowingForm):
        tag_relation = "moments"

    ours, theirs = MomentFilterForm(data, user=owner), Django(data, user=owner)
    macro = engines.all()[0].env.from_string(
        '{% from "moments/filters.html" import row_select %}{{ row_select(f) }}'
    )
    for name in ("person", "tag"):
        assert ours.errors.get(name) == theirs.errors.get(name)
        mine = select_of(macro.render(f=ours[name]))
        assert mine == select_of(str(theirs[name]).replace("\n", " "))


def test_list_times_read_as_the_date_filter_writes_them():
    timezone.activate("Europe/Berlin")
    try:
        start = datetime.datetime(2025, 1, 1, 0, 30, tzinfo=datetime.UTC)
        for hours in range(0, 24 * 400, 37):
            moment_at = start + datetime.timedelta(hours=hours)
            assert list_time(moment_at) == local_format(moment_at, "D j M Y, H:i")
    finally:
        timezone.deactivate()
