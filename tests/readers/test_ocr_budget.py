"""The per-run OCR page limit (extractor.readers.pdf.ocr_budget, `ocr_run_max_pages`): each
file is read with its share of what is left, and gives back what it did not use; end to end,
an ingest of two scans under a small limit recognizes no more pages than the limit."""
from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import pytest

from extractor.core.settings import DEFAULT_SETTINGS, Settings
from extractor.readers.pdf.ocr_budget import OCR_PAGES_WARNING, OcrBudget, ocr_pages_read
from tests.readers.test_ocr import SCANS, counting_tesseract, needs_tesseract


def _result(pages: list[int]) -> dict:
    warnings = [OCR_PAGES_WARNING + ", ".join(map(str, pages))] if pages else []
    return {"record": {"source": {"warnings": ["other warning", *warnings]}}}


def test_pages_read_by_ocr_are_counted_from_the_warning():
    assert ocr_pages_read(_result([1, 2, 5])["record"]["source"]["warnings"]) == 3
    assert ocr_pages_read(["pages re-read with pdfplumber: 1, 2"]) == 0


def test_without_a_run_limit_files_keep_their_own_limit():
    budget = OcrBudget(Settings(ocr_max_pages=7))
    assert budget.settings_for("a.pdf").ocr_max_pages == 7
    assert budget.settings_for("b.pdf").ocr_max_pages == 7


def test_files_in_flight_never_share_out_more_than_the_run_limit():
    budget = OcrBudget(Settings(ocr_max_pages=4, ocr_run_max_pages=10))
    shares = [budget.settings_for(name).ocr_max_pages for name in ("a", "b", "c", "d")]
    assert shares == [4, 4, 2, 0]


def test_a_file_gives_back_the_pages_it_did_not_read():
    budget = OcrBudget(Settings(ocr_max_pages=4, ocr_run_max_pages=6))
    assert budget.settings_for("a").ocr_max_pages == 4
    budget.settle("a", _result([1]))  # a text PDF with one scanned page
    assert budget.settings_for("b").ocr_max_pages == 4
    assert budget.settings_for("c").ocr_max_pages == 1


def test_a_failed_file_keeps_its_share():
    # how many pages it recognized before it failed is unknown: counted as all
    budget = OcrBudget(Settings(ocr_max_pages=4, ocr_run_max_pages=6))
    budget.settings_for("a")
    budget.settle("a", {"error": "timeout", "detail": "> 600 s"})
    assert budget.settings_for("b").ocr_max_pages == 2


def test_the_run_limit_is_validated():
    with pytest.raises(ValueError):
        Settings(ocr_run_max_pages=-1)


def _two_page_scans(folder: Path, count: int) -> None:
    import pypdfium2 as pdfium

    folder.mkdir()
    for k, path in enumerate(sorted(SCANS.glob("*.scan.pdf"))[:count]):
        source = pdfium.PdfDocument(str(path))
        out = pdfium.PdfDocument.new()
        out.import_pages(source, [0, 1])
        buf = io.BytesIO()
        out.save(buf)
        (folder / f"scan{k}.pdf").write_bytes(buf.getvalue())


@needs_tesseract
@pytest.mark.parametrize("executor", ["local", "dask-local"])
def test_ingest_recognizes_no_more_pages_than_the_run_limit(tmp_path, executor):
    import extractor.ingest.run as run

    if executor != "local":
        pytest.importorskip("distributed")

    wrapper, log = counting_tesseract(tmp_path)
    _two_page_scans(tmp_path / "in", 2)
    settings = replace(DEFAULT_SETTINGS, tesseract=str(wrapper), ocr_run_max_pages=1)
    tables = run.ingest([str(tmp_path / "in")], tmp_path / "out", settings=settings, jobs=2, executor=executor)
    # one page of four recognized: each page is read in one page pass (--psm 3); second
    # looks are strips, not pages
    pages = [line for line in log.read_text(encoding="utf-8").splitlines() if "--psm 3" in line]
    assert len(pages) == 1
    assert len(tables["errors"]) >= 1  # the unread scan is listed for the officer
