"""A host's own instrument folder adds check-ins next to the built-ins."""

import shutil

import pytest
from django.test import override_settings
from django.urls import reverse

from tending.checkins import registry
from tending.checkins.definitions import InstrumentError, builtin_folder


@pytest.fixture
def host_folder(tmp_path):
    text = (builtin_folder() / "connection.toml").read_text(encoding="utf-8")
    extra = text.replace('id = "connection"', 'id = "host-scale"').replace(
        'title = "Connection"', 'title = "A host scale"'
    )
    (tmp_path / "host-scale.toml").write_text(extra, encoding="utf-8")
    registry.instruments.cache_clear()
    yield tmp_path
    registry.instruments.cache_clear()


@pytest.mark.django_db
def test_extra_definitions_are_offered(host_folder, owner_client):
    with override_settings(INSTRUMENTS_DIR=host_folder):
        registry.instruments.cache_clear()
        assert registry.get_instrument("host-scale").title == "A host scale"
        html = owner_client.get(reverse("checkins:index")).content.decode()
        assert "A host scale" in html and "Weekly well-being" in html


def test_a_duplicate_id_in_the_host_folder_is_refused(host_folder):
    shutil.copy(builtin_folder() / "stress.toml", host_folder / "stress-copy.toml")
    with override_settings(INSTRUMENTS_DIR=host_folder), pytest.raises(InstrumentError) as error:
        registry.instruments.cache_clear()
        registry.instruments()
    assert "stress" in str(error.value)
