"""The one way views reach private rows: through their owner, so another account gets a 404."""

from __future__ import annotations

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)


MAX_ROW_ID = 2**63 - 1


def is_row_id(value) -> bool:
    """Whether `value` could be a primary key: digits only, within a 64-bit integer."""
    text = str(value).strip()
    # isascii: "²" is a digit to Python but not a number; 19 digits keeps int() cheap.
    return text.isascii() and text.isdigit() and len(text) <= 19 and int(text) <= MAX_ROW_ID


def owned(model: type[M], user) -> QuerySet[M]:
    """All rows of `model` that belong to `user`; nothing for an anonymous visitor."""
    if not getattr(user, "is_authenticated", False):
        return model._default_manager.none()
    return model._default_manager.filter(owner=user)


def get_owned_or_404(model: type[M], user, **lookup) -> M:
    return one_or_404(owned(model, user), **lookup)


def one_or_404(queryset: QuerySet[M], **lookup) -> M:
    """The one row of an already-owned queryset (built on `owned`) matching `lookup`, or 404."""
    try:
        return queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError, OverflowError):
        raise Http404(f"No {queryset.model._meta.verbose_name} here.") from None
