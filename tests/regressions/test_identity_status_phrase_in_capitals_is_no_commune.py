"""Regression: a title in capitals stating a recognition ("XÃ ĐẠT CHUẨN NÔNG THÔN MỚI NĂM
2023") was read as a commune named "Đạt Chuẩn Nông Thôn Mới Năm"."""
from __future__ import annotations

import pytest

from extractor.pipeline import document_to_record
from tests.extract.helpers import lines_to_document


@pytest.mark.parametrize("title", ["XÃ ĐẠT CHUẨN NÔNG THÔN MỚI NĂM 2023", "XÃ CHƯA ĐẠT CHUẨN NÔNG THÔN MỚI",
                                   "XÃ ĐƯỢC CÔNG NHẬN ĐẠT CHUẨN NÔNG THÔN MỚI"])
def test_a_status_title_names_no_commune(title: str) -> None:
    record = document_to_record(lines_to_document("BÁO CÁO", title, "Kết quả đạt 19/19 tiêu chí."))
    assert record.identity.commune is None


def test_the_commune_of_the_letterhead_still_wins() -> None:
    record = document_to_record(lines_to_document("UBND XÃ AN BÌNH", "BÁO CÁO", "XÃ ĐẠT CHUẨN NÔNG THÔN MỚI NĂM 2023"))
    assert record.identity.commune == "An Bình"
