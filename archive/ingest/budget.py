"""Parsing within a memory ceiling and a time budget: ``parse_bytes_bounded``.

The parser (``archive.ingest.pipeline.parse_bytes``, pure Python) runs in a separate,
persistent worker process, *spawned* rather than forked: it holds no database connection
and no copy of a web worker's memory, and starts at ~60 MB. Its whole address space is
capped with ``RLIMIT_AS`` at the memory ceiling, so its resident size can never exceed it:
an allocation beyond it raises ``MemoryError`` in the worker (caught there) or kills it.
The caller waits for the answer at most the time budget and kills the worker otherwise.
Either way the caller gets a ``ParseResult`` whose ``error`` begins with
:data:`TOO_COMPLEX` ("too large or too complex to parse (…)"), which the store keeps as a
failed source with its original, never an exception.

A worker is reused from one file to the next (a pool; no per-file process start) and
replaced after it was killed, after a ``MemoryError``, or once its resident size passed
half the ceiling (what a big parse leaves behind). Workers started by a process are
never shared with its forks (gunicorn): each process has its own.

Limits come from the arguments, else the settings ``PARSE_TIME_LIMIT`` (seconds) and
``PARSE_MEMORY_LIMIT_MB``.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from archive.ingest.types import ParseResult

__all__ = ["TOO_COMPLEX", "Bounded", "ParserPool", "ParserUnavailable", "parse_bytes_bounded"]

TOO_COMPLEX = "too large or too complex to parse"
DEFAULT_SECONDS = 20.0
DEFAULT_MEMORY_MB = 300
#: a worker whose resident size is past this fraction of the ceiling after a job is replaced
RECYCLE_FRACTION = 0.5
START_TIMEOUT = 60.0
NICENESS = 5
_MB = 1024 * 1024
_WARM_UP = (
    "AGREEMENT\nbetween the Government of the Republic of Kazakhstan and the Government of the Republic of"
    " Armenia on cooperation\n\nArticle 1\nThe Parties shall cooperate.\n\nСтатья 2\nНастоящее Соглашение"
    " вступает в силу.\n\nDone at Astana on 2 September 1999 in two originals.\n"
).encode()


class ParserUnavailable(RuntimeError):
    """No parser process could be started: nothing was judged (the caller must not store
    the file as failed; trying again later is right)."""


@dataclass
class Bounded:
    """What a bounded parse gives: the result, and what it cost in the worker."""

    result: ParseResult
    seconds: float  # wall time of the parse in the worker (the budget's, if over it)
    peak_rss_mb: float  # the worker's peak resident size so far (0 if unknown)
    over_budget: str | None = None  # "time", "memory" or "crash"
    cpu_seconds: float = 0.0  # CPU time of the parse in the worker


def limits(seconds: float | None = None, memory_mb: int | None = None) -> tuple[float, int]:
    """The given limits, or the settings', or the defaults."""
    if seconds is None or memory_mb is None:
        try:
            from django.conf import settings

            configured = settings.configured
        except ImportError:  # pragma: no cover - the parser without Django
            configured = False
        if seconds is None:
            seconds = getattr(settings, "PARSE_TIME_LIMIT", DEFAULT_SECONDS) if configured else DEFAULT_SECONDS
        if memory_mb is None:
            memory_mb = (
                getattr(settings, "PARSE_MEMORY_LIMIT_MB", DEFAULT_MEMORY_MB) if configured else DEFAULT_MEMORY_MB
            )
    return float(seconds), int(memory_mb)


# --- the worker process ----------------------------------------------------------------


def _rss_mb() -> float:
    try:
        with open("/proc/self/statm") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / _MB
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        return 0.0


def _peak_rss_mb() -> float:
    """Peak resident size of this process (VmHWM: unlike ru_maxrss, not inherited across exec)."""
    try:
        with open("/proc/self/status") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):  # pragma: no cover - not Linux
        pass
    return 0.0


def _serve(receiver, sender, memory_mb: int) -> None:
    """The worker's loop: (data, filename, source) in, (status, payload, seconds, cpu, peak) out."""
    import resource

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # Below the caller and the database: a web worker stays responsive, and `ingest`'s
    # store (one process, the serial part) is not slowed down by the parses it waits for.
    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    if memory_mb:
        cap = memory_mb * _MB
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    from archive.ingest.pipeline import parse_bytes

    with contextlib.suppress(Exception):  # builds the parser's lazy tables before the first file's clock starts
        parse_bytes(_WARM_UP, "warm-up.txt")
    # the tables live as long as the worker: keep the collector from walking them again and again
    gc.freeze()
    sender.send(("ready", os.getpid(), 0.0, 0.0, _peak_rss_mb()))
    recycle_mb = memory_mb * RECYCLE_FRACTION if memory_mb else float("inf")
    while True:
        try:
            job = receiver.recv()
        except (EOFError, OSError, MemoryError):
            return
        if job is None:
            return
        data, filename, source = job
        job = None
        started, cpu = time.perf_counter(), time.process_time()
        status, payload = "ok", None
        try:
            payload = parse_bytes(data, filename, source)
        except MemoryError:
            status, payload = "memory", None
        except Exception as exc:  # parse_bytes returns an error for a bad file: this is a parser bug
            status, payload = "error", f"{type(exc).__name__}: {str(exc)[:300]}"
        data = None
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        try:
            try:
                sender.send((status, payload, elapsed, cpu, _peak_rss_mb()))
            except MemoryError:  # the result itself is too big to send
                payload, status = None, "memory"
                sender.send((status, None, elapsed, cpu, _peak_rss_mb()))
        except OSError:  # the parent is gone (or killed us meanwhile)
            return
        if status == "memory" or _rss_mb() > recycle_mb:
            return


# --- the parent's side -----------------------------------------------------------------


class _Worker:
    """One worker: ``python -m archive.ingest.budget READ_FD WRITE_FD MEMORY_MB``, talking
    through a pair of pipes with multiprocessing's framing (a plain subprocess rather
    than multiprocessing's spawn, which would re-run the caller's main script)."""

    def __init__(self, memory_mb: int) -> None:
        from multiprocessing.connection import Connection

        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [root, os.environ.get("PYTHONPATH")]))}
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "archive.ingest.budget", str(to_child_r), str(from_child_w), str(memory_mb)],
                pass_fds=(to_child_r, from_child_w),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                env=env,
                cwd=root,
            )
        except OSError as exc:
            os.close(to_child_w)
            os.close(from_child_r)
            raise ParserUnavailable(f"the parser process could not be started ({exc})") from exc
        finally:
            os.close(to_child_r)
            os.close(from_child_w)
        self.sender = Connection(to_child_w, readable=False)
        self.receiver = Connection(from_child_r, writable=False)
        self.memory_mb = memory_mb
        try:
            ready = self.receiver.poll(START_TIMEOUT) and self.receiver.recv()
        except (EOFError, OSError):
            ready = None
        if not ready or ready[0] != "ready":
            self.kill()
            raise ParserUnavailable("the parser process did not start")

    @property
    def alive(self) -> bool:
        return self.process.poll() is None and not self.sender.closed

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(5)
        self.sender.close()
        self.receiver.close()

    def close(self) -> None:
        with contextlib.suppress(OSError, ValueError, subprocess.TimeoutExpired):
            if self.process.poll() is None:
                self.sender.send(None)
                self.process.wait(2)
        self.kill()

    def parse(self, data: bytes, filename: str, source: str, seconds: float) -> tuple:
        """(status, payload, seconds, cpu, peak); status "time"/"crash" when it did not answer."""
        started = time.perf_counter()
        try:
            self.sender.send((data, filename, source))
        except (OSError, ValueError):  # it died since (recycled): the caller retries once
            self.kill()
            return ("dead", None, 0.0, 0.0, 0.0)
        if not self.receiver.poll(max(0.0, seconds - (time.perf_counter() - started))):
            self.kill()
            return ("time", None, seconds, 0.0, 0.0)
        try:
            return self.receiver.recv()
        except (EOFError, OSError):
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(5)
            code = self.process.returncode
            self.kill()
            return ("crash", code, time.perf_counter() - started, 0.0, 0.0)


def _failed(data: bytes, filename: str, source: str | None, message: str) -> ParseResult:
    src = source if source is not None else filename
    return ParseResult(source=src, warnings=[message], error=message, sha256=hashlib.sha256(data).hexdigest())


def _describe(status: str, payload, seconds: float, memory_mb: int) -> str:
    if status == "time":
        return f"{TOO_COMPLEX} (it took more than {seconds:g} s)"
    if status == "memory":
        return f"{TOO_COMPLEX} (it needed more than {memory_mb} MB of memory)"
    if isinstance(payload, int) and payload < 0:
        return f"{TOO_COMPLEX} (the parser was stopped by signal {-payload}, likely out of memory)"
    return f"{TOO_COMPLEX} (the parser stopped, exit status {payload})"


class ParserPool:
    """Worker processes for bounded parsing, reused across calls; thread-safe.

    ``parse`` takes an idle worker (or starts one), and keeps at most ``max_idle`` of them
    afterwards. ``close()`` stops them all (they also stop when this process exits)."""

    def __init__(self, memory_mb: int | None = None, max_idle: int = 1) -> None:
        self.memory_mb = limits(None, memory_mb)[1]
        self.max_idle = max_idle
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._pid = os.getpid()

    def _acquire(self) -> _Worker:
        with self._lock:
            if self._pid != os.getpid():  # a fork: the workers are the parent's
                self._idle, self._pid = [], os.getpid()
            while self._idle:
                worker = self._idle.pop()
                if worker.alive:
                    return worker
                worker.kill()
        return _Worker(self.memory_mb)

    def _release(self, worker: _Worker) -> None:
        if not worker.alive:
            worker.kill()
            return
        with self._lock:
            if len(self._idle) < self.max_idle and self._pid == os.getpid():
                self._idle.append(worker)
                return
        worker.close()

    def start(self, n: int = 1) -> None:
        """Start ``n`` idle workers now (they take ~0.3 s each to import the parser)."""
        workers = [self._acquire() for _ in range(n)]
        for worker in workers:
            self._release(worker)

    def parse(self, data: bytes, filename: str, source: str | None = None, *, seconds: float | None = None) -> Bounded:
        seconds = limits(seconds, self.memory_mb)[0]
        src = source if source is not None else filename
        for _attempt in range(2):
            worker = self._acquire()
            try:
                status, payload, elapsed, cpu, peak = worker.parse(data, filename, src, seconds)
            finally:
                self._release(worker)
            if status != "dead":
                break
        if status == "ok":
            return Bounded(payload, elapsed, peak, cpu_seconds=cpu)
        if status == "error":
            return Bounded(_failed(data, filename, source, f"parser error: {payload}"), elapsed, peak, cpu_seconds=cpu)
        over = "crash" if status in ("crash", "dead") else status
        message = _describe(status, payload, seconds, self.memory_mb)
        return Bounded(_failed(data, filename, source, message), elapsed, peak, over_budget=over, cpu_seconds=cpu)

    def close(self) -> None:
        with self._lock:
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.close()

    def __enter__(self) -> ParserPool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


_pools: dict[int, ParserPool] = {}
_pools_lock = threading.Lock()


def default_pool(memory_mb: int | None = None) -> ParserPool:
    """This process's shared pool for a memory ceiling (the web's uploads use it)."""
    memory_mb = limits(None, memory_mb)[1]
    with _pools_lock:
        pool = _pools.get(memory_mb)
        if pool is None:
            pool = _pools[memory_mb] = ParserPool(memory_mb, max_idle=1)
        return pool


def parse_bytes_bounded(
    data: bytes, filename: str, source: str | None = None, *, seconds: float | None = None, memory_mb: int | None = None
) -> ParseResult:
    """``parse_bytes`` within ``seconds`` and ``memory_mb``: over either, a ParseResult whose
    ``error`` says the file is too large or too complex to parse (and why)."""
    return default_pool(memory_mb).parse(data, filename, source, seconds=seconds).result


if __name__ == "__main__":  # the worker: python -m archive.ingest.budget READ_FD WRITE_FD MEMORY_MB
    from multiprocessing.connection import Connection

    _serve(Connection(int(sys.argv[1]), writable=False), Connection(int(sys.argv[2]), readable=False), int(sys.argv[3]))
