"""What is left of a group ("Trong nhóm tiêu chí hạ tầng, xã chỉ còn 2 tiêu chí là Giao thông,
Điện.") made every criterion outside the group met (found by the reviewer): what is left of a
group or a field says nothing of the other groups."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, CriteriaStatus, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.structure.outline import document_to_outline


def _criteria(*lines: str) -> CriteriaStatus:
    doc = Document("mem.txt", "txt", "0",
                   [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(("BÁO CÁO kết quả năm 2023",) + lines)])
    return outline_to_criteria(document_to_outline(doc))


def test_what_is_left_of_a_group_leaves_the_other_groups_unread() -> None:
    """Reviewer's case: "chỉ còn" within a group made every criterion outside it met."""
    got = _criteria("Trong nhóm tiêu chí hạ tầng kinh tế - xã hội, xã chỉ còn 2 tiêu chí là Giao thông, Điện.")
    assert got.met == [] and got.unmet == [2, 4]
    whole = _criteria("Đến nay, xã chỉ còn 2 tiêu chí là Giao thông, Điện.")
    assert whole.unmet == [2, 4] and len(whole.met) == 17
