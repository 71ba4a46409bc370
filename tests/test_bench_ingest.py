"""`manage.py bench_ingest` works and prints its figures (it asserts no timing, nor does this):
run as an operator would, in a child process, on the seed corpus; its scratch database is
created and dropped on the suite's server, its originals written to a temporary folder."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from archive.ops.pg import Target

pytestmark = pytest.mark.slow  # not in make test-fast (processes, restarts, budgets, crawls)


ROOT = Path(settings.BASE_DIR)


def test_bench_ingest_prints_parse_store_and_unchanged_figures(tmp_path):
    server = Target.from_django()
    env = {**os.environ, "DATABASE_URL": server.url(), "MEDIA_ROOT": str(tmp_path / "media")}
    done = subprocess.run(
        [sys.executable, "manage.py", "bench_ingest", "fixtures/corpus", "--jobs", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert re.search(r"^4 distinct files \(.* MB\) from fixtures/corpus; 1 parser worker", out, re.M), out
    assert re.search(
        r"^first ingestion: created 4, updated 0, linked \d+, unchanged 0, needs review \d, failed 0", out, re.M
    ), out
    assert re.search(r"^  parse: [\d.]+ s in all, [\d.]+ ms per file, [\d.]+ files/s per worker", out, re.M), out
    assert re.search(r"^  store: [\d.]+ s in all, [\d.]+ ms per file, [\d.]+ files/s", out, re.M), out
    assert re.search(r"^  overall: 4 files in [\d.]+ s, [\d.]+ files/s", out, re.M), out
    assert re.search(r"^unchanged \(the same files again\): 4 of 4 files in [\d.]+ s, [\d.]+ files/s", out, re.M), out
    scratch = re.search(r"scratch database (\S+)", out).group(1)
    assert not server.with_dbname(scratch).exists()  # dropped
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.txt"))  # nothing kept
