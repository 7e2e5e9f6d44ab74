"""Keep each person's `last_moment_at` right whenever a moment or its people change.

Signals, not calls in each view: a moment is saved by forms, the command line and (later)
imports, and every path must keep the circle right. Deleting goes through
`moments.services.delete_moments`, which refreshes explicitly: a delete signal would stop
Django's fast cascade and make deleting an account with years of moments very slow.
"""

from __future__ import annotations

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from tending.circle.services import refresh_last_moments
from tending.moments.models import Moment


@receiver(post_save, sender=Moment)
def moment_saved(sender, instance: Moment, created: bool, **kwargs) -> None:
    if not created and not kwargs.get("raw"):  # a new moment has no people yet
        refresh_last_moments(instance.people.values_list("pk", flat=True))


@receiver(m2m_changed, sender=Moment.people.through)
def people_changed(sender, instance, action: str, reverse: bool, pk_set, **kwargs) -> None:
    if action == "pre_clear":
        # Who was in it, before they are gone.
        instance._people_before_clear = (
            [instance.pk] if reverse else list(instance.people.values_list("pk", flat=True))
        )
        return
    if action == "post_clear":
        ids = getattr(instance, "_people_before_clear", [])
    elif action in ("post_add", "post_remove"):
        ids = [instance.pk] if reverse else list(pk_set or ())
    else:
        return
    refresh_last_moments(ids)
