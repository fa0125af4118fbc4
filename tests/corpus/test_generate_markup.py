"""Markup a phrasing bank may use beyond the main bank's: two-digit criterion numbers ({n2}),
a list style's own closing joiner (`last`), the district's bare name ({district_name}), identity
forms of a document genre (a title's heading and number suffix, a letterhead's place) and a
bank's own closing (`closings`: "Nơi nhận" list and signature).
Synthetic forms only: no held-out bank's wording is quoted here."""
from __future__ import annotations

import random
from typing import Any

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


def _genre_bank(monkeypatch: pytest.MonkeyPatch) -> None:
    """The main bank's titles and openings, put in a genre of their own, beside one letterhead,
    title and opening of a synthetic genre."""
    main = {k: [f | {"genre": "report"} for f in v] for k, v in banks.bank("main", "identity").items()
            if k in ("titles", "intros")}
    ident: dict[str, Any] = {
        "letterheads": [{"genre": "g", "lines": ["LETTERHEAD {DISTRICT_NAME}"], "states": ["district"],
                         "place": "{district_name}"}],
        "titles": main["titles"] + [{"genre": "g", "heading": "HEADING OF {COMMUNE}", "number": "XY-Z",
                                     "text": "Title of {commune}, {@period}", "states": []}],
        "intros": main["intros"] + [{"genre": "g", "states": ["district", "province"],
                                     "text": "Opening of {commune}, {district}, {province}."}]}
    real = banks.bank
    monkeypatch.setattr(banks, "bank", lambda name, kind: ident if kind == "identity" else real("main", kind))


def test_a_letterhead_of_a_genre_takes_a_title_and_opening_of_its_genre(monkeypatch: pytest.MonkeyPatch) -> None:
    _genre_bank(monkeypatch)
    for i in range(6):
        report = gen.build_report(3, i, gen.schedule(i), "main")
        text = gen.report_to_text(report)
        g = report.gold
        assert f"HEADING OF {g['commune'].upper()}" in text and "BÁO CÁO\n" not in text
        assert f"Title of {g['commune']}, {g['period']}" in text
        assert f"Opening of {g['commune']}" in text
        assert "/XY-Z" in text and "/BC-UBND" not in text
        assert f"{g['district']}, ngày" in text  # the letterhead's place dates the document
        assert gen.self_check(text, g) == []


def test_a_form_of_a_genre_is_followed_by_forms_of_its_genre_or_of_none() -> None:
    answer, speech, plain = {"genre": "answer", "text": "A"}, {"genre": "speech", "text": "S"}, {"text": "P"}
    assert banks.of_genre([answer, speech, plain], "speech") == [speech, plain]
    assert banks.of_genre([answer, speech], None) == [answer, speech]
    with pytest.raises(ValueError):
        banks.of_genre([answer], "survey")


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
