"""Markup a phrasing bank may use beyond the main bank's: two-digit criterion numbers ({n2}),
a list style's own closing joiner (`last`), the district's bare name ({district_name}), identity forms of
one genre (`genre`) and a bank's own closing (`closings`: "Nơi nhận" list and signature).
Synthetic forms only: no held-out bank's wording is quoted here."""
from __future__ import annotations

import random

import pytest

from corpus import banks
from corpus import generate as gen


def test_two_digit_number_in_an_item_form() -> None:
    assert banks.fill_number("TC{n2}/{n}", 6) == "TC06/6"
    assert banks.fill_number("TC{n2}", 14) == "TC14"
    assert banks.fill_number("{n}", 6) == "6"


def _namer(seed: int) -> banks.Namer:
    return banks.Namer(banks.catalogue("2021-2025"), None, random.Random(seed))


def test_a_style_with_a_closing_joiner_ends_its_list_with_it_or_its_separator() -> None:
    style = {"family": "both", "item": "#{n2} {name}", "seps": [" / "], "last": [" & "]}
    endings = set()
    for seed in range(20):
        rng = random.Random(seed)
        text = banks.render_list([2, 6, 10], style, _namer(seed), rng)
        assert text.startswith("#02 ") and text.count(" / ") + text.count(" & ") == 2
        endings.add(" & " in text)
    assert endings == {True, False}


def test_a_style_without_a_closing_joiner_draws_as_before() -> None:
    """A style without `last` takes the draws it took before the markup existed (here one:
    its separator), so the tuned splits regenerate byte for byte."""
    style = {"family": "names", "item": "{name}", "seps": [" / ", " // "]}
    rng, expected = random.Random(3), random.Random(3)
    text = banks.render_list([2, 6, 10], style, _namer(3), rng)
    sep = expected.choice(style["seps"])
    assert rng.getstate() == expected.getstate()
    assert text.count(sep) == 2 and " & " not in text


def test_district_name_without_its_kind() -> None:
    names = {"commune": "A", "district": "huyện B C", "province": "D"} | gen.names_without_kind("B C")
    text = banks.fill_names("{commune} ({district_name}, {province}); {DISTRICT_NAME}; {district}", names)
    assert text == "A (B C, D); B C; huyện B C"


def test_an_intro_is_drawn_from_its_titles_genre_or_from_every_intro_without_genres() -> None:
    answer = {"genre": "answer", "text": "A"}
    speech = {"genre": "speech", "text": "S"}
    plain = {"text": "P"}
    assert banks.same_genre([answer, speech, plain], {"genre": "speech"}) == [speech, plain]
    assert banks.same_genre([answer, speech], {"text": "untagged title"}) == [answer, speech]
    assert banks.same_genre([answer], {"genre": "survey"}) == [answer]  # none fits: any


def _main_with_identity(monkeypatch: pytest.MonkeyPatch, extra: dict) -> None:
    real = banks.bank
    identity = dict(real("main", "identity")) | extra
    monkeypatch.setattr(banks, "bank", lambda name, kind: identity if kind == "identity" else real("main", kind))


def test_a_banks_closing_replaces_the_default_receivers_and_signature(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bank's `closings` (synthetic here) give the "Nơi nhận" list, naming other units, and
    the signature block; the gold's identity stays the report's own."""
    closing = {"receivers": ["- Ban X {district_name};", "- UBND xã {@other_commune};"],
               "signature": ["TM. UBND XÃ {COMMUNE}", "KT. CHỦ TỊCH"]}
    _main_with_identity(monkeypatch, {"closings": [closing]})
    report = gen.build_report(3, 7, gen.schedule(7), "main")
    texts = [b.text for b in report.blocks if isinstance(b, gen.Para)]
    at = texts.index("Nơi nhận:")
    gold = report.gold
    assert texts[at + 1] == f"- Ban X {gold['district']};"
    assert texts[at + 2].startswith("- UBND xã ") and gold["commune"] not in texts[at + 2]
    assert texts[at + 3:at + 5] == [f"TM. UBND XÃ {gold['commune'].upper()}", "KT. CHỦ TỊCH"]
    assert gen.self_check(gen.report_to_text(report), gold) == []


def test_a_bank_without_closings_keeps_the_default_ones() -> None:
    report = gen.build_report(3, 7, gen.schedule(7), "main")
    texts = [b.text for b in report.blocks if isinstance(b, gen.Para)]
    at = texts.index("Nơi nhận:")
    assert texts[at + 2:at + 6] == ["- Thường trực Đảng ủy, HĐND xã;", "- Lưu: VP UBND xã.",
                                    "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
