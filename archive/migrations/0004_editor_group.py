"""The "editor" group: staff who may add, change and delete the archive's records and upload
files. Nobody else can write; the public site and the API are read-only."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITED = ["agreement", "party", "text", "article", "act", "relation", "topic", "authority", "sourcedocument",
          "country"]


def create_editor_group(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name="editor")
    codenames = [f"{action}_{model}" for model in EDITED for action in ("add", "change", "delete", "view")]
    codenames += [f"view_historical{model}" for model in EDITED]
    group.permissions.add(*Permission.objects.filter(content_type__app_label="archive", codename__in=codenames))


def remove_editor_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name="editor").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0003_audit_history"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_editor_group, remove_editor_group)]
