"""A trigram index on act numbers: a number's digits found anywhere in it without a scan."""

import django.contrib.postgres.indexes
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0013_rank_vector'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='act',
            index=django.contrib.postgres.indexes.GinIndex(fields=['number'], name='act_number_trgm', opclasses=['gin_trgm_ops']),
        ),
    ]
