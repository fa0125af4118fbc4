"""The main identity bank wrote "tỉnh {province}", so a report of a commune of Hà Nội (a
centrally-run city, "thành phố Hà Nội") read "tỉnh Hà Nội". Its forms now write the province
with its kind ({province_unit})."""
from __future__ import annotations

from corpus import banks
from corpus.generate import province_with_kind


def test_a_centrally_run_city_is_a_thanh_pho_and_a_province_a_tinh() -> None:
    assert province_with_kind("Hà Nội") == {"province_unit": "thành phố Hà Nội"}
    assert province_with_kind("Bắc Kạn") == {"province_unit": "tỉnh Bắc Kạn"}


def test_no_form_of_the_main_identity_bank_writes_tinh_before_the_province() -> None:
    ib = banks.bank("main", "identity")
    forms = [line for h in ib["letterheads"] for line in h["lines"]]
    forms += [f["text"] for part in ("titles", "intros") for f in ib[part]]
    assert not [f for f in forms if "tỉnh {province}" in f.casefold()]
    assert any("{province_unit}" in f for f in forms)
