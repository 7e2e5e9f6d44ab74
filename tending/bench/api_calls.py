"""The HTTP API's calls the benchmark measures, like pages: the main lists and single rows.

The benchmark's client is signed in, and the API takes a signed-in browser's session for
reading, so each call is measured as the page beside it is.
"""

from __future__ import annotations

# (name, path under /api/v1/ with {argument}s, the sample values it needs)
API_CALLS = [
    ("GET people", "people", ()),
    ("GET people/{person_id}", "people/{person_id}", ("person_id",)),
    ("GET moments", "moments", ()),
    ("GET moments/{moment_id}", "moments/{moment_id}", ("moment_id",)),
    ("GET checkins", "checkins", ()),
    ("GET checkins/{checkin_id}", "checkins/{checkin_id}", ("checkin_id",)),
    ("GET safety-plan", "safety-plan", ()),
    ("GET today", "today", ()),
    ("GET journal", "journal", ()),
    ("GET journal/{journal_entry_id}", "journal/{journal_entry_id}", ("journal_entry_id",)),
    ("GET insights", "insights", ()),
    ("GET mirror/rounds", "mirror/rounds", ()),
    ("GET mirror/rounds/{round_id}", "mirror/rounds/{round_id}", ("round_id",)),
    ("GET goals", "goals", ()),
    ("GET goals/{goal_id}", "goals/{goal_id}", ("goal_id",)),
    ("GET brave-steps", "brave-steps", ()),
    ("GET brave-steps/offered", "brave-steps/offered", ()),
    ("GET ladders", "ladders", ()),
    ("GET therapy/sessions", "therapy/sessions", ()),
    ("GET therapy/bring-ups", "therapy/bring-ups", ()),
    ("GET therapy/summary", "therapy/summary", ()),
]


def api_calls(values: dict[str, object]) -> list[tuple[str, str]]:
    """(name, URL) of each call whose arguments have a sample."""
    return [
        (f"api {name}", "/api/v1/" + path.format(**values))
        for name, path, needs in API_CALLS
        if all(arg in values for arg in needs)
    ]


def token_samples(user) -> dict[str, object]:
    """A token of the account's own, for the tokens page to list and to revoke."""
    from tending.api.models import AccessToken
    from tending.api.tokens import make_token
    from tending.core.ownership import owned

    token = owned(AccessToken, user).first() or make_token(user, "bench", False, None)[0]
    return {"token_id": token.pk}
