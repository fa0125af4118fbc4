"""A scan's result cell "Đat" (the recognizer dropped the dot below) or "Đã đat" set no status,
so the criteria of those rows went missing from the scan while the .docx of the same report
read them. A whole result cell is compared without marks; a sentence never is."""
from __future__ import annotations

import pytest

from tests.extract.helpers import criteria_of


def met_and_unmet(lines: list[str]) -> tuple[list[int], list[int]]:
    got = criteria_of(*lines)
    return got.met, got.unmet


@pytest.mark.parametrize("met_cell, unmet_cell", [
    ("Đạt", "Chưa đạt"),  # the typed report
    ("Đat", "Chưa đat"),  # dots below lost by OCR
    ("Đã đat", "Chua dat"),
    ("Dat", "Khong dat"),  # typed without marks
])
def test_result_cells_with_or_without_marks_give_the_same_statuses(met_cell: str, unmet_cell: str) -> None:
    lines = ["BÁO CÁO kết quả năm 2023", "STT | Tên tiêu chí | Kết quả", f"1 | Quy hoạch | {met_cell}",
             f"2 | Giao thông | {unmet_cell}", f"3 | Thủy lợi | {met_cell}"]
    assert met_and_unmet(lines) == ([1, 3], [2])


def test_a_word_that_reads_dat_without_marks_is_no_verdict_in_a_sentence() -> None:
    # "đất" (land) loses its marks to "dat" too: only a whole result cell is read unmarked
    lines = ["BÁO CÁO kết quả năm 2023", "Tiêu chí số 2 Giao thông: hiến đất làm đường 500 m2."]
    assert met_and_unmet(lines) == ([], [])
