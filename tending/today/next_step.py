"""Today's one next step: the single most useful thing to do now, chosen without Django."""

from __future__ import annotations

PULSE = "pulse"  # the daily pulse, not yet done today
REACH = "reach"  # someone to reach out to, or, with nobody in the circle yet, adding someone
PROMPT = "prompt"  # something to reflect on
MOMENT = "moment"  # a moment that mattered


def next_step(pulse_due: bool, suggested: bool, has_people: bool, has_prompt: bool) -> str:
    """Which part of Today leads, in a card of its own with the page's one primary button.

    The pulse first (four taps, and it tells the rest of the day how you are); then the
    person tending suggests, or adding the first person when there is nobody yet; then a
    prompt; and when there is nothing else, a moment to note.
    """
    if pulse_due:
        return PULSE
    if suggested or not has_people:
        return REACH
    if has_prompt:
        return PROMPT
    return MOMENT
