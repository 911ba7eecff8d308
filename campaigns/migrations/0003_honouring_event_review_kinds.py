from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="honouringeventpage",
            name="kind",
            field=models.CharField(
                choices=[
                    ("conference", "Summary conference"),
                    ("seminar", "Seminar"),
                    ("exchange", "Exchange"),
                    ("half_year_review", "Half-year review meeting"),
                    ("year_end_review", "Year-end review meeting"),
                ],
                max_length=20,
                verbose_name="kind",
            ),
        ),
    ]
