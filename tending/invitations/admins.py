"""Who may invite people through the web: the administrators of this tending.

One rule, the same on every page: an account with is_staff or is_superuser (made with
`tending manage createsuperuser`, or marked so by whoever runs the server), and, in personal
mode only, the oldest active account too: the one made on the welcome page, which no one
marked as staff. A hosted server has no welcome page, so there only staff count.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import Http404


def is_administrator(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.is_staff or user.is_superuser:
        return True
    if settings.HOSTED:
        return False
    accounts = get_user_model().objects.filter(is_active=True).order_by("pk")
    return accounts.values_list("pk", flat=True).first() == user.pk


def administrator_or_404(user) -> None:
    """For everyone else the invitation pages are not there at all, like another's rows."""
    if not is_administrator(user):
        raise Http404("No such page.")
