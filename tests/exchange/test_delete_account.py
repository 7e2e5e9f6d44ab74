"""Delete my account: typed confirmation and password, then every row of it gone, no other."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.db import connection
from django.test import Client
from django.urls import reverse

from tending.core.models import User
from tending.exchange import uploads
from tending.exchange.export import export_document
from tending.journal.kept_searches import keep_search
from tests.exchange import test_json_export
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db
full_account = test_json_export.full_account  # one of everything an account can hold
DELETE = reverse("exchange:delete_account")


def rows_per_table() -> dict[str, int]:
    """Rows in every table of the database (a search index's inner tables left out)."""
    tables = connection.introspection.table_names()
    fts = [name for name in tables if name.endswith("_fts")]
    counted = {}
    with connection.cursor() as cursor:
        for table in tables:
            if table == "sqlite_sequence" or any(table.startswith(f"{f}_") for f in fts):
                continue
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
            counted[table] = cursor.fetchone()[0]
    return counted


def owned_models() -> list:
    return [m for m in apps.get_models() if any(f.name == "owner" for f in m._meta.fields)]


def without_time(document: dict) -> dict:
    return {name: value for name, value in document.items() if name != "exported_at"}


@pytest.fixture
def others_life(other):
    sam = PersonFactory(owner=other, name="Other Sam")
    MomentFactory(owner=other, people=[sam], note="Other moment")
    JournalEntryFactory(owner=other, title="Other title", body="Other body")
    return other


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_every_row_of_the_account_goes_and_no_other(request, others_life, tmp_path, settings):
    settings.DATA_DIR = tmp_path
    other_client = logged_in(others_life)
    baseline = rows_per_table()
    others_before = without_time(export_document(others_life))

    owner = request.getfixturevalue("full_account")
    here, elsewhere = logged_in(owner), logged_in(owner)  # two browsers, say
    session = here.session
    keep_search(session, {"q": "heron"})
    session.save()
    waiting = uploads.keep(tmp_path, owner.pk, "tending", b"{}")
    for model in owned_models():
        assert model.objects.filter(owner=owner).exists(), f"no {model.__name__} to delete"
    assert rows_per_table() != baseline

    response = here.post(DELETE, {"typed": "owner", "password": "a-long-test-password"})
    assert response.status_code == 302 and response["Location"] == reverse("exchange:goodbye")

    assert rows_per_table() == baseline
    assert not User.objects.filter(username="owner").exists()
    assert without_time(export_document(others_life)) == others_before
    assert not waiting.path.exists() and not uploads.folder(tmp_path, owner.pk).exists()
    for client in (here, elsewhere):  # logged out everywhere
        page = client.get(reverse("today:today"))
        assert page.status_code == 302 and page["Location"].startswith(reverse("core:login"))
    assert other_client.get(reverse("today:today")).status_code == 200
    goodbye = here.get(reverse("exchange:goodbye"))
    assert goodbye.status_code == 200 and "Your account is gone" in goodbye.content.decode()


@pytest.mark.parametrize(
    ("typed", "password", "said"),
    [
        ("", "a-long-test-password", "typed_error"),
        ("Owner", "a-long-test-password", "That is not your user name"),
        ("other", "a-long-test-password", "That is not your user name"),
        ("owner", "wrong password", "That is not your password"),
        ("owner", "", "password_error"),
    ],
)
def test_without_the_typed_name_and_password_nothing_is_deleted(owner, typed, password, said):
    client = logged_in(owner)
    PersonFactory(owner=owner, name="Still here")
    before = rows_per_table()
    response = client.post(DELETE, {"typed": typed, "password": password})
    assert response.status_code == 200 and said in response.content.decode()
    assert rows_per_table() == before
    assert client.get(reverse("today:today")).status_code == 200


def test_the_page_says_what_will_go(owner_client):
    page = owner_client.get(DELETE).content.decode()
    assert "cannot be undone" in page and 'name="typed"' in page and 'name="password"' in page


def test_spaces_around_the_typed_name_are_forgiven_but_a_password_is_taken_as_it_is(owner):
    owner.set_password("  spaced out words  ")
    owner.save()
    client = logged_in(owner)
    said = client.post(DELETE, {"typed": " owner ", "password": "spaced out words"})
    assert "That is not your password" in said.content.decode()
    assert User.objects.filter(pk=owner.pk).exists()
    gone = client.post(DELETE, {"typed": " owner ", "password": "  spaced out words  "})
    assert gone.status_code == 302 and not User.objects.filter(pk=owner.pk).exists()
