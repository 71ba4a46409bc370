"""python manage.py loadtest --duration S --concurrency C --base-url http://127.0.0.1:PORT — bounded load.

Measurement only: a mix of browsing, detail pages, search and API requests against a server on
a loopback address (nothing else is accepted), optionally restarting the embedded PostgreSQL
server mid-run (``--restart-db-at``) to measure the outage and the recovery. ``--serve`` starts
gunicorn on the base URL's port for the run (DEBUG off) and stops it afterwards.
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.ops.load import Gunicorn, LoadTest
from archive.ops.pg import OpsError, embedded_pgdata, restart_embedded


class Command(BaseCommand):
    help = "A bounded HTTP load test of the archive on a loopback address; optionally restarts the database mid-run."

    def add_arguments(self, parser):
        parser.add_argument("--base-url", default="http://127.0.0.1:8011", help="http://<loopback>:<port>")
        parser.add_argument("--duration", type=float, default=60, help="seconds (default 60, at most 3600)")
        parser.add_argument("--concurrency", type=int, default=8, help="parallel clients (default 8, at most 64)")
        parser.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests")
        parser.add_argument("--timeout", type=float, default=30, help="per request, seconds")
        parser.add_argument("--seed", type=int, default=1, help="seed of the request mix")
        parser.add_argument(
            "--restart-db-at",
            type=float,
            metavar="SECONDS",
            help="restart the embedded PostgreSQL server (pg_ctl restart -m fast) this long into the run",
        )
        parser.add_argument(
            "--pgdata",
            help="data folder of the embedded server to restart (default: var/pgdata without DATABASE_URL)",
        )
        parser.add_argument("--serve", action="store_true", help="start gunicorn on the base URL's port for the run")
        parser.add_argument("--workers", type=int, default=2, help="gunicorn workers with --serve (default 2)")
        parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")

    def handle(self, *args, **options):
        try:
            load = LoadTest(
                options["base_url"],
                duration=options["duration"],
                concurrency=options["concurrency"],
                max_requests=options["max_requests"],
                timeout=options["timeout"],
                seed=options["seed"],
                restart_at=options["restart_db_at"],
                restart=self._restarter(options),
            )
            if options["serve"]:
                with self._gunicorn(options) as server:
                    workers = server.worker_pids()
                    result = load.run()
                    if server.worker_pids() != workers:
                        self.stderr.write("WARNING gunicorn replaced workers during the run")
            else:
                result = load.run()
        except OpsError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(result.render())
        if options["json"]:
            Path(options["json"]).write_text(json.dumps(result.to_json(), indent=2) + "\n", encoding="utf-8")

    def _restarter(self, options):
        if options["restart_db_at"] is None:
            return None
        pgdata = Path(options["pgdata"]) if options["pgdata"] else embedded_pgdata()
        if pgdata is None:
            raise CommandError("--restart-db-at restarts an embedded server: with DATABASE_URL, name it with --pgdata")
        if not (pgdata / "postmaster.pid").exists():
            raise CommandError(f"no PostgreSQL server is running on {pgdata}")
        self.stdout.write(f"will restart the PostgreSQL server on {pgdata} at +{options['restart_db_at']:g} s")
        return lambda: restart_embedded(pgdata)

    def _gunicorn(self, options):
        env = {
            **os.environ,
            "DEBUG": "false",
            # the API's anonymous throttle would turn most API traffic into 429s; a load test measures the app
            "API_ANON_RATE": os.environ.get("LOADTEST_API_RATE", "1000000/minute"),
        }
        log_path = Path(settings.VAR_DIR) / "loadtest-gunicorn.log"
        self.stdout.write(
            f"starting gunicorn ({options['workers']} workers, DEBUG off) on {options['base_url']}; log: {log_path}"
        )
        return Gunicorn(
            options["base_url"], workers=options["workers"], env=env, cwd=str(settings.BASE_DIR), log_path=log_path
        )
