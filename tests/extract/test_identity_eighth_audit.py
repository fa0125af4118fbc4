"""The eighth held-out audit's identity (lines written for these tests): a commune the gazetteer
does not hold (merged or renamed before its data were taken, or simply missing) with its
district and province in brackets after it ("xã Nà Pù Lạc (Bạch Thông, Bắc Kạn)"). The places
are read when they are themselves a district and the province the gazetteer puts it in; a
bracket whose parts do not fit together, or a visitor's bracket, changes nothing. A prefix in
capitals before the bracketed name ("XÃ NÀ PÙ LẠC (BẠCH THÔNG, BẮC KẠN)") is no part of it, and
the prefix says the level of the name: "huyện Phong Điền (Cần Thơ)" is the district, though a
commune (a town) of the same name lies in it."""
from __future__ import annotations

import pytest

from extractor.extract.gazetteer import gazetteer
from tests.extract.helpers import places_of

pytestmark = pytest.mark.skipif(gazetteer() is None, reason="gazetteer data (extra 'gazetteer') not installed")

def test_the_names_used_here_are_unknown_to_the_gazetteer() -> None:
    gz = gazetteer()
    assert gz is not None and gz.communes("Nà Pù Lạc") == () and gz.communes("Khuổi Tát") == ()


@pytest.mark.parametrize(("line", "expected"), [
    ("Bản tin phát thanh của xã Nà Pù Lạc (Bạch Thông, Bắc Kạn) tuần này.", ("Nà Pù Lạc", "Bạch Thông", "Bắc Kạn")),
    ("Chuyên mục nông thôn mới – xã Khuổi Tát (Bố Trạch, Quảng Bình)", ("Khuổi Tát", "Bố Trạch", "Quảng Bình")),
    ("XÃ NÀ PÙ LẠC (BẠCH THÔNG, BẮC KẠN)", ("Nà Pù Lạc", "Bạch Thông", "Bắc Kạn")),
    # a lone part naming a province and a district (the town of Bắc Kạn) is the province
    ("Tin của xã Nà Pù Lạc (Bắc Kạn) gửi về.", ("Nà Pù Lạc", None, "Bắc Kạn")),
])
def test_the_bracket_of_a_commune_the_gazetteer_does_not_hold(line: str, expected: tuple[str, str, str]) -> None:
    assert places_of(line) == expected


@pytest.mark.parametrize("line", [
    "Bản tin của xã Nà Pù Lạc (Bạch Thông, Quảng Bình) tuần này.",  # Bạch Thông is not in Quảng Bình
    "Ý kiến của xã Nà Pù Lạc (Kính gửi, Bắc Kạn).",  # a part that is no place
])
def test_a_bracket_whose_parts_do_not_fit_together_is_not_read(line: str) -> None:
    assert places_of(line) == ("Nà Pù Lạc", None, None)


def test_a_visitors_bracket_leaves_the_reports_own_places() -> None:
    assert places_of("UBND xã Lục Bình tiếp đoàn xã Nà Pù Lạc (Bố Trạch, Quảng Bình).", "UBND xã Lục Bình") == (
        "Lục Bình", "Bạch Thông", "Bắc Kạn")


def test_a_known_communes_capitalised_bracket_is_still_read() -> None:
    assert places_of("XÃ VŨ MUỘN (BẠCH THÔNG, BẮC KẠN)") == ("Vũ Muộn", "Bạch Thông", "Bắc Kạn")


@pytest.mark.parametrize(("line", "expected"), [
    ("Thực hiện chỉ đạo của UBND huyện Phong Điền (Cần Thơ), xã Nà Pù Lạc đã rà soát các tiêu chí.",
     ("Nà Pù Lạc", "Phong Điền", "Cần Thơ")),
    ("Theo kế hoạch của UBND huyện Phong Điền (Thừa Thiên Huế), xã Nà Pù Lạc tổ chức tự đánh giá.",
     ("Nà Pù Lạc", "Phong Điền", "Thừa Thiên Huế")),
])
def test_a_bracket_after_a_district_is_read_at_the_district(line: str, expected: tuple[str, str, str]) -> None:
    assert places_of("UBND XÃ NÀ PÙ LẠC", line) == expected


def test_a_bracket_after_a_district_that_is_no_district_there_is_not_read() -> None:
    line = "Thực hiện chỉ đạo của UBND huyện Phong Điền (Bắc Kạn), xã Nà Pù Lạc đã rà soát các tiêu chí."
    assert places_of("UBND XÃ NÀ PÙ LẠC", line)[2] is None
