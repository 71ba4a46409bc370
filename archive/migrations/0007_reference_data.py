"""Countries and topics in every migrated database: `migrate` then `ingest` keeps every party.

Loaded with the migration's historical models through archive.reference (the same code as
`manage.py load_reference`, which later refreshes names that changed). Reversing keeps the
rows: agreements may refer to them."""

from django.db import migrations


def load(apps, schema_editor):
    from archive.reference import load_countries, load_topics

    load_countries(apps.get_model("archive", "Country"))
    load_topics(apps.get_model("archive", "Topic"))


class Migration(migrations.Migration):
    dependencies = [("archive", "0006_agreement_newest_index")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
