"""After a delete, the search indexes are merged once per transaction (tending.search.forget)."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from tending.search import forget
from tests.factories import JournalEntryFactory, MomentFactory, PersonFactory, PlanEntryFactory


def merged_now() -> list[str]:
    return forget.forget_deleted_text()


@pytest.mark.django_db
def test_each_index_still_holding_deleted_words_is_merged():
    if connection.vendor != "sqlite":
        assert merged_now() == []  # PostgreSQL's own vacuum frees deleted rows
        return
    assert merged_now() == list(forget.INDEXES)


@pytest.mark.sqlite_only
@pytest.mark.django_db
@pytest.mark.parametrize(("value", "merged"), [("1", 1), ("0", 2), (1, 1)])
def test_an_index_with_secure_delete_on_needs_no_merge(value, merged):
    first = forget.INDEXES[0]
    with connection.cursor() as cursor:  # as the option itself writes it, on SQLite ≥ 3.42
        cursor.execute(f"INSERT INTO {first}_config(k, v) VALUES ('secure-delete', %s)", [value])
    assert merged_now() == list(forget.INDEXES[-merged:])


@pytest.mark.sqlite_only
@pytest.mark.django_db
def test_a_missing_index_is_passed_over():
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE {forget.INDEXES[0]}")
    assert merged_now() == [forget.INDEXES[1]]


@pytest.mark.django_db
def test_one_merge_per_transaction_however_many_rows_go(owner, django_capture_on_commit_callbacks):
    rows = [
        JournalEntryFactory(owner=owner),
        JournalEntryFactory(owner=owner),
        MomentFactory(owner=owner),
        PersonFactory(owner=owner),
        PlanEntryFactory(owner=owner),
    ]
    with django_capture_on_commit_callbacks() as waiting, transaction.atomic():
        transaction.on_commit(lambda: None)  # someone else's: not taken for ours
        for row in rows:
            row.delete()
    assert len(waiting) == (2 if connection.vendor == "sqlite" else 1)


@pytest.mark.django_db
def test_rows_that_hold_no_indexed_words_merge_nothing(owner, django_capture_on_commit_callbacks):
    from tending.core.models import Tag

    with django_capture_on_commit_callbacks() as waiting:
        Tag.objects.create(owner=owner, name="walk").delete()
    assert waiting == []


@pytest.mark.sqlite_only
@pytest.mark.django_db(transaction=True)
def test_a_failed_merge_never_undoes_the_delete(owner, monkeypatch):
    def broken(using="default"):
        raise RuntimeError("the index is busy")

    monkeypatch.setattr(forget, "forget_deleted_text", broken)
    entry = JournalEntryFactory(owner=owner)
    with transaction.atomic():
        entry.delete()  # the merge fails after the commit; the delete stands
    from tending.journal.models import Entry

    assert not Entry.objects.filter(pk=entry.pk).exists()


@pytest.mark.sqlite_only
@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_delete_does_not_stop_later_merges(owner, monkeypatch):
    from tending.journal.models import Entry

    calls = []
    monkeypatch.setattr(forget, "forget_deleted_text", lambda using="default": calls.append(1))
    entry = JournalEntryFactory(owner=owner)
    kept = entry.pk
    with pytest.raises(RuntimeError), transaction.atomic():
        entry.delete()
        raise RuntimeError("changed my mind")
    assert calls == []
    Entry.objects.get(pk=kept).delete()  # still there: the delete was rolled back
    assert calls == [1]
    with transaction.atomic():  # each committed transaction merges once
        JournalEntryFactory(owner=owner).delete()
        JournalEntryFactory(owner=owner).delete()
    assert calls == [1, 1]
