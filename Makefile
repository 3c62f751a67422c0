# Delaktig: `make run` starts the platform with demo data (web, task worker, periodic jobs), `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
APT := $(shell command -v sudo >/dev/null 2>&1 && [ "$$(id -u)" != 0 ] && echo sudo) apt-get

.PHONY: run test install install-dev system-deps messages check lint format bench worker clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

install: $(VENV)/bin/activate
	$(PY) -m pip install -q -r requirements.txt

install-dev: $(VENV)/bin/activate
	$(PY) -m pip install -q -r requirements-dev.txt

# msgfmt for translations; Pango and DejaVu fonts for WeasyPrint (decision basis PDF); Debian's Chromium for the browser tests;
# Java for the HTML checker (v.Nu) in the page validity test.
system-deps:
	@missing=""; command -v msgfmt >/dev/null || missing="$$missing gettext"; \
	[ "$(SKIP_BROWSER)" = 1 ] || command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	for p in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	[ "$(SKIP_BROWSER)" = 1 ] || [ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	if [ -n "$$missing" ]; then echo "Installing:$$missing"; $(APT) update -qq && DEBIAN_FRONTEND=noninteractive $(APT) install -y -qq $$missing >/dev/null; fi

messages:
	$(PY) manage.py compilemessages -v0 --ignore=.venv --ignore=var

run: SKIP_BROWSER=1
run: install system-deps messages
	@mkdir -p var/static
	$(PY) manage.py migrate -v0
	PORT=$(PORT) EMAIL_BACKEND=delaktig.demo.mail.DemoInboxBackend $(PY) manage.py load_demo  # its e-mail, too, goes to the demo inbox
	PORT=$(PORT) $(PY) manage.py run_demo  # web server, task worker and periodic jobs; Ctrl-C stops them all

worker: install
	$(PY) manage.py worker

# Three test processes on two cores: browser journeys and the worker-crash tests wait on other processes.
# pytest keeps the test modules it has rewritten (in __pycache__, even where PYTHONDONTWRITEBYTECODE is set), so
# the test processes of the next run collect the tests in a third of the time.
test: install-dev system-deps messages
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-logo --no-cache  # the contracts in pyproject.toml: layers, methods as plug-ins, no cycles
	$(VENV)/bin/mypy  # types of the plug-in surface, services and selectors ([tool.mypy] in pyproject.toml)
	env -u DATABASE_URL $(PY) manage.py makemigrations --check --dry-run -v0
	DJANGO_ALLOW_ASYNC_UNSAFE=true PYTHONDONTWRITEBYTECODE= $(VENV)/bin/pytest -q --create-db -n 3 --dist worksteal $(PYTEST_ARGS)

lint:
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/lint-imports --no-logo --no-cache && $(VENV)/bin/mypy

format:
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

bench: install-dev
	$(PY) bench/run.py

clean:
	rm -rf var/delaktig.sqlite3* var/static
