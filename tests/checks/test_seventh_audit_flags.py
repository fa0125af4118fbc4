"""False alarms of the seventh held-out audit's kind, at the check (statements written for these
tests). A claimed count of met criteria ("Đến nay xã đạt 14 tiêu chí") is checked against the
met list only when that list is the report's whole list: it holds more than the claim, the lists
give every criterion of the set a status, or each listed criterion is stated in the claim's own
section. A list gathered from a few sections' own verdicts is a partial read, and a count it
falls short of is no contradiction. Lists that leave criteria of the set out are reported only
when a claimed count vouches for one of them and the other is stated with that claim. A count
right after a label's colon ("Tiêu chí chưa đạt: 3 tiêu chí") is read with the label, so an
unmet count so written is one."""
from __future__ import annotations

from extractor.checks.scope import scope_at
from extractor.core.model import CriteriaStatus, CriterionEvidence, Document, Evidence, Location
from tests.checks.helpers import make_doc, rules, run

_VERDICTS = ("II. KẾT QUẢ THỰC HIỆN TỪNG TIÊU CHÍ",
             "1. Tiêu chí số 3 về Thủy lợi", "- Tự đánh giá: đạt",
             "2. Tiêu chí số 8 về Thông tin và Truyền thông", "- Tự đánh giá: đạt",
             "3. Tiêu chí số 12 về Lao động", "- Tự đánh giá: chưa đạt",
             "III. ĐÁNH GIÁ CHUNG")
_VERDICT_BLOCKS = {3: 2, 8: 4, 12: 6}


def _at(doc: Document, block: int, text: str) -> Location:
    start = doc.blocks[block].text.index(text)
    return Location(block, None, start, start + len(text))


def _verdict_evidence(doc: Document, numbers: list[int], status: str) -> list[CriterionEvidence]:
    return [CriterionEvidence(n, status, doc.blocks[_VERDICT_BLOCKS[n]].text, _at(doc, _VERDICT_BLOCKS[n], "đạt"))
            for n in numbers]


def _summary_doc(summary: str) -> Document:
    return make_doc(*_VERDICTS, summary)


def _claim(doc: Document, text: str) -> Evidence:
    return Evidence(text, _at(doc, len(doc.blocks) - 1, text))


def test_a_count_the_sections_verdicts_fall_short_of_is_no_finding() -> None:
    doc = _summary_doc("Đến thời điểm báo cáo, xã đã hoàn thành 14 tiêu chí, còn lại đang phấn đấu.")
    crit = CriteriaStatus(met=[3, 8], unmet=[12], met_count_claimed=14,
                          evidence=_verdict_evidence(doc, [3, 8], "met") + _verdict_evidence(doc, [12], "unmet"),
                          count_evidence={"met": _claim(doc, "14 tiêu chí")})
    assert "criteria_count_mismatch" not in rules(run(doc, [], crit))


def test_a_list_stated_with_the_claim_that_falls_short_of_it_is_reported() -> None:
    doc = _summary_doc("Đến thời điểm báo cáo, xã đã hoàn thành 4 tiêu chí, gồm: tiêu chí 1, tiêu chí 2, tiêu chí 5.")
    listed = [CriterionEvidence(n, "met", f"tiêu chí {n}", _claim(doc, f"tiêu chí {n}").location) for n in (1, 2, 5)]
    crit = CriteriaStatus(met=[1, 2, 5], met_count_claimed=4, evidence=listed,
                          count_evidence={"met": _claim(doc, "4 tiêu chí")})
    flags = run(doc, [], crit)
    assert rules(flags) == ["criteria_count_mismatch"]
    assert "4" in flags[0].message and "3" in flags[0].message


def test_whole_lists_that_differ_from_the_claim_are_reported_wherever_they_are_read() -> None:
    # every criterion of the set has its status, some from the sections: the lists are whole
    doc = _summary_doc("Đến thời điểm báo cáo, xã đã hoàn thành 14 tiêu chí.")
    met = [n for n in range(1, 20) if n not in (12, 15, 16, 17, 18, 19)]
    crit = CriteriaStatus(met=met, unmet=[12, 15, 16, 17, 18, 19], met_count_claimed=14,
                          evidence=_verdict_evidence(doc, [3, 8], "met") + _verdict_evidence(doc, [12], "unmet"),
                          count_evidence={"met": _claim(doc, "14 tiêu chí")})
    assert rules(run(doc, [], crit)) == ["criteria_count_mismatch"]


def test_more_criteria_listed_than_claimed_is_reported_from_a_partial_read_too() -> None:
    doc = _summary_doc("Đến thời điểm báo cáo, xã đã hoàn thành 1 tiêu chí.")
    crit = CriteriaStatus(met=[3, 8], met_count_claimed=1, evidence=_verdict_evidence(doc, [3, 8], "met"),
                          count_evidence={"met": _claim(doc, "1 tiêu chí")})
    assert rules(run(doc, [], crit)) == ["criteria_count_mismatch"]


def test_partial_lists_no_count_vouches_for_are_no_finding() -> None:
    doc = _summary_doc("Các tiêu chí khác đang được rà soát.")
    crit = CriteriaStatus(met=[3, 8], unmet=[12],
                          evidence=_verdict_evidence(doc, [3, 8], "met") + _verdict_evidence(doc, [12], "unmet"))
    assert rules(run(doc, [], crit)) == []


def test_lists_that_leave_criteria_out_are_reported_when_a_count_vouches_for_one() -> None:
    # sixteen met, as claimed; two unmet listed: criterion 19 has no status
    doc = _summary_doc("Xã đạt 16 tiêu chí; chưa đạt tiêu chí 17 và tiêu chí 18.")
    crit = CriteriaStatus(met=list(range(1, 17)), unmet=[17, 18], met_count_claimed=16,
                          count_evidence={"met": _claim(doc, "16 tiêu chí")})
    flags = run(doc, [], crit)
    assert rules(flags) == ["criteria_count_mismatch"]
    assert "18" in flags[0].message and "19" in flags[0].message


def _label_counts(met_line: str, unmet_line: str, met: int, unmet: int) -> list[str]:
    doc = make_doc("Kết quả rà soát các tiêu chí của xã:", met_line, unmet_line)
    crit = CriteriaStatus(met_count_claimed=met, unmet_count_claimed=unmet,
                          count_evidence={"met": Evidence(f"{met} tiêu chí", _at(doc, 1, f"{met} tiêu chí")),
                                          "unmet": Evidence(f"{unmet} tiêu chí", _at(doc, 2, f"{unmet} tiêu chí"))})
    return rules(run(doc, [], crit))


def test_an_unmet_count_after_its_label_and_colon_is_summed_with_the_met_count() -> None:
    assert _label_counts("• Các tiêu chí đã đạt: 17 tiêu chí", "• Các tiêu chí chưa đạt: 3 tiêu chí",
                         17, 3) == ["criteria_count_mismatch"]
    assert _label_counts("• Các tiêu chí đã đạt: 16 tiêu chí", "• Các tiêu chí chưa đạt: 3 tiêu chí", 16, 3) == []


def test_a_count_after_a_colon_reads_its_label_for_unmet_only_when_nothing_stands_between() -> None:
    text = "Tiêu chí không đạt: 4 tiêu chí"
    assert scope_at(text, text.index("4"), len(text)).unmet
    met = "Tiêu chí đạt: 15 tiêu chí"
    assert not scope_at(met, met.index("15"), len(met)).unmet
    # the label's unmet word is not the count's when words of its own come first
    own = "Tiêu chí chưa đạt: trong năm xã đã đạt thêm 2 tiêu chí"
    assert not scope_at(own, own.index("2 tiêu"), len(own)).unmet


def test_lists_that_leave_criteria_out_are_no_finding_when_the_other_list_is_the_sections_own() -> None:
    # sixteen met, as claimed and listed with the claim; the one unmet criterion read comes from
    # a section's verdict: the unmet ones are read in part, not listed short
    doc = _summary_doc("Xã đạt 16 tiêu chí: tiêu chí 1 đến tiêu chí 11, tiêu chí 13 đến tiêu chí 17.")
    met = [n for n in range(1, 18) if n != 12]
    at = _claim(doc, "tiêu chí 1 đến").location
    crit = CriteriaStatus(met=met, unmet=[12], met_count_claimed=16,
                          evidence=[CriterionEvidence(n, "met", "tiêu chí", at) for n in met]
                          + _verdict_evidence(doc, [12], "unmet"),
                          count_evidence={"met": _claim(doc, "16 tiêu chí")})
    assert rules(run(doc, [], crit)) == []


def test_a_list_in_subsections_of_the_claims_section_is_stated_with_the_claim() -> None:
    doc = make_doc("V. KẾT QUẢ CHUNG", "1. Kết quả thực hiện Bộ tiêu chí", "Xã đạt 3 tiêu chí, cụ thể:",
                   "a) Nhóm hạ tầng:", "- Tiêu chí 2 về Giao thông;", "b) Nhóm kinh tế:", "- Tiêu chí 10 về Thu nhập.")
    listed = [CriterionEvidence(2, "met", "Tiêu chí 2", _at(doc, 4, "Tiêu chí 2")),
              CriterionEvidence(10, "met", "Tiêu chí 10", _at(doc, 6, "Tiêu chí 10"))]
    claim = Evidence("3 tiêu chí", _at(doc, 2, "3 tiêu chí"))
    crit = CriteriaStatus(met=[2, 10], met_count_claimed=3, evidence=listed, count_evidence={"met": claim})
    assert rules(run(doc, [], crit)) == ["criteria_count_mismatch"]


def test_a_claim_under_no_heading_is_not_stated_with_the_sections_verdicts() -> None:
    doc = make_doc("Đến nay xã đã đạt 14 tiêu chí.", *_VERDICTS[:5])
    verdicts = [CriterionEvidence(n, "met", "đạt", _at(doc, b + 1, "đạt")) for n, b in ((3, 2), (8, 4))]
    claim = Evidence("14 tiêu chí", _at(doc, 0, "14 tiêu chí"))
    crit = CriteriaStatus(met=[3, 8], met_count_claimed=14, evidence=verdicts, count_evidence={"met": claim})
    assert rules(run(doc, [], crit)) == []
