"""Every route of the URL configuration, and a way to make a private row for each URL argument.

Tests that must cover every page (ownership, headers, query counts, the browser's tour) build
their lists from here, so a new route is covered without anyone remembering to add it.
"""

from __future__ import annotations

from tending.core.routes import all_routes
from tests.factories import ClosenessRatingFactory, MomentFactory, PersonFactory

# Pages anyone may see without an account.
PUBLIC = {
    "core:home",
    "core:welcome",
    "core:login",
    "core:logout",
    "safety:crisis",
    "exchange:goodbye",
    "mirror:thanks",
    # A forgotten password (tests/invitations/test_reset.py).
    "invitations:forgot",
    "invitations:forgot_sent",
    "invitations:reset_done",
    "healthz",  # for proxies and uptime monitors (tests/hosting/test_health.py)
    # What a browser fetches to install tending and to work offline: nothing private in
    # any of them (tests/pwa/).
    "pwa:manifest",
    "pwa:worker",
    "pwa:favicon",
    "pwa:offline",
}
# Reached without login but only with a secret in the URL; each has its own tests of a
# wrong, revoked and another person's secret (tests/today/test_calendar.py).
SECRET_LINKS = {"today:feed", "mirror:respond"}  # and tests/mirror/test_respond.py
# An invitation, and the link of a password e-mail (tests/invitations/).
SECRET_LINKS |= {"invitations:accept", "invitations:reset"}
# Pages only an administrator reaches (tending/invitations/admins.py): to every other account
# they are not there, a 404 like another's row. The owner of these tests is the first
# account, which counts as an administrator in personal mode; the other account does not.
ADMIN_ONLY = {"invitations:manage"}


def make_person(owner):
    return PersonFactory(owner=owner, name="Marker Person Name")


def make_moment(owner):
    return MomentFactory(owner=owner, people=[make_person(owner)], note="Marker moment note")


def make_rating(owner):
    return ClosenessRatingFactory(person=make_person(owner))


def make_plan_entry(owner):
    from tests.factories import PlanEntryFactory

    return PlanEntryFactory(owner=owner, part="warning-signs", text="Marker plan line")


def make_plan_helper(owner):
    from tests.factories import PlanHelperFactory

    safe = PersonFactory(owner=owner, name="Marker Safe Person", is_safe=True, phone="0170 123")
    return PlanHelperFactory(person=safe)


def make_own_crisis_line(owner):
    from tests.factories import OwnCrisisLineFactory

    return OwnCrisisLineFactory(owner=owner, name="Marker crisis line")


def make_checkin(owner):
    from tending.checkins.registry import get_instrument
    from tending.checkins.services import save_checkin

    inst = get_instrument("connection")
    return save_checkin(owner, inst, {item.id: 2 for item in inst.items})


def make_journal_entry(owner):
    from tests.factories import JournalEntryFactory

    return JournalEntryFactory(
        owner=owner, title="Marker journal title", body="Marker journal body"
    )


def make_upload(owner):
    """A file waiting for its import to be confirmed (not a row: a file of the account's)."""
    from django.conf import settings

    from tending.exchange import uploads

    return uploads.keep(settings.DATA_DIR, owner.pk, "tending", b'{"Marker": 1}')


def make_round(owner):
    """A feedback round with one answer and one open link (the link's token is not kept)."""
    from tending.mirror import services

    feedback = services.open_round(
        owner,
        display_name="Marker Round Name",
        message="Marker round message",
        words=["calm", "kind", "shy", "warm", "wise"],
        anonymous=False,
    )
    made = services.invite(feedback, label="Marker link label")
    services.answer_by_link(made.invitation, words=["able", "bold", "kind", "wise", "witty"])
    services.invite(feedback, label="Marker second link")
    return feedback


def make_invitation(owner):
    """An open link of the owner's newest round (made by make_round when there is none), so
    that a URL naming both a round and one of its links names a link of that round."""
    from tending.mirror.models import Invitation, Round

    feedback = Round.objects.filter(owner=owner).order_by("-pk").first() or make_round(owner)
    return Invitation.objects.filter(round=feedback, uses=0).order_by("-pk").first()


def make_ladder(owner):
    from tending.growth.models import LadderSession

    return LadderSession.objects.create(
        owner=owner, person=make_person(owner), set_index=1, prompt_index=3, answered=14, passed=1
    )


def make_brave_step(owner):
    import datetime as dt

    from tending.growth.models import BraveStep

    return BraveStep.objects.create(
        owner=owner,
        text="Marker brave step",
        hardness=40,
        fear="Marker fear",
        belief=60,
        added_on=dt.date(2026, 1, 5),
    )


def make_goal(owner):
    import datetime as dt

    from tending.growth.models import Goal, GoalStep

    goal = Goal.objects.create(
        owner=owner, title="Marker goal title", area="connection", why="Marker why"
    )
    GoalStep.objects.create(owner=owner, goal=goal, text="Marker step", due=dt.date(2026, 1, 9))
    return goal


def make_goal_step(owner):
    """A step of the owner's newest goal (made by make_goal when there is none)."""
    from tending.growth.models import Goal, GoalStep

    goal = Goal.objects.filter(owner=owner).order_by("-pk").first() or make_goal(owner)
    return GoalStep.objects.filter(goal=goal).order_by("-pk").first()


def make_session(owner):
    import datetime as dt

    from tending.growth.models import TherapySession

    return TherapySession.objects.create(
        owner=owner, held_on=dt.date(2026, 1, 7), with_whom="Marker therapist", notes="Marker notes"
    )


def make_tag(owner):
    """A tag on one of the owner's moments (a name as typed would be lower-cased)."""
    from tending.core.models import Tag

    tag = Tag.objects.create(owner=owner, name="Marker tag")
    make_moment(owner).tags.add(tag)
    return tag


def make_bring_up(owner):
    from tending.growth.models import BringUp

    return BringUp.objects.create(owner=owner, entry=make_journal_entry(owner), note="Marker flag")


def make_token(owner):
    from tending.api.tokens import make_token as make

    return make(owner, "Marker token", can_write=False, days=None)[0]


def make_site_invitation(owner):
    """An invitation to this tending (not the Mirror's links), made by the owner."""
    from tending.invitations.services import make_invitation

    return make_invitation(owner, note="Marker invitation note").invitation


# URL arguments that name something shared by everyone (not a private row), with a value.
PLAIN_ARGUMENTS = {"instrument": "connection"}
# The weekly review of a week gone by, named by its first day (a Monday).
PLAIN_ARGUMENTS["week"] = "2025-01-06"

# Each URL argument names a kind of private row, and how to make one for an owner.
OBJECT_ARGUMENTS = {
    "checkin_id": make_checkin,
    "person_id": make_person,
    "moment_id": make_moment,
    "rating_id": make_rating,
    "entry_id": make_plan_entry,
    "helper_id": make_plan_helper,
    "line_id": make_own_crisis_line,
    "journal_entry_id": make_journal_entry,
    "upload": make_upload,
    "round_id": make_round,
    "invitation_id": make_invitation,  # after round_id: a link of that round
    "ladder_id": make_ladder,
    "step_id": make_brave_step,
    "goal_id": make_goal,
    "goal_step_id": make_goal_step,  # after goal_id: a step of that goal
    "session_id": make_session,
    "bring_up_id": make_bring_up,
    "tag_id": make_tag,
    "invite_id": make_site_invitation,
    "token_id": make_token,
}


ROUTES = all_routes()
PRIVATE = [(name, args) for name, args in ROUTES if name not in PUBLIC | SECRET_LINKS]


def unknown_arguments(args: list[str]) -> list[str]:
    return [a for a in args if a not in OBJECT_ARGUMENTS and a not in PLAIN_ARGUMENTS]


def url_kwargs(args: list[str], objects: dict) -> dict:
    """The keyword arguments to reverse a route, from rows made for its object arguments."""
    kwargs = {arg: objects[arg].pk for arg in args if arg in OBJECT_ARGUMENTS}
    kwargs.update({arg: PLAIN_ARGUMENTS[arg] for arg in args if arg in PLAIN_ARGUMENTS})
    return kwargs


def assert_page_is_self_contained(response, url: str) -> None:
    """No inline script or style, and nothing loaded from another host. A file to download
    is not a page (the Mirror's answer sheet carries its own script: tests/mirror/test_sheet.py)."""
    if "text/html" not in response.get("Content-Type", ""):
        return
    if response.get("Content-Disposition", "").startswith("attachment"):
        return
    html = response.content.decode()
    assert "<script>" not in html and "<script " not in html.replace("<script src=", ""), url
    assert "style=" not in html and "<style" not in html, url
    assert "http://" not in html and "https://" not in html, url
