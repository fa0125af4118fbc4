"""A unit named in a title written in capitals or title case, right before the title's time
phrase ("... XÃ X, HUYỆN Y GIAI ĐOẠN 2021-2025"): no lower-case word stops the name, so the
time phrase must. Regression: the district was read as "Y Giai Đoạn", which the gazetteer does
not know, so the province it would have settled stayed blank too."""
from __future__ import annotations

import pytest

from extractor.core.model import Block, BlockKind, Document
from extractor.extract.gazetteer import gazetteer
from extractor.extract.identity import outline_to_identity
from extractor.structure.outline import document_to_outline

needs_gazetteer = pytest.mark.skipif(gazetteer() is None, reason="gazetteer data (extra 'gazetteer') not installed")


def places(*texts: str) -> tuple[str | None, str | None, str | None]:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    ident = outline_to_identity(document_to_outline(Document("mem.txt", "txt", "0", blocks)))
    return ident.commune, ident.district, ident.province


def filler(n: int = 20) -> list[str]:
    # paragraphs that name no unit, so the lines under test stand in the header or the body
    return [f"Nội dung thứ {i} của báo cáo, không nêu địa danh." for i in range(n)]


def report(title: str, *, header: tuple[str, ...] = ("BAN CHỈ ĐẠO XÂY DỰNG NÔNG THÔN MỚI", "XÃ PHƯỚC SƠN"),
           body: tuple[str, ...] = ()) -> tuple[str | None, str | None, str | None]:
    return places(*header, "Số: 31/BC-BCĐ", "BÁO CÁO", title, *filler(), *body, *filler(), "TRƯỞNG BAN",
                  "Trần Văn Bình")


ENDINGS = [" GIAI ĐOẠN 2021-2025", " NĂM 2022", " ĐẾN NĂM 2025", " TỪ NĂM 2021 ĐẾN NĂM 2022",
           " THỜI KỲ 2016 - 2020", " NHIỆM KỲ 2020-2025", " TÍNH ĐẾN NGÀY 30/6/2022", " THÁNG 6/2022",
           " GIAI ĐOẠN 2021 – 2025 VÀ PHƯƠNG HƯỚNG NĂM 2026"]


@pytest.mark.parametrize("ending", ENDINGS)
def test_a_title_period_in_capitals_does_not_run_into_the_district(ending: str) -> None:
    title = "TÌNH HÌNH XÂY DỰNG NÔNG THÔN MỚI CỦA XÃ PHƯỚC SƠN, HUYỆN TUY PHƯỚC" + ending
    assert report(title)[:2] == ("Phước Sơn", "Tuy Phước")


@pytest.mark.parametrize("ending", ENDINGS)
def test_a_title_period_in_capitals_does_not_run_into_the_province(ending: str) -> None:
    title = "TÌNH HÌNH XÂY DỰNG NÔNG THÔN MỚI XÃ PHƯỚC SƠN, HUYỆN TUY PHƯỚC, TỈNH BÌNH ĐỊNH" + ending
    assert report(title) == ("Phước Sơn", "Tuy Phước", "Bình Định")


@pytest.mark.parametrize("ending", [" Giai Đoạn 2021-2025", " Năm 2022", " Đến Năm 2025"])
def test_a_title_period_in_title_case_does_not_run_into_the_district(ending: str) -> None:
    title = "Tình Hình Xây Dựng Nông Thôn Mới Xã Phước Sơn, Huyện Tuy Phước" + ending
    assert report(title)[:2] == ("Phước Sơn", "Tuy Phước")


@needs_gazetteer
@pytest.mark.parametrize("ending", [" GIAI ĐOẠN 2021-2025", " NĂM 2022", " TÍNH ĐẾN NGÀY 31/12/2022"])
def test_the_province_is_settled_from_a_district_named_before_a_title_period(ending: str) -> None:
    title = "TÌNH HÌNH XÂY DỰNG NÔNG THÔN MỚI XÃ PHƯỚC SƠN, HUYỆN TUY PHƯỚC" + ending
    assert report(title) == ("Phước Sơn", "Tuy Phước", "Bình Định")


def test_a_commune_named_only_in_a_capital_title_is_read_without_its_period() -> None:
    # no commune in the letterhead and no place-and-date line: the title outweighs the body
    got = report("TÌNH HÌNH XÂY DỰNG NÔNG THÔN MỚI XÃ PHƯỚC SƠN NĂM 2022",
                 header=("BAN CHỈ ĐẠO XÂY DỰNG NÔNG THÔN MỚI",),
                 body=("Ban Chỉ đạo xã Phước Sơn tổng hợp kết quả như sau.",))
    assert got[0] == "Phước Sơn"


@needs_gazetteer
def test_an_unmarked_title_period_does_not_run_into_the_district() -> None:
    # "Van Hoa" names communes in several districts: only the district, once cut, decides
    got = places("UBND XA VAN HOA", "BAO CAO",
                 "KET QUA XAY DUNG NONG THON MOI XA VAN HOA, HUYEN BA VI GIAI DOAN 2021-2025",
                 "Xa Van Hoa dat 19/19 tieu chi.")
    assert got == ("Vân Hòa", "Ba Vì", "Hà Nội")


# Counter-examples: names that hold a time word, and units that are not the report's own.

def test_a_name_that_starts_with_a_time_word_is_kept() -> None:
    title = "TÌNH HÌNH XÂY DỰNG NÔNG THÔN MỚI XÃ HÀM RỒNG, HUYỆN NĂM CĂN GIAI ĐOẠN 2021-2025"
    assert report(title, header=("UBND XÃ HÀM RỒNG",))[:2] == ("Hàm Rồng", "Năm Căn")


def test_a_name_that_ends_with_a_time_word_keeps_it_before_the_period() -> None:
    title = "TÌNH HÌNH XÂY DỰNG NÔNG THÔN MỚI XÃ VĨNH QUỚI, THỊ XÃ NGÃ NĂM NĂM 2023"
    assert report(title, header=("UBND XÃ VĨNH QUỚI",))[:2] == ("Vĩnh Quới", "Ngã Năm")


@needs_gazetteer
def test_a_name_the_gazetteer_knows_whole_is_not_cut() -> None:
    # "Ngã Năm 2023" could be read "Ngã" + "năm 2023"; the gazetteer knows "Ngã Năm"
    title = "TÌNH HÌNH XÂY DỰNG NÔNG THÔN MỚI XÃ VĨNH QUỚI, THỊ XÃ NGÃ NĂM 2023"
    assert report(title, header=("UBND XÃ VĨNH QUỚI",)) == ("Vĩnh Quới", "Ngã Năm", "Sóc Trăng")


def test_a_higher_letterhead_stays_the_district() -> None:
    got = report("TÌNH HÌNH XÂY DỰNG NÔNG THÔN MỚI XÃ PHƯỚC SƠN GIAI ĐOẠN 2021-2025",
                 header=("UBND HUYỆN TUY PHƯỚC", "UBND XÃ PHƯỚC SƠN"))
    assert got[:2] == ("Phước Sơn", "Tuy Phước")


def test_a_district_addressed_and_a_province_cited_with_periods_do_not_replace_the_reports_own() -> None:
    got = report("TÌNH HÌNH XÂY DỰNG NÔNG THÔN MỚI XÃ PHƯỚC SƠN, HUYỆN TUY PHƯỚC, TỈNH BÌNH ĐỊNH NĂM 2022",
                 header=("UBND XÃ PHƯỚC SƠN", "Kính gửi: UBND huyện Tuy Phước"),
                 body=("CĂN CỨ KẾ HOẠCH CỦA UBND TỈNH LÂM ĐỒNG GIAI ĐOẠN 2021-2025 VỀ HỌC TẬP KINH NGHIỆM",
                       "Đoàn công tác đã học tập mô hình của huyện Đức Trọng năm 2022."))
    assert got == ("Phước Sơn", "Tuy Phước", "Bình Định")


def test_another_commune_in_a_capital_line_with_a_period_does_not_replace_the_reports_own() -> None:
    got = report("TÌNH HÌNH XÂY DỰNG NÔNG THÔN MỚI XÃ PHƯỚC SƠN GIAI ĐOẠN 2021-2025",
                 body=("MÔ HÌNH ĐIỂM CỦA XÃ CÁT HANH NĂM 2021", "Xã Phước Sơn học tập mô hình xã Cát Hanh."))
    assert got[0] == "Phước Sơn"
