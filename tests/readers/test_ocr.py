"""Scanned PDFs read by OCR (extractor.readers.pdf.ocr*): the image steps and the hOCR
parsing without Tesseract; end to end on a committed scan when Tesseract and its
Vietnamese model are installed (skipped otherwise, saying how to install them)."""
from __future__ import annotations

import io
import json
import shutil
import stat
import subprocess
from pathlib import Path

import numpy as np
import pytest

from extractor.core.model import BlockKind
from extractor.core.settings import Settings
from extractor.readers import bytes_to_document
from extractor.readers.pdf.ocr_image import gray_to_ink, ink_to_rules, rules_to_grids, skew_angle
from extractor.readers.pdf.ocr_words import hocr_to_lines, lines_to_pdflines, repair_digits

ROOT = Path(__file__).resolve().parents[2]
SCANS = ROOT / "tests" / "fixtures" / "scans"


def _tesseract_ready() -> bool:
    binary = shutil.which("tesseract")
    if binary is None:
        return False
    langs = subprocess.run([binary, "--list-langs"], capture_output=True, text=True).stdout.split()
    return "vie" in langs


needs_tesseract = pytest.mark.skipif(
    not _tesseract_ready(),
    reason="Tesseract with the Vietnamese model is not installed "
           "(apt-get install tesseract-ocr tesseract-ocr-vie)")


def counting_tesseract(tmp_path: Path) -> tuple[Path, Path]:
    """A `tesseract` that logs each call's arguments to the returned log, then runs the real one."""
    log = tmp_path / "calls.log"
    wrapper = tmp_path / "tesseract"
    wrapper.write_text(f'#!/bin/sh\necho "$*" >> "{log}"\nexec "{shutil.which("tesseract")}" "$@"\n',
                       encoding="utf-8")
    wrapper.chmod(wrapper.stat().st_mode | stat.S_IXUSR)
    return wrapper, log


# -- without Tesseract --------------------------------------------------------------------
@pytest.mark.parametrize("read, meant", [
    ("1O", "10"), ("l5", "15"), ("2O,5 ha", "20,5 ha"), ("1.2O0", "1.200"),
])
def test_letters_read_for_digits_are_repaired_inside_numbers(read, meant):
    assert repair_digits(read) == meant


@pytest.mark.parametrize("text", ["Tổng số", "II. Mục tiêu", "lO thôn", "OCOP", "Điều 1 lOl"])
def test_words_without_a_digit_are_left_as_read(text):
    # "lO" and "lOl" hold no digit: nothing says they are numbers
    assert repair_digits(text) == text


def test_repair_keeps_the_length_so_offsets_stay_true():
    for text in ["có 1O hộ, l5 thôn", "đạt 9O%"]:
        assert len(repair_digits(text)) == len(text)


def _page_with_table(angle: float = 0.0) -> np.ndarray:
    """A white page (200 dpi) with a 3x2 ruled table and lines of 'text' (dark bars)."""
    from PIL import Image, ImageDraw

    image = Image.new("L", (1700, 2200), 255)
    draw = ImageDraw.Draw(image)
    for y in range(200, 800, 50):  # text lines: runs of short dark words
        for x in range(250, 1400, 90):
            draw.rectangle((x, y, x + 70, y + 22), fill=20)
    for y in (1000, 1100, 1200, 1300):
        draw.line((300, y, 1300, y), fill=0, width=3)
    for x in (300, 800, 1300):
        draw.line((x, 1000, x, 1300), fill=0, width=3)
    if angle:
        image = image.rotate(angle, fillcolor=255)
    return np.asarray(image)


def test_ruled_table_is_found_with_its_rows_and_columns():
    ink = gray_to_ink(_page_with_table())
    grids = rules_to_grids(*ink_to_rules(ink, 200))
    assert len(grids) == 1
    grid = grids[0]
    assert [abs(x - want) <= 2 for x, want in zip(grid.xs, (300, 800, 1300))] == [True] * 3
    assert len(grid.ys) == 4
    assert grid.cell_of(500, 1150) == (1, 0) and grid.cell_of(1000, 1250) == (2, 1)
    assert grid.cell_of(500, 500) is None


def test_text_lines_alone_make_no_table():
    page = _page_with_table()
    page = page.copy()
    page[950:] = 255
    assert rules_to_grids(*ink_to_rules(gray_to_ink(page), 200)) == []


@pytest.mark.parametrize("angle", [-1.2, 0.7])
def test_skew_is_measured_by_projection(angle):
    measured = skew_angle(gray_to_ink(_page_with_table(angle)))
    # undoing the skew means turning back by the angle the page was turned
    assert abs(measured + angle) <= 0.2


HOCR = """<?xml version="1.0" encoding="UTF-8"?>
<html xmlns="http://www.w3.org/1999/xhtml"><body>
<div class='ocr_page' title='bbox 0 0 1700 2200'>
 <div class='ocr_carea' title="bbox 250 200 1450 300"><p class='ocr_par' title="bbox 250 200 1450 300">
  <span class='ocr_line' title="bbox 250 200 700 240; baseline 0 -6; x_size 34; x_descenders 6; x_ascenders 8">
   <span class='ocrx_word' title='bbox 250 200 330 234; x_wconf 95'>UBND</span>
   <span class='ocrx_word' title='bbox 345 200 400 234; x_wconf 93'>XÃ</span>
  </span>
 </p></div>
 <div class='ocr_carea' title="bbox 850 200 1450 240"><p class='ocr_par' title="bbox 850 200 1450 240">
  <span class='ocr_line' title="bbox 850 201 1450 241; baseline 0 -7; x_size 34; x_descenders 6; x_ascenders 8">
   <span class='ocrx_word' title='bbox 850 201 1000 234; x_wconf 90'>CỘNG</span>
   <span class='ocrx_word' title='bbox 1010 201 1100 234; x_wconf 80'>HÒA</span>
  </span>
 </p></div>
 <div class='ocr_carea' title="bbox 250 300 700 340"><p class='ocr_par' title="bbox 250 300 700 340">
  <span class='ocr_line' title="bbox 250 300 700 340; baseline 0 -6; x_size 34; x_descenders 6; x_ascenders 8">
   <span class='ocrx_word' title='bbox 250 300 320 334; x_wconf 96'>có</span>
   <span class='ocrx_word' title='bbox 330 300 380 334; x_wconf 96'>99,</span>
   <span class='ocrx_word' title='bbox 383 300 430 334; x_wconf 96'>32%</span>
   <span class='ocrx_word' title='bbox 900 330 904 334; x_wconf 50'>.</span>
  </span>
 </p></div>
</div></body></html>"""


def test_hocr_lines_keep_tesseract_baseline_and_size():
    lines = hocr_to_lines(HOCR)
    assert [[w.text for w in line] for line in lines] == [["UBND", "XÃ"], ["CỘNG", "HÒA"],
                                                          ["có", "99,", "32%", "."]]
    assert lines[0][0].baseline == 234 and lines[0][0].size == 34


def test_columns_on_one_baseline_become_neighbour_segments_and_specks_are_dropped():
    pdflines = lines_to_pdflines(hocr_to_lines(HOCR), [], 72 / 200)
    # the two header columns (separate Tesseract blocks) side by side, in reading order;
    # a number cut at its separator is one number again; the lone '.' (dust) is gone
    assert [ln.text for ln in pdflines] == ["UBND XÃ", "CỘNG HÒA", "có 99,32%"]
    assert abs(pdflines[0].baseline - pdflines[1].baseline) < 1
    assert 0.8 < pdflines[1].conf < 0.9


def test_without_tesseract_a_scan_stays_unread_and_says_how_to_install(tmp_path):
    data = _first_scan_page()
    doc = bytes_to_document(data, "scan.pdf", Settings(tesseract="no-such-tesseract-binary"))
    assert doc.pages_without_text == [1] and doc.blocks == []
    assert any("apt-get install tesseract-ocr tesseract-ocr-vie" in w for w in doc.warnings)


def test_ocr_off_leaves_scans_unread():
    doc = bytes_to_document(_first_scan_page(), "scan.pdf", Settings(ocr="off"))
    assert doc.pages_without_text == [1] and doc.blocks == []


def _first_scan_page(pages: tuple[int, ...] = (0,), scan: Path | None = None) -> bytes:
    """Pages of a committed scan (the first one) as a PDF of their own."""
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(scan or sorted(SCANS.glob("*.scan.pdf"))[0]))
    out = pdfium.PdfDocument.new()
    out.import_pages(source, list(pages))
    buf = io.BytesIO()
    out.save(buf)
    return buf.getvalue()


def test_committed_scans_are_images_with_gold_beside_them():
    import pypdfium2 as pdfium

    scans = sorted(SCANS.glob("*.scan.pdf"))
    assert len(scans) >= 5
    for scan in scans:
        # "<stem>.scan.pdf" or "<stem>.unruled.scan.pdf": the gold of the report's stem
        gold = scan.with_name(scan.name.split(".", 1)[0] + ".gold.json")
        assert json.loads(gold.read_text(encoding="utf-8"))["figures"]
        pdf = pdfium.PdfDocument(str(scan))
        assert all(not pdf[n].get_textpage().get_text_range().strip() for n in range(len(pdf)))


# -- with Tesseract ------------------------------------------------------------------------
@needs_tesseract
def test_scan_reads_into_blocks_with_page_box_confidence_and_header_table(tmp_path):
    doc = bytes_to_document(_first_scan_page(), "scan.pdf", Settings(ocr_cache_dir=str(tmp_path)))
    assert doc.pages_without_text == [] and any("OCR" in w for w in doc.warnings)
    assert all(b.page == 1 and b.box is not None and 0 <= (b.confidence or 0) <= 1 for b in doc.blocks)
    # the letterhead as in the .docx: the commune's office, then the national motto
    head = [b.text for b in doc.blocks[:6]]
    office = next(i for i, t in enumerate(head) if "UBND XÃ" in t)
    assert any("CỘNG HÒA" in t for t in head[office + 1:])
    # a second read comes from the cache of recognized pages and gives the same blocks
    again = bytes_to_document(_first_scan_page(), "scan.pdf", Settings(ocr_cache_dir=str(tmp_path)))
    assert [b.text for b in again.blocks] == [b.text for b in doc.blocks]
    assert list(tmp_path.rglob("*.hocr"))


@needs_tesseract
def test_appendix_table_of_a_scan_gives_cells_with_row_and_column():
    import pypdfium2 as pdfium

    scan = sorted(SCANS.glob("*.scan.pdf"))[0]
    last = len(pdfium.PdfDocument(str(scan))) - 1
    doc = bytes_to_document(_first_scan_page((last - 1, last)), "scan.pdf")
    cells = [b for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    unit_headers = [b.cell for b in cells if b.text.startswith("Đơn vị") and b.cell]
    units = [b.cell for b in cells if b.text in ("km", "ha", "hộ") and b.cell]
    # the unit of a row sits in the unit column, under its header, in a later row
    assert unit_headers and units
    assert all(any(u.table == h.table and u.col == h.col and u.row > h.row for h in unit_headers) for u in units)


@needs_tesseract
def test_unruled_appendix_tables_give_the_rows_labels_and_units_of_the_docx(tmp_path):
    """A scan whose tables have no rules (corpus/scan.py --unruled): the appendix tables are
    found from the alignment of their columns, and each figure in them keeps its row's label
    (a label wrapped over two lines whole) and its unit from the unit column, as from the
    .docx of the same report."""
    import pypdfium2 as pdfium

    from extractor.pipeline import extract

    scan = next(SCANS.glob("*.unruled.scan.pdf"))
    stem = scan.name.split(".", 1)[0]
    last = len(pdfium.PdfDocument(str(scan))) - 1
    part = tmp_path / "appendix.pdf"
    part.write_bytes(_first_scan_page((last - 1, last), scan))
    settings = Settings(ocr_cache_dir=str(tmp_path / "cache"))
    scanned = extract(part, settings).figures
    docx = extract(ROOT / "corpus" / "generated" / f"{stem}.docx").figures

    def key(label: str | None) -> str:  # the recognizer's spacing and specks aside
        return "".join(c for c in (label or "").casefold() if c.isalnum())

    # a table figure's label is "<row label> - <column header>"
    in_tables = [f for f in docx if f.label and " - " in f.label]
    assert len(in_tables) >= 8
    found = {(key(f.label), f.unit) for f in scanned}
    kept = [f for f in in_tables if (key(f.label), f.unit) in found]
    assert len(kept) == len(in_tables), [f.label for f in in_tables if f not in kept]
    values = {(key(f.label), f.unit, f.value) for f in scanned}
    # a number may be misread ("162" for "16,2"), a row's label and unit must not be
    assert sum((key(f.label), f.unit, f.value) in values for f in in_tables) >= len(in_tables) - 1
