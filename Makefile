# One-command set-up: everything goes into a local virtual environment (.venv).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: demo test check lint benchmarks clean

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "storydiff needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	$(PIP) install -q -c constraints.txt -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -c constraints.txt -e '.[test]'
	touch $@

demo: $(VENV)/.installed  ## Compare the bundled example articles and write report.html
	$(BIN)/storydiff demo -o report.html

test: $(VENV)/.installed-test  ## Run the whole test suite
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check storydiff tests benchmarks
	$(BIN)/ruff format --check storydiff tests benchmarks

check: lint test

benchmarks: $(VENV)/.installed
	$(BIN)/python benchmarks/quality.py
	$(BIN)/python benchmarks/quotes.py
	$(BIN)/python benchmarks/entities_labels.py
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(VENV) report.html *.egg-info .pytest_cache .ruff_cache
