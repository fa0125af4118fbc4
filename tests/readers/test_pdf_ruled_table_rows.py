"""A PDF table whose rows are told apart by its rulings, not by the gap between lines.

LibreOffice leaves about one line pitch between table rows (13.3 pt against 12.8 pt inside a
cell), so the paragraph rules glued a row under a vertically merged label cell into the cell
above ("... 15 và 16" + "16 tiêu chí" read as "... và 16 16 tiêu chí"), and a first-column
cell cut by a page break lost its rest (loose paragraphs, split again at each "14. ..."), the
next row making a table of its own. Now a horizontal ruling across two lines ends a
paragraph, lines between one column's vertical rulings stay one cell, and the rest of a cut
cell at the top of the next page joins it when it lies in a ruled column under a cell that
ran to the page's foot while a cell beside it ended higher. Each PDF is LibreOffice's export
of the .docx beside it (tests/readers/make_ruled_table_fixtures.py): its cells must be the
.docx's.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from extractor.core.model import Document
from extractor.readers import read_document
from extractor.readers.pdf import layout
from extractor.readers.pdf.lines import PdfLine, boxes_to_rules
from extractor.readers.pdf.tables import paragraphs_to_cells
from tests.readers.make_ruled_table_fixtures import FIXTURES, MERGED, PLAN

HERE = Path(__file__).resolve().parent / "fixtures"


def cells(doc: Document) -> list[tuple[int, int, int, str]]:
    return [(b.cell.table, b.cell.row, b.cell.col, " ".join(b.text.split()))
            for b in doc.blocks if b.cell is not None]


def spans(doc: Document) -> list[tuple[int, int, int, int]]:
    return [(b.cell.row, b.cell.col, b.cell.row_span, b.cell.col_span)
            for b in doc.blocks if b.cell is not None]


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_pdf_ruled_table_cells_are_the_docx_cells(name: str) -> None:
    pdf, docx = read_document(HERE / f"{name}.pdf"), read_document(HERE / f"{name}.docx")
    assert cells(pdf) == cells(docx)
    assert spans(pdf) == spans(docx)  # a merged label spans its rows, as in the .docx


def test_a_merged_label_spans_the_rows_beside_it() -> None:
    merged = [(r, c, rs) for r, c, rs, _ in spans(read_document(HERE / "merged-labels.pdf"))
              if rs > 1]
    assert merged == [(1, 0, 2), (3, 0, 2)]


def test_a_row_under_a_merged_label_is_not_glued_to_the_cell_above() -> None:
    texts = [text for table, _, col, text in cells(read_document(HERE / "merged-labels.pdf"))
             if table == 0 and col == 1]
    assert texts == ["Các tiêu chí", *[t for _, names, count in MERGED for t in (names, count)]]


def test_a_first_column_cell_cut_by_a_page_break_takes_its_rest() -> None:
    doc = read_document(HERE / "split-row.pdf")
    first = [(row, text) for table, row, col, text in cells(doc) if col == 0]
    assert first[1:] == [(1, PLAN[0][0]), (2, PLAN[1][0])]
    assert len({b.page for b in doc.blocks if b.cell and b.text.startswith("1.")}) == 1
    assert {b.cell.table for b in doc.blocks if b.cell} == {0}


def line(text: str, y: float, x0: float, x1: float) -> PdfLine:
    return PdfLine(text, x0, x1, y, 11.0)


# a two-column table from y=100: a rule under the heading row and one at its foot; the left
# column's label is merged down two rows, so the rule between those rows stops at x=300
RULES = [(84.0, 120.0, 517.0, 121.0), (300.0, 149.5, 517.0, 150.5), (84.0, 165.0, 517.0, 166.0),
         (84.0, 100.0, 85.0, 166.0), (300.0, 100.0, 301.0, 166.0), (516.0, 100.0, 517.0, 166.0)]


def test_a_ruling_between_rows_ends_the_cell_above_even_at_the_line_pitch() -> None:
    hrules, vrules = boxes_to_rules(RULES)
    # the count's row starts 13.3 pt under a cell whose lines are 13 pt apart
    lines = [line("Kết quả", 113, 90, 130), line("Các tiêu chí", 113, 306, 370),
             line("Đạt", 133, 90, 110), line("Các tiêu chí số 1, 2, 3, 4, 5, 6, 7,", 133, 306, 500),
             line("8, 9, 10 và 11", 146, 306, 380), line("11 tiêu chí", 159.3, 306, 360)]
    paragraphs = layout.lines_to_paragraphs(lines, layout.LineMetrics(1.15, 520.0), hrules, vrules)
    assert [" ".join(ln.text for ln in p) for p in paragraphs][-2:] == [
        "Các tiêu chí số 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 và 11", "11 tiêu chí"]
    marked = paragraphs_to_cells([(0, p) for p in paragraphs])
    assert [(c.row, c.col) for _, _, c in marked if c is not None][-1] == (2, 1)
    # without the rulings, the count is glued to the list above it
    glued = layout.lines_to_paragraphs([line(ln.text, ln.baseline, ln.x0, ln.x1) for ln in lines],
                                       layout.LineMetrics(1.15, 520.0))
    assert " ".join(ln.text for ln in glued[-1]).endswith("và 11 11 tiêu chí")


def test_an_underline_is_no_row_border() -> None:
    # a rule under the first line, from its left edge (an underline), does not end the cell
    hrules, vrules = boxes_to_rules([(306.0, 135.0, 400.0, 135.6), *RULES[3:]])
    lines = [line("Kết quả", 133, 90, 130), line("Các tiêu chí số 1, 2, 3,", 133, 306, 400),
             line("4 và 5", 146, 306, 340)]
    paragraphs = layout.lines_to_paragraphs(lines, layout.LineMetrics(1.15, 520.0), hrules, vrules)
    assert [" ".join(ln.text for ln in p) for p in paragraphs] == [
        "Kết quả", "Các tiêu chí số 1, 2, 3, 4 và 5"]


def test_rulings_drawn_cell_by_cell_are_merged() -> None:
    hrules, vrules = boxes_to_rules([(84.0, 120.0, 300.5, 121.0), (300.0, 120.2, 517.0, 121.0),
                                     (84.0, 100.0, 85.0, 150.0), (84.2, 150.0, 85.0, 200.0)])
    assert [(round(y), x0, x1) for y, x0, x1 in hrules] == [(120, 84.0, 517.0)]
    assert [(round(x), y0, y1) for x, y0, y1 in vrules] == [(84, 100.0, 200.0)]


def test_a_frame_with_a_rule_between_two_text_columns_is_no_table() -> None:
    # a page frame (top and bottom rules) with a rule between two columns of text: its lines
    # are no cells, and a short line still ends a paragraph before a list item
    hrules, vrules = boxes_to_rules([(60.0, 60.0, 540.0, 61.0), (60.0, 780.0, 540.0, 781.0),
                                     (60.0, 60.0, 61.0, 781.0), (300.0, 60.0, 301.0, 781.0),
                                     (539.0, 60.0, 540.0, 781.0)])
    lines = [line("Xã đã hoàn thành kế hoạch năm và", 100, 70, 290),
             line("đạt chuẩn.", 113, 70, 120), line("- Giao thông: 12 km.", 126, 70, 190)]
    paragraphs = layout.lines_to_paragraphs(lines, layout.LineMetrics(1.15, 290.0), hrules, vrules)
    assert [" ".join(ln.text for ln in p) for p in paragraphs] == [
        "Xã đã hoàn thành kế hoạch năm và đạt chuẩn.", "- Giao thông: 12 km."]
    assert all(ln.box is None for ln in lines)
