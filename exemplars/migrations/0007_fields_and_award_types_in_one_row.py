"""Fields and award types are no longer wagtail-localize translatable: one row each, whose names in
other languages are columns (0006 folded the translated rows into them), and a field's slug is
unique in every language."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("exemplars", "0006_names_in_other_languages")]

    operations = [
        migrations.AlterUniqueTogether(name="awardtype", unique_together=set()),
        migrations.AlterUniqueTogether(name="field", unique_together=set()),
        migrations.RemoveField(model_name="awardtype", name="locale"),
        migrations.RemoveField(model_name="awardtype", name="translation_key"),
        migrations.RemoveField(model_name="field", name="locale"),
        migrations.RemoveField(model_name="field", name="translation_key"),
        migrations.AlterField(
            model_name="field",
            name="slug",
            field=models.SlugField(blank=True, max_length=100, unique=True, verbose_name="slug"),
        ),
    ]
