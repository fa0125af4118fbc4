"""A unit named in a line written in capitals, followed by words of the title that are not a
time phrase ("TỜ TRÌNH ... XÃ X ĐẠT CHUẨN NÔNG THÔN MỚI", "UBND XÃ X VỀ VIỆC ..."): in capitals
no lower-case word ends the name, so it ran on ("X Đạt Chuẩn Nông Thôn"), the gazetteer knew no
such unit and the district and province it would have settled stayed blank. The name is cut to
its longest leading part the gazetteer knows at the unit's level."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.extract.gazetteer import gazetteer
from extractor.extract.identity import outline_to_identity
from extractor.structure.outline import document_to_outline

pytestmark = pytest.mark.skipif(gazetteer() is None, reason="gazetteer data (extra 'gazetteer') not installed")


def places(*lines: str) -> tuple[str | None, str | None, str | None]:
    filler = [f"Đoạn {i} của báo cáo không nêu địa danh nào." for i in range(12)]
    texts = [*lines, *filler]
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    ident = outline_to_identity(document_to_outline(Document("mem.txt", "txt", "0", blocks)))
    return ident.commune, ident.district, ident.province


@pytest.mark.parametrize("title", [
    "TỜ TRÌNH ĐỀ NGHỊ XÉT CÔNG NHẬN XÃ VŨ MUỘN ĐẠT CHUẨN NÔNG THÔN MỚI",
    "TỜ TRÌNH VỀ VIỆC XÃ VŨ MUỘN ĐỀ NGHỊ THẨM ĐỊNH",
    "BÁO CÁO TỰ ĐÁNH GIÁ CỦA XÃ VŨ MUỘN VỀ KẾT QUẢ THỰC HIỆN",
    "KẾ HOẠCH XÃ VŨ MUỘN PHẤN ĐẤU ĐẠT CHUẨN",
])
def test_a_commune_in_a_capitals_title_ends_where_the_gazetteer_name_ends(title: str) -> None:
    assert places("UBND XÃ VŨ MUỘN", title) == ("Vũ Muộn", "Bạch Thông", "Bắc Kạn")
    assert places(title)[0] == "Vũ Muộn"  # the title alone names it


@pytest.mark.parametrize("line", [
    "ỦY BAN NHÂN DÂN HUYỆN HÀM THUẬN BẮC VỀ VIỆC TỔNG HỢP",
    "BÁO CÁO CỦA UBND HUYỆN HÀM THUẬN BẮC TRÌNH HỘI ĐỒNG NHÂN DÂN",
])
def test_a_district_in_capitals_is_cut_the_same_way(line: str) -> None:
    assert places(line)[1:] == ("Hàm Thuận Bắc", "Bình Thuận")


@pytest.mark.parametrize("lines, expected", [
    # a name the gazetteer knows whole stays whole, though a shorter leading part is known too
    (("XÃ TÂN PHÚ TRUNG, HUYỆN CHÂU THÀNH, TỈNH ĐỒNG THÁP",), ("Tân Phú Trung", "Châu Thành", "Đồng Tháp")),
    # a district of three syllables
    (("UBND HUYỆN HÀM THUẬN BẮC", "UBND XÃ THUẬN MINH"), ("Thuận Minh", "Hàm Thuận Bắc", "Bình Thuận")),
    # in mixed case a lower-case word ends the name already: nothing to cut
    (("Báo cáo của xã Vũ Muộn đạt chuẩn nông thôn mới",), ("Vũ Muộn", "Bạch Thông", "Bắc Kạn")),
])
def test_names_known_whole_or_already_ended_are_kept(lines: tuple[str, ...],
                                                     expected: tuple[str, str, str]) -> None:
    assert places(*lines) == expected


def test_a_name_the_gazetteer_does_not_know_in_any_part_is_kept_as_written() -> None:
    # no leading part is a commune: the run-on stays (what was read, not a guess)
    assert places("UBND XÃ ZƠ RÂM KHÔNG CÓ THẬT")[0] == "Zơ Râm Không Có Thật"
