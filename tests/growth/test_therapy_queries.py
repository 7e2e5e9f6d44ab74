"""The therapy pages' written-out reads give what the ORM gave: the flags (each said in
words), the sessions, homework, the goals homework can go to; only the person's own rows;
and the first line of a session's notes."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from tending.checkins.models import CheckIn
from tending.checkins.registry import get_instrument
from tending.checkins.templating import score
from tending.core.date_format import format_date
from tending.core.text import cut
from tending.growth import therapy_queries, therapy_summary
from tending.growth.models import BringUp, Goal, GoalStep, TherapySession
from tending.journal.models import heading
from tending.moments.models import Moment
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory

# The ORM reads the pages made before (therapy_queries as it was), to hold the new ones to.


def orm_flagged(user, which: Q) -> list[therapy_queries.Flagged]:
    rows = BringUp.objects.filter(owner=user).filter(which).order_by("added_at", "id")
    found = []
    for flag in rows:
        if flag.entry_id:
            entry = flag.entry
            kind, label = "entry", f"Journal: {heading(entry.title, entry.written_on)}"
            when = format_date(entry.written_on, "j F Y")
            href = reverse("journal:detail", args=[entry.pk])
            excerpt = cut(entry.body_plain or "", therapy_queries.EXCERPT_CHARS)
        elif flag.moment_id:
            names = list(
                Moment.people.through.objects.filter(moment_id=flag.moment_id)
                .order_by("person__name", "person_id")
                .values_list("person__name", flat=True)
            )
            who = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
            kind, label = "moment", f"A moment with {who}" if who else "A moment"
            when = format_date(timezone.localtime(flag.moment.occurred_at), "j F Y, H:i")
            href = reverse("moments:detail", args=[flag.moment_id])
            excerpt = cut(flag.moment.note or "", therapy_queries.EXCERPT_CHARS)
        else:
            checkin = flag.checkin
            instrument = get_instrument(checkin.instrument_id)
            title = instrument.title if instrument else checkin.instrument_id
            kind, label = "checkin", f"{title}: {score(checkin.total)}"
            when = format_date(timezone.localtime(checkin.taken_at), "j F Y")
            href = reverse("checkins:result", args=[checkin.pk])
            excerpt = checkin.band_label
        found.append(
            therapy_queries.Flagged(
                flag.pk, kind, label, when, href, flag.note, excerpt, flag.raised_in_id
            )
        )
    return found


def orm_homework(user, which: Q) -> list[dict]:
    return list(
        GoalStep.objects.filter(owner=user)
        .filter(which, session__isnull=False)
        .order_by("session__held_on", "id")
        .values("id", "text", "due", "done_on", "goal_id", "goal__title", "session__held_on")
    )


def old_first_line(notes: str) -> str:
    for line in notes.splitlines():
        if line.strip():
            return cut(line.strip(), therapy_queries.FIRST_LINE_CHARS)
    return ""


@pytest.fixture
def kept(owner, other):
    """Flags of every kind, waiting and raised in two sessions, homework, goals; and the same
    kinds of rows of another account."""
    when = timezone.now() - dt.timedelta(days=3)
    sessions = [
        TherapySession.objects.create(owner=owner, held_on=dt.date(2026, 2, 3), notes="\n\nA"),
        TherapySession.objects.create(owner=owner, held_on=dt.date(2026, 2, 17), with_whom="Kim"),
        TherapySession.objects.create(owner=owner, held_on=dt.date(2026, 2, 17), notes="Same day"),
    ]
    people = [PersonFactory(owner=owner, name=name) for name in ("Zoë", "Al", "al", "Bea")]
    things = [
        JournalEntryFactory(owner=owner, title="", body="Only a body " * 40),
        JournalEntryFactory(owner=owner, title="**A** title", body="É" * 200),
        MomentFactory(owner=owner, people=people, note="Long note " * 30, occurred_at=when),
        MomentFactory(owner=owner, people=people[:1], note=""),
        MomentFactory(owner=owner, people=[]),
        CheckIn.objects.create(
            owner=owner, instrument_id="weekly-wellbeing", instrument_version=1, answers={},
            total=62.5, band_label="Good", taken_at=when,
        ),
        CheckIn.objects.create(
            owner=owner, instrument_id="no-longer-offered", instrument_version=1, answers={},
            total=3.0,
        ),
    ]  # fmt: skip
    kinds = {JournalEntryFactory._meta.model: "entry", Moment: "moment", CheckIn: "checkin"}
    for at, thing in enumerate(things * 2):
        raised = None if at % 3 == 0 else sessions[at % 2]
        BringUp.objects.create(
            owner=owner, note=f"Note {at} <&>" if at % 2 else "", raised_in=raised,
            **{kinds[type(thing)]: thing},
        )  # fmt: skip
    same = MomentFactory(owner=owner, people=people[1:3])
    BringUp.objects.create(owner=owner, moment=same, raised_in=sessions[0])
    BringUp.objects.create(owner=owner, moment=same)  # one moment waiting and raised
    theirs = TherapySession.objects.create(owner=other, held_on=dt.date(2026, 2, 3))
    their_moment = MomentFactory(owner=other, people=[PersonFactory(owner=other, name="Their")])
    BringUp.objects.create(owner=other, moment=their_moment)
    BringUp.objects.create(owner=other, entry=JournalEntryFactory(owner=other), raised_in=theirs)
    goals = [
        Goal.objects.create(owner=owner, title=title, area="body", status=status)
        for title, status in (
            ("Walk", "active"), ("Calm", "paused"), ("Old", "done"), ("A", "active"),
        )
    ]  # fmt: skip
    for at, session in enumerate([*sessions, None, sessions[0]]):
        GoalStep.objects.create(
            owner=owner, goal=goals[at % 4], text=f"Step {at}", session=session,
            due=dt.date(2026, 3, at + 1) if at % 2 else None,
            done_on=dt.date(2026, 2, 10 + at * 4) if at % 2 == 0 else None,
        )  # fmt: skip
    their_goal = Goal.objects.create(owner=other, title="Theirs", area="body")
    GoalStep.objects.create(owner=other, goal=their_goal, text="Their step", session=theirs)
    return sessions, theirs


@pytest.mark.django_db
def test_the_therapy_pages_reads_are_the_orms(owner, kept):
    sessions, _ = kept
    waiting, rows = therapy_queries.therapy_page(owner)
    assert waiting == orm_flagged(owner, Q(raised_in=None)) and len(waiting) == 6
    assert therapy_queries.waiting(owner) == waiting
    assert rows == [
        therapy_queries.SessionRow(s.pk, s.held_on, s.with_whom, old_first_line(s.notes))
        for s in TherapySession.objects.filter(owner=owner).order_by("-held_on", "-id")
    ]
    assert rows[-1].first_line == "A" and therapy_queries.sessions(owner) == rows


@pytest.mark.django_db
def test_a_sessions_reads_are_the_orms(owner, kept):
    sessions, theirs = kept
    for session in sessions:
        page = therapy_queries.session_page(owner, session.pk)
        offered = orm_flagged(owner, Q(raised_in=None) | Q(raised_in=session))
        assert page.offered == offered
        assert therapy_queries.offered_ids(owner, session.pk) == [flag.pk for flag in offered]
        assert page.homework == orm_homework(owner, Q(session=session))
        assert (page.session.pk, page.session.held_on, page.session.with_whom) == (
            session.pk, session.held_on, session.with_whom,
        )  # fmt: skip
        assert page.session.notes == session.notes
        assert page.goals == list(
            Goal.objects.filter(owner=owner, status__in=("active", "paused"))
            .order_by("title", "id")
            .values_list("id", "title")
        )
    assert [title for _, title in page.goals] == ["A", "Calm", "Walk"]
    for nobody in (theirs.pk, 10**30, "7x", -1):
        assert therapy_queries.session_page(owner, nobody) is None


@pytest.mark.django_db
@pytest.mark.parametrize("today", [dt.date(2026, 2, 20), dt.date(2026, 2, 10), dt.date(2026, 1, 1)])
def test_the_summarys_reads_are_the_orms(owner, kept, today):
    found = therapy_summary.summary(owner, today)
    last = (
        TherapySession.objects.filter(owner=owner, held_on__lte=today)
        .order_by("-held_on", "-id")
        .values("id", "held_on", "with_whom")
        .first()
    )
    assert found.last == last
    since = last["held_on"] if last else today - dt.timedelta(days=therapy_summary.SINCE_DAYS)
    which = Q(done_on=None) | Q(done_on__gt=since)
    if last is not None:
        which |= Q(session_id=last["id"])
    assert found.since == since and found.homework == orm_homework(owner, which)
    assert found.flagged == orm_flagged(owner, Q(raised_in=None))


@given(
    st.lists(
        st.one_of(
            st.sampled_from(
                ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", " ", "\t"]
            ),
            st.text(max_size=30),
            st.text(alphabet="ab \t\u0301e", max_size=200),
        )
    )
)
def test_the_first_line_of_notes_is_as_before(parts):
    notes = "".join(parts)
    assert therapy_queries.first_line(notes) == old_first_line(notes)
