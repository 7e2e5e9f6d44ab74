"""The conversation ladder pages: starting one with a person, moving on (answered or passed,
once however often a button is pressed), the end and the moment it offers to log, stopping and
carrying on, the history, deleting, and nobody else's person or session."""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tending.circle.models import Person
from tending.growth.ladders import ladder
from tending.growth.models import LadderSession
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

SETS = ladder()
LAST_SET, LAST_PROMPT = len(SETS) - 1, len(SETS[-1].prompts) - 1


@pytest.fixture
def sam(owner):
    return PersonFactory(owner=owner, name="Sam")


def a_session(owner, person, **fields) -> LadderSession:
    return LadderSession.objects.create(owner=owner, person=person, **fields)


def page_of(client, session, query="") -> str:
    response = client.get(reverse("growth:ladder", args=[session.pk]) + query)
    assert response.status_code == 200
    return response.content.decode()


def step(client, session, action, set_index=None, prompt_index=None):
    """Press a button on the session page, as it was showing (or showing the place given)."""
    session.refresh_from_db()
    data = {
        "action": action,
        "set_index": session.set_index if set_index is None else set_index,
        "prompt_index": session.prompt_index if prompt_index is None else prompt_index,
    }
    response = client.post(reverse("growth:ladder", args=[session.pk]), data)
    assert response.status_code == 302
    assert response["Location"] == reverse("growth:ladder", args=[session.pk])
    session.refresh_from_db()
    return session


def moment_href(html: str) -> str:
    """Where the page's "Log a moment with …" link goes."""
    return re.search(r'href="([^"]+)">Log a moment with', html).group(1).replace("&amp;", "&")


def moment_link(html: str) -> dict:
    """The query of the page's "Log a moment with …" link, as {name: value}."""
    parts = urlsplit(moment_href(html))
    assert parts.path == reverse("moments:add")
    return {name: values[0] for name, values in parse_qs(parts.query).items()}


def test_starting_a_ladder_makes_a_session_and_opens_it(owner, owner_client, sam):
    response = owner_client.post(reverse("growth:ladder_start"), {"person": sam.pk, "starter": "1"})
    session = LadderSession.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("growth:ladder", args=[session.pk])
    assert (session.owner, session.person, session.starter) == (owner, sam, 1)
    assert (session.set_index, session.prompt_index, session.answered, session.passed) == (
        0, 0, 0, 0,
    )  # fmt: skip
    html = page_of(owner_client, session)
    assert SETS[0].title in html and "Prompt 1 of 12" in html
    assert f'<p class="ladder-prompt">{SETS[0].prompts[0]}</p>' in html.replace("&#39;", "'")
    assert "<bdi>Sam</bdi> answers first, then you" in html
    assert 'name="set_index" value="0"' in html and 'name="prompt_index" value="0"' in html


def test_turns_alternate_who_answers_first_passes_included(owner, owner_client, sam):
    session = a_session(owner, sam, starter=0)
    assert "You answer first, then <bdi>Sam</bdi>" in page_of(owner_client, session)
    step(owner_client, session, "answered")
    assert "<bdi>Sam</bdi> answers first, then you" in page_of(owner_client, session)
    step(owner_client, session, "pass")
    assert "You answer first, then <bdi>Sam</bdi>" in page_of(owner_client, session)


def test_answered_and_pass_move_on_and_are_counted(owner, owner_client, sam):
    session = a_session(owner, sam, updated_at=timezone.now() - timedelta(days=1))
    before = session.updated_at
    step(owner_client, session, "answered")
    assert (session.set_index, session.prompt_index, session.answered, session.passed) == (
        0, 1, 1, 0,
    )  # fmt: skip
    assert session.updated_at > before
    step(owner_client, session, "pass")
    assert (session.prompt_index, session.answered, session.passed) == (2, 1, 1)
    assert session.finished_at is None
    assert "Prompt 3 of 12" in page_of(owner_client, session)


def test_the_last_prompt_of_a_set_leads_to_the_next_set_with_a_pause_note(owner, owner_client, sam):
    session = a_session(owner, sam, prompt_index=len(SETS[0].prompts) - 1)
    note = "A deeper set begins. Carry on, or stop here: both are fine."
    assert note not in page_of(owner_client, session)
    step(owner_client, session, "answered")
    assert (session.set_index, session.prompt_index) == (1, 0)
    html = page_of(owner_client, session)
    assert note in html and SETS[1].title in html and "Prompt 1 of 12" in html
    step(owner_client, session, "answered")
    assert note not in page_of(owner_client, session)


@pytest.mark.parametrize(
    ("sent", "why"),
    [
        ({"set_index": 0, "prompt_index": 2}, "a tab showing an older prompt"),
        ({"set_index": 1, "prompt_index": 3}, "a place ahead of the session"),
        ({"set_index": "x", "prompt_index": 3}, "not a place"),
        ({"set_index": None}, "half a place"),
        ({"action": "skip-ten"}, "no such button"),
        ({"action": ""}, "no button at all"),
    ],
)
def test_a_button_from_a_page_not_showing_the_sessions_place_changes_nothing(
    owner, owner_client, sam, sent, why
):
    session = a_session(owner, sam, prompt_index=3, answered=3)
    data = {"action": "answered", "set_index": 0, "prompt_index": 3, **sent}
    data = {name: value for name, value in data.items() if value is not None}
    response = owner_client.post(reverse("growth:ladder", args=[session.pk]), data)
    assert response.status_code == 302, why
    assert response["Location"] == reverse("growth:ladder", args=[session.pk])
    fresh = LadderSession.objects.get()
    assert (fresh.set_index, fresh.prompt_index, fresh.answered, fresh.passed) == (0, 3, 3, 0)
    assert fresh.updated_at == session.updated_at


def test_a_button_pressed_twice_moves_on_once(owner, owner_client, sam):
    session = a_session(owner, sam)
    data = {"action": "answered", "set_index": 0, "prompt_index": 0}
    url = reverse("growth:ladder", args=[session.pk])
    owner_client.post(url, data)
    owner_client.post(url, data)
    owner_client.post(url, {**data, "action": "pass"})
    session.refresh_from_db()
    assert (session.prompt_index, session.answered, session.passed) == (1, 1, 0)


def test_the_last_prompt_finishes_and_offers_a_moment_with_everything_filled_in(
    owner, owner_client, sam
):
    started = timezone.now() - timedelta(minutes=47)
    session = a_session(
        owner, sam, set_index=LAST_SET, prompt_index=LAST_PROMPT, answered=30, passed=5,
        started_at=started,
    )  # fmt: skip
    assert "Prompt 12 of 12" in page_of(owner_client, session)
    step(owner_client, session, "pass")
    assert session.finished_at is not None and session.passed == 6
    html = page_of(owner_client, session)
    assert "Thank you" in html and "We've both answered" not in html
    assert "30 answered, 6 passed" in html
    query = moment_link(html)
    assert query["person"] == str(sam.pk) and query["sharing"] == "4"
    assert int(query["minutes"]) in (47, 48) and "channel" not in query
    # The link really fills in the form, and it saves as a moment with Sam.
    form = owner_client.get(moment_href(html)).context["form"]
    assert [str(v) for v in form["people"].value()] == [str(sam.pk)]
    assert form["self_disclosure"].value() == 4 and form["duration_minutes"].value() in (47, 48)
    # Nothing more moves a finished session on.
    step(owner_client, session, "answered", set_index=LAST_SET + 1, prompt_index=0)
    assert (session.answered, session.passed) == (30, 6)


@pytest.mark.parametrize(
    ("place", "sharing"),
    [
        ((0, 0), "2"),  # nothing yet: thoughts
        ((0, 5), "2"),  # in the light set
        ((1, 0), "2"),  # the light set done, the deeper one not begun
        ((1, 1), "3"),  # into the deeper set: feelings
        ((2, 0), "3"),
        ((2, 4), "4"),  # into the deepest: something vulnerable
    ],
)
def test_how_much_was_shared_follows_how_deep_the_pair_went(
    owner, owner_client, sam, place, sharing
):
    session = a_session(owner, sam, set_index=place[0], prompt_index=place[1])
    html = page_of(owner_client, session, "?stopped=1")
    assert moment_link(html)["sharing"] == sharing


def test_minutes_are_at_least_one_and_at_most_a_day(owner, owner_client, sam):
    just_now = a_session(owner, sam, started_at=timezone.now())
    days_ago = a_session(owner, sam, started_at=timezone.now() - timedelta(days=3))
    assert moment_link(page_of(owner_client, just_now, "?stopped=1"))["minutes"] == "1"
    assert moment_link(page_of(owner_client, days_ago, "?stopped=1"))["minutes"] == "1440"


def test_stopping_keeps_the_place_and_the_pair_carry_on_from_the_ladders_page(
    owner, owner_client, sam
):
    session = a_session(owner, sam, set_index=1, prompt_index=3, answered=15)
    response = owner_client.post(reverse("growth:ladder_stop", args=[session.pk]))
    assert response["Location"] == reverse("growth:ladder", args=[session.pk]) + "?stopped=1"
    fresh = LadderSession.objects.get()
    assert (fresh.set_index, fresh.prompt_index, fresh.answered, fresh.passed) == (1, 3, 15, 0)
    assert fresh.finished_at is None
    stopped = page_of(owner_client, session, "?stopped=1")
    assert "Stopped here; pick it up whenever you both like." in stopped
    assert f'href="{reverse("growth:ladder", args=[session.pk])}">Resume</a>' in stopped
    assert moment_link(stopped)["person"] == str(sam.pk)
    assert "We've both answered" not in stopped
    ladders = owner_client.get(reverse("growth:ladders")).content.decode()
    assert "Carry on with <bdi>Sam</bdi>: prompt 4 of 12 in the second set" in ladders
    resumed = page_of(owner_client, session)
    assert SETS[1].prompts[3].replace("'", "&#39;") in resumed and "Prompt 4 of 12" in resumed
    assert "Stopped here" not in resumed


def test_opening_the_stop_address_goes_to_the_session(owner, owner_client, sam):
    session = a_session(owner, sam)
    response = owner_client.get(reverse("growth:ladder_stop", args=[session.pk]))
    assert response["Location"] == reverse("growth:ladder", args=[session.pk])
    response = owner_client.get(reverse("growth:ladder_start"))
    assert response["Location"] == reverse("growth:ladders")


def test_the_history_shows_each_persons_sessions_how_far_and_passes(owner, owner_client, sam):
    alex = PersonFactory(owner=owner, name="Alex")
    now = timezone.now()
    a_session(owner, sam, set_index=3, answered=34, passed=2, finished_at=now,
              started_at=now - timedelta(days=40))  # fmt: skip
    a_session(owner, sam, set_index=1, prompt_index=0, answered=10, passed=2,
              started_at=now - timedelta(days=2))  # fmt: skip
    a_session(owner, alex, set_index=2, prompt_index=5, answered=29)
    html = owner_client.get(reverse("growth:ladders")).content.decode()
    history = html.split("<h2>So far</h2>")[1]
    sam_part = history.split('dir="auto">Sam</h3>')[1].split("</section>")[0]
    alex_part = history.split('dir="auto">Alex</h3>')[1].split("</section>")[0]
    rows = re.findall(r'<li class="list-row">.*?</li>', sam_part, re.S)
    assert len(rows) == 2
    assert "the light set done · 2 passed" in rows[0] and "stopped" in rows[0]
    assert "all three sets · 2 passed" in rows[1] and "finished" in rows[1]
    assert "the light and deeper sets done" in alex_part and "passed" not in alex_part
    carry_on = html.split("<h2>Carry on</h2>")[1].split("</ul>")[0]
    assert "Carry on with <bdi>Alex</bdi>: prompt 6 of 12 in the third set" in carry_on
    assert "Carry on with <bdi>Sam</bdi>: prompt 1 of 12 in the second set" in carry_on
    assert carry_on.count("Carry on with") == 2  # not the finished one


def test_the_ladders_page_reads_the_same_number_of_times_with_more_sessions(
    owner, owner_client, sam
):
    a_session(owner, sam)
    with CaptureQueriesContext(connection) as few:
        owner_client.get(reverse("growth:ladders"))
    for number in range(6):
        a_session(owner, PersonFactory(owner=owner, name=f"P{number}"), set_index=number % 4)
    with CaptureQueriesContext(connection) as more:
        owner_client.get(reverse("growth:ladders"))
    assert len(more) == len(few)


def test_the_ladders_page_says_what_a_ladder_is_and_offers_active_people_only(
    owner, owner_client, sam
):
    PersonFactory(owner=owner, name="Archived Ada", is_archived=True)
    html = owner_client.get(reverse("growth:ladders")).content.decode()
    assert "a little deeper" in html and "stop at any time" in html and "one phone" in html
    assert f'<option value="{sam.pk}">Sam</option>' in html and "Archived Ada" not in html
    assert 'action="/growth/ladders/start/"' in html
    assert "Nobody to ask yet" not in html


def test_with_nobody_in_the_circle_the_page_asks_to_add_someone_first(owner_client):
    html = owner_client.get(reverse("growth:ladders")).content.decode()
    assert "Nobody to ask yet" in html and reverse("circle:person_add") in html
    assert 'action="/growth/ladders/start/"' not in html


def test_deleting_asks_first_then_removes_only_the_session(owner, owner_client, sam):
    session = a_session(owner, sam, answered=4)
    url = reverse("growth:ladder_delete", args=[session.pk])
    assert url in page_of(owner_client, session)
    html = owner_client.get(url).content.decode()
    assert "Delete this ladder session?" in html and "<bdi>Sam</bdi>" in html
    assert LadderSession.objects.exists()
    response = owner_client.post(url)
    assert response["Location"] == reverse("growth:ladders")
    assert not LadderSession.objects.exists() and Person.objects.filter(pk=sam.pk).exists()


@pytest.mark.parametrize(
    ("data", "field", "note"),
    [
        ({"starter": "0"}, "person", "Please choose someone from your circle."),
        ({"person": "", "starter": "1"}, "person", "Please choose someone from your circle."),
        ({"person": "abc", "starter": "1"}, "person", "That person is not in your circle."),
        ({"person": "SAM", "starter": "7"}, "starter", "Please choose one of the options given."),
        ({"person": "SAM"}, "starter", "Please say who goes first."),
    ],
)
def test_a_form_with_a_problem_comes_back_with_the_note_by_the_field(
    owner, owner_client, sam, data, field, note
):
    data = {k: (str(sam.pk) if v == "SAM" else v) for k, v in data.items()}
    response = owner_client.post(reverse("growth:ladder_start"), data)
    html = response.content.decode()
    assert response.status_code == 400 and not LadderSession.objects.exists()
    error = html.split(f'id="id_{field}_error"')[1].split("</div>")[0]
    assert note in error
    if data.get("person") == str(sam.pk):
        assert f'<option value="{sam.pk}" selected>Sam</option>' in html  # kept as chosen
    assert "a little deeper" in html  # the whole page around the form


def test_another_accounts_person_or_an_archived_one_cannot_be_chosen(owner, other, owner_client):
    theirs = PersonFactory(owner=other, name="Their Tom")
    archived = PersonFactory(owner=owner, name="Archived Ada", is_archived=True)
    for person in (theirs, archived):
        response = owner_client.post(
            reverse("growth:ladder_start"), {"person": person.pk, "starter": "0"}
        )
        assert response.status_code == 400
        assert "That person is not in your circle." in response.content.decode()
    assert not LadderSession.objects.exists()


def test_another_accounts_session_is_not_there_on_any_route(owner, owner_client, other_client, sam):
    session = a_session(owner, sam, prompt_index=2, answered=2)
    place = {"set_index": 0, "prompt_index": 2}
    for name in ("growth:ladder", "growth:ladder_stop", "growth:ladder_delete"):
        url = reverse(name, args=[session.pk])
        if name != "growth:ladder_stop":
            assert other_client.get(url).status_code == 404, name
        assert other_client.post(url, {"action": "answered", **place}).status_code == 404, name
        assert other_client.get(url + "?stopped=1", follow=True).status_code == 404, name
    fresh = LadderSession.objects.get()
    assert (fresh.prompt_index, fresh.answered, fresh.updated_at) == (2, 2, session.updated_at)
    html = other_client.get(reverse("growth:ladders")).content.decode()
    assert "Sam" not in html and "Carry on" not in html
    assert owner_client.get(reverse("growth:ladder", args=[session.pk + 1])).status_code == 404


def test_a_session_is_read_as_its_row_has_it(owner, other, sam):
    from django.http import Http404

    from tending.growth.ladder_services import SessionRow, ladders_page, session_row

    finished = timezone.now() - timedelta(days=1)
    began = finished - timedelta(minutes=50)
    session = a_session(owner, sam, starter=1, set_index=3, answered=30, passed=6,
                        started_at=began, finished_at=finished)  # fmt: skip
    found = session_row(owner, session.pk)
    assert found == SessionRow(
        *(getattr(session, name) for name in ("pk", "person_id")),
        (sam.pk, "Sam"),
        *(getattr(session, name) for name in SessionRow.__slots__[3:]),
    )
    assert found.person.name == "Sam" and found.person.pk == sam.pk
    (history,) = ladders_page(owner)["histories"]
    assert history.rows[0].session == found and history.person == (sam.pk, "Sam")
    for who, pk in ((other, session.pk), (owner, 2**63)):
        with pytest.raises(Http404):
            session_row(who, pk)


@pytest.mark.parametrize("how", ["new", "chosen", "refused"])
def test_the_people_to_start_with_are_written_as_djangos_select_writes_them(owner, other, sam, how):
    from django import forms
    from django.forms.renderers import DjangoTemplates

    from tending.growth.ladder_forms import LadderForm

    PersonFactory(owner=owner, name='<b>Tom & "Jo"</b> isn\'t here')
    PersonFactory(owner=owner, name="Archived", is_archived=True)
    PersonFactory(owner=other, name="Theirs")
    data = {"new": None, "chosen": {"person": str(sam.pk)}, "refused": {"person": "x"}}[how]
    form = LadderForm(data, user=owner)
    form.is_valid()
    written = str(form["person"])
    form.renderer = DjangoTemplates()
    djangos = form["person"].as_widget(widget=forms.Select(choices=form.fields["person"].choices))
    assert written == djangos
    assert "<b>" not in written and "Theirs" not in written and "Archived" not in written
    assert written.startswith('<select name="person" required')
    assert (f'<option value="{sam.pk}" selected>Sam</option>' in written) == (how == "chosen")
