# The two set-up commands of the README:
#   make serve   builds the example site and serves it on http://127.0.0.1:8000
#   make test    runs the whole test suite, browser tests included, and the linters
# (make check: the linters and the fast tests only, for a quick look while editing)
# Both install what they need on first use: the hash-pinned Python packages into .venv, the
# pinned front-end packages (Leaflet) into node_modules; make test also installs
# Debian's chromium for the browser tests and a Java runtime for the HTML checker when they
# are missing.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: serve build test check lint install browser java clean

serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/wegweiser serve

build: $(STAMP) $(NODE_STAMP)
	$(BIN)/wegweiser build

test: $(STAMP) $(NODE_STAMP) browser java lint
	$(BIN)/python -m pytest

# The quick check while editing: lint and the fast tests (no browser, no whole-site build).
check: $(STAMP) lint
	$(BIN)/python -m pytest -q -m "not browser and not slow"

lint: $(STAMP)
	$(BIN)/ruff check generator tests benchmarks vulture_allowlist.py
	$(BIN)/vulture

install: $(STAMP) $(NODE_STAMP)

# Every package from the hash-pinned lock (the same as in CI and the GitHub workflows),
# then the project itself without touching its dependencies.
$(STAMP): pyproject.toml requirements/ci-test.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/ci-test.txt
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

# No install scripts: vnu-jar's would download a Java runtime from GitHub where none is
# installed; the java target installs Debian's instead. No other package has one.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

# Browser tests drive Debian's chromium with Playwright; no browser download.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# The Nu HTML Checker (node_modules/vnu-jar) runs on Java 11 or later: Debian's runtime.
# Slim images leave out the man pages, whose folder the package's set-up still expects.
java:
	@command -v java >/dev/null 2>&1 || { \
	  echo "Installing Debian's Java runtime for the HTML checker ..."; mkdir -p /usr/share/man/man1; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; }

clean:
	rm -rf $(VENV) node_modules site
