"""What the moments pages' templates need beyond the common set (see tending/core/jinja.py)."""

from __future__ import annotations

from html import escape as quote

from django.utils.safestring import SafeString, mark_safe

from tending.circle.models import Ring


def escape(text) -> SafeString:
    """As Django's escape (the standard library's, marked safe), without its check for lazy
    text on every call: a form page escapes a few hundred names and values."""
    return mark_safe(quote(str(text)))


def chosen_values(field, multiple: bool = True) -> set[str]:
    """The values a choice field shows as ticked, as its widget works them out: nothing
    given ticks nothing of a multiple choice, and the empty choice of a single one."""
    value = field.value()
    if value is None and multiple:
        return set()
    if not isinstance(value, list | tuple):
        value = [value]
    return {"" if v is None else str(v) for v in value}


def choice_input(kind: str, name: str, value, id_: str, invalid: bool, checked: bool) -> SafeString:
    """One chip's input, byte for byte as Django's CheckboxSelectMultiple or RadioSelect
    writes it (the attributes in Django's order: id, aria-invalid, checked)."""
    return mark_safe(
        f'<input type="{kind}" name="{quote(name)}" value="{quote(str(value))}" id="{quote(id_)}"'
        + (' aria-invalid="true"' if invalid else "")
        + (" checked" if checked else "")
        + ">"
    )


def radio_chips(field) -> list[dict]:
    """A radio field's choices as chips, written from its plain choices (see people_groups)."""
    chosen = chosen_values(field, multiple=False)
    invalid = bool(field.errors)
    chips, found = [], False
    for index, (value, label) in enumerate(field.field.choices):
        text = "" if value is None else str(value)
        checked = not found and text in chosen  # as Django, only the first match is ticked
        found = found or checked
        id_ = f"{field.auto_id}_{index}"
        chips.append(
            {
                "id": id_,
                "label": escape(label),
                "tag": choice_input("radio", field.html_name, text, id_, invalid, checked),
            }
        )
    return chips


def people_groups(field) -> tuple[list[tuple[str, list[dict]]], int]:
    """A people field's choices grouped by ring (archived last), and how many there are.

    The choices are read as plain values and each chip's input written directly: going
    through the widget built sixty Person rows and rendered sixty options, most of a form's
    page time. The HTML is the widget's own (tests/moments/test_chips.py compares them).
    """
    people = field.field.queryset.values_list("id", "name", "ring", "is_archived")
    chosen = chosen_values(field)
    invalid = bool(field.errors)
    groups: dict[str, list] = {r.value: [] for r in Ring}
    archived = []
    for index, (pk, name, ring, is_archived) in enumerate(people):
        id_ = f"{field.auto_id}_{index}"
        chip = {
            "id": id_,
            "key": escape(name.lower()),
            "name": escape(name),
            "tag": choice_input("checkbox", field.html_name, pk, id_, invalid, str(pk) in chosen),
        }
        (archived if is_archived else groups.setdefault(ring, [])).append(chip)
    named = [(f"{Ring(r).label} ring", groups[r]) for r in groups if groups[r]]
    if archived:
        named.append(("Archived", archived))
    return named, sum(len(g) for _, g in named)


GLOBALS = {"people_groups": people_groups, "radio_chips": radio_chips}
