"""A form renderer that writes the commonest widgets in Python, byte for byte as Django would.

Django renders every <input>, <option> and chip through its own template, about 20 µs each.
A form with sixty people to pick from, or the four hundred time zones, spent most of its
page time there. The few templates below are simple enough to write out here exactly; any
other widget (and any project override) still goes through the templates.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from html import escape as html_escape

from django import forms
from django.forms.models import ModelChoiceIteratorValue
from django.forms.renderers import DjangoTemplates
from django.utils.functional import Promise
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

WIDGETS = "django/forms/widgets/"


class _Unusual(Exception):
    """A value a template would localise or convert (a date, a decimal): templates render it."""


def escape(value) -> str:
    """`value` as a template prints it, escaped unless already safe; only plain values."""
    kind = type(value)
    if kind is str:  # the commonest, escaped as Django's escape() does, without its wrapping
        return html_escape(value)
    if kind is int:
        return str(value)
    if value is None or isinstance(value, str | int | Promise):  # bool is an int
        return conditional_escape(value)
    if isinstance(value, ModelChoiceIteratorValue):  # a row's choice: printed as its key
        return escape(value.value)
    raise _Unusual


def _attrs(attrs: Mapping) -> str:
    # As django/forms/widgets/attrs.html: False leaves the attribute out, True leaves its value
    # out. `escape` is conditional, as in templates: text already marked safe stays as it is.
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"')
    return "".join(out)


# Each function returns what its template file renders to, trailing newline included: an
# included template keeps it, and only the outermost render is stripped (as Django does).


def _input(widget: Mapping) -> str:
    value = widget["value"]
    shown = "" if value is None else f' value="{escape(value)}"'
    return (
        f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"{shown}'
        f"{_attrs(widget['attrs'])}>\n"
    )


def _input_kind(widget: Mapping) -> str:
    return _input(widget) + "\n"  # text.html, number.html…: {% include "input.html" %}


def _input_option(widget: Mapping) -> str:
    if not widget.get("wrap_label"):
        return _input(widget) + "\n"
    label_for = widget["attrs"].get("id")
    opening = f'<label for="{escape(label_for)}">' if label_for else "<label>"
    return f"{opening}{_input(widget)} {escape(widget['label'])}</label>\n"


def _choice_option(widget: Mapping) -> str:
    return _input_option(widget) + "\n"  # radio_option.html: {% include "input_option.html" %}


def _option(widget: Mapping) -> str:
    return (
        f'<option value="{escape(widget["value"])}"{_attrs(widget["attrs"])}>'
        f"{escape(widget['label'])}</option>\n"
    )


def _select(widget: Mapping) -> str:
    parts = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{escape(group_name)}">')
        for option in group_choices:
            render = QUICK.get(option["template_name"])
            if render is None:
                return ""  # an option of an unusual kind: let the templates do it all
            parts.append("\n  " + render(option))
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _textarea(widget: Mapping) -> str:
    value = widget["value"]
    return (
        f'<textarea name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>\n'
        f"{escape(value) if value else ''}</textarea>\n"
    )


QUICK: dict[str, Callable[[Mapping], str]] = {
    **{
        f"{WIDGETS}{kind}.html": _input_kind
        for kind in (
            "checkbox",
            "color",
            "date",
            "datetime",
            "email",
            "hidden",
            "number",
            "password",
            "search",
            "tel",
            "text",
            "time",
            "url",
        )  # fmt: skip
    },
    f"{WIDGETS}input.html": _input,
    f"{WIDGETS}input_option.html": _input_option,
    f"{WIDGETS}radio_option.html": _choice_option,
    f"{WIDGETS}checkbox_option.html": _choice_option,
    f"{WIDGETS}select_option.html": _option,
    f"{WIDGETS}select.html": _select,
    f"{WIDGETS}textarea.html": _textarea,
}


class QuickFormRenderer(DjangoTemplates):
    def render(self, template_name: str, context: Mapping, request=None) -> SafeString:
        quick = QUICK.get(template_name)
        widget = context.get("widget") if quick is not None else None
        if widget is not None:
            try:
                html = quick(widget)
            except _Unusual:
                html = ""
            if html:
                return mark_safe(html.strip())
        return super().render(template_name, context, request)


def _no_more(value: str) -> dict[str, str]:
    return {}


@lru_cache(maxsize=16)
def _fixed_options(
    choices: tuple[tuple[str, str], ...],
    more: Callable[[str], Mapping] = _no_more,
    language: str | None = None,
) -> tuple[tuple[str, str, str, str], ...]:
    """(value, HTML before `selected`, after it up to the closing `>`, after that) of each
    option, written once per language (a label may be a word to translate): `more(value)`
    gives an option's attributes beyond its value."""
    return tuple(
        (
            str(value),
            f'\n  <option value="{escape(value)}"',
            _attrs(more(str(value))) if value != "" else "",
            f">{escape(label)}</option>\n",
        )
        for value, label in choices
    )


class FixedSelect(forms.Select):
    """A <select> over a long list that never changes, such as the four hundred time zones.

    Django builds a dictionary per option and renders a template per option on every page:
    about 7 ms for the time zones even through the quick renderer. Here each option's HTML is
    written once per process and a page only marks the chosen one; the HTML is what
    select.html would write. Plain (value, label) pairs only, no groups.
    """

    @staticmethod
    def option_attrs(value: str) -> dict[str, str]:
        """A (non-empty) option's attributes beyond its value, as a subclass's create_option
        would add them after `selected`: none here."""
        return {}

    def _pairs(self):
        # Choices given as a function are read as it returns them: Django would normalise
        # all four hundred again on every use, twice per page.
        function = getattr(self.choices, "func", None)
        return self.choices if function is None else function()

    def use_required_attribute(self, initial) -> bool:
        # As Select's: `required` only when the first option is an empty placeholder.
        first = next(iter(self._pairs()), None)
        return not self.is_hidden and first is not None and self._choice_has_empty_value(first)

    def render(self, name, value, attrs=None, renderer=None):
        attrs = self.build_attrs(self.attrs, attrs)
        wanted = set(self.format_value(value))
        parts = [f'<select name="{escape(name)}"{_attrs(attrs)}>']
        options = _fixed_options(tuple(self._pairs()), type(self).option_attrs, get_language())
        for option_value, start, more, end in options:
            if option_value in wanted:
                parts.append(f"{start} selected{more}{end}")
                wanted = ()  # a single select marks only the first match, as Django does
            else:
                parts.append(start + more + end)
        parts.append("\n</select>")
        return mark_safe("".join(parts))
