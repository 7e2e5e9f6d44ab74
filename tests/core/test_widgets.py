"""The quick form renderer writes exactly what Django's widget templates would."""

from __future__ import annotations

import re

import pytest
import time_machine
from django import forms
from django.forms.renderers import DjangoTemplates
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from hypothesis import given, settings
from hypothesis import strategies as st

from tending.core.widgets import QuickFormRenderer
from tests.routes import OBJECT_ARGUMENTS, PRIVATE, unknown_arguments, url_kwargs

TEMPLATES = DjangoTemplates()
QUICK = QuickFormRenderer()

text = st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.sampled_from(
    ['<b>"x"</b>', "a & b", "'quoted'", "", " ", "é 東京 🌱"]
)
# Dates, decimals and floats are printed by templates in the active language's format.
unusual = (
    st.dates()
    | st.floats(allow_nan=False, allow_infinity=False, width=32)
    | st.decimals(places=2, allow_nan=False, allow_infinity=False)
)
value = text | st.integers() | st.none() | st.booleans() | unusual
safe = st.builds(mark_safe, st.sampled_from(["<em>kept</em>", "a &amp; b"]))
attr_value = text | st.booleans() | st.integers() | safe | unusual
attrs = st.dictionaries(st.sampled_from(["id", "class", "data-x", "aria-describedby", "required",
                                         "checked", "selected", "min", "placeholder"]),
                        attr_value, max_size=5)  # fmt: skip


def both(template: str, widget: dict) -> tuple[str, str]:
    context = {"widget": widget}
    return TEMPLATES.render(template, context), QUICK.render(template, context)


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(["text", "number", "checkbox", "date", "email", "hidden", "password"]),
    name=text,
    value=value,
    attrs=attrs,
)
def test_inputs(kind, name, value, attrs):
    widget = {"type": kind, "name": name, "value": value, "attrs": attrs}
    expected, quick = both(f"django/forms/widgets/{kind}.html", widget)
    assert quick == expected


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(["radio", "checkbox"]),
    value=value,
    label=text | safe | unusual,
    attrs=attrs,
    wrap=st.booleans(),
)
def test_chip_options(kind, value, label, attrs, wrap):
    widget = {"type": kind, "name": "people", "value": value, "label": label,
              "attrs": attrs, "wrap_label": wrap}  # fmt: skip
    expected, quick = both(f"django/forms/widgets/{kind}_option.html", widget)
    assert quick == expected


@settings(max_examples=200, deadline=None)
@given(
    options=st.lists(st.tuples(value, text | safe | unusual, attrs), max_size=6),
    groups=st.booleans(),
    attrs=attrs,
)
def test_selects(options, groups, attrs):
    built = [
        {"name": "zone", "value": v, "label": label, "attrs": a,
         "template_name": "django/forms/widgets/select_option.html"}
        for v, label, a in options
    ]  # fmt: skip
    optgroups = [("Europe" if groups else None, built, 0), (None, built[:1], 1)]
    widget = {"name": "zone", "attrs": attrs, "optgroups": optgroups}
    expected, quick = both("django/forms/widgets/select.html", widget)
    assert quick == expected


@given(value=text | st.none() | unusual, attrs=attrs)
def test_textareas(value, attrs):
    widget = {"name": "body", "value": value, "attrs": attrs}
    expected, quick = both("django/forms/widgets/textarea.html", widget)
    assert quick == expected


def test_other_widgets_still_use_their_templates():
    field = forms.SplitDateTimeField()
    html = field.widget.render("when", None, renderer=QUICK)
    assert 'name="when_0"' in html and 'name="when_1"' in html


def without_tokens(html: str) -> str:
    return re.sub(r"[A-Za-z0-9]{64}", "TOKEN", html)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "args"), PRIVATE, ids=[n for n, _ in PRIVATE])
def test_every_page_is_the_same_with_either_renderer(name, args, owner, owner_client):
    assert not unknown_arguments(args)
    every_kind = {arg: make(owner) for arg, make in OBJECT_ARGUMENTS.items()}
    url = reverse(name, kwargs=url_kwargs(args, every_kind))
    with time_machine.travel(timezone.now(), tick=False):  # a page may say when it was shown
        quick = owner_client.get(url)
        with override_settings(FORM_RENDERER="django.forms.renderers.DjangoTemplates"):
            slow = owner_client.get(url)
    assert quick.status_code == slow.status_code
    assert without_tokens(quick.content.decode()) == without_tokens(slow.content.decode())


class TemplatesForbidden(QuickFormRenderer):
    def get_template(self, template_name):
        raise AssertionError(f"{template_name} went to the templates")


@pytest.mark.django_db
def test_choices_of_rows_stay_on_the_quick_path(owner):
    from tending.circle.models import Person
    from tests.factories import PersonFactory

    PersonFactory(owner=owner, name="Sam <3")
    field = forms.ModelChoiceField(queryset=Person.objects.filter(owner=owner))
    html = field.widget.render("person", None, renderer=TemplatesForbidden())
    assert "Sam &lt;3</option>" in html

    class PeopleForm(forms.Form):
        people = forms.ModelMultipleChoiceField(
            queryset=Person.objects.filter(owner=owner), widget=forms.CheckboxSelectMultiple
        )

    form = PeopleForm(renderer=TemplatesForbidden())
    tags = [str(choice.tag()) for choice in form["people"]]
    assert len(tags) == 1 and tags[0].startswith('<input type="checkbox" name="people" value="')


def zones() -> list[tuple[str, str]]:
    return [("Africa/Abidjan", "Africa/Abidjan"), ("UTC", "UTC"), ('a"<b>&', "a & <b>")]


@pytest.mark.parametrize("value", [None, "UTC", 'a"<b>&', "nowhere", ""])
@pytest.mark.parametrize("help_text", ["", "Used for every date"])
def test_a_fixed_select_writes_what_selects_template_writes(value, help_text):
    from tending.core.widgets import FixedSelect

    class Fixed(forms.Form):
        zone = forms.ChoiceField(choices=zones, widget=FixedSelect, help_text=help_text)

    class Plain(forms.Form):
        zone = forms.ChoiceField(choices=zones, help_text=help_text)

    data = None if value is None else {"zone": value}
    fixed, plain = Fixed(data), Plain(data, renderer=TEMPLATES)
    if data:
        fixed.is_valid(), plain.is_valid()
    assert str(fixed["zone"]) == str(plain["zone"])


@pytest.mark.parametrize("value", [None, "UTC", 'a"<b>&', ""])
def test_a_fixed_selects_own_option_attributes_come_where_djangos_would(value):
    from tending.core.widgets import FixedSelect

    def more(value: str) -> dict[str, str]:
        return {"data-more": f"{value}'s"}

    class Fixed(FixedSelect):
        option_attrs = staticmethod(more)

    class Plain(forms.Select):
        def create_option(self, name, value, *args, **kwargs):
            option = super().create_option(name, value, *args, **kwargs)
            if value:
                option["attrs"].update(more(str(value)))
            return option

    choices = [("", "None"), *zones()]
    fixed = forms.ChoiceField(choices=choices, widget=Fixed, required=False)
    plain = forms.ChoiceField(choices=choices, widget=Plain, required=False)
    fixed_form = type("F", (forms.Form,), {"zone": fixed})({"zone": value} if value else None)
    plain_form = type("P", (forms.Form,), {"zone": plain})(
        {"zone": value} if value else None, renderer=TEMPLATES
    )
    shown = str(fixed_form["zone"])
    assert shown == str(plain_form["zone"])
    assert shown.count("data-more=") == len(zones())  # every option but the empty one


def test_a_fixed_choice_fields_copies_share_only_the_choices():
    import copy

    from tending.core.forms import FixedChoiceField

    class Pick(forms.Form):
        how = FixedChoiceField(choices=[("", "—"), ("call", "Call")], required=False)

    first, second = Pick(), Pick()
    one, two = first.fields["how"], second.fields["how"]
    assert one is not two and one.widget is not two.widget
    assert one.choices is two.choices and one.widget.choices is two.widget.choices
    one.widget.attrs["autofocus"] = True
    one.error_messages["invalid_choice"] = "Only here."
    one.validators.append(lambda value: None)
    assert (
        "autofocus" not in two.widget.attrs
        and "autofocus" not in Pick.base_fields["how"].widget.attrs
    )
    assert two.error_messages["invalid_choice"] != "Only here."
    assert len(two.validators) == len(Pick.base_fields["how"].validators) == 0
    assert copy.deepcopy(one).widget.attrs == {"autofocus": True}
    assert Pick({"how": "call"}).is_valid() and not Pick({"how": "mail"}).is_valid()
    assert 'value="call"' in str(Pick()["how"])
