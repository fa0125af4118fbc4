"""Criteria statements of forms no generated report uses, combined: summary sentences written
with every list style, one line per criterion in many layouts and status words, and criteria
tables under many headers. Each combination states the same answer (17 met, 10 and 17 unmet);
a miss is reported with the text that gave it.

The templates, styles and headers are written for these tests (issue 12: the reader on reports
it has never seen). The report is of 2023, its commune "Thử Nghiệm".
"""
from __future__ import annotations

import pytest

from extractor.extract.criteria_sets import criteria_set_for_year
from tests.extract.test_criteria_unseen_forms import Answer, Row, answer, read

UNMET = [10, 17]
REST = [n for n in range(1, 20) if n not in UNMET]
EXPECTED: Answer = (REST, UNMET, [])
NAMES = {c.number: c.name for c in criteria_set_for_year(2023).criteria}

# --- summary sentences, each with every list style ({met} / {unmet} the lists) ---

SUMMARIES = [
    ["- Qua rà soát, xã đạt {mc} tiêu chí ({met}); {uc} tiêu chí chưa đạt ({unmet})."],
    ["- Xã đã đạt chuẩn {mc}/19 tiêu chí.", "- Những tiêu chí chưa đạt chuẩn gồm: {unmet}."],
    ["- Kết quả thực hiện: {mc} tiêu chí đạt ({met}), {uc} tiêu chí không đạt ({unmet})."],
    ["- Trong tổng số 19 tiêu chí, xã đã đạt {mc} tiêu chí; {unmet} là các tiêu chí chưa đạt."],
    ["- Tiêu chí đạt: {met}.", "- Tiêu chí không đạt: {unmet}."],
    ["- Xã đạt {mc} tiêu chí gồm {met}; {uc} tiêu chí chưa đạt gồm {unmet}."],
    ["- {Unmet} là {uc} tiêu chí xã chưa đạt; các tiêu chí còn lại xã đã đạt."],
    ["- Xã mới đạt {mc}/19 tiêu chí, chưa đạt {unmet}."],
    ["- Các tiêu chí xã đã đạt được là {met}; các tiêu chí xã chưa đạt được là {unmet}."],
    ["- Đạt {mc} tiêu chí: {met}.", "- Không đạt {uc} tiêu chí: {unmet}."],
    ["- Xã hoàn thành {mc}/19 tiêu chí; {uc} tiêu chí chưa hoàn thành là {unmet}."],
    ["- Xã đã đạt được {mc} tiêu chí là: {met}.", "- {uc} tiêu chí chưa đạt được là: {unmet}."],
    ["- Kết quả: đạt {mc}/19 tiêu chí (gồm {met}); chưa đạt {uc}/19 tiêu chí (gồm {unmet})."],
    ["- Số tiêu chí đạt chuẩn là {mc}, gồm: {met}; số tiêu chí chưa đạt chuẩn là {uc}, gồm: {unmet}."],
    ["- Tiêu chí xã đã đạt: {met} ({mc} tiêu chí).", "- Tiêu chí xã chưa đạt: {unmet} ({uc} tiêu chí)."],
    ["- Xã đạt {mc}/19 tiêu chí nông thôn mới, đạt 89,5%; còn {uc} tiêu chí chưa đạt gồm {unmet}."],
    ["- Những tiêu chí chưa đạt gồm có {unmet}; những tiêu chí khác đều đạt."],
    ["- Tổng số tiêu chí xã đạt chuẩn: {mc}/19 tiêu chí, cụ thể: {met}.", "- Tiêu chí chưa đạt chuẩn: {unmet}."],
    ["- Xã đã có {mc} tiêu chí đạt chuẩn ({met}), còn {unmet} chưa đạt chuẩn."],
    ["- Tự đánh giá: đạt {mc}/19 tiêu chí; chưa đạt {uc}/19 tiêu chí là {unmet}."],
    ["- Về tiêu chí: xã đạt {met}; không đạt {unmet}."],
    ["- Đạt chuẩn: {met}.", "- Chưa đạt chuẩn: {unmet}."],
    ["- Xã được thẩm định đạt {mc}/19 tiêu chí, gồm: {met}; chưa đạt: {unmet}."],
]
LIST_STYLES = ["tiêu chí số {n}", "TC{n}", "tiêu chí {n} về {name}", "{name}", "tiêu chí {name}", "{n}",
               "TC {n} ({name})", "tiêu chí số {n} - {name}", "số {n}", "Tiêu chí {n}: {name}", "{name} ({n})",
               "tiêu chí thứ {n}", "TC số {n} về {name}", "{name} (tiêu chí {n})"]


def listed(style: str, numbers: list[int], sep: str) -> str:
    items = [style.format(n=n, name=NAMES[n]) for n in numbers]
    return sep.join(items[:-1]) + " và " + items[-1]


def summary_lines(template: list[str], style: str, sep: str) -> list[str]:
    unmet = listed(style, UNMET, sep)
    met = listed(style, REST, sep)
    return [line.format(mc=17, uc=2, met=met, unmet=unmet, Unmet=unmet[0].upper() + unmet[1:]) for line in template]


@pytest.mark.parametrize("template", SUMMARIES, ids=[str(i) for i in range(len(SUMMARIES))])
def test_summaries_in_every_list_style(template: list[str]) -> None:
    misses = [(lines, got) for style in LIST_STYLES for sep in (", ", "; ")
              if (got := answer([*(lines := summary_lines(template, style, sep))])) != EXPECTED]
    assert misses == []


# --- one line per criterion with its status ---

LINE_FORMS = [
    "{n}. {name}: {word}", "- Tiêu chí {n} ({name}): {word}.", "+ {name} - {word}", "Tiêu chí số {n} về {name}: {word}",
    "{name}: {word}", "- TC{n} {name}: {word};", "- {name} ({word})", "- Tiêu chí {name}: xã {lower}.",
    "- Tiêu chí số {n}: {word} ({name}).", "{n}/ {name}: {word}", "- Tiêu chí {n}: {name} → {word}",
    "- Tiêu chí số {n} - {name}: kết quả {lower}.", "- Tiêu chí {name} được đánh giá {lower}.", "* {name}: {word}.",
    "- Tiêu chí số {n}. {name}: {word}", "{n}. {name} ........ {word}", "- Tiêu chí {n} - {name}: {word} tiêu chí.",
    "({n}) {name}: {word};", "- Tiêu chí thứ {n} ({name}): {word}.", "- Về {name}: {word}.",
    "- Tiêu chí về {name}: {lower}.", "Tiêu chí {n}. {name} – {word}", "- TC {n} – {name}: {upper}",
    "- {name}: Tự đánh giá {lower}.", "- {name}: tiêu chí này {lower}.", "{name} — {word}",
    "- Tiêu chí {n} ({name}) – {word}", "- Tiêu chí số {n} ({name}): xã tự đánh giá {lower}.",
    "- Tiêu chí {n}: {word} - {name}"]
WORDS = [("Đạt", "Chưa đạt"), ("Hoàn thành", "Chưa hoàn thành"), ("Đạt chuẩn", "Chưa đạt chuẩn"),
         ("Đã đạt", "Không đạt")]


@pytest.mark.parametrize("form", LINE_FORMS)
def test_one_line_per_criterion(form: str) -> None:
    misses = []
    for met, unmet in WORDS:
        for intro in ([], ["Kết quả tự đánh giá từng tiêu chí như sau:"]):
            words = {n: unmet if n in UNMET else met for n in NAMES}
            lines = [*intro, *(form.format(n=n, name=NAMES[n], word=w, lower=w.lower(), upper=w.upper())
                               for n, w in words.items())]
            if (got := answer(lines)) != EXPECTED:
                misses.append((lines[:2], got))
    assert misses == []


# --- criteria tables under other headers ---

HEADERS: list[Row] = [
    ("STT", "Tiêu chí", "Kết quả đạt được"), ("TT", "Tên tiêu chí", "Đánh giá của xã"),
    ("Số TT", "Nội dung", "Kết quả thực hiện đến 31/12/2023"), ("TT", "Tên tiêu chí", "Xã tự đánh giá"),
    ("TT", "Tên tiêu chí", "Mức độ hoàn thành"), ("TT", "Danh mục tiêu chí", "Thực trạng"),
    ("STT", "Tên tiêu chí", "Tình hình thực hiện"), ("TT", "Tiêu chí", "Kết quả thẩm định"),
    ("Tiêu chí số", "Tên tiêu chí", "Kết quả"), ("TT", "Tên tiêu chí", "Năm 2023"),
    ("TT", "Tên tiêu chí", "Kết quả rà soát"), ("TT", "Các tiêu chí", "Tự đánh giá"),
    ("STT", "Tên tiêu chí NTM", "Kết quả"), ("TT", "Tiêu chí", "Đánh giá mức độ đạt"),
    ("TT", "Tên tiêu chí", "Xếp loại"), ("TT", "Tên tiêu chí", "Tình trạng đạt chuẩn"),
    ("Stt", "Tên Tiêu chí", "Kết Quả")]


@pytest.mark.parametrize("head", HEADERS, ids=[h[-1] for h in HEADERS])
def test_tables_under_other_headers(head: Row) -> None:
    misses = []
    for met, unmet in WORDS:
        rows = [head, *((str(n), NAMES[n], unmet if n in UNMET else met) for n in NAMES)]
        if (got := answer([rows])) != EXPECTED:
            misses.append((met, got))
    assert misses == []


@pytest.mark.parametrize("met, unmet", [("Đạt", "Chưa đạt"), ("Đạt chuẩn", "Chưa đạt chuẩn"),
                                        ("Đã đạt", "Chưa đạt"), ("Hoàn thành", "Chưa hoàn thành"),
                                        ("Đạt", "Không đạt")])
@pytest.mark.parametrize("mark", ["x", "X", "✓", "√", "+", "●"])
def test_tick_columns_of_every_heading_and_mark(met: str, unmet: str, mark: str) -> None:
    rows: list[Row] = [("TT", "Tên tiêu chí", met, unmet),
            *((str(n), NAMES[n], "" if n in UNMET else mark, mark if n in UNMET else "") for n in NAMES)]
    assert answer([rows]) == EXPECTED


# --- lists one criterion per line under an opening line, in many layouts ---

BULLETS = ["{n}. {name}", "{letter}) {name}", "• Tiêu chí {n} về {name}", "- Tiêu chí {name} ({n})", "- {name} (TC{n})",
           "+ TC {n} - {name}", "({n}) {name}", "- Số {n}: {name}", "{n}/ {name}", "- {n} - {name}",
           "Tiêu chí {n}. {name}", "+ {name} - tiêu chí số {n}", "- Tiêu chí số {n} ({name});", "– {name};",
           "- Tiêu chí {n}: {name}", "{name}", "- TC{n}"]
OPENINGS = [("* Các tiêu chí đã đạt:", "* Các tiêu chí chưa đạt:"),
            # the count before "gồm" counts the list: it is no item of it
            ("- Tiêu chí đã đạt: 17, gồm:", "- Tiêu chí chưa đạt: 02, gồm:"),
            ("Những tiêu chí xã đạt chuẩn gồm:", "Những tiêu chí xã chưa đạt chuẩn gồm:"),
            ("+ Các tiêu chí đạt (17 tiêu chí):", "+ Các tiêu chí chưa đạt (02 tiêu chí):"),
            ("- Xã đạt 17 tiêu chí, cụ thể như sau:", "- Có 2 tiêu chí chưa đạt, cụ thể:"),
            ("Cụ thể các tiêu chí đã đạt như sau:", "Cụ thể các tiêu chí chưa đạt như sau:"),
            ("Danh sách tiêu chí đã đạt:", "Danh sách tiêu chí chưa đạt:"),
            ("a) Tiêu chí đã đạt chuẩn (17 tiêu chí)", "b) Tiêu chí chưa đạt chuẩn (02 tiêu chí)"),
            ("- Đạt chuẩn 17 tiêu chí:", "- Chưa đạt chuẩn 02 tiêu chí:"),
            ("1. Các tiêu chí đã đạt", "2. Các tiêu chí chưa đạt")]


def bulleted(form: str, numbers: list[int]) -> list[str]:
    return [form.format(n=n, name=NAMES[n], letter="abcdefghiklmnopqrs"[i]) for i, n in enumerate(numbers)]


@pytest.mark.parametrize("form", BULLETS)
def test_lists_one_per_line_under_every_opening(form: str) -> None:
    misses = [(met_line, got) for met_line, unmet_line in OPENINGS
              if (got := answer([met_line, *bulleted(form, REST), unmet_line, *bulleted(form, UNMET)])) != EXPECTED]
    assert misses == []


# --- statements that must not change the commune's answer, before or after it ---

STATEMENT = "Đến nay xã đạt 17/19 tiêu chí; chưa đạt tiêu chí 10 và 17."
# an earlier year, a baseline, another commune, a plan, a village, a household, a school,
# another criteria set, a hedge, a condition
DISTRACTORS = ["Năm 2022, xã đạt 15/19 tiêu chí, chưa đạt tiêu chí 2, 10, 13, 17.",
 "Khi bắt đầu triển khai Chương trình (năm 2011), xã chỉ đạt 5/19 tiêu chí.",
 "Xuất phát điểm năm 2011: xã đạt 3 tiêu chí (1, 4, 19).",
 "So với đầu nhiệm kỳ (đạt 12 tiêu chí), xã tăng thêm 5 tiêu chí.",
 "Thời điểm bắt đầu xây dựng NTM, xã đạt 4/19 tiêu chí.",
 "Xã Tân Lập (xã bạn) đạt 19/19 tiêu chí.",
 "Trong khi đó, xã Hòa Bình đã đạt 19/19 tiêu chí.",
 "Phấn đấu đến hết năm 2024 đạt thêm tiêu chí 10.",
 "Mục tiêu năm 2024: đạt 19/19 tiêu chí.",
 "Kế hoạch năm 2024: hoàn thành tiêu chí Thu nhập, Môi trường.",
 "Năm 2024 tập trung hoàn thành 02 tiêu chí còn lại là Thu nhập và Môi trường.",
 "Đăng ký đạt chuẩn NTM năm 2024.",
 "Dự kiến cuối năm 2023 xã đạt thêm tiêu chí 10.",
 "Trong năm 2024, xã sẽ đạt 19/19 tiêu chí.",
 "Tiêu chí 10 và 17 phấn đấu đạt trong quý II/2024.",
 "Năm 2021 xã đạt 14/19 tiêu chí; năm 2022 đạt 15/19 tiêu chí.",
 "Huyện có 12/15 xã đạt chuẩn nông thôn mới; bình quân đạt 17,2 tiêu chí/xã.",
 "Thôn Đông đạt 19/19 tiêu chí thôn nông thôn mới kiểu mẫu.",
 "Hộ gia đình đạt 5/5 tiêu chí gia đình văn hóa.",
 "Trường Tiểu học đạt chuẩn quốc gia mức độ 2.",
 "Xã phấn đấu năm 2025 đạt chuẩn nông thôn mới nâng cao.",
 "Theo Bộ tiêu chí xã NTM nâng cao, xã đạt 10/19 tiêu chí.",
 "Năm 2019 xã được công nhận đạt chuẩn nông thôn mới.",
 "Tiêu chí 10 có khả năng đạt trong năm 2024.",
 "Để đạt tiêu chí 17, xã cần đầu tư hệ thống cấp nước sạch.",
 "Nếu hoàn thành tiêu chí Thu nhập, xã sẽ đạt 18/19 tiêu chí.",
 "Tiêu chí 10 chưa đạt nên xã chưa đủ điều kiện đề nghị công nhận.",
 "Các xã Tân Lập, Hòa Bình đã đạt 19/19 tiêu chí.",
 "Đoàn kiểm tra của tỉnh đánh giá 5 xã đạt 19/19 tiêu chí.",
]


@pytest.mark.parametrize("line", DISTRACTORS)
def test_other_times_subjects_and_plans_leave_the_answer(line: str) -> None:
    for lines in ([line, STATEMENT], [STATEMENT, line]):
        c = read(lines)
        assert ((sorted(c.met), sorted(c.unmet), sorted(c.basically_met)), c.met_count_claimed) == (EXPECTED, 17)


# --- a section per criterion: its heading, a body of measures, its verdict line ---

SECTION_HEADS = ["Tiêu chí số {n}: {name}", "{n}. Tiêu chí {name}", "TIÊU CHÍ {n} - {upper}",
                 "Tiêu chí {name} (tiêu chí số {n})", "* Tiêu chí số {n} về {name}",
                 "{letter}) Tiêu chí số {n}: {name}",
                 "2.{n}. Tiêu chí số {n} - {name}", "- Tiêu chí {n}: {name}", "{n}) {name}", "TC{n}. {name}"]
VERDICT_LINES = ["- Kết quả đánh giá tiêu chí: {word}", "- Đánh giá kết quả: {lower}", "- Xã tự đánh giá: {word}",
                 "- Tự đánh giá kết quả thực hiện tiêu chí: {word}", "- Kết quả tự đánh giá mức độ đạt: {word}",
                 "- Mức độ hoàn thành: {word}", "- So sánh với yêu cầu: {word}", "- Đối chiếu yêu cầu: {word}",
                 "- Nhận xét: Tiêu chí {lower}", "- Ý kiến đánh giá: {word}", "- Kết quả kiểm tra: {word}",
                 "- Kết quả thẩm định: {word}", "=> Tiêu chí {lower}.", "Đánh giá: {word} tiêu chí",
                 "- Tiêu chí {lower}.",
                 "- Xã {lower} tiêu chí.", "Kết luận: xã {lower} tiêu chí {name}.", "- Đánh giá: {word} ({n}/19)"]
SECTION_BODY = ["- Kết quả thực hiện: các chỉ tiêu được rà soát theo hướng dẫn của huyện.",
                "- Kinh phí thực hiện: 1.250 triệu đồng."]


@pytest.mark.parametrize("head", SECTION_HEADS)
def test_sections_per_criterion_with_every_verdict_line(head: str) -> None:
    misses = []
    for verdict in VERDICT_LINES:
        lines = ["II. KẾT QUẢ THỰC HIỆN CÁC TIÊU CHÍ"]
        for i, n in enumerate(NAMES):
            word = "Chưa đạt" if n in UNMET else "Đạt"
            lines += [head.format(n=n, name=NAMES[n], upper=NAMES[n].upper(), letter="abcdefghiklmnopqrst"[i]),
                      *SECTION_BODY, verdict.format(word=word, lower=word.lower(), name=NAMES[n], n=n)]
        if (got := answer(lines)) != EXPECTED:
            misses.append((verdict, got))
    assert misses == []


# --- a column of what the criterion requires ("Đạt" on every row) beside the result ---

TARGET_HEADS = ["Chỉ tiêu chung", "Yêu cầu", "Chuẩn quy định", "Mức chuẩn", "Yêu cầu của tiêu chí", "Tiêu chuẩn",
                "Chỉ tiêu theo quy định", "Mức quy định", "Theo Bộ tiêu chí", "Nội dung yêu cầu", "Tiêu chuẩn đánh giá",
                "Chuẩn đánh giá", "Mức đạt chuẩn", "Chỉ tiêu đạt chuẩn", "Quy định của Bộ tiêu chí", "Chuẩn NTM",
                "Mức đánh giá chuẩn", "Kết quả phải đạt", "Kết quả yêu cầu", "Chỉ tiêu đánh giá"]


@pytest.mark.parametrize("target", TARGET_HEADS)
def test_a_column_of_requirements_is_no_result(target: str) -> None:
    misses = []
    for result in ["Kết quả", "Đánh giá", "Tự đánh giá", "Hiện trạng", "Tình trạng"]:
        for before in (True, False):
            for required in ("Đạt", "Đạt chuẩn"):
                head = (target, result) if before else (result, target)
                rows: list[Row] = [("STT", "Tên tiêu chí", *head)]
                for n in NAMES:
                    got_word = "Chưa đạt" if n in UNMET else "Đạt"
                    rows.append((str(n), NAMES[n], *((required, got_word) if before else (got_word, required))))
                if (got := answer([rows])) != EXPECTED:
                    misses.append((head, required, got))
    assert misses == []
