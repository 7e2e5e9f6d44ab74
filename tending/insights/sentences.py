"""Every word the insights engine says about a pattern, in one place.

Rules (tests/insights/test_wording.py reads this file): say what went together, never that one
thing brought about another; always how many days (or moments) and the likely range in words;
for an early sign, what more would tell. Numbers are rounded to one decimal, and written as the
page's language writes them (0.6 in English, 0,6 in German).

The sentences are said in the language in use when the analysis runs (tending/insights/findings.py
keeps a result for one language). Each is marked whole, with placeholders; the words for what
was logged and what was felt are marked below, each in the form its sentence needs."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy

from tending.insights.diary import EARLY_SIGN

if TYPE_CHECKING:
    from tending.insights.analysis import Pattern

AMOUNT_UNIT_WORDS = {"minutes-together": "hour together"}

# The words tending/insights/assemble.py gives each series, marked here to be translated when
# a sentence is said (assemble.py has no Django). What was logged follows "On days with" and
# "The day after"; what was felt is what "was higher"; a moment's rating follows "you felt".
EXPOSURE = "after 'On days with'"
OUTCOME = "what was higher or lower"
MOMENT_OUTCOME = "after 'you felt'"
_MARKED = (
    # Translators: each follows "On days with" and "The day after"; one ending in a clause
    # ends with the comma that closes it.
    pgettext_lazy("after 'On days with'", "a logged moment"),
    pgettext_lazy("after 'On days with'", "a moment where you felt understood"),
    pgettext_lazy("after 'On days with'", "a moment where you shared your feelings"),
    pgettext_lazy("after 'On days with'", "a moment where someone shared their feelings with you"),
    pgettext_lazy("after 'On days with'", "minutes with people"),
    pgettext_lazy("after 'On days with'", "time together in person"),
    pgettext_lazy("after 'On days with'", "a call, video call or messages"),
    pgettext_lazy("after 'On days with'", "a brave step"),
    pgettext_lazy("what was higher or lower", "your mood"),
    pgettext_lazy("what was higher or lower", "your energy"),
    pgettext_lazy("what was higher or lower", "how stressed you felt"),
    pgettext_lazy("what was higher or lower", "how close to people you felt"),
    pgettext_lazy("after 'you felt'", "safe"),
    pgettext_lazy("after 'you felt'", "close"),
    pgettext_lazy("after 'you felt'", "understood"),
)


def number(value: float) -> str:
    """One decimal, without a minus sign (the words say which way): 0.56 -> "0.6"."""
    shown = f"{abs(value):.1f}"
    if shown == "0.0" and value != 0:
        shown = f"{abs(value):.2f}"
    return number_format(shown)


def direction(value: float) -> str:
    return "higher" if value >= 0 else "lower"


def range_words(low: float, high: float) -> str:
    """The 95% interval in words: "most likely between 0.3 and 0.9 higher"."""
    if low >= 0 or high <= 0:
        near, far = sorted((low, high), key=abs)
        values = {"near": number(near), "far": number(far)}
        if direction(far) == "higher":
            return _("most likely between %(near)s and %(far)s higher") % values
        return _("most likely between %(near)s and %(far)s lower") % values
    values = {"low": number(low), "high": number(high)}
    return _("most likely somewhere between %(low)s lower and %(high)s higher") % values


def days_words(n: int, unit: str = "day") -> str:
    if unit == "day":
        return ngettext("%(num)d day", "%(num)d days", n) % {"num": n}
    if unit == "moment":
        return ngettext("%(num)d moment", "%(num)d moments", n) % {"num": n}
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


def more_needed(n: float, n_effective: float, target: float) -> int:
    """How many more days (or moments) like these would bring the effective count to `target`
    (the sentence rounds it up to whole weeks of days, or to fives of moments)."""
    if n_effective >= target:
        return 0
    per_effective = n / max(n_effective, 1.0)
    return math.ceil((target - n_effective) * per_effective)


def _rounded_up(count: int, step: int) -> int:
    return step * math.ceil(count / step)


def describe(pattern: Pattern, status: str, target: float) -> str:
    """The sentence shown for one reported pattern."""
    if pattern.moments:
        text = _moment_sentence(pattern)
    elif pattern.lag_days:
        text = _next_day_sentence(pattern)
    else:
        text = _same_day_sentence(pattern)
    if status == EARLY_SIGN:
        text += " " + _early_words(pattern, target)
    return text


def _amount(pattern: Pattern) -> str:
    if AMOUNT_UNIT_WORDS.get(pattern.exposure) == "hour together":
        return _("for each extra hour together")
    return _("for each extra point")


def _exposure(p: Pattern) -> str:
    """What was logged, in the words its sentence needs."""
    if p.person is not None and p.exposure_label == f"time with {p.person}":
        # Translators: follows "On days with" and "The day after".
        return _("time with %(name)s") % {"name": p.person}
    return pgettext(EXPOSURE, p.exposure_label)


def _size(p: Pattern) -> str:
    if direction(p.effect) == "higher":
        return _("about %(number)s points higher") % {"number": number(p.effect)}
    return _("about %(number)s points lower") % {"number": number(p.effect)}


def _said(p: Pattern) -> dict[str, str]:
    return {
        "exposure": _exposure(p),
        "outcome": pgettext(OUTCOME, p.outcome_label),
        "size": _size(p),
        "spread": range_words(p.low, p.high),
        "days": days_words(p.n_days),
    }


def _same_day_sentence(p: Pattern) -> str:
    if p.binary:
        return _(
            "On days with %(exposure)s, %(outcome)s was %(size)s than on days without "
            "(%(spread)s; %(days)s compared)."
        ) % _said(p)
    return _(
        "On days with more %(exposure)s, %(outcome)s tended to be %(size)s %(amount)s "
        "(%(spread)s; %(days)s compared)."
    ) % {**_said(p), "amount": _amount(p)}


def _next_day_sentence(p: Pattern) -> str:
    if p.binary:
        return _(
            "The day after %(exposure)s, %(outcome)s was %(size)s than the day after one "
            "without, allowing for how the day before went (%(spread)s; %(days)s compared)."
        ) % _said(p)
    return _(
        "The day after more %(exposure)s, %(outcome)s tended to be %(size)s %(amount)s, "
        "allowing for how the day before went (%(spread)s; %(days)s compared)."
    ) % {**_said(p), "amount": _amount(p)}


def _moment_sentence(p: Pattern) -> str:
    said = {
        "name": p.person or _("this person"),
        "feeling": pgettext(MOMENT_OUTCOME, p.outcome_label),
        "mean": number(p.mean_with),
        "top": p.scale_top,
        "count": days_words(p.count_with, "moment"),
        "number": number(p.effect),
        "range": range_words(p.low, p.high),
    }
    if direction(p.effect) == "lower":
        sentence = _(
            "After time with %(name)s you felt %(feeling)s: %(mean)s of %(top)s on average "
            "over %(count)s, about %(number)s lower than after your other moments (%(range)s)."
        )
    elif p.mean_with >= 0.7 * p.scale_top:
        sentence = _(
            "After time with %(name)s you usually felt %(feeling)s: %(mean)s of %(top)s on "
            "average over %(count)s, about %(number)s higher than after your other moments "
            "(%(range)s)."
        )
    else:
        sentence = _(
            "After time with %(name)s you felt %(feeling)s: %(mean)s of %(top)s on average "
            "over %(count)s, about %(number)s higher than after your other moments (%(range)s)."
        )
    return sentence % said


def _early_words(p: Pattern, target: float) -> str:
    more = more_needed(p.n_days, p.n_effective, target)
    if p.moments:
        count = _rounded_up(more, 5)
        return ngettext(
            "This is an early sign: about %(count)d more rated moment would tell.",
            "This is an early sign: about %(count)d more rated moments would tell.",
            count,
        ) % {"count": count}
    count = _rounded_up(more, 7)
    return ngettext(
        "This is an early sign: about %(count)d more day of the daily pulse would tell.",
        "This is an early sign: about %(count)d more days of the daily pulse would tell.",
        count,
    ) % {"count": count}
