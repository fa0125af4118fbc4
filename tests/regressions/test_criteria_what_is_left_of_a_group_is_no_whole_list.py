"""What is left of a group ("Trong nhóm tiêu chí hạ tầng, xã chỉ còn 2 tiêu chí là Giao thông,
Điện.") made every criterion outside the group met (found by the reviewer): what is left of a
group or a field says nothing of the other groups."""
from __future__ import annotations

from extractor.core.model import CriteriaStatus
from tests.extract.test_criteria_unseen_forms import read


def _criteria(*lines: str) -> CriteriaStatus:
    return read(lines)  # a report of 2023 of the commune Thử Nghiệm


def test_what_is_left_of_a_group_leaves_the_other_groups_unread() -> None:
    """Reviewer's case: "chỉ còn" within a group made every criterion outside it met."""
    got = _criteria("Trong nhóm tiêu chí hạ tầng kinh tế - xã hội, xã chỉ còn 2 tiêu chí là Giao thông, Điện.")
    assert got.met == [] and got.unmet == [2, 4]
    whole = _criteria("Đến nay, xã chỉ còn 2 tiêu chí là Giao thông, Điện.")
    assert whole.unmet == [2, 4] and len(whole.met) == 17
