"""No planner statistics for archive_agreement.search_vector.

With them, PostgreSQL estimates (rightly) that a common word matches most agreements and
then prefers plans that evaluate ``search_vector @@ query`` row by row — which reads each
agreement's stored vector (~10 kB, out of line in TOAST), something its cost model does
not count: 100,000 agreements cost seconds. Without statistics the estimate is the
default 0.5 %, so the GIN index (which answers without reading the vectors) is always
used. The search bounds the rest (archive.search.engine).

``SET STATISTICS 0`` stops ANALYZE from collecting them; re-declaring the column's own
type drops those already collected (no table rewrite, no index rebuild).
"""

from django.db import migrations

SQL = """
ALTER TABLE archive_agreement
    ALTER COLUMN search_vector SET STATISTICS 0,
    ALTER COLUMN search_vector TYPE tsvector
"""
REVERSE_SQL = "ALTER TABLE archive_agreement ALTER COLUMN search_vector SET STATISTICS -1"


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0004_editor_group"),
    ]

    operations = [migrations.RunSQL(SQL, REVERSE_SQL)]
