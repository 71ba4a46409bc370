import logging
import time

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _

slow_log = logging.getLogger("archive.db")


def log_slow_queries(execute, sql, params, many, context):
    from django.conf import settings

    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        elapsed_ms = (time.perf_counter() - started) * 1000
        if elapsed_ms >= settings.SLOW_QUERY_MS:
            slow_log.warning("slow query", extra={"duration_ms": round(elapsed_ms, 1), "sql": sql[:500]})


def install_slow_query_log(sender, connection, **kwargs):
    if log_slow_queries not in connection.execute_wrappers:
        connection.execute_wrappers.append(log_slow_queries)


class ArchiveConfig(AppConfig):
    name = "archive"
    verbose_name = _("Agreements archive")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        connection_created.connect(install_slow_query_log, dispatch_uid="archive-slow-queries")
        from archive.search import thesaurus

        # search (and the parser in this process) reads the thesaurus from the Topic rows,
        # so an editor's new synonym is searched within seconds, not at the next release
        thesaurus.use_source(topic_version, topic_rows)
        from django.db.models.signals import post_delete, post_save

        from archive.models import Topic

        post_save.connect(_topics_changed, sender=Topic, dispatch_uid="archive-topics-saved")
        post_delete.connect(_topics_changed, sender=Topic, dispatch_uid="archive-topics-deleted")


_topic_tables_exist = False


def topic_version() -> str | None:
    """Changes whenever a Topic row does (its history records every save and delete)."""
    global _topic_tables_exist
    from django.db import connection, transaction

    from archive.models import Topic

    sql = (
        f"SELECT (SELECT count(*) FROM {Topic._meta.db_table}), count(*), coalesce(max(history_id), 0) "
        f"FROM {Topic.history.model._meta.db_table}"
    )
    if _topic_tables_exist:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            rows, count, last = cursor.fetchone()
    else:
        # in a savepoint until the tables are known to exist: a missing table (before the
        # first migrate) must not break the request's transaction
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
            rows, count, last = cursor.fetchone()
        _topic_tables_exist = True
    return f"{rows}.{count}.{last}" if rows else None


def topic_rows() -> list[dict]:
    """The Topic rows as thesaurus items. Whether a concept may be filed as a document's topic
    (``"suggest": false`` for the treaty provisions) is not a column: it comes from the file."""
    import json

    from archive.models import Topic
    from archive.search.thesaurus import DEFAULT_PATH

    with open(DEFAULT_PATH, encoding="utf-8") as fh:
        query_only = {item["slug"] for item in json.load(fh) if item.get("suggest") is False}
    return [
        {
            "slug": t["slug"],
            "parent": t["parent__slug"],
            "labels": t["labels"],
            "synonyms": t["synonyms"],
            "suggest": t["slug"] not in query_only,
        }
        for t in Topic.objects.order_by("pk").values("slug", "parent__slug", "labels", "synonyms")
    ]


def _topics_changed(**kwargs) -> None:
    from archive.search import thesaurus

    thesaurus.refresh()
