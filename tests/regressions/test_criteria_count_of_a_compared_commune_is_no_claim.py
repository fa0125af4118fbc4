"""A comparison with another commune in the commune's own statement ("So với xã Tân Lập (đạt
19/19 tiêu chí), xã đạt 15 tiêu chí: ...") gave a second count and a false
criteria_count_mismatch. The compared commune's count is not the report's."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.structure.outline import document_to_outline


def test_the_compared_count_is_skipped() -> None:
    lines = ["BÁO CÁO kết quả năm 2023",
             "So với xã Tân Lập (đạt 19/19 tiêu chí), xã Thử Nghiệm đạt 17 tiêu chí: tiêu chí 1 đến "
             "tiêu chí 9, tiêu chí 11 đến tiêu chí 16, tiêu chí 18 và tiêu chí 19.",
             "Toàn huyện có xã Tân Lập đã đạt 19/19 tiêu chí."]
    doc = Document("mem.txt", "txt", "0", [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    got = outline_to_criteria(document_to_outline(doc))
    assert got.met_count_claimed == 17
    assert not [c for c in got.conflicts if c.kind == "count_claims_disagree"]


def test_households_meeting_a_criterion_give_no_section_verdict() -> None:
    """ "có 240 hộ hội viên đạt tiêu chí" under a criterion's section is about households, not
    the section's verdict (it raised a false criteria_verdict_conflict)."""
    lines = ["BÁO CÁO kết quả năm 2023", "18. Tiêu chí số 18 về Hệ thống chính trị",
             "- Cuộc vận động xây dựng gia đình có 240 hộ hội viên đạt tiêu chí.", "- Đánh giá: Đạt"]
    doc = Document("mem.txt", "txt", "0", [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    got = outline_to_criteria(document_to_outline(doc))
    assert got.met == [18] and not got.conflicts
