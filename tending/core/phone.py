"""Phone numbers as links: what goes after tel: or sms:."""

from __future__ import annotations


def dial(number: str) -> str:
    """A leading + and the digits of `number`; empty if there are none."""
    text = (number or "").strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits:
        return ""
    return ("+" if text.startswith("+") else "") + digits
