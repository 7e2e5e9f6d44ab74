"""Export an account as one JSON document and import it into an empty one, all or nothing."""

from __future__ import annotations

import copy
import datetime as dt
import json

import jsonschema
import pytest
from django.apps import apps

from tending.api.tokens import make_token
from tending.checkins.models import CheckIn, CheckInChoice, CheckInDraft
from tending.circle.models import Person
from tending.core.models import Tag
from tending.exchange.checking import DocumentError
from tending.exchange.document import KINDS
from tending.exchange.document_schema import SCHEMA_FILE
from tending.exchange.export import export_document
from tending.exchange.importer import ImportRefused, account_data, import_document
from tending.exchange.kinds import kind_models
from tending.journal.models import Entry, HiddenPrompt, JournalDraft
from tending.moments.models import Moment
from tending.pwa.models import PushSubscription, SentOnce
from tending.search.finding import find_everywhere
from tending.today.models import CalendarFeed, EmailDigest, ReachOutSnooze
from tests.factories import (
    ClosenessRatingFactory,
    CrisisSettingsFactory,
    JournalEntryFactory,
    MomentFactory,
    OwnCrisisLineFactory,
    PersonFactory,
    PlanEntryFactory,
    PlanHelperFactory,
)

UTC = dt.UTC
SECRET = "f" * 64


@pytest.fixture
def full_account(owner):
    """One of everything an account can hold."""
    walk, rain = (Tag.objects.create(owner=owner, name=n) for n in ("walk", "rain ☔"))
    sam = PersonFactory(
        owner=owner,
        name="Sam Rivera",
        ring="inner",
        rhythm_days=7,
        birthday_day=29,
        birthday_month=2,
        phone="+49 170 1234567",
        email="sam@example.org",
        is_safe=True,
        notes="Likes long walks.\nSecond line.",
    )
    gone = PersonFactory(owner=owner, name="Old friend", is_archived=True)
    ClosenessRatingFactory(person=sam, value=6, rated_on=dt.date(2026, 3, 1))
    moment = MomentFactory(
        owner=owner,
        people=[sam, gone],
        occurred_at=dt.datetime(2026, 3, 14, 18, 30, tzinfo=UTC),
        channel="in-person",
        felt_understood=4,
        self_disclosure=3,
        note="Rivers and rain",
    )
    moment.tags.set([walk, rain])
    MomentFactory(owner=owner, occurred_at=dt.datetime(2025, 1, 2, 3, 4, 5, 678901, tzinfo=UTC))
    CheckIn.objects.create(
        owner=owner,
        instrument_id="who-5",
        instrument_version=2,
        answers={"q2": 3, "q1": None},
        total=52.5,
        subscales={"b": 1.25, "a": 2.0},
        band_label="Fair",
        prorated=True,
        taken_at=dt.datetime(2026, 3, 10, 8, 0, tzinfo=UTC),
    )
    CheckInDraft.objects.create(owner=owner, instrument_id="phq-9", answers={"q1": 1})
    CheckInChoice.objects.create(owner=owner, instrument_id="who-5", frequency="weekly")
    entry = JournalEntryFactory(
        owner=owner,
        people=[sam],
        body="# Heading\n\nA *quiet* day by the heron pond.",
        written_on=dt.date(2026, 3, 14),
        prompt_id="gratitude-3",
    )
    entry.tags.set([rain])
    JournalDraft.objects.create(owner=owner, entry=entry, body="A quieter day.")
    JournalDraft.objects.create(owner=owner, title="New", body="Half a thought")
    HiddenPrompt.objects.create(owner=owner, prompt_id="childhood-1")
    PlanEntryFactory(owner=owner, part="warning-signs", text="I stop answering")
    PlanEntryFactory(owner=owner, part="professionals", text="Dr Okafor", phone="030 123")
    PlanHelperFactory(owner=owner, person=sam)
    CrisisSettingsFactory(owner=owner, region="DE")
    OwnCrisisLineFactory(owner=owner, note="Nights only")
    ReachOutSnooze.objects.create(owner=owner, person=gone, until=dt.date(2026, 4, 1))
    CalendarFeed.objects.create(
        owner=owner,
        token_hash=SECRET,
        use_initials=True,
        review_weekday=6,
        review_time=dt.time(18, 30),
    )
    EmailDigest.objects.create(owner=owner, email="me@example.org", enabled=False)
    _insights_kept(owner)
    _mirror(owner, sam)
    _growth(owner, sam, moment, entry)
    make_token(owner, "backup script", can_write=False, days=30)  # left out: see kinds.py
    # A phone's push subscription and a quick log's key: left out too (kinds.py).
    PushSubscription.objects.create(
        owner=owner, endpoint="https://push.example.net/f" + "f" * 31, p256dh="k", auth="a"
    )
    SentOnce.objects.create(owner=owner, key="e" * 32, led_to="/moments/1/")
    return owner


def _growth(owner, sam, moment, entry) -> None:
    """A ladder session, brave steps (one done, one set aside), a goal with a step of
    homework from a session, and three things flagged, one of them talked about."""
    from tending.growth.models import (
        BraveStep,
        BringUp,
        Goal,
        GoalStep,
        LadderSession,
        TherapySession,
    )  # fmt: skip

    LadderSession.objects.create(
        owner=owner, person=sam, starter=1, set_index=1, prompt_index=4, answered=15, passed=1,
        started_at=dt.datetime(2026, 3, 2, 20, tzinfo=UTC),
        updated_at=dt.datetime(2026, 3, 2, 21, tzinfo=UTC),
    )  # fmt: skip
    done = BraveStep.objects.create(
        owner=owner, text="Tell Sam I missed them", person=sam, hardness=60,
        fear="They will laugh", belief=70, added_on=dt.date(2026, 3, 1),
        done_on=dt.date(2026, 3, 5), what_happened="They hugged me", felt=30,
        fear_came_true=False, belief_after=20, learned="Say it sooner",
    )  # fmt: skip
    BraveStep.objects.create(
        owner=owner, text="Say no to a favour", hardness=80, added_on=dt.date(2026, 3, 1),
        set_aside=True,
    )  # fmt: skip
    session = TherapySession.objects.create(
        owner=owner, held_on=dt.date(2026, 3, 9), with_whom="Dr Okafor", notes="Talked.\nA lot."
    )
    goal = Goal.objects.create(
        owner=owner, title="See friends monthly", area="connection", why="I feel alive",
        target=dt.date(2026, 12, 31), status="active",
    )  # fmt: skip
    goal.people.set([sam])
    goal.brave_steps.set([done])
    GoalStep.objects.create(owner=owner, goal=goal, text="Call Sam", due=dt.date(2026, 3, 20))
    GoalStep.objects.create(
        owner=owner, goal=goal, text="Write down three worries", session=session,
        done_on=dt.date(2026, 3, 12),
    )  # fmt: skip
    checkin = CheckIn.objects.filter(owner=owner).first()
    BringUp.objects.create(owner=owner, entry=entry, note="The heron", raised_in=session)
    BringUp.objects.create(owner=owner, moment=moment)
    BringUp.objects.create(owner=owner, checkin=checkin, note="Lower than usual")


LINK_SECRET = "b" * 64


def _mirror(owner, sam) -> None:
    """A named round answered through Sam's invitation, and an anonymous one of three."""
    from tending.mirror.models import Answer, Invitation, Round

    named = Round.objects.create(
        owner=owner, display_name="Ada", message="Honest words, please.", anonymous=False,
        own_words=["calm", "kind", "shy", "warm", "wise"], shuffle_key="c" * 32,
        created_at=dt.datetime(2026, 3, 1, 9, tzinfo=UTC),
    )  # fmt: skip
    invited = Invitation.objects.create(
        owner=owner, round=named, label="Sam <3", person=sam, link_hash=LINK_SECRET,
        code_secret="d" * 64, expires_at=dt.datetime(2026, 3, 15, tzinfo=UTC), uses=1,
        created_at=dt.datetime(2026, 3, 1, 9, 5, tzinfo=UTC),
    )  # fmt: skip
    Answer.objects.create(
        owner=owner, round=named, invitation=invited, answered_on=dt.date(2026, 3, 2),
        words=["witty", "calm", "kind", "bold", "able"], valued="You listen.", code_tag="e" * 32,
    )  # fmt: skip
    hidden = Round.objects.create(
        owner=owner, display_name="Ada", own_words=["calm", "kind", "shy", "warm", "wise", "able"],
        shuffle_key="f" * 32, closed_at=dt.datetime(2026, 4, 1, tzinfo=UTC),
    )  # fmt: skip
    for said in ("Z last", "A first", "M middle"):
        Answer.objects.create(
            owner=owner, round=hidden, words=["calm", "kind", "shy", "warm", "wise"], unseen=said
        )


def _insights_kept(owner) -> None:
    """What the insights keep for the account (never exported, deleted with it)."""
    from tending.insights.models import Deletions, FindingSeen, InsightsResult

    Deletions.objects.create(owner=owner, kind="checkin", count=2)
    InsightsResult.objects.create(owner=owner, fingerprint="x", computed_on=dt.date(2026, 3, 14))
    FindingSeen.objects.create(
        owner=owner,
        exposure="moment-any",
        outcome="pulse-mood",
        lag_days=0,
        first_seen_on=dt.date(2026, 3, 14),
    )


def without_time(document: dict) -> dict:
    return {name: value for name, value in document.items() if name != "exported_at"}


def rows_everywhere() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_the_export_holds_everything_and_fits_the_schema(full_account):
    document = export_document(full_account)
    jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text())).validate(document)
    for kind in KINDS:
        assert document[kind.name], f"{kind.name} is empty in the export"
    assert document["account"] == {"time_zone": "Europe/Berlin", "language": ""}
    sam = document["people"][0]
    assert sam["key"] == "person-1" and sam["birthday_month"] == 2
    moment = next(m for m in document["moments"] if m["people"])
    assert moment["people"] == ["person-1", "person-2"]
    assert moment["tags"] == ["tag-1", "tag-2"]
    assert moment["occurred_at"] == "2026-03-14T18:30:00Z"
    checkin = document["checkins"][0]
    assert checkin["answers"] == {"q1": None, "q2": 3}
    assert list(checkin["subscales"]) == ["a", "b"]  # sorted, whatever the database did
    assert document["journal_drafts"][0]["entry"] == "entry-1"
    assert document["journal_drafts"][1]["entry"] is None
    assert document["calendar"]["review_time"] == "18:30:00"


def test_no_secret_and_no_database_id_is_in_the_export(full_account):
    text = json.dumps(export_document(full_account))
    assert SECRET not in text
    for secret in (LINK_SECRET, "c" * 32, "d" * 64, "e" * 32, "f" * 32):  # links, keys, tags
        assert secret not in text
    assert full_account.password not in text
    assert full_account.username not in text
    assert '"id"' not in text and '_id": ' not in text.replace('"instrument_id', "").replace(
        '"prompt_id', ""
    )


def test_export_import_export_is_the_same_document(full_account, other):
    first = export_document(full_account)
    summary = import_document(copy.deepcopy(first), other)
    assert summary.added["moments"] == 2 and summary.added["calendar"] == 1
    again = export_document(other)
    assert without_time(again) == without_time(first)
    other.refresh_from_db()
    assert other.time_zone == "Europe/Berlin"


@pytest.mark.parametrize(("kept", "arrives"), [("de", "de"), ("", ""), ("xx", "")])
def test_the_chosen_language_travels_and_an_unknown_one_becomes_the_browsers(
    full_account, other, kept, arrives
):
    document = export_document(full_account)
    document["account"]["language"] = kept
    import_document(document, other)
    other.refresh_from_db()
    assert other.language == arrives


def test_what_tending_works_out_is_worked_out_again(full_account, other):
    import_document(export_document(full_account), other)
    sam = Person.objects.get(owner=other, name="Sam Rivera")
    assert sam.last_moment_at == dt.datetime(2026, 3, 14, 18, 30, tzinfo=UTC)
    entry = Entry.objects.get(owner=other)
    assert "<em>quiet</em>" in entry.html()
    assert [m.kind for m in find_everywhere(other, "heron").matches] == ["entry"]
    feed = CalendarFeed.objects.get(owner=other)
    assert feed.token_hash != SECRET and len(feed.token_hash) == 64  # a new, unshown link


def test_feedback_rounds_go_out_and_come_back_without_their_secrets(full_account, other):
    from tending.mirror.models import Answer, Invitation, Round

    document = export_document(full_account)
    named, hidden = document["mirror_rounds"]
    assert (named["anonymous"], hidden["anonymous"]) == (False, True)
    assert named["own_words"] == ["calm", "kind", "shy", "warm", "wise"]
    assert hidden["closed_at"] == "2026-04-01T00:00:00Z"
    (invited,) = document["mirror_invitations"]
    assert (invited["round"], invited["person"], invited["label"]) == (
        "round-1",
        "person-1",
        "Sam <3",
    )
    answers = document["mirror_answers"]
    assert answers[0]["invitation"] == "invitation-1" and answers[0]["answered_on"] == "2026-03-02"
    assert answers[0]["words"] == ["able", "bold", "calm", "kind", "witty"]  # in the list's order
    # An anonymous round's answers: no invitation, no day, and in the order of what they say,
    # never the order they came in.
    anonymous = [a for a in answers if a["round"] == "round-2"]
    assert [a["unseen"] for a in anonymous] == ["A first", "M middle", "Z last"]
    assert all(a["invitation"] is None and a["answered_on"] is None for a in anonymous)
    import_document(document, other)
    came = Invitation.objects.get(owner=other)
    assert came.link_hash != LINK_SECRET and len(came.link_hash) == 64  # a new, unshown link
    assert came.code_secret != "d" * 64 and len(came.code_secret) == 64
    keys = Round.objects.filter(owner=other).values_list("shuffle_key", flat=True)
    assert all(len(key) == 32 and key not in ("c" * 32, "f" * 32) for key in keys)
    assert set(Answer.objects.filter(owner=other).values_list("code_tag", flat=True)) == {""}


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["calm", "kind", "shy", "warm"], "holds 4 words; 5 or 6 belong here"),
        (["calm", "kind", "shy", "warm", "wise", "able", "bold"], "holds 7 words"),
        (["calm", "kind", "shy", "warm", "nice"], "'nice' is not a word of the list"),
        (["calm", "kind", "shy", "warm", "calm"], "'calm' is in this list twice"),
        ("calm kind shy warm wise", "should be a list of words"),
    ],
)
def test_words_that_are_not_five_or_six_of_the_list_are_refused(other, words, said):
    document = {
        "format": "tending-export", "version": 1,
        "mirror_rounds": [{"key": "r", "display_name": "Ada", "own_words": words}],
    }  # fmt: skip
    with pytest.raises(DocumentError, match=said) as problem:
        import_document(document, other)
    assert problem.value.where.startswith("mirror_rounds[0].own_words")


def test_times_are_kept_as_they_were(full_account, other):
    old = dt.datetime(2020, 5, 6, 7, 8, 9, 123456, tzinfo=UTC)
    Moment.objects.filter(owner=full_account).update(created_at=old, updated_at=old)
    import_document(export_document(full_account), other)
    assert set(Moment.objects.filter(owner=other).values_list("created_at", "updated_at")) == {
        (old, old)
    }


def test_rows_added_by_another_tool_without_times_are_made_now(other):
    document = {
        "format": "tending-export",
        "version": 1,
        "people": [{"key": "p", "name": "Robin"}],
        "moments": [{"occurred_at": "2026-03-14T19:30:00+01:00", "people": ["p"]}],
    }
    now = dt.datetime(2026, 3, 20, tzinfo=UTC)
    summary = import_document(document, other, now=now)
    assert summary.lines() == ["people: 1", "moments: 1"]
    robin = Person.objects.get(owner=other)
    assert (robin.rhythm_days, robin.created_at) == (30, now)  # the middle ring's rhythm


def test_an_account_with_data_is_refused_and_nothing_is_written(full_account, other):
    document = export_document(full_account)
    PersonFactory(owner=other, name="Already here")
    before = rows_everywhere()
    with pytest.raises(ImportRefused, match=r"already holds data \(people: 1\).*empty account"):
        import_document(document, other)
    assert rows_everywhere() == before


def test_settings_alone_do_not_count_as_data(full_account, other):
    CrisisSettingsFactory(owner=other, region="GB")
    EmailDigest.objects.create(owner=other, email="old@example.org")
    assert account_data(other) == {}
    import_document(export_document(full_account), other)
    assert EmailDigest.objects.get(owner=other).email == "me@example.org"
    assert other_region(other) == "DE"


def other_region(user) -> str:
    return apps.get_model("safety", "CrisisSettings").objects.get(owner=user).region


def test_an_account_link_is_kept_when_the_calendar_comes_in(full_account, other):
    CalendarFeed.objects.create(owner=other, token_hash="a" * 64)
    import_document(export_document(full_account), other)
    feed = CalendarFeed.objects.get(owner=other)
    assert (feed.token_hash, feed.use_initials) == ("a" * 64, True)


def test_a_bad_document_writes_nothing(full_account, other):
    document = export_document(full_account)
    document["email_digest"]["email"] = 5  # the very last part: everything before is fine
    before = rows_everywhere()
    with pytest.raises(DocumentError) as caught:
        import_document(document, other)
    assert caught.value.where == "email_digest.email"
    assert rows_everywhere() == before


def test_a_failure_while_writing_leaves_nothing_behind(full_account, other, monkeypatch):
    document = export_document(full_account)
    real = __import__("tending.exchange.importer", fromlist=["insert_rows"]).insert_rows

    def failing(model, names, rows, returning):
        if model is Entry:
            raise RuntimeError("the disk is full")
        return real(model, names, rows, returning)

    monkeypatch.setattr("tending.exchange.importer.insert_rows", failing)
    before = rows_everywhere()
    with pytest.raises(RuntimeError):
        import_document(document, other)
    assert rows_everywhere() == before


def test_a_dry_run_counts_and_writes_nothing(full_account, other):
    document = export_document(full_account)
    before = rows_everywhere()
    summary = import_document(document, other, dry_run=True)
    assert summary.dry_run and summary.added["people"] == 2
    assert rows_everywhere() == before


def test_keys_are_the_documents_own_never_another_accounts_rows(full_account, other):
    """A key that happens to look like an id of someone else's row still means this document."""
    theirs = Person.objects.filter(owner=full_account).order_by("id").first()
    document = {
        "format": "tending-export",
        "version": 1,
        "people": [{"key": f"person-{theirs.pk}", "name": "Mine"}],
        "snoozes": [{"person": f"person-{theirs.pk}", "until": "2026-05-01"}],
    }
    import_document(document, other)
    snooze = ReachOutSnooze.objects.get(owner=other)
    assert snooze.person.owner == other and snooze.person.name == "Mine"
    assert ReachOutSnooze.objects.filter(owner=full_account).count() == 1


def test_every_kind_has_its_model():
    assert set(kind_models()) == {kind.name for kind in KINDS} - {"account"}


def test_answers_that_fire_a_safety_rule_are_flagged_whatever_the_document_says(other):
    from tending.checkins.models import CheckIn
    from tending.checkins.registry import get_instrument

    hard = get_instrument("hard-days")
    rule = hard.safety_rules[0]
    taken = "2026-03-14T19:30:00Z"
    rows = [
        {"instrument_id": "hard-days", "taken_at": taken, "answers": {rule.item: rule.at_least}},
        {"instrument_id": "hard-days", "taken_at": taken, "answers": {rule.item: 0}},
    ]
    for row in rows:
        row.update(instrument_version=1, total=1.0, safety_fired=False)
    document = {"format": "tending-export", "version": 1, "checkins": rows}
    import_document(document, other)
    flags = (
        CheckIn.objects.filter(owner=other).order_by("id").values_list("safety_fired", flat=True)
    )
    assert list(flags) == [True, False]


def feedback_document(**answer) -> dict:
    return {
        "format": "tending-export", "version": 1,
        "mirror_rounds": [
            {"key": "named", "display_name": "Ada", "anonymous": False,
             "own_words": ["calm", "kind", "shy", "warm", "wise"]},
            {"key": "hidden", "display_name": "Ada", "anonymous": True,
             "own_words": ["calm", "kind", "shy", "warm", "wise"]},
        ],
        "mirror_invitations": [
            {"key": "sam", "round": "named", "label": "Sam", "expires_at": "2026-03-01T00:00:00Z"},
        ],
        "mirror_answers": [
            {"round": "named", "words": ["calm", "kind", "shy", "warm", "wise"]} | answer
        ],
    }  # fmt: skip


@pytest.mark.parametrize(
    ("answer", "where", "said"),
    [
        ({"round": "hidden", "invitation": "sam"}, "invitation", "of another round"),
        ({"round": "hidden", "answered_on": "2026-03-02"}, "answered_on", "anonymous round"),
        ({"words": ["calm", ["kind"], {}, 1, None]}, "words[1]", "not a word of the list"),
    ],
)
def test_feedback_answers_that_could_not_have_been_kept_are_refused(other, answer, where, said):
    with pytest.raises(DocumentError, match=said) as problem:
        import_document(feedback_document(**answer), other)
    assert problem.value.where == f"mirror_answers[0].{where}"


def test_a_named_rounds_answer_keeps_its_invitation_and_day(other):
    from tending.mirror.models import Answer

    import_document(feedback_document(invitation="sam", answered_on="2026-03-02"), other)
    answer = Answer.objects.get(owner=other)
    assert (answer.invitation.label, answer.answered_on) == ("Sam", dt.date(2026, 3, 2))


def growth_document(**bring_up) -> dict:
    return {
        "format": "tending-export", "version": 1,
        "moments": [{"occurred_at": "2026-03-01T10:00:00Z"},
                    {"key": "m", "occurred_at": "2026-03-02T10:00:00Z"}],
        "journal_entries": [{"key": "e", "written_on": "2026-03-01", "body": "Hello"}],
        "therapy_sessions": [{"key": "s", "held_on": "2026-03-03"}],
        "bring_ups": [{"note": "this"} | bring_up],
    }  # fmt: skip


@pytest.mark.parametrize(
    "bring_up", [{}, {"entry": "e", "moment": "m"}, {"entry": "e", "checkin": None, "moment": "m"}]
)
def test_a_thing_to_bring_up_names_exactly_one_thing(other, bring_up):
    with pytest.raises(DocumentError, match="one of entry, moment or checkin") as problem:
        import_document(growth_document(**bring_up), other)
    assert problem.value.where == "bring_ups[0]"


def test_moments_from_an_export_without_keys_come_in_and_flagged_ones_keep_their_flag(other):
    from tending.growth.models import BringUp

    import_document(growth_document(moment="m", raised_in="s"), other)
    flagged = BringUp.objects.get(owner=other)
    assert flagged.moment.occurred_at == dt.datetime(2026, 3, 2, 10, tzinfo=UTC)
    assert flagged.raised_in.held_on == dt.date(2026, 3, 3)
    assert Moment.objects.filter(owner=other).count() == 2
    # Every moment carries a key from now on, so the next export can point at any of them.
    assert [m["key"] for m in export_document(other)["moments"]] == ["moment-1", "moment-2"]


def test_a_flag_pointing_at_a_moment_that_is_not_there_is_refused(other):
    with pytest.raises(DocumentError, match="no moment with the key") as problem:
        import_document(growth_document(moment="gone"), other)
    assert problem.value.where == "bring_ups[0].moment"


@pytest.mark.parametrize(("place", "kept"), [((0, 50), False), ((2, 12), False), ((3, 5), False),
                                             ((3, 0), True), ((1, 11), True)])  # fmt: skip
def test_a_ladder_session_is_at_a_prompt_of_the_ladder(other, place, kept):
    from tending.growth.models import LadderSession

    document = {
        "format": "tending-export", "version": 1,
        "people": [{"key": "p", "name": "Sam", "kind": "friend", "ring": "inner"}],
        "ladder_sessions": [{"person": "p", "set_index": place[0], "prompt_index": place[1]}],
    }  # fmt: skip
    if kept:
        import_document(document, other)
        assert LadderSession.objects.filter(owner=other).count() == 1
        return
    with pytest.raises(DocumentError, match="is not a prompt of the ladder") as problem:
        import_document(document, other)
    assert problem.value.where == "ladder_sessions[0].prompt_index"
    assert not LadderSession.objects.exists()
