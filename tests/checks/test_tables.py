"""Tables as evidence (extractor/checks/tables.py): total rows against their rows, percentage
columns against their plan and result columns, read through the one table grid."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, CellPosition, Document
from tests.checks.helpers import fig, rules, run, texts


def _table_doc(rows: list[list[str]], before: tuple[str, ...] = (), spans: dict | None = None) -> Document:
    """A document: paragraphs `before`, then one table of `rows` (an empty string is no cell,
    covered by a merged cell; `spans` maps (row, col) to (row_span, col_span))."""
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(before)]
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text == "" and spans and any(
                    r0 <= r < r0 + rs and c0 <= c < c0 + cs for (r0, c0), (rs, cs) in spans.items()):
                continue
            rs, cs = (spans or {}).get((r, c), (1, 1))
            blocks.append(Block(len(blocks), BlockKind.TABLE_CELL, text,
                                cell=CellPosition(0, r, c, row_span=rs, col_span=cs)))
    return Document(path="mem.docx", format="docx", sha256="0", blocks=blocks)


BUDGET = [["STT", "Nguồn vốn", "Kế hoạch", "Giải ngân"],
          ["1", "Ngân sách trung ương", "1.200", "1.150"],
          ["2", "Ngân sách tỉnh", "800", "760"],
          ["3", "Vốn huy động", "350,5", "300"],
          ["", "Tổng cộng", "2.350,5", "2.210"]]


def _with(table: list[list[str]], row: int, col: int, text: str) -> list[list[str]]:
    out = [list(r) for r in table]
    out[row][col] = text
    return out


def test_total_row_equal_to_its_rows_is_no_flag():
    assert run(_table_doc(BUDGET, ("Đơn vị tính: triệu đồng",)), []) == []


def test_total_row_that_is_not_the_sum_is_flagged_with_its_cells_and_scale():
    doc = _table_doc(_with(BUDGET, 4, 3, "2.310"), ("Đơn vị tính: 1.000 đồng",))
    flags = run(doc, [])
    assert rules(flags) == ["table_total_mismatch"]
    assert texts(flags[0]) == ["2.310", "1.150", "760", "300"]
    assert "Tổng cộng" in flags[0].message and "1.000 đồng" in flags[0].message
    assert "2.210" in flags[0].message and flags[0].message_en and "add up to" in flags[0].message_en


def test_total_row_first_and_sub_rows_read_at_the_top_level():
    rows = [["STT", "Nội dung", "Số km"],
            ["", "Tổng số", "18,5"],
            ["1", "Đường trục xã", "6"],
            ["1.1", "Trong đó: bê tông hóa", "4"],
            ["2", "Đường trục thôn", "12,5"]]
    assert run(_table_doc(rows), []) == []
    flags = run(_table_doc(_with(rows, 4, 2, "10,5")), [])
    assert rules(flags) == ["table_total_mismatch"]


@pytest.mark.parametrize("rows", [
    # an item named "Tổng số hộ" is a row of its own, not a total
    [["STT", "Chỉ tiêu", "Số lượng"], ["1", "Tổng số hộ", "676"], ["2", "Hộ nghèo", "30"], ["3", "Hộ cận nghèo", "41"]],
    # a percentage column is not summed
    [["Thôn", "Số hộ", "Tỷ lệ (%)"], ["Nà Pài", "120", "40"], ["Bản Đén", "180", "60"], ["Tổng cộng", "300", "100"]],
    # rows in different units do not add up
    [["Chỉ tiêu", "Đơn vị tính", "Kết quả"], ["Đường trục xã", "km", "6"], ["Đất hiến", "m2", "1.200"],
     ["Tổng cộng", "", "1.206,5"]],
    # rounded cells within half a unit each
    [["Thôn", "Diện tích (ha)"], ["Nà Pài", "12,3"], ["Bản Đén", "7,4"], ["Khuổi Chang", "5,1"], ["Cộng", "24,9"]],
])
def test_tables_that_hold_no_contradiction(rows):
    assert run(_table_doc(rows), []) == []


def test_space_grouped_cells_are_read_whole():
    rows = [["Nguồn", "Số tiền (đồng)"], ["Ngân sách", "1 500 000"], ["Nhân dân", "250 000"],
            ["Tổng cộng", "1 750 000"]]
    assert run(_table_doc(rows), []) == []
    assert rules(run(_table_doc(_with(rows, 3, 1, "1 850 000")), [])) == ["table_total_mismatch"]


def test_merged_total_label_and_two_header_rows():
    rows = [["STT", "Nội dung", "Năm 2023", ""],
            ["", "", "Kế hoạch", "Thực hiện"],
            ["1", "Đường giao thông", "10", "8"],
            ["2", "Kênh mương", "5", "5"],
            ["Tổng cộng", "", "15", "13"]]
    spans = {(0, 2): (1, 2), (4, 0): (1, 2)}
    doc = _table_doc(rows, spans=spans)
    assert run(doc, []) == []
    flags = run(_table_doc(_with(rows, 4, 3, "14"), spans=spans), [])
    assert rules(flags) == ["table_total_mismatch"] and "Thực hiện" in flags[0].message


def test_percentage_column_against_plan_and_result_under_a_two_row_header():
    rows = [["STT", "Chỉ tiêu", "Năm 2023", "", ""],
            ["", "", "Kế hoạch", "Thực hiện", "Tỷ lệ (%)"],
            ["1", "Đường trục thôn được cứng hóa (km)", "16,2", "11,8", "73"],
            ["2", "Hộ có thẻ BHYT", "1.200", "1.140", "95"]]
    spans = {(0, 2): (1, 3)}
    assert run(_table_doc(rows, spans=spans), []) == []
    flags = run(_table_doc(_with(rows, 3, 4, "85"), spans=spans), [])
    assert rules(flags) == ["ratio_mismatch"]
    assert texts(flags[0]) == ["1.140", "1.200", "85"]


def _docx(tmp_path, paragraphs: list[str], rows: list[list[str]]):
    docx = pytest.importorskip("docx")
    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    path = tmp_path / "bao-cao.docx"
    d.save(str(path))
    return path


def test_a_docx_appendix_total_row_through_the_pipeline(tmp_path):
    from extractor.pipeline import extract
    head = ["BÁO CÁO kết quả xây dựng nông thôn mới xã Tân An năm 2023", "Phụ biểu số 02", "Đơn vị tính: triệu đồng"]
    assert [f for f in extract(_docx(tmp_path, head, BUDGET)).flags if f.severity != "info"] == []
    flags = extract(_docx(tmp_path, head, _with(BUDGET, 4, 2, "2.450,5"))).flags
    assert [f.rule for f in flags] == ["table_total_mismatch"]
    assert "triệu đồng" in flags[0].message and flags[0].evidence[0].location is not None


def test_a_contradiction_stated_in_prose_and_in_its_table_is_one_flag(tmp_path):
    from extractor.pipeline import extract
    prose = ["BÁO CÁO kết quả xây dựng nông thôn mới xã Tân An năm 2023",
             "Tổng vốn giải ngân 2.310 triệu đồng, trong đó: ngân sách trung ương 1.150 triệu đồng, ngân sách tỉnh "
             "760 triệu đồng, vốn huy động 300 triệu đồng.", "Đơn vị tính: triệu đồng"]
    rows = [["STT", "Nguồn vốn", "Đơn vị tính", "Giải ngân"], ["1", "Ngân sách trung ương", "triệu đồng", "1.150"],
            ["2", "Ngân sách tỉnh", "triệu đồng", "760"], ["3", "Vốn huy động", "triệu đồng", "300"],
            ["", "Tổng cộng", "triệu đồng", "2.310"]]
    flags = [f for f in extract(_docx(tmp_path, prose, rows)).flags if f.severity != "info"]
    assert [f.rule for f in flags] == ["sum_mismatch"]
    # the table's cells are added to the prose flag's evidence
    assert len(flags[0].evidence) == 8


# A contradiction restated in an appendix table is one flag (checks.merge_restated): the prose
# and the table name the same amounts, the prose with a scale word. Regression (second held-out
# audit): "8238,8 triệu" read as 8238.8 x 1e6 is 8238799999.999999 in floats, which rounding to
# decimal places kept apart from the table's 8.238.800.000, so the table's flag came out twice.
_PROSE = "Tổng nguồn vốn là {total}, trong đó: ngân sách tỉnh {a}; vốn lồng ghép {b}; nhân dân đóng góp {c}."


def _restated_doc(total: str, parts: tuple[str, str, str], cells: tuple[str, str, str, str]):
    prose = _PROSE.format(total=total, a=parts[0], b=parts[1], c=parts[2])
    rows = [["STT", "Nguồn vốn", "Đơn vị tính", "Giá trị thực hiện"],
            ["1", "Ngân sách tỉnh", "đồng", cells[1]], ["2", "Vốn lồng ghép", "đồng", cells[2]],
            ["3", "Nhân dân đóng góp", "đồng", cells[3]], ["", "Tổng cộng", "đồng", cells[0]]]
    doc = _table_doc(rows, (prose,))
    figures = []
    for text, scale in ((total, 1e6), *((p, 1e6) for p in parts)):
        figures.append(fig(doc, 0, text, float(text.split()[0].replace(".", "").replace(",", ".")) * scale, "VND"))
    by_row = {1: 1, 2: 2, 3: 3, 4: 0}
    for block in doc.blocks[1:]:
        cell = block.cell
        if cell is not None and cell.col == 3 and cell.row in by_row:
            figures.append(fig(doc, block.index, block.text, float(block.text.replace(".", "")), "VND"))
    return doc, figures


@pytest.mark.parametrize("total, parts, cells", [
    ("8238,8 triệu", ("785,6 triệu", "557,5 triệu", "1915,9 triệu"),
     ("8.238.800.000", "785.600.000", "557.500.000", "1.915.900.000")),
    ("4100,3 triệu", ("1200,1 triệu", "700,7 triệu", "1900,3 triệu"),
     ("4.100.300.000", "1.200.100.000", "700.700.000", "1.900.300.000")),
])
def test_a_sum_slip_restated_in_a_table_is_one_flag(total, parts, cells):
    doc, figures = _restated_doc(total, parts, cells)
    flags = run(doc, figures)
    assert len(flags) == 1 and flags[0].rule in ("sum_mismatch", "table_total_mismatch")
    assert {e.text for e in flags[0].evidence} >= {total, cells[0]}  # both places named in the one flag


def test_a_table_whose_total_differs_from_the_prose_total_is_its_own_flag():
    """Not the same amounts (the table's total is another one): two contradictions, two flags."""
    doc, figures = _restated_doc("8238,8 triệu", ("785,6 triệu", "557,5 triệu", "1915,9 triệu"),
                                 ("8.538.800.000", "785.600.000", "557.500.000", "1.915.900.000"))
    assert sorted(rules(run(doc, figures))) == ["sum_mismatch", "table_total_mismatch"]
