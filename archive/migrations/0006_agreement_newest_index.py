"""An index in the order of ``AgreementQuerySet.newest_first()`` (signed_date DESC NULLS
LAST, slug): list pages and the API read their first page off the index instead of
sorting every agreement (the plain signed_date index cannot give NULLS LAST). Created in
SQL, outside Django's model state: the Agreement model does not declare it."""

from django.db import migrations

SQL = "CREATE INDEX IF NOT EXISTS agreement_newest_idx ON archive_agreement (signed_date DESC NULLS LAST, slug)"
REVERSE_SQL = "DROP INDEX IF EXISTS agreement_newest_idx"


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0005_search_vector_statistics"),
    ]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
