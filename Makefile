# Foothold: `make run` to use it, `make test` to check it. `make help` lists the rest.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check -c constraints.txt

.PHONY: help run serve test lint format setup install install-dev chromium lock clean bench loadtest

help:
	@echo "make run      set everything up and serve http://127.0.0.1:8000 (DEBUG on)"
	@echo "make test     set everything up and run ruff, the migrations check and every test"
	@echo "make serve    collectstatic and gunicorn with production-like settings on 127.0.0.1:8000"
	@echo "make pagecheck  the page-quality tests: valid HTML, page weight, axe (light and dark)"
	@echo "make lint     ruff check and ruff format --check"
	@echo "make format   ruff format and ruff check --fix"
	@echo "make lock     re-pin constraints.txt from the installed packages"
	@echo "make bench    benchmark every page with wrk and write bench/RESULTS.md (minutes)"
	@echo "make loadtest 50 clients for 60 s on SQLite, then PostgreSQL when it answers"

$(PY):
	@scripts/make-venv $(VENV)

$(VENV)/.installed-runtime: pyproject.toml constraints.txt | $(PY)
	$(PIP_INSTALL) .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml constraints.txt | $(PY)
	$(PIP_INSTALL) ".[dev]"
	@touch $@ $(VENV)/.installed-runtime

install: $(VENV)/.installed-runtime
install-dev: $(VENV)/.installed-dev

chromium:
	@scripts/ensure-chromium

# The Nu Html Checker (npm's vnu-jar, pinned in package-lock.json) and Java for it.
.PHONY: node-tools pagecheck
node-tools:
	@scripts/ensure-node-tools

pagecheck: install-dev chromium node-tools
	$(VENV)/bin/pytest tests/test_page_quality.py tests/test_colour_tokens.py tests/browser/test_accessibility.py

# Migrate, load the shipped content and, in DEBUG, make a local admin account.
setup: install
	$(MANAGE) migrate --noinput
	$(MANAGE) createcachetable
	$(MANAGE) load_careers
	$(MANAGE) load_catalogue
	$(MANAGE) load_assessments
	$(MANAGE) ensure_local_admin

run: export DEBUG ?= true
run: setup
	$(MANAGE) runserver 127.0.0.1:8000

serve: export DEBUG := false
serve: export HTTPS := false
serve: export ALLOWED_HOSTS ?= 127.0.0.1,localhost
serve: export SECRET_KEY ?= $(shell python3 -c 'import secrets; print(secrets.token_urlsafe(50))')
serve: setup
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(VENV)/bin/gunicorn config.wsgi --config gunicorn.conf.py

test: install-dev chromium node-tools
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=true $(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/pytest

bench: install
	@scripts/ensure-wrk
	$(PY) -m bench.run

# LOADTEST_SHORT=1 for the ~10 s version CI runs.
loadtest: install
	$(PY) -m bench.loadtest --database sqlite
	@if DATABASE_URL="$${LOADTEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/foothold_perf_load}" $(PY) scripts/postgres-available; then \
	  $(PY) -m bench.loadtest --database postgres; \
	else echo "PostgreSQL load test: SKIPPED (no server answered)."; fi

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

lock: install-dev
	$(PY) -m pip freeze --exclude foothold > constraints.txt

clean:
	rm -rf $(VENV) staticfiles node_modules .pytest_cache .ruff_cache
