"""criteria_* (extractor/checks/criteria_count.py): claimed counts, lists and the criteria set,
and the criteria reader's conflicts."""
from __future__ import annotations

from extractor.core.model import (
    CriteriaConflict,
    CriteriaStatus,
    CriterionEvidence,
    Evidence,
    Location,
)
from tests.checks.helpers import make_doc, rules, run, texts


def _criteria(met, unmet, met_claimed=None, unmet_claimed=None, **kw) -> CriteriaStatus:
    ev = [CriterionEvidence(n, "met", f"Tiêu chí số {n}", Location(0, None, 0, 5)) for n in met]
    ev += [CriterionEvidence(n, "unmet", f"Tiêu chí số {n}", Location(1, None, 0, 5)) for n in unmet]
    return CriteriaStatus(met=list(met), unmet=list(unmet), met_count_claimed=met_claimed,
                          unmet_count_claimed=unmet_claimed, criteria_set="commune-2021-2025", evidence=ev, **kw)


MET14 = [1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 14, 15, 16, 19]
UNMET5 = [6, 10, 11, 17, 18]


def test_criteria_silent_when_counts_and_lists_agree():
    doc = make_doc("Tổng số 14 tiêu chí xã đạt", "Tổng 5 tiêu chí không đạt")
    assert run(doc, [], _criteria(MET14, UNMET5, 14, 5)) == []


def test_criteria_count_mismatch_against_the_list():
    doc = make_doc("Tổng số 15 tiêu chí xã đạt", "Tổng 5 tiêu chí không đạt")
    crit = _criteria(MET14, UNMET5, 15, 5, count_evidence={"met": Evidence("15 tiêu chí xã đạt", Location(0, None, 7,
                                                                                                          25))})
    flags = run(doc, [], crit)
    assert rules(flags) == ["criteria_count_mismatch"]
    assert texts(flags[0])[0] == "15 tiêu chí xã đạt"
    assert "15" in flags[0].message and "14" in flags[0].message


def test_criteria_claimed_counts_that_do_not_make_the_set():
    flags = run(make_doc("x", "y"), [], _criteria([], [], 14, 4))
    assert rules(flags) == ["criteria_count_mismatch"]
    assert "18" in flags[0].message and "19" in flags[0].message


def test_criteria_lists_that_do_not_make_the_set():
    # the unmet list is whole by its own count (5), so the met list leaves criterion 19 out
    flags = run(make_doc("x", "y"), [], _criteria(MET14[:-1], UNMET5, unmet_claimed=5))
    assert rules(flags) == ["criteria_count_mismatch"]
    # no count vouches for either list: they may be a partial read (seventh audit)
    assert run(make_doc("x", "y"), [], _criteria(MET14[:-1], UNMET5)) == []


def test_criterion_both_met_and_unmet():
    flags = run(make_doc("x", "y"), [], _criteria(MET14, UNMET5 + [19]))
    assert "criteria_both_met_and_unmet" in rules(flags)
    both = next(f for f in flags if f.rule == "criteria_both_met_and_unmet")
    assert both.severity == "error" and "19" in both.message and len(both.evidence) == 2


def test_criteria_conflicts_from_the_reader_become_flags():
    conflict = CriteriaConflict(kind="name_number_mismatch", numbers=[6, 16],
                                evidence=[Evidence("Tiêu chí số 6 Văn hóa", Location(0, None, 0, 21))], resolved=16)
    ignored = CriteriaConflict(kind="met_and_unmet", numbers=[3], evidence=[])
    flags = run(make_doc("x", "y"), [], _criteria(MET14, UNMET5, conflicts=[conflict, ignored]))
    assert rules(flags) == ["criterion_name_conflict"]
    assert "Tiêu chí số 6 Văn hóa" in flags[0].message and "16" in flags[0].message
