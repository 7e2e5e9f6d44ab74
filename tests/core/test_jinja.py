"""The Jinja2 environment: addresses, dates in the person's zone, the form pieces, strictness."""

from __future__ import annotations

import datetime
import re
import zoneinfo

import jinja2
import pytest
from django import forms
from django.template import engines
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tending.core import jinja


def render(source: str, **context) -> str:
    return engines["jinja"].from_string(source).render(context)


def test_url_matches_reverse_for_every_kind_of_argument():
    assert jinja.url("core:home") == reverse("core:home")
    assert jinja.url("moments:detail", 7) == reverse("moments:detail", args=[7])
    assert jinja.url("moments:detail", 1234567) == "/moments/1234567/"
    assert jinja.url("checkins:history", "daily-pulse") == reverse(
        "checkins:history", args=["daily-pulse"]
    )
    assert jinja.url("moments:detail", moment_id=3) == reverse("moments:detail", args=[3])


def test_url_forgets_its_shapes_when_the_url_configuration_changes():
    assert jinja.url("moments:detail", 5) == "/moments/5/"
    with override_settings(ROOT_URLCONF="tests.core.moved_urls"):
        assert jinja.url("moments:detail", 5) == "/elsewhere/5/"
    assert jinja.url("moments:detail", 5) == "/moments/5/"


def test_date_shows_an_aware_time_in_the_current_zone_as_django_templates_do():
    moment = datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC)
    with timezone.override(zoneinfo.ZoneInfo("Europe/Berlin")):
        assert render('{{ when|date("j M Y, H:i") }}', when=moment) == "2 Mar 2026, 00:30"
    assert render('{{ day|date("j M") }}', day=datetime.date(2026, 3, 1)) == "1 Mar"
    assert render('{{ nothing|date("j M") }}', nothing=None) == ""


def test_a_name_left_out_of_the_context_is_an_error_not_an_empty_string():
    with pytest.raises(jinja2.UndefinedError):
        render("{{ missing }}")


class Sample(forms.Form):
    note = forms.CharField(widget=forms.Textarea, help_text="As long as you like.")
    private = forms.BooleanField(required=False, label="Keep it to myself")


def test_field_macro_renders_a_textarea_and_puts_a_checkbox_before_its_label():
    form = Sample(data={"note": ""})
    form.is_valid()
    html = render(
        '{% from "core/forms.html" import field, form_errors %}'
        "{{ form_errors(form) }}{{ field(form['note']) }}{{ field(form['private']) }}",
        form=form,
    )
    assert "<textarea" in html and 'class="field has-error"' in html
    assert 'id="id_note_helptext">As long as you like.' in html
    assert 'id="id_note_error"><p>This field is required.</p>' in html
    assert "Something needs another look" in html
    box = html[html.index('class="field checkbox"') :]
    assert box.index('type="checkbox"') < box.index("Keep it to myself")


def test_the_test_client_sees_what_a_page_rendered(client, django_user_model):
    user = django_user_model.objects.create_user(username="ana", password=None)
    client.force_login(user)
    response = client.get(reverse("moments:list"))
    assert response.status_code == 200
    assert "page" in response.context and response.context["user"] == user
    assert "moments/list.html" in [t.name for t in response.templates]


def test_every_form_on_a_page_carries_one_token_and_it_is_accepted(django_user_model):
    from django.test import Client

    from tests.factories import PersonFactory

    user = django_user_model.objects.create_user(username="bo", password=None)
    person = PersonFactory(owner=user)
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    page = browser.get(reverse("today:today")).content.decode()
    tokens = set(re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', page))
    assert len(tokens) == 1 and re.findall(r'"X-CSRFToken": "([^"]+)"', page) == list(tokens)
    answer = browser.post(
        reverse("today:not_now", args=[person.pk]), {"csrfmiddlewaretoken": tokens.pop()}
    )
    assert answer.status_code == 302


def page_template(source: str) -> jinja._Template:
    backend = engines["jinja"]
    return jinja._Template(backend.env.from_string(source), backend)


def test_a_page_reads_its_prefix_once_and_leaves_none_behind(rf):
    from django.urls import get_script_prefix, set_script_prefix

    before = get_script_prefix()
    page = page_template("{{ url('moments:detail', 5) }} {{ url('core:home') }}")
    try:
        set_script_prefix("/sub/")
        assert page.render({}, rf.get("/")) == "/sub/moments/5/ /sub/"
        set_script_prefix("/")
        # Drawn under /sub/ a moment ago; an address asked for now follows the prefix now.
        assert jinja.url("moments:detail", 5) == "/moments/5/"
        assert page.render({}, rf.get("/")) == "/moments/5/ /"
    finally:
        set_script_prefix(before)


def test_an_address_is_kept_under_the_prefix_it_was_made_with(rf):
    from django.urls import get_script_prefix, set_script_prefix

    before = get_script_prefix()

    def move() -> str:
        set_script_prefix("/moved/")
        return ""

    page = page_template("{{ move() }}{{ url('journal:list') }}")
    try:
        set_script_prefix("/first/")
        # The prefix changes after the page began: the address is what reverse() says now.
        assert page.render({"move": move}, rf.get("/")) == reverse("journal:list")
        assert reverse("journal:list").startswith("/moved/")
        set_script_prefix("/first/")
        assert page_template("{{ url('journal:list') }}").render({}, rf.get("/")) == (
            reverse("journal:list")
        )
        assert reverse("journal:list").startswith("/first/")
    finally:
        set_script_prefix(before)


def test_addresses_with_words_are_reverses_own_and_follow_the_configuration():
    assert jinja.url("checkins:take", "daily-pulse") == reverse(
        "checkins:take", args=["daily-pulse"]
    )
    assert jinja.url("checkins:take", "daily-pulse") == "/checkins/daily-pulse/"
    assert jinja.url("moments:detail", moment_id=4) == "/moments/4/"
    with override_settings(ROOT_URLCONF="tests.core.moved_urls"):
        assert jinja.url("moments:detail", moment_id=4) == "/elsewhere/4/"
    assert jinja.url("moments:detail", moment_id=4) == "/moments/4/"


def test_words_reverse_would_refuse_are_refused_every_time():
    from django.urls import NoReverseMatch

    for _ in range(2):
        with pytest.raises(NoReverseMatch):
            jinja.url("checkins:take", "not a/name")


def test_only_so_many_answers_are_kept(monkeypatch):
    monkeypatch.setattr(jinja, "ANSWERS_KEPT", 3)
    jinja._answers.clear()
    for n in range(10):
        assert jinja.url("checkins:take", f"made-up-{n}") == f"/checkins/made-up-{n}/"
        assert len(jinja._answers) <= 3


def test_static_addresses_are_djangos_kept_for_each_prefix_and_setting(settings):
    from django.templatetags.static import static
    from django.urls import set_script_prefix

    from tending.core import jinja

    assert jinja.static_url("tending/tending.css") == static("tending/tending.css")
    settings.STATIC_URL = "/assets/"
    assert jinja.static_url("tending/tending.css") == "/assets/tending/tending.css"
    settings.STATIC_URL = "static/"  # relative: under the prefix the site is served under
    try:
        for prefix in ("/tending/", "/"):
            set_script_prefix(prefix)
            assert jinja.static_url("tending/a.js") == static("tending/a.js")
        assert jinja.static_url("tending/a.js").endswith("/static/tending/a.js")
        assert set(jinja._static_urls) >= {("/tending/", "tending/a.js"), ("/", "tending/a.js")}
    finally:
        set_script_prefix("/")
