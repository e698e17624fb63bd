# The two set-up commands of the README:
#   make serve   builds the example site and serves it on http://127.0.0.1:8000
#   make test    runs the whole test suite
# Both create .venv and install the pinned dependencies on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: serve build test install clean

serve: $(STAMP)
	$(BIN)/wegweiser serve

build: $(STAMP)
	$(BIN)/wegweiser build

test: $(STAMP)
	$(BIN)/python -m pytest

install: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) site
