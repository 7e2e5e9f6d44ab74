"""Each person's last moment, kept on the person so the circle need not scan every moment."""

from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def fill(apps, schema_editor):
    Person = apps.get_model("circle", "Person")
    Moment = apps.get_model("moments", "Moment")
    latest = (
        Moment.objects.filter(people=OuterRef("pk")).order_by("-occurred_at").values("occurred_at")
    )
    Person.objects.update(last_moment_at=Subquery(latest[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("circle", "0001_initial"),
        ("moments", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="last_moment_at",
            field=models.DateTimeField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
