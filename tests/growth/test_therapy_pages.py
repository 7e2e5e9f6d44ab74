"""The therapy companion: "Bring this up in therapy" from an entry, a moment or a check-in
result; the list for next time; sessions with what was talked about and their homework; and
the summary for the next session with its check-in changes."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tending.checkins.registry import get_instrument
from tending.checkins.services import save_checkin
from tending.growth.models import BringUp, Goal, GoalStep, TherapySession
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory

pytestmark = pytest.mark.django_db

NOON = dt.datetime(2026, 3, 10, 11, 0, tzinfo=dt.UTC)  # Tuesday 10 March in Berlin
TODAY = dt.date(2026, 3, 10)
BERLIN = dt.timezone(dt.timedelta(hours=1))  # March, before the clocks change


def main(response) -> str:
    return re.search(r"<main.*</main>", response.content.decode(), re.S).group(0)


def wellbeing(owner, each: int, at: dt.datetime):
    """A weekly well-being check-in with every answer `each` (total each × 5 × 4), taken `at`."""
    inst = get_instrument("weekly-wellbeing")
    checkin = save_checkin(owner, inst, {item.id: each for item in inst.items})
    checkin.taken_at = at
    checkin.save(update_fields=["taken_at"])
    return checkin


def connection(owner, at: dt.datetime | None = None):
    inst = get_instrument("connection")
    checkin = save_checkin(owner, inst, {item.id: 3 for item in inst.items})
    if at is not None:
        checkin.taken_at = at
        checkin.save(update_fields=["taken_at"])
    return checkin


def rows_of(owner) -> dict:
    """One row of each kind that can be brought up, with the page it is on."""
    sam = PersonFactory(owner=owner, name="Sam Rivera")
    entry = JournalEntryFactory(owner=owner, title="A hard Sunday", body="Quokka words inside.")
    moment = MomentFactory(owner=owner, people=[sam], note="We argued about the move.")
    checkin = connection(owner)
    return {
        "entry": (entry, reverse("journal:detail", args=[entry.pk])),
        "moment": (moment, reverse("moments:detail", args=[moment.pk])),
        "checkin": (checkin, reverse("checkins:result", args=[checkin.pk])),
    }


@pytest.mark.parametrize("kind", ["entry", "moment", "checkin"])
def test_bringing_something_up_from_its_page_puts_it_on_the_list(owner, owner_client, kind):
    row, page = rows_of(owner)[kind]
    html = main(owner_client.get(page))
    button = html.split('<form method="post" action="/growth/therapy/bring-up/"')[1]
    button = button.split("</form>")[0]
    assert f'name="kind" value="{kind}"' in button and f'name="id" value="{row.pk}"' in button
    assert f'name="next" value="{page}"' in button and "Bring this up in therapy" in button
    response = owner_client.post(
        reverse("growth:bring_up"),
        {"kind": kind, "id": row.pk, "note": "Why it hurt", "next": page},
    )
    assert response.status_code == 302 and response["Location"] == page
    flag = BringUp.objects.get(owner=owner)
    assert getattr(flag, f"{kind}_id") == row.pk and flag.note == "Why it hurt"
    assert flag.raised_in is None
    assert "Added to the list for your next session." in main(owner_client.get(page))


@pytest.mark.parametrize("kind", ["entry", "moment", "checkin"])
def test_another_accounts_row_cannot_be_brought_up(owner, other, owner_client, kind):
    row, _ = rows_of(other)[kind]
    response = owner_client.post(reverse("growth:bring_up"), {"kind": kind, "id": row.pk})
    assert response.status_code == 404 and not BringUp.objects.exists()


@pytest.mark.parametrize(
    "data", [{}, {"kind": "person", "id": "1"}, {"kind": "entry", "id": "x"}, {"kind": "entry"}]
)
def test_a_bring_up_that_names_nothing_is_a_bad_request(owner_client, data):
    assert owner_client.post(reverse("growth:bring_up"), data).status_code == 400
    assert not BringUp.objects.exists()


def test_a_note_with_a_nul_character_is_kept_without_it(owner, owner_client):
    row, page = rows_of(owner)["entry"]
    response = owner_client.post(
        reverse("growth:bring_up"),
        {"kind": "entry", "id": row.pk, "note": "Why\x00 it hurt", "next": page},
    )
    assert response.status_code == 302
    assert BringUp.objects.get(owner=owner).note == "Why it hurt"


def test_a_bring_up_address_opened_goes_to_the_therapy_page(owner_client):
    response = owner_client.get(reverse("growth:bring_up"))
    assert response.status_code == 302 and response["Location"] == reverse("growth:therapy")


def test_something_already_waiting_is_not_added_twice(owner, owner_client):
    entry, page = rows_of(owner)["entry"]
    data = {"kind": "entry", "id": entry.pk, "next": page}
    owner_client.post(reverse("growth:bring_up"), data)
    response = owner_client.post(reverse("growth:bring_up"), {**data, "note": "Later note"})
    assert response["Location"] == page
    assert "Already on your list for next time" in main(owner_client.get(page))
    assert BringUp.objects.count() == 1 and BringUp.objects.get().note == "Later note"
    # Once talked about, it can be flagged again for another session.
    session = TherapySession.objects.create(owner=owner, held_on=TODAY)
    BringUp.objects.update(raised_in=session)
    owner_client.post(reverse("growth:bring_up"), data)
    assert BringUp.objects.filter(raised_in=None).count() == 1


@pytest.mark.parametrize(
    "target",
    ["https://elsewhere.example/", "//elsewhere.example/", "/\\elsewhere.example", "therapy", ""],
)
def test_only_a_path_of_this_site_is_followed_back(owner, owner_client, target):
    entry, _ = rows_of(owner)["entry"]
    response = owner_client.post(
        reverse("growth:bring_up"), {"kind": "entry", "id": entry.pk, "next": target}
    )
    assert response.status_code == 302 and response["Location"] == reverse("growth:therapy")


def test_the_therapy_page_lists_what_is_waiting_and_the_sessions(owner, owner_client):
    rows = rows_of(owner)
    for kind, (row, _) in rows.items():
        BringUp.objects.create(owner=owner, note=f"Note on the {kind}", **{kind: row})
    older = TherapySession.objects.create(
        owner=owner, held_on=dt.date(2026, 2, 3), with_whom="Dr Kim", notes="\nFirst line\nmore"
    )
    newer = TherapySession.objects.create(owner=owner, held_on=dt.date(2026, 2, 17))
    raised = BringUp.objects.create(
        owner=owner, entry=JournalEntryFactory(owner=owner, title="Zebra talked"), raised_in=older
    )
    html = main(owner_client.get(reverse("growth:therapy")))
    assert "Nothing here is sent anywhere" in html and "does not replace your therapist" in html
    waiting = html.split('id="next-time"')[1].split("<h2>")[0]
    assert "Journal: A hard Sunday" in waiting and "A moment with Sam Rivera" in waiting
    assert "Connection: 9" in waiting and "Note on the moment" in waiting
    assert all(url in waiting for _, url in rows.values())
    assert "Zebra talked" not in html
    assert reverse("growth:bring_up_remove", args=[raised.pk]) not in html
    sessions = html.split("<h2>Sessions</h2>")[1]
    assert sessions.index(f"/growth/therapy/{newer.pk}/") < sessions.index(
        f"/growth/therapy/{older.pk}/"
    )
    assert "Tuesday 3 February 2026" in sessions and "First line" in sessions
    assert "Dr Kim" in sessions and "more" not in sessions.split("First line")[1][:20]
    assert reverse("growth:session_new") in html and reverse("growth:summary") in html


def test_removing_a_flag_leaves_the_thing_itself(owner, other, owner_client, other_client):
    entry, _ = rows_of(owner)["entry"]
    flag = BringUp.objects.create(owner=owner, entry=entry)
    url = reverse("growth:bring_up_remove", args=[flag.pk])
    assert other_client.post(url).status_code == 404 and BringUp.objects.exists()
    response = owner_client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("growth:therapy")
    assert not BringUp.objects.exists()
    entry.refresh_from_db()


@time_machine.travel(NOON, tick=False)
def test_adding_a_session_today_by_default(owner, owner_client):
    assert 'value="2026-03-10"' in main(owner_client.get(reverse("growth:session_new")))
    response = owner_client.post(
        reverse("growth:session_new"),
        {"held_on": "2026-03-09", "with_whom": "Dr Kim", "notes": "Talked about Sam."},
    )
    session = TherapySession.objects.get(owner=owner)
    assert response["Location"] == reverse("growth:session", args=[session.pk])
    assert (session.held_on, session.with_whom, session.notes) == (
        dt.date(2026, 3, 9), "Dr Kim", "Talked about Sam.",
    )  # fmt: skip
    response = owner_client.post(
        reverse("growth:session_new"), {"held_on": "soon", "notes": "Quokka notes kept"}
    )
    html = main(response)
    assert response.status_code == 400 and TherapySession.objects.count() == 1
    assert 'id="id_held_on_error"' in html and "Quokka notes kept" in html


def test_a_session_says_what_was_talked_about(owner, other, owner_client):
    rows = rows_of(owner)
    entry_flag = BringUp.objects.create(owner=owner, entry=rows["entry"][0])
    moment_flag = BringUp.objects.create(owner=owner, moment=rows["moment"][0])
    session = TherapySession.objects.create(owner=owner, held_on=TODAY)
    elsewhere = TherapySession.objects.create(owner=owner, held_on=dt.date(2026, 1, 1))
    old_flag = BringUp.objects.create(owner=owner, checkin=rows["checkin"][0], raised_in=elsewhere)
    theirs = BringUp.objects.create(owner=other, entry=JournalEntryFactory(owner=other))
    url = reverse("growth:session", args=[session.pk])
    html = main(owner_client.get(url))
    assert f'value="{entry_flag.pk}"' in html and f'value="{moment_flag.pk}"' in html
    assert f'id="raised-{old_flag.pk}"' not in html

    data = {"part": "raised", "raised": [entry_flag.pk, old_flag.pk, theirs.pk]}
    response = owner_client.post(url, data)
    assert response.status_code == 302 and response["Location"] == url
    for flag in (entry_flag, moment_flag, old_flag, theirs):
        flag.refresh_from_db()
    assert entry_flag.raised_in == session and moment_flag.raised_in is None
    assert old_flag.raised_in == elsewhere and theirs.raised_in is None
    assert "Noted: 1 thing talked about" in main(owner_client.get(url))
    html = main(owner_client.get(url))
    assert f'id="raised-{entry_flag.pk}" checked' in html
    assert f'id="raised-{moment_flag.pk}">' in html
    waiting = main(owner_client.get(reverse("growth:therapy"))).split('id="next-time"')[1]
    assert "A hard Sunday" not in waiting.split("<h2>")[0]

    owner_client.post(url, {"part": "raised"})  # nothing ticked: back on the list
    entry_flag.refresh_from_db()
    assert entry_flag.raised_in is None


def test_homework_goes_to_a_therapy_homework_goal_when_none_is_chosen(owner, owner_client):
    session = TherapySession.objects.create(owner=owner, held_on=TODAY)
    url = reverse("growth:session", args=[session.pk])
    assert "Therapy homework (a new goal for it)" in main(owner_client.get(url))
    response = owner_client.post(
        url, {"part": "homework", "goal": "", "text": "Notice one kind thought", "due": ""}
    )
    assert response.status_code == 302
    goal = Goal.objects.get(owner=owner)
    assert (goal.title, goal.area, goal.status) == ("Therapy homework", "support", "active")
    step = GoalStep.objects.get(goal=goal)
    assert (step.text, step.session, step.owner) == ("Notice one kind thought", session, owner)
    # The goal now exists: it is offered (and chosen) rather than made again.
    html = main(owner_client.get(url))
    assert "a new goal for it" not in html and "Notice one kind thought" in html
    assert "not done yet" in html
    owner_client.post(url, {"part": "homework", "goal": goal.pk, "text": "Walk at lunch"})
    assert Goal.objects.count() == 1 and goal.steps.count() == 2


def test_homework_can_go_to_ones_own_goal_but_not_anothers(owner, other, owner_client):
    session = TherapySession.objects.create(owner=owner, held_on=TODAY)
    mine = Goal.objects.create(owner=owner, title="Be gentler", area="self-compassion")
    theirs = Goal.objects.create(owner=other, title="Their goal", area="body")
    url = reverse("growth:session", args=[session.pk])
    owner_client.post(url, {"part": "homework", "goal": mine.pk, "text": "Write a kind note"})
    assert GoalStep.objects.get(goal=mine).session == session
    response = owner_client.post(
        url, {"part": "homework", "goal": theirs.pk, "text": "Zebra homework"}
    )
    html = main(response)
    assert response.status_code == 400 and "Please choose one of your goals." in html
    assert "Zebra homework" in html and not GoalStep.objects.filter(goal=theirs).exists()
    assert "Their goal" not in html


def test_a_sessions_notes_are_changed_on_its_page(owner, owner_client):
    session = TherapySession.objects.create(owner=owner, held_on=TODAY, notes="Before")
    url = reverse("growth:session", args=[session.pk])
    owner_client.post(url, {"part": "session", "held_on": "2026-03-08", "notes": "After"})
    session.refresh_from_db()
    assert (session.held_on, session.notes) == (dt.date(2026, 3, 8), "After")
    response = owner_client.post(url, {"part": "session", "held_on": "", "notes": "Kept words"})
    assert response.status_code == 400 and "Kept words" in main(response)


def test_deleting_a_session_keeps_its_homework_and_the_things_talked_about(owner, owner_client):
    entry, _ = rows_of(owner)["entry"]
    session = TherapySession.objects.create(owner=owner, held_on=TODAY)
    BringUp.objects.create(owner=owner, entry=entry, raised_in=session)
    waiting = BringUp.objects.create(owner=owner, entry=JournalEntryFactory(owner=owner))
    goal = Goal.objects.create(owner=owner, title="Therapy homework", area="support")
    step = GoalStep.objects.create(owner=owner, goal=goal, text="Breathe", session=session)
    url = reverse("growth:session_delete", args=[session.pk])
    html = main(owner_client.get(url))
    assert "Delete this session?" in html and "stays with your goals" in html
    response = owner_client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("growth:therapy")
    assert not TherapySession.objects.exists() and list(BringUp.objects.all()) == [waiting]
    step.refresh_from_db()
    assert step.session is None
    entry.refresh_from_db()


@time_machine.travel(NOON, tick=False)
def test_the_summary_holds_the_list_the_homework_and_the_check_in_changes(owner, owner_client):
    rows = rows_of(owner)
    last = TherapySession.objects.create(owner=owner, held_on=dt.date(2026, 3, 3), with_whom="Kim")
    TherapySession.objects.create(owner=owner, held_on=dt.date(2026, 2, 1))
    BringUp.objects.create(owner=owner, entry=rows["entry"][0], note="Why Sunday was hard")
    BringUp.objects.create(owner=owner, checkin=rows["checkin"][0])
    BringUp.objects.create(
        owner=owner, moment=rows["moment"][0], raised_in=last, note="Zebra talked about"
    )
    goal = Goal.objects.create(owner=owner, title="Therapy homework", area="support")
    GoalStep.objects.create(owner=owner, goal=goal, text="Breathe slowly", session=last)
    GoalStep.objects.create(
        owner=owner, goal=goal, text="Write to Sam", session=last, done_on=dt.date(2026, 3, 5)
    )
    GoalStep.objects.create(owner=owner, goal=goal, text="Not homework at all")
    # Weekly well-being: 40 on or before the session day, then 60 and 80 since.
    wellbeing(owner, 1, dt.datetime(2026, 2, 20, 9, tzinfo=BERLIN))
    wellbeing(owner, 2, dt.datetime(2026, 3, 3, 20, tzinfo=BERLIN))
    wellbeing(owner, 3, dt.datetime(2026, 3, 5, 9, tzinfo=BERLIN))
    wellbeing(owner, 4, dt.datetime(2026, 3, 9, 9, tzinfo=BERLIN))
    five_moods = get_instrument("five-moods")
    before_only = save_checkin(owner, five_moods, {item.id: 1 for item in five_moods.items})
    before_only.taken_at = dt.datetime(2026, 3, 1, 9, tzinfo=BERLIN)
    before_only.save()

    html = main(owner_client.get(reverse("growth:summary")))
    assert "For my next session" in html
    assert "Made 10 March 2026, since my session of 3 March 2026 with <bdi>Kim</bdi>" in html
    flagged = html.split('id="summary-flagged"')[1].split("</section>")[0]
    assert "Journal: A hard Sunday" in flagged and "Why Sunday was hard" in flagged
    assert "Quokka words inside." in flagged and "Connection: 9" in flagged
    assert "Often lonely" in flagged and "Zebra talked about" not in html
    homework = html.split('id="summary-homework"')[1].split("</section>")[0]
    assert "Breathe slowly" in homework and "not done yet" in homework
    assert "Write to Sam" in homework and "done 5 March" in homework
    assert "Not homework at all" not in homework
    changes = html.split('id="summary-checkins"')[1].split("</section>")[0]
    assert "Check-ins since 3 March 2026" in changes
    assert (
        "<strong>Weekly well-being</strong>:\n        40 (Lower than usual) on 3 Mar, "
        "now 80 (Good) on 9 Mar: +40, better, a meaningful change." in changes
    )
    assert "Connection" in changes and "the first since then" in changes
    assert "Five moods" not in changes
    assert "may be noise" in changes


@time_machine.travel(NOON, tick=False)
def test_with_no_session_yet_the_summary_looks_back_thirty_days(owner, owner_client):
    wellbeing(owner, 4, dt.datetime(2026, 2, 1, 9, tzinfo=BERLIN))
    wellbeing(owner, 3, dt.datetime(2026, 3, 1, 9, tzinfo=BERLIN))
    TherapySession.objects.create(owner=owner, held_on=dt.date(2026, 3, 20))  # still to come
    html = main(owner_client.get(reverse("growth:summary")))
    assert "since 8 February 2026" in html and "Check-ins since 8 February 2026" in html
    assert "80 (Good) on 1 Feb, now 60 (Good) on 1 Mar: -20, harder" in html
    assert "Nothing flagged this time." in html and "No homework since then." in html


def test_the_summary_shows_only_ones_own(owner, other, owner_client, other_client):
    entry, _ = rows_of(owner)["entry"]
    BringUp.objects.create(owner=owner, entry=entry, note="Marker note")
    connection(owner, timezone.now())
    html = main(other_client.get(reverse("growth:summary")))
    assert "Marker note" not in html and "A hard Sunday" not in html
    assert "No check-ins taken since then." in html
