# Set-up is idempotent: every target that needs the environment depends on the stamp file.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
OUT ?= out
FORMAT ?= parquet

.PHONY: browser screenshot setup run test test-fast lint typecheck sizes check bench bench-html model clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -e ".[model,dask,dev]"
	touch $(STAMP)

# MODEL=md runs the md profile (docs/models.md), installing it first.
MODEL ?= sm

run: $(STAMP)
	@if [ "$(MODEL)" = md ]; then $(BIN)/python -m pip install --quiet -e ".[md]"; fi
	$(BIN)/extract run corpora/samples --out $(OUT) --format $(FORMAT) --overwrite --model $(MODEL) --keep-duplicates

test: $(STAMP) browser
	$(BIN)/python -m pytest -q -n 2

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check extract tests benchmarks scripts
	$(BIN)/ruff format --check extract tests benchmarks scripts

typecheck: $(STAMP)
	$(BIN)/mypy

sizes: $(STAMP)
	$(BIN)/python scripts/check_sizes.py

check: lint typecheck sizes test

bench: $(STAMP)
	-$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)
	$(BIN)/python benchmarks/html_extraction.py --run-share
	$(BIN)/python benchmarks/ingest_extras.py share -n 100

# Body extraction from web pages (P/R/F1 against gold bodies, pages/s), new reader and old.
bench-html: $(STAMP)
	-$(BIN)/python -m pip install --quiet -e ".[bench]"
	$(BIN)/python benchmarks/html_extraction.py --run-share

# The README's picture of the run report (docs/report.png), made from corpora/samples.
screenshot: $(STAMP) browser
	$(BIN)/python scripts/report_screenshot.py --out docs/report.png

model: $(STAMP)
	$(BIN)/extract build-model models/news-en

clean:
	rm -rf $(OUT) models/news-en .pytest_cache .mypy_cache .ruff_cache

# Headless Chromium for tests/test_report_browser.py: installed when missing and we are root
# (CI); otherwise that test is skipped with the reason.
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] \
	  && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium not installed: the browser test will be skipped"; }
