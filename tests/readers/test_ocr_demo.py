"""The scanned report `make demo` ingests (named in the Makefile's demo target): an
image-only PDF with gold beside it; without Tesseract it is listed as unread with the
command that installs it, with Tesseract it is read as a report of its commune."""
from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path

from extractor.core.settings import DEFAULT_SETTINGS
from extractor.ingest.run import ingest
from tests.readers.test_ocr import needs_tesseract

ROOT = Path(__file__).resolve().parents[2]


def _scan() -> Path:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    demo = makefile[makefile.index("\ndemo:"):].split("\n\n")[0]
    (name,) = re.findall(r"\S+\.scan\.pdf", demo)
    return ROOT / name


def test_demo_scan_is_an_image_only_pdf_with_gold():
    import pypdfium2 as pdfium

    scan = _scan()
    gold = json.loads(scan.with_name(scan.name.replace(".scan.pdf", ".gold.json")).read_text("utf-8"))
    assert gold["figures"] and gold["commune"]
    pdf = pdfium.PdfDocument(str(scan))
    assert len(pdf) >= 5
    assert all(not pdf[n].get_textpage().get_text_range().strip() for n in range(len(pdf)))


def test_without_tesseract_the_demo_scan_is_listed_with_how_to_install(tmp_path):
    (tmp_path / "in").mkdir()
    shutil.copy(_scan(), tmp_path / "in" / _scan().name)
    tables = ingest(tmp_path / "in", tmp_path / "out",
                    settings=replace(DEFAULT_SETTINGS, tesseract="no-such-tesseract-binary"))
    errors = tables["errors"]
    assert errors[errors["file"].str.endswith(_scan().name)]["code"].tolist() == ["scanned_pdf"]
    # errors.csv, where `make demo` points, gives the reason with the command
    listed = (tmp_path / "out" / "errors.csv").read_text(encoding="utf-8-sig")
    line = next(ln for ln in listed.splitlines() if _scan().name in ln)
    assert "scanned_pdf" in line and "apt-get install tesseract-ocr tesseract-ocr-vie" in line


@needs_tesseract
def test_with_tesseract_the_demo_scan_reads_as_its_commune(tmp_path):
    scan = _scan()
    gold = json.loads(scan.with_name(scan.name.replace(".scan.pdf", ".gold.json")).read_text("utf-8"))
    (tmp_path / "in").mkdir()
    shutil.copy(scan, tmp_path / "in" / scan.name)
    tables = ingest(tmp_path / "in", tmp_path / "out")
    assert tables["errors"].empty or not tables["errors"]["file"].str.endswith(scan.name).any()
    assert tables["communes"]["commune"].tolist() == [gold["commune"]]
