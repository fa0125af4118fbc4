"""Forms found by probing the reader with statements written for these tests (none copied from
a report or a bank): a comparison's year after a status is not the status's time; a share
stated as "đạt tỷ lệ N%" after two amounts is checked as their ratio; a breakdown after two
amounts of different kinds splits the one of its own kind."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document, Record
from extractor.pipeline import document_to_record

YEARLY = "Kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới năm 2024"


def record_of(*lines: str, title: str = YEARLY) -> Record:
    texts = ("UBND XÃ TÂN HIỆP", "BÁO CÁO", title, *lines)
    return document_to_record(Document("mem.txt", "txt", "0",
                                       [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]))


@pytest.mark.parametrize("line", [
    "Xã đạt 15/19 tiêu chí (tăng 1 tiêu chí so với cuối năm 2023).",
    "Xã đạt 15/19 tiêu chí, tăng 2 tiêu chí so với cùng kỳ năm 2023.",
    "Đến nay xã đạt 15/19 tiêu chí, nhiều hơn 3 tiêu chí so với thời điểm cuối năm 2022.",
    "Xã đạt 15/19 tiêu chí, vượt 1 tiêu chí so với kế hoạch năm 2023.",
])
def test_a_comparisons_year_after_the_status_is_not_its_time(line: str) -> None:
    assert record_of(line).criteria.met_count_claimed == 15


@pytest.mark.parametrize("line", [
    "Xã đạt 13/19 tiêu chí năm 2023.",
    "Xã đạt 13/19 tiêu chí (năm 2023).",
])
def test_the_status_of_an_earlier_year_stays_that_years(line: str) -> None:
    assert record_of(line).criteria.met_count_claimed is None


def test_the_same_count_in_a_mid_year_review_with_its_comparison() -> None:
    rec = record_of("Tính đến tháng 6/2024, xã đạt 15/19 tiêu chí (tăng 1 tiêu chí so với cuối năm 2023).",
                    title="Sơ kết 6 tháng đầu năm 2024")
    assert rec.criteria.met_count_claimed == 15


@pytest.mark.parametrize("connector", ["đạt tỷ lệ", "chiếm tỷ lệ", "đạt tỉ lệ là", "đạt"])
def test_a_share_after_two_amounts_is_checked_as_their_ratio(connector: str) -> None:
    wrong = record_of(f"Toàn xã có 2.350 hộ, trong đó 2.345 hộ dùng điện an toàn, {connector} 89,8%.")
    assert [f.rule for f in wrong.flags] == ["ratio_mismatch"]
    right = record_of(f"Toàn xã có 2.350 hộ, trong đó 2.345 hộ dùng điện an toàn, {connector} 99,8%.")
    assert [f.rule for f in right.flags] == []


def test_a_share_of_another_whole_after_two_amounts_is_not_their_ratio() -> None:
    rec = record_of("Toàn xã có 2.350 hộ với 9.120 nhân khẩu; tỷ lệ hộ nghèo 2,1%.")
    assert [f.rule for f in rec.flags] == []


@pytest.mark.parametrize("line, flagged", [
    ("Nhân dân hiến 5.200 m2 đất và 1.350 ngày công; trong đó thôn 1 hiến 2.000 m2, thôn 2 hiến 1.800 m2, "
     "thôn 3 hiến 1.600 m2.", True),
    ("Nhân dân hiến 5.400 m2 đất và 1.350 ngày công; trong đó thôn 1 hiến 2.000 m2, thôn 2 hiến 1.800 m2, "
     "thôn 3 hiến 1.600 m2.", False),
    ("Nhân dân góp 1.350 ngày công và hiến 5.200 m2 đất, trong đó: thôn 1: 2.000 m2; thôn 2: 1.800 m2; "
     "thôn 3: 1.600 m2.", True),
])
def test_a_breakdown_after_two_amounts_splits_the_one_of_its_kind(line: str, flagged: bool) -> None:
    assert ([f.rule for f in record_of(line).flags] == ["sum_mismatch"]) is flagged


@pytest.mark.parametrize("line", [
    "Trường mầm non có 5 lớp với 120 cháu, trường tiểu học gồm 18 lớp với 450 em.",
    "Trường mầm non gồm 5 lớp với 120 cháu; trường tiểu học gồm 18 lớp với 450 em.",
    "Xã có 3 trường với 40 lớp; trường tiểu học gồm 18 lớp với 450 em.",
])
def test_one_part_of_another_kind_after_a_breakdown_word_splits_nothing(line: str) -> None:
    assert [f.rule for f in record_of(line).flags] == []


@pytest.mark.parametrize("header", [
    "Số: 12/BC-UBND           Tân Hiệp, ngày 15 tháng 12 năm 2023",
    "Số: 12/BC-UBND | Tân Hiệp, ngày 15 tháng 12 năm 2023",
    "Tân Hiệp, ngày 15 tháng 12 năm 2023",
])
def test_the_date_line_with_the_document_number_before_it(header: str) -> None:
    # the header's two cells (number, place and date) read as one line from a PDF or a text export
    rec = record_of(header, "Xã đạt 17/19 tiêu chí.", title="Kết quả xây dựng nông thôn mới")
    assert rec.identity.report_date == "2023-12-15"


def test_a_document_number_and_its_date_cited_in_the_header_are_not_the_reports_date() -> None:
    rec = record_of("Căn cứ Kế hoạch số 12/KH-UBND ngày 15 tháng 3 năm 2022 của UBND huyện.",
                    title="Kết quả xây dựng nông thôn mới")
    assert rec.identity.report_date is None
