"""Issue 12's leftover: a table cell whose text wraps in a PDF split the table.

pdfium hands a LibreOffice table over cell by cell, so the wrapped second line of a label
cell ("Khi bắt đầu triển khai" / "Chương trình") came before the cell beside its first line;
the paragraph rules took it for a short line and a new paragraph, and the table broke in two
there (the wrapped line left out, the rest a table of its own). The same happened to a list
cell whose lines start "12. ..." after "11. ...;", to a cell cut by a page break, and to two
cells read as one segment when the first nearly fills its cell. Each PDF below is
LibreOffice's export of the .docx beside it: its table cells must be the .docx's.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.core.model import Document
from extractor.readers import read_document
from extractor.readers.pdf import layout
from extractor.readers.pdf.lines import PdfLine
from extractor.readers.pdf.tables import paragraphs_to_cells

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def cells(doc: Document) -> list[tuple[int, int, int, str]]:
    return [(b.cell.table, b.cell.row, b.cell.col, " ".join(b.text.split()))
            for b in doc.blocks if b.cell is not None]


@pytest.mark.parametrize("name", [
    # a label cell of the timeline table wraps, and a list cell runs over a page break
    "audited8/audited8-8-0015-nam-dong-2020",
    "audited6/audited6-6-0047-vinh-thanh-2020",
    # a list cell whose wrapped lines start with a criterion's number after a ';'
    "audited2/audited2-2-0042-duc-lang-2020",
    # the letterhead's left cell wraps ("... XÃ SUỐI" / "CÁT")
    "audited2/audited2-2-0003-suoi-cat-2025",
    # a cell's text nearly fills its cell: less than a line height to the next cell's
    "audited8/audited8-8-0045-mon-son-2022",
    "audited8/audited8-8-0010-an-hai-2020",
])
def test_pdf_table_cells_are_the_docx_cells(name: str) -> None:
    pdf = cells(read_document(CORPUS / f"{name}.pdf"))
    docx = cells(read_document(CORPUS / f"{name}.docx"))
    assert pdf == docx


def line(text: str, y: float, x0: float, x1: float) -> PdfLine:
    return PdfLine(text, x0, x1, y, 13.0)


def test_a_wrapped_label_line_joins_its_cell_and_the_table_stays_one() -> None:
    # pdfium's order: a row's cells one after the other, each with its wrapped lines
    lines = [line("Mốc", 629, 90, 114), line("Số tiêu chí đạt chuẩn", 629, 235, 350),
             line("Khi bắt đầu triển khai", 645, 90, 203), line("Chương trình", 660, 90, 160),
             line("6 tiêu chí", 645, 235, 282),
             line("Năm 2020", 675, 90, 144), line("11 tiêu chí", 675, 235, 289)]
    paragraphs = layout.lines_to_paragraphs(lines, layout.LineMetrics(pitch=1.3, right=520.0))
    marked = paragraphs_to_cells([(0, p) for p in paragraphs])
    assert [(layout.join_lines([ln.text for ln in p]), c and (c.table, c.row, c.col))
            for _, p, c in marked] == [
        ("Mốc", (0, 0, 0)), ("Số tiêu chí đạt chuẩn", (0, 0, 1)),
        ("Khi bắt đầu triển khai Chương trình", (0, 1, 0)), ("6 tiêu chí", (0, 1, 1)),
        ("Năm 2020", (0, 2, 0)), ("11 tiêu chí", (0, 2, 1))]
