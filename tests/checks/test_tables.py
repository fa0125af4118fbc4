"""Tables as evidence (extractor/checks/tables.py): total rows against their rows, percentage
columns against their plan and result columns, read through the one table grid."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, CellPosition, Document
from tests.checks.helpers import rules, run, texts


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
