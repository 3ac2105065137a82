# obligraph: `make run` (the main job) and `make test` do all set-up on a fresh Debian machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export DVC_NO_ANALYTICS := 1
export DVC_NO_UPDATER := 1
export HF_HUB_OFFLINE := 1
# browsers come from Debian's chromium package, never from Playwright's download
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: setup system-deps run serve test bench bench-against lint samples clean train bench-components styles

setup: system-deps $(STAMP)

# OCR of scanned PDFs needs Tesseract with Vietnamese data (Debian packages); installed when missing.
system-deps:
	@if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx vie; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else SUDO=none; fi; \
	  if [ "$$SUDO" = none ]; then echo "warning: tesseract-ocr-vie missing and no root: scanned PDFs will be reported as failures"; \
	  else $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq tesseract-ocr tesseract-ocr-vie >/dev/null; fi; \
	fi
	@# the web app's end-to-end tests drive Debian's chromium (Playwright through executable_path)
	@if ! command -v chromium >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; else SUDO=none; fi; \
	  if [ "$$SUDO" = none ]; then echo "warning: chromium missing and no root: the browser tests will be skipped"; \
	  else $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null \
	    || echo "warning: chromium could not be installed: the browser tests will be skipped"; fi; \
	fi

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --disable-pip-version-check -e '.[dask,dvc,web,model,test]'
	@touch $(STAMP)

# The main job: the DVC pipeline (extract -> graph -> export) over corpora/samples into outputs/.
run: setup
	@$(BIN)/dvc repro --quiet graph export
	@$(BIN)/obligraph stats --store outputs/obligraph.sqlite
	@echo "browse it: $(BIN)/obligraph serve --store outputs/obligraph.sqlite  ->  http://127.0.0.1:8000/"

# the web app and API on the store `make run` wrote (Ctrl-C stops it)
serve: setup
	$(BIN)/obligraph serve --store outputs/obligraph.sqlite

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python -m pipeline.scale.bench

# Both gold halves rewritten in other house styles (DOCX, web pages, page numbers, dates in figures ...), each scored
# strictly: a style below "as written" is a convention the rules do not read (pipeline/evaluate_styles.py)
styles: setup
	$(BIN)/obligraph eval corpora/gold --styles all
	$(BIN)/obligraph eval corpora/gold-check --styles all

# this tree against a revision (default the previous commit), interleaved, with the ratio: make bench-against REV=...
REV ?= HEAD~1
bench-against: setup
	$(BIN)/python -m pipeline.scale.bench --against $(REV)

# Trained components: measure the three --components settings, then train models/blocks (DVC stages
# evaluate and train; offline, deterministic, a few minutes on 2 cores).
train: setup
	@$(BIN)/dvc repro --quiet evaluate train
	@cat models/blocks/MODEL_CARD.md | sed -n '/## Figures/,/## Limits/p'

# throughput of each --components setting on the crawl (written where `make train` puts it in the model card)
bench-components: setup
	$(BIN)/python scripts/bench_components.py --rounds 5 --json models/throughput.json

lint: setup
	$(BIN)/ruff check pipeline tests scripts

# Re-render the PDF and DOCX samples from a seed (needs LibreOffice; the results are committed).
samples: setup
	$(BIN)/python scripts/render_samples.py

clean:
	rm -rf outputs/obligraph.sqlite outputs/export outputs/graph.graphml outputs/failures.jsonl outputs/bench
