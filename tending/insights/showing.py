"""What the insights page says beside each finding, in words: how many days it rests on, how
large it likely is, and whether it is still an early sign, in the page's language (Django's
translation is all it asks of Django).

Never causal: a pattern in the person's own days, said as "on days with … higher", never
that one thing brings about another.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, ngettext
from markupsafe import Markup, escape

from tending.insights.diary import EARLY_SIGN, Finding

# The top of each outcome's scale (each starts at 1), to say the size against it.
SCALE_TOPS = {
    "pulse-mood": 5,
    "pulse-energy": 5,
    "pulse-stress": 5,
    "pulse-connected": 5,
    "felt_safe": 5,
    "closeness_after": 7,
    "felt_understood": 5,
}


@dataclass(frozen=True)
class ShownFinding:
    sentence: str
    early: bool
    days: str  # how many days (or rated moments) it rests on
    size: str  # the 95% interval in words


def _number(value: float) -> str:
    """One decimal, without a sign, as the page's language writes numbers: "0.4", "0,4"."""
    return number_format(f"{abs(value):.1f}")


def _points(value: float) -> str:
    shown = f"{abs(value):.1f}"
    if shown == "1.0":
        return _("1 point")
    return _("%(number)s points") % {"number": _number(value)}


def size_words(finding: Finding) -> str:
    """The 95% interval of the difference, in words, against the outcome's scale."""
    low, high = finding.interval
    if low > 0:
        size = _("likely between %(near)s and %(far)s higher") % {
            "near": _number(low),
            "far": _points(high),
        }
    elif high < 0:
        size = _("likely between %(near)s and %(far)s lower") % {
            "near": _number(high),
            "far": _points(low),
        }
    else:
        size = _("somewhere between %(low)s lower and %(high)s higher") % {
            "low": _points(low),
            "high": _points(high),
        }
    top = SCALE_TOPS.get(finding.outcome)
    if top:
        return _(
            "The difference is %(size)s, on the scale from 1 to %(top)s (a 95%% interval)."
        ) % {
            "size": size,
            "top": top,
        }
    return _("The difference is %(size)s (a 95%% interval).") % {"size": size}


def days_words(finding: Finding) -> str:
    """How much it rests on: days, or rated moments for how moments with someone go."""
    n = finding.n_days
    effective = round(finding.n_effective)
    said = {"num": n, "effective": effective}
    if finding.exposure.startswith("moments-with-"):
        if effective < n:
            return (
                ngettext(
                    "Seen over %(num)d rated moment, which count as about %(effective)d on their "
                    "own, since one moment tends to be like the moment before.",
                    "Seen over %(num)d rated moments, which count as about %(effective)d on their "
                    "own, since one moment tends to be like the moment before.",
                    n,
                )
                % said
            )
        return (
            ngettext("Seen over %(num)d rated moment.", "Seen over %(num)d rated moments.", n)
            % said
        )
    if effective < n:
        return (
            ngettext(
                "Seen over %(num)d day, which count as about %(effective)d on their own, "
                "since one day tends to be like the day before.",
                "Seen over %(num)d days, which count as about %(effective)d on their own, "
                "since one day tends to be like the day before.",
                n,
            )
            % said
        )
    return ngettext("Seen over %(num)d day.", "Seen over %(num)d days.", n) % said


def shown(findings: list[Finding]) -> list[ShownFinding]:
    return [
        ShownFinding(
            sentence=f.sentence,
            early=f.status == EARLY_SIGN,
            days=days_words(f),
            size=size_words(f),
        )
        for f in findings
    ]


def finding_items(rows: list[ShownFinding]) -> Markup:
    """The findings' list items, written here once rather than a template expression per
    line: a long diary has a hundred findings and more, each value escaped as the template
    would escape it."""
    early = (
        '<p class="finding-status"><span class="pill early-pill">'
        f"{escape(_('Early sign'))}</span></p>"
    )
    return Markup(
        "".join(
            f'<li class="card finding">{early if row.early else ""}'
            f'<p class="finding-sentence">{escape(row.sentence)}</p>'
            f'<p class="hint">{escape(row.days)} {escape(row.size)}</p></li>'
            for row in rows
        )
    )


def still_needed_words(days: int) -> str:
    """How many more days of the daily pulse before patterns can show."""
    return ngettext("%(num)d more day", "%(num)d more days", days) % {"num": days}


# The page's two states without findings: its title, and the words beside it. Kept in
# English here (the API answers with them as they are); a page says them with gettext().
NOT_ENOUGH_DAYS = gettext_noop("Not enough days yet")
NOTHING_STANDS_OUT = gettext_noop("Nothing stands out yet")


def nothing_stands_out_words(pulse_days: int) -> str:
    """Why nothing is shown though there are days enough: nothing is clear enough yet."""
    return ngettext(
        "Across %(num)d day with a daily pulse, no pattern is clear enough to show you "
        "honestly. That is common, and fine: keep logging moments and taking the daily pulse, "
        "and look again in a few weeks.",
        "Across %(num)d days with a daily pulse, no pattern is clear enough to show you "
        "honestly. That is common, and fine: keep logging moments and taking the daily pulse, "
        "and look again in a few weeks.",
        pulse_days,
    ) % {"num": pulse_days}


# What every finding does and does not mean, said under them on the page (and by the API).
# In English here; meaning() says them in the page's language.
MEANING = (
    Markup(
        gettext_noop(
            "Each line is a pattern in your own days: how your days with something differed "
            "from your days without it, or how your moments with someone went compared with "
            "your other moments. It cannot tell which came first or whether one brought on "
            "the other, and it is not a diagnosis. Something else may go with both."
        )
    ),
    Markup(
        gettext_noop(
            "Each shows how many days it rests on and how large the difference likely is. "
            "<strong>Early sign</strong> means there are not yet enough days to be sure: it "
            "may fade as more days come in, or grow firmer. tending looks at many pairs at "
            "once and keeps only those that stand out after allowing for that, and only "
            "differences big enough to notice (at least a fifth of a point on a scale from 1 "
            "to 5)."
        )
    ),
)


def meaning() -> tuple[Markup, ...]:
    """MEANING in the page's language (the translations are tending's own, markup and all)."""
    return tuple(Markup(_(str(paragraph))) for paragraph in MEANING)


def too_few_words(pulse_days: int, fewest: int) -> str:
    """Why nothing is shown yet, and how many more days of the daily pulse would change it."""
    if pulse_days:
        first = ngettext(
            "Patterns can show once %(fewest)d days have a daily pulse (so far, %(num)d day "
            "has one).",
            "Patterns can show once %(fewest)d days have a daily pulse (so far, %(num)d days "
            "have one).",
            pulse_days,
        ) % {"fewest": fewest, "num": pulse_days}
    else:
        first = _("Patterns can show once %(fewest)d days have a daily pulse.") % {"fewest": fewest}
    still = fewest - pulse_days
    then = ngettext(
        "%(num)d more day of the daily pulse would let the first ones show, if there are any.",
        "%(num)d more days of the daily pulse would let the first ones show, if there are any.",
        still,
    ) % {"num": still}
    return f"{first} {then}"
