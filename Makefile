# The two commands a newcomer needs are `make run` and `make test`;
# `make help` lists the rest.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.DEFAULT_GOAL := help
.PHONY: help run test system-packages lint format check serve demo clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*## "}; {printf "  make %-16s %s\n", $$1, $$2}'

$(PY):
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (set PYTHON=/path/to/python3.11)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# Stamp files reinstall only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed-run

demo: $(VENV)/.installed-run ## Migrate the database and load the demo content
	$(PY) manage.py create_enquiry_key --file var/enquiry-encryption.key
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_content
	$(PY) manage.py ensure_admin --admin-url http://$(HOST):$(PORT)/admin/

run: demo ## Install, load the demo site and serve it at http://127.0.0.1:8000/
	$(PY) manage.py runserver $(HOST):$(PORT)

# Debian packages the suite drives for real: Chromium (browser tests), nginx
# and openssl (the reverse-proxy tests, with a throwaway TLS certificate),
# Varnish, Redis and PostgreSQL (the scale-out test, tests/test_scale_out.py).
# Installed with apt when missing and we may (root, or password-less sudo);
# otherwise stop at once and say what to run.
system-packages: ## Install the Debian packages the tests need (chromium, nginx, openssl, varnish, redis, postgresql)
	@missing=""; \
	[ -x /usr/bin/chromium ] || [ -n "$$CHROMIUM_PATH" ] || missing="$$missing chromium"; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	command -v openssl >/dev/null 2>&1 || missing="$$missing openssl"; \
	[ -x /usr/sbin/varnishd ] || missing="$$missing varnish"; \
	[ -x /usr/bin/redis-server ] || missing="$$missing redis-server"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; \
		elif sudo -n true 2>/dev/null; then SUDO="sudo -n"; \
		else echo "The tests need these Debian packages:$$missing. Run: sudo apt-get install -y$$missing"; exit 1; fi; \
		echo "Installing$$missing from Debian for the tests..."; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

test: $(VENV)/.installed-dev system-packages ## Install the dev tools and run the whole test suite
	$(PY) -m pytest

lint: $(VENV)/.installed-dev ## Check code style, import order and formatting
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates

format: $(VENV)/.installed-dev ## Fix what ruff can fix and format the code
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates

check: $(VENV)/.installed-dev ## Django's system checks and the migrations check
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run --noinput

clean: ## Remove the virtual environment and local database
	rm -rf $(VENV) db.sqlite3 staticfiles
