"""Which model holds each kind of the export, and what is deliberately left out of it, and why.

Document field names are the models' own field names; a `ref` is a foreign key and `refs`
a many-to-many field of the same name. tests/exchange/test_document_coverage.py walks
every model and fails when a row or a field is neither exported nor listed here.
"""

from __future__ import annotations

from django.db import models

# Fields of exported models that are not data to carry, with the reason.
LEFT_OUT_FIELDS: dict[str, dict[str, str]] = {
    "core.User": {
        "password": "a secret (its hash): the importing account keeps its own",
        "last_login": "about this server, not the person's data",
        "is_superuser": "a decision of whoever runs this server",
        "is_staff": "a decision of whoever runs this server",
        "is_active": "a decision of whoever runs this server",
        "username": "the importing account keeps its own name",
        "first_name": "never asked for; tending does not use it",
        "last_name": "never asked for; tending does not use it",
        "email": "the account's own address; the weekly e-mail's address is carried",
        "date_joined": "when this account was made, on this server",
        "groups": "permissions on this server",
        "user_permissions": "permissions on this server",
    },
    "circle.Person": {
        "last_moment_at": "a cache of the latest moment; worked out again on import",
    },
    "journal.Entry": {
        "body_html": "a cache of the rendered body; rendered again on import",
        "body_plain": "a cache of the body's words as plain text; made again on import",
        "rendered_with": "goes with body_html and body_plain",
    },
    "today.CalendarFeed": {
        "token_hash": "a secret link's hash: an imported calendar gets a new link",
    },
    "mirror.Round": {
        "shuffle_key": "orders an anonymous round's open answers; a new one is made on import",
    },
    "mirror.Invitation": {
        "link_hash": "a secret link's hash: imported invitations get new links, never shown",
        "code_secret": "the answer sheet's key: a secret, made anew on import",
    },
    "mirror.Answer": {
        "code_tag": "only to refuse the same answer code twice, here",
    },
}

# Rows that are not the person's data at all: nothing of them is exported.
LEFT_OUT_MODELS: dict[str, str] = {
    "sessions.Session": "logins on this server, and the kept searches inside them",
    "core.LoginThrottle": "failed logins on this server, keyed by a hash, owned by nobody",
    "auth.Permission": "the server's own tables",
    "auth.Group": "the server's own tables",
    "contenttypes.ContentType": "the server's own tables",
    # The insights keep nothing that cannot be worked out again from what is exported.
    "insights.InsightsResult": "a cache of the findings, worked out again from moments and pulses",
    "insights.FindingSeen": "when each finding was first shown here; an import starts afresh",
    "insights.Deletions": "a count that tells kept charts a result was deleted, nothing more",
    # A token works for one server's programs; only its hash is kept, so it could not be
    # carried over anyway. Make new ones after moving.
    "api.AccessToken": "API tokens: secrets for one server, kept only as hashes",
    # A phone's promise to be woken belongs to that browser and this server's keys.
    "pwa.PushSubscription": "push reminders: one browser's subscription to this server",
    "pwa.SentOnce": "keys of quick logs sent from a phone, so a resent one is saved once",
}


def kind_models() -> dict[str, type[models.Model]]:
    """The model of every kind of the document except `account` (the user row itself)."""
    from tending.checkins.models import CheckIn, CheckInChoice, CheckInDraft
    from tending.circle.models import ClosenessRating, Person
    from tending.core.models import Tag
    from tending.growth.models import (
        BraveStep,
        BringUp,
        Goal,
        GoalStep,
        LadderSession,
        TherapySession,
    )
    from tending.journal.models import Entry, HiddenPrompt, JournalDraft
    from tending.mirror.models import Answer, Invitation, Round
    from tending.moments.models import Moment
    from tending.safety.models import CrisisSettings, OwnCrisisLine, PlanEntry, PlanHelper
    from tending.today.models import CalendarFeed, EmailDigest, ReachOutSnooze

    return {
        "tags": Tag,
        "people": Person,
        "closeness_ratings": ClosenessRating,
        "moments": Moment,
        "checkins": CheckIn,
        "checkin_drafts": CheckInDraft,
        "checkin_choices": CheckInChoice,
        "journal_entries": Entry,
        "journal_drafts": JournalDraft,
        "hidden_prompts": HiddenPrompt,
        "plan_lines": PlanEntry,
        "plan_helpers": PlanHelper,
        "crisis_settings": CrisisSettings,
        "own_crisis_lines": OwnCrisisLine,
        "snoozes": ReachOutSnooze,
        "calendar": CalendarFeed,
        "email_digest": EmailDigest,
        "mirror_rounds": Round,
        "mirror_invitations": Invitation,
        "mirror_answers": Answer,
        "ladder_sessions": LadderSession,
        "brave_steps": BraveStep,
        "therapy_sessions": TherapySession,
        "goals": Goal,
        "goal_steps": GoalStep,
        "bring_ups": BringUp,
    }


def links(model: type[models.Model], name: str) -> tuple[type[models.Model], str, str]:
    """A many-to-many field's through model and its two columns (this side, the other)."""
    field = model._meta.get_field(name)
    return (
        field.remote_field.through,
        f"{field.m2m_field_name()}_id",
        f"{field.m2m_reverse_field_name()}_id",
    )
