"""The fifteenth held-out audit's identity (lines written for these tests): a survey form fills
in its units as fields, each prefix a label with a colon ("Xã: Cao Sơn. Huyện: Đà Bắc. Tỉnh:
Hòa Bình.", "Tên xã: Cao Sơn"), a label may name every kind of unit the field takes
("Tỉnh/thành phố:", "Huyện/TX/TP:"), the first saying the level. A unit's word in lower case
before a colon inside a sentence opens what is said of it and fills no field."""
from __future__ import annotations

import pytest

from extractor.extract.gazetteer import gazetteer
from tests.extract.helpers import places_of

pytestmark = pytest.mark.skipif(gazetteer() is None, reason="gazetteer data (extra 'gazetteer') not installed")

TITLE = "Phiếu hỏi ý kiến người dân về xây dựng nông thôn mới tại xã Cao Sơn"


def test_cao_son_is_a_commune_of_several_districts() -> None:
    assert places_of(TITLE) == ("Cao Sơn", None, None)


@pytest.mark.parametrize("lines", [
    (TITLE, "Phần I. Thông tin chung — Xã: Cao Sơn. Huyện/thị xã: Đà Bắc. Tỉnh/thành phố: Hòa Bình."),
    # the same fields, one a line and in capitals
    (TITLE, "XÃ: CAO SƠN", "HUYỆN: ĐÀ BẮC", "TỈNH: HÒA BÌNH"),
    # the fields in a table row, the kinds a label takes abbreviated
    (TITLE, "Xã/phường: Cao Sơn | Huyện/TX/TP: Đà Bắc | Tỉnh/TP.: Hòa Bình"),
    # each field's label the name of the unit ("Tên xã:")
    (TITLE, "Tên xã: Cao Sơn; tên huyện: Đà Bắc; tên tỉnh: Hòa Bình."),
])
def test_units_filled_in_as_fields_are_read(lines: tuple[str, ...]) -> None:
    assert places_of(*lines) == ("Cao Sơn", "Đà Bắc", "Hòa Bình")


def test_other_fields_give_other_places() -> None:
    assert places_of(TITLE, "Phần I. Thông tin chung — Xã: Cao Sơn. Huyện/thị xã: Bạch Thông. "
                     "Tỉnh/thành phố: Bắc Kạn.") == ("Cao Sơn", "Bạch Thông", "Bắc Kạn")


def test_a_district_level_town_and_a_central_city_as_fields() -> None:
    assert places_of("Phiếu khảo sát", "Thị xã: Sơn Tây; Thành phố: Hà Nội")[1:] == ("Sơn Tây", "Hà Nội")


def test_a_lower_case_units_word_before_a_colon_fills_no_field() -> None:
    assert places_of(TITLE, "Ý kiến của cấp huyện: Đà Bắc cần hỗ trợ thêm vốn.") == ("Cao Sơn", None, None)
