"""A PDF of mostly one-line paragraphs (letterhead, short bullets) once had its paragraph
spacing taken for the line pitch, so the letterhead, national motto, number and date ran into
one block and the report date was lost. The pitch now comes from wrapped (full) lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.readers import read_document
from extractor.readers.pdf.layout import lines_to_metrics
from extractor.readers.pdf.lines import PdfLine

ROOT = Path(__file__).resolve().parents[2]
SPARSE = ROOT / "corpus" / "generated" / "gen-1-0004-cat-thinh-2020.pdf"


def test_pitch_comes_from_wrapped_lines() -> None:
    lines: list[PdfLine] = []
    y = 80.0
    for _ in range(30):  # one-line paragraphs 27 pt apart
        lines.append(PdfLine("Một dòng ngắn.", 100.0, 250.0, y, 13.0))
        y += 27.0
    for _ in range(10):  # wrapped paragraphs: a full line, then its end 17 pt below
        lines.append(PdfLine("dòng đầy " * 8, 100.0, 500.0, y, 13.0))
        lines.append(PdfLine("hết đoạn.", 100.0, 200.0, y + 17.0, 13.0))
        y += 17.0 + 27.0
    m = lines_to_metrics([lines])
    assert m.pitch == pytest.approx(17.0 / 13.0, abs=0.01)


@pytest.mark.skipif(not SPARSE.exists(), reason="generated corpus absent")
def test_letterhead_and_date_are_blocks_of_their_own() -> None:
    texts = [b.text for b in read_document(SPARSE).blocks[:8]]
    assert texts[:2] == ["ỦY BAN NHÂN DÂN HUYỆN VĂN CHẤN", "ỦY BAN NHÂN DÂN XÃ CÁT THỊNH"]
    assert "Cát Thịnh, ngày 04 tháng 4 năm 2020" in texts
