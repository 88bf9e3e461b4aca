# Quick start: `make demo` then `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DEMO_DB ?= demo.db

.PHONY: demo test lint bench clean

$(BIN)/.installed: pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

demo: $(BIN)/.installed
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/bilat ingest --db sqlite:///$(DEMO_DB) src/bilat/sample
	$(BIN)/bilat docs --db sqlite:///$(DEMO_DB)
	$(BIN)/bilat extract --format pretty src/bilat/sample
	$(BIN)/bilat dossier KZ RS --db sqlite:///$(DEMO_DB)

test: $(BIN)/.installed
	$(BIN)/python -m pytest

lint: $(BIN)/.installed
	$(BIN)/ruff check src tests benchmarks

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache $(DEMO_DB)*
