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
