"""The therapy page's lists, written in Python with the very markup their template loops made
(tests/growth/test_therapy_templating.py compares them): fifty sessions, each a `list_row`
macro call with its date filtered, were most of the page's time."""

from __future__ import annotations

from html import escape as quote

from django import forms
from django.utils.translation import gettext as _
from markupsafe import Markup, escape

from tending.core.jinja import addresses
from tending.core.templating import form_field
from tending.growth.dates import day_writer
from tending.growth.therapy_queries import Flagged, SessionRow


def _escaped(text: str) -> str:
    """`text` as the template printed it: escaped as Jinja escapes, in one look when there is
    nothing to escape (most names and lines), which is most of a row's cost otherwise."""
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return str(escape(text))
    return text


def therapy_session_rows(sessions: list[SessionRow]) -> Markup:
    """What `{% for row in sessions %}{% call list_row(…) %}…{% endcall %}{% endfor %}` made
    (core/components.html's list_row): each session's day, first line of notes and with whom."""
    href = addresses("growth:session")
    day_of = day_writer("l j F Y")  # the format looked up once, not at every row
    parts = []
    for row in sessions:
        day = row.held_on
        line = (
            f'<span class="muted session-line" dir="auto">{_escaped(row.first_line)}</span>'
            if row.first_line
            else ""
        )
        meta = f'<span class="row-meta">{_escaped(row.with_whom)}</span>' if row.with_whom else ""
        parts.append(
            f'\n    \n<li class="list-row">\n  <span class="row-main">'
            f'<a class="row-link" href="{href(row.pk)}">\n      '
            f"<span>{_escaped(day_of(day))}</span>"
            f"\n      {line}\n    </a></span>\n  {meta}\n</li>\n    "
        )
    return Markup("".join(parts))


def therapy_flag_items(flags: list[Flagged], csrf_input) -> Markup:
    """What the therapy page's `{% for flag in waiting %}` loop made: each thing on the list
    for next time, its link, day and note, and a button to take it off the list."""
    remove = addresses("growth:bring_up_remove")
    remove_words = _("Remove")
    token = csrf_input.__html__()
    parts = []
    for flag in flags:
        label = escape(flag.label)
        note = f'<span class="flag-note" dir="auto">{escape(flag.note)}</span>' if flag.note else ""
        parts.append(
            f'\n    <li class="flag">\n      <span class="flag-main">\n'
            f'        <a href="{escape(flag.href)}" dir="auto">{label}</a>\n'
            f'        <span class="muted">{escape(flag.when)}</span>\n'
            f"        {note}\n      </span>\n"
            f'      <form method="post" action="{remove(flag.pk)}">{token}'
            f'<button type="submit" class="quiet small">{remove_words}'
            f'<span class="visually-hidden">: {label}</span></button></form>\n    </li>\n    '
        )
    return Markup("".join(parts))


PLAIN = (str, int, bool)  # what is written here; text marked safe, or lazy, goes to Django


def _attrs(attrs: dict) -> str:
    """Attributes as django/forms/widgets/attrs.html writes them."""
    out = []
    for name, value in attrs.items():
        if value is True:
            out.append(f" {name}")
        elif value is not False:
            out.append(f' {name}="{quote(str(value))}"')
    return "".join(out)


def _widget(bound, widget) -> str | None:
    """The widget of an unbound field as QuickFormRenderer writes it, or None for a kind not
    written here."""
    kind = type(widget)
    if kind not in (forms.TextInput, forms.DateInput, forms.Textarea, forms.Select):
        return None
    field, name = bound.field, bound.html_name
    attrs = dict(widget.attrs)
    if not bound.auto_id or any(type(value) not in PLAIN for value in attrs.values()):
        return None
    required = field.required and bound.form.use_required_attribute
    if required and widget.use_required_attribute(bound.initial):
        attrs["required"] = True
    if bound.help_text and not widget.attrs.get("aria-describedby"):
        attrs["aria-describedby"] = f"{bound.auto_id}_helptext"
    if "id" not in widget.attrs:
        attrs["id"] = bound.auto_id
    value = widget.format_value(bound.value())
    if kind is not forms.Select and not (value is None or type(value) is str):
        return None
    if kind is forms.Textarea:
        text = quote(value) if value else ""
        return f'<textarea name="{quote(name)}"{_attrs(attrs)}>\n{text}</textarea>'
    if kind is not forms.Select:
        shown = "" if value is None else f' value="{quote(str(value))}"'
        return f'<input type="{widget.input_type}" name="{quote(name)}"{shown}{_attrs(attrs)}>'
    wanted = set(value)
    options = []
    for option_value, label in widget.choices:
        if type(label) is not str or type(option_value) not in (*PLAIN, type(None)):
            return None  # groups, or lazy or safe text: Django's to write
        option_value = "" if option_value is None else option_value
        selected = ""
        if str(option_value) in wanted:
            selected, wanted = " selected", ()  # only the first match, as Django does
        options.append(
            f'\n  <option value="{quote(str(option_value))}"{selected}>'
            f"{quote(str(label))}</option>\n"
        )
    return f'<select name="{quote(name)}"{_attrs(attrs)}>{"".join(options)}\n</select>'


def therapy_field(bound) -> Markup:
    """What core/forms.html's `field` (core/templating.py form_field) writes for one field of
    the therapy forms, written without Django's widget machinery when the form is unbound (a
    page as opened: no values sent, no problems to show); a form sent back goes to form_field
    itself. tests/growth/test_therapy_templating.py holds the two together."""
    field = bound.field
    widget = field.widget
    written = None
    if not bound.form.is_bound and not (field.disabled or field.localize or widget.is_localized):
        written = _widget(bound, widget)
    if written is None:
        return form_field(bound)
    label = f'<label for="{escape(bound.id_for_label)}">{escape(bound.label)}</label>'
    hint = ""
    if bound.help_text:
        hint = (
            f'<p class="hint" id="{escape(bound.auto_id)}_helptext">{escape(bound.help_text)}</p>'
        )
    return Markup(
        f'\n<div class="field">\n  \n    {label}\n    {written}\n  \n  {hint}\n  \n</div>'
    )
