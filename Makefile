# Set-up is part of every target: a fresh machine needs only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install bench corpus clean

# pip is the sentinel: a venv left half-made (no ensurepip) is made again from scratch
$(BIN)/pip:
	$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed, found " + sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv --clear $(VENV)

$(STAMP): $(BIN)/pip pyproject.toml
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

# the sample reports (not corpus/'s code) and a scan of one, read by OCR when Tesseract is installed
demo: $(STAMP)
	@tesseract --list-langs 2>/dev/null | grep -qx vie || echo "Chưa cài Tesseract (tiếng Việt): bản quét sẽ ghi trong out/errors.csv là chưa đọc. Cài: sudo apt-get install tesseract-ocr tesseract-ocr-vie; kiểm tra: $(BIN)/ntm doctor. / Tesseract (Vietnamese) is not installed: the scan is listed in out/errors.csv as not read; install it as above."
	$(BIN)/ntm ingest corpus/luc-binh-2023.txt corpus/luc-binh-2023.docx corpus/luc-binh-2023.pdf \
		corpus/generated/ tests/fixtures/scans/gen-1-0000-phuoc-son-2025.scan.pdf -o out/

# the layers contract (import-linter), lint (ruff) and types (mypy) are part of the tests
test: $(STAMP)
	$(BIN)/lint-imports
	$(BIN)/ruff check extractor tests benchmarks corpus
	$(BIN)/mypy
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run_all

corpus: $(STAMP)
	$(BIN)/python -m corpus.render_sample

clean:
	rm -rf out/ .pytest_cache build *.egg-info
