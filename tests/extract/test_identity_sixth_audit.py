"""The sixth held-out audit's identity miss (a reader gap): a report written for a commune by an
office of its province, dated from the province ("<province>, ngày ..."), while the commune's
name is shared by several provinces. The place of the place-and-date line that no unit of the
report names is read as the district or province of the report's commune when the gazetteer
places that commune there; a place it does not place the commune in counts as before."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document, Identity
from extractor.extract.gazetteer import gazetteer
from extractor.extract.identity import outline_to_identity
from extractor.structure.outline import document_to_outline

pytestmark = pytest.mark.skipif(gazetteer() is None, reason="gazetteer data (extra 'gazetteer') not installed")

FILLER = [f"Mục {i}: nội dung không nêu đơn vị hành chính nào." for i in range(14)]


def identity(dateline: str) -> Identity:
    lines = ["SỞ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", "Số: 45/BC-SNN", f"{dateline}, ngày 9 tháng 10 năm 2023",
             "BÁO CÁO", "Tình hình xây dựng nông thôn mới tại xã Xuân Lâm", *FILLER]
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)]
    return outline_to_identity(document_to_outline(Document("mem.txt", "txt", "0", blocks)))


# Xuân Lâm is a commune of Thuận Thành (Bắc Ninh), of Sông Cầu (Phú Yên) and of Nghi Sơn
# (Thanh Hóa).
@pytest.mark.parametrize("dateline, expected", [
    ("Bắc Ninh", ("Xuân Lâm", "Thuận Thành", "Bắc Ninh")),
    ("Phú Yên", ("Xuân Lâm", "Sông Cầu", "Phú Yên")),
    # the district dates it: read as the district, the province then follows
    ("Thuận Thành", ("Xuân Lâm", "Thuận Thành", "Bắc Ninh")),
])
def test_a_dateline_from_the_communes_province_or_district(dateline: str, expected: tuple[str, str, str]) -> None:
    ident = identity(dateline)
    assert (ident.commune, ident.district, ident.province) == expected
    assert ident.evidence["province" if dateline != "Thuận Thành" else "district"].text == dateline


def test_a_dateline_from_a_province_without_the_commune_settles_nothing() -> None:
    # no Xuân Lâm lies in Cà Mau: the place is not read as its province
    ident = identity("Cà Mau")
    assert (ident.commune, ident.district, ident.province) == ("Xuân Lâm", None, None)


# The same report names its district without a prefix after the commune, in a list of places
# separated by commas; it counts where the gazetteer places the commune in it.
def places_of(line: str) -> Identity:
    lines = ["UBND XÃ XUÂN LÂM", "Số: 7/BC-UBND", "Xuân Lâm, ngày 2 tháng 3 năm 2024", "BÁO CÁO", line, *FILLER]
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(lines)]
    return outline_to_identity(document_to_outline(Document("mem.txt", "txt", "0", blocks)))


@pytest.mark.parametrize("line, expected", [
    ("Kết quả thực hiện Chương trình tại xã Xuân Lâm, Thuận Thành năm 2023",
     ("Xuân Lâm", "Thuận Thành", "Bắc Ninh")),
    ("Kết quả thực hiện Chương trình tại xã Xuân Lâm, Sông Cầu, Phú Yên", ("Xuân Lâm", "Sông Cầu", "Phú Yên")),
    ("XÃ XUÂN LÂM, NGHI SƠN TỔNG KẾT NĂM", ("Xuân Lâm", "Nghi Sơn", "Thanh Hóa")),
])
def test_the_district_without_its_prefix_after_the_commune(line: str, expected: tuple[str, str, str]) -> None:
    ident = places_of(line)
    assert (ident.commune, ident.district, ident.province) == expected
    assert "district_inferred" not in ident.evidence


@pytest.mark.parametrize("line", [
    # another commune after a comma, not a district of Xuân Lâm
    "Đoàn công tác làm việc tại xã Xuân Lâm, Tân Lập và Hòa Bình.",
    # a district after the comma that is not Xuân Lâm's
    "Hộ dân xã Xuân Lâm, Gia Bình tham quan mô hình.",
])
def test_a_name_after_the_commune_that_is_not_its_district_settles_nothing(line: str) -> None:
    ident = places_of(line)
    assert (ident.commune, ident.district, ident.province) == ("Xuân Lâm", None, None)


def test_a_province_after_the_district_that_is_not_the_communes_is_not_read() -> None:
    ident = places_of("Kết quả tại xã Xuân Lâm, Thuận Thành, Phú Yên")
    assert (ident.district, ident.province) == ("Thuận Thành", "Bắc Ninh")
    assert "province_inferred" in ident.evidence
