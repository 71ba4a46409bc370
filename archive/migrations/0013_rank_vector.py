"""A small ranking vector per agreement (archive.search.index), made from its search vector."""

import django.contrib.postgres.search
from django.db import migrations

# The rank vector of a search vector: its title and descriptive lexemes (weights A, B) with
# their positions, and the ``terms`` lexemes with the most text positions (weight C, ties in
# byte order), each with at most two positions. Used by archive.search.index and synth_corpus.
FUNCTION = r"""
CREATE OR REPLACE FUNCTION archive_rank_vector(v tsvector, terms integer) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT ts_filter(v, '{a,b}') || coalesce((
    SELECT string_agg(
             '''' || replace(replace(t.lexeme, '\', '\\'), '''', '''''') || ''''
             || CASE WHEN t.n > 1 THEN ':1C,2C' ELSE ':1C' END, ' ')::tsvector
    FROM (SELECT c.lexeme, c.n FROM (
            SELECT u.lexeme, (SELECT count(*) FROM unnest(u.weights) AS w WHERE w = 'C') AS n
            FROM unnest(v) AS u) c
          WHERE c.n > 0 ORDER BY c.n DESC, c.lexeme COLLATE "C" LIMIT terms) t
  ), ''::tsvector)
$$
"""


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0012_article_label_chapter"),
    ]

    operations = [
        migrations.AddField(
            model_name="agreement",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        # in the row rather than out of line: the first step of a search reads it for every
        # match (archive.search.engine)
        migrations.RunSQL(
            "ALTER TABLE archive_agreement ALTER COLUMN rank_vector SET STORAGE MAIN",
            migrations.RunSQL.noop,
        ),
        migrations.RunSQL(FUNCTION, "DROP FUNCTION IF EXISTS archive_rank_vector(tsvector, integer)"),
        migrations.RunSQL(
            "UPDATE archive_agreement SET rank_vector = archive_rank_vector(search_vector, 48) "
            "WHERE search_vector IS NOT NULL",
            migrations.RunSQL.noop,
        ),
    ]
