"""Settings → Your data on the web: downloads, import with preview and confirm."""

from __future__ import annotations

import json
import os
import stat
import time

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tending.circle.models import Person
from tending.exchange import formats, uploads, web
from tending.exchange.export import export_document
from tending.exchange.foreign import SOURCES
from tending.exchange.importer import account_data
from tests.exchange import test_json_export
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db
full_account = test_json_export.full_account  # one of everything an account can hold
PAGE = reverse("exchange:your_data")
IMPORT = reverse("exchange:import")


@pytest.fixture(autouse=True)
def private_data_dir(tmp_path, settings):
    settings.DATA_DIR = tmp_path / "data"
    settings.DATA_DIR.mkdir(mode=0o700)
    return settings.DATA_DIR


@pytest.fixture
def fake_source(monkeypatch):
    monkeypatch.setitem(SOURCES, "fake", "tests.exchange.fake_source")
    return "fake"


def waiting(user) -> list:
    place = uploads.folder(settings.DATA_DIR, user.pk)
    return sorted(place.iterdir()) if place.is_dir() else []


def upload(client: Client, data: bytes, source: str = "tending", name: str = "file.json"):
    return client.post(IMPORT, {"source": source, "file": SimpleUploadedFile(name, data)})


def newcomer() -> tuple:
    user = UserFactory(username="newcomer")
    client = Client()
    client.force_login(user)
    return user, client


def test_settings_lead_to_your_data(owner_client):
    assert PAGE in owner_client.get(reverse("core:settings")).content.decode()


def test_the_page_offers_every_registered_format_and_source(owner_client, monkeypatch):
    extra = formats.ExportFormat("fancy", "Fancy things, as a test", ".fy", "text/plain", None)
    monkeypatch.setitem(formats.EXPORT_FORMATS, "fancy", extra)
    monkeypatch.setitem(SOURCES, "fake", "tests.exchange.fake_source")
    page = owner_client.get(PAGE).content.decode()
    for known in formats.EXPORT_FORMATS.values():
        assert known.label in page and f'value="{known.name}"' in page
    assert "Fake Tool (text)" in page and "own export (JSON)" in page
    assert reverse("today:calendar") in page
    assert reverse("exchange:delete_account") in page
    assert "can take a few seconds" in page
    assert "At most 64 MB." in page and web.LARGEST_UPLOAD == 64 * 2**20  # as the README says


def test_the_json_download_is_streamed_whole_and_not_cached(full_account, owner_client):
    response = owner_client.post(reverse("exchange:export"), {"format": "json"})
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert '"tending-owner-' in disposition and disposition.endswith('.json"')
    assert len(disposition.split("owner-")[1].split(".")[0]) == len("2026-03-14")
    document = json.loads(b"".join(response.streaming_content))
    expected = export_document(full_account)
    assert {k: v for k, v in document.items() if k != "exported_at"} == {
        k: v for k, v in expected.items() if k != "exported_at"
    }


def test_a_download_is_only_ever_the_own_account(full_account, other_client):
    response = other_client.post(reverse("exchange:export"), {"format": "json"})
    assert "Sam Rivera" not in b"".join(response.streaming_content).decode()


def test_an_unknown_format_or_a_get_goes_back_to_the_page(owner_client):
    assert owner_client.get(reverse("exchange:export"))["Location"] == PAGE
    response = owner_client.post(reverse("exchange:export"), {"format": "nope"}, follow=True)
    assert "Choose one of the downloads" in response.content.decode()


def test_export_then_import_into_a_new_account_with_preview_and_confirm(full_account, owner_client):
    data = b"".join(
        owner_client.post(reverse("exchange:export"), {"format": "json"}).streaming_content
    )
    user, client = newcomer()
    preview = upload(client, data)
    page = preview.content.decode()
    assert preview.status_code == 200 and "What this file holds" in page
    assert "people: 2" in page and "journal entries: 1" in page
    assert account_data(user) == {}  # a preview writes nothing
    [kept] = waiting(user)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    token = kept.name.split(".")[0]
    assert token not in json.dumps(dict(client.session.items()))  # not in the session
    done = client.post(reverse("exchange:import_preview", args=[token]), {"action": "add"})
    assert done.status_code == 200 and "It is in tending now" in done.content.decode()
    assert "people: 2" in done.content.decode()
    assert Person.objects.filter(owner=user, name="Sam Rivera").exists()
    assert account_data(user) == account_data(full_account)
    assert waiting(user) == []


def test_an_account_with_data_is_told_why_and_nothing_is_added(full_account, owner_client):
    data = json.dumps(export_document(full_account)).encode()
    before = account_data(full_account)
    page = upload(owner_client, data).content.decode()
    assert "already holds data" in page and 'value="add"' not in page
    token = waiting(full_account)[0].name.split(".")[0]
    url = reverse("exchange:import_preview", args=[token])
    assert "already holds data" in owner_client.post(url, {"action": "add"}).content.decode()
    assert account_data(full_account) == before
    owner_client.post(url, {"action": "cancel"})
    assert waiting(full_account) == []


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"{not json", "This is not valid JSON"),
        (b"\xff\xfe", "not UTF-8"),
        (b'{"format": "something else"}', "Nothing was added."),
    ],
)
def test_a_bad_file_is_explained_next_to_the_field_and_nothing_kept(data, said):
    user, client = newcomer()
    response = upload(client, data)
    page = response.content.decode()
    assert response.status_code == 200 and said in page
    assert 'id="id_file_error"' in page and "Nothing was added." in page
    assert waiting(user) == [] and account_data(user) == {}


def test_a_missing_file_is_asked_for(owner_client):
    page = owner_client.post(IMPORT, {"source": "tending"}).content.decode()
    assert 'id="id_file_error"' in page


def test_a_file_over_the_cap_is_refused_with_the_reason(monkeypatch):
    monkeypatch.setattr(web, "LARGEST_UPLOAD", 1000)
    user, client = newcomer()
    page = upload(client, b"{" + b" " * 5000 + b"}").content.decode()
    assert "larger than" in page and 'id="id_file_error"' in page
    assert waiting(user) == []
    # Just under the cap is read as usual (and then found not to be tending's).
    page = upload(client, b"[" + b" " * 900 + b"]").content.decode()
    assert "larger than" not in page and "Nothing was added." in page


def test_another_account_cannot_see_or_confirm_an_upload(full_account, other_client):
    user, client = newcomer()
    upload(client, json.dumps(export_document(full_account)).encode())
    [kept] = waiting(user)
    url = reverse("exchange:import_preview", args=[kept.name.split(".")[0]])
    assert other_client.get(url).status_code == 404
    assert other_client.post(url, {"action": "add"}).status_code == 404
    assert other_client.post(url, {"action": "cancel"}).status_code == 404
    assert kept.is_file() and account_data(user) == {}
    assert client.get(url).status_code == 200


def test_an_unknown_token_is_not_found(owner_client):
    for token in ("x" * 32, "..", "a" * 24 + ".tending"):
        url = reverse("exchange:import_preview", args=[token])
        assert owner_client.get(url).status_code == 404


def test_cancel_removes_the_file(full_account):
    user, client = newcomer()
    upload(client, json.dumps(export_document(full_account)).encode())
    [kept] = waiting(user)
    url = reverse("exchange:import_preview", args=[kept.name.split(".")[0]])
    response = client.post(url, {"action": "cancel"}, follow=True)
    assert "Nothing was added" in response.content.decode()
    assert not kept.exists() and account_data(user) == {}
    assert client.get(url).status_code == 404


def test_files_older_than_an_hour_are_swept(owner, owner_client):
    old = uploads.keep(settings.DATA_DIR, owner.pk, "tending", b"{}")
    new = uploads.keep(settings.DATA_DIR, owner.pk, "tending", b"{}")
    hour_ago = time.time() - uploads.KEEP_SECONDS - 5
    os.utime(old.path, (hour_ago, hour_ago))
    url = reverse("exchange:import_preview", args=[old.token])
    assert owner_client.get(url).status_code == 404 and not old.path.exists()
    os.utime(new.path, (hour_ago, hour_ago))
    owner_client.get(PAGE)
    assert not new.path.exists()


def test_a_foreign_file_shows_what_is_new_doubled_and_kept_then_adds_the_chosen(
    owner, owner_client, fake_source
):
    PersonFactory(owner=owner, name="Ada")
    data = b"person: Ada\nperson: Bea\nperson: Cy\nperson: Di\nbirthday 3 May\n"
    page = upload(owner_client, data, fake_source, "people.txt").content.decode()
    assert "Read as: Fake Tool (text)" in page
    assert "3 people" in page  # Bea, Cy and Di are new
    assert "Ada is in your circle already" in page
    assert "birthday 3 May → a person&#39;s notes" in page
    assert page.count('type="checkbox" name="chosen"') == 4
    assert 'value="0" id="item-0">' in page  # the duplicate is not ticked
    assert 'value="1" id="item-1" checked>' in page
    token = waiting(owner)[0].name.split(".")[0]
    url = reverse("exchange:import_preview", args=[token])
    done = owner_client.post(url, {"action": "add", "choosing": "1", "chosen": ["1", "3", "9"]})
    text = done.content.decode()
    assert "2 people" in text and "birthday 3 May" in text
    names = set(Person.objects.filter(owner=owner).values_list("name", flat=True))
    assert names == {"Ada", "Bea", "Di"}
    assert waiting(owner) == []


def test_a_long_foreign_file_lists_a_few_and_adds_the_rest_as_usual(
    owner, owner_client, fake_source, monkeypatch
):
    monkeypatch.setattr("tending.exchange.views.SHOWN_ITEMS", 2)
    data = b"".join(f"person: P{n}\n".encode() for n in range(5))
    page = upload(owner_client, data, fake_source).content.decode()
    assert page.count('name="chosen"') == 2 and "and 3 more" in page
    token = waiting(owner)[0].name.split(".")[0]
    url = reverse("exchange:import_preview", args=[token])
    owner_client.post(url, {"action": "add", "choosing": "1", "chosen": ["1"]})
    names = set(Person.objects.filter(owner=owner).values_list("name", flat=True))
    assert names == {"P1", "P2", "P3", "P4"}


def test_three_hundred_are_listed_to_choose_from(owner, owner_client, fake_source):
    data = b"".join(f"person: P{n}\n".encode() for n in range(301))
    page = upload(owner_client, data, fake_source).content.decode()
    assert page.count('name="chosen"') == 300 and "and 1 more" in page


def test_a_foreign_file_that_cannot_be_read_says_why(owner, owner_client, fake_source):
    page = upload(owner_client, b"broken\n", fake_source).content.decode()
    assert "not a Fake Tool file" in page and 'id="id_file_error"' in page
    assert waiting(owner) == [] and not Person.objects.filter(owner=owner).exists()


def test_a_foreign_add_that_fails_adds_nothing(owner, owner_client, fake_source, monkeypatch):
    from tests.exchange import fake_source as module

    upload(owner_client, b"person: Bea\nperson: Cy\n", fake_source)
    token = waiting(owner)[0].name.split(".")[0]

    def half_then_fail(reading, user, chosen=None):
        Person.objects.create(owner=user, name="Bea")
        raise module.ForeignFileError("Something in it went wrong.")

    monkeypatch.setattr(module, "add", half_then_fail)
    url = reverse("exchange:import_preview", args=[token])
    page = owner_client.post(url, {"action": "add"}).content.decode()
    assert "Something in it went wrong." in page
    assert not Person.objects.filter(owner=owner).exists()


def test_the_forms_need_the_csrf_token(owner):
    client = Client(enforce_csrf_checks=True)
    client.force_login(owner)
    assert upload(client, b"{}").status_code == 403
    assert client.post(reverse("exchange:export"), {"format": "json"}).status_code == 403
    assert client.post(DELETE_URL, {"typed": "owner"}).status_code == 403
    assert waiting(owner) == []


DELETE_URL = reverse("exchange:delete_account")


def test_the_servers_housekeeping_sweeps_them(settings):
    from tending.housekeeping import sweep_uploads

    old = uploads.keep(settings.DATA_DIR, 1, "tending", b"a")
    hour_ago = time.time() - uploads.KEEP_SECONDS - 1
    os.utime(old.path, (hour_ago, hour_ago))
    assert sweep_uploads() == 1 and not old.path.exists()
