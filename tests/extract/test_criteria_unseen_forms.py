"""Criteria statements in forms no earlier test holds (issue 12, the reader on reports it has
never seen): per-criterion sections whose verdict comes paragraphs after the heading, criteria
named by the names of other periods, sub-indicators ("chỉ tiêu 2.1") that are not their
criterion, tables whose status stands in a "Ghi chú" or "So với chuẩn" column or that repeat
their header, lists numbered with Roman numerals, letters and "1.1.", counts of "hoàn thành",
"giữ vững", "được thẩm định", statuses of the district or province, criteria groups, and
percentages of progress that are no status. Each case has its complete answer, or is a
counter-example that must state nothing.

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm".
"""
from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import pytest

from extractor.core.model import Block, BlockKind, CellPosition, CriteriaStatus, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.identity import outline_to_identity
from extractor.extract.period import outline_to_period
from extractor.structure.outline import document_to_outline

HEADER = ("UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023")
ALL = list(range(1, 20))
REST = [n for n in ALL if n not in (10, 17)]
Answer = tuple[list[int], list[int], list[int]]
NOTHING: Answer = ([], [], [])
Row = tuple[str, ...]


def but(*numbers: int) -> list[int]:
    return [n for n in ALL if n not in numbers]


def document_of(items: Sequence[str | list[Row]]) -> Document:
    """HEADER and these items: a string is a paragraph, a list of rows a table of its own."""
    blocks: list[Block] = []
    table = 0
    for item in [*HEADER, *items]:
        if isinstance(item, str):
            blocks.append(Block(len(blocks), BlockKind.PARAGRAPH, item))
            continue
        for r, row in enumerate(item):
            for c, text in enumerate(row):
                blocks.append(Block(len(blocks), BlockKind.TABLE_CELL, text, cell=CellPosition(table, r, c)))
        table += 1
    return Document("mem.docx", "docx", "0", blocks)


def read(items: Sequence[str | list[Row]]) -> CriteriaStatus:
    """The criteria of a document of these items, read as the pipeline reads them: with the
    report's own commune from identity (statements of other named communes set apart)."""
    outline = document_to_outline(document_of(items))
    period = outline_to_period(outline)
    return outline_to_criteria(outline, period, outline_to_identity(outline, period).commune)


def answer(items: Sequence[str | list[Row]]) -> Answer:
    c = read(items)
    return sorted(c.met), sorted(c.unmet), sorted(c.basically_met)


# --- 1. a criterion's section whose verdict comes after its body, in any wording ---

# a section body of three paragraphs of measures, none a verdict
BODIES = {
    2: ["Tiêu chí số 2 - Giao thông", "- Đường xã: 12,5/12,5 km được nhựa hóa, đạt 100%.",
        "- Đường thôn, xóm: 20,3/22 km được cứng hóa, đạt 92%.", "- Đường trục chính nội đồng: 8/10 km được cứng hóa."],
    10: ["Tiêu chí số 10 - Thu nhập", "Thu nhập bình quân đầu người năm 2023 ước đạt 45 triệu đồng/người/năm.",
         "Nguồn thu chủ yếu từ trồng trọt, chăn nuôi và lao động làm thuê."],
    15: ["TIÊU CHÍ SỐ 15: Y TẾ", "- Tỷ lệ người dân tham gia bảo hiểm y tế: 95,2%.",
         "- Trạm y tế xã được công nhận đạt chuẩn quốc gia về y tế từ năm 2020.",
         "- Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi: 12%."],
    17: ["Tiêu chí số 17 về Môi trường và an toàn thực phẩm", "Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn: 60%.",
         "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý: 85%.",
         "Có 3/3 cơ sở sản xuất đảm bảo quy định về môi trường."],
    19: ["Tiêu chí số 19 - Quốc phòng và An ninh", "Xây dựng lực lượng dân quân vững mạnh, rộng khắp.",
         "Xã đạt chuẩn an toàn về an ninh, trật tự theo quy định của Bộ Công an."],
}
MET_VERDICTS = ["=> Đạt", "=> Đạt.", "(Đạt)", "* Đánh giá: Đạt.", "Tự đánh giá mức độ đạt: Đạt",
                "Mức độ đạt tiêu chí: Đạt.", "Kết luận: Tiêu chí đạt chuẩn.",
                "Đối chiếu với yêu cầu của Bộ tiêu chí: Đạt.", "So với quy định: Đạt", "→ Tiêu chí đạt.",
                "Như vậy, tiêu chí này đạt.", "Xã đạt tiêu chí này.", "Tự đánh giá: Tiêu chí đạt chuẩn.",
                "Kết quả đánh giá: Đạt yêu cầu.", "⇒ Đạt chuẩn", "(Tự đánh giá: Đạt)", "- Đánh giá chung: Đạt."]
UNMET_VERDICTS = ["=> Chưa đạt", "(Chưa đạt)", "* Đánh giá: Chưa đạt.", "Tự đánh giá mức độ đạt: Chưa đạt",
                  "Kết luận: Tiêu chí chưa đạt chuẩn.", "So với quy định: Chưa đạt", "→ Tiêu chí chưa đạt.",
                  "Như vậy, tiêu chí này chưa đạt.", "Xã chưa đạt tiêu chí này.", "(Tự đánh giá: Chưa đạt)",
                  "- Đánh giá chung: Không đạt."]


@pytest.mark.parametrize("number", sorted(BODIES))
@pytest.mark.parametrize("verdict", MET_VERDICTS)
def test_a_verdict_after_the_sections_body_meets_its_criterion(number: int, verdict: str) -> None:
    assert answer([*BODIES[number], verdict]) == ([number], [], [])


@pytest.mark.parametrize("number", [10, 17])
@pytest.mark.parametrize("verdict", UNMET_VERDICTS)
def test_an_unmet_verdict_after_the_sections_body(number: int, verdict: str) -> None:
    assert answer([*BODIES[number], verdict]) == ([], [number], [])


@pytest.mark.parametrize("items, expected", [
    (["1. Tiêu chí số 1 về Quy hoạch", "a) Yêu cầu của tiêu chí: có quy hoạch chung xây dựng xã được phê duyệt.",
      "b) Kết quả thực hiện: quy hoạch chung được UBND huyện phê duyệt tại Quyết định số 2150/QĐ-UBND ngày "
      "15/6/2022 và đã công bố công khai.", "c) Tự đánh giá: Đạt."], ([1], [], [])),
    (["Tiêu chí số 17 - Môi trường và an toàn thực phẩm", "Tỷ lệ hộ được sử dụng nước sạch: 60%.",
      "Mức độ đạt tiêu chí: Cơ bản đạt."], ([], [], [17])),
    (["Tiêu chí số 7 - Cơ sở hạ tầng thương mại nông thôn", "Chợ xã đạt chuẩn theo quy định.", "Đánh giá: Đạt.",
      "Tiêu chí số 8 - Thông tin và Truyền thông", "Có điểm phục vụ bưu chính.", "Đánh giá: Chưa đạt."],
     ([7], [8], [])),
    (["Tiêu chí số 2: Giao thông", "Kết quả thực hiện: đường trục xã 100% nhựa hóa.",
      "Tự đánh giá: Chưa đạt (đường nội đồng mới cứng hóa 60%)."], ([], [2], [])),
    (["III. TIÊU CHÍ THU NHẬP", "Thu nhập bình quân năm 2023 đạt 48 triệu đồng/người.",
      "Đánh giá: Chưa đạt (yêu cầu 50 triệu đồng/người/năm)."], ([], [10], [])),
    (["Tiêu chí Văn hóa", "Tỷ lệ thôn đạt tiêu chuẩn văn hóa: 8/8 thôn.", "Đánh giá: Đạt"], ([16], [], [])),
    # the sub-indicators' verdicts are theirs; the closing verdict is the criterion's
    (["Tiêu chí số 2 - Giao thông", "Chỉ tiêu 2.1: đường xã được nhựa hóa 100% - Đạt.",
      "Chỉ tiêu 2.2: đường thôn được cứng hóa 95% - Đạt.", "Đánh giá chung tiêu chí: Đạt."], ([2], [], [])),
    (["Tiêu chí số 17 - Môi trường", "17.1. Tỷ lệ hộ sử dụng nước hợp vệ sinh: đạt.",
      "17.2. Tỷ lệ chất thải rắn được thu gom: chưa đạt.", "Đánh giá: Chưa đạt."], ([], [17], [])),
])
def test_sections_with_their_closing_verdict(items: list[str | list[Row]], expected: Answer) -> None:
    assert answer(items) == expected


@pytest.mark.parametrize("items", [
    # a section without a verdict of its own: its plans, measures and indicators state nothing
    [*BODIES[10], "Phấn đấu năm 2024 đạt."],
    [*BODIES[10], "Dự kiến đến năm 2025 đạt tiêu chí này."],
    [*BODIES[17], "Giải pháp: tiếp tục vận động nhân dân đấu nối nước sạch."],
    ["Tiêu chí số 17 - Môi trường và an toàn thực phẩm", "Chỉ tiêu 17.1 - Tỷ lệ hộ sử dụng nước sạch: 98%, đạt.",
     "Chỉ tiêu 17.2 - Cơ sở sản xuất đảm bảo quy định về môi trường: chưa đạt."],
    # a verdict under a heading that names no criterion
    ["2. Công tác tuyên truyền, vận động", "Tổ chức 25 buổi tuyên truyền với 1.500 lượt người tham gia.",
     "Đánh giá: Đạt."],
])
def test_sections_without_a_verdict_of_the_criterion_state_nothing(items: list[str | list[Row]]) -> None:
    assert answer(items) == NOTHING


# --- 2. sub-indicators are not their criterion ---

@pytest.mark.parametrize("line", [
    "Chỉ tiêu 2.1 về đường xã: đạt.",
    "Tiêu chí 17.1 về nước sạch: đạt.",
    "- Chỉ tiêu 15.1 (Tỷ lệ người dân tham gia BHYT): đạt 95%.",
    "Xã có 5/7 chỉ tiêu của tiêu chí Môi trường đạt.",
    "Trong tiêu chí số 17, có 2 chỉ tiêu chưa đạt.",
    "Chỉ tiêu 17.8 (tỷ lệ hộ có nhà tiêu hợp vệ sinh) chưa đạt.",
    "Nội dung 2.3 của tiêu chí Giao thông đạt yêu cầu.",
])
def test_sub_indicators_set_no_status(line: str) -> None:
    assert answer([line]) == NOTHING


# --- 3. the names of other periods and their short forms ---

@pytest.mark.parametrize("line, expected", [
    ("Tiêu chí Hộ nghèo: đạt.", ([11], [], [])),
    ("Tiêu chí Chợ nông thôn: chưa đạt.", ([], [7], [])),
    ("Tiêu chí Bưu điện: đạt.", ([8], [], [])),
    ("Tiêu chí An ninh, trật tự xã hội: đạt.", ([19], [], [])),
    ("Tiêu chí Hình thức tổ chức sản xuất: đạt.", ([13], [], [])),
    ("Tiêu chí Tỷ lệ lao động có việc làm thường xuyên: đạt.", ([12], [], [])),
    ("Tiêu chí Hệ thống tổ chức chính trị - xã hội vững mạnh: đạt.", ([18], [], [])),
    ("Tiêu chí Quy hoạch và thực hiện quy hoạch: đạt.", ([1], [], [])),
    ("Tiêu chí Giáo dục: đạt; tiêu chí Môi trường: chưa đạt.", ([14], [17], [])),
    ("Tiêu chí Quốc phòng - An ninh: đạt.", ([19], [], [])),
    ("Tiêu chí Thông tin - Truyền thông: đạt.", ([8], [], [])),
    ("Tiêu chí Nhà ở: đạt.", ([9], [], [])),
    ("Tiêu chí Giáo dục - Đào tạo: đạt.", ([14], [], [])),
    ("Tiêu chí số 11 (Hộ nghèo): đạt, tỷ lệ hộ nghèo còn 2,5%.", ([11], [], [])),
    ("Tiêu chí Lao động có việc làm: chưa đạt.", ([], [12], [])),
    ("Tiêu chí Thủy lợi: đạt.", ([3], [], [])),
    ("Tiêu chí Điện nông thôn: đạt.", ([4], [], [])),
    ("Tiêu chí Môi trường và ATTP: chưa đạt.", ([], [17], [])),
    ("Tiêu chí Giao thông nông thôn: đạt.", ([2], [], [])),
    ("Tiêu chí Tổ chức sản xuất: cơ bản đạt.", ([], [], [13])),
    ("Tiêu chí Nghèo đa chiều: đạt.", ([11], [], [])),
    ("Tiêu chí Quốc phòng và An ninh: Đạt", ([19], [], [])),
])
def test_names_of_other_periods_and_their_short_forms(line: str, expected: Answer) -> None:
    assert answer([line]) == expected


# --- 4. tables: status in a "Ghi chú" or "So với chuẩn" column, header repeated, group rows ---

HEAD_NOTE: Row = ("TT", "Tên tiêu chí", "Chỉ tiêu", "Kết quả thực hiện", "Ghi chú")


@pytest.mark.parametrize("items, expected", [
    ([[HEAD_NOTE, ("1", "Quy hoạch", "Có quy hoạch", "Đã phê duyệt", "Đạt"),
       ("2", "Giao thông", "100%", "100%", "Đạt"), ("10", "Thu nhập", "≥ 50 triệu", "45 triệu", "Chưa đạt")]],
     ([1, 2], [10], [])),
    ([[("STT", "Tiêu chí", "Chuẩn", "Hiện trạng", "So với chuẩn"), ("15", "Y tế", "≥ 95%", "96%", "Đạt"),
       ("17", "Môi trường và an toàn thực phẩm", "Đạt", "Chưa đạt", "Chưa đạt")]], ([15], [17], [])),
    ([[("TT", "Tiêu chí", "Mức độ đạt"), ("1", "Quy hoạch", "Đạt"), ("13", "Tổ chức sản xuất", "Cơ bản đạt")]],
     ([1], [], [13])),
    # a table over two pages: the header repeated at the top of the second part
    ([[("STT", "Tên tiêu chí", "Kết quả"), ("1", "Quy hoạch", "Đạt"), ("2", "Giao thông", "Đạt"),
       ("STT", "Tên tiêu chí", "Kết quả"), ("10", "Thu nhập", "Chưa đạt"), ("11", "Nghèo đa chiều", "Đạt")]],
     ([1, 2, 11], [10], [])),
    ([[("STT", "Tên tiêu chí", "Kết quả"), ("1", "Quy hoạch", "Đạt"), ("2", "Giao thông", "Đạt")],
      [("STT", "Tên tiêu chí", "Kết quả"), ("10", "Thu nhập", "Chưa đạt"), ("11", "Nghèo đa chiều", "Đạt")]],
     ([1, 2, 11], [10], [])),
    # group rows (merged across the table, no status of their own) between the criteria
    ([[("TT", "Tên tiêu chí", "Kết quả đánh giá"), ("I", "QUY HOẠCH", ""), ("1", "Quy hoạch", "Đạt"),
       ("II", "HẠ TẦNG KINH TẾ - XÃ HỘI", ""), ("2", "Giao thông", "Đạt"), ("3", "Thủy lợi", "Chưa đạt")]],
     ([1, 2], [3], [])),
    ([[("TT", "Tiêu chí", "Đạt", "Chưa đạt"), ("1", "Quy hoạch", "✓", ""), ("10", "Thu nhập", "", "✓")]],
     ([1], [10], [])),
    ([[("TT", "Tên tiêu chí", "Kết quả"), ("1", "Quy hoạch", "Đạt chuẩn"), ("10", "Thu nhập", "Chưa đạt chuẩn")]],
     ([1], [10], [])),
    ([[("TT", "Nội dung tiêu chí", "Kết quả thực hiện", "Đánh giá"), ("1", "Tiêu chí số 1 - Quy hoạch",
       "Quy hoạch được phê duyệt", "Hoàn thành"), ("10", "Tiêu chí số 10 - Thu nhập", "45 triệu đồng",
       "Chưa hoàn thành")]], ([1], [10], [])),
    # a closing summary table after the body
    (["PHỤ LỤC: TỔNG HỢP KẾT QUẢ THỰC HIỆN BỘ TIÊU CHÍ", [("Số TT", "Tên tiêu chí", "Tự đánh giá"),
       ("1", "Quy hoạch", "Đạt"), ("2", "Giao thông", "Đạt"), ("17", "Môi trường", "Chưa đạt")]], ([1, 2], [17], [])),
])
def test_tables_of_other_layouts(items: list[str | list[Row]], expected: Answer) -> None:
    assert answer(items) == expected


@pytest.mark.parametrize("items", [
    # a table of figures whose "Ghi chú" says how a figure was measured, not a status
    [[("TT", "Nội dung", "Đơn vị", "Kết quả", "Ghi chú"), ("1", "Đường xã được nhựa hóa", "km", "12,5", "Đạt 100%"),
      ("2", "Hộ sử dụng nước sạch", "hộ", "450", "")]],
    # a table of villages
    [[("TT", "Tên thôn", "Kết quả"), ("1", "Thôn Đông", "Đạt"), ("2", "Thôn Tây", "Chưa đạt")]],
])
def test_tables_of_other_things_state_nothing(items: list[str | list[Row]]) -> None:
    assert answer(items) == NOTHING


# --- 5. lists numbered with Roman numerals, letters, "1.1." ---

@pytest.mark.parametrize("items, expected", [
    (["I. Các tiêu chí đã đạt:", "1. Quy hoạch;", "2. Giao thông;", "3. Điện.", "II. Các tiêu chí chưa đạt:",
      "a) Thu nhập;", "b) Môi trường và an toàn thực phẩm."], ([1, 2, 4], [10, 17], [])),
    (["Các tiêu chí chưa đạt gồm:", "a. Tiêu chí số 10 - Thu nhập;", "b. Tiêu chí số 17 - Môi trường."],
     ([], [10, 17], [])),
    (["1. Các tiêu chí đã đạt (03 tiêu chí):", "1.1. Quy hoạch", "1.2. Giao thông", "1.3. Y tế"], ([1, 2, 15], [], [])),
    (["Tiêu chí chưa đạt:", "- TC 10: Thu nhập;", "- TC 17: Môi trường."], ([], [10, 17], [])),
    (["Những tiêu chí đã đạt:", "(1) Quy hoạch; (2) Giao thông; (3) Thủy lợi và phòng, chống thiên tai."],
     ([1, 2, 3], [], [])),
    (["Các tiêu chí đạt chuẩn:", "i) Quy hoạch;", "ii) Giao thông;", "iii) Điện."], ([1, 2, 4], [], [])),
    (["A. CÁC TIÊU CHÍ ĐÃ ĐẠT", "1. Tiêu chí số 1 - Quy hoạch", "2. Tiêu chí số 2 - Giao thông",
      "B. CÁC TIÊU CHÍ CHƯA ĐẠT", "1. Tiêu chí số 10 - Thu nhập"], ([1, 2], [10], [])),
    (["Các tiêu chí đã đạt:", "I. Quy hoạch", "II. Giao thông", "III. Thủy lợi"], ([1, 2, 3], [], [])),
])
def test_lists_of_mixed_numbering(items: list[str | list[Row]], expected: Answer) -> None:
    assert answer(items) == expected


# --- 6. counts: "hoàn thành", "giữ vững", "được thẩm định", "trừ" ---

@pytest.mark.parametrize("line, expected, count", [
    ("Đến nay xã đã hoàn thành 17/19 tiêu chí.", NOTHING, 17),
    ("Xã tiếp tục giữ vững 19/19 tiêu chí nông thôn mới.", (ALL, [], []), 19),
    ("Xã được thẩm định đạt 19/19 tiêu chí.", (ALL, [], []), 19),
    ("Xã duy trì và giữ vững 19/19 tiêu chí.", (ALL, [], []), 19),
    ("Xã giữ vững 17 tiêu chí đã đạt.", NOTHING, 17),
    ("Số tiêu chí đạt chuẩn đến thời điểm báo cáo: 17/19 tiêu chí (tăng 2 tiêu chí so với năm 2022).", NOTHING, 17),
    ("Xã đạt 17/19 tiêu chí, tăng 02 tiêu chí so với cùng kỳ.", NOTHING, 17),
    ("Xã đạt 17 tiêu chí, trừ tiêu chí Thu nhập và tiêu chí Môi trường.", (REST, [10, 17], []), 17),
    ("Xã đã đạt 18/19 tiêu chí (trừ tiêu chí Thu nhập).", (but(10), [10], []), 18),
    ("Toàn bộ 19 tiêu chí đều đã đạt chuẩn.", (ALL, [], []), 19),
    ("Xã đã hoàn thành toàn bộ 19/19 tiêu chí xã nông thôn mới.", (ALL, [], []), 19),
    ("Kết quả: xã đạt 17/19 tiêu chí, còn 02 tiêu chí chưa đạt là Thu nhập và Môi trường và an toàn thực phẩm.",
     (REST, [10, 17], []), 17),
    ("Năm 2022, xã đạt 15/19 tiêu chí; năm 2023 đạt 17/19 tiêu chí.", NOTHING, 17),
    ("So với năm 2022 (đạt 15 tiêu chí), năm 2023 xã đạt 17 tiêu chí.", NOTHING, 17),
])
def test_counts_kept_completed_and_appraised(line: str, expected: Answer, count: int) -> None:
    c = read([line])
    assert (sorted(c.met), sorted(c.unmet), sorted(c.basically_met)) == expected
    assert c.met_count_claimed == count


@pytest.mark.parametrize("line, expected", [
    ("Tiêu chí số 5 - Trường học được Sở Giáo dục và Đào tạo thẩm định đạt.", ([5], [], [])),
    ("Xã đạt chuẩn tiêu chí số 6 về Cơ sở vật chất văn hóa.", ([6], [], [])),
    ("Các tiêu chí đều đạt, trừ tiêu chí số 10 (Thu nhập).", (but(10), [10], [])),
    ("Tiêu chí Giao thông đã được Đoàn thẩm định của huyện đánh giá đạt.", ([2], [], [])),
    ("Năm 2023, tiêu chí số 10 - Thu nhập đạt (năm 2022 chưa đạt).", ([10], [], [])),
    ("Tiêu chí số 5 - Trường học: năm 2023 đạt.", ([5], [], [])),
])
def test_single_criteria_appraised_and_exceptions(line: str, expected: Answer) -> None:
    assert answer([line]) == expected


@pytest.mark.parametrize("line", [
    "Đến cuối năm 2022 xã đạt 15/19 tiêu chí.",
    "Tiêu chí số 5 - Trường học: năm 2022 đạt.",
    "Tiêu chí Thu nhập năm 2022 chưa đạt.",
    "Trong năm 2022 đã hoàn thành tiêu chí số 5 - Trường học.",
])
def test_an_earlier_year_states_nothing_now(line: str) -> None:
    c = read([line])
    assert (c.met, c.unmet, c.met_count_claimed) == ([], [], None)


# --- 7. statuses of the district, the province, other communes ---

@pytest.mark.parametrize("line", [
    "Huyện đã đạt 9/9 tiêu chí huyện nông thôn mới.",
    "Toàn tỉnh có 85% số xã đạt chuẩn nông thôn mới.",
    "Tiêu chí số 1 về Quy hoạch của huyện: đạt.",
    "Bình quân toàn huyện đạt 17,5 tiêu chí/xã.",
    "Tỉnh đã có 5 huyện đạt chuẩn nông thôn mới, 300 xã đạt 19/19 tiêu chí.",
    "Thị xã đạt 9/9 tiêu chí thị xã hoàn thành nhiệm vụ xây dựng nông thôn mới.",
    "Theo báo cáo của tỉnh, 12 xã đạt 19 tiêu chí.",
    "Các xã trên địa bàn huyện bình quân đạt 16 tiêu chí.",
    "Huyện được công nhận đạt chuẩn huyện nông thôn mới năm 2023.",
    "Huyện đạt tiêu chí số 2 về Giao thông của bộ tiêu chí huyện nông thôn mới.",
])
def test_statuses_of_the_district_or_province_state_nothing(line: str) -> None:
    c = read([line])
    assert (c.met, c.unmet, c.met_count_claimed) == ([], [], None)


# --- 8. criteria groups: a group's count is not the commune's ---

@pytest.mark.parametrize("line, unmet", [
    ("Nhóm quy hoạch: 1/1 tiêu chí đạt; nhóm hạ tầng kinh tế - xã hội: 7/8 tiêu chí đạt (chưa đạt tiêu chí số 3); "
     "nhóm kinh tế và tổ chức sản xuất: 3/4 tiêu chí đạt (chưa đạt tiêu chí số 10).", [3, 10]),
    ("Nhóm hạ tầng kinh tế - xã hội đạt 8/8 tiêu chí; nhóm kinh tế và tổ chức sản xuất đạt 3/4 tiêu chí, còn "
     "tiêu chí Thu nhập chưa đạt.", [10]),
])
def test_a_groups_count_is_no_count_of_the_commune(line: str, unmet: list[int]) -> None:
    c = read([line])
    assert (sorted(c.unmet), c.met_count_claimed, c.unmet_count_claimed) == (unmet, None, None)


# --- 9. progress in percent is no status ---

@pytest.mark.parametrize("line", [
    "Tiêu chí Giao thông đạt 80% khối lượng.",
    "Tiêu chí số 17 mới đạt 70% yêu cầu.",
    "Tiêu chí số 2 - Giao thông: khối lượng thực hiện đạt 90% so với yêu cầu.",
    "Tiêu chí số 10 đạt 95% mục tiêu đề ra.",
    "Tiêu chí Môi trường: tỷ lệ hộ dùng nước sạch đạt 98%.",
    "Tiêu chí số 6 hoàn thành 75% khối lượng công việc.",
    "Tiêu chí Thu nhập: đạt 46/50 triệu đồng, bằng 92% yêu cầu.",
    "Tiêu chí số 2 đạt khoảng 85%.",
    # keeping the criteria without a subject is a task of the plan ("Duy trì 14 tiêu chí đã đạt")
    "Duy trì và giữ vững 19/19 tiêu chí.",
])
def test_progress_in_percent_is_no_status(line: str) -> None:
    assert answer([line]) == NOTHING


# --- 10. a PDF's wrapped line after a label's colon or an open word; a list one item per line ---

@pytest.mark.parametrize("text, expected", [
    ("Tiêu chí số 10 - Thu nhập:\nChưa đạt.", ([], [10], [])),
    ("Tiêu chí số 2 - Giao thông:\nĐường xã 100% được nhựa hóa → Đạt.", ([2], [], [])),
    ("Xã chưa đạt tiêu chí\nMôi trường và an toàn thực phẩm.", ([], [17], [])),
    ("Xã đã đạt các tiêu chí từ TC1 đến\nTC9.", (list(range(1, 10)), [], [])),
    # the list after the colon, one item per line, with or without bullets, stays a list
    ("Các tiêu chí đã đạt:\n- Quy hoạch;\n- Giao thông;\n- Điện.", ([1, 2, 4], [], [])),
    ("Các tiêu chí chưa đạt:\nThu nhập\nMôi trường", ([], [10, 17], [])),
    ("Các tiêu chí chưa đạt:\n1. Thu nhập;\n2. Môi trường.", ([], [10, 17], [])),
])
def test_wrapped_lines_and_lists_one_per_line(text: str, expected: Answer) -> None:
    assert answer([text]) == expected


# --- 11. capitals, Title Case and a report typed without marks ---

def unmarked(line: str) -> str:
    decomposed = unicodedata.normalize("NFD", line.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@pytest.mark.parametrize("line, expected, count", [
    # a recognition in capitals: the words a pattern needs are looked for in any case
    ("XÃ ĐẠT CHUẨN NÔNG THÔN MỚI NĂM 2023.", (ALL, [], []), 19),
    ("Xã Đạt Chuẩn Nông Thôn Mới Năm 2023.", (ALL, [], []), 19),
    # a verb in a Title Case sentence is no commune's name ("Xã Có ...")
    ("Đến Nay Xã Có 17 Tiêu Chí Đạt, Còn Tiêu Chí 10 Và 17 Chưa Đạt.", (REST, [10, 17], []), 17),
])
def test_capitals_and_title_case(line: str, expected: Answer, count: int) -> None:
    c = read([line])
    assert ((sorted(c.met), sorted(c.unmet), sorted(c.basically_met)), c.met_count_claimed) == (expected, count)


@pytest.mark.parametrize("line, expected", [
    # "thứ" read folded is "thu": no opener of the clause "Thu nhap chua dat"
    ("Các tiêu chí: Quy hoạch, Giao thông đạt; Thu nhập chưa đạt.", ([1, 2], [10], [])),
    # "cơ bản" read folded is "co ban": no village ("có bản ...") before the status
    ("Đến nay xã có 16 tiêu chí đạt, 2 tiêu chí cơ bản đạt và 1 tiêu chí chưa đạt (tiêu chí 10 – Thu nhập).",
     ([], [10], [])),
])
def test_a_report_without_marks_reads_the_same(line: str, expected: Answer) -> None:
    header = [unmarked(h) for h in HEADER]
    c = outline_to_criteria(document_to_outline(Document("mem.txt", "txt", "0", [
        Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate([*header, unmarked(line)])])))
    assert (sorted(c.met), sorted(c.unmet), sorted(c.basically_met)) == expected
    assert answer([line]) == expected


# --- 12. more summaries: bracketed statuses, counts with exceptions, a status revised later ---

@pytest.mark.parametrize("line, expected, count", [
    ("Tiêu chí số 1, 2, 3, 4, 5 (đạt); tiêu chí số 10 (chưa đạt).", ([1, 2, 3, 4, 5], [10], []), None),
    ("Tiêu chí đạt chuẩn: 17/19 (trừ TC10, TC17).", (REST, [10, 17], []), 17),
    ("- 17/19 tiêu chí đạt chuẩn (89,47%).", NOTHING, 17),
    ("Kết quả rà soát: đạt 17/19 tiêu chí; không đạt: tiêu chí số 10 (Thu nhập), tiêu chí số 17 (Môi trường).",
     (REST, [10, 17], []), 17),
    ("Xã đã hoàn thành 19/19 tiêu chí và được UBND tỉnh công nhận đạt chuẩn NTM năm 2023.", (ALL, [], []), 19),
    ("Tính đến 31/12/2023, xã đạt 17/19 tiêu chí.", NOTHING, 17),
    ("Tiêu chí số 17: Chưa đạt (cơ bản đạt 15/17 chỉ tiêu).", ([], [17], []), None),
    ("Tiêu chí số 13: Đạt (có 02 HTX hoạt động hiệu quả, 01 sản phẩm OCOP 3 sao).", ([13], [], []), None),
    ("- Tiêu chí số 6 về Cơ sở vật chất văn hóa: Đạt chuẩn theo quy định.", ([6], [], []), None),
    ("Xã còn 02/19 tiêu chí chưa đạt (TC số 10 và TC số 17).", ([], [10, 17], []), None),
    ("Các tiêu chí 10 và 17 được đánh giá chưa đạt.", ([], [10, 17], []), None),
    ("Tiêu chí 10 - Thu nhập: chưa đạt; Tiêu chí 17 - Môi trường: chưa đạt; các tiêu chí còn lại: đạt.",
     (REST, [10, 17], []), None),
    ("Tiêu chí Thu nhập (tiêu chí 10) chưa đạt, dự kiến đạt vào năm 2024.", ([], [10], []), None),
    ("Đến nay, xã đã đạt 19/19 tiêu chí theo Bộ tiêu chí xã NTM giai đoạn 2021-2025.", (ALL, [], []), 19),
    ("Xã đạt 17/19 tiêu chí NTM (đạt 89,5%).", NOTHING, 17),
    ("Huyện đạt chuẩn huyện NTM năm 2022; riêng xã đạt 19/19 tiêu chí.", (ALL, [], []), 19),
    ("Số tiêu chí đạt: 17/19; số tiêu chí chưa đạt: 02 (Thu nhập; Môi trường và an toàn thực phẩm).",
     (REST, [10, 17], []), 17),
    ("Xã đã đạt chuẩn 17/19 tiêu chí, trong đó tiêu chí Thu nhập và Môi trường chưa đạt.", (REST, [10, 17], []), 17),
    ("Tiêu chí Giao thông: đạt 100% khối lượng; tự đánh giá: đạt.", ([2], [], []), None),
    # an earlier year's status, then the report's time's in the same clause
    ("Tiêu chí số 10 (Thu nhập) năm 2022 đã đạt nhưng năm 2023 không còn đạt.", ([], [10], []), None),
    ("Tiêu chí số 10 năm 2022 chưa đạt, đến năm 2023 đã đạt.", ([10], [], []), None),
    ("Tiêu chí Thu nhập năm 2021 chưa đạt, năm 2022 đạt.", NOTHING, None),
])
def test_more_summaries_and_revised_statuses(line: str, expected: Answer, count: int | None) -> None:
    c = read([line])
    assert (sorted(c.met), sorted(c.unmet), sorted(c.basically_met)) == expected
    if count is not None:
        assert c.met_count_claimed == count


# --- 13. the unmet criteria named inside a plan for them: unmet now ---

@pytest.mark.parametrize("line", [
    "Các tiêu chí chưa đạt (Thu nhập, Môi trường) xã phấn đấu hoàn thành trong năm 2024.",
    "Hai tiêu chí còn lại là Thu nhập và Môi trường, xã phấn đấu hoàn thành trong năm 2024.",
    "Xã tiếp tục phấn đấu hoàn thành 02 tiêu chí chưa đạt là tiêu chí số 10 và tiêu chí số 17.",
    "Đối với 02 tiêu chí chưa đạt (TC10, TC17), xã đã xây dựng kế hoạch thực hiện.",
    "Tiêu chí Thu nhập và Môi trường chưa đạt, xã đề ra lộ trình hoàn thành vào năm 2024.",
    "Còn thiếu 02 tiêu chí (Thu nhập; Môi trường và an toàn thực phẩm), dự kiến hoàn thành năm 2024.",
    "Những tiêu chí xã chưa đạt gồm tiêu chí 10, 17; dự kiến năm 2024 sẽ hoàn thành.",
    "Các tiêu chí cần tiếp tục phấn đấu: Thu nhập, Môi trường.",
    "Xã còn 2 tiêu chí phải tiếp tục thực hiện là Thu nhập và Môi trường.",
    "Hiện còn 02 tiêu chí chưa hoàn thành gồm: Thu nhập và Môi trường.",
    # "chưa về đích" is unmet, never "về đích" (met) after noise
    "Các tiêu chí chưa về đích: tiêu chí 10, tiêu chí 17.",
])
def test_unmet_criteria_inside_a_plan_are_unmet_now(line: str) -> None:
    assert answer(["Đến nay xã đạt 17/19 tiêu chí.", line]) == (REST, [10, 17], [])


@pytest.mark.parametrize("line", [
    "Phấn đấu năm 2024 hoàn thành tiêu chí Thu nhập và tiêu chí Môi trường.",
    "Xã phấn đấu đạt thêm tiêu chí 10 và 17.",
    "Năm 2024 sẽ không còn tiêu chí nào chưa đạt.",
])
def test_a_plan_to_meet_criteria_is_no_status(line: str) -> None:
    assert answer([line]) == NOTHING
