"""Identity of a report typed entirely without tone marks ("UBND XA PHUOC SON"): the units are
read after unmarked prefixes and spelt as the gazetteer spells them, only where the report
shows it is unmarked and the gazetteer knows the name at that level with one spelling."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document, Identity
from extractor.extract.gazetteer import gazetteer
from extractor.extract.identity import outline_to_identity
from extractor.structure.outline import document_to_outline

pytestmark = pytest.mark.skipif(gazetteer() is None, reason="gazetteer data (extra 'gazetteer') not installed")


def identity_of(*texts: str) -> Identity:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    return outline_to_identity(document_to_outline(Document("mem.txt", "txt", "0", blocks)))


def places(*texts: str) -> tuple[str | None, str | None, str | None]:
    ident = identity_of(*texts)
    return ident.commune, ident.district, ident.province


@pytest.mark.parametrize("lines, expected", [
    (["UBND XA PHUOC SON", "BAO CAO", "Xa Phuoc Son, huyen Tuy Phuoc, tinh Binh Dinh dat 17/19 tieu chi."],
     ("Phước Sơn", "Tuy Phước", "Bình Định")),
    (["UBND XA LUC BINH", "BAO CAO", "Xa Luc Binh dat 17/19 tieu chi, lam 12,5 km duong giao thong."],
     ("Lục Bình", "Bạch Thông", "Bắc Kạn")),
    # "Van Hoa" is Vân Hòa, Văn Hóa or Vạn Hòa: the district the report names decides
    (["UBND XA VAN HOA", "HUYEN BA VI", "BAO CAO", "Xa Van Hoa dat 19/19 tieu chi."], ("Vân Hòa", "Ba Vì", "Hà Nội")),
    (["UBND XA VAN HOA", "HUYEN NONG CONG", "BAO CAO", "Xa Van Hoa dat 19/19 tieu chi."],
     ("Vạn Hòa", "Nông Cống", "Thanh Hóa")),
])
def test_units_of_an_unmarked_report_are_read_and_spelt_with_marks(lines: list[str], expected: tuple) -> None:
    assert places(*lines) == expected


def test_evidence_is_the_reports_own_unmarked_text() -> None:
    ident = identity_of("UBND XA LUC BINH", "BAO CAO", "Xa Luc Binh dat 17/19 tieu chi.")
    assert ident.evidence["commune"].text == "XA LUC BINH"
    assert ident.evidence["province_inferred"].text.startswith("gazetteer:")


def test_an_unmarked_name_of_several_spellings_stays_blank_with_nothing_to_decide() -> None:
    assert places("UBND XA VAN HOA", "BAO CAO", "Xa Van Hoa dat 19/19 tieu chi.") == (None, None, None)


@pytest.mark.parametrize("lines", [
    # "xa" is also the word for "far": a name the gazetteer does not know is no unit
    ["BAO CAO", "Thon o xa Trung Tam Hanh Chinh, xa dat 17/19 tieu chi."],
    # a marked report is read as before: no unmarked prefix is looked for
    ["BÁO CÁO", "Nhà văn hóa ở xa Lục Bình, xã đạt 17/19 tiêu chí."],
])
def test_words_that_only_look_like_unmarked_units_name_nothing(lines: list[str]) -> None:
    assert places(*lines) == (None, None, None)
