"""Changes to moments, shared by the web pages and the command line."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tending.circle.models import Person
from tending.circle.services import refresh_last_moments
from tending.core.signals import owned_rows_deleted
from tending.core.tags import tags_for, validate_tag_names
from tending.moments.models import Moment


@transaction.atomic
def log_moment(owner, people: Iterable[Person], tag_names: Iterable[str] = (), **fields) -> Moment:
    """Save a moment with `people`, all of whom must belong to `owner`."""
    people = list(people)
    if not people:
        raise ValidationError({"people": _("Please choose at least one person.")})
    if any(p.owner_id != owner.pk for p in people):
        raise ValidationError({"people": _("Those people are not in your circle.")})
    names = list(tag_names)
    validate_tag_names(names)
    moment = Moment(owner=owner, **fields)
    moment.full_clean(exclude=["owner"])
    moment.save()
    moment.people.set(people)
    if names:
        moment.tags.set(tags_for(owner, names))
    return moment


@transaction.atomic
def delete_moments(moments: QuerySet[Moment]) -> int:
    """Delete these moments, and set the last moment of everyone who was in them again."""
    people = set(
        Moment.people.through.objects.filter(moment__in=moments).values_list("person_id", flat=True)
    )
    owners = set(moments.values_list("owner_id", flat=True))
    deleted, _ = moments.delete()
    refresh_last_moments(people)
    owned_rows_deleted.send(sender=Moment, owner_ids=owners)
    return deleted
