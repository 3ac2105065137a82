# obligraph: `make run` (the main job) and `make test` do all set-up on a fresh Debian machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DVC_NO_ANALYTICS := 1
export DVC_NO_UPDATER := 1
export HF_HUB_OFFLINE := 1

.PHONY: setup system-deps run test bench lint samples clean

setup: system-deps $(STAMP)

# OCR of scanned PDFs needs Tesseract with Vietnamese data (Debian packages); installed when missing.
system-deps:
	@if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx vie; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else SUDO=none; fi; \
	  if [ "$$SUDO" = none ]; then echo "warning: tesseract-ocr-vie missing and no root: scanned PDFs will be reported as failures"; \
	  else $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null; fi; \
	fi

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[dask,dvc,test]'
	@touch $(STAMP)

# The main job: the DVC pipeline (extract -> graph -> export) over corpora/samples into outputs/.
run: setup
	@$(BIN)/dvc repro --quiet
	@$(BIN)/obligraph stats --store outputs/obligraph.sqlite

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m pipeline.bench

lint: setup
	$(BIN)/ruff check pipeline tests scripts

# Re-render the PDF and DOCX samples from a seed (needs LibreOffice; the results are committed).
samples: setup
	$(BIN)/python scripts/render_samples.py

clean:
	rm -rf outputs/obligraph.sqlite outputs/export outputs/graph.graphml outputs/failures.jsonl outputs/bench
