# threeb.opgavegrupper: the two commands are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_BIN ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip
INSTANCE := $(CURDIR)/instance
HOST ?= localhost
PORT ?= 8080
SITE_ID ?= Plone
ADMIN_PASSWORD ?= admin
CONSTRAINTS := constraints.txt
EXTRAS := demo,test,dev
# Plone 6.2.2 and the one pin unconstrained pip gets wrong (7.0.0a6 breaks the site).
PLONE_PINS := Plone==6.2.2 plone.app.layout==6.0.2

export SITE_ID

.PHONY: help
help: ## Show this help
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | \
		awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-14s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON_BIN) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python setup.py pyproject.toml $(CONSTRAINTS)
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[$(EXTRAS)]"
	touch $@

.PHONY: install
install: $(VENV)/.installed ## Create .venv and install the add-on with the pinned versions

$(INSTANCE)/etc/zope.conf: $(VENV)/.installed scripts/templates/zope.conf.in scripts/templates/zope.ini.in
	@if [ ! -f $(INSTANCE)/inituser ] && [ ! -f $(INSTANCE)/var/filestorage/Data.fs ]; then \
		$(BIN)/mkwsgiinstance -d $(INSTANCE) -u "admin:$(ADMIN_PASSWORD)"; \
	fi
	mkdir -p $(INSTANCE)/var/filestorage $(INSTANCE)/var/blobstorage $(INSTANCE)/var/log $(INSTANCE)/var/cache
	sed 's|<<INSTANCE_HOME>>|$(INSTANCE)|g' scripts/templates/zope.conf.in > $(INSTANCE)/etc/zope.conf
	sed 's|<<INSTANCE_HOME>>|$(INSTANCE)|g' scripts/templates/zope.ini.in > $(INSTANCE)/etc/zope.ini

.PHONY: instance
instance: $(INSTANCE)/etc/zope.conf ## Create the Zope instance in ./instance (FileStorage + blobs)

.PHONY: site
site: instance ## Create the demo site, or reuse it if it exists
	$(BIN)/zconsole run $(INSTANCE)/etc/zope.conf scripts/create_site.py

.PHONY: create-site
create-site: instance ## Drop and recreate the demo site
	DELETE_EXISTING=true $(BIN)/zconsole run $(INSTANCE)/etc/zope.conf scripts/create_site.py

.PHONY: logins
logins: $(VENV)/.installed
	@$(BIN)/python scripts/demo_logins.py "http://$(HOST):$(PORT)/$(SITE_ID)" "$(ADMIN_PASSWORD)"

.PHONY: start
start: instance ## Serve the existing instance on http://$(HOST):$(PORT)
	$(BIN)/runwsgi $(INSTANCE)/etc/zope.ini http_host=$(HOST) http_port=$(PORT)

# The demo site sends its mails to a local SMTP sink (scripts/mailsink.py) on
# MAIL_PORT, which `make run` starts next to the server and stops with it (also
# on Ctrl-C); each mail is an .eml file in instance/var/mail.
MAIL_PORT ?= 8025
MAIL_DIR := $(INSTANCE)/var/mail
MAIL_PID := $(INSTANCE)/var/mailsink.pid
export MAIL_PORT

.PHONY: run
run: site logins ## Install everything, create the demo site and serve it; mails in instance/var/mail
	@$(BIN)/python scripts/mailsink.py --port $(MAIL_PORT) --directory $(MAIL_DIR) --pidfile $(MAIL_PID)
	@trap 'if [ -f $(MAIL_PID) ]; then kill $$(cat $(MAIL_PID)) 2>/dev/null; rm -f $(MAIL_PID); fi' EXIT INT TERM; \
		$(BIN)/runwsgi $(INSTANCE)/etc/zope.ini http_host=$(HOST) http_port=$(PORT)

# axe-core for the browser tests (tests/browser/e2e), pinned by package-lock.json.
# npm ci rewrites node_modules/.package-lock.json; touch makes it newer than its inputs.
# Without npm (not root, see system-deps) nothing is installed and the browser
# tests are named as not run.
node_modules/.package-lock.json: package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --no-audit --no-fund && touch $@; \
	else echo "npm-install: no npm; the browser tests are named as not run."; fi

.PHONY: npm-install
npm-install: node_modules/.package-lock.json ## Install axe-core (npm ci) for the browser tests

.PHONY: system-deps
system-deps: ## Debian packages of the browser and cluster tests (Chromium, npm, PostgreSQL, HAProxy); as root
	@if [ "$$(id -u)" -eq 0 ]; then bash scripts/install-system-deps.sh; \
	else bash scripts/install-system-deps.sh || \
		echo "system-deps: not root, nothing installed; the tests that need these are named as not run."; \
	fi

# COVERAGE=1 measures the same run (CI: .ci/run), one run of the suite, and
# fails under COVERAGE_FLOOR percent; the report is in var/coverage/html.
# The floor: the whole suite covered 96.75 % (2026-11-30, CI in a clean
# clone); a few points under it, so new code comes with its tests.
COVERAGE ?=
COVERAGE_FLOOR ?= 94
PYTEST_ARGS ?=
COVERAGE_ARGS := $(if $(filter 1 yes true,$(COVERAGE)),--cov --cov-report=term --cov-report=html --cov-fail-under=$(COVERAGE_FLOOR))

.PHONY: test
test: system-deps $(VENV)/.installed node_modules/.package-lock.json ## Run the whole test suite (COVERAGE=1: with coverage and its floor)
	@mkdir -p var/coverage
	$(BIN)/pytest $(COVERAGE_ARGS) $(PYTEST_ARGS)

.PHONY: test-coverage
test-coverage: ## The whole test suite with coverage; fails under COVERAGE_FLOOR
	$(MAKE) test COVERAGE=1

.PHONY: lint
lint: $(VENV)/.installed ## ruff check, ruff format --check, zpretty --check
	$(BIN)/ruff check src tests scripts setup.py
	$(BIN)/ruff format --check src tests scripts setup.py
	find src -name '*.zcml' -o -name '*.xml' | xargs $(BIN)/zpretty --check

.PHONY: format
format: $(VENV)/.installed ## Format Python, ZCML and XML in place
	$(BIN)/ruff check --fix --exit-zero src tests scripts setup.py
	$(BIN)/ruff format src tests scripts setup.py
	find src -name '*.zcml' -o -name '*.xml' | xargs $(BIN)/zpretty -i

LOCALES := src/threeb/opgavegrupper/locales
.PHONY: i18n
i18n: $(VENV)/.installed ## Rebuild the .pot and sync the .po files
	$(BIN)/i18ndude rebuild-pot --pot $(LOCALES)/threeb.opgavegrupper.pot \
		--create threeb.opgavegrupper src/threeb/opgavegrupper
	$(BIN)/i18ndude sync --pot $(LOCALES)/threeb.opgavegrupper.pot \
		$(LOCALES)/*/LC_MESSAGES/threeb.opgavegrupper.po

.PHONY: constraints
constraints: ## Regenerate constraints.txt from a fresh environment
	rm -rf .venv-constraints
	$(PYTHON_BIN) -m venv .venv-constraints
	.venv-constraints/bin/python -m pip install --quiet --upgrade pip
	.venv-constraints/bin/python -m pip install --quiet $(PLONE_PINS) -e ".[$(EXTRAS)]"
	( echo "# Every distribution of a tested environment (make constraints)."; \
	  .venv-constraints/bin/python -m pip freeze --exclude-editable --all \
	  | grep -v '^pip==' ) > $(CONSTRAINTS)
	rm -rf .venv-constraints
	$(MAKE) versions

.PHONY: versions
versions: ## Regenerate versions.cfg (buildout) from constraints.txt
	$(PYTHON_BIN) scripts/constraints_to_versions.py $(CONSTRAINTS) versions.cfg

.PHONY: changelog
changelog: $(VENV)/.installed ## Show the changelog that towncrier would write
	$(BIN)/towncrier build --draft --version next

# CI's check of news/: towncrier must be able to write the changelog; a
# fragment it cannot read, or two it reads as the same, fail here. (Not
# `towncrier check` against a branch: CI's fresh clone has only main.)
.PHONY: news-check
news-check: $(VENV)/.installed ## Check news/: towncrier writes a changelog of every fragment
	$(BIN)/towncrier build --draft --version next > /dev/null
	$(BIN)/pytest -q -p no:warnings tests/packaging/test_news.py

# zest.releaser's fullrelease: asks the new version, towncrier writes
# CHANGES.md from news/, commits, tags, bumps setup.py to the next .dev0.
# Nothing is pushed or uploaded ([tool.zest-releaser] in pyproject.toml);
# README "Development" says how to publish a tag.
.PHONY: release
release: $(VENV)/.installed ## Release: version, CHANGES.md from news/, tag (pushes and uploads nothing)
	@git diff --quiet && git diff --cached --quiet || { echo "release: commit your changes first"; exit 2; }
	$(BIN)/fullrelease

SIZES ?= 100 1000 10000
.PHONY: bench
bench: $(VENV)/.installed ## Time pages next to Plone's own at SIZES groups (builds each size once; SIZES="100 1000")
	$(BIN)/python scripts/bench.py $(SIZES)

# Several Zope instances on one RelStorage database in PostgreSQL, behind
# HAProxy (README: "Running several instances"); scripts/cluster/cluster.py
# does the work. PostgreSQL is a cluster of its own in CLUSTER_DIR, started
# with pg_ctl (not the system service); the demo site is made once.
CLUSTER_DIR ?= $(CURDIR)/var/cluster
CLUSTER_PORTS ?= 8091,8092
PROXY_PORT ?= 8090
PG_PORT ?= 5433
BACKUP_DIR ?= $(CURDIR)/var/backups
# The database the instances serve; `make cluster DATABASE=...` serves a restored one.
DATABASE ?= threeb
CLUSTER := $(BIN)/python scripts/cluster/cluster.py --directory $(CLUSTER_DIR) \
	--database $(DATABASE) \
	--host $(HOST) --ports $(CLUSTER_PORTS) --proxy-port $(PROXY_PORT) \
	--pg-port $(PG_PORT) --mail-port $(MAIL_PORT) --site-id $(SITE_ID) \
	--admin-password $(ADMIN_PASSWORD)

.PHONY: cluster
cluster: $(VENV)/.installed ## PostgreSQL, the site on RelStorage, 2 instances + HAProxy on http://$(HOST):$(PROXY_PORT)
	$(CLUSTER) start

.PHONY: cluster-stop
cluster-stop: $(VENV)/.installed ## Stop HAProxy, the instances, the mail sink and PostgreSQL of `make cluster`
	$(CLUSTER) stop

.PHONY: cluster-status
cluster-status: $(VENV)/.installed ## What of `make cluster` is running
	$(CLUSTER) status

.PHONY: convert
convert: $(VENV)/.installed ## Copy instance/'s FileStorage and blobs into the cluster's (empty) database
	$(CLUSTER) convert --filestorage $(INSTANCE)/var/filestorage/Data.fs \
		--blobstorage $(INSTANCE)/var/blobstorage $(if $(CLEAR),--clear)

.PHONY: cluster-backup
cluster-backup: $(VENV)/.installed ## pg_dump of the cluster's database (blobs included) into BACKUP_DIR
	$(CLUSTER) backup --to $(BACKUP_DIR)

.PHONY: cluster-restore
cluster-restore: $(VENV)/.installed ## Restore DUMP=file into the new database DATABASE=name
	@test -n "$(DUMP)" -a "$(DATABASE)" != threeb || \
		{ echo "Usage: make cluster-restore DUMP=var/backups/threeb-....dump DATABASE=threeb_restored"; exit 2; }
	$(CLUSTER) restore $(DUMP) --database $(DATABASE)

.PHONY: clean
clean: ## Remove the virtualenv, build files and caches (keeps ./instance)
	rm -rf $(VENV) .venv-constraints build dist *.egg-info src/*.egg-info .ruff_cache var/coverage
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
	find src -name '*.mo' -delete

.PHONY: clean-instance
clean-instance: ## Remove ./instance and with it the demo site's data
	rm -rf $(INSTANCE)
