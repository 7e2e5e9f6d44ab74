"""What other parts of tending ask when an account is made, so core imports none of them.

A part registers a form class in its AppConfig.ready(). The welcome page shows each one
under the account's own fields, checks it with them, and after the account is made calls
its `save(user)`. The country for the crisis lines is asked this way by the safety part.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from django import forms
from django.http import HttpRequest


class AccountQuestion(Protocol):
    def __call__(
        self, data: Mapping[str, Any] | None = None, *, request: HttpRequest | None = None
    ) -> forms.Form: ...


_registered: list[AccountQuestion] = []


def register(question: AccountQuestion) -> AccountQuestion:
    """Ask `question` (a form class taking data and request) whenever an account is made."""
    if question not in _registered:
        _registered.append(question)
    return question


def questions(
    data: Mapping[str, Any] | None = None, request: HttpRequest | None = None
) -> list[forms.Form]:
    """One bound (or unbound) form per registered question, in the order they registered."""
    return [question(data, request=request) for question in _registered]
