"""The goal pages: setting, changing and deleting a goal; its steps added, checked off and
back, changed and removed; a step of another goal or another account's rows refused."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from tending.growth.models import BraveStep, Goal, GoalStep, TherapySession
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 3, 10, 11, 0, tzinfo=dt.UTC)  # Tuesday 10 March in Berlin
TODAY = dt.date(2026, 3, 10)


def a_goal(owner, title="See friends more", status="active", **more) -> Goal:
    return Goal.objects.create(owner=owner, title=title, area="connection", status=status, **more)


def a_step(goal, text="Text Sam", **more) -> GoalStep:
    return GoalStep.objects.create(owner=goal.owner, goal=goal, text=text, **more)


def a_brave_step(owner, text="Say hello to a neighbour") -> BraveStep:
    return BraveStep.objects.create(owner=owner, text=text, hardness=30, added_on=TODAY)


def main(response) -> str:
    return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)


@time_machine.travel(NOON, tick=False)
def test_setting_a_goal_keeps_everything_and_its_first_steps(owner, owner_client):
    sam = PersonFactory(owner=owner, name="Sam")
    brave = a_brave_step(owner)
    response = owner_client.post(
        reverse("growth:goal_new"),
        {
            "title": "See friends more",
            "area": "connection",
            "why": "I feel better after",
            "target": "2026-06-01",
            "people": [sam.pk],
            "brave_steps": [brave.pk],
            "first_steps": "When I finish work on Friday, I will text Sam\n\n  Call Alex  \n",
        },
    )
    goal = Goal.objects.get(owner=owner)
    assert response.status_code == 302
    assert response["Location"] == reverse("growth:goal", args=[goal.pk])
    assert (goal.title, goal.area, goal.why, goal.target, goal.status) == (
        "See friends more", "connection", "I feel better after", dt.date(2026, 6, 1), "active",
    )  # fmt: skip
    assert list(goal.people.all()) == [sam] and list(goal.brave_steps.all()) == [brave]
    texts = list(goal.steps.order_by("id").values_list("text", flat=True))
    assert texts == ["When I finish work on Friday, I will text Sam", "Call Alex"]
    html = main(owner_client.get(response["Location"]))
    assert "0 of 2 steps done" in html and "I feel better after" in html
    assert "aiming for 1 June 2026" in html and ">Sam</a>" in html
    assert reverse("growth:brave_step", args=[brave.pk]) in html


@time_machine.travel(NOON, tick=False)
def test_a_goal_without_a_title_or_with_a_past_day_comes_back_with_notes_and_what_was_typed(
    owner, owner_client
):
    response = owner_client.post(
        reverse("growth:goal_new"),
        {"title": "", "area": "body", "why": "Zebra reasons", "target": "2026-03-09",
         "first_steps": "Walk to the river"},
    )  # fmt: skip
    html = main(response)
    assert response.status_code == 400 and not Goal.objects.exists()
    assert 'id="id_title_error"' in html and "Please give your goal a few words." in html
    assert 'id="id_target_error"' in html and "Please choose today or a day ahead" in html
    assert "Zebra reasons" in html and "Walk to the river" in html
    assert 'value="body" id="id_area_2" required checked' in html


def test_another_accounts_people_and_brave_steps_cannot_be_linked(owner, other, owner_client):
    theirs = PersonFactory(owner=other, name="Their friend")
    their_step = a_brave_step(other)
    response = owner_client.post(
        reverse("growth:goal_new"),
        {"title": "Mine", "area": "new", "people": [theirs.pk], "brave_steps": [their_step.pk]},
    )
    html = main(response)
    assert response.status_code == 400 and not Goal.objects.exists()
    assert "That person is not in your circle." in html
    assert "That is not one of your brave steps." in html
    assert "Their friend" not in html and their_step.text not in html


def test_only_active_people_of_ones_own_circle_are_offered(owner, other, owner_client):
    PersonFactory(owner=owner, name="Active Ada")
    PersonFactory(owner=owner, name="Archived Abe", is_archived=True)
    PersonFactory(owner=other, name="Other Olga")
    html = main(owner_client.get(reverse("growth:goal_new")))
    assert "Active Ada" in html and "Archived Abe" not in html and "Other Olga" not in html


@time_machine.travel(NOON, tick=False)
def test_changing_a_goal_can_rest_it_and_keep_a_past_day(owner, owner_client):
    goal = a_goal(owner, target=dt.date(2026, 1, 1))
    sam = PersonFactory(owner=owner, name="Sam")
    goal.people.add(sam)
    url = reverse("growth:goal_edit", args=[goal.pk])
    assert 'value="2026-01-01"' in main(owner_client.get(url))
    response = owner_client.post(
        url, {"title": "See friends", "area": "connection", "target": "2026-01-01",
              "status": "paused"},
    )  # fmt: skip
    goal.refresh_from_db()
    assert response.status_code == 302
    assert (goal.title, goal.status, goal.target) == ("See friends", "paused", dt.date(2026, 1, 1))
    assert not goal.people.exists()  # unticked


@time_machine.travel(NOON, tick=False)
def test_the_list_shows_active_then_resting_then_the_rest_folded_away(owner, owner_client):
    active = a_goal(owner, "Zebra active", target=dt.date(2026, 4, 1))
    a_step(active, "Later step", due=dt.date(2026, 3, 20))
    a_step(active, "Sooner step", due=dt.date(2026, 3, 12))
    a_step(active, "Done step", done_on=TODAY)
    a_goal(owner, "Quokka resting", status="paused")
    a_goal(owner, "Yak reached", status="done")
    a_goal(owner, "Wombat let go", status="let-go")
    html = main(owner_client.get(reverse("growth:goals")))
    order = [html.index(t) for t in ("Zebra active", "Quokka resting", "Yak reached")]
    assert order == sorted(order)
    finished = html.split('<details class="more" id="goals-finished">')[1].split("</details>")[0]
    assert "Yak reached" in finished and "Wombat let go" in finished
    assert "Reached or let go (2)" in finished and "Quokka resting" not in finished
    assert "1 of 3 steps done" in html and "aiming for 1 April 2026" in html
    assert 'Next: <span dir="auto">Sooner step</span>' in html
    assert reverse("growth:goal_new") in html


def test_no_goals_yet_invites_a_first_one(owner_client):
    html = main(owner_client.get(reverse("growth:goals")))
    assert "No goals yet" in html and reverse("growth:goal_new") in html


@time_machine.travel(NOON, tick=False)
def test_adding_a_step_with_a_day(owner, owner_client):
    goal = a_goal(owner)
    response = owner_client.post(
        reverse("growth:goal_step_add", args=[goal.pk]), {"text": "Call Alex", "due": "2026-03-14"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("growth:goal", args=[goal.pk])
    step = GoalStep.objects.get(goal=goal)
    assert (step.text, step.due, step.done_on, step.owner) == (
        "Call Alex", dt.date(2026, 3, 14), None, owner,
    )  # fmt: skip
    html = main(owner_client.get(response["Location"]))
    assert "Saturday 14 March" in html and "0 of 1 step done" in html


@pytest.mark.parametrize(
    ("data", "field", "note"),
    [
        ({"text": "", "due": "2026-03-14"}, "text", "Please write the step in a few words."),
        ({"text": "Quokka step", "due": "someday"}, "due", "Please give a date, like"),
        ({"text": "Q" * 201, "due": ""}, "text", "Please keep this to 200 characters"),
    ],
)
def test_a_step_that_needs_another_look_comes_back_on_the_goal_page(
    owner, owner_client, data, field, note
):
    goal = a_goal(owner, why="Marker of the goal page")
    response = owner_client.post(reverse("growth:goal_step_add", args=[goal.pk]), data)
    html = main(response)
    assert response.status_code == 400 and not GoalStep.objects.exists()
    assert f'id="id_{field}_error"' in html and note in html
    assert "Marker of the goal page" in html  # the goal's page, not a bare error
    if data["text"]:
        assert f'value="{data["text"]}"' in html


def test_a_get_of_a_step_action_goes_to_the_goal(owner, owner_client):
    goal = a_goal(owner)
    step = a_step(goal)
    for name, args in (
        ("growth:goal_step_add", [goal.pk]),
        ("growth:goal_step_done", [goal.pk, step.pk]),
        ("growth:goal_step_delete", [goal.pk, step.pk]),
    ):
        response = owner_client.get(reverse(name, args=args))
        assert response.status_code == 302
        assert response["Location"] == reverse("growth:goal", args=[goal.pk])
    step.refresh_from_db()
    assert step.done_on is None


@time_machine.travel(NOON, tick=False)
def test_a_step_is_checked_off_today_and_the_tick_taken_away_again(owner, owner_client):
    goal = a_goal(owner)
    step = a_step(goal)
    a_step(goal, "Another")
    url = reverse("growth:goal_step_done", args=[goal.pk, step.pk])
    response = owner_client.post(url)
    step.refresh_from_db()
    assert step.done_on == TODAY
    assert response["Location"] == reverse("growth:goal", args=[goal.pk]) + f"#step-{step.pk}"
    html = main(owner_client.get(reverse("growth:goal", args=[goal.pk])))
    assert "1 of 2 steps done" in html and 'aria-pressed="true"' in html
    owner_client.post(url)
    step.refresh_from_db()
    assert step.done_on is None
    assert "0 of 2 steps done" in main(owner_client.get(reverse("growth:goal", args=[goal.pk])))


@time_machine.travel(NOON, tick=False)
def test_a_step_past_its_day_waits_without_a_word_of_blame(owner, owner_client):
    goal = a_goal(owner)
    a_step(goal, "Walk by the sea", due=dt.date(2026, 3, 2))
    html = main(owner_client.get(reverse("growth:goal", args=[goal.pk])))
    assert "whenever you're ready" in html
    assert "overdue" not in html.lower() and "missed" not in html.lower()
    assert "2 March" not in html


@time_machine.travel(NOON, tick=False)
def test_homework_shows_the_session_it_came_from(owner, owner_client):
    goal = a_goal(owner)
    session = TherapySession.objects.create(owner=owner, held_on=dt.date(2026, 3, 3))
    a_step(goal, "Notice one kind thought", session=session)
    html = main(owner_client.get(reverse("growth:goal", args=[goal.pk])))
    assert "homework from" in html and "your session of 3 March" in html
    assert reverse("growth:session", args=[session.pk]) in html


@time_machine.travel(NOON, tick=False)
def test_changing_a_step_its_words_day_and_done(owner, owner_client):
    goal = a_goal(owner)
    step = a_step(goal)
    url = reverse("growth:goal_step_edit", args=[goal.pk, step.pk])
    assert 'value="Text Sam"' in main(owner_client.get(url))
    response = owner_client.post(url, {"text": "Call Sam", "due": "2026-03-20", "done": "on"})
    step.refresh_from_db()
    assert response.status_code == 302
    assert (step.text, step.due, step.done_on) == ("Call Sam", dt.date(2026, 3, 20), TODAY)
    owner_client.post(url, {"text": "Call Sam", "due": ""})
    step.refresh_from_db()
    assert (step.due, step.done_on) == (None, None)
    response = owner_client.post(url, {"text": "", "due": "2026-03-20"})
    assert response.status_code == 400 and "Please write the step in a few words." in main(response)
    assert 'value="2026-03-20"' in main(response)


def test_removing_a_step(owner, owner_client):
    goal = a_goal(owner)
    step = a_step(goal)
    kept = a_step(goal, "Kept")
    response = owner_client.post(reverse("growth:goal_step_delete", args=[goal.pk, step.pk]))
    assert response.status_code == 302
    assert list(GoalStep.objects.all()) == [kept]


@pytest.mark.parametrize(
    "name", ["growth:goal_step_done", "growth:goal_step_edit", "growth:goal_step_delete"]
)
def test_a_step_named_under_another_goal_is_not_there(owner, owner_client, name):
    first, second = a_goal(owner, "First"), a_goal(owner, "Second")
    step = a_step(first)
    response = owner_client.post(reverse(name, args=[second.pk, step.pk]), {"text": "Changed"})
    assert response.status_code == 404
    step.refresh_from_db()
    assert (step.text, step.done_on) == ("Text Sam", None)
    if name == "growth:goal_step_edit":
        assert owner_client.get(reverse(name, args=[second.pk, step.pk])).status_code == 404


def test_another_account_cannot_see_or_change_a_goal_or_its_steps(owner, other_client):
    goal = a_goal(owner)
    step = a_step(goal)
    assert other_client.get(reverse("growth:goal", args=[goal.pk])).status_code == 404
    for name, args in (
        ("growth:goal_step_done", [goal.pk, step.pk]),
        ("growth:goal_step_delete", [goal.pk, step.pk]),
        ("growth:goal_step_add", [goal.pk]),
        ("growth:goal_delete", [goal.pk]),
        ("growth:goal_edit", [goal.pk]),
    ):
        assert other_client.post(reverse(name, args=args), {"text": "x"}).status_code == 404
    step.refresh_from_db()
    assert step.done_on is None and GoalStep.objects.count() == 1 and Goal.objects.count() == 1
    assert "See friends more" not in other_client.get(reverse("growth:goals")).content.decode()


def test_deleting_a_goal_asks_then_takes_its_steps(owner, owner_client):
    goal = a_goal(owner)
    a_step(goal)
    brave = a_brave_step(owner)
    goal.brave_steps.add(brave)
    url = reverse("growth:goal_delete", args=[goal.pk])
    html = main(owner_client.get(url))
    assert "Delete this goal?" in html and "its 1 step" in html
    response = owner_client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("growth:goals")
    assert not Goal.objects.exists() and not GoalStep.objects.exists()
    assert BraveStep.objects.filter(pk=brave.pk).exists()


@time_machine.travel(NOON, tick=False)
def test_changing_a_goal_shows_what_it_holds_and_keeps_the_rest(owner, owner_client):
    goal = a_goal(owner, why="Because")
    created = Goal.objects.get(pk=goal.pk).created_at
    sam = PersonFactory(owner=owner, name="Sam")
    kept = PersonFactory(owner=owner, name="Kept, archived", is_archived=True)
    PersonFactory(owner=owner, name="Gone, archived", is_archived=True)
    first, second = a_brave_step(owner, "First brave"), a_brave_step(owner, "Second brave")
    goal.people.set([kept])
    goal.brave_steps.set([second])
    url = reverse("growth:goal_edit", args=[goal.pk])
    html = main(owner_client.get(url))
    assert re.search(rf'value="{kept.pk}" id="id_people_\d+" checked><span>Kept, archived', html)
    assert re.search(rf'value="{sam.pk}" id="id_people_\d+"><span>Sam<', html)
    assert "Gone, archived" not in html
    assert re.search(rf'value="{second.pk}" id="id_brave_steps_1" checked>', html)
    assert re.search(rf'value="{first.pk}" id="id_brave_steps_0">', html)
    response = owner_client.post(
        url, {"title": "See friends", "area": "body", "status": "active", "why": "Because",
              "people": [sam.pk, kept.pk, sam.pk], "brave_steps": [first.pk]},
    )  # fmt: skip
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.title, goal.area, goal.created_at) == ("See friends", "body", created)
    assert set(goal.people.all()) == {sam, kept} and list(goal.brave_steps.all()) == [first]


def test_another_accounts_goal_has_no_form(owner, other_client):
    goal = a_goal(owner)
    assert other_client.get(reverse("growth:goal_edit", args=[goal.pk])).status_code == 404
    assert other_client.get(reverse("growth:goal", args=[goal.pk])).status_code == 404


@time_machine.travel(NOON, tick=False)
def test_a_goal_page_names_its_people_and_its_brave_steps_with_when_they_were_done(
    owner, owner_client
):
    goal = a_goal(owner)
    done = a_brave_step(owner, "Waved <first>")
    done.done_on = dt.date(2026, 3, 4)
    done.save()
    goal.brave_steps.set([done, a_brave_step(owner, "Not yet")])
    goal.people.set([PersonFactory(owner=owner, name="Bo & Al")])
    html = main(owner_client.get(reverse("growth:goal", args=[goal.pk])))
    assert 'Waved &lt;first&gt;</a> <span class="muted">· done 4 March</span>' in html
    assert "Not yet</a></li>" in html and ">Bo &amp; Al</a>" in html


@time_machine.travel(NOON, tick=False)
def test_growths_front_page_shows_each_practices_next_thing(owner, other, owner_client):
    from tending.checkins.models import CheckIn
    from tending.growth.models import BringUp, LadderSession
    from tending.journal.models import Entry

    kim = PersonFactory(owner=owner, name="Kim")
    LadderSession.objects.create(owner=owner, person=kim, set_index=1, prompt_index=2)
    easiest = a_brave_step(owner, "Wave to a neighbour")
    easiest.hardness = 10
    easiest.save()
    BraveStep.objects.create(
        owner=owner, text="Called Mum", hardness=60, belief=80, added_on=TODAY, done_on=TODAY,
        felt=30, fear_came_true=False, belief_after=20,
    )  # fmt: skip
    for n, title in enumerate(["Walk", "Read", "Swim", "Sing"]):
        goal = a_goal(owner, title)
        a_step(goal, f"Step of {title}", due=TODAY + dt.timedelta(days=n - 1))
    BringUp.objects.create(owner=owner, entry=Entry.objects.create(owner=owner, body="Hard"))
    a_goal(other, "Someone else's goal")
    resting = a_goal(owner, "Resting goal")
    resting.status = "paused"
    resting.save()
    html = main(owner_client.get(reverse("growth:home")))
    assert "Resting goal" not in html  # the front page shows goals being worked on
    assert "You and Kim are on prompt 3 of set 2." in html
    assert "When you feel ready: <strong>Wave to a neighbour</strong>" in html
    assert "Your fear came true 0 of 1 time; steps felt 30 points easier" in html
    assert "and 1 more" in html and "Someone else" not in html
    assert 'Step of Walk <span class="muted">· whenever you\'re ready</span>' in html
    assert 'Step of Read <span class="muted">· Tuesday 10 March</span>' in html
    assert "1 thing to bring up next time." in html
    CheckIn.objects.create(
        owner=owner, instrument_id="hard-days", instrument_version=1, answers={}, total=0,
        safety_fired=True, taken_at=NOON - dt.timedelta(days=2),
    )  # fmt: skip
    html = main(owner_client.get(reverse("growth:home")))
    assert "not suggesting steps until 15 March" in html and "Wave to a neighbour" not in html
