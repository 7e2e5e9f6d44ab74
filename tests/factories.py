"""factory_boy factories for the owned rows of tending."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.utils import timezone

from tending.circle.models import ClosenessRating, Person
from tending.moments.models import Moment


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"person{n}")
    time_zone = "Europe/Berlin"
    password = factory.PostGenerationMethodCall("set_password", "a-long-test-password")

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"Friend {n}")
    kind = "friend"
    ring = "middle"
    rhythm_days = 30


class ClosenessRatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClosenessRating

    person = factory.SubFactory(PersonFactory)
    owner = factory.SelfAttribute("person.owner")
    value = 4


class MomentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Moment
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory)
    occurred_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def people(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.people.set(extracted)


class PlanEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "safety.PlanEntry"

    owner = factory.SubFactory(UserFactory)
    part = "coping"
    text = factory.Sequence(lambda n: f"Something that helps {n}")
    position = factory.Sequence(lambda n: n)


class PlanHelperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "safety.PlanHelper"

    person = factory.SubFactory(PersonFactory, is_safe=True, phone="+49 170 1234567")
    owner = factory.SelfAttribute("person.owner")
    position = factory.Sequence(lambda n: n)


class CrisisSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "safety.CrisisSettings"

    owner = factory.SubFactory(UserFactory)
    region = "GB"


class OwnCrisisLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "safety.OwnCrisisLine"

    owner = factory.SubFactory(UserFactory)
    name = factory.Sequence(lambda n: f"My crisis team {n}")
    number = "030 1234 5678"
    position = factory.Sequence(lambda n: n)


class JournalEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "journal.Entry"
        skip_postgeneration_save = True

    owner = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"An entry {n}")
    body = "A quiet day."

    @factory.post_generation
    def people(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.people.set(extracted)
