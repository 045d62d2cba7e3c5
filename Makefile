# hy-analysis: two commands do all set-up on a fresh machine.
#   make report   render every notebook into outputs/ (creates .venv on first use)
#   make test     run the test suite (creates .venv on first use)
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# make test's workers (pytest-xdist): most of the suite waits on kernels, servers and signals,
# so two workers on two cores take far less time than one; TEST_WORKERS=0 runs in one process.
TEST_WORKERS ?= 2
# The source documents beside the project, as .ci/run reads them (../shared/sources), when
# that folder is there: the provenance tests and the extraction measurements read them (a
# fresh clone's `make test` skipped 29 of them otherwise). HY_SOURCES_DIR=... overrides.
HY_SOURCES_DIR ?= $(wildcard $(abspath ../shared/sources))
export HY_SOURCES_DIR
# The package's bytecode, written ahead as `pip install` does for a non-editable install: where
# PYTHONDONTWRITEBYTECODE is set (containers often set it) every command would otherwise compile
# the modules it imports (~25 ms a command, and again in each worker). compileall only rewrites
# what changed, and an edited module is compiled in memory as before.
COMPILE = $(BIN)/python -m compileall -q hy_analysis

.DEFAULT_GOAL := help
.PHONY: help report test stress lab serve screenshots validate clean-outputs benchmark

help: ## list the documented targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,dask]"
	# Register the kernel inside the venv so papermill/JupyterLab never fail with "No such kernel";
	# it starts through hy_analysis.runner.provisioner (private Unix sockets: no port race between runs;
	# kernels forked from a warm parent that has pandas, matplotlib, seaborn and the package loaded).
	$(BIN)/python -m hy_analysis.runner.kernelspec --sys-prefix --name python3 --display-name "Python 3 (hy-analysis)" >/dev/null
	$(COMPILE)
	touch $(STAMP)

report: $(STAMP) ## run every notebook with its defaults into outputs/ (HTML + index)
	@$(COMPILE)
	$(BIN)/hy-analysis run

test: $(STAMP) ## run the test suite (the long stress loops apart: make stress)
	$(BIN)/python -m pytest -m "not stress" -n $(TEST_WORKERS) --dist loadgroup

stress: $(STAMP) ## the long stress loops: every client many times, 20 dashboard page views
	$(BIN)/python -m pytest -m stress

validate: $(STAMP) ## validate data/targets.csv and report every problem
	$(BIN)/hy-analysis validate data/targets.csv

lab: $(STAMP) ## open the notebooks in JupyterLab (loopback, prints the URL)
	$(BIN)/hy-analysis lab

serve: $(STAMP) ## dashboard for colleagues: Voila on the notebooks, code hidden
	$(BIN)/hy-analysis serve

screenshots: $(STAMP) ## refresh docs/ screenshots of the dashboard and a shared report
	HY_DOCS_SCREENSHOTS=docs $(BIN)/python -m pytest tests/browser -k "dashboard or report_works"

benchmark: $(STAMP) ## time hy-analysis run against a papermill + nbconvert loop
	@$(COMPILE)
	$(BIN)/python benchmarks/bench_run.py

clean-outputs: ## delete generated outputs (keeps the placeholder)
	find outputs -mindepth 1 ! -name .gitkeep ! -name README.md -exec rm -rf {} +
