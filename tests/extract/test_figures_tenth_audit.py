"""The tenth held-out audit's figures (lines written for these tests): what a figure measures
when a sentence lists several things. The words after a figure stop at "và" that opens the
next item ("vốn lồng ghép 3 tỷ và vốn dân góp 1 tỷ": the second's words are not the first's);
households given water in a sentence that also gives housing are not given housing; the
commune's housing that meets the standard is its own measure, not support given; a label keeps
"chưa đạt" whole, so a count of criteria not met is no count of criteria met; villages a
campaign about the programme reached are no villages meeting it; a figure of another place (a
neighbouring commune, the whole district) is no indicator of the report's commune; a table
column headed as a plan ("Kế hoạch") holds plans."""
from __future__ import annotations

import pytest

from extractor.core.data import load_pattern
from extractor.core.model import Block, BlockKind, CellPosition, Document, FigureStatus
from extractor.core.settings import DEFAULT_SETTINGS
from extractor.extract.figure_status import header_to_status
from extractor.extract.indicators import of_another_place
from extractor.extract.labels import figure_tail
from extractor.pipeline import document_to_record
from extractor.text.fold import spelt
from extractor.text.normalize import normalize


def indicators(*texts: str) -> list[tuple[str, str | None]]:
    blocks = [Block(i, BlockKind.PARAGRAPH, t) for i, t in enumerate(texts)]
    record = document_to_record(Document(path="mem.txt", format="txt", sha256="0", blocks=blocks),
                                DEFAULT_SETTINGS)
    return [(f.text, f.indicator) for f in record.figures]


def test_the_tail_stops_at_va_opening_the_next_item() -> None:
    text = "vốn lồng ghép 2.500 triệu và vốn do dân góp 800 triệu"
    end = text.index("triệu") + len("triệu")
    assert figure_tail(text, end).strip() == ""


def test_the_tail_still_names_what_a_ratio_counts() -> None:
    text = "Có 9/9 thôn đều có điện lưới, an toàn."
    end = text.index("thôn") + len("thôn")
    assert "có điện" in figure_tail(text, end)


def test_a_sum_before_the_residents_share_is_not_theirs() -> None:
    got = dict(indicators("Vốn đầu tư 6 tỷ đồng, gồm vốn lồng ghép 2.500 triệu đồng"
                          " và vốn nhân dân đóng góp 800 triệu đồng."))
    assert got["2.500 triệu đồng"] != "residents_money_vnd"
    assert got["800 triệu đồng"] == "residents_money_vnd"


def test_households_given_water_are_not_given_housing() -> None:
    got = dict(indicators("- Làm nhà ở cho 9 hộ nghèo và hỗ trợ bể nước sinh hoạt cho 14 hộ."))
    assert got["9 hộ nghèo"] == "housing_support_households"
    assert got["14 hộ"] is None


@pytest.mark.parametrize("line,figure", [
    ("- Số hộ có nhà ở đạt chuẩn của Bộ Xây dựng: 1.204/1.230 hộ.", "1.204/1.230 hộ"),
    ("- Hộ có nhà kiên cố và bán kiên cố 860 hộ, chiếm 97%.", "860 hộ"),
])
def test_housing_that_meets_the_standard_is_no_support(line: str, figure: str) -> None:
    assert dict(indicators(line))[figure] == "housing_standard_households"


def test_houses_built_with_support_stay_support() -> None:
    got = dict(indicators("- Hỗ trợ xây mới nhà ở kiên cố cho 6 hộ nghèo."))
    assert got["6 hộ nghèo"] == "housing_support_households"


@pytest.mark.parametrize("line,figure", [
    ("Đến nay xã đạt 15 tiêu chí, chưa đạt 4 tiêu chí.", "4 tiêu chí"),
    ("Xã tự đánh giá không đạt 3 tiêu chí.", "3 tiêu chí"),
])
def test_a_count_of_criteria_not_met_keeps_its_negation(line: str, figure: str) -> None:
    assert dict(indicators(line))[figure] == "criteria_unmet_count"


def test_counts_of_criteria_met_and_not_met_joined_by_va() -> None:
    got = dict(indicators("Xã có 15 tiêu chí đạt chuẩn và 4 tiêu chí chưa đạt."))
    assert got["15 tiêu chí"] == "criteria_met_count"
    assert got["4 tiêu chí"] == "criteria_unmet_count"


def test_villages_a_campaign_reached_are_not_villages_meeting_the_programme() -> None:
    assert dict(indicators("- Đoàn Thanh niên tuyên truyền về nông thôn mới tại 8/8 thôn."))["8/8 thôn"] is None


def test_villages_meeting_the_programme_stay_so() -> None:
    assert dict(indicators("- Có 3/8 thôn đạt chuẩn nông thôn mới."))["3/8 thôn"] == "villages_ntm"


@pytest.mark.parametrize("case", load_pattern("indicators")["other_places_examples"])
def test_other_places_examples(case: str) -> None:
    assert of_another_place(spelt(normalize(case)))


@pytest.mark.parametrize("case", load_pattern("indicators")["other_places_counter_examples"])
def test_other_places_counter_examples(case: str) -> None:
    assert not of_another_place(spelt(normalize(case)))


def test_a_neighbouring_communes_count_is_no_indicator_of_the_report() -> None:
    got = dict(indicators("Xã kế bên của chúng tôi đã có 17/19 tiêu chí đạt chuẩn.",
                          "Còn xã ta có 14/19 tiêu chí đạt chuẩn."))
    assert got["17/19 tiêu chí"] is None
    assert got["14/19 tiêu chí"] == "criteria_met_count"


def test_a_district_wide_count_is_no_indicator_of_the_commune() -> None:
    got = dict(indicators("- Toàn huyện có 2.350 hộ nghèo.", "- Toàn xã có 86 hộ nghèo."))
    assert got["2.350 hộ nghèo"] is None
    assert got["86 hộ nghèo"] == "poor_households"


def test_criteria_a_household_meets_are_no_count_of_the_commune() -> None:
    got = dict(indicators("- Vận động 30 hộ tham gia, có 12 hộ đạt 7 tiêu chí của cuộc vận động."))
    assert got["7 tiêu chí"] is None


def test_the_words_since_the_figure_before_decide_over_the_clause() -> None:
    got = dict(indicators("Xã chưa đạt 3 tiêu chí, nay đã đạt 16 tiêu chí."))
    assert got["3 tiêu chí"] == "criteria_unmet_count"
    assert got["16 tiêu chí"] == "criteria_met_count"


@pytest.mark.parametrize("header,status", [
    ("Kế hoạch", FigureStatus.PLAN),
    ("Kế hoạch năm 2025", FigureStatus.PLAN),
    ("Mục tiêu đến 2025", FigureStatus.TARGET),
    ("Kết quả thực hiện kế hoạch", FigureStatus.RESULT),
    ("Thực hiện", None),
    ("Tỷ lệ (%)", None),
])
def test_a_column_header_gives_its_cells_a_status(header: str, status: FigureStatus | None) -> None:
    assert header_to_status(spelt(normalize(header))) == status


def test_a_plan_column_of_a_table_holds_plans() -> None:
    cells = [("Chỉ tiêu", 0, 0), ("Đơn vị tính", 0, 1), ("Kế hoạch", 0, 2), ("Thực hiện", 0, 3),
             ("Đường trục xã được nhựa hóa", 1, 0), ("km", 1, 1), ("8,5", 1, 2), ("6,2", 1, 3)]
    blocks = [Block(i, BlockKind.TABLE_CELL, t, cell=CellPosition(0, r, c)) for i, (t, r, c) in enumerate(cells)]
    record = document_to_record(Document(path="mem.txt", format="txt", sha256="0", blocks=blocks),
                                DEFAULT_SETTINGS)
    got = {f.text: f.status for f in record.figures}
    assert got == {"8,5": FigureStatus.PLAN, "6,2": FigureStatus.RESULT}


def test_the_level_the_programme_started_from_is_a_baseline() -> None:
    blocks = [Block(0, BlockKind.PARAGRAPH, "Hồi mới bắt đầu xây dựng nông thôn mới, xã chỉ đạt 6 tiêu chí."),
              Block(1, BlockKind.PARAGRAPH, "Đến nay xã đạt 15 tiêu chí.")]
    record = document_to_record(Document(path="mem.txt", format="txt", sha256="0", blocks=blocks),
                                DEFAULT_SETTINGS)
    got = {f.text: f.status for f in record.figures}
    assert got == {"6 tiêu chí": FigureStatus.BASELINE, "15 tiêu chí": FigureStatus.RESULT}


def test_an_amount_right_after_giao_is_allocated() -> None:
    got = dict(indicators("+ Dự án 2 (giảm nghèo): giao 900 triệu đồng, giải ngân 450 triệu đồng, đạt 50%."))
    assert got["900 triệu đồng"] == "funds_allocated_vnd"
    assert got["450 triệu đồng"] == "funds_disbursed_vnd"
