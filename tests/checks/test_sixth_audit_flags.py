"""A false alarm of the sixth held-out audit's kind, at the check (statements written for these
tests): a heading that gives the count of the criteria "not yet confirmed (recognised, appraised)
as met" in brackets ("Các tiêu chí đoàn chưa công nhận đạt (6 tiêu chí):") counts unmet criteria.
When the criteria reader takes it for a second count of met criteria, the check does not report
two different met counts; a second count of met criteria in the same form still is reported.
The bracket is read so only after "chưa ... đạt": "các tiêu chí còn lại (9 tiêu chí) đã đạt" is
the met rest, not an unmet count."""
from __future__ import annotations

import pytest

from extractor.core.model import CriteriaConflict, CriteriaStatus, Evidence, Identity, Location
from tests.checks.helpers import make_doc, rules, run


def _flags(first: str, second: str) -> list[str]:
    doc = make_doc("Kết quả rà soát của đoàn kiểm tra huyện.", first, "Quy hoạch; Giao thông; Điện.", second,
                   "Thu nhập; Y tế.")

    def at(block: int, text: str) -> Evidence:
        start = doc.blocks[block].text.index(text)
        return Evidence(text, Location(block, None, start, start + len(text)))

    first_count = next(t for t in ("13 tiêu chí", "15 tiêu chí") if t in first)
    second_count = next(t for t in ("6 tiêu chí", "9 tiêu chí") if t in second)
    conflict = CriteriaConflict(kind="count_claims_disagree", numbers=[], status="met",
                                evidence=[at(1, first_count), at(3, second_count)])
    crit = CriteriaStatus(met_count_claimed=13, conflicts=[conflict])
    return rules(run(doc, [], crit))


@pytest.mark.parametrize("second", [
    "Các tiêu chí đoàn kiểm tra chưa xác nhận đạt (6 tiêu chí):",
    "Những tiêu chí chưa được công nhận đạt (6 tiêu chí):",
    "Tiêu chí chưa đạt (6 tiêu chí):",
])
def test_a_bracketed_count_of_criteria_not_yet_confirmed_met_is_no_second_met_count(second: str) -> None:
    assert "criteria_count_mismatch" not in _flags("Các tiêu chí đoàn kiểm tra xác nhận đạt (13 tiêu chí):", second)


@pytest.mark.parametrize("second", [
    "Các tiêu chí đoàn kiểm tra đã xác nhận đạt (9 tiêu chí):",
    "Các tiêu chí đạt (9 tiêu chí):",
])
def test_two_bracketed_counts_of_met_criteria_that_differ_are_reported(second: str) -> None:
    assert "criteria_count_mismatch" in _flags("Các tiêu chí đoàn kiểm tra xác nhận đạt (13 tiêu chí):", second)


def test_the_met_rest_in_brackets_is_no_unmet_count() -> None:
    # "the remaining criteria (9) are met": a reader that takes the 9 for the unmet count is not
    # checked against the unmet list of 3 ("còn lại" reads as unmet only before a bare count)
    doc = make_doc("Xã còn Tiêu chí 04; Tiêu chí 12; Tiêu chí 17 chưa đạt; các tiêu chí còn lại (9 tiêu chí) đã đạt.")
    start = doc.blocks[0].text.index("9 tiêu chí")
    claim = Evidence("9 tiêu chí", Location(0, None, start, start + len("9 tiêu chí")))
    crit = CriteriaStatus(unmet=[4, 12, 17], unmet_count_claimed=9, count_evidence={"unmet": claim})
    assert "criteria_count_mismatch" not in rules(run(doc, [], crit))


def test_a_bare_remaining_count_is_still_an_unmet_count() -> None:
    doc = make_doc("Xã còn lại 5 tiêu chí chưa đạt gồm: Tiêu chí 04; Tiêu chí 12; Tiêu chí 17.")
    start = doc.blocks[0].text.index("5 tiêu chí")
    claim = Evidence("5 tiêu chí", Location(0, None, start, start + len("5 tiêu chí")))
    crit = CriteriaStatus(unmet=[4, 12, 17], unmet_count_claimed=5, count_evidence={"unmet": claim})
    assert "criteria_count_mismatch" in rules(run(doc, [], crit))


def _met_claim_flags(line: str, claim_text: str, claimed: int) -> list[str]:
    doc = make_doc(line)
    start = doc.blocks[0].text.index(claim_text)
    claim = Evidence(claim_text, Location(0, None, start, start + len(claim_text)))
    met = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
    crit = CriteriaStatus(met=met, unmet=[14, 15, 16, 17, 18, 19], met_count_claimed=claimed,
                          count_evidence={"met": claim})
    return rules(run(doc, [], crit))


@pytest.mark.parametrize("claim_text", [
    "xã tăng từ 12/19",  # quoted with its lead-in, read from its number
    "12/19 tiêu chí",
])
def test_the_starting_count_of_a_rise_is_no_claim_of_the_result(claim_text: str) -> None:
    # "rose from 12 to 13": a reader that takes the 12 for the claim is not checked against the 13 met
    line = "Năm 2024, số tiêu chí đạt chuẩn của xã tăng từ 12/19 tiêu chí lên 13/19 tiêu chí."
    assert "criteria_count_mismatch" not in _met_claim_flags(line, claim_text, 12)


def test_the_result_of_a_rise_is_checked_against_the_list() -> None:
    line = "Năm 2024, số tiêu chí đạt chuẩn của xã tăng từ 11/19 tiêu chí lên 14/19 tiêu chí."
    assert "criteria_count_mismatch" in _met_claim_flags(line, "14/19 tiêu chí", 14)


def _thirteen_met_claimed_12(line: str) -> list[str]:
    """The rules of the flags on a 2024 report of `line` whose reader found 13 met and the claim
    "12/19 tiêu chí" there."""
    start = line.index("12/19 tiêu chí")
    claim = Evidence("12/19 tiêu chí", Location(0, None, start, start + len("12/19 tiêu chí")))
    crit = CriteriaStatus(met=list(range(1, 14)), unmet=list(range(14, 20)), met_count_claimed=12,
                          count_evidence={"met": claim})
    return rules(run(make_doc(line), [], crit, Identity(report_date="2024-12-01")))


def test_a_year_noted_after_the_starting_count_is_not_the_results() -> None:
    # "rose from 11 (in 2023) to 12" in a report of 2024: the 12 is 2024's, checked against the
    # 13 met; before, it took 2023 from the bracket and was set aside as another year's
    line = "Năm 2024, số tiêu chí đạt chuẩn của xã tăng từ 11/19 tiêu chí (năm 2023) lên 12/19 tiêu chí."
    assert "criteria_count_mismatch" in _thirteen_met_claimed_12(line)


def test_a_year_in_brackets_before_the_count_is_still_its_time() -> None:
    # no figure before the bracket: the year is the time of the count after it
    line = "Kết quả rà soát (năm 2023) xã đạt 12/19 tiêu chí."
    assert "criteria_count_mismatch" not in _thirteen_met_claimed_12(line)
