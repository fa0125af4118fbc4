"""Regression (issue 17): `ntm extract` of a short report compiled every regex of the criterion
names (one ~3,700-character alternation, ~5 ms) and all four unit regexes, though it matched one
name and met no multiplier or OCR text. Now the names are compiled by the first character at
the position matched, and each unit regex when first used; what they match is unchanged."""
from __future__ import annotations

import re

import pytest

from extractor.extract import criteria_sets
from extractor.extract.criteria_sets import NamePattern, _alias_to_regex, name_table
from extractor.text import units
from extractor.text.fold import per_reading

TEXTS = [
    "Đến nay xã đạt 17/19 tiêu chí: Quy hoạch, Giao thông; Thủy lợi và phòng, chống thiên tai; "
    "tiêu chí số 8 - Thông tin & Truyền thông; HỘ NGHÈO; môi trường và an toàn thực phẩm.",
    "Tiêu chí Hệ thống chính trị và tiếp cận pháp luật, Quốc phòng và An ninh chưa đạt.",
    "\n(Văn hóa)\tcơ sở vật chất văn hoá, y tế - giáo dục",
]


@pytest.mark.parametrize("parts", [0, 4, 1000])
def test_a_name_matched_at_every_position_as_by_the_whole_alternation(
        parts: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(criteria_sets, "_PARTS_BEFORE_WHOLE", parts)
    whole = re.compile(rf"(?<!\w)(?:{'|'.join(_alias_to_regex(n) for n, _ in name_table())})(?!\w)",
                       re.IGNORECASE)
    names = [n for n, _ in name_table()]
    pattern = NamePattern("commune")
    found = 0
    for text in [*TEXTS, *names, *(n.upper() for n in names)]:
        for pos in range(-1, len(text) + 2):
            expected = whole.match(text, pos)
            got = pattern.match(text, pos)
            assert (got and got.span()) == (expected and expected.span()), (text, pos)
            found += expected is not None
        searched, expected_search = pattern.search(text), whole.search(text)
        assert (searched and searched.span()) == (expected_search and expected_search.span())
    assert found > 2 * len(names)


def test_a_short_text_compiles_the_names_of_its_first_letters_only() -> None:
    pattern = NamePattern("commune")
    assert pattern.match("Giao thông đạt", 0)
    assert pattern.match("xã đạt", 3) is None
    assert set(pattern._by_char) == {"G", "đ"}
    assert pattern._whole is None


def test_a_long_report_compiles_a_few_parts_then_the_whole_alternation() -> None:
    pattern = NamePattern("commune")
    for name, _ in name_table():
        assert pattern.match(name.title())
    assert pattern._parts == criteria_sets._PARTS_BEFORE_WHOLE
    assert pattern._whole is not None


def test_each_unit_regex_compiled_when_first_used(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[str] = []

    def made_afresh(name: str) -> None:
        """`units.<name>` made anew when first used, noted in `made`."""
        make = getattr(units, name).__wrapped__

        def noted() -> object:
            made.append(name)
            return make()
        monkeypatch.setattr(units, name, per_reading(noted))

    for name in ("_unit_regex", "_tolerant_regex", "_multipliers", "_per_units"):
        made_afresh(name)
    assert units.unit_at("12 ha", 2) is not None
    assert made == ["_unit_regex"]
    assert units.tolerant_unit_at("12 ngay cong", 2) is not None
    assert made == ["_unit_regex", "_tolerant_regex"]
