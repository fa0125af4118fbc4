"""What a figure is about (extractor/checks/scope.py): place, time and status read from its
sentence and the headings above it, and the report's year."""
from __future__ import annotations

import pytest

from extractor.checks.scope import report_year, scope_at, scope_in_section
from extractor.core.model import CriteriaStatus, Identity, Record


def _scope(text: str, figure: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(figure, start + 1)
    return scope_at(text, start, start + len(figure))


YEARS = "Năm 2019 xã đạt 13/19 tiêu chí, năm 2020 xã đạt 14 tiêu chí, đến nay xã đạt 16 tiêu chí."


@pytest.mark.parametrize(("figure", "years"), [("13/19 tiêu chí", {2019}), ("14 tiêu chí", {2020}),
                                               ("16 tiêu chí", set())])
def test_a_figure_takes_the_year_of_the_nearest_clause_that_names_one(figure, years):
    # "đến nay" names the figure's time itself: the present, not the year of the clause before
    assert _scope(YEARS, figure).years == years


def test_a_clause_of_the_present_stops_the_walk_back_to_an_earlier_year():
    scope = _scope(YEARS, "16 tiêu chí")
    assert scope.now and not scope.years
    # without a word of the present the earlier clause's year still holds
    assert _scope("Năm 2020 xã đạt 14 tiêu chí, xã đạt 16 tiêu chí.", "16 tiêu chí").years == {2020}


def test_several_communes_and_the_commune_itself():
    text = "Toàn huyện có 3 xã đạt 19 tiêu chí, xã Tân Phong đạt 17 tiêu chí."
    assert _scope(text, "19 tiêu chí").several_places
    assert not _scope("Đến nay xã Tân Phong đạt 17 tiêu chí.", "17 tiêu chí").several_places


def test_met_unmet_target_and_baseline():
    text = "Xã đạt 17/19 tiêu chí, còn 2 tiêu chí chưa đạt."
    assert not _scope(text, "17/19 tiêu chí").unmet and _scope(text, "2 tiêu chí").unmet
    assert _scope("Phấn đấu năm 2025 đạt 19 tiêu chí.", "19 tiêu chí").target
    pct = "Tỷ lệ hộ nghèo đầu năm là 5,6%, cuối năm còn 5,0%."
    assert _scope(pct, "5,6%").baseline and not _scope(pct, "5,0%").baseline


def test_a_plan_heading_makes_a_target_and_gives_its_year():
    s = scope_in_section(_scope("Nhân dân đóng góp 2.600 ngày công.", "2.600 ngày công"),
                         ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024",))
    assert s.target and s.years == {2024}
    kept = scope_in_section(_scope("Nhân dân đóng góp 2.600 ngày công.", "2.600 ngày công"),
                            ("I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2023",))
    assert not kept.target and kept.years == {2023}


def test_a_figure_without_a_year_is_of_the_reports_year():
    dated = _scope("Năm 2019 xã đạt 16 tiêu chí.", "16 tiêu chí")
    undated = _scope("Xã đạt 16 tiêu chí.", "16 tiêu chí")
    assert undated.same_measure(dated)  # no report year known: any year
    assert not undated.same_measure(dated, 2023)


def test_a_figure_of_the_present_is_not_of_a_year_named_when_the_report_year_is_unknown():
    dated = _scope("Năm 2019 xã đạt 16 tiêu chí.", "16 tiêu chí")
    now = _scope("Đến nay xã đạt 16 tiêu chí.", "16 tiêu chí")
    assert not now.same_measure(dated) and now.same_measure(dated, 2019)
    assert now.same_measure(_scope("Xã đạt 16 tiêu chí.", "16 tiêu chí"))


def test_a_sum_over_years_is_not_one_years_figure():
    text = "Năm 2023 giải ngân 2 tỷ đồng, lũy kế từ năm 2021 đến nay giải ngân 15 tỷ đồng."
    year, total = _scope(text, "2 tỷ đồng"), _scope(text, "15 tỷ đồng")
    assert total.cumulative and not year.cumulative and not year.same_frame(total, 2023)
    period = "Tổng vốn giai đoạn 2021-2023 là 18.500 triệu đồng, trong đó: năm 2021 là 5.000 triệu đồng."
    whole, part = _scope(period, "18.500 triệu đồng"), _scope(period, "5.000 triệu đồng")
    assert whole.cumulative and not part.cumulative and whole.may_hold(part) and not part.may_hold(whole)


@pytest.mark.parametrize(("period", "date", "year"), [("2021-2023", "2023-08", 2023), (None, "2022-12", 2022),
                                                      ("2021-2025", None, 2025), (None, None, None)])
def test_report_year_is_the_end_of_the_period_else_the_date(period, date, year):
    rec = Record(source={}, identity=Identity(period=period, report_date=date), criteria=CriteriaStatus(),
                 figures=[], flags=[])
    assert report_year(rec) == year
