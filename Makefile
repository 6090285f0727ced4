# One-command set-up: everything goes into a local virtual environment (.venv).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check

.PHONY: demo test check static lint types benchmarks clean browser

# The browser tests drive Debian's Chromium; it is installed with apt when missing (as root,
# or through sudo).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
HAVE_CHROMIUM := command -v chromium || command -v chromium-browser || command -v google-chrome

$(BIN)/python:
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "storydiff needs Python 3.11 or newer")'
	@echo "storydiff: creating a virtual environment in $(VENV)"
	$(PYTHON) -m venv $(VENV)

# Not quiet: the first install takes a minute or more, and pip's lines show it moving.
$(VENV)/.installed: $(BIN)/python pyproject.toml constraints.txt
	@echo "storydiff: installing storydiff and its pinned dependencies into $(VENV) (the first time takes a minute or two)"
	$(PIP) install -c constraints.txt -e '.[web]'
	@echo "storydiff: installed"
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -c constraints.txt -e '.[test,web]'
	touch $@

demo: $(VENV)/.installed  ## Compare the bundled example articles and write report.html
	@echo "storydiff: comparing the bundled example articles (examples/seeds)"
	$(BIN)/storydiff demo -o report.html
	@echo "Your own articles: $(BIN)/storydiff compare a.txt b.html -o report.html ($(BIN)/storydiff --help for every command)"

browser:  ## Install Chromium for the browser tests if it is missing
	@{ $(HAVE_CHROMIUM); } >/dev/null || { \
	  echo "Installing Chromium for the browser tests: apt-get install chromium"; \
	  $(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium; }

test: static browser  ## The static checks, then the whole test suite (what CI runs)
	$(BIN)/python -m pytest -q

# Checks that read the code without running it, before any test: CI runs them through
# make test.
static: lint types

lint: $(VENV)/.installed-test  ## ruff's lint rules and its format check
	$(BIN)/ruff check storydiff tests benchmarks
	$(BIN)/ruff format --check storydiff tests benchmarks

types: $(VENV)/.installed-test  ## mypy --strict on the package (settings in pyproject.toml)
	$(BIN)/mypy

check: test

benchmarks: $(VENV)/.installed
	$(BIN)/python benchmarks/quality.py
	$(BIN)/python benchmarks/cleaning.py
	$(BIN)/python benchmarks/outlets.py
	$(BIN)/python benchmarks/quotes.py
	$(BIN)/python benchmarks/entities_labels.py
	$(BIN)/python benchmarks/french.py
	$(BIN)/python benchmarks/language.py
	$(BIN)/python benchmarks/labels_coverage.py
	$(BIN)/python benchmarks/similarity.py
	$(BIN)/python benchmarks/compare.py --curve
	$(BIN)/python benchmarks/stories.py --cache .venv/seesaw-analyses.jsonl
	$(BIN)/python benchmarks/corpus.py --cache .venv/seesaw-analyses.jsonl
	$(BIN)/python benchmarks/speed.py --seesaw
	$(BIN)/python benchmarks/compare_speed.py --cache .venv/seesaw-analyses.jsonl
	$(BIN)/python benchmarks/cleaning_speed.py

clean:
	rm -rf $(VENV) report.html *.egg-info .pytest_cache .ruff_cache .mypy_cache
