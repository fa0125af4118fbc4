"""Legacy .doc through LibreOffice (skipped where soffice is not installed)."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from extractor.core.model import BlockKind
from extractor.readers import read_document

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
sys.path.insert(0, str(FIXTURES))
import make_reader_fixtures as made  # noqa: E402


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_legacy_doc_is_converted_and_read() -> None:
    doc = read_document(FIXTURES / "legacy.doc")
    assert doc.format == "doc"
    got = [(b.kind, b.text) for b in doc.blocks]
    assert got == [
        (BlockKind.HEADING, made.LEGACY_TITLE),
        (BlockKind.PARAGRAPH, made.LEGACY_BODY),
        *[(BlockKind.TABLE_CELL, text) for row in made.LEGACY_TABLE for text in row],
        (BlockKind.PARAGRAPH, made.LEGACY_END),
    ]
    assert [(b.cell.row, b.cell.col) for b in doc.blocks if b.cell] == \
        [(0, 0), (0, 1), (1, 0), (1, 1)]


RTF = (r"{\rtf1\ansi\ansicpg1252\uc1{\fonttbl{\f0 Times New Roman;}}\f0"
       r"\pard B\u193?O C\u193?O\par"
       r"\pard K\u7871?t qu\u7843? \u273?\u7841?t 14 ti\u234?u ch\u237?\par}")


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None,
                    reason="LibreOffice is not installed")
def test_word_rtf_saved_as_doc_is_converted(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.doc"
    path.write_text(RTF, encoding="ascii")
    doc = read_document(path)
    assert doc.format == "doc"
    assert [b.text for b in doc.blocks] == ["BÁO CÁO", "Kết quả đạt 14 tiêu chí"]
