"""Regression: the gazetteer's data tell two units of one name apart by a note ("Cai Lậy
(Huyện)", "Cai Lậy (Thị xã)"). A report naming "huyện Cai Lậy" found no district of that name,
so its province stayed blank, and a district inferred from a commune carried the note."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document, Identity
from extractor.extract.gazetteer import gazetteer, settle
from extractor.extract.identity import outline_to_identity
from extractor.structure.outline import document_to_outline

pytestmark = pytest.mark.skipif(gazetteer() is None, reason="gazetteer data (extra 'gazetteer') not installed")


def identity_of(*texts: str) -> Identity:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    return outline_to_identity(document_to_outline(Document("mem.txt", "txt", "0", blocks)))


def test_a_stated_district_finds_its_noted_spelling() -> None:
    ident = identity_of("UBND HUYỆN CAI LẬY", "UBND XÃ LONG TRUNG", "Báo cáo của xã Long Trung.")
    assert (ident.commune, ident.district, ident.province) == ("Long Trung", "Cai Lậy", "Tiền Giang")
    assert "province_inferred" in ident.evidence


def test_an_inferred_district_is_named_without_the_note() -> None:
    assert settle("Mỹ Thành Nam", None, None)[:2] == ("Cai Lậy", "Tiền Giang")


def test_a_district_alone_settles_its_province() -> None:
    assert settle(None, "Cai Lậy", None)[:2] == ("Cai Lậy", "Tiền Giang")
