"""One person's stored rows, already read, turned into the Diary the engine reads: a value per
day for each exposure and outcome. No Django here; tending/insights/gather.py reads the rows.

Ten years hold some 20,000 moments, so each arrives as three numbers (its id, its instant,
and its details packed into one whole number, see PACKED) and they are counted into days
with numpy, not one Python object at a time. A row's day is the person's own: its instant
(seconds since 1970, UTC) is placed between the local midnights of the diary's days, so a
moment at 23:30 belongs to that evening wherever the person lives, and a day the clocks
change is 23 or 25 hours long, as it was.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

import numpy as np

from tending.insights.diary import DaySeries, Diary, MomentRatings, MomentTable

PULSE = "daily-pulse"
# Nothing is said before this many days with a daily pulse (SCIENCE.md, tending's rule).
FEWEST_DAYS = 14
FEELINGS = 3  # Sharing.FEELINGS: "feelings" or more
UNDERSTOOD = 4  # felt understood at 4 or 5 of 5
EXPOSURE_RINGS = ("inner", "middle")
IN_PERSON, CALL_OR_MESSAGE = 1, 2  # a moment's channel as packed (any other: 0)
CALLS = ("call", "video", "messages")

# The daily pulse's items as outcomes: (series key, item id, words for a sentence). Raw 1-5
# answers, stress as asked (higher is more stressed), not turned around as in its score.
PULSE_OUTCOMES = (
    ("pulse-mood", "mood", "your mood"),
    ("pulse-energy", "energy", "your energy"),
    ("pulse-stress", "stress", "how stressed you felt"),
    ("pulse-connected", "connected", "how close to people you felt"),
)
# A moment's own ratings: key -> (word for a sentence, top of its scale), in the order
# moment_ratings reads them (safe, closeness, understood).
MOMENT_OUTCOMES = {
    "felt_safe": ("safe", 5),
    "closeness_after": ("close", 7),
    "felt_understood": ("understood", 5),
}

# A moment's details packed into one whole number, lowest bits first: (name, bits). Each
# is a small whole number, 0 when not given: ratings as given (1-7), sharing as its level
# plus one (so "nothing personal" is 1), the channel as IN_PERSON, CALL_OR_MESSAGE or 0, and
# the minutes last, in all the bits left. gather.py writes the SQL that packs them from this.
PACKED = (
    ("safe", 3),
    ("closeness", 3),
    ("understood", 3),
    ("shared", 3),
    ("they_shared", 3),
    ("channel", 2),
    ("minutes", 0),
)


def packed_shifts() -> dict[str, int]:
    """How far up each packed detail sits."""
    found, shift = {}, 0
    for name, bits in PACKED:
        found[name] = shift
        shift += bits
    return found


def unpack(packed: np.ndarray) -> dict[str, np.ndarray]:
    """Each detail of packed moments, as a column of whole numbers."""
    found = {}
    for name, bits in PACKED:
        shift = packed_shifts()[name]
        found[name] = (packed >> shift) & ((1 << bits) - 1) if bits else packed >> shift
    return found


@dataclass(frozen=True, slots=True)
class PersonRow:
    pk: int
    name: str
    ring: str
    archived: bool = False


def local_day(instant: float, zone: tzinfo) -> date:
    """The day an instant (seconds since 1970, UTC) falls on where the person lives, to the
    millisecond as day_indexes has it."""
    return datetime.fromtimestamp(round(instant, 3), UTC).astimezone(zone).date()


def midnights(first_day: date, days: int, zone: tzinfo) -> np.ndarray:
    """When each of the diary's days begins, and when the day after its last begins, in
    seconds since 1970: `days + 1` instants.

    A day begins at its wall-clock midnight less the zone's offset then. The offset is asked
    for once a week and, only in a week where it changed, day by day (asking every day of
    ten years cost more than the rest of the days together); a zone whose clocks went and
    came back within one week would be missed, and none has done so since 1970."""
    count = days + 1
    start = (first_day - date(1970, 1, 1)).days
    wall = (start + np.arange(count, dtype=np.float64)) * 86400.0

    def offset(n: int) -> float:
        moment = datetime.combine(first_day + timedelta(days=n), time(0), tzinfo=zone)
        return moment.utcoffset().total_seconds()

    weekly = sorted({*range(0, count, 7), count - 1})
    sampled = {n: offset(n) for n in weekly}
    offsets = np.full(count, sampled[count - 1])
    for a, b in zip(weekly, weekly[1:], strict=False):
        if sampled[a] == sampled[b]:
            offsets[a:b] = sampled[a]
        else:
            offsets[a:b] = [offset(n) for n in range(a, b)]
    return wall - offsets


def day_indexes(instants: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Each instant's day in the diary (0 for its first day); -1 before the first day, and
    the number of days (one past the last index) on or after the day after the last.

    Instants are rounded to the millisecond first: the database's arithmetic leaves a few
    hundred-thousandths of a second, which must not move a moment at midnight a day back."""
    return np.searchsorted(starts, np.round(instants, 3), side="right") - 1


def span(firsts: Iterable[date | None], today: date, days: int | None = None) -> tuple[date, int]:
    """The diary's first day and its length: from the earliest of `firsts` (the first moment,
    the first pulse) to today, or only the last `days` of that. Nothing yet: no days."""
    known = [day for day in firsts if day is not None]
    if not known:
        return today, 0
    first = min(min(known), today)
    if days is not None:
        first = max(first, today - timedelta(days=days - 1))
    return first, (today - first).days + 1


def build_diary(
    first_day: date,
    days: int,
    zone: tzinfo,
    moments: Sequence[Sequence[float]],
    links: np.ndarray,
    pulses: Sequence[Sequence[float | None]],
    people: Iterable[PersonRow],
    brave_days: Iterable[date] = (),
) -> Diary:
    """The Diary of `days` days from `first_day`; rows outside those days are left out.

    `moments` are (id, instant, PACKED details) oldest first; `links` (moment id, person id)
    pairs; `pulses` (instant, mood, energy, stress, connected) with None for an item not
    answered, several in a day averaged item by item. Archived people are in no exposure
    and in no moment's people: nothing is said about them. Only the inner and middle rings
    get a "time with" exposure of their own. `brave_days` are the days brave steps were
    taken (Growth); an exposure of its own once there is one.
    """
    starts = midnights(first_day, days, zone)
    kept = [p for p in people if not p.archived]
    names = {p.pk: p.name for p in kept}
    followed = sorted((p for p in kept if p.ring in EXPOSURE_RINGS), key=lambda p: (p.name, p.pk))

    ids, instants, packed = zip(*moments, strict=True) if moments else ((), (), ())
    ids = np.array(ids, dtype=np.int64)
    day = day_indexes(np.array(instants, dtype=np.float64), starts)
    detail = unpack(np.array(packed, dtype=np.int64))
    inside = (day >= 0) & (day < days)
    ids, day = ids[inside], day[inside]
    detail = {name: values[inside] for name, values in detail.items()}

    def on_days(mask: np.ndarray) -> tuple[float, ...]:
        found = np.zeros(days)
        found[day[mask]] = 1.0
        return tuple(found.tolist())

    channel = detail["channel"]
    minutes = np.bincount(day, weights=detail["minutes"], minlength=days)[:days]
    exposures = [
        DaySeries("moment-any", "a logged moment", on_days(day >= 0), binary=True),
        DaySeries(
            "moment-understood",
            "a moment where you felt understood",
            on_days(detail["understood"] >= UNDERSTOOD),
            binary=True,
        ),
        DaySeries(
            "shared-feelings",
            "a moment where you shared your feelings",
            on_days(detail["shared"] >= FEELINGS + 1),
            binary=True,
        ),
        DaySeries(
            "they-shared-feelings",
            "a moment where someone shared their feelings with you",
            on_days(detail["they_shared"] >= FEELINGS + 1),
            binary=True,
        ),
        DaySeries("minutes-together", "minutes with people", tuple(minutes.tolist())),
        DaySeries(
            "in-person", "time together in person", on_days(channel == IN_PERSON), binary=True
        ),
        DaySeries(
            "call-or-message",
            "a call, video call or messages",
            on_days(channel == CALL_OR_MESSAGE),
            binary=True,
        ),
    ]
    rows, people_of = who_was_there(ids, links, names)
    for person in followed:
        mine = np.zeros(len(day), dtype=bool)
        mine[rows[people_of == person.pk]] = True
        exposures.append(
            DaySeries(
                f"person-{person.pk}",
                f"time with {person.name}",
                on_days(mine),
                binary=True,
                person_id=person.pk,
                person=person.name,
            )
        )
    braver = np.zeros(days)
    for taken in brave_days:
        if 0 <= (at := (taken - first_day).days) < days:
            braver[at] = 1.0
    if braver.any():
        exposures.append(DaySeries("brave-step", "a brave step", tuple(braver.tolist()), True))
    return Diary(
        first_day=first_day,
        days=days,
        exposures=tuple(exposures),
        outcomes=pulse_outcomes(days, starts, pulses),
        moments=moment_ratings(day, detail, rows, people_of),
        people=names,
        moment_outcomes=dict(MOMENT_OUTCOMES),
        moment_table=rated_table(day, detail, rows, people_of),
    )


def who_was_there(
    ids: np.ndarray, links: np.ndarray, names: dict[int, str]
) -> tuple[np.ndarray, np.ndarray]:
    """The links to moments in `ids` and to people in `names`, each as (the moment's place
    in `ids`, the person's id)."""
    links = np.asarray(links, dtype=np.int64).reshape(-1, 2)
    known = np.fromiter(names, dtype=np.int64, count=len(names))
    links = links[np.isin(links[:, 1], known)]
    if not len(ids) or not len(links):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order = np.argsort(ids)
    place = np.minimum(np.searchsorted(ids, links[:, 0], sorter=order), len(ids) - 1)
    found = ids[order[place]] == links[:, 0]
    return order[place][found], links[found, 1]


def moment_ratings(
    day: np.ndarray, detail: dict[str, np.ndarray], rows: np.ndarray, people_of: np.ndarray
) -> tuple[MomentRatings, ...]:
    """Each moment with a rating of its own, in the order given (oldest first). A moment
    rated on nothing says nothing about how moments go, so it is left out.

    Moments rated alike share one ratings dictionary (there are a few hundred ways to rate
    a moment and thousands of moments): read them, never change them."""
    safe, close, understood = detail["safe"], detail["closeness"], detail["understood"]
    rated = np.flatnonzero((safe > 0) | (close > 0) | (understood > 0))
    # Each rated moment's people: the links sorted by moment, and where each moment's begin
    # and end among them.
    order = np.argsort(rows, kind="stable")
    linked, everyone = rows[order], people_of[order].tolist()
    begins = np.searchsorted(linked, rated, side="left").tolist()
    ends = np.searchsorted(linked, rated, side="right").tolist()
    people = [tuple(everyone[b:e]) for b, e in zip(begins, ends, strict=True)]
    # Each way of rating once: (safe, closeness, understood) as one number, then its dict.
    ways = safe[rated] + 8 * close[rated] + 64 * understood[rated]
    distinct, which = np.unique(ways, return_inverse=True)
    shared = [
        {
            key: float(value) if value else None
            for key, value in zip(MOMENT_OUTCOMES, (w % 8, w // 8 % 8, w // 64), strict=True)
        }
        for w in distinct.tolist()
    ]
    ratings = [shared[n] for n in which.tolist()]
    return tuple(map(MomentRatings, day[rated].tolist(), people, ratings))


def rated_table(
    day: np.ndarray, detail: dict[str, np.ndarray], rows: np.ndarray, people_of: np.ndarray
) -> MomentTable:
    """The moments of moment_ratings() again, as columns in the same order."""
    parts = (detail["safe"], detail["closeness"], detail["understood"])
    rated = np.flatnonzero((parts[0] > 0) | (parts[1] > 0) | (parts[2] > 0))
    ratings = np.column_stack([part[rated] for part in parts]).astype(float)
    ratings[ratings == 0] = np.nan
    place = np.minimum(np.searchsorted(rated, rows), max(rated.size - 1, 0))
    kept = (rated[place] == rows) if rated.size else np.zeros(rows.size, dtype=bool)
    return MomentTable(day[rated], ratings, place[kept], people_of[kept])


def pulse_outcomes(
    days: int, starts: np.ndarray, pulses: Sequence[Sequence[float | None]]
) -> tuple[DaySeries, ...]:
    """Each pulse item as a day series: the day's answer, the mean of several, else None."""
    table = np.array(pulses, dtype=np.float64).reshape(len(pulses), 1 + len(PULSE_OUTCOMES))
    day = day_indexes(table[:, 0], starts)
    inside = (day >= 0) & (day < days)
    table, day = table[inside], day[inside]
    series = []
    for at, (key, _, label) in enumerate(PULSE_OUTCOMES, start=1):
        answered = ~np.isnan(table[:, at])
        total = np.bincount(day[answered], weights=table[answered, at], minlength=days)
        count = np.bincount(day[answered], minlength=days)
        mean = [t / n if n else None for t, n in zip(total.tolist(), count.tolist(), strict=True)]
        series.append(DaySeries(key, label, tuple(mean)))
    return tuple(series)


def pulse_days(diary: Diary) -> int:
    """Days with at least one pulse answer: the days an outcome is known."""
    series = [s.values for s in diary.outcomes if s.key.startswith("pulse-")]
    return sum(any(v is not None for v in day) for day in zip(*series, strict=True))


def days_still_needed(pulse_days: int) -> int:
    """How many more days of the daily pulse before any pattern can show."""
    return max(0, FEWEST_DAYS - pulse_days)
