"""The goal pages' long parts written in Python, each the very markup the templates made
(tests/growth/test_goal_templating.py compares them): the form's sets of chips, and a
goal's list of steps.

The goal form offers the five areas, the four statuses, up to sixty people and sixty brave
steps; through Django's widgets each choice was a dictionary of attributes and a rendered
template, most of the form page's time. A goal's steps escaped each text three times and
asked for the language at every date."""

from __future__ import annotations

from html import escape as attribute_escape

from django.forms.widgets import CheckboxSelectMultiple, RadioSelect
from django.utils.translation import gettext as _
from markupsafe import Markup, escape

from tending.core.jinja import addresses, url
from tending.growth.dates import day_writer

_APART = "\x1f"  # between labels escaped together: escaping leaves it as it is


def _attribute(value) -> str:
    # As Django's widget templates write a value: `{{ value|stringformat:'s' }}`, escaped.
    return value.__html__() if hasattr(value, "__html__") else attribute_escape(str(value))


def _attrs(attrs: dict) -> str:
    # As django/forms/widgets/attrs.html: False leaves the attribute out, True its value.
    return "".join(
        f" {_attribute(name)}" if value is True else f' {_attribute(name)}="{_attribute(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _escaped(labels: list) -> list[str]:
    """Each label escaped as the template escapes it; plain text all in one go (escaping
    sixty names one by one cost a tenth of the chips)."""
    if all(type(label) is str for label in labels):
        together = str(escape(_APART.join(labels))).split(_APART)
        if len(together) == len(labels):  # else a label held the separator itself
            return together
    return [str(escape(label)) for label in labels]


def _chips(field) -> str:
    """The chips of a BoundField whose widget is a RadioSelect or CheckboxSelectMultiple:
    what `{% for choice in field %}<label class="chip" …>{{ choice.tag() }}…{% endfor %}`
    writes, choice by choice as ChoiceWidget.optgroups and create_option make them. What
    every choice shares is written once; "" for what is left to Django's own widgets."""
    widget = field.field.widget
    usual = type(widget) in (RadioSelect, CheckboxSelectMultiple) and widget.add_id_index
    if not usual or "checked" in widget.attrs:
        return ""
    id_ = widget.attrs.get("id") or field.auto_id
    if not id_:
        return ""  # without ids the macro writes `for=""`: left to Django's own widgets
    # Each input's attributes in create_option's order: the widget's, then the field's (id
    # first, then required, aria-invalid…), the id numbered, and `checked` last.
    shared = {**widget.attrs, **field.build_widget_attrs({"id": id_})}
    names = list(shared)
    at = names.index("id")
    before = _attrs({name: shared[name] for name in names[:at]})
    after = _attrs({name: shared[name] for name in names[at + 1 :]})
    label_for, box = escape(shared["id"]), _attribute(shared["id"])
    chosen = set(widget.format_value(field.value()))
    many = widget.allow_multiple_selected
    choices = widget.choices
    labels = [label for _value, label in choices]
    if any(type(label) is not str and isinstance(label, list | tuple) for label in labels):
        return ""  # grouped choices
    labels = _escaped(labels)
    head = f'<label class="chip" for="{label_for}_'
    start = f'"><input type="{widget.input_type}" name="{attribute_escape(field.html_name)}"'
    has_selected = False
    parts = []
    for index, (value, _label) in enumerate(choices):
        if type(value) is int:
            text = written = str(value)
        else:
            text = "" if value is None else str(value)
            written = "" if value is None else _attribute(value)
        if text in chosen and (many or not has_selected):
            has_selected, checked = True, " checked"
        else:
            checked = ""
        parts.append(
            f'{head}{index}{start} value="{written}"{before} id="{box}_{index}"{after}'
            f"{checked}><span>{labels[index]}</span></label>"
        )
    return "".join(parts)


def _djangos_chips(field) -> str:
    return "".join(
        f'<label class="chip" for="{escape(choice.id_for_label)}">{choice.tag()}'
        f"<span>{escape(choice.choice_label)}</span></label>"
        for choice in field
    )


def goal_choice_field(field, wide: bool = False) -> Markup:
    """`{{ goal_choice_field(form["people"], wide=True) }}`: what core/forms.html's
    `choice_field(field, wide)` writes, a labelled group of tappable chips."""
    errors = field.errors
    classes = "field choices has-error" if errors else "field choices"
    if wide:
        classes += " wide"
    described = f' aria-describedby="{escape(field.auto_id)}_error"' if errors else ""
    hint = f'<p class="hint">{escape(field.help_text)}</p>' if field.help_text else ""
    said = ""
    if errors:
        problems = "".join(f"<p>{escape(error)}</p>" for error in errors)
        said = f'<div class="error" id="{escape(field.auto_id)}_error">{problems}</div>'
    chips = _chips(field) or _djangos_chips(field)
    return Markup(
        f'\n<fieldset class="{classes}"{described}>\n  <legend>{escape(field.label)}</legend>\n'
        f'  {hint}\n  <div class="chips">\n    {chips}\n  </div>\n  {said}\n</fieldset>'
    )


def _text(value: str) -> str:
    """Plain text escaped, as a str to join with the rest of a row's markup."""
    return str(escape(value))


def goal_step_items(steps, goal_id: int, csrf_input) -> Markup:
    """A goal's steps as its page lists them, each with its tick, its day and its change
    link: what goal.html's loop over `page.steps` wrote (tests/growth/test_goal_templating.py
    compares them), each text escaped once and the dates' formats and the words looked up
    once, where the template escaped each text three times and asked for the language at
    every date."""
    day_month, weekday_day_month = day_writer("j F"), day_writer("l j F")
    done_words, waiting_words = _("done %(day)s"), _("whenever you're ready")
    homework_words = _('homework from <a href="%(href)s">your session of %(day)s</a>')
    done_label, change_label = _("Done: %(step)s"), _("Change")
    token = csrf_input.__html__()
    session_at = addresses("growth:session")
    parts = []
    for step in steps:
        pk, done_on = step.pk, step.done_on
        text = escape(step.text)
        if done_on:
            when = done_words % {"day": _text(day_month(done_on))}
        elif step.waiting:
            when = waiting_words
        elif step.due:
            when = _text(weekday_day_month(step.due))
        else:
            when = ""
        if step.session_id:
            joined = " · " if done_on or step.due else ""
            when += joined + homework_words % {
                "href": _text(session_at(step.session_id)),
                "day": _text(day_month(step.session_on)) if step.session_on else "",
            }
        done_at = escape(url("growth:goal_step_done", goal_id, pk))
        change_at = escape(url("growth:goal_step_edit", goal_id, pk))
        parts.append(
            f'\n    <li class="goal-step{" done" if done_on else ""}" id="step-{pk}">\n'
            f'      <form method="post" action="{done_at}">'
            f'{token}<button type="submit" class="secondary tick" aria-pressed='
            f'"{"true" if done_on else "false"}"><span aria-hidden="true">'
            f'{"✓" if done_on else ""}</span><span class="visually-hidden">'
            f"{done_label % {'step': text}}</span>"
            f"</button></form>\n"
            f'      <span class="step-main">\n'
            f'        <span class="step-text" dir="auto">{text}</span>\n'
            f'        <span class="step-when muted">{when}</span>\n'
            f"      </span>\n"
            f'      <a class="step-change" href="{change_at}">'
            f'{change_label}<span class="visually-hidden">: {text}</span></a>\n'
            f"    </li>\n    "
        )
    return Markup("".join(parts))
