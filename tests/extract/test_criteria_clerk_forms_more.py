"""Criteria statements as clerks across provinces and years write them, a further batch: each
with the complete answer (met, unmet, basically met) or a counter-example that states nothing.

Every statement is written for these tests (none is copied from a report). The report is of
2023 (HEADER); "REST" is the set without 10 (Thu nhập) and 17 (Môi trường).
"""
from __future__ import annotations

import pytest

from tests.extract.helpers import criteria_of

HEADER = ("UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023",
          "BÁO CÁO", "Kết quả xây dựng nông thôn mới năm 2023")
ALL = list(range(1, 20))
REST = [n for n in ALL if n not in (10, 17)]
NOTHING: tuple[list[int], list[int], list[int]] = ([], [], [])


def but(*numbers: int) -> list[int]:
    return [n for n in ALL if n not in numbers]


def answer(lines: list[str]) -> tuple[list[int], list[int], list[int]]:
    c = criteria_of(*HEADER, *lines)
    return sorted(c.met), sorted(c.unmet), sorted(c.basically_met)


def check(lines: list[str], expected: tuple[list[int], list[int], list[int]]) -> None:
    assert answer(lines) == expected


@pytest.mark.parametrize("lines, expected", [
    (["Đến nay, xã đã hoàn thành 17/19 tiêu chí; còn 02 tiêu chí chưa đạt là: Tiêu chí số 10 về Thu nhập "
      "và Tiêu chí số 17 về Môi trường và an toàn thực phẩm."], (REST, [10, 17], [])),
    (["Kết quả: xã đạt chuẩn 17 tiêu chí, 02 tiêu chí chưa đạt (TC10, TC17)."], (REST, [10, 17], [])),
    (["- Số tiêu chí đạt chuẩn: 17/19 tiêu chí (gồm các tiêu chí: 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, "
      "15, 16, 18, 19).", "- Số tiêu chí chưa đạt: 02 tiêu chí (Thu nhập; Môi trường và an toàn thực phẩm)."],
     (REST, [10, 17], [])),
    (["a) Tiêu chí đạt: 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 18, 19.", "b) Tiêu chí chưa đạt: 10, 17."],
     (REST, [10, 17], [])),
    (["Tổng số tiêu chí đạt: 17/19 (Đạt: 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 18, 19; "
      "Chưa đạt: 10, 17)."], (REST, [10, 17], [])),
    (["Xã đạt 17/19 tiêu chí (trừ tiêu chí số 10 và 17)."], (REST, [10, 17], [])),
    (["Xã đạt 17/19 tiêu chí.", "Còn 02 tiêu chí chưa đạt, gồm: tiêu chí số 10 (Thu nhập) và tiêu chí số 17 "
      "(Môi trường và ATTP)."], (REST, [10, 17], [])),
    (["Xã có 17/19 tiêu chí đạt chuẩn; 02 tiêu chí chưa đạt chuẩn gồm: tiêu chí số 10 về Thu nhập, tiêu chí "
      "số 17 về Môi trường và an toàn thực phẩm."], (REST, [10, 17], [])),
    (["Trong 19 tiêu chí, xã đã đạt 17 tiêu chí, còn 2 tiêu chí chưa đạt là Thu nhập và Môi trường."],
     (REST, [10, 17], [])),
    (["Xã đạt 17/19 tiêu chí; chưa đạt 02 tiêu chí: Thu nhập và Môi trường."], (REST, [10, 17], [])),
    (["Đạt 17/19 tiêu chí. Tiêu chí chưa đạt: số 10, 17."], (REST, [10, 17], [])),
    (["Xã đạt 17/19 TC; chưa đạt TC10, TC17."], (REST, [10, 17], [])),
    (["Xã đạt 17/19 tiêu chí (chưa đạt TC số 10, TC số 17)."], (REST, [10, 17], [])),
    (["Có 17 tiêu chí được Đoàn thẩm định huyện đánh giá đạt; tiêu chí 10, 17 chưa đạt."], (REST, [10, 17], [])),
    (["Xã đạt 17/19 tiêu chí, còn thiếu tiêu chí Thu nhập và Môi trường."], (REST, [10, 17], [])),
    (["Đến nay đã có 17/19 tiêu chí đạt chuẩn, 02 tiêu chí chưa đạt là tiêu chí 10 và 17."], (REST, [10, 17], [])),
    (["Hiện nay, xã đã đạt 17/19 tiêu chí, 02 tiêu chí chưa đạt là tiêu chí Thu nhập và tiêu chí Môi trường."],
     (REST, [10, 17], [])),
    (["Xã đạt 17 trên tổng số 19 tiêu chí (chưa đạt tiêu chí số 10, 17)."], (REST, [10, 17], [])),
    (["Hiện tại xã đã đạt 17 tiêu chí; 02 tiêu chí còn lại (Thu nhập, Môi trường) đang phấn đấu hoàn thành "
      "trong năm 2024."], (REST, [10, 17], [])),
    (["Đến thời điểm báo cáo, xã đạt 18/19 tiêu chí, chỉ còn tiêu chí số 10 về thu nhập chưa đạt."],
     (but(10), [10], [])),
    (["Xã đạt 18/19 tiêu chí, duy nhất tiêu chí Thu nhập chưa đạt."], (but(10), [10], [])),
    (["Xã đạt 18/19 tiêu chí (tiêu chí chưa đạt: Thu nhập)."], (but(10), [10], [])),
    (["Đến nay còn tiêu chí Thu nhập chưa đạt, các tiêu chí khác đã đạt."], (but(10), [10], [])),
    (["Tổng số tiêu chí đạt chuẩn: 15/19 tiêu chí; Tiêu chí chưa đạt: 4 tiêu chí (tiêu chí số 2, 10, 13, 17)."],
     (but(2, 10, 13, 17), [2, 10, 13, 17], [])),
])
def test_counts_beside_the_lists_of_the_other_side(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    # the number of "Số tiêu chí chưa đạt: 02 (...)" is the count, not a first item "2"
    (["Số tiêu chí chưa đạt: 02 (tiêu chí 10, 17)."], ([], [10, 17], [])),
    (["Các tiêu chí chưa đạt: TC 10 - Thu nhập, TC 17 - Môi trường và an toàn thực phẩm."], ([], [10, 17], [])),
    (["Chưa đạt 2 tiêu chí (tiêu chí Thu nhập; tiêu chí Môi trường)."], ([], [10, 17], [])),
    (["Xã chưa đạt 02 tiêu chí: Thu nhập (TC10), Môi trường (TC17)."], ([], [10, 17], [])),
    (["Hai tiêu chí Thu nhập và Môi trường chưa đạt."], ([], [10, 17], [])),
    (["Hai tiêu chí chưa đạt là thu nhập và môi trường."], ([], [10, 17], [])),
    (["Xã chưa đạt tiêu chí nhà ở dân cư và tiêu chí hộ nghèo."], ([], [9, 11], [])),
    (["Các tiêu chí 10, 17 hiện chưa đạt do nguồn lực hạn chế."], ([], [10, 17], [])),
    (["Riêng 2 tiêu chí: Thu nhập, Môi trường thì chưa đạt."], ([], [10, 17], [])),
    (["- Chưa đạt: Tiêu chí số 10, 17."], ([], [10, 17], [])),
    (["Không đạt: Thu nhập"], ([], [10], [])),
    (["Xã chưa đạt chuẩn tiêu chí 17 về Môi trường và an toàn thực phẩm."], ([], [17], [])),
    (["Tiêu chí Thu nhập không đạt do thu nhập bình quân đầu người thấp."], ([], [10], [])),
    (["Các tiêu chí về giao thông, thủy lợi, điện, trường học đã đạt."], ([2, 3, 4, 5], [], [])),
    (["17 tiêu chí đạt chuẩn gồm: Quy hoạch, Giao thông, Thủy lợi, Điện, Trường học, Cơ sở vật chất văn hóa, "
      "Cơ sở hạ tầng thương mại nông thôn, Thông tin và Truyền thông, Nhà ở dân cư, Hộ nghèo, Lao động, Tổ "
      "chức sản xuất, Giáo dục và Đào tạo, Y tế, Văn hóa, Hệ thống chính trị, Quốc phòng và An ninh."],
     (REST, [], [])),
    (["Tiêu chí đã đạt chuẩn: 17 tiêu chí, gồm tiêu chí 1 đến tiêu chí 9, tiêu chí 11 đến tiêu chí 16, tiêu chí "
      "18 và 19."], (REST, [], [])),
    # "từ số 11 đến số 16" inside a list: a range of the same list
    (["Xã đã đạt các tiêu chí từ số 1 đến số 9, từ số 11 đến số 16 và tiêu chí số 18, 19."], (REST, [], [])),
    (["Các tiêu chí đã đạt: Tiêu chí 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 18, 19."], (REST, [], [])),
    (["Các tiêu chí đạt gồm: tiêu chí số 1, 2, 3, 4, 5, 6,", "7, 8, 9, 11, 12, 13, 14, 15, 16, 18, 19."],
     (REST, [], [])),
    (["TC1, TC2, TC3 đạt chuẩn; TC10 chưa đạt chuẩn."], ([1, 2, 3], [10], [])),
    (["Tiêu chí số 1, 2, 3, 4 đều đạt."], ([1, 2, 3, 4], [], [])),
    (["Trong năm 2023 xã đạt thêm 02 tiêu chí (Giao thông, Y tế), nâng tổng số tiêu chí đạt lên 17/19 tiêu chí."],
     ([2, 15], [], [])),
    (["Năm 2022, xã đạt 15/19 tiêu chí; năm 2023 đạt thêm 2 tiêu chí (Giao thông, Trường học), nâng tổng số "
      "lên 17/19 tiêu chí."], ([2, 5], [], [])),
])
def test_lists_of_numbers_and_names(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    (["Tiêu chí thứ 5 (Trường học): đạt."], ([5], [], [])),
    (["TC 17 - Môi trường và ATTP: Chưa đạt"], ([], [17], [])),
    (["- Tiêu chí số 2 - Giao thông: Đạt (năm 2023)"], ([2], [], [])),
    (["Tiêu chí số 10 - Thu nhập: Chưa đạt (thu nhập bình quân 45 triệu đồng/người/năm, yêu cầu 50 triệu đồng)."],
     ([], [10], [])),
    (["Tiêu chí 18 (Hệ thống chính trị và tiếp cận pháp luật) - đạt."], ([18], [], [])),
    (["Về tiêu chí Quốc phòng và An ninh: đạt."], ([19], [], [])),
    (["* Tiêu chí Văn hóa: Đạt chuẩn."], ([16], [], [])),
    (["Tiêu chí về Y tế: chưa đạt do tỷ lệ BHYT đạt 85%."], ([], [15], [])),
    (["Tiêu chí số 11 nghèo đa chiều: đạt"], ([11], [], [])),
    (["Tiêu chí số 10 (Thu nhập): Không đạt."], ([], [10], [])),
    (["Đã hoàn thành tiêu chí số 6 - Cơ sở vật chất văn hóa."], ([6], [], [])),
    (["- Tiêu chí 1: Đạt", "- Tiêu chí 2: Đạt", "- Tiêu chí 3: Chưa đạt"], ([1, 2], [3], [])),
    (["- TC01 (Quy hoạch): đạt", "- TC02 (Giao thông): chưa đạt"], ([1], [2], [])),
    (["- Tiêu chí số 05 (Trường học): đạt chuẩn"], ([5], [], [])),
    (["1/ Quy hoạch: Đạt", "2/ Giao thông: Đạt", "10/ Thu nhập: Chưa đạt"], ([1, 2], [10], [])),
    (["Các tiêu chí chưa đạt:", "10. Thu nhập", "17. Môi trường"], ([], [10, 17], [])),
    (["Các tiêu chí chưa đạt gồm:", "• Tiêu chí số 10 – Thu nhập;", "• Tiêu chí số 17 – Môi trường và an toàn "
      "thực phẩm.", "Các tiêu chí còn lại đã đạt."], (REST, [10, 17], [])),
    (["Xã đã đạt 17/19 tiêu chí, còn 2 tiêu chí chưa đạt:", "+ TC10: Thu nhập", "+ TC17: Môi trường"],
     (REST, [10, 17], [])),
    (["STT | Tên tiêu chí | Kết quả", "1 | Quy hoạch | Đạt", "2 | Giao thông | Đạt", "3 | Thủy lợi | Chưa đạt"],
     ([1, 2], [3], [])),
    (["TT | Tiêu chí | Đạt | Chưa đạt", "1 | Quy hoạch | x | ", "2 | Giao thông | | x"], ([1], [2], [])),
    # several "name: status" items in one line, cut by ';'
    (["(1) Quy hoạch: đạt; (2) Giao thông: đạt; (3) Thủy lợi: chưa đạt."], ([1, 2], [3], [])),
    (["- Quy hoạch: đạt; Điện: đạt; Y tế: cơ bản đạt."], ([1, 4], [], [15])),
])
def test_one_criterion_per_statement(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    (["1. Tiêu chí số 1 về Quy hoạch", "Xã đã có quy hoạch chung xây dựng xã được phê duyệt.",
      "Đánh giá: Đạt tiêu chí.",
      "2. Tiêu chí số 2 về Giao thông", "Tổng chiều dài đường xã 12 km, đã cứng hóa 10 km.", "Đánh giá: Chưa đạt."],
     ([1], [2], [])),
    (["Tiêu chí số 15 - Y tế", "- Tỷ lệ người dân tham gia BHYT đạt 92%.", "=> Tiêu chí Y tế: Đạt."], ([15], [], [])),
    (["Tiêu chí 11 - Nghèo đa chiều", "Tỷ lệ hộ nghèo đa chiều 6,2%.", "Kết quả tự đánh giá: Chưa đạt."],
     ([], [11], [])),
    (["III. Tiêu chí số 8: Thông tin và Truyền thông", "Xã có điểm phục vụ bưu chính.", "- Tự đánh giá: Đạt chuẩn"],
     ([8], [], [])),
    # a status word inside the verdict's label ("mức độ đạt") is part of the label
    (["Tiêu chí số 13 về Tổ chức sản xuất", "- Xã có 02 hợp tác xã hoạt động hiệu quả.",
      "- Đánh giá mức độ đạt: Cơ bản đạt."], ([], [], [13])),
    (["Tiêu chí số 1 - Quy hoạch", "Kết quả: Đạt (duy trì từ năm 2019)."], ([1], [], [])),
])
def test_verdict_lines_after_each_criterion_section(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    (["Xã đã đáp ứng 17/19 tiêu chí; tiêu chí Thu nhập và tiêu chí Môi trường chưa đáp ứng yêu cầu."],
     (REST, [10, 17], [])),
    (["Tiêu chí số 4 về Điện: đáp ứng yêu cầu."], ([4], [], [])),
    (["Tiêu chí số 4 về Điện: chưa đáp ứng."], ([], [4], [])),
    (["Tiêu chí số 13 cơ bản đạt."], ([], [], [13])),
    # met, though not durably: still met
    (["Tiêu chí Môi trường đạt nhưng chưa bền vững."], ([17], [], [])),
    (["Tiêu chí số 17 đạt nhưng chưa bền vững, cần tiếp tục duy trì."], ([17], [], [])),
    # counter-example: "đáp ứng" of a need is no verdict
    (["Tiêu chí số 2 về Giao thông: hệ thống đường đáp ứng nhu cầu đi lại."], NOTHING),
])
def test_verdict_words_meets_and_basically(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    # a year closing the clause after the status is that status's time
    (["Xã đạt tiêu chí 1, 2 năm 2021."], NOTHING),
    (["Xã đạt tiêu chí 1, 2 năm 2023."], ([1, 2], [], [])),
    (["Xã đã đạt tiêu chí số 1, 2 và 3 vào năm 2020; đến nay đạt thêm tiêu chí số 5."], ([5], [], [])),
    (["Tiêu chí Giao thông đạt năm 2019, tiêu chí Y tế chưa đạt."], ([], [15], [])),
    (["Xã đạt 17/19 tiêu chí vào cuối năm 2022; đến nay đạt 19/19 tiêu chí."], (ALL, [], [])),
    (["Đến hết năm 2023, xã đạt 19/19 tiêu chí."], (ALL, [], [])),
    # since a year: still now
    (["Tiêu chí Giao thông: đạt từ năm 2019."], ([2], [], [])),
    (["Xã đạt chuẩn NTM năm 2019; năm 2023 xã đạt 19/19 tiêu chí theo bộ tiêu chí mới."], (ALL, [], [])),
    (["Năm 2023: đạt thêm tiêu chí số 13 và 14."], ([13, 14], [], [])),
    (["Năm 2022: đạt tiêu chí số 13 và 14."], NOTHING),
    (["Năm 2011 xã mới đạt 3 tiêu chí, đến nay xã đã đạt 17/19 tiêu chí, còn tiêu chí 10 và 17 chưa đạt."],
     (REST, [10, 17], [])),
    (["Khi bắt đầu triển khai chương trình năm 2011, xã chỉ đạt 3/19 tiêu chí."], NOTHING),
])
def test_years_before_and_after_the_status(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    (["Xã đạt 19/19 tiêu chí và đã được công nhận đạt chuẩn nông thôn mới."], (ALL, [], [])),
    # recognised without a year, in a report written after it: the whole set met
    (["Xã đã được UBND tỉnh công nhận đạt chuẩn nông thôn mới."], (ALL, [], [])),
    (["Xã Thử Nghiệm là xã đã được công nhận đạt chuẩn NTM, hiện đang duy trì và nâng cao chất lượng các tiêu chí."],
     (ALL, [], [])),
    (["Xã được công nhận đạt chuẩn NTM từ năm 2019, đến nay tiếp tục duy trì 19/19 tiêu chí."], (ALL, [], [])),
    (["Xã đã hoàn thành 19/19 tiêu chí và đã được UBND tỉnh công nhận xã đạt chuẩn NTM tại Quyết định số "
      "2345/QĐ-UBND ngày 25/12/2023."], (ALL, [], [])),
    # ... but any other count or unmet criterion wins over it
    (["Xã đã được công nhận đạt chuẩn nông thôn mới; hiện nay có 02 tiêu chí không còn đạt là Thu nhập và "
      "Môi trường."], ([], [10, 17], [])),
    (["Xã được công nhận đạt chuẩn NTM tại Quyết định số 345/QĐ-UBND ngày 12/11/2018; năm 2023, do áp dụng bộ "
      "tiêu chí mới, xã chỉ còn đạt 15/19 tiêu chí, chưa đạt các tiêu chí số 2, 10, 13, 17."],
     (but(2, 10, 13, 17), [2, 10, 13, 17], [])),
    # counter-examples: hedges, plans, proposals, other communes, the advanced set
    (["Xã phấn đấu được công nhận đạt chuẩn nông thôn mới trong năm 2024."], NOTHING),
    (["Xã đăng ký được công nhận đạt chuẩn nông thôn mới."], NOTHING),
    (["UBND xã đề nghị UBND huyện xem xét, trình UBND tỉnh công nhận xã đạt chuẩn nông thôn mới."], NOTHING),
    (["Dự kiến xã sẽ được công nhận đạt chuẩn nông thôn mới vào cuối năm."], NOTHING),
    (["Huyện có 10 xã được công nhận đạt chuẩn nông thôn mới."], NOTHING),
    (["Xã chưa được công nhận đạt chuẩn nông thôn mới."], NOTHING),
    (["Xã đã được công nhận đạt chuẩn NTM nâng cao."], NOTHING),
])
def test_recognition_without_a_year(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    (["- Bản Nà Pài đạt 12/19 tiêu chí; chưa đạt tiêu chí số 5."], NOTHING),
    (["Xã có bản Nà Pài đạt tiêu chí số 1, 2 và 3."], NOTHING),
    (["Trong đó buôn Ea Sup chưa đạt tiêu chí số 17."], NOTHING),
    (["- Khóm 3 đã đạt tiêu chí số 2, 6."], NOTHING),
    (["- Tổ dân phố số 2 chưa đạt tiêu chí Môi trường."], NOTHING),
    (["- Làng Plei Ơi đạt tiêu chí 9."], NOTHING),
    (["- Sóc Tà Lọt chưa đạt tiêu chí 11."], NOTHING),
    (["- Plei Kép đạt tiêu chí 6."], NOTHING),
    (["- Khu phố 4 chưa đạt tiêu chí 17."], NOTHING),
    (["Xã đạt 19/19 tiêu chí, riêng buôn Ea Kmar chưa đạt tiêu chí 9 về nhà ở."], (ALL, [], [])),
    (["Xã đạt 19/19 tiêu chí và 7/7 thôn đạt chuẩn thôn NTM."], (ALL, [], [])),
    # counter-examples: words that look like villages and are not ("cơ bản", "bản đồ", "buôn bán")
    (["Xã có bản đồ quy hoạch được duyệt, tiêu chí số 1 đạt."], ([1], [], [])),
    (["Xã có buôn bán phát triển, tiêu chí số 7 đạt."], ([7], [], [])),
    (["Tiêu chí số 9 cơ bản đạt."], ([], [], [9])),
])
def test_villages_of_every_region_are_not_the_commune(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines", [
    ["Phấn đấu trong năm 2024 đạt thêm tiêu chí số 10 và 17."],
    ["Năm 2024, xã đăng ký hoàn thành tiêu chí Thu nhập."],
    ["Mục tiêu đến năm 2025 xã đạt 19/19 tiêu chí."],
    ["Dự kiến đến cuối năm 2024 đạt 19/19 tiêu chí."],
    ["Đề nghị huyện thẩm định tiêu chí số 17 đạt chuẩn."],
    ["Tiêu chí số 17 dự kiến đạt trong quý IV năm 2023."],
    ["Tiêu chí số 10 phấn đấu đạt vào cuối năm 2024."],
    ["Tiêu chí số 10 sẽ hoàn thành trong năm 2024."],
    ["Chỉ tiêu 2.1 đạt; chỉ tiêu 2.2 chưa đạt."],
    ["Xã có 5/8 chỉ tiêu đạt."],
    ["Tỷ lệ hộ đạt tiêu chí gia đình văn hóa 92%."],
    ["Có 5/7 thôn đạt tiêu chí thôn văn hóa."],
    ["Trường Tiểu học đạt chuẩn quốc gia mức độ 1."],
    ["Tiêu chí số 5 về Trường học yêu cầu 70% trường đạt chuẩn."],
    ["Xã phấn đấu đến năm 2025 đạt chuẩn NTM nâng cao."],
    ["Về xây dựng xã NTM nâng cao: xã đã đạt 12/19 tiêu chí, chưa đạt tiêu chí số 10, 17."],
    ["Xã đã đạt 15/19 tiêu chí NTM nâng cao."],
    ["Xã đã đạt 10/19 tiêu chí xã nông thôn mới kiểu mẫu."],
])
def test_plans_measures_and_other_sets_state_nothing(lines):
    check(lines, NOTHING)


@pytest.mark.parametrize("lines, expected", [
    (["Xã đạt 19/19 tiêu chí NTM; đối với tiêu chí NTM nâng cao, xã đã đạt 15/19 tiêu chí."], (ALL, [], [])),
    (["Xã đã đạt 19/19 tiêu chí nông thôn mới, đang xây dựng xã NTM nâng cao."], (ALL, [], [])),
    (["Qua rà soát, xã đạt 19/19 tiêu chí theo Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn 2021-2025."],
     (ALL, [], [])),
    (["Bộ tiêu chí gồm 19 tiêu chí; xã đã đạt 19 tiêu chí."], (ALL, [], [])),
])
def test_basic_set_beside_the_advanced_set(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    # a sentence opened by one criterion and a colon: the status closing it in a clause of its own
    (["Tiêu chí số 10 về Thu nhập: năm 2023 thu nhập bình quân đạt 45 triệu đồng/người/năm, chưa đạt so với "
      "yêu cầu."], ([], [10], [])),
    (["Tiêu chí số 11 về Nghèo đa chiều: tỷ lệ hộ nghèo 3,5%, đạt."], ([11], [], [])),
    (["- Tiêu chí số 17 - Môi trường: có 5/7 chỉ tiêu đạt; chưa đạt."], ([], [17], [])),
    # ... and the subject of "Tiêu chí đạt." after it
    (["- Tiêu chí số 12 về Lao động: Tỷ lệ lao động có việc làm qua đào tạo đạt 75%. Tiêu chí đạt."], ([12], [], [])),
    # counter-examples: a status inside the findings is about their subject, not the criterion's
    (["Tiêu chí số 5 về Trường học: 3/3 trường đạt chuẩn."], NOTHING),
    (["Tiêu chí số 17 - Môi trường: có 5/7 chỉ tiêu đạt."], NOTHING),
    (["Tiêu chí chưa đạt: tiêu chí số 17 - Môi trường và an toàn thực phẩm (đạt 4/7 chỉ tiêu)."], ([], [17], [])),
])
def test_sentence_opened_by_a_criterion(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    (["TIÊU CHÍ SỐ 2: GIAO THÔNG", "Đường xã: 12/12 km được nhựa hóa.", "Đánh giá: Đạt", "TIÊU CHÍ SỐ 10: THU NHẬP",
      "Thu nhập bình quân 42 triệu đồng/người/năm.", "Đánh giá: Chưa đạt"], ([2], [10], [])),
    (["Tiêu chí số 1: Quy hoạch (Đạt)", "Tiêu chí số 10: Thu nhập (Chưa đạt)"], ([1], [10], [])),
    (["Tiêu chí | Chỉ tiêu | Kết quả thực hiện | Đánh giá", "2. Giao thông | 100% | 100% | Đạt",
      "10. Thu nhập | 50 triệu | 42 triệu | Chưa đạt"], ([2], [10], [])),
    (["Tên tiêu chí | Đạt | Chưa đạt", "Quy hoạch | x |", "Giao thông | x |", "Thu nhập | | x"], ([1, 2], [10], [])),
    (["Các tiêu chí xã đã đạt:", "- Quy hoạch;", "- Giao thông;", "- Thủy lợi và phòng, chống thiên tai."],
     ([1, 2, 3], [], [])),
    (["Những tiêu chí chưa đạt", "1. Tiêu chí Thu nhập", "2. Tiêu chí Môi trường và an toàn thực phẩm"],
     ([], [10, 17], [])),
    (["Kết quả đánh giá các tiêu chí:", "+ Tiêu chí 1 (Quy hoạch): Đạt.", "+ Tiêu chí 2 (Giao thông): Đạt.",
      "+ Tiêu chí 10 (Thu nhập): Chưa đạt."], ([1, 2], [10], [])),
    (["+ Tiêu chí Y tế: đạt (tỷ lệ BHYT 95%);", "+ Tiêu chí Văn hóa: đạt;", "+ Tiêu chí Môi trường: chưa đạt."],
     ([15, 16], [17], [])),
    (["- TC 1, 2, 3, 4, 5: đạt", "- TC 10, 17: chưa đạt"], ([1, 2, 3, 4, 5], [10, 17], [])),
    # a count right before its bracketed list is no first item of it
    (["Tiêu chí đạt: 17 (1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 18, 19); tiêu chí chưa đạt: 2 (10, 17)."],
     (REST, [10, 17], [])),
    (["Đạt: 17 tiêu chí; Chưa đạt: 2 tiêu chí (số 10, 17)."], (REST, [10, 17], [])),
    (["Tổng hợp: Đạt 17 tiêu chí; không đạt 2 tiêu chí (Thu nhập, Môi trường)."], (REST, [10, 17], [])),
    (["Tiêu chí số 4 (Điện), tiêu chí số 5 (Trường học) và tiêu chí số 6 (Cơ sở vật chất văn hóa) đều đã đạt chuẩn."],
     ([4, 5, 6], [], [])),
])
def test_sections_tables_and_bullets(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    (["- Đến nay, xã đã đạt chuẩn 17/19 tiêu chí NTM, còn lại 2 tiêu chí chưa đạt là tiêu chí số 10 - Thu nhập và "
      "tiêu chí số 17 - Môi trường và an toàn thực phẩm."], (REST, [10, 17], [])),
    (["Kết quả tự đánh giá đến tháng 11/2023: xã đạt 17/19 tiêu chí; 02 tiêu chí chưa đạt: Thu nhập, Môi trường."],
     (REST, [10, 17], [])),
    (["Xã có 17/19 tiêu chí đạt chuẩn theo quy định (trong đó tiêu chí số 10, 17 chưa đạt)."], (REST, [10, 17], [])),
    (["Về kết quả thực hiện Bộ tiêu chí: 19/19 tiêu chí đạt chuẩn."], (ALL, [], [])),
    (["Số tiêu chí đạt chuẩn theo Bộ tiêu chí quốc gia: 19 tiêu chí."], (ALL, [], [])),
    (["Xã đạt 19/19 tiêu chí (100%)."], (ALL, [], [])),
    (["Xã đã đạt 18/19 tiêu chí, tiêu chí còn lại là Môi trường và an toàn thực phẩm chưa đạt."], (but(17), [17], [])),
    (["Xã đã hoàn thành 18/19 tiêu chí, còn 01 tiêu chí (Môi trường) chưa hoàn thành."], (but(17), [17], [])),
    (["Tính đến ngày 30/11/2023, xã đạt 17/19 tiêu chí; chưa đạt tiêu chí số 10, 17."], (REST, [10, 17], [])),
    (["Xã đạt 17/19 tiêu chí; chưa đạt: tiêu chí 10 (thu nhập), tiêu chí 17 (môi trường)."], (REST, [10, 17], [])),
    # "đạt chuẩn nông thôn mới" with the commune as its subject, in the report's year
    (["Xã đạt chuẩn nông thôn mới năm 2023."], (ALL, [], [])),
    (["Năm 2023, xã được UBND tỉnh công nhận là xã đạt chuẩn NTM."], (ALL, [], [])),
    (["Năm 2020, xã được công nhận đạt chuẩn NTM; năm 2023 xã tiếp tục giữ vững 19/19 tiêu chí."], (ALL, [], [])),
    # counter-examples: a title names the programme; another year; a plan
    (["Báo cáo kết quả xây dựng xã đạt chuẩn nông thôn mới năm 2023"], NOTHING),
    (["Xã đạt chuẩn nông thôn mới năm 2019."], NOTHING),
    (["Xã phấn đấu năm 2024 hoàn thành 02 tiêu chí còn lại (Thu nhập, Môi trường)."], NOTHING),
    (["Trong năm tới, xã sẽ tập trung hoàn thành tiêu chí Thu nhập."], NOTHING),
    (["Kế hoạch năm 2024: đạt thêm tiêu chí số 10."], NOTHING),
])
def test_summaries_and_recognition_without_the_words(lines, expected):
    check(lines, expected)


def answer_in(year: int, lines: list[str]) -> tuple[list[int], list[int], list[int]]:
    c = criteria_of("UBND XÃ THỬ NGHIỆM", f"Thử Nghiệm, ngày 10 tháng 12 năm {year}", "BÁO CÁO",
                    f"Kết quả xây dựng nông thôn mới năm {year}", *lines)
    return sorted(c.met), sorted(c.unmet), sorted(c.basically_met)


@pytest.mark.parametrize("year, lines, expected", [
    # the names of earlier sets, after a status and a colon
    (2014, ["Xã đạt 15/19 tiêu chí, chưa đạt: Chợ nông thôn, Bưu điện, Thu nhập, Hộ nghèo."],
     (but(7, 8, 10, 11), [7, 8, 10, 11], [])),
    (2018, ["Các tiêu chí chưa đạt: Hộ nghèo; Lao động có việc làm; Giáo dục và Đào tạo."], ([], [11, 12, 14], [])),
    (2014, ["Tiêu chí An ninh, trật tự xã hội: đạt."], ([19], [], [])),
    # one name after the colon is a list too
    (2023, ["Xã đạt 18/19 tiêu chí; chưa đạt: Thu nhập."], (but(10), [10], [])),
])
def test_names_of_every_period_after_a_status(year, lines, expected):
    assert answer_in(year, lines) == expected


@pytest.mark.parametrize("lines, expected", [
    (["Xã đạt 19/19 TC."], (ALL, [], [])),
    (["Xã đã đạt các tiêu chí 1-9, 11-16, 18-19; chưa đạt tiêu chí 10, 17."], (REST, [10, 17], [])),
    (["Xã đã đạt các tiêu chí số: 1; 2; 3; 4; 5."], ([1, 2, 3, 4, 5], [], [])),
    (["Xã đạt từ tiêu chí số 1 đến tiêu chí số 19 (trừ tiêu chí số 10, 17)."], (REST, [10, 17], [])),
    (["Tiêu chí chưa đạt (02 tiêu chí):", "- Tiêu chí số 10: Thu nhập;", "- Tiêu chí số 17: Môi trường và an toàn "
      "thực phẩm."], ([], [10, 17], [])),
    (["Đạt chuẩn 17/19 tiêu chí, đạt 89,5%; chưa đạt tiêu chí 10, 17."], (REST, [10, 17], [])),
    (["Có 17/19 tiêu chí đạt, chiếm 89,47%; tiêu chí 10 và 17 chưa đạt."], (REST, [10, 17], [])),
    (["Xã hoàn thành 19 tiêu chí NTM (đạt 100%)."], (ALL, [], [])),
    (["UBND huyện đánh giá xã đạt 17/19 tiêu chí, chưa đạt tiêu chí số 10 và 17."], (REST, [10, 17], [])),
    (["Năm 2015 đạt 10 tiêu chí; năm 2020 đạt 15 tiêu chí; năm 2023 đạt 19/19 tiêu chí."], (ALL, [], [])),
    (["Tất cả 19 tiêu chí đều đạt."], (ALL, [], [])),
    (["Toàn bộ 19/19 tiêu chí đã đạt chuẩn."], (ALL, [], [])),
    (["19 tiêu chí đều đạt chuẩn."], (ALL, [], [])),
    (["Xã đạt 16/19 tiêu chí; 3 tiêu chí cơ bản đạt: Thu nhập, Hộ nghèo, Môi trường."],
     (but(10, 11, 17), [], [10, 11, 17])),
    (["Tiêu chí 1 - Quy hoạch: Đạt; Tiêu chí 2 - Giao thông: Đạt; Tiêu chí 3 - Thủy lợi: Chưa đạt."],
     ([1, 2], [3], [])),
    (["Các tiêu chí số 10 (Thu nhập), số 17 (Môi trường) chưa đạt."], ([], [10, 17], [])),
    (["Xã còn 02 tiêu chí chưa đạt (thu nhập và môi trường và ATTP)."], ([], [10, 17], [])),
    (["Xã đạt 18/19 tiêu chí (thiếu tiêu chí Thu nhập)."], (but(10), [10], [])),
    # names in brackets after a count stated last ("Số tiêu chí chưa đạt chuẩn: 02 (...)")
    (["Số tiêu chí đạt chuẩn: 17. Số tiêu chí chưa đạt chuẩn: 02 (Thu nhập, Môi trường)."], (REST, [10, 17], [])),
    (["Xã có 17 tiêu chí đạt, 2 tiêu chí chưa đạt (10, 17)."], (REST, [10, 17], [])),
    (["Tiêu chí Thông tin & Truyền thông: Đạt"], ([8], [], [])),
    (["Tiêu chí Quốc phòng và An ninh (TC19): Đạt."], ([19], [], [])),
    (["Tiêu chí số 9 – Nhà ở dân cư: 95% nhà đạt chuẩn; đánh giá: đạt."], ([9], [], [])),
    (["Các tiêu chí: Quy hoạch, Giao thông, Thủy lợi đạt; Thu nhập chưa đạt."], ([1, 2, 3], [10], [])),
    (["Quy hoạch, Giao thông, Thủy lợi: đạt; Thu nhập: chưa đạt."], ([1, 2, 3], [10], [])),
    # counter-examples: a count of another year's change, a finding about houses, villages, no recognition
    (["Kết quả: đạt 17/19 tiêu chí (tăng 2 tiêu chí so với năm 2022)."], NOTHING),
    (["Tiêu chí số 6 - Cơ sở vật chất văn hóa: có 8/8 nhà văn hóa thôn đạt chuẩn."], NOTHING),
    (["Có 4 thôn đạt chuẩn nông thôn mới, 2 thôn đạt chuẩn thôn kiểu mẫu."], NOTHING),
    (["Xã chưa về đích nông thôn mới."], NOTHING),
])
def test_more_counts_ranges_and_names(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    # a table with a status column per year: the report's year is the status
    (["TT | Tên tiêu chí | Năm 2022 | Năm 2023", "1 | Quy hoạch | Đạt | Đạt", "2 | Giao thông | Chưa đạt | Đạt",
      "10 | Thu nhập | Chưa đạt | Chưa đạt"], ([1, 2], [10], [])),
    (["TT | Tên tiêu chí | Kết quả năm 2023 | Kết quả năm 2022", "1 | Quy hoạch | Đạt | Đạt",
      "2 | Giao thông | Đạt | Chưa đạt", "10 | Thu nhập | Chưa đạt | Chưa đạt"], ([1, 2], [10], [])),
    (["Đạt (17 tiêu chí):", "- Tiêu chí 1, 2, 3, 4, 5, 6, 7, 8, 9;", "- Tiêu chí 11, 12, 13, 14, 15, 16, 18, 19.",
      "Chưa đạt (02 tiêu chí):", "- Tiêu chí 10, 17."], (REST, [10, 17], [])),
    (["Như vậy, đến nay xã đã đạt 17/19 tiêu chí, 2 tiêu chí chưa đạt (tiêu chí 10, 17)."], (REST, [10, 17], [])),
    (["Theo Bộ tiêu chí xã NTM tỉnh Thử Nghiệm giai đoạn 2022-2025, xã đạt 19/19 tiêu chí."], (ALL, [], [])),
    (["Tiêu chí số 2 về Giao thông", "- Tự đánh giá: Đạt (17/17 chỉ tiêu)."], ([2], [], [])),
    (["2. Tiêu chí số 2 về Giao thông: Đạt"], ([2], [], [])),
    (["* Tiêu chí số 3 - Thủy lợi và phòng, chống thiên tai: ĐẠT"], ([3], [], [])),
    (["Tiêu chí số 16 về Văn hóa: CHƯA ĐẠT"], ([], [16], [])),
    (["Kết quả: Xã đạt 17/19 tiêu chí, chưa đạt 2 tiêu chí: Thu nhập và Môi trường & ATTP."], (REST, [10, 17], [])),
    (["Xã có 15/19 tiêu chí đạt; 02 tiêu chí cơ bản đạt (Y tế, Văn hóa); 02 tiêu chí chưa đạt (Thu nhập, Môi "
      "trường)."], (but(10, 15, 16, 17), [10, 17], [15, 16])),
    (["Tiêu chí về Giáo dục và Đào tạo đã đạt từ năm 2019 và tiếp tục được duy trì."], ([14], [], [])),
    (["Đối với tiêu chí thu nhập: chưa đạt."], ([], [10], [])),
    (["Riêng tiêu chí môi trường hiện đang ở mức cơ bản đạt."], ([], [], [17])),
    (["Xã đạt 19/19 tiêu chí, trong đó tiêu chí Môi trường đạt nhưng chưa bền vững."], (ALL, [], [])),
    (["Tiêu chí số 10 - Thu nhập: Đạt (53 triệu đồng/người/năm)."], ([10], [], [])),
    (["Tiêu chí số 10 - Thu nhập: 53 triệu đồng/người/năm - Đạt."], ([10], [], [])),
    # counter-examples: a verdict line with no criterion to be about, a count without a list
    (["- Tự đánh giá: Đạt (17/17 chỉ tiêu)."], NOTHING),
    (["Hiện nay, theo kết quả rà soát của huyện, xã có 17 tiêu chí đạt chuẩn."], NOTHING),
])
def test_year_columns_and_verdict_variants(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines", [
    # hedges around a recognition: eligible, waiting, hoping, possible, conditional
    ["Xã đã đủ điều kiện được công nhận đạt chuẩn nông thôn mới."],
    ["Xã đang hoàn thiện hồ sơ đề nghị được công nhận đạt chuẩn nông thôn mới."],
    ["Xã đang chờ được công nhận đạt chuẩn nông thôn mới."],
    ["Hồ sơ đề nghị xét công nhận xã đạt chuẩn NTM đã trình UBND tỉnh."],
    ["Xã hy vọng sớm được công nhận đạt chuẩn nông thôn mới."],
    ["Xã có khả năng được công nhận đạt chuẩn nông thôn mới trong năm nay."],
    ["Xã phấn đấu để được công nhận đạt chuẩn NTM."],
    ["Xã được công nhận đạt chuẩn nông thôn mới nếu hoàn thành tiêu chí Thu nhập."],
    ["Nếu đạt tiêu chí Thu nhập, xã sẽ đạt 19/19 tiêu chí."],
    ["Tiêu chí Thu nhập có khả năng đạt trong năm 2023."],
    ["Tiêu chí số 10 có nguy cơ không đạt."],
])
def test_hedges_state_nothing(lines):
    check(lines, NOTHING)


@pytest.mark.parametrize("lines, expected", [
    (["Xã đạt 19/19 tiêu chí, đủ điều kiện đề nghị xét công nhận đạt chuẩn NTM."], (ALL, [], [])),
    (["Tiêu chí số 10 chưa đảm bảo đạt chuẩn."], ([], [10], [])),
    (["Nếu so với năm 2022, xã đạt thêm tiêu chí số 2 và số 5."], ([2, 5], [], [])),
])
def test_the_status_before_a_hedge_and_not_ensured(lines, expected):
    check(lines, expected)


def test_a_comparison_year_is_not_the_time_of_the_count():
    # "tăng 2 tiêu chí so với năm 2022": the count is this year's, compared with 2022
    got = criteria_of(*HEADER, "Kết quả: đạt 17/19 tiêu chí (tăng 2 tiêu chí so với năm 2022).")
    assert got.met_count_claimed == 17


@pytest.mark.parametrize("lines, expected", [
    (["Xã đã đạt được 17/19 tiêu chí; chưa đạt được tiêu chí 10 và 17."], (REST, [10, 17], [])),
    (["Xã đã hoàn thiện 17/19 tiêu chí, còn tiêu chí 10 và 17 chưa hoàn thiện."], (REST, [10, 17], [])),
    # a negation with a modal between it and its verb ("chưa thể đạt") is still a negation
    (["Xã có 17 tiêu chí được huyện thẩm tra đạt chuẩn; tiêu chí 10, 17 chưa thể đạt."], (REST, [10, 17], [])),
    (["Tiêu chí Thu nhập không thể hoàn thành trong năm nay."], ([], [10], [])),
    (["Tiêu chí Giao thông: đạt yêu cầu."], ([2], [], [])),
    (["Tiêu chí Thu nhập vẫn còn chưa đạt."], ([], [10], [])),
    (["Tiêu chí số 10, 17: chưa đạt được."], ([], [10, 17], [])),
    (["Tiêu chí Y tế xã đã đạt."], ([15], [], [])),
    (["Xã đã đạt và giữ vững 19/19 tiêu chí."], (ALL, [], [])),
    (["Đến nay, cả 19/19 tiêu chí của xã đều đạt chuẩn."], (ALL, [], [])),
    (["Đến nay xã đạt 18/19 tiêu chí; tiêu chí duy nhất chưa đạt là tiêu chí số 10 (Thu nhập)."], (but(10), [10], [])),
    (["Xã đạt 17/19 tiêu chí. Hai tiêu chí chưa đạt gồm: Thu nhập; Môi trường và an toàn thực phẩm."],
     (REST, [10, 17], [])),
    (["Những tiêu chí đạt: TC1 đến TC9, TC11 đến TC16, TC18, TC19."], (REST, [], [])),
    (["- Tiêu chí chưa đạt: 10 (Thu nhập), 17 (Môi trường)."], ([], [10, 17], [])),
    (["- Tiêu chí đã đạt: Tất cả các tiêu chí, trừ tiêu chí 10 và 17."], (REST, [10, 17], [])),
    (["Xã đạt 17/19 tiêu chí. Trong đó: tiêu chí 10 và 17 chưa đạt."], (REST, [10, 17], [])),
    (["17/19 tiêu chí đã đạt; tiêu chí chưa đạt: Thu nhập, Môi trường."], (REST, [10, 17], [])),
    # counter-example: completing a dossier is no verdict
    (["Tiêu chí số 10 - Thu nhập: xã đang hoàn thiện hồ sơ."], NOTHING),
])
def test_verbs_and_negations_of_every_kind(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    # statements under a heading about the advanced set alone are that set's
    (["II. KẾT QUẢ XÂY DỰNG XÃ NÔNG THÔN MỚI NÂNG CAO", "- Xã đạt 15/19 tiêu chí; chưa đạt tiêu chí số 10, 17."],
     NOTHING),
    (["I. KẾT QUẢ XÂY DỰNG NÔNG THÔN MỚI", "- Xã đạt 19/19 tiêu chí.", "II. XÂY DỰNG XÃ NTM NÂNG CAO",
      "- Xã đạt 12/19 tiêu chí, chưa đạt tiêu chí số 5, 10."], (ALL, [], [])),
    # counter-examples: a heading naming both programmes, "nâng cao" of something else
    (["I. KẾT QUẢ XÂY DỰNG NTM VÀ NTM NÂNG CAO", "- Xã đạt 17/19 tiêu chí NTM, chưa đạt tiêu chí số 10, 17."],
     (REST, [10, 17], [])),
    (["2. Kết quả thực hiện nâng cao chất lượng các tiêu chí", "- Xã đạt 19/19 tiêu chí."], (ALL, [], [])),
])
def test_a_section_of_the_advanced_set(lines, expected):
    check(lines, expected)


@pytest.mark.parametrize("lines, expected", [
    # an arrow before the closing verdict of a sentence opened by its criterion
    (["- Tiêu chí số 10 (Thu nhập): Thu nhập bình quân đầu người năm 2023 đạt 45 triệu đồng => Chưa đạt."],
     ([], [10], [])),
    (["- Tiêu chí số 15 (Y tế): Tỷ lệ BHYT 92% → Đạt."], ([15], [], [])),
    (["Tiêu chí 17 (Môi trường và ATTP): 15/17 chỉ tiêu đạt => chưa đạt tiêu chí."], ([], [17], [])),
    # a bracketed count after a list ends the list
    (["Các tiêu chí đã đạt chuẩn: 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 18 và 19 (17 tiêu chí)."],
     (REST, [], [])),
    (["Xã Thử Nghiệm đạt 17/19 tiêu chí (89,5%), chưa đạt 2 tiêu chí số 10 và 17."], (REST, [10, 17], [])),
    (["Xã đạt 17/19 tiêu chí; 2 tiêu chí chưa đạt là: 10. Thu nhập; 17. Môi trường."], (REST, [10, 17], [])),
    # one of the unmet ones with a plan for it is still unmet now
    (["Trong 2 tiêu chí chưa đạt, tiêu chí Thu nhập dự kiến hoàn thành năm 2024."], ([], [10], [])),
    # counter-example: counts alone name no criterion
    (["Kết quả: 17 tiêu chí đạt, 2 tiêu chí chưa đạt."], NOTHING),
])
def test_arrows_and_bracketed_counts(lines, expected):
    check(lines, expected)
