# The newsroom's commands. Only python3 and make are needed on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-lock
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test e2e lint format install messages migrate setup lock clean bench mutation

# Reinstalls only when the lock file changed since the last install.
$(STAMP): requirements.lock.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock.txt
	touch $(STAMP)

install: $(STAMP) messages

# Compiled catalogues are build output, made with polib (no GNU gettext needed).
messages: $(STAMP)
	$(BIN)/python -m cms.compile_catalogues

migrate: install
	$(BIN)/python manage.py migrate --noinput

setup: migrate
	$(BIN)/python manage.py setup_newsroom
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py update_search_entries

run: setup
	$(BIN)/python manage.py demo_logins
	@echo "Site:  http://$(HOST):$(PORT)/"
	@echo "Admin: http://$(HOST):$(PORT)/admin/"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install
	$(BIN)/pytest $(PYTEST_ARGS)

# The checkers the browser tests inject or run: axe-core and the Nu HTML Checker (npm, pinned by package-lock.json).
node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund
	touch node_modules/.installed

# Browser tests: Playwright driving Debian's Chromium (/usr/bin/chromium), headless, plus axe-core and vnu.
e2e: install node_modules/.installed
	$(BIN)/pytest -m e2e tests/e2e $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Re-resolve requirements.txt into the pinned lock file (needs the package index).
lock:
	rm -rf tmp/lock-venv && $(PYTHON) -m venv tmp/lock-venv
	tmp/lock-venv/bin/python -m pip install --quiet -r requirements.txt
	tmp/lock-venv/bin/python -m pip freeze --exclude pip > requirements.lock.txt
	rm -rf tmp/lock-venv

# The benchmark (docs/benchmarks.md): PostgreSQL seeded with 30,000 stories, gunicorn under production
# settings, wrk; then two gunicorn instances behind nginx's micro-cache (bench/two_instances.py).
# Needs wrk, nginx and a PostgreSQL server; BENCH_STORIES, BENCH_DURATION, BENCH_FORCE=1 and
# BENCH_DATABASE_URL are described in bench/run.py.
bench: install
	command -v wrk >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	command -v nginx >/dev/null || test -x /usr/sbin/nginx || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx)
	$(BIN)/python -m bench.run

# Mutation testing of the core modules (docs/testing.md), in a copy of the tree (tmp/mutation-tree);
# refreshes the summary in docs/testing.md. MODULES=core/text.py limits it; CHANGED=1 (or CHANGED=<base>)
# runs only the core modules changed since HEAD~1 (or <base>).
mutation: install
	$(BIN)/python scripts/mutation.py $(if $(CHANGED),--changed $(if $(filter 1,$(CHANGED)),HEAD~1,$(CHANGED))) $(MODULES) $(MUTATION_ARGS)

clean:
	rm -rf $(VENV) tmp collected-static node_modules
