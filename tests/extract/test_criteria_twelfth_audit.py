"""Criteria forms the reader missed (audit of the twelfth held-out bank):

- a notebook's "tchí 4" (an abbreviation of "tiêu chí") and a count crossed out and written over;
- a bilingual partner's report: "has met N tiêu chí", "N/19 tiêu chí met", "Not yet met",
  "Criterion N (Name)", a count at the "endline" beside the "baseline";
- "tiêu chí có số 7", "tiêu chí mã số 7", ranges "từ tiêu chí có số 1 cho tới tiêu chí có số 5";
- a steering committee's chat: criteria tagged with their number in brackets after an
  abbreviation or a name ("HTTM(7)", "Nhà ở(9)") and "còn lại đạt hết";
- a public notice after comments: names asked to be made clear, then confirmed through "các
  tiêu chí này đúng là chưa đạt", and the count kept ("số tiêu chí đạt giữ nguyên");
- names with their item number after a dash ("Y tế – mục 15"), the report's own commune named
  before a list's status (another commune's list is none), an apposition ", là những tiêu chí
  xã còn chưa đạt" after a list, a Party directive "tập trung lãnh đạo hoàn thành" (a plan);
- tables: "TT tiêu chí" / "Nội dung phải đạt" headers with mark columns, an appraiser's
  scoring sheet (item, criterion to score, the scale, the member's conclusion), "Được chấm
  đạt" / "Không được chấm đạt".

Every statement is written for these tests (none is copied from a report). The report is of
2023, its commune "Thử Nghiệm"; the set has 19 criteria.
"""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, CellPosition, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.extract.period import outline_to_period
from extractor.structure.outline import document_to_outline
from tests.extract.test_criteria_unseen_forms import HEADER, NOTHING, Answer, answer, but, read

# ------------------------------------------------------------------ a notebook's abbreviation


def test_a_notebook_abbreviation_of_the_word_before_numbers_and_a_range() -> None:
    items = ["Số tc đạt: 4 tiêu chí — tchí 2→tchí 4, tchí 9",
             "Số tc chưa đạt: 15 tiêu chí — tchí 1, tchí 5→tchí 8, tchí 10→tchí 19"]
    assert answer(items) == ([2, 3, 4, 9], [1, 5, 6, 7, 8, *range(10, 20)], [])


def test_a_notebook_abbreviation_before_a_year_is_none() -> None:
    assert answer(["Theo tchí 2023 của tỉnh, xã đã hoàn thành hồ sơ."]) == NOTHING


def test_a_count_crossed_out_gives_way_to_the_one_written_over_it() -> None:
    items = ["Đạt: 12 tiêu chí (số này bị gạch, ghi đè lại thành 16 tiêu chí)",
             "Chưa đạt: tiêu chí 4, tiêu chí 10, tiêu chí 17"]
    c = read(items)
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(4, 10, 17), [4, 10, 17], 16)


def test_a_count_not_crossed_out_stays_the_count() -> None:
    c = read(["Đạt: 12 tiêu chí (số liệu đã đối chiếu)"])
    assert c.met_count_claimed == 12


# ------------------------------------------------------------------ a bilingual partner's report


def test_english_met_before_a_count_and_its_list_of_criterion_numbers() -> None:
    items = ["Result for the donor: the commune has met 3 tiêu chí — Criterion 2 (Giao thông); "
             "Criterion 4 (Điện); Criterion 9 (Nhà ở dân cư).",
             "Not yet met / chưa đạt (16 tiêu chí): the remaining criteria."]
    assert answer(items)[0] == [2, 4, 9]


def test_english_met_after_a_count_with_the_unmet_named_fills_the_rest() -> None:
    items = ["Status: 17/19 tiêu chí met; chưa đạt: Criterion 10 (Thu nhập); Criterion 16 (Văn hóa)."]
    assert answer(items) == (but(10, 16), [10, 16], [])


def test_not_yet_met_is_unmet() -> None:
    items = ["Not yet met (02 tiêu chí): Criterion 5 (Trường học); Criterion 15 (Y tế)."]
    assert answer(items) == ([], [5, 15], [])


def test_a_next_phase_target_names_no_status() -> None:
    assert answer(["Next phase target (mục tiêu, not a result yet): Criterion 13 (Tổ chức sản xuất)."]) == NOTHING


def test_the_endline_count_is_the_count_met_now() -> None:
    items = ["Baseline (năm 2020): 06 tiêu chí; endline (năm 2023): 17/19 tiêu chí.",
             "Remaining gaps, i.e. criteria chưa đạt: Criterion 7 (Cơ sở hạ tầng thương mại nông thôn); "
             "Criterion 11 (Nghèo đa chiều)."]
    c = read(items)
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(7, 11), [7, 11], 17)


def test_a_baseline_count_alone_is_no_claim() -> None:
    c = read(["Baseline (năm 2020): đạt 06 tiêu chí."])
    assert (c.met_count_claimed, c.met) == (None, [])


def test_an_endline_measure_that_is_no_count_is_none() -> None:
    assert read(["Endline (năm 2023): 85% hộ dùng nước sạch."]).met_count_claimed is None


# ------------------------------------------------------------------ numbers said with "có số", "mã số"


def test_a_criterion_said_by_the_number_it_has() -> None:
    items = ["Năm nay xã đạt 18/19 tiêu chí; tiêu chí chưa đạt là tiêu chí có số 6."]
    assert answer(items) == (but(6), [6], [])


def test_ranges_of_criteria_said_by_their_numbers_up_to_another() -> None:
    items = ["Khảo sát cho thấy xã đạt 9 tiêu chí, cụ thể: từ tiêu chí có số 01 cho tới tiêu chí có số 04, "
             "tiêu chí có số 08, từ tiêu chí có số 13 cho tới tiêu chí có số 16."]
    assert answer(items) == ([1, 2, 3, 4, 8, 13, 14, 15, 16], [], [])


def test_criteria_said_by_their_code_numbers() -> None:
    items = ["Chưa đạt 3 tiêu chí: tiêu chí mã số 5, tiêu chí mã số 12, tiêu chí mã số 18."]
    assert answer(items) == ([], [5, 12, 18], [])


# ------------------------------------------------------------------ a committee's chat


def test_abbreviations_tagged_with_their_numbers_after_a_count() -> None:
    items = ["[Bí thư]: Mọi người ơi, xã mình đạt 16/19 tiêu chí rồi.",
             "[Cán bộ địa chính]: Vâng, còn GDĐT(14), VH(16), ANTT(19) là chưa đạt ạ."]
    assert answer(items) == (but(14, 16, 19), [14, 16, 19], [])


def test_a_name_tagged_with_its_number_and_the_rest_met() -> None:
    items = ["[Phó Chủ tịch]: Chốt lại: Điện(4) + TTTT(8) chưa đạt, YT(15) mới cơ bản đạt, còn lại đạt hết."]
    assert answer(items) == (but(4, 8, 15), [4, 8], [15])


def test_a_name_tagged_with_another_criterion_number_is_no_reference() -> None:
    # "Điện" is criterion 4: tagged 9 it is no reference of either
    assert answer(["[Cán bộ]: Điện(9) chưa đạt ạ."]) == NOTHING


def test_a_word_with_one_capital_tagged_with_a_number_is_no_reference() -> None:
    assert answer(["[Văn thư]: Phụ lục(3) chưa đạt yêu cầu thể thức, em sửa lại ạ."]) == NOTHING


def test_the_rest_all_met_needs_the_end_of_its_clause() -> None:
    items = ["Tiêu chí 3 và tiêu chí 12 chưa đạt, còn lại đạt hết kế hoạch vốn giao."]
    assert answer(items) == ([], [3, 12], [])


# ------------------------------------------------------------------ a notice after comments


def test_names_asked_to_be_made_clear_then_confirmed_unmet_and_the_count_kept() -> None:
    items = ["Hết thời hạn lấy ý kiến, có ý kiến đề nghị làm rõ tiêu chí về lĩnh vực thu nhập; tiêu chí về "
             "lĩnh vực môi trường; Ban quản lý xác nhận các tiêu chí này đúng là chưa đạt, số tiêu chí đạt "
             "giữ nguyên 17/19 tiêu chí."]
    c = read(items)
    assert (sorted(c.met), sorted(c.unmet), c.met_count_claimed) == (but(10, 17), [10, 17], 17)


def test_fields_asked_to_be_made_clear_then_confirmed_unmet() -> None:
    items = ["Có ý kiến đề nghị làm rõ mảng “Điện”; mảng “Y tế”; UBND xã khẳng định các tiêu chí này vẫn chưa đạt."]
    assert answer(items) == ([], [4, 15], [])


def test_a_count_after_a_request_in_its_own_clause_is_still_a_plan() -> None:
    assert read(["Xã đề nghị huyện thẩm định, số tiêu chí đạt dự kiến 17/19 tiêu chí."]).met_count_claimed is None


def test_a_verdict_not_scored_as_met_is_unmet() -> None:
    items = ["Tiêu chí số 6 về Cơ sở vật chất văn hóa", "- Nhà văn hóa xã đã xuống cấp.",
             "- Ý kiến của tổ thẩm định: Không được chấm đạt"]
    assert answer(items) == ([], [6], [])


def test_a_verdict_scored_as_met_is_met() -> None:
    items = ["Tiêu chí số 6 về Cơ sở vật chất văn hóa", "- Nhà văn hóa xã mới xây.",
             "- Ý kiến của tổ thẩm định: Được chấm đạt"]
    assert answer(items) == ([6], [], [])


# ------------------------------------------------------------------ names, communes, appositions


def test_names_with_their_item_number_after_a_dash() -> None:
    items = ["Xã Thử Nghiệm đạt 17/19 tiêu chí; tiêu chí xã Thử Nghiệm chưa đạt là Điện – mục 4; "
             "Văn hóa – mục 16."]
    assert answer(items) == (but(4, 16), [4, 16], [])


def test_a_list_of_another_named_commune_is_none() -> None:
    assert answer(["Tiêu chí xã Bình Minh chưa đạt là Điện – mục 4; Văn hóa – mục 16."]) == NOTHING


def test_a_dash_before_a_bare_number_after_a_name_is_no_item_number() -> None:
    # "Giao thông – 15" is no "mục": only criterion 2 is named
    assert answer(["Tiêu chí chưa đạt là Giao thông – 15 km đường chưa cứng hóa."])[1] == [2]


def test_a_list_then_an_apposition_that_says_it_is_unmet() -> None:
    items = ["Doanh nghiệp sẽ tập trung hỗ trợ cho tiêu chí về lĩnh vực Điện; tiêu chí về lĩnh vực Y tế, "
             "là những tiêu chí xã còn chưa đạt."]
    assert answer(items) == ([], [4, 15], [])


def test_a_party_directive_to_complete_names_no_status() -> None:
    items = ["Đảng ủy yêu cầu từ nay đến cuối nhiệm kỳ tập trung lãnh đạo hoàn thành mảng “Điện”; mảng “Y tế”; "
             "hiện các tiêu chí 4; 15 vẫn chưa đạt."]
    assert answer(items) == ([], [4, 15], [])


# ------------------------------------------------------------------ tables


def test_a_table_headed_by_the_criterion_row_number_and_the_content_to_meet() -> None:
    rows = [("TT tiêu chí", "Nội dung phải đạt", "Đạt yêu cầu", "Đạt mức cơ bản", "Chưa đạt yêu cầu")]
    for n, name in ((1, "Quy hoạch"), (2, "Giao thông"), (3, "Thủy lợi"), (4, "Điện")):
        rows.append((str(n), name, "x" if n != 3 else "", "", "x" if n == 3 else ""))
    assert answer([rows]) == ([1, 2, 4], [3], [])


def test_a_scoring_sheet_reads_the_members_conclusion_not_the_scale() -> None:
    rows = [("Mục chấm", "Tiêu chí cần chấm", "Thang điểm", "Điểm kết luận của thành viên"),
            ("1", "Quy hoạch", "Đạt / Không đạt", "Được chấm đạt"),
            ("2", "Giao thông", "Đạt / Không đạt", "Không được chấm đạt"),
            ("3", "Thủy lợi", "Đạt / Không đạt", "Đạt – giữ vững"),
            ("4", "Điện", "Đạt / Không đạt", "Chưa đạt (cần bổ sung)")]
    assert answer([rows]) == ([1, 3], [2, 4], [])


def test_a_name_then_its_reference_after_a_dash_stays_a_list_of_its_own() -> None:
    # regression: the dash before an item number ("– mục 15") took "- TC12" as the name's own
    # number and broke the exception list it stands in
    items = ["- Ngoại trừ Điện - TC4; Lao động có việc làm - TC12; Y tế - TC15, tất cả các tiêu chí còn lại "
             "của xã đều đạt."]
    assert answer(items) == (but(4, 12, 15), [4, 12, 15], [])


# ------------------------------------------------------------------ PDF tables kept whole


def _cells_document(cells: list[tuple[str, tuple[int, int, int]]]) -> Answer:
    """HEADER and table cells given with their (table, row, column), read from a PDF."""
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(HEADER)]
    for text, pos in cells:
        blocks.append(Block(len(blocks), BlockKind.TABLE_CELL, text, cell=CellPosition(*pos)))
    outline = document_to_outline(Document("mem.pdf", "pdf", "0", blocks))
    c = outline_to_criteria(outline, outline_to_period(outline), None)
    return sorted(c.met), sorted(c.unmet), sorted(c.basically_met)


def test_a_header_row_alone_is_no_header_of_the_next_table() -> None:
    # the PDF reader keeps a table whole: a table of one header row is a table of its own, and
    # the table after it is read with its own first row (the carried header is gone)
    cells = [("Mốc", (0, 0, 0)), ("Số tiêu chí đạt", (0, 0, 1)), ("Ghi chú", (0, 0, 2)),
             ("Năm 2023", (1, 0, 0)), ("3 tiêu chí", (1, 0, 1)), ("Gồm Điện; Trường học; Y tế", (1, 0, 2))]
    assert _cells_document(cells) == NOTHING


# ------------------------------------------------------------------ totals, standards, what is left


def test_a_totals_rows_unmet_count_takes_its_own_cells_status() -> None:
    rows = [("STT", "Tên tiêu chí", "Kết quả"), ("1", "Quy hoạch", "Đạt"), ("2", "Giao thông", "Chưa đạt"),
            ("Tổng cộng", "14 tiêu chí đạt", "5 tiêu chí chưa đạt")]
    c = read([rows])
    assert (c.met_count_claimed, c.unmet_count_claimed) == (14, 5)


def test_a_count_cell_after_a_status_cell_takes_that_status() -> None:
    c = read([[("Kết quả", "Số lượng", "Gồm"), ("Chưa đạt", "02 tiêu chí", "Thu nhập, Y tế")]])
    assert (c.unmet_count_claimed, sorted(c.unmet)) == (2, [10, 15])


def test_a_column_of_the_level_required_gives_no_verdict() -> None:
    rows = [("STT", "Tên tiêu chí", "Mức độ cần đạt"), ("1", "Quy hoạch", "Đạt"), ("2", "Giao thông", "Đạt"),
            ("3", "Thủy lợi", "Đạt")]
    assert answer([rows]) == NOTHING


def test_a_column_of_the_level_required_beside_the_result_column() -> None:
    rows = [("STT", "Tên tiêu chí", "Mức độ cần đạt", "Kết quả"), ("1", "Quy hoạch", "Đạt", "Chưa đạt"),
            ("2", "Giao thông", "Đạt", "Đạt"), ("3", "Thủy lợi", "Đạt", "Đạt")]
    assert answer([rows]) == ([2, 3], [1], [])


def test_the_rest_named_with_a_plan_for_them_is_unmet() -> None:
    items = ["Đến nay xã đã đạt 17/19 tiêu chí, còn lại tiêu chí 8 và 13 phấn đấu hoàn thành trong năm 2024."]
    assert answer(items) == (but(8, 13), [8, 13], [])


def test_the_rest_named_by_name_with_a_plan_and_its_time_is_unmet() -> None:
    items = ["Xã đạt 17/19 tiêu chí, còn lại tiêu chí Điện và Văn hóa phấn đấu hoàn thành năm tới."]
    assert answer(items) == (but(4, 16), [4, 16], [])


def test_the_rest_named_with_a_status_of_their_own_keeps_it() -> None:
    assert answer(["Còn lại tiêu chí 8, 13 đã đạt, sẽ giữ vững."]) == ([8, 13], [], [])
