"""Identity settled by the gazetteer: the province (and district) a report leaves unsaid,
inferred from its commune; ambiguity kept visible; names ending in a number kept whole."""
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


def test_province_and_district_inferred_from_a_unique_commune() -> None:
    ident = identity_of("UBND XÃ LỤC BÌNH", "BÁO CÁO", "Kết quả xây dựng nông thôn mới của xã Lục Bình năm 2023.")
    assert (ident.commune, ident.district, ident.province) == ("Lục Bình", "Bạch Thông", "Bắc Kạn")
    assert ident.evidence["province_inferred"].text.startswith("gazetteer:")
    assert "commune_inferred" not in ident.evidence


def test_stated_fields_are_not_marked_inferred() -> None:
    ident = identity_of("UBND HUYỆN BẠCH THÔNG", "UBND XÃ LỤC BÌNH", "Báo cáo của xã Lục Bình.")
    assert ident.district == "Bạch Thông" and "district_inferred" not in ident.evidence
    assert ident.province == "Bắc Kạn" and "province_inferred" in ident.evidence


def test_a_district_shared_by_provinces_is_settled_by_the_commune() -> None:
    # several provinces have a "Châu Thành" district; the commune decides
    assert settle("An Khánh", "Châu Thành", None).province == "Đồng Tháp"
    assert settle(None, "Châu Thành", "Bến Tre").province == "Bến Tre"


def test_an_ambiguous_commune_leaves_the_province_blank_with_candidates() -> None:
    ident = identity_of("UBND XÃ AN KHÁNH", "Báo cáo của xã An Khánh về nông thôn mới.")
    assert ident.province is None and ident.district is None
    candidates = ident.evidence["province_candidates"].text.split("; ")
    assert "Đồng Tháp" in candidates and "Hà Nội" in candidates


def test_other_units_named_break_a_tie() -> None:
    # "Tân Phú Trung" lies in Đồng Tháp and in Hồ Chí Minh; a neighbour named in the text decides
    assert settle("Tân Phú Trung", None, None).province is None
    assert settle("Tân Phú Trung", None, None, others=("Tân Nhuận Đông",)).province == "Đồng Tháp"


@pytest.mark.parametrize("line, commune", [
    ("UBND xã Quế Xuân 1, huyện Quế Sơn", "Quế Xuân 1"),
    ("Kết quả của xã Quế Xuân 1 đạt nhiều tiêu chí.", "Quế Xuân 1"),  # the gazetteer knows the name
    ("UBND Phường 3 báo cáo kết quả.", "Phường 3"),
    ("xã Lục Bình 19/19 tiêu chí", "Lục Bình"),  # a ratio is not part of a name
])
def test_names_ending_in_a_number_keep_it(line: str, commune: str) -> None:
    assert identity_of(line).commune == commune


def test_a_province_named_after_an_unrelated_prefix_is_read() -> None:
    ident = identity_of("Có 12 xã trong toàn tỉnh Bắc Kạn đạt chuẩn.")
    assert ident.province == "Bắc Kạn"


# A saved portal page or news item that names its units only in its web address.
@pytest.mark.parametrize("line, expected", [
    # a commune's portal: "<commune>-<district>.<province>.gov.vn"
    ("Nguồn: https://trinhtuong-batxat.laocai.gov.vn/tin-tuc/ket-qua-xay-dung",
     ("Trịnh Tường", "Bát Xát", "Lào Cai")),
    # a district's portal, the commune in the article's slug
    ("http://batxat.laocai.gov.vn/tin-tuc/huyen-kiem-tra-tai-xa-sang-ma-sao.123",
     ("Sàng Ma Sáo", "Bát Xát", "Lào Cai")),
    # the province's portal, district and commune in the slug
    ("https://www.laocai.gov.vn/huyen-muong-khuong-xa-tung-chung-pho-dat-chuan",
     ("Tung Chung Phố", "Mường Khương", "Lào Cai")),
])
def test_units_named_only_in_a_web_address(line: str, expected: tuple[str, str, str]) -> None:
    ident = identity_of(line, "Hôm nay UBND xã đã tổ chức hội nghị về nông thôn mới.")
    assert (ident.commune, ident.district, ident.province) == expected
    assert ident.evidence["commune_inferred"].text.startswith("address:")


@pytest.mark.parametrize("line", [
    "https://baotintuc.example.com/xa-trinh-tuong-dat-chuan.html",  # no province label in the host
    "https://laocai.gov.vn/xa-trinh-tuong-va-xa-tung-chung-pho",  # two communes: none is chosen
])
def test_a_web_address_that_does_not_settle_a_commune(line: str) -> None:
    assert identity_of(line, "Xã đạt chuẩn nông thôn mới.").commune is None


def test_a_web_address_never_overrides_the_stated_units() -> None:
    ident = identity_of("UBND XÃ TẢ NGÀI CHỒ", "https://trinhtuong-batxat.laocai.gov.vn/tin-tuc",
                        "Báo cáo của xã Tả Ngài Chồ.")
    assert (ident.commune, ident.district, ident.province) == ("Tả Ngài Chồ", "Mường Khương", "Lào Cai")
    assert "commune_inferred" not in ident.evidence


def test_a_commune_no_longer_in_the_district_stated_takes_the_districts_province() -> None:
    # A commune renamed, merged or moved since the data's snapshot, or one whose name exists
    # only elsewhere: the district stated still settles the province.
    moved = settle("Chũ", "Lục Ngạn", None)
    assert (moved.district, moved.province) == ("Lục Ngạn", "Bắc Giang")
    elsewhere = settle("Thanh Hòa", "Thanh Chương", None)
    assert (elsewhere.district, elsewhere.province) == ("Thanh Chương", "Nghệ An")
    # a district name several provinces share stays open when the commune does not decide
    assert settle("Không Có Xã Này", "Châu Thành", None).province is None
