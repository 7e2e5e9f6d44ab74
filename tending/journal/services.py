"""Changes to journal entries and drafts, shared by the web pages and the command line.

On SQLite the search index follows every insert, update and delete of an entry through
triggers (migration 0002); on PostgreSQL the GIN index is over the columns themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction

from tending.circle.models import Person
from tending.core.ownership import owned
from tending.core.tags import tags_for, validate_tag_names
from tending.journal.mentions import mentioned_people
from tending.journal.models import Entry, JournalDraft


@transaction.atomic
def save_entry(
    owner, entry: Entry, people: Iterable[Person] = (), tag_names: Iterable[str] = ()
) -> Entry:
    """Save `entry` for `owner`, linked to `people` and to everyone it mentions with @Name."""
    people = list(people)
    if any(p.owner_id != owner.pk for p in people):
        raise ValidationError({"people": "Those people are not in your circle."})
    names = list(tag_names)
    validate_tag_names(names)
    is_new = entry.pk is None
    entry.owner = owner
    entry.full_clean(exclude=["owner"])
    entry.save()
    active = list(owned(Person, owner).filter(is_archived=False))
    for person in mentioned_people(f"{entry.title}\n{entry.body}", active):
        if person not in people:
            people.append(person)
    entry.people.set(people)
    entry.tags.set(tags_for(owner, names))
    discard_draft(owner, None if is_new else entry)
    return entry


@transaction.atomic
def add_entries(
    owner,
    entries: Sequence[tuple[Entry, list[str]]],
    done: Callable[[int], None] | None = None,
) -> list[Entry]:
    """Add entries written elsewhere (an import) just as `save_entry` adds one.

    Each is checked, rendered, indexed for search, linked to everyone it mentions with
    @Name and tagged; an entry's `created_at`, when set, is kept as when it was written.
    Unlike `save_entry` it leaves alone the draft the person may be writing. `done(n)` is
    told how many are added so far.
    """
    names = list(dict.fromkeys(name for _, tag_names in entries for name in tag_names))
    validate_tag_names(names)
    tags = {tag.name: tag for tag in tags_for(owner, names)}
    active = list(owned(Person, owner).filter(is_archived=False))
    for count, (entry, tag_names) in enumerate(entries, start=1):
        written = entry.created_at
        entry.owner = owner
        entry.full_clean(exclude=["owner"])
        entry.save()
        if written is not None:
            Entry.objects.filter(pk=entry.pk).update(created_at=written)
            entry.created_at = written
        people = mentioned_people(f"{entry.title}\n{entry.body}", active)
        if people:
            entry.people.set(people)
        if tag_names:
            entry.tags.set([tags[name] for name in tag_names])
        if done is not None:
            done(count)
    return [entry for entry, _ in entries]


@transaction.atomic
def delete_entry(entry: Entry) -> None:
    entry.delete()


def keep_draft(owner, entry: Entry | None, title: str, body: str) -> JournalDraft | None:
    """Remember what is being typed; an empty form leaves nothing behind."""
    if not (title.strip() or body.strip()):
        discard_draft(owner, entry)
        return None
    with transaction.atomic():
        draft, _ = JournalDraft.objects.update_or_create(
            owner=owner, entry=entry, defaults={"title": title, "body": body}
        )
    return draft


def discard_draft(owner, entry: Entry | None) -> None:
    owned(JournalDraft, owner).filter(
        **({"entry": entry} if entry is not None else {"entry__isnull": True})
    ).delete()
