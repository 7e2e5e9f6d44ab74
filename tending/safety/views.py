"""The crisis page behind "Need help now": open to everyone, no login, no JavaScript."""

from __future__ import annotations

from django.shortcuts import render

# A first, short table; the safety plan issue replaces it with per-region data the person edits.
GENERAL_LINES = [
    ("Emergency (most of Europe and many other countries)", "112"),
    ("Emergency (United States and Canada)", "911"),
    ("Suicide and Crisis Lifeline (United States)", "988"),
    ("Samaritans (United Kingdom and Ireland)", "116 123"),
]


def crisis(request):
    lines = [(name, number, number.replace(" ", "")) for name, number in GENERAL_LINES]
    return render(request, "safety/crisis.html", {"lines": lines})
