# entente: two commands set everything up on a fresh machine.
#   make demo   create .venv if missing, install, code the example articles, print the findings
#   make test   create .venv with the dev tools, run ruff, mypy, the lexicon check, pytest
#               and the evaluation gate
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
GOLD ?= ../shared/gold

.PHONY: demo test lint typecheck lexicons pytest eval baseline bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# setup.py compiles the modules it lists with mypyc, unless ENTENTE_PURE=1 (a stamp of
# its own, so that switching builds again). Compiled code checks the types of what it
# imports, so a change to any source builds again before anything runs; the build first
# removes the last one's extensions, so that none is left shadowing its source.
SOURCES := $(shell find src/entente -name '*.py')
MODE := $(if $(ENTENTE_PURE),-pure)
STAMP := $(VENV)/.installed$(MODE)
DEVSTAMP := $(VENV)/.installed-dev$(MODE)

$(STAMP): pyproject.toml setup.py $(SOURCES) | $(BIN)/python
	rm -f $(VENV)/.installed*
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEVSTAMP): pyproject.toml setup.py $(SOURCES) | $(BIN)/python
	rm -f $(VENV)/.installed*
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(STAMP)

demo: $(STAMP)
	$(BIN)/entente demo

lint: $(DEVSTAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(DEVSTAMP)
	$(BIN)/mypy

lexicons: $(STAMP)
	$(BIN)/entente lexicon check

pytest: $(DEVSTAMP)
	$(BIN)/pytest -q

test: lint typecheck lexicons pytest eval

# Throughput of the whole pipeline at 1x, 4x and 16x the corpus against a regex floor
# (bench.json), then actor lookups as the knowledge base grows.
bench: $(STAMP)
	$(BIN)/python bench/pipeline.py --out bench.json
	$(BIN)/python bench/actors.py

# The evaluation gate: every gold file scored against the floors pinned in eval/baseline.json.
eval: $(STAMP)
	@if ls $(GOLD)/*.jsonl >/dev/null 2>&1; then \
		$(BIN)/entente eval $(GOLD)/*.jsonl --show 0 --baseline eval/baseline.json; \
	else \
		echo "make eval: skipped: no gold files in $(GOLD) (they live in ../shared beside the checkout)"; \
	fi

# Pin the figures measured now as the new floors (after an improvement).
baseline: $(STAMP)
	$(BIN)/entente eval $(GOLD)/*.jsonl --show 0 --write-baseline eval/baseline.json > /dev/null

clean:
	rm -rf $(VENV) entente.duckdb .pytest_cache .mypy_cache .ruff_cache build
	find src -name '*.so' -delete
