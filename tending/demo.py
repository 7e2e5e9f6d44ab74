"""Fill an empty account with a believable, reproducible circle and years of moments, for demos."""

from __future__ import annotations

import datetime
import random
import unicodedata
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tending.circle.drift import RING_RHYTHM_DAYS, due_from_day
from tending.circle.models import ClosenessRating, Kind, Person, Ring
from tending.core.tags import tags_for
from tending.moments.models import Channel, Initiator, Moment

_FIRST_NAMES = """Amara Bilal Chen Dalia Emeka Farah Gabriel Hana Ibrahim Jonas Keiko Luca Maya Nia
Oskar Priya Quinn Rosa Samir Tamsin Uma Viktor Wen Yara Zoë Aiden Beatriz Cyrus Dev Elif Finn Grace
Hiro Ines Jamal Kalani Leila Mateo Nadia Omar Paloma Rafael Sofia Tomás Valentina William Ximena
Yusuf Zainab Ada Bruno Camila Dmitri Esther Felix Gita Hugo Ilse Joaquín Kwame Lena Marcus Noor
Olu Petra Ravi Saoirse Theo Ana Bea Carmen Dani Eitan Fatima Gus Ingrid Jun Kofi Lucía Mirela
Nikhil Orla Pedro Rin Sanna Tariq Vera Wiktor Ayesha Benedikt Chiara Diego Femi Hamid Imani"""
_SURNAMES = """Okafor Nguyen Haddad Lindqvist Moreno Kowalski Tanaka Mensah Rossi Patel O'Brien
Fischer Alvarez Nakamura Adeyemi Novak Hughes Karimi Silva Dubois Osei Larsen Costa Yilmaz Brennan
Schmidt Mwangi Park Castillo Ahmed Walsh Ivanova Mendes Kaur Berg Achebe"""
FIRST_NAMES, SURNAMES = _FIRST_NAMES.split(), _SURNAMES.split()

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
GAP_RANGE = {Ring.INNER: (3.0, 10.0), Ring.MIDDLE: (15.0, 45.0), Ring.OUTER: (60.0, 300.0)}
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
PERSON_NOTES = {
    Kind.PARTNER: ["Likes slow Sunday mornings.", "Allergic to cats, loves them anyway."],
    Kind.FAMILY: ["Calls on Sundays.", "Ask about the allotment.", "Hard year with their knee."],
    Kind.FRIEND: ["Met at the climbing gym.", "Knows about the hard winter.", "Book club."],
    Kind.COLLEAGUE: ["Sits by the window.", "Started the same month as me."],
    Kind.MENTOR: ["Former manager; generous with time.", "Met through the mentoring scheme."],
    Kind.PROFESSIONAL: ["Tuesdays, fortnightly.", "GP. Ask about the referral."],
    Kind.PEER_SUPPORT: ["From the Thursday group.", "Gets it without explaining."],
    Kind.COMMUNITY: ["Choir, alto section.", "Runs the food bank shift."],
    Kind.OTHER: ["Neighbour two doors down.", "Former landlord, still friendly."],
}
ARCHIVED_NOTES = ["Moved abroad; we lost touch.", "We grew apart after the job change.", ""]
# Notes per part of life, so a colleague never gets a note about Sunday lunch.
MOMENT_NOTES = {
    "home": "Walked by the river and talked about Dad.|Sunday lunch, everyone talking at once.|"
    "Cooked together; it felt easy.|Long talk on the sofa after dinner.|Looked through old photos.",
    "friends": "Coffee that turned into three hours.|Laughed until my face hurt.|"
    "They remembered the thing I was worried about.|Quick catch-up between errands.|"
    "Told them how the last weeks have really been.",
    "work": "Lunch away from our desks.|They asked how I was, and meant it.|"
    "Walk around the block after a long meeting.",
    "support": "Shared for the first time in the group.|Someone said exactly what I feel.",
    "community": "Volunteered side by side all morning.|Chatted after rehearsal.",
    "alone": "Hard session, but a good one.|Left feeling lighter.|Short and kind.",
}
TAG_NAMES = sorted({name for names in MOMENT_TAGS.values() for name in names.split("|")})


@dataclass
class DemoSummary:
    people: int
    archived: int
    moments: int
    closeness_ratings: int
    tags: int


@dataclass(eq=False)  # compared by identity when picking companions
class _Plan:
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


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _ascii(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in plain.lower() if c.isalnum())  # Zoë -> zoe, O'Brien -> obrien


def _people(user, rng: random.Random, today: datetime.date, first: datetime.date) -> list[_Plan]:
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

        mean_gap = rng.uniform(2.5, 4.5) if i == 0 else rng.uniform(*GAP_RANGE[ring])
        if i in custom:
            mean_gap = person.rhythm_days * rng.uniform(0.5, 1.1)
        plan = _Plan(
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


def _own_days(rng: random.Random, plan: _Plan, today: datetime.date) -> list[int]:
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
            gap *= 1 + 3 * (day - drift_from) / 365  # contact thins out over the last year
        t = day + max(1.0, gap)
    if plan.pinned and (not days or days[-1] != end):
        days.append(end)
    return days


def _when(rng: random.Random, plan: _Plan, day: int, zone) -> datetime.datetime:
    date = datetime.date.fromordinal(day)
    if plan.group == "work" and date.weekday() < 5:
        hour = rng.randint(9, 17)
    elif date.weekday() >= 5:
        hour = rng.randint(9, 21)
    else:
        hour = rng.choice([7, 8, 12, 13, 17, 18, 18, 19, 19, 20, 20, 21, 22])
    time = datetime.time(hour, rng.randrange(0, 60, 5))
    return datetime.datetime.combine(date, time, tzinfo=zone)


def _fill_details(rng: random.Random, moment: Moment, plan: _Plan) -> None:
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
    # One shared draw per moment, so the three feelings move together as they do in life.
    quality = plan.responsiveness + rng.gauss(0, 0.12)
    felt = [_clamp(1 + 4 * quality + rng.gauss(0, 0.45), 1, 5) for _ in range(3)]
    moment.felt_understood, moment.felt_validated, moment.felt_cared_for = felt
    lift = 0.9 * (sum(felt) / 3 - 3)
    moment.closeness_after = _clamp(CLOSENESS_BASE[ring] + lift + rng.gauss(0, 0.5), 1, 7)
    safe_bonus = 0.5 if plan.person.is_safe else 0.0
    moment.felt_safe = _clamp(1.8 + 2.6 * quality + safe_bonus + rng.gauss(0, 0.5), 1, 5)
    if rng.random() < 0.17:
        moment.note = rng.choice(MOMENT_NOTES[plan.group].split("|"))


def _ratings(user, rng: random.Random, plan: _Plan, today: datetime.date) -> list[ClosenessRating]:
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


def fill_demo(
    user, years: int = 2, seed: int = 1, today: datetime.date | None = None
) -> DemoSummary:
    """Give an empty account about sixty people and `years` years of moments up to `today`."""
    if not 1 <= years <= 30:
        raise ValueError(f"years must be between 1 and 30, not {years}.")
    existing = Person.objects.filter(owner=user).count()
    if existing:
        raise ValueError(
            f"This account already has {existing} people; "
            "demo data only goes into an empty account."
        )
    zone = user.zone
    today = today or timezone.localdate(timezone=zone)
    rng = random.Random(seed)
    # Whole days only, so every moment lies within `years` calendar years of today.
    plans = _people(user, rng, today, today - datetime.timedelta(days=365 * years))

    # Each person's own moments, some joined by others from the same part of life who were
    # around then; the more often someone is seen, the likelier they come along.
    drafts = []
    for index, plan in enumerate(plans):
        for day in _own_days(rng, plan, today):
            others: list[_Plan] = []
            if plan.group != "alone" and rng.random() < 0.15:
                date = datetime.date.fromordinal(day)
                pool = [q for q in plans if q.group == plan.group and q.start <= date <= q.end]
                pool.remove(plan)
                for _ in range(min(len(pool), rng.choice([1, 1, 2]))):
                    others.append(rng.choices(pool, [1 / q.mean_gap for q in pool])[0])
                    pool.remove(others[-1])
            drafts.append((_when(rng, plan, day, zone), index, plan, others))
    drafts.sort(key=lambda draft: draft[:2])

    with transaction.atomic():
        Person.objects.bulk_create([plan.person for plan in plans])
        tags = {tag.name: tag for tag in tags_for(user, TAG_NAMES)}
        rows = []  # (moment, its people, its tag names)
        for occurred_at, _, plan, others in drafts:
            moment = Moment(owner=user, occurred_at=occurred_at)
            names: list[str] = []
            if rng.random() >= 0.12:  # the rest are quick logs: only who and when
                _fill_details(rng, moment, plan)
                if rng.random() < 0.2:
                    names = rng.sample(MOMENT_TAGS[plan.group].split("|"), rng.choice([1, 1, 2]))
            rows.append((moment, [plan.person] + [q.person for q in others], names))
        moments = Moment.objects.bulk_create([moment for moment, _, _ in rows], batch_size=1000)
        PersonLink, TagLink = Moment.people.through, Moment.tags.through
        PersonLink.objects.bulk_create(
            [PersonLink(moment=m, person=p) for m, people, _ in rows for p in people],
            batch_size=2000,
        )
        TagLink.objects.bulk_create(
            [TagLink(moment=m, tag=tags[name]) for m, _, names in rows for name in names],
            batch_size=2000,
        )
        ratings = [r for plan in plans for r in _ratings(user, rng, plan, today)]
        ClosenessRating.objects.bulk_create(ratings, batch_size=1000)

    return DemoSummary(
        people=len(plans),
        archived=sum(plan.person.is_archived for plan in plans),
        moments=len(moments),
        closeness_ratings=len(ratings),
        tags=len(tags),
    )
