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
