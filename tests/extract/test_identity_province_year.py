"""A province the gazetteer settles (the report does not name it) took the data's name whatever
the report's year: the data name Thừa Thiên Huế "Huế" in both periods, so a report of 2023
read "Huế", a name the province took on 1 January 2025. The report's year (its date's, or its
period's) now decides; a province the report names keeps the report's spelling."""
from __future__ import annotations

import pytest

from extractor.extract.gazetteer import gazetteer, name_in_year
from tests.extract.helpers import identity_of, places_of

pytestmark = pytest.mark.skipif(gazetteer() is None, reason="gazetteer data (extra 'gazetteer') not installed")


def test_name_in_year() -> None:
    assert name_in_year("Huế", 2024) == "Thừa Thiên Huế"
    assert name_in_year("Huế", 2025) == name_in_year("Huế", None) == "Huế"
    assert name_in_year("Bắc Kạn", 2019) == "Bắc Kạn"


# Thừa Thiên Huế became the city of Huế on 1 January 2025; the gazetteer's data name it Huế in
# both periods. Phú Hồ is a commune of Phú Vang, in it only.
@pytest.mark.parametrize("date_line, province", [
    ("Phú Hồ, ngày 10 tháng 3 năm 2023", "Thừa Thiên Huế"),
    ("Phú Hồ, ngày 10 tháng 3 năm 2025", "Huế"),
])
def test_a_settled_province_takes_its_name_in_the_report_s_year(date_line: str, province: str) -> None:
    ident = identity_of("UBND XÃ PHÚ HỒ", date_line)
    assert (ident.district, ident.province) == ("Phú Vang", province)
    assert ident.evidence["province_inferred"].text.endswith(province)


def test_a_province_the_report_names_keeps_its_spelling_whatever_the_year() -> None:
    assert places_of("UBND XÃ PHÚ HỒ, TỈNH THỪA THIÊN HUẾ", "Phú Hồ, ngày 10 tháng 9 năm 2025")[2] == "Thừa Thiên Huế"
    assert places_of("UBND XÃ PHÚ HỒ", "thành phố Huế", "Phú Hồ, ngày 10 tháng 3 năm 2023")[2] == "Huế"


def test_a_report_of_no_year_gets_the_data_s_name() -> None:
    assert places_of("UBND XÃ PHÚ HỒ")[2] == "Huế"
