"""The body's words as plain text, kept with its HTML, and filled in for the entries there are."""

from django.db import migrations, models

BATCH = 500


def fill_plain_text(apps, schema_editor):
    from tending.journal.plain import plain_text

    Entry = apps.get_model("journal", "Entry")
    rows = Entry.objects.using(schema_editor.connection.alias).only("id", "body").order_by("id")
    last = 0
    while True:
        batch = list(rows.filter(id__gt=last)[:BATCH])
        if not batch:
            break
        for entry in batch:
            entry.body_plain = plain_text(entry.body)
        Entry.objects.using(schema_editor.connection.alias).bulk_update(batch, ["body_plain"])
        last = batch[-1].id


class Migration(migrations.Migration):
    dependencies = [
        ("journal", "0005_rendered_body"),
    ]

    operations = [
        migrations.AddField(
            model_name="entry",
            name="body_plain",
            field=models.TextField(blank=True, editable=False),
        ),
        migrations.RunPython(fill_plain_text, migrations.RunPython.noop, elidable=True),
    ]
