"""A report dated 2023 on the period 2021-2025 lost "Tính đến cuối năm 2023, xã đã đạt chuẩn 12
tiêu chí": the year it speaks from was taken as the period's end (2025), so its own year read as
history. The year a status is judged against is the earlier of the report date's and the
period end's; a year reaches no further than its clause ("năm 2011 ...; đến nay đạt ...")."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.structure.outline import document_to_outline


def _criteria(*lines: str):  # noqa: ANN202
    head = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023", "BÁO CÁO",
            "Kết quả xây dựng nông thôn mới giai đoạn 2021-2025"]
    doc = Document("mem.txt", "txt", "0", [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(head + list(lines))])
    return outline_to_criteria(document_to_outline(doc))


def test_the_report_year_is_current() -> None:
    got = _criteria("Tính đến cuối năm 2023, xã đã đạt chuẩn 12 tiêu chí.")
    assert got.met_count_claimed == 12


def test_a_year_stays_in_its_clause() -> None:
    got = _criteria("Khi bắt đầu xây dựng nông thôn mới năm 2011, xã mới đạt 4/19 tiêu chí; "
                    "đến nay đạt 17/19 tiêu chí.")
    assert got.met_count_claimed == 17


def test_an_earlier_and_a_later_year_set_nothing() -> None:
    got = _criteria("Năm 2022 xã đạt tiêu chí số 2; năm 2024 xã phấn đấu đạt tiêu chí số 5.")
    assert (got.met, got.unmet) == ([], [])
