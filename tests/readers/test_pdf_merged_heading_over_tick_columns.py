"""A result heading merged over a "Đạt" and a "Chưa đạt" column lost a PDF's tick table.

The sub-headings under the merged cell ("Kết quả tự đánh giá" over "Đạt | Chưa đạt") were read
as the merged cell's wrapped second line and a paragraph after the table, and the ticks under
"Chưa đạt", beyond every cell of the table's fullest row, took the "Đạt" column: the .pdf read
no criteria (or every criterion met) where its .docx read them right. Now a line with another
cell starting under the cell above it on its baseline begins a row of its own; and in a table
whose first rows hold such sub-headings (two or more starting inside one cell of the row
above), a column over two of them gives way to them and the cells beyond the last column make
columns of their own. A table without sub-headings keeps its columns (the generated corpus's
PDF cells are unchanged). The fixtures are LibreOffice's exports of the .docx beside them
(tests/fixtures/make_reader_fixtures.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.core.model import Document
from extractor.pipeline import extract
from extractor.readers import read_document
from extractor.readers.pdf import layout
from extractor.readers.pdf.lines import PdfLine
from extractor.readers.pdf.tables import paragraphs_to_cells
from tests.fixtures.make_reader_fixtures import TICK_TABLES

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def cells(doc: Document) -> list[tuple[int, int, int, str]]:
    return [(b.cell.table, b.cell.row, b.cell.col, " ".join(b.text.split()))
            for b in doc.blocks if b.cell is not None]


@pytest.mark.parametrize("name", sorted(TICK_TABLES))
def test_pdf_tick_table_cells_are_the_docx_cells(name: str) -> None:
    assert cells(read_document(FIXTURES / f"{name}.pdf")) == cells(read_document(FIXTURES / f"{name}.docx"))


@pytest.mark.parametrize("name", sorted(TICK_TABLES))
@pytest.mark.parametrize("suffix", [".pdf", ".docx"])
def test_the_ticks_give_each_criterion_its_status(name: str, suffix: str) -> None:
    unmet = list(TICK_TABLES[name]["unmet"])  # type: ignore[call-overload]
    criteria = extract(FIXTURES / f"{name}{suffix}").criteria
    assert (criteria.met, criteria.unmet) == ([n for n in range(1, 20) if n not in unmet], unmet)


def line(text: str, y: float, x0: float, x1: float) -> PdfLine:
    return PdfLine(text, x0, x1, y, 11.0)


def test_sub_headings_under_a_merged_heading_are_a_row_of_their_own() -> None:
    lines = [line("TT", 157, 90, 105), line("Tên tiêu chí", 157, 177, 243),
             line("Kết quả đánh giá", 157, 350, 444),
             line("Đạt", 170, 350, 369), line("Chưa đạt", 170, 436, 486),
             line("1", 183, 91, 96), line("Quy hoạch", 183, 177, 235), line("x", 183, 349, 355),
             line("2", 209, 91, 96), line("Giao thông", 209, 177, 237), line("x", 209, 436, 443)]
    layout._mark_rows(lines)
    paragraphs = layout.lines_to_paragraphs(lines, layout.LineMetrics(pitch=1.2, right=500.0))
    marked = [(" ".join(ln.text for ln in p), c.row, c.col, c.col_span)
              for _, p, c in paragraphs_to_cells([(0, p) for p in paragraphs]) if c is not None]
    assert marked == [("TT", 0, 0, 1), ("Tên tiêu chí", 0, 1, 1), ("Kết quả đánh giá", 0, 2, 2),
                      ("Đạt", 1, 2, 1), ("Chưa đạt", 1, 3, 1),
                      ("1", 2, 0, 1), ("Quy hoạch", 2, 1, 1), ("x", 2, 2, 1),
                      ("2", 3, 0, 1), ("Giao thông", 3, 1, 1), ("x", 3, 3, 1)]


def test_a_wrapped_cell_beside_cells_of_other_columns_stays_one_cell() -> None:
    # the wrapped line shares its baseline with another wrapped cell, in another column (in
    # pdfium's order: a row's cells one after the other, each with its wrapped lines)
    lines = [line("1", 183, 91, 96), line("Thủy lợi và phòng,", 183, 177, 250),
             line("chống thiên tai", 196, 177, 240), line("Theo quy", 183, 263, 314),
             line("định", 196, 263, 287), line("x", 183, 349, 355)]
    paragraphs = layout.lines_to_paragraphs(lines, layout.LineMetrics(pitch=1.2, right=500.0))
    texts = [" ".join(ln.text for ln in p) for p in paragraphs]
    assert "Thủy lợi và phòng, chống thiên tai" in texts and "Theo quy định" in texts
