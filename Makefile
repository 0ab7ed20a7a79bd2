# entente: two commands set everything up on a fresh machine.
#   make demo   create .venv if missing, install, code the example articles, print the findings
#   make test   create .venv with the dev tools, run ruff, mypy, the lexicon check and pytest
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev

.PHONY: demo test lint typecheck lexicons pytest eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(DEVSTAMP): pyproject.toml | $(BIN)/python
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

test: lint typecheck lexicons pytest

bench: $(STAMP)
	$(BIN)/python bench/actors.py

eval: $(STAMP)
	$(BIN)/entente eval ../shared/gold/seeds.jsonl

clean:
	rm -rf $(VENV) entente.duckdb .pytest_cache .mypy_cache .ruff_cache
