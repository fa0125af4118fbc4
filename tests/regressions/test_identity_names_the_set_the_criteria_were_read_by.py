"""Regression: a report about the advanced set had its criteria read with the advanced
catalogue while its identity still named the basic set of its year, so the consolidated
tables grouped it with the basic-set reports."""
from __future__ import annotations

from extractor.pipeline import document_to_record
from tests.extract.helpers import lines_to_document

HEADER = ("UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2024", "BÁO CÁO")
BODY = ("I. KẾT QUẢ", "Đến nay xã đạt 17/19 tiêu chí; chưa đạt tiêu chí Y tế và Thu nhập.")


def test_an_advanced_report_names_the_advanced_set_in_its_identity() -> None:
    record = document_to_record(lines_to_document(
        *HEADER, "Kết quả xây dựng xã nông thôn mới nâng cao năm 2024", *BODY))
    assert record.criteria.criteria_set == record.identity.criteria_set == "commune-advanced-2021-2025"


def test_a_basic_report_names_the_basic_set_in_both() -> None:
    record = document_to_record(lines_to_document(*HEADER, "Kết quả xây dựng nông thôn mới năm 2024", *BODY))
    assert record.criteria.criteria_set == record.identity.criteria_set == "commune-2021-2025"
