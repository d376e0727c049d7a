# Async Agno: every target creates the environment it needs, and installs again only when the pins change.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(abspath $(VENV))/bin
READY := $(VENV)/.ready
SANITIZE := tests/sanitize.cfg
JOBS ?= 2

export PATH := $(BIN):$(PATH)
export AGNO_TELEMETRY := false
export AGNO_API_ENABLED := false
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: env browser book test lint grade exercises bench lab clean lock

env: $(READY)

$(READY): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (Async Agno)" >/dev/null
	touch $@

## make browser: Debian's Chromium for the browser tests (Playwright drives it; its own browser download is not used)
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "make browser: /usr/bin/chromium is missing; run 'sudo apt-get install chromium' (the browser tests are skipped until then)" >&2; fi; }

## make book: build the website into _build/html, executing every notebook (in parallel, cached between builds)
book: $(READY)
	$(BIN)/python -m agnocourse warm
	$(BIN)/python -m agnocourse offline -- jupyter-book build . -W --keep-going
	@echo "Open $(abspath _build/html/index.html)"

## make test: style, types, unit tests, every notebook under nbval, graders, the book build and the book in Chromium
test: $(READY) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check agnocourse tests
	$(BIN)/pyright
	$(BIN)/pytest -n $(JOBS) --dist loadfile --nbval --nbval-sanitize-with $(SANITIZE) tests notebooks solutions

## make lint: run the course's rule checker on the course itself
lint: $(READY)
	$(BIN)/python -m agnocourse lint notebooks solutions agnocourse

## make grade NB=path/to/notebook.ipynb: grade one exercise notebook (or a folder, for a class)
grade: $(READY)
	$(BIN)/python -m agnocourse grade $(NB)

## make exercises: regenerate exercises/ from solutions/
exercises: $(READY)
	$(BIN)/python -m agnocourse exercises

## make bench: measure setup, builds, tests and every notebook; prints a table
bench: $(READY)
	$(BIN)/python -m agnocourse bench

## make lab: JupyterLab on the course (installs JupyterLab on first use)
lab: $(VENV)/.lab
	$(BIN)/jupyter lab --notebook-dir=.

$(VENV)/.lab: $(READY) requirements-lab.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-lab.txt
	touch $@

clean:
	rm -rf _build .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

## make lock: re-resolve the pinned set after changing a top-level pin (needs the network)
lock:
	rm -rf /tmp/agnocourse-lock && $(PYTHON) -m venv /tmp/agnocourse-lock
	/tmp/agnocourse-lock/bin/pip install --quiet agno==1.5.10 jupyter-book==1.0.4.post1 nbval nbclient \
	  pytest pytest-xdist ipykernel matplotlib ruff pyright playwright fastapi uvicorn
	{ sed -n '1,2p' requirements.txt; /tmp/agnocourse-lock/bin/pip freeze; echo "-e ."; } > requirements.txt.new
	mv requirements.txt.new requirements.txt
