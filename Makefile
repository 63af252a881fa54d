# The two commands: `make run` (a seeded service on SQLite) and `make test` (what CI runs).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint bench

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,bench]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/wirefeed db upgrade
	$(BIN)/wirefeed seed
	$(BIN)/wirefeed serve --host $(HOST) --port $(PORT)

lint: $(STAMP)
	$(BIN)/ruff check app tests bench migrations/env.py
	$(BIN)/mypy app
	$(BIN)/hadolint Dockerfile

test: lint
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python bench/corpus_accuracy.py
	$(BIN)/python -m bench.related
