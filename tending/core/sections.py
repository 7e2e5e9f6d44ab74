"""A long form in short sections: what each holds, and which open by themselves."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

# A section of a form: its key (for an id), its title, and the names of its fields.
Layout = Sequence[tuple[str, str, Sequence[str]]]


def is_answered(value: object) -> bool:
    """Whether a field's value says something: a skipped choice or an empty box does not."""
    if value is None:
        return False
    if isinstance(value, str):
        return value.strip() != ""
    if isinstance(value, list | tuple | set):
        return any(is_answered(v) for v in value)
    return True


@dataclass(frozen=True)
class Section:
    """One closed-or-open part of a form, and what its summary line says about it."""

    key: str
    title: str
    names: tuple[str, ...]
    answered: int
    errors: int

    @property
    def is_open(self) -> bool:
        """A section holding a note about what was typed opens by itself, so it is seen."""
        return self.errors > 0

    @property
    def status(self) -> str:
        """The words beside the title: a problem first, then how much is filled in."""
        if self.errors:
            return _("Needs another look")
        if self.answered:
            # The same words sections.js writes as answers are given (from base.html's <body>).
            return _("%(answered)s of %(total)s answered") % {
                "answered": self.answered,
                "total": len(self.names),
            }
        return ""


def sections(
    values: Mapping[str, object], errors: Collection[str], layout: Layout
) -> list[Section]:
    """The form's sections, each with how many of its fields hold an answer or a note."""
    return [
        Section(
            key=key,
            title=title,
            names=tuple(names),
            answered=sum(1 for name in names if is_answered(values.get(name))),
            errors=sum(1 for name in names if name in errors),
        )
        for key, title, names in layout
    ]


def form_sections(form, layout: Layout) -> list[Section]:
    """sections() for a Django form: the values it shows and the fields with notes."""
    names = [name for _, _, group in layout for name in group]
    values = {name: form[name].value() for name in names}
    return sections(values, form.errors, layout)


def parts_to_open(parts: Sequence[tuple[str, bool]], asked: Collection[str]) -> set[str]:
    """Which parts of a page of parts (key, has something written) start open.

    The ones asked for (just added to, holding a note or a line being moved); with none,
    the first part with nothing in it yet: the next step.
    """
    wanted = {key for key, _ in parts if key in asked}
    if wanted:
        return wanted
    return next(({key} for key, filled in parts if not filled), set())
