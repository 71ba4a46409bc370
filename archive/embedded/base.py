"""Database backend: Django's PostgreSQL backend, pointed at the embedded server."""

from django.db.backends.postgresql import base

from archive.embedded import ensure_server


class DatabaseWrapper(base.DatabaseWrapper):
    def get_connection_params(self):
        params = super().get_connection_params()
        params.update(ensure_server())
        return params
