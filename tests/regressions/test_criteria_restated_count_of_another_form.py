"""A count after a bare "đã là" took the status of any earlier count of its sentence: "Năm 2021
xã còn 5 tiêu chí chưa đạt, đến nay đã là 19/19 tiêu chí." claimed 19 unmet criteria (found by
the reviewer). Without a word naming the earlier count ("con số này"), a count restates one of
its own form only."""
from __future__ import annotations

from extractor.core.model import CriteriaStatus
from tests.extract.test_criteria_unseen_forms import read


def _criteria(*lines: str) -> CriteriaStatus:
    return read(lines)  # a report of 2023 of the commune Thử Nghiệm


def test_a_ratio_after_a_bare_count_of_another_status_restates_nothing() -> None:
    got = _criteria("Năm 2021 xã còn 5 tiêu chí chưa đạt, đến nay đã là 19/19 tiêu chí.")
    assert got.unmet_count_claimed is None


def test_a_count_of_the_same_form_is_restated() -> None:
    got = _criteria("Năm 2021 xã đạt 12/19 tiêu chí, đến nay đã là 16/19 tiêu chí.")
    assert got.met_count_claimed == 16


def test_a_count_named_by_con_so_nay_is_restated_whatever_its_form() -> None:
    got = _criteria("Năm 2021 xã đạt 12 tiêu chí; đến năm 2023 con số này là 16/19 tiêu chí.")
    assert got.met_count_claimed == 16

