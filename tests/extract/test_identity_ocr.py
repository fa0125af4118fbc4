"""Identity in text read by OCR (issue 15): a lone stray mark inside a place name ("huyện
Xuân: Lộc") is ignored when the joined name is in the gazetteer; typed text is read as
written, and a mark before a name the gazetteer does not know is left alone."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document, Identity
from extractor.extract.gazetteer import gazetteer
from extractor.extract.identity import outline_to_identity
from extractor.structure.outline import document_to_outline

pytestmark = pytest.mark.skipif(gazetteer() is None, reason="gazetteer data not installed")


def identity_of(*texts: str, ocr: bool) -> Identity:
    confidence = 0.94 if ocr else None
    blocks = [Block(i, BlockKind.PARAGRAPH, t, confidence=confidence) for i, t in enumerate(texts)]
    return outline_to_identity(document_to_outline(Document("scan.pdf", "pdf", "0", blocks)))


LINE = "Thực hiện công văn của UBND huyện Xuân{mark} Lộc về việc báo cáo kết quả; UBND tỉnh Đồng Nai."


@pytest.mark.parametrize("mark", [":", ".", ",", ";"])
def test_a_stray_mark_inside_a_known_name_is_ignored(mark: str) -> None:
    assert identity_of("UBND XÃ XUÂN THỌ", LINE.format(mark=mark), ocr=True).district == "Xuân Lộc"


def test_typed_text_is_read_as_written() -> None:
    assert identity_of("UBND XÃ XUÂN THỌ", LINE.format(mark=":"), ocr=False).district != "Xuân Lộc"


def test_a_mark_before_a_name_the_gazetteer_does_not_know_is_left() -> None:
    got = identity_of("UBND XÃ XUÂN THỌ", "Ý kiến của UBND huyện Xuân: Thành phố đã ghi nhận.", ocr=True)
    assert got.district != "Xuân Thành"
