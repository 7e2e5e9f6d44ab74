"""Demo feedback rounds: one a year or so, the newest anonymous with fifty answers (the
benchmark's heaviest result page), the older ones named; the open area growing over time.

Links are random hashes of no token at all, so nothing opens them, and each account's differ.
"""

from __future__ import annotations

import datetime
import random
import secrets

from django.utils import timezone

from tending.circle.models import Person, Ring
from tending.mirror.models import Answer, Invitation, Round
from tending.mirror.words import WORDS, in_list_order

# How the demo person sees themselves, and how others tend to see them: the open area grows
# as the rounds go on (their own words move toward what others see).
OWN_EARLY = ("introverted", "nervous", "quiet", "reflective", "shy", "tense")
OWN_LATER = ("caring", "quiet", "reflective", "trustworthy", "warm")
SEEN = ("caring", "dependable", "giving", "kind", "patient", "trustworthy", "warm", "wise")
VALUED = (
    "You remember the small things people tell you.",
    "You listen without hurrying to fix anything.",
    "You are the first to notice when someone is left out.",
    "You make a room calmer just by being in it.",
    "You keep your word, even in small things.",
)
UNSEEN = (
    "You are braver than you think you are.",
    "People are glad when you ask for help, not put out.",
    "You are funnier than you let yourself be with new people.",
    "You don't have to earn a place at the table.",
)
NEWEST_ANSWERS = 50  # the newest round's: the result page the benchmark times


def _picked(rng: random.Random) -> list[str]:
    """Five or six words someone picks: mostly from what others see, a few from anywhere."""
    count = rng.choice((5, 6))
    words = set(rng.sample(SEEN, rng.randint(2, 4)))
    while len(words) < count:
        words.add(rng.choice(WORDS))
    return list(in_list_order(words))


def _secret() -> str:
    # Not from the seed: two accounts filled alike must not share a link (it is unique).
    return secrets.token_hex(32)


def draft_rounds(user, rng: random.Random, first: datetime.date, today: datetime.date, people):
    """(rounds, invitations, answers) unsaved; the rounds' keys are set when saved."""
    zone = user.zone
    days = (today - first).days
    starts = [today - datetime.timedelta(days=10)]
    while (starts[-1] - first).days > 400 and len(starts) < 6:
        starts.append(starts[-1] - datetime.timedelta(days=rng.randint(300, 420)))
    starts.reverse()
    names = [p for p in people if not p.is_archived][:12] or [None]
    drafts = []
    for number, start in enumerate(starts):
        newest = number == len(starts) - 1
        moment = timezone.make_aware(datetime.datetime.combine(start, datetime.time(20)), zone)
        own = OWN_LATER if number >= len(starts) / 2 else OWN_EARLY
        feedback = Round(
            owner=user,
            display_name="Robin",
            message="I'm trying to see myself a little more clearly. There are no wrong answers.",
            own_words=list(in_list_order(own[:6])),
            anonymous=newest,
            shuffle_key=f"{rng.getrandbits(128):032x}",
            created_at=moment,
            closed_at=None if newest else moment + datetime.timedelta(days=14),
        )
        invitations, answers = [], []
        if newest:
            group = Invitation(
                owner=user, round=feedback, label="Choir friends", link_hash=_secret(),
                code_secret=_secret(), expires_at=moment + datetime.timedelta(days=14),
                uses_allowed=NEWEST_ANSWERS, uses=NEWEST_ANSWERS, created_at=moment,
            )  # fmt: skip
            invitations.append(group)
            answers = [
                Answer(
                    owner=user,
                    round=feedback,
                    words=_picked(rng),
                    valued=rng.choice(VALUED) if rng.random() < 0.6 else "",
                    unseen=rng.choice(UNSEEN) if rng.random() < 0.4 else "",
                )  # fmt: skip
                for _ in range(NEWEST_ANSWERS)
            ]
        for person in rng.sample(names, min(len(names), rng.randint(3, 6))):
            label = person.name if person is not None else "A friend"
            answered = not newest and rng.random() < 0.8
            invitation = Invitation(
                owner=user, round=feedback, label=label, person=person, link_hash=_secret(),
                code_secret=_secret(), expires_at=moment + datetime.timedelta(days=14),
                uses=int(answered), created_at=moment,
            )  # fmt: skip
            invitations.append(invitation)
            if answered:
                on = start + datetime.timedelta(days=rng.randint(0, min(13, days)))
                answers.append(
                    Answer(
                        owner=user,
                        round=feedback,
                        invitation=invitation,
                        answered_on=min(on, today),
                        words=_picked(rng),
                        valued=rng.choice(VALUED),
                        unseen=rng.choice(UNSEEN + ("",)),
                    )  # fmt: skip
                )
        drafts.append((feedback, invitations, answers))
    return drafts


def save_rounds(drafts) -> int:
    """Save the drafted rounds with their links and answers; how many answers in all."""
    kept = 0
    for feedback, invitations, answers in drafts:
        feedback.save()
        for invitation in invitations:
            invitation.round = feedback
        Invitation.objects.bulk_create(invitations)
        for answer in answers:
            answer.round = feedback
        Answer.objects.bulk_create(answers)
        kept += len(answers)
    return kept


def people_to_ask(people: list[Person]) -> list[Person]:
    """The inner ring first: the people one would ask how they see one."""
    return sorted(people, key=lambda p: (p.ring != Ring.INNER, p.ring != Ring.MIDDLE))
