"""A year fronting a sentence ("Năm 2021 xã đạt tiêu chí 1, 2; tiêu chí 10 chưa đạt") reached only
its first clause, so criterion 10 was read as the report year's; a village named inside the
commune's sentence ("Xã có thôn A đạt ...", "trong đó thôn B chưa đạt ...") had its statuses
read as the commune's."""
from __future__ import annotations

from extractor.core.model import Block, BlockKind, Document
from extractor.extract.criteria.resolve import outline_to_criteria
from extractor.structure.outline import document_to_outline

HEADER = ["UBND XÃ THỬ NGHIỆM", "Thử Nghiệm, ngày 10 tháng 12 năm 2023", "BÁO CÁO",
          "Kết quả xây dựng nông thôn mới năm 2023"]


def statuses(line: str) -> tuple[list[int], list[int]]:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(HEADER + [line])]
    c = outline_to_criteria(document_to_outline(Document("r.txt", "txt", "0", blocks)))
    return sorted(c.met), sorted(c.unmet)


def test_earlier_year_fronting_the_sentence_reaches_its_last_clause():
    assert statuses("- Năm 2021 xã đạt tiêu chí 1, 2; tiêu chí 10 chưa đạt.") == ([], [])
    assert statuses("- Năm 2021 xã đạt tiêu chí 1, 2; hiện nay tiêu chí 10 chưa đạt.") == ([], [10])


def test_village_inside_the_commune_sentence():
    assert statuses("- Xã có thôn Nà Làng đạt tiêu chí số 1, 2 và 3.") == ([], [])
    assert statuses("- Xã đạt tiêu chí số 1, 2 và 3; trong đó thôn B chưa đạt tiêu chí số 3.") == ([1, 2, 3], [])
