"""Changes to journal entries and drafts, shared by the web pages and the command line.

On SQLite the search index follows every insert, update and delete of an entry through
triggers (migration 0002); on PostgreSQL the GIN index is over the columns themselves.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Case, DateTimeField, Value, When
from django.utils.translation import gettext

from tending.circle.models import Person
from tending.core.ownership import owned
from tending.core.tags import tags_for, validate_tag_names
from tending.journal.mentions import mentioned_people
from tending.journal.models import Entry, JournalDraft


@transaction.atomic
def save_entry(
    owner,
    entry: Entry,
    people: Iterable[Person] = (),
    tag_names: Iterable[str] = (),
    *,
    from_the_draft: bool = True,
) -> Entry:
    """Save `entry` for `owner`, linked to `people` and to everyone it mentions with @Name.

    `from_the_draft`: it was written on the page that keeps a draft, which is now let go. An
    entry sent from elsewhere (the API) leaves alone what the person is writing on the web.
    """
    people = list(people)
    if any(p.owner_id != owner.pk for p in people):
        raise ValidationError({"people": gettext("Those people are not in your circle.")})
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
    if from_the_draft:
        discard_draft(owner, None if is_new else entry)
    return entry


IMPORT_BATCH = 300  # entries a statement: three parameters each stay under SQLite's 999


@transaction.atomic
def add_entries(
    owner,
    entries: Sequence[tuple[Entry, list[str]]],
    done: Callable[[int], None] | None = None,
) -> list[Entry]:
    """Add entries written elsewhere (an import) as `save_entry` adds one, in batches.

    Each is checked, its body rendered (what `Entry.save` does), indexed for search (by the
    database, as for any insert), linked to everyone it mentions with @Name and tagged. An
    entry's `created_at`, when set, is kept as when it was written. Unlike `save_entry` it
    leaves alone the draft the person may be writing. `done(n)`: n are added so far.
    """
    names = list(dict.fromkeys(name for _, tag_names in entries for name in tag_names))
    validate_tag_names(names)
    tags = {tag.name: tag for tag in tags_for(owner, names)}
    active = list(owned(Person, owner).filter(is_archived=False))
    for entry, _ in entries:
        entry.owner = owner
        entry.full_clean(exclude=["owner"])
        entry.render_body()
    for start in range(0, len(entries), IMPORT_BATCH):
        part = entries[start : start + IMPORT_BATCH]
        _insert([entry for entry, _ in part])
        people, tagged = Entry.people.through, Entry.tags.through
        people.objects.bulk_create(
            people(entry_id=entry.pk, person_id=person.pk)
            for entry, _ in part
            for person in mentioned_people(f"{entry.title}\n{entry.body}", active)
        )
        tagged.objects.bulk_create(
            tagged(entry_id=entry.pk, tag_id=tags[name].pk)
            for entry, tag_names in part
            for name in dict.fromkeys(tag_names)
        )
        if done is not None:
            done(start + len(part))
    return [entry for entry, _ in entries]


def _insert(entries: list[Entry]) -> None:
    """Insert `entries`, then give each the `created_at` it came with (insert stamps now)."""
    written = [entry.created_at for entry in entries]
    Entry.objects.bulk_create(entries)
    stamped = [(entry, at) for entry, at in zip(entries, written, strict=True) if at is not None]
    if stamped:
        Entry.objects.filter(pk__in=[entry.pk for entry, _ in stamped]).update(
            created_at=Case(
                *(When(pk=entry.pk, then=Value(at)) for entry, at in stamped),
                output_field=DateTimeField(),
            )
        )
        for entry, at in stamped:
            entry.created_at = at


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
