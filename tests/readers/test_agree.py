"""The three renderings of the sample report read into Documents that agree on the text, and
a PDF that pypdfium2 garbles still reads right."""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from extractor.core.model import BlockKind, Document
from extractor.readers import read_document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = {fmt: CORPUS / f"luc-binh-2023.{fmt}" for fmt in ("txt", "docx", "pdf")}
# Page headers/footers are layout (a PDF repeats them per page), not the report's text.
LAYOUT_KINDS = (BlockKind.HEADER, BlockKind.FOOTER)


def words(doc: Document) -> list[str]:
    text = " ".join(b.text for b in doc.blocks if b.kind not in LAYOUT_KINDS)
    # The .txt carries markdown bold markers ("**Label:**") that the .docx renders as bold
    # runs: style, not text.
    return re.sub(r"\*\*", "", text).split()


@pytest.fixture(scope="module")
def docs() -> dict[str, Document]:
    return {fmt: read_document(path) for fmt, path in SAMPLE.items()}


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_renderings_agree_on_the_words(docs: dict[str, Document], fmt: str) -> None:
    expected = words(docs["txt"])
    got = words(docs[fmt])
    assert len(expected) > 6000
    if got != expected:  # show where, not 6 000 words
        first = next(i for i, (a, b) in enumerate(zip(got, expected)) if a != b)
        raise AssertionError(f"{fmt} differs at word {first}: {got[first - 5:first + 5]} "
                             f"vs {expected[first - 5:first + 5]}")


def test_docx_keeps_the_criteria_table(docs: dict[str, Document]) -> None:
    cells = [b for b in docs["docx"].blocks if b.kind is BlockKind.TABLE_CELL]
    assert any(b.text.startswith("Tiêu chí số 1 Quy hoạch") for b in cells)


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_sample_renderings_read_well_under_a_second(fmt: str) -> None:
    read_document(SAMPLE[fmt])  # imports and library start-up are not the reader's time
    start = time.perf_counter()
    read_document(SAMPLE[fmt])
    assert time.perf_counter() - start < 0.5


def test_garbled_font_pdf_reads_the_right_words() -> None:
    import pypdfium2 as pdfium

    path = FIXTURES / "garbled-font.pdf"
    expected = (FIXTURES / "garbled-font.expected.txt").read_text(encoding="utf-8").split()
    # the fixture is a real trap: pypdfium2 alone loses the Vietnamese letters
    pdf = pdfium.PdfDocument(str(path))
    try:
        raw = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf))).split()
    finally:
        pdf.close()
    assert raw != expected
    doc = read_document(path)
    assert words(doc) == expected


GENERATED = sorted((CORPUS / "generated").glob("*.docx"))


def shape(doc: Document) -> list[tuple[str, str, object]]:
    """Blocks as (kind, text, cell), whitespace runs collapsed and headings as paragraphs: a
    PDF has no heading styles (structure.py finds headings by pattern) nor runs of spaces;
    everything else must match the .docx."""
    return [("paragraph" if b.kind is BlockKind.HEADING else b.kind.value,
             " ".join(b.text.split()), b.cell)
            for b in doc.blocks if b.kind not in LAYOUT_KINDS]


def test_pdf_rebuilds_the_docx_blocks_and_table_cells(docs: dict[str, Document]) -> None:
    # same paragraphs in the same order, also where one runs over a page break, and the
    # criteria table's cells at the same rows and columns
    assert shape(docs["pdf"]) == shape(docs["docx"])


@pytest.mark.skipif(not GENERATED, reason="no generated corpus")
@pytest.mark.parametrize("docx", GENERATED, ids=lambda p: p.stem)
def test_generated_report_pdf_reads_like_its_docx(docx: Path) -> None:
    # 32 layouts with header tables, appendix tables and table rows a page break splits
    assert shape(read_document(docx.with_suffix(".pdf"))) == shape(read_document(docx))
