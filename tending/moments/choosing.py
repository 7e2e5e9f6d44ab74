"""Choosing people and fixed choices on a form, without the costs a page does not need.

A form page shows sixty people as chips and nine questions of fixed choices. Through Django's
fields, each request built a queryset it never ran (the chips are written from plain rows), and
copied every choice of every question; here the people are read as plain rows with SQL written
out, the queryset is built only when a choice is checked, and fixed choices are shared.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.db import connection
from django.db.models import QuerySet
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from tending.circle.models import Person
from tending.core.ownership import is_row_id

# (id, name, ring, archived) of the people a row can be with: the owner's active people, and
# any archived ones already in it (through its own links, not a join through all of theirs).
ACTIVE_PEOPLE_SQL = """
SELECT p."id", p."name", p."ring", p."is_archived" FROM "circle_person" p
WHERE p."owner_id" = %s AND NOT p."is_archived" ORDER BY p."name", p."id"
"""
PEOPLE_OF_ROW_SQL = """
SELECT p."id", p."name", p."ring", p."is_archived" FROM "circle_person" p
WHERE p."owner_id" = %s AND (NOT p."is_archived" OR p."id" IN (
  SELECT l."person_id" FROM "{links}" l WHERE l."{column}" = %s
)) ORDER BY p."name", p."id"
"""
PEOPLE_OF_MOMENT_SQL = PEOPLE_OF_ROW_SQL.format(links="moments_moment_people", column="moment_id")
NOT_IN_CIRCLE = _("That person is not in your circle.")


def people_rows(
    user, moment_id: int | None = None, of_row: str = PEOPLE_OF_MOMENT_SQL
) -> Callable[[], list[tuple]]:
    """A reader of the people a moment (or a new one) can be with, as PeopleField.offer takes;
    with `of_row` (PEOPLE_OF_ROW_SQL for another link table), those of another kind of row."""

    def read() -> list[tuple]:
        if not getattr(user, "is_authenticated", False):
            return []
        sql, params = ACTIVE_PEOPLE_SQL, [user.pk]
        if moment_id is not None:
            sql, params = of_row, [user.pk, moment_id]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [(pk, name, ring, bool(archived)) for pk, name, ring, archived in cursor]

    return read


class _Choices(ModelChoiceIterator):
    """The field's choices, its queryset looked up when they are iterated, not when made."""

    def __init__(self, field):
        self.field = field

    @property
    def queryset(self) -> QuerySet:
        return self.field.queryset


class PeopleField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple
    iterator = _Choices
    _make_queryset: Callable[[], QuerySet] | None = None
    _read_rows: Callable[[], list[tuple]] | None = None

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Who was it with?"))
        kwargs.setdefault(
            "error_messages",
            {
                "required": _("Who was it with? Please choose at least one person."),
                "invalid_choice": NOT_IN_CIRCLE,
                "invalid_pk_value": NOT_IN_CIRCLE,
            },
        )
        super().__init__(queryset=Person.objects.none(), **kwargs)

    def offer(self, queryset: Callable[[], QuerySet], rows: Callable[[], list[tuple]]) -> None:
        """The people to choose from: `rows` reads them for the page, (id, name, ring,
        archived) in order; `queryset` makes the same people as a queryset, only when a choice
        is checked or the choices are iterated."""
        self._make_queryset, self._read_rows = queryset, rows

    def _get_queryset(self) -> QuerySet:
        if self._make_queryset is not None:
            make, self._make_queryset = self._make_queryset, None
            self._queryset = make().all()
        return self._queryset

    def _set_queryset(self, queryset) -> None:
        self._make_queryset = self._read_rows = None
        super()._set_queryset(queryset)

    queryset = property(_get_queryset, _set_queryset)

    def rows(self) -> list[tuple]:
        """(id, name, ring, archived) of each person offered, in order."""
        if self._read_rows is not None:
            return self._read_rows()
        return list(self.queryset.values_list("id", "name", "ring", "is_archived"))

    def _check_values(self, value):
        if any(not is_row_id(v) for v in value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super()._check_values(value)
