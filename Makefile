# Two commands on a fresh machine with Python 3.11 and make: `make demo`, `make test`.
# Every target creates .venv when it is missing and reinstalls only when pyproject.toml changed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench
OUT    ?= out

.PHONY: install demo test fuzz eval eval-real bench lab lint clean distclean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[notebooks,dev,corpus,dask]"
	@touch $(STAMP)

$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e ".[notebooks,dev,corpus,dask,bench]"
	@touch $(BENCH_STAMP)

demo: $(STAMP)
	$(BIN)/factcheck demo -o $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest -q

# Generated inputs through mentions, extract and compare, counted (docs/errors.md); the last
# line is the summary. `make fuzz CASES=2000` for a quick run.
CASES ?= 100000
JOBS  ?= 2
fuzz: $(STAMP)
	$(BIN)/python -m tests.robust.fuzz --cases $(CASES) --jobs $(JOBS)

eval: $(STAMP)
	$(BIN)/python -m factcheck.evaluate tests/devset tests/bundled
	$(BIN)/python -m factcheck.evaluate tests/holdout
	$(BIN)/python -m factcheck.evaluate tests/holdout2
	$(BIN)/python -m factcheck.evaluate tests/holdout3

# Real news in ../shared/realnews (third-party excerpts, never copied here): `make eval-real ARGS=-v`
# lists every miss. Skipped with a message when ../shared is not beside the checkout.
REALNEWS ?= ../shared/realnews
eval-real: $(STAMP)
	@if [ -f $(REALNEWS)/score.py ]; then \
	  $(BIN)/python $(REALNEWS)/score.py --project . $(ARGS) $(REALNEWS)/events/*.yaml; \
	else echo "eval-real skipped: $(REALNEWS) not found (the real-news corpus lives beside the checkout)"; fi

bench: $(BENCH_STAMP)
	$(BIN)/python -m benchmarks

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks/

lint: $(STAMP)
	$(BIN)/ruff check factcheck tests benchmarks
	$(BIN)/ruff format --check factcheck tests benchmarks

clean:
	rm -rf $(OUT) .pytest_cache .ruff_cache build dist *.egg-info
	find . -name __pycache__ -not -path './$(VENV)/*' -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
