"""A bounded HTTP load generator for the archive on a loopback address (``manage.py loadtest``).

Threads with ``http.client`` (no dependency), a fixed mix of browsing, detail pages, search
and API requests, a fixed list of multilingual queries (Kazakh, Russian, English, Armenian,
Latin-typed Kazakh, homoglyphs, phrases, cross-language, operators). It stops by itself after
``duration`` seconds or ``max_requests`` requests. An error is a status ≥ 500 or no response
(refused, reset, timed out); latencies are over the requests that got an answer below 500.

Optionally it restarts the database server during the run and reports the outage: the
failed requests and how long after the restart was issued requests succeeded again.
"""

from __future__ import annotations

import http.client
import importlib.util
import ipaddress
import json
import math
import random
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from urllib.parse import urlencode, urlsplit

from archive.ops.pg import OpsError

KINDS = ("browse", "detail", "search", "api")
WEIGHTS = {"browse": 3, "detail": 2, "search": 3, "api": 2}
MAX_CONCURRENCY = 64
MAX_DURATION = 3600
USER_AGENT = "archive-loadtest/1"

#: The fixed query list: one word per language, inflections, homoglyphs (Latin i in Kazakh),
#: Latin-typed Kazakh, phrases, cross-language queries, a number, operators, a near miss.
QUERIES = [
    "барлау",
    "әскери барлаудың",
    "ынтымақтастық",
    "Азербайджан",
    "intelligence",
    "communications",
    "համագործակցության",
    "բարեկամության",
    "Үкiметi",
    "askeri barlau",
    '"үкіметтік байланыс"',
    '"стратегиялық әріптестік"',
    "военная разведка",
    "правительственная связь",
    "military intelligence",
    "strategic partnership",
    "752",
    "барлау OR байланыс -шарт",
    "ынтымақтастыг",
]
FILTERS: list[dict[str, object]] = [
    {"party": "KZ"},
    {"party": ["AZ", "KZ"]},
    {"pair": "AZ-KZ"},
    {"kind": "treaty"},
    {"kind": "agreement", "signed_from": "2000-01-01"},
    {"status": "in_force"},
    {"language": "kk"},
    {"signed_from": "1995-01-01", "signed_to": "2005-12-31"},
    {"topic": "defence"},
    {"ordering": "-signed_date"},
    {"ordering": "title"},
]


def check_loopback(base_url: str) -> tuple[str, int]:
    """(host, port) of an http:// URL on a loopback address; anything else is refused."""
    parts = urlsplit(base_url)
    if parts.scheme != "http" or not parts.hostname:
        raise OpsError(f"--base-url must be http://<loopback address>:<port>, not {base_url!r}")
    host = parts.hostname
    try:
        addresses = {ipaddress.ip_address(host)}
    except ValueError:
        if host != "localhost":
            raise OpsError(f"refusing {host}: the load test only targets loopback addresses") from None
        addresses = {ipaddress.ip_address(info[4][0]) for info in socket.getaddrinfo(host, None)}
    if not addresses or not all(a.is_loopback for a in addresses):
        raise OpsError(f"refusing {host}: the load test only targets loopback addresses")
    try:
        port = parts.port or 80
    except ValueError as exc:
        raise OpsError(f"bad port in {base_url!r}") from exc
    return host, port


def percentile(values: list[float], p: float) -> float:
    """Nearest rank: the value below which p% of the samples lie."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(1, math.ceil(p / 100 * len(ordered))) - 1]


@dataclass
class Sample:
    kind: str
    path: str
    started: float  # seconds since the run started
    elapsed: float
    status: int | None
    error: str = ""

    @property
    def ended(self) -> float:
        return self.started + self.elapsed

    @property
    def failed(self) -> bool:
        return self.status is None or self.status >= 500


@dataclass
class RestartReport:
    at: float  # when the restart was issued (s since the start)
    ready_after: float | None = None  # pg_ctl returned: the server accepts connections again
    error: str = ""
    failures: int = 0
    first_failure: float | None = None
    last_failure: float | None = None
    recovered_after: float | None = None  # from issuing the restart to the first success after the last failure
    failures_after_ready: int = 0
    slowest_ms: float = 0.0  # the slowest answered request overlapping the restart


@dataclass
class LoadResult:
    base_url: str
    duration: float
    concurrency: int
    samples: list[Sample] = field(default_factory=list)
    restart: RestartReport | None = None
    discovered: int = 0  # agreements the API reported

    def by_kind(self) -> dict[str, dict[str, float]]:
        rows = {}
        for kind in [*KINDS, "total"]:
            chosen = [s for s in self.samples if kind in ("total", s.kind)]
            ok = [s.elapsed * 1000 for s in chosen if not s.failed]
            rows[kind] = {
                "requests": len(chosen),
                "errors": sum(s.failed for s in chosen),
                "p50_ms": round(percentile(ok, 50), 1),
                "p95_ms": round(percentile(ok, 95), 1),
                "max_ms": round(max(ok), 1) if ok else math.nan,
            }
        return rows

    @property
    def errors(self) -> int:
        return sum(s.failed for s in self.samples)

    @property
    def throughput(self) -> float:
        return len(self.samples) / self.duration if self.duration else 0.0

    def statuses(self) -> Counter[str]:
        return Counter(str(s.status) if s.status is not None else (s.error or "no response") for s in self.samples)

    def render(self) -> str:
        lines = [
            f"{self.base_url}: {len(self.samples)} requests in {self.duration:.1f} s with {self.concurrency} clients "
            f"({self.throughput:.1f} req/s), {self.errors} errors; {self.discovered} agreements in the archive",
            f"{'kind':<8} {'requests':>9} {'errors':>7} {'p50 ms':>9} {'p95 ms':>9} {'max ms':>9}",
        ]
        for kind, row in self.by_kind().items():
            lines.append(
                f"{kind:<8} {row['requests']:>9} {row['errors']:>7} {row['p50_ms']:>9.1f} {row['p95_ms']:>9.1f} "
                f"{row['max_ms']:>9.1f}"
            )
        lines.append("statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(self.statuses().items())))
        if self.statuses().get("429"):
            lines.append("  429 = the API's anonymous throttle (API_ANON_RATE), not counted as errors")
        refused = Counter(f"{s.status} {s.path.split('?')[0]}" for s in self.samples if s.status and s.status >= 400)
        refused = Counter({k: v for k, v in refused.items() if not k.startswith(("429", "5"))})
        if refused:
            lines.append("client errors: " + ", ".join(f"{k}: {v}" for k, v in refused.most_common(5)))
        failed = Counter(f"{s.status or s.error} {s.kind}" for s in self.samples if s.failed)
        if failed:
            lines.append("errors: " + ", ".join(f"{k}: {v}" for k, v in failed.most_common(8)))
        if self.restart:
            lines.append(self.restart_line())
        return "\n".join(lines)

    def restart_line(self) -> str:
        r = self.restart
        if r.error:
            return f"database restart at +{r.at:.1f} s FAILED: {r.error}"
        ready = f"server ready {r.ready_after:.2f} s later" if r.ready_after is not None else "server never ready"
        if not r.failures:
            outcome = "no request failed"
        else:
            recovered = f"{r.recovered_after:.2f} s" if r.recovered_after is not None else "never (within the run)"
            outcome = (
                f"{r.failures} failed requests (+{r.first_failure:.2f} … +{r.last_failure:.2f} s), "
                f"requests succeed again {recovered} after the restart was issued"
            )
        return (
            f"database restart at +{r.at:.1f} s: {ready}; {outcome}; failures after the server was ready: "
            f"{r.failures_after_ready}; slowest answered request around the restart: {r.slowest_ms:.0f} ms"
        )

    def to_json(self) -> dict:
        return {
            "base_url": self.base_url,
            "duration": round(self.duration, 2),
            "concurrency": self.concurrency,
            "requests": len(self.samples),
            "errors": self.errors,
            "throughput": round(self.throughput, 1),
            "kinds": self.by_kind(),
            "statuses": dict(self.statuses()),
            "restart": asdict(self.restart) if self.restart else None,
        }


class LoadTest:
    def __init__(
        self,
        base_url: str,
        *,
        duration: float = 60,
        concurrency: int = 8,
        max_requests: int = 200_000,
        timeout: float = 30,
        seed: int = 1,
        restart_at: float | None = None,
        restart: Callable[[], object] | None = None,
    ):
        self.host, self.port = check_loopback(base_url)
        if not 0 < duration <= MAX_DURATION:
            raise OpsError(f"--duration must be between 0 and {MAX_DURATION} seconds")
        if not 0 < concurrency <= MAX_CONCURRENCY:
            raise OpsError(f"--concurrency must be between 1 and {MAX_CONCURRENCY}")
        if restart_at is not None and not 0 <= restart_at < duration:
            raise OpsError("--restart-db-at must fall within the run")
        self.base_url = base_url.rstrip("/")
        self.duration, self.concurrency, self.max_requests = duration, concurrency, max_requests
        self.timeout, self.seed = timeout, seed
        self.restart_at, self.restart = restart_at, restart
        self.slugs: list[str] = []
        self.pairs: list[str] = []
        self.countries: list[str] = []
        self.topics: list[str] = []
        self.pages = 1
        self._issued = 0
        self._lock = threading.Lock()

    # http --------------------------------------------------------------------------------
    def get(self, path: str) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
        try:
            conn.request("GET", path, headers={"User-Agent": USER_AGENT, "Accept-Language": "en"})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def discover(self) -> int:
        """Slugs, pairs, countries and topics to request, from the API (not measured)."""
        status, body = self.get("/api/agreements/?page_size=100")
        if status != 200:
            raise OpsError(f"{self.base_url}/api/agreements/ answered {status}: is the archive running there?")
        data = json.loads(body)
        count = int(data.get("count", 0))
        pages = max(1, math.ceil(count / 100))
        rng = random.Random(self.seed)
        results = list(data.get("results", []))
        for page in rng.sample(range(2, pages + 1), min(4, pages - 1)):
            status, body = self.get(f"/api/agreements/?page_size=100&page={page}")
            if status == 200:
                results += json.loads(body).get("results", [])
        for item in results:
            self.slugs.append(item["slug"])
            self.countries += item.get("parties") or []
            if len(item.get("parties") or []) == 2:
                self.pairs.append("-".join(sorted(item["parties"])))
            self.topics += item.get("topics") or []
        self.countries = sorted(set(self.countries)) or ["KZ"]
        self.pairs = sorted(set(self.pairs)) or ["AZ-KZ"]
        self.topics = sorted(set(self.topics)) or ["defence"]
        self.pages = max(1, math.ceil(count / 20))
        return count

    # the mix -----------------------------------------------------------------------------
    def plan(self, rng: random.Random) -> tuple[str, str]:
        kind = rng.choices(list(WEIGHTS), weights=list(WEIGHTS.values()))[0]
        if kind == "detail" and not self.slugs:
            kind = "browse"
        if kind == "browse":
            choice = rng.randrange(7)
            if choice == 0:
                return kind, "/"
            if choice == 1:
                return kind, "/agreements/"
            if choice == 2:
                return kind, f"/agreements/?page={rng.randint(1, min(self.pages, 50))}"
            if choice == 3:
                return kind, f"/countries/{rng.choice(self.countries)}/"
            if choice == 4:
                return kind, f"/countries/{rng.choice(self.pairs)}/"
            if choice == 5:
                return kind, f"/topics/{rng.choice(self.topics)}/"
            return kind, "/agreements/?" + urlencode(rng.choice(FILTERS), doseq=True)
        if kind == "detail":
            return kind, f"/agreements/{rng.choice(self.slugs)}/"
        if kind == "search":
            params: dict[str, object] = {"q": rng.choice(QUERIES)}
            if rng.random() < 0.25:
                params.update(rng.choice(FILTERS))
            return kind, "/search/?" + urlencode(params, doseq=True)
        choice = rng.randrange(4)
        if choice == 0 and self.slugs:
            return kind, f"/api/agreements/{rng.choice(self.slugs)}/"
        if choice == 1:
            return kind, "/api/agreements/?" + urlencode({"q": rng.choice(QUERIES)})
        if choice == 2:
            return kind, "/api/pairs/"
        return kind, "/api/agreements/?" + urlencode(rng.choice(FILTERS), doseq=True)

    # the run -----------------------------------------------------------------------------
    def _take(self) -> bool:
        with self._lock:
            if self._issued >= self.max_requests:
                return False
            self._issued += 1
            return True

    def _worker(self, index: int, t0: float, deadline: float, samples: list[Sample]) -> None:
        rng = random.Random(self.seed * 1000 + index)
        while time.monotonic() < deadline and self._take():
            kind, path = self.plan(rng)
            started = time.monotonic()
            status, error = None, ""
            try:
                status, _body = self.get(path)
            except (OSError, http.client.HTTPException) as exc:
                error = type(exc).__name__
            samples.append(Sample(kind, path, started - t0, time.monotonic() - started, status, error))

    def run(self) -> LoadResult:
        count = self.discover()
        samples: list[Sample] = []
        t0 = time.monotonic()
        deadline = t0 + self.duration
        report = RestartReport(at=self.restart_at) if self.restart_at is not None and self.restart else None
        threads = [
            threading.Thread(target=self._worker, args=(i, t0, deadline, samples), daemon=True)
            for i in range(self.concurrency)
        ]
        if report:
            threads.append(threading.Thread(target=self._restarter, args=(t0, report), daemon=True))
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        result = LoadResult(self.base_url, time.monotonic() - t0, self.concurrency, samples, report, count)
        if report:
            analyse_restart(result)
        return result

    def _restarter(self, t0: float, report: RestartReport) -> None:
        time.sleep(max(0.0, t0 + report.at - time.monotonic()))
        report.at = time.monotonic() - t0
        try:
            self.restart()
            report.ready_after = time.monotonic() - t0 - report.at
        except Exception as exc:
            report.error = str(exc)


def analyse_restart(result: LoadResult) -> None:
    r = result.restart
    after = sorted((s for s in result.samples if s.ended >= r.at), key=lambda s: s.started)
    failed = [s for s in after if s.failed]
    r.failures = len(failed)
    ready_at = r.at + r.ready_after if r.ready_after is not None else math.inf
    r.failures_after_ready = sum(s.started >= ready_at for s in failed)
    window_end = ready_at + 1 if r.ready_after is not None else r.at + 5
    overlapping = [s.elapsed * 1000 for s in after if not s.failed and s.started <= window_end]
    r.slowest_ms = round(max(overlapping, default=0.0), 1)
    if failed:
        r.first_failure = round(min(s.ended for s in failed), 3)
        r.last_failure = round(max(s.ended for s in failed), 3)
        last_start = max(s.started for s in failed)
        recovered = [s.ended for s in after if not s.failed and s.started >= last_start]
        r.recovered_after = round(min(recovered) - r.at, 3) if recovered else None
    if r.ready_after is not None:
        r.ready_after = round(r.ready_after, 3)
    r.at = round(r.at, 3)


# a server to load ----------------------------------------------------------------------------


def port_in_use(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def wait_until_serving(base_url: str, proc=None, timeout: float = 60) -> None:
    host, port = check_loopback(base_url)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise OpsError(f"the server exited with status {proc.returncode} before answering")
        try:
            conn = http.client.HTTPConnection(host, port, timeout=5)
            conn.request("GET", "/api/agreements/?page_size=1", headers={"User-Agent": USER_AGENT})
            if conn.getresponse().status == 200:
                return
        except (OSError, http.client.HTTPException):
            pass
        finally:
            conn.close()
        time.sleep(0.2)
    raise OpsError(f"{base_url} did not answer within {timeout:.0f} s")


class Gunicorn:
    """gunicorn serving archive.wsgi on a loopback address, as a child process of ours.

    ``env`` is the whole environment of the server (DATABASE_URL, MEDIA_ROOT, DEBUG, …).
    Stopping it signals only this child (SIGTERM, then SIGKILL after ``grace`` seconds)."""

    def __init__(self, base_url: str, *, workers: int = 2, env: dict[str, str], cwd: str, log_path, timeout=60):
        if importlib.util.find_spec("gunicorn") is None:
            raise OpsError("gunicorn is not installed")
        self.host, self.port = check_loopback(base_url)
        if port_in_use(self.host, self.port):
            raise OpsError(f"something already listens on {self.host}:{self.port}")
        self.base_url = base_url
        self.command = [
            sys.executable, "-m", "gunicorn", "archive.wsgi:application",
            "--bind", f"{self.host}:{self.port}", "--workers", str(workers),
            "--timeout", "60", "--graceful-timeout", "5", "--log-level", "warning",
        ]  # fmt: skip
        self.env, self.cwd, self.log_path, self.timeout = env, cwd, log_path, timeout
        self.proc = None

    def __enter__(self) -> Gunicorn:
        self._log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(
            self.command, cwd=self.cwd, env=self.env, stdout=self._log, stderr=subprocess.STDOUT
        )
        try:
            wait_until_serving(self.base_url, self.proc, self.timeout)
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self, grace: float = 15) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(grace)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if getattr(self, "_log", None):
            self._log.close()

    def worker_pids(self) -> set[int]:
        import psutil

        return {child.pid for child in psutil.Process(self.proc.pid).children()}
