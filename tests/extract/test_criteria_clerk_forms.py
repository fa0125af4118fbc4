"""Criteria statements as a commune clerk may write them, beyond the generator's bank:
metamorphic pairs. Each class of equivalent statements must give the same criteria; a
negation, a plan, another year or another scope (a village) must change them.

Every statement is written for these tests (none is copied from a report).
"""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.structure.outline import document_to_outline

HEADER = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023"]
REST = [n for n in range(1, 20) if n not in (10, 17)]


def answer(lines: list[str]) -> tuple[list[int], list[int], list[int]]:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(HEADER + lines)]
    c = outline_to_criteria(document_to_outline(Document("mem.txt", "txt", "0", blocks)))
    return sorted(c.met), sorted(c.unmet), sorted(c.basically_met)


# All of these say: 17 of 19 met, 10 (Thu nhập) and 17 (Môi trường) unmet.
SEVENTEEN_OF_NINETEEN: list[list[str]] = [
    ["- Xã đạt 17/19 tiêu chí, còn tiêu chí 10 và tiêu chí 17 chưa đạt."],
    # the previous year restated beside this year's
    ["- Năm 2022 xã đạt 15 tiêu chí; năm 2023 xã đạt 17/19 tiêu chí, còn tiêu chí 10 và tiêu chí 17 chưa đạt."],
    # a village's own count beside the commune's
    ["- Thôn Nà Hin đạt 15/19 tiêu chí, chưa đạt tiêu chí số 5.",
     "- Xã đạt 17/19 tiêu chí, còn tiêu chí 10 và tiêu chí 17 chưa đạt."],
    ["- Ấp Tân Hòa chưa đạt tiêu chí số 5 và tiêu chí số 6.",
     "- Xã đạt 17/19 tiêu chí, còn tiêu chí 10 và tiêu chí 17 chưa đạt."],
    # the advanced set's statements beside the basic set's (their numbers are other criteria)
    ["- Xã đạt 17/19 tiêu chí, còn tiêu chí 10 và tiêu chí 17 chưa đạt.",
     "- Đối với Bộ tiêu chí xã NTM nâng cao, xã đã đạt tiêu chí số 1, 2, 3; chưa đạt tiêu chí số 5."],
    ["- Xã đã đạt 17/19 tiêu chí, phấn đấu trở thành xã NTM nâng cao; còn tiêu chí 10 và 17 chưa đạt."],
    # two statements in one sentence, the second list naming "tiêu chí" again
    ["- Xã đã hoàn thành và được công nhận từ tiêu chí số 1 đến tiêu chí số 9; từ tiêu chí số 11 đến "
     "tiêu chí số 16; tiêu chí số 18, 19; tiêu chí số 10, 17 chưa đạt."],
    ["- Xã đã đạt TC1 - TC9, TC11 - TC16, TC18, TC19; TC10 và TC17 chưa đạt."],
    # lists under label lines without a colon, one criterion per bullet
    ["- Các tiêu chí chưa đạt chuẩn", "+ Thu nhập;", "+ Môi trường.", "- Các tiêu chí khác: đạt."],
    ["a) Các tiêu chí chưa đạt", "- Thu nhập;", "- Môi trường.", "b) Các tiêu chí còn lại đều đạt."],
    # loose short names, an Oxford comma, names with their own numbers after a status
    ["- Xã đạt 17/19 tiêu chí; chưa đạt tiêu chí thu nhập, và môi trường."],
    ["- Đến nay xã đạt 17/19 tiêu chí, chưa đạt Thu nhập (10); Môi trường (17); xã tập trung chỉ đạo để "
     "đạt thêm tiêu chí Thu nhập trong thời gian tới."],
    ["- Xã đạt 17/19 tiêu chí. Các tiêu chí chưa được công nhận: Thu nhập, Môi trường."],
    # counts of each status with the unmet list
    ["- Đến nay xã có 17 tiêu chí đạt chuẩn, 2 tiêu chí chưa đạt là Thu nhập và Môi trường."],
    # the ordinal form, one statement per criterion with its name in brackets
    ["- Xã đạt 17/19 tiêu chí; tiêu chí thứ 10, tiêu chí thứ 17 chưa đạt."],
    ["- Tiêu chí số 10 (Thu nhập) chưa đạt.", "- Tiêu chí số 17 (Môi trường) chưa đạt.",
     "- Các tiêu chí còn lại đều đạt."],
]


@pytest.mark.parametrize("lines", SEVENTEEN_OF_NINETEEN, ids=lambda ls: ls[0][:40])
def test_equivalent_statements_give_the_same_criteria(lines):
    assert answer(lines) == (REST, [10, 17], [])


def test_single_numbered_item_opens_a_clause():
    # "số 16" alone after ';' with its own status: a criterion, not a stray number
    lines = ["- Xã được đánh giá đạt 16/19 tiêu chí; số 16 cơ bản đạt; Thu nhập (TC số 10); "
             "Môi trường (TC số 17) chưa đạt."]
    assert answer(lines) == ([n for n in REST if n != 16], [10, 17], [16])


@pytest.mark.parametrize("changed, expected", [
    # a negation: 10 and 17 met, 5 unmet instead
    (["- Xã đạt 18/19 tiêu chí, còn tiêu chí 5 chưa đạt."], ([n for n in range(1, 20) if n != 5], [5], [])),
    # a plan: the list is a target, nothing is stated met or unmet by it
    (["- Năm 2024 xã phấn đấu đạt tiêu chí 10 và tiêu chí 17."], ([], [], [])),
    # another year: an earlier year's list is history
    (["- Năm 2021 xã đã đạt tiêu chí số 1, 2 và 3, chưa đạt tiêu chí số 10."], ([], [], [])),
    # another set: the advanced set's list is not the basic set's
    (["- Xã NTM nâng cao: xã đã đạt tiêu chí số 1, 2 và 3, chưa đạt tiêu chí số 10."], ([], [], [])),
    # another scope: a village's list is not the commune's
    (["- Thôn Nà Hin đã đạt tiêu chí số 1, 2 và 3; tiêu chí số 10 chưa đạt."], ([], [], [])),
])
def test_negation_plan_year_and_scope_change_the_answer(changed, expected):
    assert answer(changed) == expected


def test_two_statements_of_one_sentence_keep_their_statuses():
    assert answer(["- Xã đã hoàn thành và được công nhận tiêu chí số 1, 2 và 3; tiêu chí số 10 chưa đạt."]) \
        == ([1, 2, 3], [10], [])
    # one list with one status after it stays one list
    assert answer(["- Từ tiêu chí 1 đến tiêu chí 3; tiêu chí 10, 11 đã đạt."]) == ([1, 2, 3, 10, 11], [], [])


@pytest.mark.parametrize("lines, expected", [
    # a year fronting the sentence reaches every clause of it
    (["- Năm 2021 xã đạt tiêu chí 1, 2; tiêu chí 10 chưa đạt."], ([], [], [])),
    (["- Tính đến năm 2021, xã đạt tiêu chí 1, 2; tiêu chí 10 chưa đạt."], ([], [], [])),
    # ... until a time marker of its own resets it
    (["- Năm 2021 xã đạt tiêu chí 1, 2; đến nay tiêu chí 10 chưa đạt."], ([], [10], [])),
    (["- Năm 2021 xã đạt tiêu chí 1, 2; năm 2023 tiêu chí 10 chưa đạt."], ([], [10], [])),
    # the report's own year fronting the sentence changes nothing
    (["- Năm 2023 xã đạt tiêu chí 1, 2; tiêu chí 10 chưa đạt."], ([1, 2], [10], [])),
    # a year inside the sentence still reaches only its clause
    (["- Xã đạt tiêu chí 1, 2; năm 2021 tiêu chí 10 chưa đạt."], ([1, 2], [], [])),
])
def test_sentence_initial_year_scopes_the_sentence(lines, expected):
    assert answer(lines) == expected


@pytest.mark.parametrize("lines, expected", [
    # a village named inside the commune's sentence: its statuses are its own
    (["- Xã có thôn Nà Làng đạt tiêu chí số 1, 2 và 3."], ([], [], [])),
    (["- Xã đạt 19/19 tiêu chí, trong đó thôn Bắc Sơn chưa đạt tiêu chí số 5."], (list(range(1, 20)), [], [])),
    (["- Xã đạt 17/19 tiêu chí, còn tiêu chí 10 và tiêu chí 17 chưa đạt; riêng ấp Tân Hòa chưa đạt "
      "tiêu chí số 5."], (REST, [10, 17], [])),
    # counter-examples: the commune's own statuses around words that are no village
    (["- Xã có 17 tiêu chí đạt, tiêu chí 10 và tiêu chí 17 chưa đạt."], (REST, [10, 17], [])),
])
def test_village_inside_a_commune_sentence_is_not_the_commune(lines, expected):
    assert answer(lines) == expected


ALL = list(range(1, 20))


@pytest.mark.parametrize("lines, expected", [
    # a commune that keeps its criteria in the results part states them met
    (["I. KẾT QUẢ THỰC HIỆN", "- Xã tiếp tục duy trì 19/19 tiêu chí."], (ALL, [], [])),
    (["I. KẾT QUẢ THỰC HIỆN", "- Xã tiếp tục giữ vững 19 tiêu chí nông thôn mới."], (ALL, [], [])),
    (["- Năm 2023, xã vẫn duy trì 19/19 tiêu chí xã nông thôn mới."], (ALL, [], [])),
    # counter-examples: the same words as a task, a plan, or a later year are targets
    (["II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", "- Phấn đấu duy trì 19/19 tiêu chí."], ([], [], [])),
    (["II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", "- Xã tiếp tục duy trì 19/19 tiêu chí."], ([], [], [])),
    (["I. KẾT QUẢ THỰC HIỆN", "- Xã phấn đấu duy trì 19/19 tiêu chí."], ([], [], [])),
    (["- Năm 2024 xã duy trì 19/19 tiêu chí."], ([], [], [])),
    (["- Tiếp tục duy trì 19/19 tiêu chí."], ([], [], [])),
])
def test_keeping_criteria_in_results_is_met_in_plans_a_target(lines, expected):
    assert answer(lines) == expected


@pytest.mark.parametrize("lines, expected", [
    # a count checked by the district: the rest of the set beside the named unmet ones
    (["- Xã có 17 tiêu chí đã được UBND huyện thẩm định đạt; tiêu chí 10 và 17 chưa đạt."], (REST, [10, 17], [])),
    (["- Xã đạt 17/19 tiêu chí, còn tiêu chí 10 và tiêu chí 17 chưa đạt."], (REST, [10, 17], [])),
    # names alone, one per line, each with its status in brackets
    (["- Các tiêu chí:", "+ Quy hoạch (đạt);", "+ Giao thông (đạt chuẩn);", "+ Thu nhập (chưa đạt)."],
     ([1, 2], [10], [])),
    (["- Quy hoạch (Đạt)", "- Giao thông (Đạt)", "- Thu nhập (Chưa đạt)"], ([1, 2], [10], [])),
    # counter-examples: a measure in brackets is no status, nor a status followed by more words
    (["- Quy hoạch (đạt 90%);", "- Giao thông (đạt);"], ([2], [], [])),
    (["- Quy hoạch (đạt) về giao thông;"], ([], [], [])),
    # counts split by status name only the unmet one: the met ones stay unnamed
    (["- Đến nay xã có 16 tiêu chí đạt, 2 tiêu chí cơ bản đạt và 1 tiêu chí chưa đạt (tiêu chí 10 – Thu nhập)."],
     ([], [10], [])),
])
def test_more_clerk_forms(lines, expected):
    assert answer(lines) == expected


def test_recognition_in_an_earlier_year_is_not_the_current_state():
    # recognised as a new-countryside commune in 2019: every criterion met then, not said now
    assert answer(["- Xã được công nhận đạt chuẩn NTM năm 2019."]) == ([], [], [])
    # the current statement after it decides
    assert answer(["- Xã được công nhận đạt chuẩn NTM năm 2019; đến nay xã đạt 17/19 tiêu chí, "
                   "tiêu chí 10 và 17 chưa đạt."]) == (REST, [10, 17], [])
    # an earlier year's 19/19 fronting the sentence, reset by "hiện nay"
    assert answer(["- Tính đến năm 2019, xã đạt 19/19 tiêu chí; hiện nay tiêu chí 10 chưa đạt."]) == ([], [10], [])


@pytest.mark.parametrize("lines, expected", [
    # recognised in the report's own year: every criterion of the set met
    (["- Xã được công nhận đạt chuẩn NTM năm 2023."], (ALL, [], [])),
    (["- Năm 2023, xã được UBND tỉnh công nhận đạt chuẩn nông thôn mới."], (ALL, [], [])),
    # counter-examples: not recognised, only proposed, another set, another year, a plan
    (["- Năm 2023, xã chưa được công nhận đạt chuẩn nông thôn mới."], ([], [], [])),
    (["- Năm 2023, UBND xã đề nghị được công nhận đạt chuẩn nông thôn mới."], ([], [], [])),
    (["- Xã được công nhận đạt chuẩn NTM nâng cao năm 2023."], ([], [], [])),
    (["- Xã được công nhận đạt chuẩn NTM năm 2020."], ([], [], [])),
    (["II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024", "- Năm 2023, xã được công nhận đạt chuẩn nông thôn mới."], ([], [], [])),
])
def test_recognition_in_the_report_year_meets_the_whole_set(lines, expected):
    assert answer(lines) == expected
