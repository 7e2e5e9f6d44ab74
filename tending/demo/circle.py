"""The demo circle: about sixty people, years of moments with them, and closeness ratings."""

from __future__ import annotations

import datetime
import random
import unicodedata
from dataclasses import dataclass, field

from tending.circle.drift import RING_RHYTHM_DAYS, due_from_day
from tending.circle.models import ClosenessRating, Kind, Person, Ring
from tending.core.models import Tag
from tending.demo.life import Life
from tending.demo.names import ARCHIVED_NOTES, FIRST_NAMES, MOMENT_NOTES, PERSON_NOTES, SURNAMES
from tending.moments.models import Channel, Initiator, Moment

# Who is in the circle, ring by ring ("friend*5" is five friends). Positions matter: 0 is the
# partner, and 5 and 6 are middle friends whose last moment is pinned so that every demo shows
# someone due and someone drifting.
CIRCLE = {
    Ring.INNER: "partner family*2 friend*2",
    Ring.MIDDLE: "friend*5 family*3 colleague*2 mentor professional peer-support*2 community",
    Ring.OUTER: "friend*11 colleague*8 community*7 family*4 professional*3 peer-support*2 "
    "mentor*2 other*3",
}
BLUEPRINT = [
    (ring, Kind(kind))
    for ring, spec in CIRCLE.items()
    for kind, _, count in (word.partition("*") for word in spec.split())
    for _ in range(int(count or 1))
]
FIRST_OUTER = BLUEPRINT.index((Ring.OUTER, Kind.FRIEND))
THERAPIST = BLUEPRINT.index((Ring.MIDDLE, Kind.PROFESSIONAL))
# Shared moments only happen within one part of a life; professionals and others are seen alone.
# fmt: off
GROUP = {
    Kind.PARTNER: "home", Kind.FAMILY: "home", Kind.FRIEND: "friends",
    Kind.COLLEAGUE: "work", Kind.MENTOR: "work", Kind.PEER_SUPPORT: "support",
    Kind.COMMUNITY: "community", Kind.PROFESSIONAL: "alone", Kind.OTHER: "alone",
}
# The tags a moment may get, again by part of life.
MOMENT_TAGS = {
    "home": "dinner|walk|family|laughed", "friends": "dinner|walk|laughed|coffee|support",
    "work": "work|coffee|hard day", "support": "support|hard day",
    "community": "walk|laughed", "alone": "support|hard day",
}
# fmt: on
# Mean days between the moments a person starts, for someone who logs most meaningful contact:
# the partner nearly every day, the rest of the inner ring every couple of days.
PARTNER_GAP = (1.0, 1.3)
GAP_RANGE = {Ring.INNER: (1.4, 2.8), Ring.MIDDLE: (3.5, 9.0), Ring.OUTER: (15.0, 70.0)}
RATING_RANGE = {Ring.INNER: (5, 7), Ring.MIDDLE: (3, 6), Ring.OUTER: (1, 4)}
SHARING_BASE = {Ring.INNER: 2.4, Ring.MIDDLE: 1.7, Ring.OUTER: 1.0}
CLOSENESS_BASE = {Ring.INNER: 5.8, Ring.MIDDLE: 4.4, Ring.OUTER: 3.0}
ON_FILE_ODDS = {Ring.INNER: 1.0, Ring.MIDDLE: 0.65, Ring.OUTER: 0.3}  # phone, birthday
# Per channel: how often inner, middle and outer people use it; median minutes and its spread.
CHANNELS = {
    Channel.IN_PERSON: ((52, 42, 32), 75, 0.5),
    Channel.MESSAGES: ((22, 30, 45), 10, 0.7),
    Channel.CALL: ((15, 14, 10), 25, 0.6),
    Channel.VIDEO: ((10, 12, 10), 40, 0.4),
    Channel.LETTER: ((1, 2, 3), 20, 0.3),
}
TAG_NAMES = sorted({name for names in MOMENT_TAGS.values() for name in names.split("|")})
BUSY_DAY_ODDS = 0.3
UNDERSTOOD = 4  # felt_understood at or above this counts as a moment of feeling understood


@dataclass(eq=False)  # compared by identity when picking companions
class Plan:
    """The hidden traits behind one demo person; only their effects are stored."""

    person: Person
    group: str
    mean_gap: float
    openness: float
    responsiveness: float
    initiative: float
    start: datetime.date
    end: datetime.date  # last day a moment may fall on
    drifting: bool = False
    pinned: bool = False  # the last moment falls exactly on `end`
    silent: bool = False  # added recently, no moments yet


@dataclass
class MomentDraft:
    day: int  # ordinal of the owner's local day
    moment: Moment
    people: list[Plan]
    tag_names: list[str]


@dataclass
class CircleDraft:
    """Everything the circle will store, built before anything is written."""

    plans: list[Plan]
    moments: list[MomentDraft]
    ratings: list[ClosenessRating] = field(default_factory=list)

    def understood_days(self) -> set[int]:
        return {
            m.day
            for m in self.moments
            if m.moment.felt_understood and m.moment.felt_understood >= UNDERSTOOD
        }

    def seen_by_day(self) -> dict[int, list[Plan]]:
        seen: dict[int, list[Plan]] = {}
        for m in self.moments:
            day = seen.setdefault(m.day, [])
            day.extend(p for p in m.people if p not in day)
        return seen


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())  # Zoë -> zoe, O'Brien -> obrien


def _people(user, rng: random.Random, today: datetime.date, first: datetime.date) -> list[Plan]:
    days = datetime.timedelta
    firsts = rng.sample(FIRST_NAMES, len(BLUEPRINT))
    phones = rng.sample(range(100), len(BLUEPRINT))
    family_name = rng.choice(SURNAMES)
    # Roles go to positions that cannot collide with the pinned people (0, 5, 6).
    outer = rng.sample(range(FIRST_OUTER, len(BLUEPRINT)), 14)
    middle = rng.sample([i for i in range(7, FIRST_OUTER) if i != THERAPIST], 6)
    silent = set(outer[:2])
    archived = {middle[0], *outer[2 : 2 + rng.randint(2, 4)]}
    newcomers = {middle[1], *outer[6:10]}
    drifting = {6, middle[2], middle[3], *outer[10:13]}
    if rng.random() < 0.5:
        drifting.add(4)  # sometimes even a close friend slips away
    custom = {THERAPIST: 14, middle[4]: 14, middle[5]: 60, outer[13]: 90, outer[6]: 365}
    safe = {0, THERAPIST, rng.choice([1, 2]), rng.choice([3, 4])}
    plans = []
    for i, (ring, kind) in enumerate(BLUEPRINT):
        same_family = kind == Kind.FAMILY and rng.random() < 0.6
        surname = family_name if same_family else rng.choice(SURNAMES)
        last = surname if rng.random() < 0.5 else f"{surname[0]}."
        person = Person(owner=user, name=f"{firsts[i]} {last}", kind=kind, ring=ring)
        person.rhythm_days = custom.get(i, RING_RHYTHM_DAYS[ring])
        if rng.random() < ON_FILE_ODDS[ring]:
            person.phone = f"+1 555 01{phones[i]:02d}"
        if rng.random() < ON_FILE_ODDS[ring] * 0.7:
            person.email = f"{_ascii(firsts[i])}.{_ascii(surname)}@example.org"
        if rng.random() < 0.08:
            person.other_contact = rng.choice(["Signal", "WhatsApp", "Through the group chat"])
        if rng.random() < ON_FILE_ODDS[ring]:
            person.birthday_month = rng.randint(1, 12)
            person.birthday_day = rng.randint(1, 28 if person.birthday_month == 2 else 30)
            if rng.random() < 0.5:
                person.birthday_year = today.year - rng.randint(24, 78)
        person.is_safe = i in safe
        person.is_archived = i in archived
        if person.is_archived:
            person.notes = rng.choice(ARCHIVED_NOTES)
        elif rng.random() < 0.35:
            person.notes = rng.choice(PERSON_NOTES[kind])

        mean_gap = rng.uniform(*PARTNER_GAP) if i == 0 else rng.uniform(*GAP_RANGE[ring])
        if i in custom:
            mean_gap = person.rhythm_days * rng.uniform(0.5, 1.1)
        plan = Plan(
            person=person,
            group=GROUP[kind],
            mean_gap=mean_gap,
            openness=rng.betavariate(3, 3),
            responsiveness=rng.betavariate(3, 2) if ring == Ring.OUTER else rng.betavariate(5, 2),
            initiative=rng.uniform(0.3, 0.7),
            start=first,
            end=today - days(1),  # never today: a moment later today would lie in the future
            drifting=i in drifting,
        )
        if i in newcomers:
            plan.start = max(first, today - days(rng.randint(60, 700)))
        if i in archived:
            plan.end = max(first + days(60), today - days(rng.randint(150, 600)))
        if i in silent:
            plan.start = today - days(rng.randint(3, 40))
            plan.end = plan.start - days(1)  # an empty window: no moments, no shared moments
            plan.silent = True
        # Random gaps alone could leave nobody due today; pin three last moments so every demo
        # shows someone in rhythm, someone due and someone drifting.
        rhythm = person.rhythm_days
        pinned = {0: (1, 1), 5: (due_from_day(rhythm), rhythm), 6: (rhythm + 5, rhythm * 3)}
        if i in pinned:
            plan.end = today - days(rng.randint(*pinned[i]))
            plan.pinned = True
        plans.append(plan)
    return plans


def _own_days(rng: random.Random, plan: Plan, today: datetime.date) -> list[int]:
    """Ordinal days of the moments this person starts, with random (gamma) gaps."""
    start, end = plan.start.toordinal(), plan.end.toordinal()
    drift_from = today.toordinal() - 365
    days: list[int] = []
    t = start + rng.random() * plan.mean_gap
    while t <= end:
        day = int(t)
        weekday = datetime.date.fromordinal(day).weekday()
        if plan.group == "work" and weekday >= 5:
            day += 7 - weekday  # colleagues meet on Monday, not at the weekend
        if day > end:
            break
        days.append(day)
        gap = rng.gammavariate(1.5, plan.mean_gap / 1.5)
        if plan.drifting and day > drift_from:
            # Contact thins out over the last year, to a seventh of what it was.
            gap *= 1 + 6 * (day - drift_from) / 365
        t = day + max(1.0, gap)
    if plan.pinned and (not days or days[-1] != end):
        days.append(end)
    return days


def _when(rng: random.Random, plan: Plan, day: int, zone) -> datetime.datetime:
    date = datetime.date.fromordinal(day)
    if plan.group == "work" and date.weekday() < 5:
        hour = rng.randint(9, 17)
    elif date.weekday() >= 5:
        hour = rng.randint(9, 21)
    else:
        hour = rng.choice([7, 8, 12, 13, 17, 18, 18, 19, 19, 20, 20, 21, 22])
    time = datetime.time(hour, rng.randrange(0, 60, 5))
    return datetime.datetime.combine(date, time, tzinfo=zone)


def _fill_details(rng: random.Random, moment: Moment, plan: Plan, level: float) -> None:
    ring, kind = plan.person.ring, plan.person.kind
    if kind == Kind.PROFESSIONAL:
        moment.channel = rng.choice([Channel.IN_PERSON, Channel.IN_PERSON, Channel.VIDEO])
    else:
        column = list(Ring).index(ring)
        weights = [usage[column] for usage, _, _ in CHANNELS.values()]
        moment.channel = rng.choices(list(CHANNELS), weights)[0]
    if rng.random() < 0.93:
        odds = [plan.initiative, 1 - plan.initiative, 0.2]  # me, them, both
        moment.initiated_by = rng.choices(list(Initiator), odds)[0]
    if rng.random() < 0.9:
        _, median, spread = CHANNELS[moment.channel]
        moment.duration_minutes = _clamp(median * rng.lognormvariate(0, spread), 1, 24 * 60)
    depth = SHARING_BASE[ring] + 2 * (plan.openness - 0.5)
    if moment.channel == Channel.MESSAGES:
        depth -= 0.5
    moment.self_disclosure = _clamp(depth + rng.gauss(0, 0.8), 0, 4)
    theirs = depth - 1.5 if kind == Kind.PROFESSIONAL else depth  # therapists rarely share
    moment.other_disclosure = _clamp(theirs + rng.gauss(0, 0.8), 0, 4)
    # One shared draw per moment, so the three feelings move together as they do in life; on
    # low days other people feel less understanding, as they do when life is heavy.
    quality = plan.responsiveness + 0.1 * level + rng.gauss(0, 0.15)
    lift = 0.0
    # Being understood needs something shared first: after small talk the three feelings are
    # mostly left blank, so not every day holds a moment of feeling understood.
    if moment.self_disclosure >= 2 or rng.random() < 0.25:
        felt = [_clamp(0.8 + 4 * quality + rng.gauss(0, 0.5), 1, 5) for _ in range(3)]
        moment.felt_understood, moment.felt_validated, moment.felt_cared_for = felt
        lift = 0.9 * (sum(felt) / 3 - 3)
    moment.closeness_after = _clamp(CLOSENESS_BASE[ring] + lift + rng.gauss(0, 0.5), 1, 7)
    safe_bonus = 0.5 if plan.person.is_safe else 0.0
    moment.felt_safe = _clamp(1.8 + 2.6 * quality + safe_bonus + rng.gauss(0, 0.5), 1, 5)
    if rng.random() < 0.17:
        moment.note = rng.choice(MOMENT_NOTES[plan.group].split("|"))


def _ratings(user, rng: random.Random, plan: Plan, today: datetime.date) -> list[ClosenessRating]:
    ring = plan.person.ring
    low, high = RATING_RANGE[ring]
    span = ((plan.end if plan.person.is_archived else today) - plan.start).days
    if plan.silent or ring == Ring.OUTER:
        count = 1 if plan.silent else rng.randint(1, 4)
        offsets = sorted(rng.randint(0, span) for _ in range(count))
    else:
        offsets, offset = [], rng.randint(0, 45)
        while offset <= span:
            offsets.append(offset)
            offset += rng.randint(60, 120)
    value = rng.randint(low + 1, high)
    drift_from = today - datetime.timedelta(days=365)
    ratings = []
    for offset in offsets:
        rated_on = plan.start + datetime.timedelta(days=offset)
        roll = rng.random()
        value += 1 if roll < 0.15 else -1 if roll < 0.3 else 0
        if plan.drifting and rated_on > drift_from and rng.random() < 0.4:
            value -= 1
        value = max(low, min(high, value))
        ratings.append(
            ClosenessRating(owner=user, person=plan.person, value=value, rated_on=rated_on)
        )
    return ratings


def draft_circle(
    user, rng: random.Random, first: datetime.date, today: datetime.date, zone, life: Life
) -> CircleDraft:
    """The people, every moment and every rating, in memory and in a reproducible order."""
    plans = _people(user, rng, today, first)
    # Each person's own moments, some joined by others from the same part of life who were
    # around then; the more often someone is seen, the likelier they come along.
    groups: dict[str, list[Plan]] = {}
    for plan in plans:
        groups.setdefault(plan.group, []).append(plan)
    starts = []
    for index, plan in enumerate(plans):
        for day in _own_days(rng, plan, today):
            others: list[Plan] = []
            if plan.group != "alone" and rng.random() < 0.15:
                date = datetime.date.fromordinal(day)
                pool = [q for q in groups[plan.group] if q.start <= date <= q.end and q is not plan]
                for _ in range(min(len(pool), rng.choice([1, 1, 2]))):
                    others.append(rng.choices(pool, [1 / q.mean_gap for q in pool])[0])
                    pool.remove(others[-1])
            starts.append((_when(rng, plan, day, zone), index, day, plan, others))
    starts.sort(key=lambda start: start[:2])

    drafts = []
    busy: dict[int, bool] = {}
    for occurred_at, _, day, plan, others in starts:
        moment = Moment(owner=user, occurred_at=occurred_at)
        names: list[str] = []
        # Someone logging five moments a day cannot rate each one: on busy days they mostly
        # only tap who and when (a quick log), which also leaves days with no rated moment.
        if day not in busy:
            busy[day] = rng.random() < BUSY_DAY_ODDS
        if rng.random() >= (0.8 if busy[day] else 0.05):
            level = life.at(day) if life.first <= day <= life.last else 0.0
            _fill_details(rng, moment, plan, level)
            if rng.random() < 0.2:
                names = rng.sample(MOMENT_TAGS[plan.group].split("|"), rng.choice([1, 1, 2]))
        drafts.append(MomentDraft(day, moment, [plan, *others], names))
    ratings = [r for plan in plans for r in _ratings(user, rng, plan, today)]
    return CircleDraft(plans=plans, moments=drafts, ratings=ratings)


def save_circle(draft: CircleDraft, tags: dict[str, Tag]) -> None:
    """Write the circle in a few bulk inserts; the caller holds the transaction."""
    # Bulk inserts skip the signals that keep each person's last moment, so set it here.
    for m in draft.moments:
        for plan in m.people:
            last = plan.person.last_moment_at
            if last is None or m.moment.occurred_at > last:
                plan.person.last_moment_at = m.moment.occurred_at
    Person.objects.bulk_create([plan.person for plan in draft.plans])
    Moment.objects.bulk_create([m.moment for m in draft.moments], batch_size=1000)
    PersonLink, TagLink = Moment.people.through, Moment.tags.through
    PersonLink.objects.bulk_create(
        [PersonLink(moment=m.moment, person=p.person) for m in draft.moments for p in m.people],
        batch_size=2000,
    )
    TagLink.objects.bulk_create(
        [TagLink(moment=m.moment, tag=tags[n]) for m in draft.moments for n in m.tag_names],
        batch_size=2000,
    )
    ClosenessRating.objects.bulk_create(draft.ratings, batch_size=1000)
