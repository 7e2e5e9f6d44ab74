"""The API under schemathesis: every operation, fed generated input over real HTTP, answers
without a server error and only in the shapes its OpenAPI description promises.

The example count is bounded so the run fits CI's time; a larger run for a release is in
docs/api.md (TENDING_FUZZ_EXAMPLES, TENDING_FUZZ_COVERAGE).
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from django.apps import apps
from hypothesis import HealthCheck, settings
from pytest_django.live_server_helper import LiveServer
from schemathesis.checks import not_a_server_error
from schemathesis.config import SchemathesisConfig
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tending.api.main import api
from tending.api.tokens import make_token
from tending.core.models import RateCount
from tending.invitations.models import Invitation
from tests.factories import UserFactory
from tests.routes import OBJECT_ARGUMENTS

EXAMPLES = int(os.environ.get("TENDING_FUZZ_EXAMPLES", "6"))
KNOWN: dict[str, int] = {}  # a real row of the fuzzing account for each path argument
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def rows_per_table() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


@pytest.fixture(scope="module")
def fuzzing(django_db_setup, django_db_blocker):
    """A live server of the module's own, and one account with a row of every kind, made once
    for every operation and committed so the server sees it on either database; afterwards
    every row the run made goes, and the database is as the run found it (table by table).

    Not pytest-django's `live_server`: it empties the whole database after every test, which
    on PostgreSQL cost a second an operation."""
    with django_db_blocker.unblock():
        before = rows_per_table()
        person = UserFactory(username="fuzzing")
        KNOWN.clear()
        KNOWN.update({arg: make(person).pk for arg, make in OBJECT_ARGUMENTS.items()})
        secret = make_token(person, "fuzzing", can_write=True, days=None)[1]
        server = LiveServer("localhost:0")
    server._live_server_modified_settings.enable()
    try:
        yield server.url, {"Authorization": f"Bearer {secret}"}, django_db_blocker
    finally:
        server._live_server_modified_settings.disable()
        server.stop()
        with django_db_blocker.unblock():
            # An invitation outlives the administrator who made it (who came in with it).
            Invitation.objects.filter(pk=KNOWN["invite_id"]).delete()
            person.delete()
            RateCount.objects.all().delete()  # the token's requests, counted
            left = {label: n for label, n in rows_per_table().items() if n != before[label]}
        assert not left, f"the fuzzing run left rows behind: {left}"


# Schemathesis's coverage phase (every boundary of every field, some fifty calls an
# operation) doubled the suite's time on PostgreSQL; the release run turns it on.
COVERAGE = os.environ.get("TENDING_FUZZ_COVERAGE", "") == "1"
CONFIG = SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": COVERAGE}}})
# The description as the live server gives it (tests/api/test_tokens.py fetches it over HTTP).
schema = schemathesis.openapi.from_dict(api.get_openapi_schema(), config=CONFIG)


@schemathesis.hook
def map_path_parameters(context, path_parameters):
    # Every other generated id becomes a row that exists, so the operations' real work is
    # fuzzed too, not only their 404s (chosen from the value: hypothesis needs it repeatable).
    for name, value in (path_parameters or {}).items():
        if name in KNOWN and isinstance(value, int) and value % 2 == 0:
            path_parameters[name] = KNOWN[name]
    return path_parameters


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_its_promises(case, fuzzing, db):
    base_url, headers, _ = fuzzing
    case.call_and_validate(base_url=base_url, headers=headers, checks=CHECKS)
