"""Signals one part of tending sends for others to hear, so neither imports the other."""

from __future__ import annotations

from django.dispatch import Signal

# Sent after an account's rows were deleted (sender: their model; owner_ids: the accounts).
# Django's own delete signals are not used for this: a receiver of those makes Django load
# every row before deleting it, and deleting an account with years of moments would crawl.
owned_rows_deleted = Signal()
