# The README's commands. Everything installs into .venv from the pinned constraints.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: site test lint serve clean setup bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install when the dependency list or the lock changes.
$(VENV)/.installed: pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $@


setup: $(VENV)/.installed node_modules/.installed $(CHROMIUM) zbar

# Browser tests (tests/browser) and the page benchmark: Debian's Chromium, driven by
# Playwright (never `playwright install`), and axe-core and Lighthouse from npm.
node_modules/.installed: package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund && touch $@; \
	else echo "npm is missing: install Node.js 20 (the browser tests skip without axe-core)"; fi

$(CHROMIUM):
	@if [ "$$(id -u)" -eq 0 ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; \
	else echo "Chromium is missing: sudo apt-get install chromium (the browser tests skip until then)"; fi

# The handout test reads every QR code as a camera would, with zbar (Debian's libzbar0,
# through pyzbar). Checked with ldconfig, so any architecture's library path counts.
.PHONY: zbar
zbar:
	@if ldconfig -p 2>/dev/null | grep -q 'libzbar\.so\.0'; then :; \
	elif [ "$$(id -u)" -eq 0 ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y libzbar0; \
	else echo "libzbar0 is missing: sudo apt-get install libzbar0 (the handout test skips until then)"; fi

## Build the bundled site into site/ with every check; a failed build keeps the old site.
site: setup
	$(BIN)/homeroom build --strict -f mkdocs.yml

## Lint, type-check and run every test.
test: setup lint
	$(BIN)/python -m pytest

lint: setup
	$(BIN)/ruff check plugins tests scripts
	$(BIN)/ruff format --check plugins tests scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

## Preview while you edit: http://127.0.0.1:8000
serve: setup
	$(BIN)/mkdocs serve

## Scale benchmark (generated sites, stock build next to ours; see BENCHMARKS.md).
## Larger sizes: make bench BENCH_ARGS="--pages 5000 --languages 2,4"
bench: $(VENV)/.installed
	$(BIN)/python scripts/bench_scale.py $(BENCH_ARGS)

clean:
	rm -rf site .venv .pytest_cache .mypy_cache .ruff_cache
