"""Fields and award types keep their Khmer and English names in columns (core.names), as units
and blocs do, instead of one wagtail-localize row per language.

A Khmer or English row's name moves into its Vietnamese row's ``name_km`` / ``name_en``; whatever
pointed at the translated row (stories' fields, awards, nominations, proposals, the search index)
is pointed at the Vietnamese row; then the translated rows and wagtail-localize's records of them
go. A translated row without a Vietnamese original becomes a row of its own. The columns that
made them translatable go in the next migration: PostgreSQL alters no table in the transaction
that changed its rows.
"""

from django.db import migrations, models

COLUMNS = {"km": "name_km", "en": "name_en"}
SOURCE_LANGUAGE = "vi"


def _relations(model):
    """(related model or through table, column to ``model``, column to the owner of a many-to-many
    link or None) for every relation pointing at ``model``."""
    for field in model._meta.get_fields(include_hidden=True):
        if field.auto_created and not field.concrete and (field.one_to_many or field.many_to_many):
            if field.one_to_many and field.related_model._meta.auto_created:
                continue  # a many-to-many's own table: handled with the many-to-many below
            m2m = field.remote_field
            if field.many_to_many:
                yield m2m.remote_field.through, m2m.m2m_reverse_field_name(), m2m.m2m_field_name()
            else:
                yield field.related_model, field.field.name, None


def _repoint(model, old, new):
    for related, name, owner in _relations(model):
        rows = related._default_manager.filter(**{f"{name}_id": old.pk})
        if owner:
            # The owner may link both the original and its translation: keep one link.
            already = related._default_manager.filter(**{f"{name}_id": new.pk}).values_list(f"{owner}_id", flat=True)
            rows.filter(**{f"{owner}_id__in": list(already)}).delete()
        rows.update(**{f"{name}_id": new.pk})


def _fold(model):
    rows = model._default_manager.select_related("locale")
    originals = {row.translation_key: row for row in rows if row.locale.language_code == SOURCE_LANGUAGE}
    for row in rows.exclude(locale__language_code=SOURCE_LANGUAGE):
        original = originals.get(row.translation_key)
        if original is None:
            _own_slug(model, row)
            continue
        column = COLUMNS.get(row.locale.language_code[:2])
        if column and not getattr(original, column):
            setattr(original, column, row.name)
            original.save(update_fields=[column])
        _repoint(model, row, original)
        row.delete()


def _own_slug(model, row):
    """A row of its own must not share the slug of another language's row (slugs become unique)."""
    if not hasattr(row, "slug"):
        return
    slug, n = row.slug, 2
    while model._default_manager.filter(slug=row.slug).exclude(pk=row.pk).exists():
        row.slug = f"{slug[:95]}-{n}"
        n += 1
    row.save(update_fields=["slug"])


def _forget_localize_records(apps, model_name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    TranslatableObject = apps.get_model("wagtail_localize", "TranslatableObject")
    content_type = ContentType.objects.filter(app_label="exemplars", model=model_name).first()
    if content_type is not None:
        TranslatableObject.objects.filter(content_type=content_type).delete()


def fold_translations(apps, schema_editor):
    for model_name in ("field", "awardtype"):
        _fold(apps.get_model("exemplars", model_name))
        _forget_localize_records(apps, model_name)


class Migration(migrations.Migration):
    dependencies = [
        ("exemplars", "0005_replication_records"),
        ("commendations", "0002_hall_of_honour"),
        ("submissions", "0002_nomination_story"),
        ("search", "0003_searchentry_text_exact_trigram"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="awardtype",
            name="name_en",
            field=models.CharField(blank=True, max_length=255, verbose_name="name in English"),
        ),
        migrations.AddField(
            model_name="awardtype",
            name="name_km",
            field=models.CharField(blank=True, max_length=255, verbose_name="name in Khmer"),
        ),
        migrations.AddField(
            model_name="field",
            name="name_en",
            field=models.CharField(blank=True, max_length=255, verbose_name="name in English"),
        ),
        migrations.AddField(
            model_name="field",
            name="name_km",
            field=models.CharField(blank=True, max_length=255, verbose_name="name in Khmer"),
        ),
        migrations.RunPython(fold_translations, migrations.RunPython.noop),
    ]
