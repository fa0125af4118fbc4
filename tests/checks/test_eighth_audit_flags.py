"""Flags of the eighth held-out audit's kind, at the check (statements written for these tests).
A count stated after a plan that the sentence judges done or not ("chỉ tiêu ... Nghị quyết đề
ra chưa hoàn thành: kết thúc nhiệm kỳ, xã đạt 15 tiêu chí") is the commune's result, so a list
stated with it that holds more is a contradiction; a count the plan only aims at ("Nghị quyết
đề ra phấn đấu đến cuối nhiệm kỳ đạt 15 tiêu chí") is no claim of the result."""
from __future__ import annotations

import pytest

from extractor.core.model import CriteriaStatus, CriterionEvidence, Document, Evidence, Location
from tests.checks.helpers import make_doc, rules, run

_MET = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 14, 15, 16, 18, 19]  # sixteen listed


def _at(doc: Document, text: str) -> Location:
    start = doc.blocks[0].text.index(text)
    return Location(0, None, start, start + len(text))


def _status(doc: Document, claim: str) -> CriteriaStatus:
    listed = [CriterionEvidence(n, "met", f"TC {n}", _at(doc, f"TC {n};")) for n in _MET]
    return CriteriaStatus(met=list(_MET), met_count_claimed=15, evidence=listed,
                          count_evidence={"met": Evidence(claim, _at(doc, claim))})


def _line(lead: str) -> str:
    return lead + "xã đạt 15 tiêu chí (" + " ".join(f"TC {n};" for n in _MET) + ")."


@pytest.mark.parametrize("lead", [
    "- Chỉ tiêu xây dựng nông thôn mới Nghị quyết Đại hội đề ra chưa hoàn thành: kết thúc nhiệm kỳ, ",
    "- Mục tiêu Nghị quyết đề ra đã hoàn thành một phần: ",
    "- Kế hoạch đề ra không hoàn thành, ",
])
def test_a_count_after_a_plan_judged_done_or_not_is_the_result(lead: str) -> None:
    doc = make_doc(_line(lead))
    assert rules(run(doc, [], _status(doc, "15 tiêu chí"))) == ["criteria_count_mismatch"]


@pytest.mark.parametrize("lead", [
    "- Nghị quyết Đại hội đề ra phấn đấu đến cuối nhiệm kỳ ",
    "- Kế hoạch năm sau phấn đấu hoàn thành thêm chỉ tiêu: ",
])
def test_a_count_the_plan_only_aims_at_is_no_claim(lead: str) -> None:
    doc = make_doc(_line(lead))
    assert "criteria_count_mismatch" not in rules(run(doc, [], _status(doc, "15 tiêu chí")))
