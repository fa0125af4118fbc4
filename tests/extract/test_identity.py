"""Report identity: units, date, period, number, kind and signer, from tiny documents."""
from __future__ import annotations

import re

import pytest

from extractor.core.data import load_pattern
from extractor.core.model import Block, BlockKind, Document, Identity
from extractor.extract.identity import outline_to_identity
from extractor.structure.outline import document_to_outline


def identity_of(*texts: str) -> Identity:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    return outline_to_identity(document_to_outline(Document("mem.txt", "txt", "0", blocks)))


def body(n: int = 20) -> list[str]:
    # filler paragraphs so the test text stands outside the header and signature zones
    return [f"Đoạn văn thứ {i} không nêu đơn vị nào." for i in range(n)]


def test_pattern_examples() -> None:
    for key, entry in load_pattern("identity").items():
        if not (isinstance(entry, dict) and "regex" in entry):
            continue
        rx = re.compile(entry["regex"])
        for ex in entry.get("examples", []):
            assert rx.search(ex), (key, ex)
        for ex in entry.get("counter_examples", []):
            assert not rx.search(ex), (key, ex)


def test_full_header() -> None:
    ident = identity_of(
        "UBND HUYỆN BẠCH THÔNG", "UBND XÃ LỤC BÌNH", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Số: 45/BC-UBND", "Lục Bình, ngày 14 tháng 8 năm 2023",
        "BÁO CÁO", "Kết quả xây dựng nông thôn mới giai đoạn 2021-2023 trên địa bàn xã Lục Bình",
        *body(), "Thực hiện Kế hoạch số 231/KH-UBND của UBND tỉnh Bắc Kạn.", *body(),
        "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hậu")
    assert (ident.commune, ident.district, ident.province) == ("Lục Bình", "Bạch Thông", "Bắc Kạn")
    assert ident.document_number == "45/BC-UBND"
    assert ident.report_date == "2023-08-14"
    assert ident.period == "2021-2023"
    assert ident.document_kind == "report"
    assert ident.signer == "Nguyễn Văn Hậu"
    assert ident.criteria_set == "commune-2021-2025"
    loc = ident.evidence["commune"].location
    assert loc is not None


def test_sample_like_header_partial_date_and_plan_period() -> None:
    ident = identity_of(
        "Số: /BC- UBND", "Lục Bình, ngày   tháng 8 năm 2023", "BÁO CÁO",
        "Kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021-2023, phương "
        "hướng, nhiệm vụ và giải pháp thực hiện giai đoạn 2023-2025 trên địa bàn xã Lục Bình",
        "Thực hiện công văn số 1724/UBND - NNPTNT ngày 14/8/2023 của UBND huyện Bạch Thông về "
        "việc báo cáo sơ kết 3 năm (2021 - 2023). UBND xã Lục Bình báo cáo như sau:",
        *body(), "Kế hoạch số 231/KH-UBND ngày 8/4/2022 của UBND tỉnh Bắc Kạn giai đoạn 2021 – 2025",
        "báo cáo kết quả với huyện, và những đề xuất; Huyện đoàn hỗ trợ; cấp huyện giao",
        "Đề án của tỉnh Bắc Kạn giai đoạn 2020-2025, tầm nhìn đến năm 2035", *body())
    assert (ident.commune, ident.district, ident.province) == ("Lục Bình", "Bạch Thông", "Bắc Kạn")
    assert ident.report_date == "2023-08"
    assert (ident.period, ident.plan_period) == ("2021-2023", "2023-2025")
    assert ident.document_number is None  # left blank before signing: not a guess
    assert ident.document_kind == "report"


def test_province_named_often_is_not_the_commune() -> None:
    ident = identity_of("UBND XÃ NÀ PHẶC", "Nà Phặc, ngày 02 tháng 12 năm 2018",
                        *["Theo chỉ đạo của UBND tỉnh Bắc Kạn và tỉnh Bắc Kạn."] * 5,
                        "UBND huyện Ngân Sơn", *body())
    assert (ident.commune, ident.district, ident.province) == ("Nà Phặc", "Ngân Sơn", "Bắc Kạn")
    assert ident.criteria_set == "commune-2016-2020"


def test_kind_from_number_code_and_spelling_kept() -> None:
    ident = identity_of("Số: 12/TTr-UBND", "Hoà Bình, ngày 3/5/2021",
                        "Tờ trình đề nghị xét công nhận xã Hoà Bình đạt chuẩn nông thôn mới năm 2020",
                        "thị xã Sơn Tây, thành phố Hà Nội")
    assert ident.document_kind == "submission"
    assert ident.commune == "Hoà Bình"  # the report's own tone placement
    assert (ident.district, ident.province) == ("Sơn Tây", "Hà Nội")
    assert ident.report_date == "2021-05-03"


def test_nothing_known_gives_nothing() -> None:
    ident = identity_of("Một đoạn văn.", "Một đoạn khác về cấp xã và huyện.")
    assert (ident.commune, ident.district, ident.province, ident.report_date, ident.period,
            ident.document_number, ident.document_kind, ident.signer) == (None,) * 8
    assert ident.criteria_set is None  # nothing dates the report: no guess at the set in force


@pytest.mark.parametrize("title,period", [
    ("Báo cáo kết quả xây dựng nông thôn mới năm 2022", "2022"),
    ("Báo cáo tổng kết 10 năm (2011 - 2020) thực hiện Chương trình", "2011-2020"),
    ("Phương hướng nhiệm vụ giai đoạn 2026-2030", None),
])
def test_periods(title: str, period: str | None) -> None:
    assert identity_of(title).period == period


@pytest.mark.parametrize("lines,kind", [
    (("UBND XÃ AN PHÚ", "BÁO CÁO tình hình thực hiện Chương trình nông thôn mới xã An Phú"), "report"),
    (("Kế hoạch xây dựng nông thôn mới xã An Phú năm 2024",), "plan"),
    (("UBND XÃ AN PHÚ", "Báo cáo này nêu kết quả năm 2024 của xã.", "Nội dung chính."), None),
])
def test_document_kind_when_the_title_shares_its_line(lines, kind):
    assert identity_of(*lines).document_kind == kind
