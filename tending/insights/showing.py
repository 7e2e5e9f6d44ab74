"""What the insights page says beside each finding, in words: how many days it rests on, how
large it likely is, and whether it is still an early sign. No Django here.

Never causal: a pattern in the person's own days, said as "on days with … higher", never
that one thing brings about another.
"""

from __future__ import annotations

from dataclasses import dataclass

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


def _points(value: float) -> str:
    shown = f"{abs(value):.1f}"
    return "1 point" if shown == "1.0" else f"{shown} points"


def size_words(finding: Finding) -> str:
    """The 95% interval of the difference, in words, against the outcome's scale."""
    low, high = finding.interval
    if low > 0:
        size = f"likely between {abs(low):.1f} and {_points(high)} higher"
    elif high < 0:
        size = f"likely between {abs(high):.1f} and {_points(low)} lower"
    else:
        size = f"somewhere between {_points(low)} lower and {_points(high)} higher"
    top = SCALE_TOPS.get(finding.outcome)
    scale = f", on the scale from 1 to {top}" if top else ""
    return f"The difference is {size}{scale} (a 95% interval)."


def days_words(finding: Finding) -> str:
    """How much it rests on: days, or rated moments for how moments with someone go."""
    one = "rated moment" if finding.exposure.startswith("moments-with-") else "day"
    counted = f"Seen over {finding.n_days} {one if finding.n_days == 1 else one + 's'}"
    effective = round(finding.n_effective)
    if effective < finding.n_days:
        counted += (
            f", which count as about {effective} on their own, since one {one.split()[-1]} "
            f"tends to be like the {one.split()[-1]} before"
        )
    return counted + "."


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


_EARLY = '<p class="finding-status"><span class="pill early-pill">Early sign</span></p>'


def finding_items(rows: list[ShownFinding]) -> Markup:
    """The findings' list items, written here once rather than a template expression per
    line: a long diary has a hundred findings and more, each value escaped as the template
    would escape it."""
    return Markup(
        "".join(
            f'<li class="card finding">{_EARLY if row.early else ""}'
            f'<p class="finding-sentence">{escape(row.sentence)}</p>'
            f'<p class="hint">{escape(row.days)} {escape(row.size)}</p></li>'
            for row in rows
        )
    )


def still_needed_words(days: int) -> str:
    """How many more days of the daily pulse before patterns can show."""
    return "1 more day" if days == 1 else f"{days} more days"


# The page's two states without findings: its title, and the words beside it.
NOT_ENOUGH_DAYS = "Not enough days yet"
NOTHING_STANDS_OUT = "Nothing stands out yet"


def nothing_stands_out_words(pulse_days: int) -> str:
    """Why nothing is shown though there are days enough: nothing is clear enough yet."""
    return (
        f"Across {pulse_days} days with a daily pulse, no pattern is clear enough to show you "
        "honestly. That is common, and fine: keep logging moments and taking the daily pulse, "
        "and look again in a few weeks."
    )


# What every finding does and does not mean, said under them on the page (and by the API).
MEANING = (
    Markup(
        "Each line is a pattern in your own days: how your days with something differed from "
        "your days without it, or how your moments with someone went compared with your other "
        "moments. It cannot tell which came first or whether one brought on the other, and it "
        "is not a diagnosis. Something else may go with both."
    ),
    Markup(
        "Each shows how many days it rests on and how large the difference likely is. "
        "<strong>Early sign</strong> means there are not yet enough days to be sure: it may "
        "fade as more days come in, or grow firmer. tending looks at many pairs at once and "
        "keeps only those that stand out after allowing for that, and only differences big "
        "enough to notice (at least a fifth of a point on a scale from 1 to 5)."
    ),
)


def too_few_words(pulse_days: int, fewest: int) -> str:
    """Why nothing is shown yet, and how many more days of the daily pulse would change it."""
    so_far = ""
    if pulse_days:
        so_far = f" (so far, {pulse_days} {'day has' if pulse_days == 1 else 'days have'} one)"
    still = still_needed_words(fewest - pulse_days)
    return (
        f"Patterns can show once {fewest} days have a daily pulse{so_far}. {still} of the "
        "daily pulse would let the first ones show, if there are any."
    )
