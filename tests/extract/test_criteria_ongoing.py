"""A criterion being worked on is not met: progressive "đang" before completing ("đang (tập
trung) hoàn thành / hoàn thiện / thực hiện tiêu chí 10"). Regression (reviewer): after a target
word and a comma, a word of the present ("phấn đấu ..., hiện nay đang tập trung hoàn thành tiêu
chí 10") turned the clause back to now, and the criteria under way read as met; "Hiện nay xã
đang hoàn thiện tiêu chí 10" read as met already before. Statements written for these tests."""
from __future__ import annotations

import pytest

from tests.extract.test_criteria_unseen_forms import answer


@pytest.mark.parametrize("line", [
    "Xã phấn đấu đạt chuẩn nâng cao, hiện nay đang tập trung hoàn thành tiêu chí 10 và tiêu chí 17.",
    "Mục tiêu năm 2025 xã phấn đấu đạt chuẩn, hiện tại đang hoàn thiện tiêu chí 10 và tiêu chí 17.",
    "Hiện nay xã đang hoàn thiện tiêu chí 10 và tiêu chí 17.",
    "Đến nay xã đang tích cực thực hiện tiêu chí 10, tiêu chí 17.",
    "Xã đang khẩn trương hoàn thành tiêu chí số 10 và số 17 để đề nghị công nhận.",
])
def test_criteria_under_way_are_not_met(line: str) -> None:
    assert answer([line]) == ([], [], [])


@pytest.mark.parametrize("line, expected", [
    # done, not under way
    ("Đến nay xã đã hoàn thành tiêu chí 10 và tiêu chí 17.", ([10, 17], [], [])),
    ("Qua các năm phấn đấu, hiện nay xã đã đạt tiêu chí 10 và tiêu chí 17.", ([10, 17], [], [])),
    # the progressive covers its own clause only
    ("Xã đang tập trung hoàn thành tiêu chí 10; tiêu chí 17 đã đạt.", ([17], [], [])),
])
def test_criteria_done_are_met_beside_work_under_way(line: str, expected: tuple[list[int], ...]) -> None:
    assert answer([line]) == expected
