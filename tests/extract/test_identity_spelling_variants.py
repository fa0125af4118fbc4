"""A commune the report spells otherwise than the gazetteer's data was not found, so its
district and province were not settled (district lookups already met "Đăk"/"Đắk"): a highland
name without its circumflex ("Krong Na" for "Krông Na", "Ea Kenh" for "Ea Kênh"), a stop
syllable without its acute ("Đắk Pxi" / "Đăk Pxi"), an open syllable in "i" for "y" ("Lí
Quốc" for "Lý Quốc", "Kì Sơn" for "Kỳ Sơn"). Lookups try the plain key first, then the
variant key; another tone or another letter is another name. The report keeps its spelling."""
from __future__ import annotations

import pytest

from extractor.extract.gazetteer import gazetteer, variant_key
from tests.extract.test_identity_fifth_audit import places

pytestmark = pytest.mark.skipif(gazetteer() is None, reason="gazetteer data (extra 'gazetteer') not installed")


@pytest.mark.parametrize("written, expected", [
    ("Krong Na", ("Krong Na", "Buôn Đôn", "Đắk Lắk")),
    ("Ea Kenh", ("Ea Kenh", "Krông Pắc", "Đắk Lắk")),
    ("Đắk Pxi", ("Đắk Pxi", "Đăk Hà", "Kon Tum")),
    ("Lí Quốc", ("Lí Quốc", "Hạ Lang", "Cao Bằng")),
])
def test_a_commune_spelt_as_a_variant_settles_its_district_and_province(
        written: str, expected: tuple[str, str, str]) -> None:
    assert places(f"UBND XÃ {written.upper()}", f"Báo cáo của xã {written}") == expected


def test_a_district_spelt_with_i_for_y() -> None:
    assert places("UBND xã Hữu Kiệm, huyện Kì Sơn")[1:] == ("Kì Sơn", "Nghệ An")


@pytest.mark.parametrize("name", ["Ea Kanh", "Đặk Pxi", "Krông Nà"])
def test_another_letter_or_tone_is_another_name(name: str) -> None:
    assert gazetteer().communes(name) == ()  # type: ignore[union-attr]


def test_variant_key() -> None:
    assert variant_key("Krông Na") == variant_key("Krong Na")
    assert variant_key("Kỳ Sơn") == variant_key("Kì Sơn") and variant_key("Quý Lộc") == variant_key("Quí Lộc")
    assert variant_key("Đắk Pxi") == variant_key("Đăk Pxi")
    # "uy" is no open syllable in "y"; the tone stays
    assert variant_key("Thụy") != variant_key("Thụi")
    assert variant_key("Lâm") != variant_key("Lầm")
