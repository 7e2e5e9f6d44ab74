"""Scoring check-in answers: raw answers in; totals, subscales, band, change and safety out."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from tending.checkins.definitions import Band, Instrument, Item, SafetyRule


class AnswerError(ValueError):
    """Answers that cannot be scored. `item` names the answer at fault, or is None for the set.

    A refused set may still fire a safety rule (someone may answer only the self-harm question):
    callers ask `safety_fired` for that, which needs no valid set.
    """

    def __init__(self, item: str | None, message: str):
        self.item, self.message = item, message
        super().__init__(f"{item}: {message}" if item else message)


@dataclass(frozen=True)
class Score:
    total: float  # never None: a set with nothing to score is refused with AnswerError
    subscales: dict[str, float]  # a subscale is left out when too few of its items were answered
    band: Band | None
    answered: int  # scored items answered
    missing: int  # scored items skipped (and prorated)
    prorated: bool
    fired: tuple[SafetyRule, ...]


@dataclass(frozen=True)
class Change:
    delta: float
    meaningful: bool | None  # None when the instrument defines no meaningful change
    direction: str  # "better" | "worse" | "same", read through the instrument's higher_is

    @property
    def words(self) -> str:
        """The direction as the web and the terminal both say it: "harder" is kinder than
        "worse" about a time that is already hard."""
        return CHANGE_WORDS[self.direction]


CHANGE_WORDS = {"better": "better", "worse": "harder", "same": "no change"}


def shown_score(value: float) -> float:
    """A score as people see it: one decimal, halves rounded up (as the web's floatformat does).

    Every figure shown, and every change worked out from figures shown, goes through here, so
    3.54 then 2.76 (shown 3.5 and 2.8) is a change of -0.7, never the -0.8 of the raw totals.
    """
    return float(Decimal(repr(float(value))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def score(instrument: Instrument, answers: Mapping[str, int | None]) -> Score:
    """Score raw answers keyed by item id; None or an absent key means the item was skipped."""
    fired = safety_fired(instrument, answers)
    _check_answers(instrument, answers)
    scored = instrument.scored_items
    points = {
        item.id: _points(instrument, item, answers[item.id])
        for item in scored
        if answers.get(item.id) is not None
    }
    missing = [item.id for item in scored if item.id not in points]
    if missing:
        listed = ", ".join(missing)
        if not points:
            raise AnswerError(None, f"nothing to score: every scored item is missing ({listed})")
        if instrument.missing_policy == "refuse":
            raise AnswerError(None, f"every question needs an answer; missing: {listed}")
        if len(missing) > instrument.max_missing:
            raise AnswerError(
                None,
                f"at most {instrument.max_missing} may be skipped; missing: {listed}",
            )
    total = _combine(instrument, [item.id for item in scored], points)
    subscales = {}
    for sub in instrument.subscales:
        skipped = sum(1 for item_id in sub.items if item_id not in points)
        # Same limit as the total, so a subscale is never guessed from too little.
        if skipped < len(sub.items) and skipped <= instrument.max_missing:
            subscales[sub.id] = _combine(instrument, sub.items, points)
    return Score(
        total=total,
        subscales=subscales,
        band=band_for(instrument, total),
        answered=len(points),
        missing=len(missing),
        prorated=bool(missing),
        fired=fired,
    )


def safety_fired(
    instrument: Instrument, answers: Mapping[str, int | None]
) -> tuple[SafetyRule, ...]:
    """The rules the raw answers fire; invalid or skipped answers fire nothing."""
    values = {choice.value for choice in instrument.scale}
    fired = []
    for rule in instrument.safety_rules:
        raw = answers.get(rule.item)
        if _is_int(raw) and raw in values and raw >= rule.at_least:
            fired.append(rule)
    return tuple(fired)


def band_for(instrument: Instrument, total: float) -> Band | None:
    """The band for a total: the last band whose low is at or below it.

    Bands are validated to be in order and at most MAX_BAND_GAP apart, so a prorated total that
    falls in a gap (28.5 between 0-28 and 29-50) belongs to the band below it.
    """
    chosen = None
    for band in instrument.bands:
        if band.low > total:
            break
        chosen = band
    if chosen is not None and chosen is instrument.bands[-1] and total > chosen.high:
        return None
    return chosen


def change_since(instrument: Instrument, current: float, previous: float | None) -> Change | None:
    """How the current total compares with the previous one; None when there is no previous.

    The change is worked out between the scores as shown (one decimal), so the figures on the
    page always add up.
    """
    if previous is None:
        return None
    # Rounded again so 10 points is not 9.999999.
    delta = round(shown_score(current) - shown_score(previous), 1)
    meaningful = None
    if instrument.meaningful_change is not None:
        meaningful = abs(delta) >= instrument.meaningful_change
    if delta == 0:
        direction = "same"
    else:
        direction = "better" if (delta > 0) == (instrument.higher_is == "better") else "worse"
    return Change(delta=delta, meaningful=meaningful, direction=direction)


def _is_int(value: object) -> bool:
    # bool is an int in Python; a True must not pass as the answer 1.
    return isinstance(value, int) and not isinstance(value, bool)


def _check_answers(instrument: Instrument, answers: Mapping[str, int | None]) -> None:
    known = {item.id for item in instrument.items}
    for key in answers:
        if key not in known:
            raise AnswerError(str(key), f"is not a question of '{instrument.id}'")
    values = [choice.value for choice in instrument.scale]
    for item in instrument.items:
        raw = answers.get(item.id)
        if raw is not None and not (_is_int(raw) and raw in values):
            shown = ", ".join(map(str, values))
            raise AnswerError(item.id, f"{raw!r} is not one of the answers ({shown})")


def _points(instrument: Instrument, item: Item, raw: int) -> int:
    if not item.reverse:
        return raw
    # Validation allows reverse only on evenly spaced scales, so this lands on a scale value.
    return instrument.scale[0].value + instrument.scale[-1].value - raw


def _combine(instrument: Instrument, ids: Iterable[str], points: Mapping[str, int]) -> float:
    """Apply the instrument's method to these items, prorating any that were skipped."""
    ids = list(ids)
    answered = [points[item_id] for item_id in ids if item_id in points]
    count = len(ids)
    # Prorating: the mean of what was answered stands in for each skipped item.
    raw_sum = sum(answered) * count / len(answered)
    low, high = instrument.scale[0].value, instrument.scale[-1].value
    if instrument.method == "sum":
        value = raw_sum
    elif instrument.method == "mean":
        value = raw_sum / count
    elif instrument.method == "sum_times":
        value = raw_sum * (instrument.factor or 0)
    elif instrument.method == "rescale_100":
        value = (raw_sum - count * low) / (count * (high - low)) * 100
    else:  # validation refuses other methods; an Instrument built by hand might not be validated
        raise ValueError(f"unknown scoring method {instrument.method!r}")
    return float(round(value, 2))
