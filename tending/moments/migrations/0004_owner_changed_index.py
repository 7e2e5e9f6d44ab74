from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("moments", "0003_owner_newest_index"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="moment",
            index=models.Index(fields=["owner", "updated_at"], name="moment_owner_changed"),
        ),
    ]
