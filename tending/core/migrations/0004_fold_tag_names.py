"""Tags kept before names were folded (core.tag_names.tag_name) are folded now.

A tag typed with a full-width letter ("Ｗalk") was kept apart from "walk"; one typed "# walk"
kept a leading space. Each such tag takes its folded name; where the person already has a
tag of that name, its moments and journal entries move to that tag and it goes. A name
that folding would leave empty or make longer than a tag may be stays as it was.
"""

import unicodedata

from django.db import migrations

MAX_TAG_LENGTH = 40


def _folded(name: str) -> str:
    # As core.tag_names.tag_name at the time of writing: a migration keeps its own copy.
    folded = unicodedata.normalize("NFKC", name)
    return " ".join(folded.split()).lstrip("#").strip().lower()


def _move_links(through, tag_field: str, row_field: str, old, new) -> None:
    """Give `old`'s links to `new`, except rows `new` already carries (theirs just go)."""
    already = through.objects.filter(**{tag_field: new}).values_list(row_field, flat=True)
    links = through.objects.filter(**{tag_field: old})
    links.filter(**{f"{row_field}__in": list(already)}).delete()
    links.update(**{tag_field: new})


def fold_tag_names(apps, schema_editor):
    Tag = apps.get_model("core", "Tag")
    moment_links = apps.get_model("moments", "Moment").tags.through
    entry_links = apps.get_model("journal", "Entry").tags.through
    for tag in Tag.objects.order_by("owner_id", "id").iterator():
        name = _folded(tag.name)
        if name == tag.name or not name or len(name) > MAX_TAG_LENGTH:
            continue
        kept = Tag.objects.filter(owner_id=tag.owner_id, name=name).first()
        if kept is None:
            tag.name = name
            tag.save(update_fields=["name"])
            continue
        _move_links(moment_links, "tag", "moment", tag, kept)
        _move_links(entry_links, "tag", "entry", tag, kept)
        tag.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_rate_count"),
        ("moments", "0004_changed_index"),
        ("journal", "0006_body_plain"),
    ]

    operations = [migrations.RunPython(fold_tag_names, migrations.RunPython.noop)]
