"""A criterion met is judged against the commune's own result of the report's year (the bug:
"năm 2016 đạt 72%", "toàn huyện đạt 80%" and "đầu kỳ là 78%" in a 2016-2020 report were judged
against the 85% health insurance level of criterion 15: warning flags on a commune that meets it)."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.pipeline import document_to_record


def _loud(line: str) -> list[str]:
    lines = ["Báo cáo kết quả xây dựng nông thôn mới giai đoạn 2016-2020", line,
             "- Các tiêu chí đạt: Tiêu chí số 15 Y tế."]
    doc = Document(path="mem.txt", format="txt", sha256="0",
                   blocks=[Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)])
    return [f.rule for f in document_to_record(doc).flags if f.severity in ("error", "warning")]


def test_another_year_the_district_or_the_start_is_not_judged():
    for line in ("- Tỷ lệ người dân tham gia BHYT năm 2016 đạt 72%, năm 2020 đạt 91,5%.",
                 "- Tỷ lệ người dân tham gia BHYT của xã đạt 92%, toàn huyện đạt 80%.",
                 "- Tỷ lệ người dân tham gia BHYT đầu kỳ là 78%, đến nay đạt 90,2%."):
        assert _loud(line) == [], line


def test_the_result_below_the_level_is_still_flagged():
    assert _loud("- Tỷ lệ người dân tham gia BHYT năm 2020 đạt 78%.") == ["criterion_vs_figure"]
    assert _loud("- Ngay từ đầu năm, xã tập trung vận động, tỷ lệ người dân tham gia BHYT đạt 80%.") == [
        "criterion_vs_figure"]
