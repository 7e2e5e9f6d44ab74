"""What the moments pages' templates need beyond the common set (see tending/core/jinja.py).

The chips of a form are written out here as HTML, a group at a time, rather than piece by piece
in the template: a form page has some sixty people and sixty answers to choose from, and each
piece escaped on its own cost more than the rest of the page. Text is escaped as Django's
templates escape it (an apostrophe as &#x27;), so the pages read byte for byte as before.
"""

from __future__ import annotations

from html import escape as quote

from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tending.circle.models import RING_NAMES, Ring
from tending.core.sections import form_sections


def escape(text) -> SafeString:
    """As Django's escape (the standard library's, marked safe), without its check for lazy
    text on every call: a form page escapes a few hundred names and values."""
    return SafeString(quote(str(text)))


def chosen_values(field, multiple: bool = True) -> set[str]:
    """The values a choice field shows as ticked, as its widget works them out: nothing
    given ticks nothing of a multiple choice, and the empty choice of a single one."""
    value = field.value()
    if value is None and multiple:
        return set()
    if not isinstance(value, list | tuple):
        value = [value]
    return {"" if v is None else str(v) for v in value}


def _input(kind: str, name: str, value: str, id_: str, invalid: bool, checked: bool) -> str:
    """As choice_input, its name, value and id already escaped."""
    return (
        f'<input type="{kind}" name="{name}" value="{value}" id="{id_}"'
        + (' aria-invalid="true"' if invalid else "")
        + (" checked" if checked else "")
        + ">"
    )


def choice_input(kind: str, name: str, value, id_: str, invalid: bool, checked: bool) -> SafeString:
    """One chip's input, byte for byte as Django's CheckboxSelectMultiple or RadioSelect
    writes it (the attributes in Django's order: id, aria-invalid, checked)."""
    return SafeString(_input(kind, quote(name), quote(str(value)), quote(id_), invalid, checked))


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


# A radio field's chips as HTML, each ticked and not, by what decides them (the page's
# language among them): a form's fixed choices are written once, not on every page.
_radio_labels: dict[tuple, tuple[list[str], list[str], list[str]]] = {}


def _written_radios(field, invalid: bool) -> tuple[list[str], list[str], list[str]]:
    choices = tuple(field.field.choices)
    key = (get_language(), field.html_name, field.auto_id, invalid, choices)
    found = _radio_labels.get(key)
    if found is None:
        name, auto_id = quote(field.html_name), quote(str(field.auto_id))
        texts, plain, ticked = [], [], []
        for index, (value, label) in enumerate(choices):
            text = "" if value is None else str(value)
            id_ = f"{auto_id}_{index}"
            start, end = f'<label class="chip" for="{id_}">', f"<span>{quote(str(label))}</span>"
            texts.append(text)
            for checked, written in ((False, plain), (True, ticked)):
                tag = _input("radio", name, quote(text), id_, invalid, checked)
                written.append(f"{start}{tag}{end}</label>")
        found = (texts, plain, ticked)
        if len(_radio_labels) < 1000:  # a bound on what odd field names could fill it with
            _radio_labels[key] = found
    return found


def radio_labels(field) -> SafeString:
    """A radio field's chips (as radio_chips gives them) written out as HTML at once."""
    chosen = chosen_values(field, multiple=False)
    texts, plain, ticked = _written_radios(field, bool(field.errors))
    written, found = [], False
    for text, off, on in zip(texts, plain, ticked, strict=True):
        checked = not found and text in chosen  # as Django, only the first match is ticked
        found = found or checked
        written.append(on if checked else off)
    return SafeString("".join(written))


def people_groups(field) -> tuple[list[tuple[str, list[dict]]], int]:
    """A people field's choices grouped by ring (archived last), and how many there are.

    The choices are read as plain values and each chip's input written directly: going
    through the widget built sixty Person rows and rendered sixty options, most of a form's
    page time. The HTML is the widget's own (tests/moments/test_chips.py compares them).
    """
    rows = getattr(field.field, "rows", None)  # a PeopleField reads its rows with written SQL
    if rows is None:
        people = field.field.queryset.values_list("id", "name", "ring", "is_archived")
    else:
        people = rows()
    chosen = chosen_values(field)
    invalid = bool(field.errors)
    name, auto_id = quote(field.html_name), quote(str(field.auto_id))
    groups: dict[str, list] = {r.value: [] for r in Ring}
    archived = []
    for index, (pk, person, ring, is_archived) in enumerate(people):
        id_ = f"{auto_id}_{index}"
        value = str(pk)
        chip = {
            "id": id_,
            "key": SafeString(quote(person.lower())),
            "name": SafeString(quote(person)),
            "tag": SafeString(
                _input("checkbox", name, quote(value), id_, invalid, value in chosen)
            ),
        }
        (archived if is_archived else groups.setdefault(ring, [])).append(chip)
    named = [(str(RING_NAMES.get(r, r)), groups[r]) for r in groups if groups[r]]
    if archived:
        named.append((_("Archived"), archived))
    return named, sum(len(g) for _, g in named)


def chip_groups(field) -> tuple[list[tuple[str, SafeString]], int]:
    """people_groups, each group's chips written out as HTML at once."""
    groups, count = people_groups(field)
    return [
        (
            title,
            SafeString(
                "".join(
                    f'<label class="chip" for="{c["id"]}" data-name="{c["key"]}">'
                    f'{c["tag"]}<span dir="auto">{c["name"]}</span></label>'
                    for c in chips
                )
            ),
        )
        for title, chips in groups
    ], count


GLOBALS = {
    "people_groups": people_groups,
    "chip_groups": chip_groups,
    "radio_chips": radio_chips,
    "radio_labels": radio_labels,
    "form_sections": form_sections,
}
