"""A small ranking vector per agreement (archive.search.index)."""

import django.contrib.postgres.search
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0012_article_label_chapter'),
    ]

    operations = [
        migrations.AddField(
            model_name='agreement',
            name='rank_vector',
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        # compressed in the row rather than out of line: the first stage of a search reads it
        # for every match (archive.search.engine); ``manage.py reindex`` fills it in
        migrations.RunSQL(
            "ALTER TABLE archive_agreement ALTER COLUMN rank_vector SET STORAGE MAIN",
            migrations.RunSQL.noop,
        ),
    ]
